import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../api-gateway-event.js";
import { seededCodes, startHardeningStack } from "./hardening-stack.js";

/**
 * 10,000 guessed codes in the official format against every route that takes a code: the lookup limits hold as
 * configured (bursts included), and no route tells a real code from an unknown one to a non-owner.
 */
const limits = { user: 30, userFailed: 10, address: 1200, addressFailed: 200 };
const guesses = 10_000;
const inFlight = 16;

let h: Awaited<ReturnType<typeof startHardeningStack>>;
beforeAll(async () => {
  h = await startHardeningStack({
    RATE_LIMIT_USER_PER_MINUTE: String(limits.user),
    RATE_LIMIT_USER_FAILED_PER_MINUTE: String(limits.userFailed),
    RATE_LIMIT_ADDRESS_PER_MINUTE: String(limits.address),
    RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: String(limits.addressFailed),
  });
});
afterAll(async () => h?.stack.stop());

const guessedCode = (i: number) => `000.00.20.H27-261120-${String(3000 + (i % 7000)).padStart(4, "0")}`;

function lookup(code: string, token: string, sourceIp: string) {
  return h.handlers.api(
    apiGatewayEvent({ routeKey: "GET /v1/dossiers/{code}", rawPath: `/v1/dossiers/${code}`, pathParameters: { code }, headers: { authorization: `Bearer ${token}` }, sourceIp }),
  );
}

async function inParallel<T>(count: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < count; i = next++) results[i] = await run(i);
    }),
  );
  return results;
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe("enumeration of dossier codes", () => {
  it(`one token, ${guesses} guesses in one window, ${inFlight} in flight: ${limits.userFailed} unknown codes answered, the rest 429`, async () => {
    const statuses = await inParallel(guesses, async (i) => (await lookup(guessedCode(i), h.tokens.citizen, "198.51.100.1")).statusCode ?? 0);
    const counts = tally(statuses);
    console.log(JSON.stringify({ oneToken: counts }));
    expect(counts).toEqual({ 404: limits.userFailed, 429: guesses - limits.userFailed });
    // The address behind it was charged only for what the per-user rule let through: another citizen there is served.
    expect((await lookup(seededCodes[0], h.tokens.staff, "198.51.100.1")).statusCode).toBe(200);
  });

  it(`150 tokens behind one address: at most ${limits.addressFailed} unknown codes answered in the window, bursts included`, async () => {
    h.clock.advanceSeconds(60);
    const tokens = await Promise.all(Array.from({ length: 150 }, async (_, i) => (await h.stack.createZaloUser(`Người thử ${i}`, `09${String(10000000 + i)}`, false)).accessToken));
    const statuses = await inParallel(guesses, async (i) => (await lookup(guessedCode(i), tokens[i % tokens.length]!, "198.51.100.2")).statusCode ?? 0);
    const counts = tally(statuses);
    console.log(JSON.stringify({ tokensBehindOneAddress: counts }));
    expect(counts[404]).toBe(limits.addressFailed);
    expect((counts[404] ?? 0) + (counts[429] ?? 0)).toBe(guesses);
  });

  it("the rating routes answer a non-owner the same for a real and an unknown code (and count nothing as found)", async () => {
    const answers = async (code: string) => {
      const get = await h.handlers.api(
        apiGatewayEvent({ routeKey: "GET /v1/dossiers/{code}/rating", rawPath: `/v1/dossiers/${code}/rating`, pathParameters: { code }, headers: { authorization: `Bearer ${h.tokens.staff}` } }),
      );
      const body = JSON.stringify({ attitude: "hai_long", result: "hai_long", overall: "hai_long" });
      const put = await h.handlers.api(
        apiGatewayEvent({ routeKey: "PUT /v1/dossiers/{code}/rating", rawPath: `/v1/dossiers/${code}/rating`, pathParameters: { code }, headers: { authorization: `Bearer ${h.tokens.staff}` }, body }),
      );
      return [get.statusCode, get.body, put.statusCode, put.body];
    };
    const unknown = await answers("000.00.20.H27-261120-9999");
    for (const code of seededCodes) expect(await answers(code)).toEqual(unknown);
    expect(unknown[0]).toBe(404);
  });
});

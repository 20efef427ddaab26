import { Agent } from "node:http";
import { dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { httpGet } from "./http-get.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { fmt, runForDuration } from "./load.js";

export interface LookupLoadOptions {
  clients: number;
  seconds: number;
  /** Distinct Zalo citizens, shared out among the clients (each client cycles through its own). */
  citizens: number;
  /** Share of the clients behind one carrier-NAT address; every other client has an address of its own. */
  sharedAddressShare: number;
}

export const defaultLookupLoad: LookupLoadOptions = { clients: 200, seconds: 30, citizens: 1000, sharedAddressShare: 0.25 };

const sharedAddress = "203.0.113.10";

/**
 * `clients` concurrent clients look dossiers up for `seconds` against a stack with its configured rate limits:
 * distinct citizens created in the Zalo emulator, a share of the clients behind one address, nine lookups in ten of
 * seeded dossiers (half with the receipt's signature) and one in ten of a well-formed code that does not exist.
 * Each citizen first opens the app (`GET /v1/me`, 16 at a time), which verifies the token with the emulator's Graph
 * API once; the window then measures lookups, not the emulator, which here shares the API's process and cores.
 * Prints the answers by status and the latencies; nothing is asserted about times.
 */
export async function benchLookupLoad(info: StackInfo, options: LookupLoadOptions): Promise<BenchLine[]> {
  const tokens = await createCitizens(info.zaloEmulatorUrl, options.citizens);
  const receipts = Object.values(info.receipts).map((url) => new URL(url).searchParams);
  if (receipts.length === 0) throw new Error("the stack has no seeded dossiers");
  const sharedClients = Math.round(options.clients * options.sharedAddressShare);
  const addressOf = (client: number) => (client < sharedClients ? sharedAddress : `10.${(client >> 8) & 255}.${client & 255}.${1 + (client % 200)}`);
  // One connection per client, as 200 phones would open.
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const opened = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        const client = Math.floor(i / Math.max(1, Math.floor(tokens.length / options.clients))) % options.clients;
        const response = await httpGet(`${info.apiUrl}/v1/me`, { authorization: `Bearer ${tokens[i]}`, "x-forwarded-for": addressOf(client) }, agent);
        opened.set(response.status, (opened.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const turn = new Array<number>(options.clients).fill(0);
  const perClient = Math.max(1, Math.floor(tokens.length / options.clients));

  const result = await runForDuration(async (client) => {
    const n = turn[client]!++;
    const token = tokens[(client * perClient + (n % perClient)) % tokens.length]!;
    const receipt = receipts[(client + n) % receipts.length]!;
    const unknown = n % 10 === 9;
    const code = unknown ? `000.00.20.H27-260101-${String(9000 + ((client + n) % 1000)).padStart(4, "0")}` : receipt.get("hs")!;
    const withSignature = !unknown && n % 2 === 0;
    const path = `/v1/dossiers/${unknown ? dossierCodeToPathSegment(code) : code}${withSignature ? `?k=${receipt.get("k")}` : ""}`;
    try {
      const response = await httpGet(`${info.apiUrl}${path}`, { authorization: `Bearer ${token}`, "x-forwarded-for": addressOf(client) }, agent);
      return `${client < sharedClients ? "shared" : "own"}:${response.status}`;
    } catch {
      return `${client < sharedClients ? "shared" : "own"}:connection error`;
    }
  }, options.seconds, options.clients);
  agent.destroy();

  const byStatus = new Map<string, number>();
  for (const [label, count] of result.outcomes) {
    const status = label.split(":")[1]!;
    byStatus.set(status, (byStatus.get(status) ?? 0) + count);
  }
  const count = (group: string, status: string) => result.outcomes.get(`${group}:${status}`) ?? 0;
  const serverErrors = [...byStatus].filter(([status]) => status.startsWith("5") || status === "connection error").reduce((sum, [, n]) => sum + n, 0);
  const statuses = [...byStatus].sort().map(([status, n]) => `${n} × ${status}`).join(", ");
  return [
    { name: `lookup load: ${tokens.length} citizens open the app first (GET /v1/me, 16 at a time)`, value: [...opened].map(([status, n]) => `${n} × ${status}`).join(", ") },
    {
      name: `lookup load: ${options.clients} clients for ${fmt(result.seconds, 0)} s, ${tokens.length} citizens, ${sharedClients} clients behind one address, limits as configured`,
      value: `${result.calls} lookups (${fmt(result.perSecond, 0)}/s): ${statuses}; 5xx and connection errors: ${serverErrors}`,
      target: "0 × 5xx",
    },
    {
      name: "lookup load: answers behind the shared address / with an address of their own",
      value: `shared: ${count("shared", "200")} × 200, ${count("shared", "404")} × 404, ${count("shared", "429")} × 429; own: ${count("own", "200")} × 200, ${count("own", "404")} × 404, ${count("own", "429")} × 429`,
    },
    { name: "lookup load: latency of every answer", value: `p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms (printed, not asserted)` },
  ];
}

/** Distinct citizens in the Zalo emulator, with a token each (a few in flight at a time). */
async function createCitizens(emulatorUrl: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 20) {
    const batch = Array.from({ length: Math.min(20, count - start) }, async (_, i) => {
      const response = await fetch(`${emulatorUrl}/_emulator/users`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `Công dân thử ${start + i + 1}` }),
      });
      if (response.status !== 201) throw new Error(`the emulator answered ${response.status} creating a citizen`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

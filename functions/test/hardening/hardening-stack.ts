import { createHash } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { FixedClock } from "../../src/adapters/in-memory/fixed-clock.js";
import { composeDependencies } from "../../src/composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../../src/composition/http-handlers.js";
import { loadConfig } from "../../src/config/config.js";
import { ingestSignature } from "../../src/handlers/http/ingest-signature.js";
import type { HttpFunctionName } from "../../src/config/function-names.js";
import { apiGatewayEvent } from "../api-gateway-event.js";
import { startTestStack, testSecrets } from "../test-stack.js";
import { firstIngestEvent, marriageRegistrationEvent } from "../builders.js";

/** The instant the suite is about; the clock moves only when a test moves it. */
export const suiteStart = new Date("2026-11-28T03:00:00.000Z");

export const seededCodes = ["000.00.20.H27-261120-0001", "000.00.20.H27-261120-0002", "03706/2026/07906"] as const;

/** A whole stack (DynamoDB Local, the Zalo emulator) with the real handlers on a clock the suite moves. */
export async function startHardeningStack(overrides: Record<string, string> = {}) {
  const stack = await startTestStack(overrides);
  const staff = await stack.createZaloUser("Lê Minh Quân", "0900000001", false);
  const citizen = await stack.createZaloUser("Trần Thị Bình", "0987654321", true);
  const clock = new FixedClock(suiteStart);
  const config = loadConfig({ ...envOf(stack), ...overrides, FIRST_ADMIN_ZALO_APP_USER_ID: staff.zaloAppUserId });
  const handlers: Record<HttpFunctionName, HttpHandler> = httpHandlersFrom(composeDependencies(config, { clock }));

  const signedHeaders = (content: string | Buffer) => {
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const signature = ingestSignature(testSecrets.ingest, timestamp, Buffer.isBuffer(content) ? content : Buffer.from(content)).toString("hex");
    return { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${signature}` };
  };
  const webhookSignature = (body: string, timestamp: string) =>
    `mac=${createHash("sha256").update("1234567890").update(body).update(timestamp).update(testSecrets.oaSecretKey).digest("hex")}`;

  const body = JSON.stringify({ events: seededCodes.map((code, i) => seedEvent(code, `seed-${i}`)) });
  const seeded = await handlers.ingest(
    apiGatewayEvent({ routeKey: "POST /v1/ingest/events", rawPath: "/v1/ingest/events", headers: signedHeaders(body), body }),
  );
  if (seeded.statusCode !== 200) throw new Error(`seeding failed: ${String(seeded.body)}`);

  /** Every item but the rate-limit counters (counting an attempt is what a refused lookup is meant to write). */
  async function fingerprint(): Promise<string> {
    const hash = createHash("sha256");
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.table.documentClient.send(
        new ScanCommand({ TableName: config.tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      for (const item of page.Items ?? []) {
        if (item.type === "RateLimitWindow") continue;
        count += 1;
        hash.update(JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return `${count}:${hash.digest("hex")}`;
  }

  return { stack, config, clock, handlers, tokens: { staff: staff.accessToken, citizen: citizen.accessToken }, signedHeaders, webhookSignature, fingerprint };
}

function envOf(stack: Awaited<ReturnType<typeof startTestStack>>): Record<string, string> {
  const c = stack.config;
  return {
    TABLE_NAME: c.tableName,
    DYNAMODB_ENDPOINT: stack.table.endpoint,
    INGEST_SECRETS: `${testSecrets.ingest},${testSecrets.ingestNext}`,
    RECEIPT_KEY: testSecrets.receiptKey,
    PHONE_HMAC_KEY: testSecrets.phoneKey,
    MINI_APP_ID: c.miniAppId,
    ZALO_APP_ID: "1234567890",
    ZALO_APP_SECRET: testSecrets.appSecret,
    ZALO_GRAPH_BASE_URL: stack.emulator.url,
    ZALO_OA_ID: "4321",
    ZALO_OA_SECRET_KEY: testSecrets.oaSecretKey,
    ZALO_OA_BASE_URL: stack.emulator.url,
    ZALO_ZNS_BASE_URL: stack.emulator.url,
    ZALO_OAUTH_BASE_URL: stack.emulator.url,
    ZALO_OA_INITIAL_REFRESH_TOKEN: testSecrets.oaRefreshToken,
  };
}

export function seedEvent(code: string, eventId: string) {
  return firstIngestEvent(code, {
    eventId,
    status: 9,
    occurredAt: "2026-11-25T08:00:00+07:00",
    ...marriageRegistrationEvent,
    receivedAt: "2026-11-20T08:00:00+07:00",
    dueAt: "2026-11-26T17:00:00+07:00",
  });
}

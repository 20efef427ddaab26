import { createHash } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startApiServer } from "../../test/api-server.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { outboxItemFor } from "../adapters/dynamodb/dossier-items.js";
import { DynamoDbOutboxRepository } from "../adapters/dynamodb/dynamodb-outbox-repository.js";
import { FixedClock } from "../adapters/in-memory/fixed-clock.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom } from "../composition/http-handlers.js";
import { httpRoutes } from "./routes.js";
import { indexNames } from "../adapters/dynamodb/table-definition.js";

type Stack = Awaited<ReturnType<typeof startTestStack>>;
/** The events below are dated around 1793000000000 ms (late October 2026); the freshness window is 24 hours. */
const clock = new FixedClock(new Date(1793000700000));
let stack: Stack;
let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  stack = await startTestStack();
  api = await startApiServer({ port: 0, host: "127.0.0.1", handlers: httpHandlersFrom(composeDependencies(stack.config, { clock })), routes: httpRoutes, log: () => {} });
});
afterAll(async () => {
  await api?.close();
  await stack?.stop();
});

async function emulatorSends(event: Record<string, unknown>, options: Record<string, unknown> = {}) {
  const response = await fetch(`${stack.emulator.url}/_emulator/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${api.url}/v1/zalo/webhook`, event, ...options }),
  });
  return (await response.json()) as { status: number; body: string; elapsedMs: number };
}

async function citizen(stackToRead: Stack, zaloAppUserId: string) {
  const result = await stackToRead.table.documentClient.send(
    new GetCommand({ TableName: stackToRead.config.tableName, Key: keys.citizen(zaloAppUserId) }),
  );
  return result.Item;
}

describe("POST /v1/zalo/webhook", () => {
  it("a delivery receipt (user_received_message) with our tracking id settles an unconfirmed message as sent, once", async () => {
    const repository = new DynamoDbOutboxRepository(stack.table.table);
    const notification = { kind: "dossier_status_changed", dossierCode: "000.00.20.H06-261028-0001", status: 4, procedureName: "Đăng ký khai sinh", dueAt: "2026-11-05T10:00:00.000Z", newDueAt: null, applicantPhone: "84987000009" } as const;
    const takenAt = new Date(1792990000000);
    const ids = ["receipt-unconfirmed", "receipt-sending"];
    for (const id of ids) {
      await stack.table.documentClient.send(new PutCommand({ TableName: stack.config.tableName, Item: outboxItemFor(id, notification, takenAt.toISOString()) }));
      await repository.acquire(id, "dead-sender", takenAt, new Date(takenAt.getTime() + 60_000));
    }
    await repository.markUnconfirmed("receipt-unconfirmed", new Date(takenAt.getTime() + 61_000));
    const receipt = (trackingId: string, msgId: string) => ({
      event_name: "user_received_message",
      sender: { id: "4321" },
      recipient: { id: "84987000009" },
      message: { delivery_time: "1793000000000", msg_id: msgId, tracking_id: trackingId },
      timestamp: "1793000000000",
    });

    expect(JSON.parse((await emulatorSends(receipt("receipt-unconfirmed", "zns-msg-1"))).body)).toEqual({ result: "recorded" });
    expect(await repository.get("receipt-unconfirmed")).toMatchObject({ state: "sent", zaloMessageId: "zns-msg-1" });
    expect(JSON.parse((await emulatorSends(receipt("receipt-unconfirmed", "zns-msg-1"))).body)).toEqual({ result: "duplicate" });
    // A receipt for a message still being sent, or for one we never wrote, changes nothing.
    expect(JSON.parse((await emulatorSends(receipt("receipt-sending", "zns-msg-2"))).body)).toEqual({ result: "ignored" });
    expect(await repository.get("receipt-sending")).toMatchObject({ state: "sending" });
    expect(JSON.parse((await emulatorSends(receipt("no-such-item", "zns-msg-3"))).body)).toEqual({ result: "ignored" });
    // A tracking id longer than Zalo allows (48) is refused.
    expect((await emulatorSends(receipt("x".repeat(49), "zns-msg-4"))).status).toBe(400);
  });

  it("records follow then unfollow, linking the OA id to the app id, and ignores a replay", async () => {
    const user = await stack.createZaloUser("Lê Văn Cường", "0987000001", false);
    const follow = { event_name: "follow", user_id_by_app: user.zaloAppUserId, follower: { id: user.zaloOaUserId }, source: "oa_profile" };
    const first = await emulatorSends({ ...follow, timestamp: "1793000000000" });
    expect(first).toMatchObject({ status: 200 });
    expect(JSON.parse(first.body)).toEqual({ result: "recorded" });
    expect(await citizen(stack, user.zaloAppUserId)).toMatchObject({ zaloOaUserId: user.zaloOaUserId, isFollower: true });

    const replay = await emulatorSends({ ...follow, timestamp: "1793000000000" });
    expect(JSON.parse(replay.body)).toEqual({ result: "duplicate" });

    const unfollow = await emulatorSends({ ...follow, event_name: "unfollow", timestamp: "1793000060000" });
    expect(JSON.parse(unfollow.body)).toEqual({ result: "recorded" });
    expect(await citizen(stack, user.zaloAppUserId)).toMatchObject({ isFollower: false });

    const late = await emulatorSends({ ...follow, timestamp: "1793000030000" });
    expect(JSON.parse(late.body)).toEqual({ result: "older_than_recorded" });
    expect(await citizen(stack, user.zaloAppUserId)).toMatchObject({ isFollower: false });
  });

  it("stores user_send_text as a message from the citizen, once per msg_id", async () => {
    const user = await stack.createZaloUser("Phạm Thị Dung", "0987000002", true);
    const event = {
      event_name: "user_send_text",
      user_id_by_app: user.zaloAppUserId,
      sender: { id: user.zaloOaUserId },
      recipient: { id: "4321" },
      message: { msg_id: "msg-0001", text: "Hồ sơ của tôi bao giờ có kết quả?" },
      timestamp: "1793000000000",
    };
    expect(JSON.parse((await emulatorSends(event)).body)).toEqual({ result: "recorded" });
    expect(JSON.parse((await emulatorSends({ ...event, timestamp: "1793000005000" })).body)).toEqual({ result: "duplicate" });
    const inbox = await stack.table.documentClient.send(
      new QueryCommand({
        TableName: stack.config.tableName,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :inbox)",
        ExpressionAttributeValues: { ":pk": `CITIZEN#${user.zaloAppUserId}`, ":inbox": "INBOX#" },
      }),
    );
    expect(inbox.Items).toHaveLength(1);
    expect(inbox.Items![0]).toMatchObject({ msgId: "msg-0001", text: "Hồ sơ của tôi bao giờ có kết quả?", zaloOaUserId: user.zaloOaUserId });
    // The OA chat and the Mini App are one conversation: the text opened a feedback thread, once.
    const threads = await stack.table.documentClient.send(
      new QueryCommand({
        TableName: stack.config.tableName,
        IndexName: indexNames.gsi1,
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": keys.feedbackByCitizenPartition(user.zaloAppUserId) },
      }),
    );
    expect(threads.Items).toHaveLength(1);
    expect(JSON.stringify(threads.Items![0])).toContain("Hồ sơ của tôi bao giờ có kết quả?");
  });

  it("refuses a bad signature with 401 and writes nothing", async () => {
    const user = await stack.createZaloUser("Võ Văn Em", "0987000003", false);
    const result = await emulatorSends(
      { event_name: "follow", user_id_by_app: user.zaloAppUserId, follower: { id: user.zaloOaUserId }, timestamp: "1793000000000" },
      { badSignature: true },
    );
    expect(result.status).toBe(401);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "BAD_SIGNATURE" } });
    expect(await citizen(stack, user.zaloAppUserId)).toBeUndefined();
  });

  // Both UNCONFIRMED points of the MAC (reference §4.5): each reading is accepted when configured, refused when not.
  it.each([
    ["app_id", "oa_secret_key"],
    ["oa_id", "oa_secret_key"],
    ["app_id", "app_secret"],
    ["oa_id", "app_secret"],
  ] as const)("accepts a MAC over %s with the %s when configured so, and refuses it under the other reading", async (firstTerm, key) => {
    const strict = httpHandlersFrom(
      composeDependencies({ ...stack.config, zalo: { ...stack.config.zalo, webhookMacFirstTerm: firstTerm, webhookMacKey: key } }, { clock }),
    ).webhook;
    const other = httpHandlersFrom(
      composeDependencies({
        ...stack.config,
        zalo: {
          ...stack.config.zalo,
          webhookMacFirstTerm: firstTerm === "app_id" ? "oa_id" : "app_id",
          webhookMacKey: key === "oa_secret_key" ? "app_secret" : "oa_secret_key",
        },
      }, { clock }),
    ).webhook;
    const body = JSON.stringify({ app_id: "1234567890", oa_id: "4321", event_name: "user_seen_message", timestamp: "1793000000000" });
    const first = firstTerm === "app_id" ? "1234567890" : "4321";
    const secret = key === "oa_secret_key" ? testSecrets.oaSecretKey : testSecrets.appSecret;
    const mac = createHash("sha256").update(first + body + "1793000000000" + secret).digest("hex");
    const request = () =>
      apiGatewayEvent({ routeKey: "POST /v1/zalo/webhook", rawPath: "/v1/zalo/webhook", headers: { "x-zevent-signature": `mac=${mac}` }, body });
    expect((await strict(request())).statusCode).toBe(200);
    expect((await other(request())).statusCode).toBe(401);
  });

  it("takes a signed body of exactly 64 KiB and refuses one byte more with 413", async () => {
    const { webhook } = httpHandlersFrom(composeDependencies(stack.config, { clock }));
    const signed = (bytes: number) => {
      const json = JSON.stringify({ app_id: "1234567890", oa_id: "4321", event_name: "user_seen_message", timestamp: "1793000650000" });
      const body = json + " ".repeat(bytes - Buffer.byteLength(json)); // JSON allows trailing whitespace
      expect(Buffer.byteLength(body)).toBe(bytes);
      const mac = createHash("sha256").update("1234567890" + body + "1793000650000" + testSecrets.oaSecretKey).digest("hex");
      return apiGatewayEvent({ routeKey: "POST /v1/zalo/webhook", rawPath: "/v1/zalo/webhook", headers: { "x-zevent-signature": `mac=${mac}` }, body });
    };
    const atLimit = await webhook(signed(65_536));
    expect(atLimit.statusCode).toBe(200);
    expect(JSON.parse(String(atLimit.body))).toEqual({ result: "ignored" }); // read, signature checked, an event we do not act on
    const overLimit = await webhook(signed(65_537));
    expect(overLimit.statusCode).toBe(413);
    expect(JSON.parse(String(overLimit.body))).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("refuses a body over 64 KiB and a body that is not an event", async () => {
    const { webhook } = httpHandlersFrom(composeDependencies(stack.config, { clock }));
    const event = (body: string) => apiGatewayEvent({ routeKey: "POST /v1/zalo/webhook", rawPath: "/v1/zalo/webhook", body });
    expect((await webhook(event("x".repeat(64 * 1024 + 1)))).statusCode).toBe(413);
    expect((await webhook(event("{not json"))).statusCode).toBe(400);
    expect((await webhook(event(JSON.stringify({ app_id: "1", timestamp: "1793000000000" })))).statusCode).toBe(400);
  });

  it("refuses signed events outside the freshness window (24 h back, 5 min ahead) with 401 in the envelope, never 500", async () => {
    const { webhook } = httpHandlersFrom(composeDependencies(stack.config, { clock }));
    const signedAt = (timestamp: string) => {
      const body = JSON.stringify({ app_id: "1234567890", oa_id: "4321", event_name: "user_seen_message", timestamp });
      const mac = createHash("sha256").update("1234567890" + body + timestamp + testSecrets.oaSecretKey).digest("hex");
      return webhook(apiGatewayEvent({ routeKey: "POST /v1/zalo/webhook", rawPath: "/v1/zalo/webhook", headers: { "x-zevent-signature": `mac=${mac}` }, body }));
    };
    const now = clock.now().getTime();
    for (const timestamp of ["9999999999999999", "1546300800000", String(now - 86_400_000 - 1), String(now + 300_001)]) {
      const response = await signedAt(timestamp);
      expect([timestamp, response.statusCode, JSON.parse(String(response.body)).error?.code]).toEqual([timestamp, 401, "STALE_EVENT"]);
    }
    for (const timestamp of [String(now - 86_400_000), String(now + 300_000)]) expect((await signedAt(timestamp)).statusCode).toBe(200);
  });
});

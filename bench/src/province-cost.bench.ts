import { GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { ScanCommand as RawScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { composeDependencies } from "@motcua/functions/composition/compose";
import { httpHandlersFrom } from "@motcua/functions/composition/http-handlers";
import { loadConfig } from "@motcua/functions/config/config";
import { httpRoutes } from "@motcua/functions/handlers/routes";
import { startApiServer } from "@motcua/local/api-server/start-api-server";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { ensureTable } from "@motcua/local/table/ensure-table";
import { itemTypes, keys } from "@motcua/functions/adapters/dynamodb/keys";
import { dynamoDbItemSize } from "./dynamodb-item-size.js";
import { meteredDynamoDbClient } from "./dynamodb-meter.js";
import { httpGet } from "./http-get.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { landDossier } from "./land-dossier.js";
import { fmt } from "./load.js";
import type { MeasuredUnits } from "./province-bill.js";

const writeCommands = ["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "BatchWriteItemCommand", "TransactWriteItemsCommand"];
const readCommands = ["GetItemCommand", "QueryCommand", "ScanCommand", "BatchGetItemCommand"];

const notPerDossier = new Set<string>([itemTypes.oaToken, itemTypes.citizen, itemTypes.rateLimitWindow, itemTypes.sendQuota]);

/** DynamoDB's per-item overhead in storage (and in each index copy), in bytes. */
const storageOverheadBytes = 100;

/** A dossier's life in the province's numbers (docs/scale.md: 5 events each): received, processed, moved to another unit, done, handed over. */
const lifeOfADossier = [
  { status: 2, unitName: "Bộ phận Một cửa" },
  { status: 4, unitName: "Phòng Tư pháp" },
  { status: 4, unitName: "Lãnh đạo UBND phường", note: "Trình ký kết quả" },
  { status: 9, unitName: "Phòng Tư pháp" },
  { status: 10, unitName: "Bộ phận Một cửa" },
] as const;

/**
 * What each operation costs in DynamoDB, on a table of its own in the stack's DynamoDB Local (no stream poller reads
 * it, so every message is sent by this process through the metered client): dossiers through the signed ingest API
 * (a third with a landline), every message delivered to the Zalo emulator, lookups of each dossier 1–10 times
 * (half by the receipt's QR, half by the citizen's verified phone, whose profile is copied from the stack's table) a minute or more apart as a citizen's lookups are
 * (each opens new rate-limit windows: the dearest case), a rating of every finished dossier, an announcement to
 * followers (copies of the demo citizen's profile, following and opted in), and the reach report.
 * The clock is set (10:00 in Vietnam, outside the ZNS quiet hours) and moved by the bench, never read from the wall.
 */
export async function benchProvinceCost(info: StackInfo, options: { dossiers: number; followers: number }): Promise<{ lines: BenchLine[]; measured: MeasuredUnits }> {
  const meter = meteredDynamoDbClient(info.dynamodbEndpoint, info.region);
  const tableName = `cost-${Date.now().toString(36)}`;
  await ensureTable(meter.client, tableName);
  // The OA's token pair as the stack holds it: the emulator's refresh token is single-use and the stack spent the first.
  const setup = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
  const token = await setup.send(new GetCommand({ TableName: info.tableName, Key: keys.oaToken(), ConsistentRead: true }));
  if (token.Item) await setup.send(new PutCommand({ TableName: tableName, Item: token.Item }));
  // The demo citizen's profile with the verified phone, so that a lookup without the receipt's signature is the owner's by phone.
  const profile = await setup.send(new GetCommand({ TableName: info.tableName, Key: keys.citizen(info.demoUsers.citizen.zaloAppUserId), ConsistentRead: true }));
  if (profile.Item) await setup.send(new PutCommand({ TableName: tableName, Item: profile.Item }));
  let instant = new Date("2026-11-20T03:00:00.000Z").getTime();
  const clock = { now: () => new Date(instant) };
  const config = loadConfig({ ...info.env, TABLE_NAME: tableName, ZALO_ZNS_QUIET_HOURS: "22:00-06:00" });
  const deps = composeDependencies(config, { dynamoDbClient: meter.client, clock });
  const api = await startApiServer({ port: 0, host: "127.0.0.1", handlers: httpHandlersFrom(deps), routes: httpRoutes, log: () => {} });
  const sum = (names: string[]) => names.reduce((total, name) => total + (meter.capacity()[name] ?? 0), 0);
  const listed = (units: Record<string, number>, per: number) =>
    Object.entries(units)
      .filter(([, n]) => n > 0)
      .map(([where, n]) => `${where} ${fmt(n / per, 2)}`)
      .join(", ");
  // Write units as AWS bills them (the model), where they go, and what DynamoDB Local itself reported.
  const writes = (per: number) => {
    const aws = meter.awsWriteUnits();
    return {
      wcu: aws.total / per,
      detail: `by place: ${listed(aws.byWhere, per)}; by item: ${listed(aws.byItemType, per)}; DynamoDB Local reported ${fmt(sum(writeCommands) / per, 2)}`,
    };
  };
  const lines: BenchLine[] = [];
  try {
    const phone = info.demoUsers.citizen.phone;
    const codes = Array.from({ length: options.dossiers }, (_, i) => `000.00.20.H27-261102-${String(7000 + i)}`);
    const events = codes.flatMap((code, i) =>
      lifeOfADossier.map((step, n) => ({
        eventId: `${code}-${n}`,
        dossierCode: code,
        status: step.status,
        occurredAt: new Date(Date.UTC(2026, 10, 2, 1 + n)).toISOString(),
        unitName: step.unitName,
        ...("note" in step ? { note: step.note } : {}),
        ...(n === 0
          ? {
              dossier: landDossier({
                // Two thirds by the demo citizen's mobile (their verified phone: owner view by phone), a third with a landline.
                applicantPhone: i % 3 === 2 ? "02043854321" : phone,
                receivedAt: "2026-11-02T01:00:00.000Z",
                dueAt: "2026-11-09T10:00:00.000Z",
              }),
            }
          : {}),
      })),
    );

    meter.reset();
    const receiptKeys = new Map<string, string>();
    for (let start = 0; start < events.length; start += 100) {
      const body = JSON.stringify({ events: events.slice(start, start + 100) });
      const response = await fetch(`${api.url}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(config.ingestSecrets[0]!, body, clock.now()), body });
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
      const answer = (await response.json()) as { results: { outcome: string; receipt?: { url: string } }[] };
      for (const result of answer.results) {
        if (result.outcome !== "applied") throw new Error(`an event was ${result.outcome}`);
        const receipt = result.receipt ? new URL(result.receipt.url).searchParams : null;
        if (receipt) receiptKeys.set(receipt.get("hs") ?? "", receipt.get("k") ?? "");
      }
    }
    if (receiptKeys.size !== codes.length) throw new Error(`${receiptKeys.size} receipts for ${codes.length} dossiers`);
    const ingestWrites = writes(events.length);
    const ingestWcu = ingestWrites.wcu;
    const ingestRcu = sum(readCommands) / events.length;
    const sizes = meter.putSizes();
    const sizeOf = (type: string) => {
      const list = sizes[type] ?? [];
      return list.length === 0 ? "—" : `${fmt(list.reduce((a, b) => a + b, 0) / list.length, 0)} B (max ${Math.max(...list)})`;
    };
    lines.push({
      name: `cost: ingest, ${events.length} events of ${codes.length} dossiers (5 each)`,
      value: `${fmt(ingestWcu, 2)} WCU and ${fmt(ingestRcu, 2)} RCU per event (${ingestWrites.detail}); items put: dossier ${sizeOf("Dossier")}, event ${sizeOf("DossierEvent")}${sizes.IngestMarker ? `, marker ${sizeOf("IngestMarker")}` : ""}, outbox ${sizeOf("OutboxItem")}`,
    });

    const documentClient = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
    const outbox = await documentClient.send(
      new ScanCommand({ TableName: tableName, FilterExpression: "#type = :outbox", ExpressionAttributeNames: { "#type": "type" }, ExpressionAttributeValues: { ":outbox": "OutboxItem" } }),
    );
    const messages = outbox.Items?.length ?? 0;
    meter.reset();
    const outcomes = new Map<string, number>();
    for (const item of outbox.Items ?? []) {
      const outcome = await deps.deliverNotification(String(item.id));
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const sent = outcomes.get("sent") ?? 0;
    const messageWrites = writes(Math.max(1, messages));
    const messageWcu = messageWrites.wcu;
    const messageRcu = sum(readCommands) / Math.max(1, messages);
    lines.push({
      name: `cost: notify, ${messages} messages (${[...outcomes].map(([k, v]) => `${v} ${k}`).join(", ")})`,
      value: `${fmt(messageWcu, 2)} WCU and ${fmt(messageRcu, 2)} RCU per message (${messageWrites.detail}; ${sent} sent)`,
    });

    const citizenToken = info.demoTokens.citizen;
    let lookups = 0;
    meter.reset();
    for (const [i, code] of codes.entries()) {
      for (let n = 0; n <= i % 10; n += 1) {
        // A citizen's lookups are minutes to days apart: each one meets fresh rate-limit windows.
        instant += 61_000;
        const byQr = n % 2 === 0 || i % 3 === 2;
        const response = await httpGet(`${api.url}/v1/dossiers/${code}${byQr ? `?k=${receiptKeys.get(code) ?? ""}` : ""}`, { authorization: `Bearer ${citizenToken}` });
        if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${response.body}`);
        lookups += 1;
      }
    }
    const lookupWrites = writes(lookups);
    const lookupWcu = lookupWrites.wcu;
    const lookupRcu = sum(readCommands) / lookups;
    lines.push({
      name: `cost: ${lookups} lookups of ${codes.length} dossiers (1–10 each), a minute or more apart`,
      value: `${fmt(lookupWcu, 2)} WCU and ${fmt(lookupRcu, 2)} RCU per lookup (${JSON.stringify(meter.requests())}; ${lookupWrites.detail})`,
    });

    const storedBeforeRatings = await storedBytesOfTable(documentClient, tableName);
    let ratings = 0;
    meter.reset();
    for (const [i, code] of codes.entries()) {
      instant += 61_000;
      const body = JSON.stringify({ attitude: "rat_hai_long", result: "hai_long", overall: i % 4 === 0 ? "rat_hai_long" : "hai_long", ...(i % 2 === 0 ? { comment: "Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn." } : {}) });
      const response = await fetch(`${api.url}/v1/dossiers/${code}/rating?k=${receiptKeys.get(code) ?? ""}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${citizenToken}`, "content-type": "application/json" },
        body,
      });
      if (response.status !== 200) throw new Error(`rating answered ${response.status}: ${await response.text()}`);
      ratings += 1;
    }
    const ratingWrites = writes(ratings);
    const ratingWcu = ratingWrites.wcu;
    const ratingRcu = sum(readCommands) / ratings;
    lines.push({
      name: `cost: ${ratings} ratings (PUT, owner by the receipt's QR)`,
      value: `${fmt(ratingWcu, 2)} WCU and ${fmt(ratingRcu, 2)} RCU per rating (${JSON.stringify(meter.requests())}; ${ratingWrites.detail})`,
    });

    const storedAfterRatings = await storedBytesOfTable(documentClient, tableName);

    // An announcement to followers: written in fan-out pages of 99, then each message sent.
    const followers = await addAnnouncementFollowers(setup, tableName, profile.Item, options.followers);
    meter.reset();
    const admin = { zaloAppUserId: "bench-admin", name: "Quản trị thử", role: "admin" as const, agencyCodes: [], allAgencies: true, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(), updatedBy: "bench" };
    const published = await deps.adminAnnouncements.publish(admin, {
      kind: "new_procedure",
      title: "Công bố thủ tục hành chính mới trong lĩnh vực đất đai",
      body: "Từ ngày 01/12/2026, Ủy ban nhân dân tỉnh công bố 12 thủ tục hành chính mới; xem chi tiết trong Mini App.",
      link: null,
    });
    if (published.kind !== "published") throw new Error(`the announcement was not published: ${published.kind}`);
    for (let page = 0; page < 100 && (await deps.fanOutStep(published.announcement.id)) !== "idle"; page += 1);
    const announcementItems = await documentClient.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "#type = :outbox AND notification.kind = :announcement",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: { ":outbox": "OutboxItem", ":announcement": "announcement" },
      }),
    );
    const scanUnits = meter.capacity().ScanCommand ?? 0;
    const announcementOutcomes = new Map<string, number>();
    for (const item of announcementItems.Items ?? []) {
      const outcome = await deps.deliverNotification(String(item.id));
      announcementOutcomes.set(outcome, (announcementOutcomes.get(outcome) ?? 0) + 1);
    }
    const recipients = announcementItems.Items?.length ?? 0;
    // The demo citizen whose profile was copied may follow and be opted in too.
    if (recipients < followers) throw new Error(`${recipients} announcement messages for ${followers} followers`);
    const announcementWrites = writes(recipients);
    const announcementRcu = (sum(readCommands) - scanUnits) / recipients;
    lines.push({
      name: `cost: announcement to ${recipients} followers (published, written in pages of 99, every message sent)`,
      value: `${fmt(announcementWrites.wcu, 2)} WCU and ${fmt(announcementRcu, 2)} RCU per follower (${[...announcementOutcomes].map(([k, v]) => `${v} ${k}`).join(", ")}; ${announcementWrites.detail})`,
    });

    const storedAfterAnnouncement = await storedBytesOfTable(documentClient, tableName);
    const bytesPerAnnouncementMessage = (storedAfterAnnouncement.total - storedAfterRatings.total) / recipients;
    lines.push({
      name: "cost: storage of an announcement at the end of a year, per recipient",
      value: `${fmt(bytesPerAnnouncementMessage, 0)} B (its outbox item, sent ones kept ${config.notify.sentAnnouncementRetentionDays || "all"} days of the year by TTL; the announcement, its job and tally shared out)`,
    });

    meter.reset();
    const report = await httpGet(`${api.url}/v1/admin/reach?from=2025-12&to=2026-11`, { authorization: `Bearer ${info.demoTokens.admin}` });
    lines.push({
      name: "reach report, 12 months",
      value: report.status === 200 ? `${meter.requests().QueryCommand ?? 0} Query, ${fmt(meter.capacity().QueryCommand ?? 0, 1)} RCU` : `answered ${report.status} (the admin demo token is not this table's admin)`,
    });

    documentClient.destroy();
    const bytesPerDossier = storedBeforeRatings.total / codes.length;
    const bytesPerRating = (storedAfterRatings.total - storedBeforeRatings.total) / ratings;
    lines.push({
      name: "cost: storage after a year (items, index copies, 100 B each)",
      value: `${fmt(bytesPerDossier / 1024, 2)} KB per dossier with its events, markers, messages and reach marks (messages with a TTL ${fmt(storedBeforeRatings.expiring / codes.length / 1024, 2)} KB of it: sent ones kept ${config.notify.sentRetentionDays || "all"} days of the year, undeliverable ones ${config.notify.undeliverableRetentionDays || "all"}); ${fmt(bytesPerRating / 1024, 2)} KB per rating`,
    });
    return {
      lines,
      measured: {
        ingestEvent: { wcu: ingestWcu, rcu: ingestRcu },
        message: { wcu: messageWcu, rcu: messageRcu },
        messagesPerDossier: messages / codes.length,
        lookup: { wcu: lookupWcu, rcu: lookupRcu },
        rating: { wcu: ratingWcu, rcu: ratingRcu },
        announcementMessage: { wcu: announcementWrites.wcu, rcu: announcementRcu },
        storedBytesPerDossier: bytesPerDossier,
        storedBytesPerRating: bytesPerRating,
        storedBytesPerAnnouncementMessage: bytesPerAnnouncementMessage,
      },
    };
  } finally {
    setup.destroy();
    await api.close();
    meter.destroy();
  }
}

/** Followers opted in to announcements: copies of the demo citizen's profile under new ids (the same OA user). */
async function addAnnouncementFollowers(client: ReturnType<typeof createDocumentClient>, tableName: string, profile: Record<string, unknown> | undefined, count: number) {
  if (!profile) throw new Error("the stack has no demo citizen profile to copy");
  const { GSI1PK: _phonePartition, GSI1SK: _phoneSort, verifiedPhone: _phone, ...rest } = profile;
  for (let i = 0; i < count; i += 1) {
    const zaloAppUserId = `9${String(i).padStart(15, "0")}`;
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...rest, ...keys.citizen(zaloAppUserId), ...keys.announcementSubscriber(zaloAppUserId), zaloAppUserId, isFollower: true, announcementsSubscribed: true },
      }),
    );
  }
  return count;
}

/**
 * Bytes the table stores for the run's dossiers at the end of a year of them, as DynamoDB bills storage: every item
 * with 100 bytes of overhead, and again in each index it has keys for (the indexes project every attribute). An item
 * with a TTL (`expiresAt`: sent and undeliverable messages) counts for the share of the year it stays, as only the last months' ones
 * are still there after a year. Items that are not the dossiers' (the OA token, the citizen's profile, rate-limit
 * windows that TTL removes within minutes) are left out.
 */
async function storedBytesOfTable(client: ReturnType<typeof createDocumentClient>, tableName: string): Promise<{ total: number; expiring: number }> {
  let total = 0;
  let expiring = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new RawScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (notPerDossier.has(item.type?.S ?? "")) continue;
      const copies = 1 + (item.GSI1PK ? 1 : 0) + (item.GSI2PK ? 1 : 0);
      const bytes = copies * (dynamoDbItemSize(item) + storageOverheadBytes);
      const share = shareOfAYearKept(item);
      total += bytes * share;
      if (share < 1) expiring += bytes * share;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { total, expiring };
}

function shareOfAYearKept(item: Record<string, AttributeValue>): number {
  const expiresAt = Number(item.expiresAt?.N ?? Number.NaN);
  const writtenAt = Date.parse(item.finishedAt?.S ?? item.createdAt?.S ?? "");
  if (!Number.isFinite(expiresAt) || !Number.isFinite(writtenAt)) return 1;
  return Math.min(1, Math.max(0, expiresAt * 1000 - writtenAt) / (365 * 86_400_000));
}

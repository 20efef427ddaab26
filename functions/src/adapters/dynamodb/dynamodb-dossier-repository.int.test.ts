import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { birthRegistrationDetails as details } from "../../../test/dossier-fixtures.js";
import { applyDossierEvent, reviseDossier, type Dossier, type DossierEvent, type IncomingDossierEvent } from "../../domain/dossier.js";
import { notificationFor, ratingInvitationFor } from "../../domain/dossier-notification.js";
import { HmacPhoneHasher } from "../crypto/hmac-phone-hasher.js";
import { InvalidCursorError } from "../../ports/page-cursor.js";
import { DynamoDbDossierRepository } from "./dynamodb-dossier-repository.js";
import { keys } from "./keys.js";
import { indexNames } from "./table-definition.js";

const hasher = new HmacPhoneHasher("test-phone-key-0123456789");
let repository: DynamoDbDossierRepository;

const table = testTableForThisFile((created) => {
  repository = new DynamoDbDossierRepository(created.table, hasher);
});


function incoming(code: string, eventId: string, status: 2 | 4 | 9 | 10, occurredAt: string, withDetails = false): IncomingDossierEvent {
  return { eventId, code, codeKind: "other", status, occurredAt, details: withDetails ? details : null, note: `ghi chú ${eventId}`, unitName: null, apology: null };
}

/** When the events reached us: after every event's own time, as in the product. */
const receivedByUsAt = "2026-12-01T02:00:00.000Z";

async function apply(current: { dossier: Dossier | null; events: DossierEvent[] }, event: IncomingDossierEvent, notificationId = event.eventId) {
  const outcome = applyDossierEvent(current, event, receivedByUsAt);
  if (!outcome.ok) throw new Error(outcome.reason);
  const result = await repository.saveAppliedEvent({
    dossier: outcome.dossier,
    expectedVersion: current.dossier?.version ?? 0,
    event: outcome.event,
    payloadHash: "hash",
    notification: notificationFor(outcome),
    notificationId,
    ratingInvitation: outcome.ratingInvitationDue ? { id: `invite-${notificationId}`, notification: ratingInvitationFor(outcome)! } : null,
  });
  return { result, outcome };
}

describe("DynamoDbDossierRepository", () => {
  it("access pattern: dossier with its whole timeline by code, in one query, oldest first", async () => {
    const code = "REPO-0001";
    const first = await apply({ dossier: null, events: [] }, incoming(code, "r1-a", 2, "2026-11-02T01:00:00.000Z", true));
    expect(first.result).toBe("written");
    const second = await apply({ dossier: first.outcome.dossier, events: [first.outcome.event] }, incoming(code, "r1-c", 9, "2026-11-05T01:00:00.000Z"));
    expect(second.result).toBe("written");
    // A late event: it sorts into its place.
    const late = await apply(
      { dossier: second.outcome.dossier, events: [first.outcome.event, second.outcome.event] },
      incoming(code, "r1-b", 4, "2026-11-03T01:00:00.000Z"),
    );
    expect(late.result).toBe("written");

    const found = await repository.findWithTimeline(code);
    expect(found?.dossier).toMatchObject({ code, status: 9, version: 3, applicantPhone: "84912345678" });
    expect(found?.events.map((e) => [e.eventId, e.status])).toEqual([["r1-a", 2], ["r1-b", 4], ["r1-c", 9]]);
    expect(await repository.findWithTimeline("REPO-MISSING")).toBeNull();
  });

  it("access pattern: apply an event idempotently, in one transaction with the outbox item; the event item is the marker", async () => {
    const code = "REPO-0002";
    const event = incoming(code, "r2-a", 2, "2026-11-02T01:00:00.000Z", true);
    expect((await apply({ dossier: null, events: [] }, event, "outbox-r2-a")).result).toBe("written");

    const eventItem = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.dossierEvent(code, event.occurredAt, "r2-a") }));
    expect(eventItem.Item).toMatchObject({ SK: `EVENT#${event.occurredAt}#r2-a`, payloadHash: "hash" });
    const marker = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.ingestMarker("r2-a") }));
    expect(marker.Item).toBeUndefined();
    expect((await repository.findWithTimeline(code, { consistent: true }))?.payloadHashes).toEqual({ "r2-a": "hash" });
    const outbox = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.outboxItem("outbox-r2-a") }));
    expect(outbox.Item).toMatchObject({ state: "pending", notification: { kind: "dossier_received", dossierCode: code } });

    // The same event again, as a redelivery would send it without knowing the dossier exists.
    const again = await apply({ dossier: null, events: [] }, event, "outbox-r2-a-again");
    expect(again.result).toBe("duplicate");
    const afterDuplicate = await table.documentClient.send(
      new GetCommand({ TableName: table.tableName, Key: keys.outboxItem("outbox-r2-a-again") }),
    );
    expect(afterDuplicate.Item).toBeUndefined();
  });

  it("writes the invitation to rate as its own outbox item, in the transaction that first reaches 9 or 10, once", async () => {
    const code = "REPO-0004";
    const first = await apply({ dossier: null, events: [] }, incoming(code, "r4-a", 2, "2026-11-02T01:00:00.000Z", true));
    const done = await apply({ dossier: first.outcome.dossier, events: [first.outcome.event] }, incoming(code, "r4-b", 9, "2026-11-04T01:00:00.000Z"));
    expect(done.result).toBe("written");
    const get = (id: string) => table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.outboxItem(id) }));
    expect((await get("invite-r4-b")).Item).toMatchObject({ state: "pending", notification: { kind: "rating_invitation", dossierCode: code, status: 9 } });
    expect((await get("r4-b")).Item).toMatchObject({ notification: { kind: "dossier_result_ready" } });
    const stored = await repository.findWithTimeline(code, { consistent: true });
    expect(stored?.dossier.ratingInvitedAt).not.toBeNull();
    const handedOver = await apply(stored!, incoming(code, "r4-c", 10, "2026-11-05T01:00:00.000Z"));
    expect(handedOver.outcome.ratingInvitationDue).toBe(false);
    expect((await get("invite-r4-c")).Item).toBeUndefined();
  });

  it("stores no null attributes, and reads items of the earlier layout that stored them as nulls", async () => {
    const code = "REPO-0006";
    await apply({ dossier: null, events: [] }, { ...incoming(code, "r6-a", 2, "2026-11-02T01:00:00.000Z", true), note: null });
    const stored = await table.documentClient.send(new QueryCommand({ TableName: table.tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": keys.dossierCollection(code) } }));
    expect(stored.Items).toHaveLength(2);
    for (const item of stored.Items ?? []) expect(Object.entries(item).filter(([, value]) => value === null)).toEqual([]);
    const fresh = await repository.findWithTimeline(code, { consistent: true });
    expect(fresh?.dossier).toMatchObject({ finishedAt: null, supplementPausedSince: null, latestApology: null, ratingInvitedAt: null, lateAt: null });
    expect(fresh?.events[0]).toMatchObject({ note: null, unitName: null, apology: null });

    // A dossier and an event as the earlier layout wrote them: every attribute present, nulls included.
    const earlier = "REPO-0007";
    const dossier = { ...fresh!.dossier, code: earlier, sourceStatus: null };
    await table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.dossier(earlier), type: "Dossier", ...dossier } }));
    const event = { ...fresh!.events[0]!, eventId: "r7-a" };
    await table.documentClient.send(
      new PutCommand({ TableName: table.tableName, Item: { ...keys.dossierEvent(earlier, event.occurredAt, event.eventId), type: "DossierEvent", ...event } }),
    );
    const read = await repository.findWithTimeline(earlier, { consistent: true });
    expect(read?.dossier).toEqual(dossier);
    expect(read?.events).toEqual([event]);
  });

  it("keeps an event's time and id in its sort key only, and reads them back from it (an id with `#` too)", async () => {
    const code = "REPO-0008";
    const first = await apply({ dossier: null, events: [] }, incoming(code, "r8#a#1", 2, "2026-11-02T01:00:00.000Z", true));
    const { Item } = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.dossierEvent(code, "2026-11-02T01:00:00.000Z", "r8#a#1") }));
    expect(Item).toBeDefined();
    expect(Item).not.toHaveProperty("eventId");
    expect(Item).not.toHaveProperty("occurredAt");
    const read = await repository.findWithTimeline(code, { consistent: true });
    expect(read?.events).toEqual([first.outcome.event]);
    expect(read?.events[0]).toMatchObject({ eventId: "r8#a#1", occurredAt: "2026-11-02T01:00:00.000Z" });
  });

  it("refuses a write based on a stale read (optimistic concurrency) and writes nothing", async () => {
    const code = "REPO-0003";
    const first = await apply({ dossier: null, events: [] }, incoming(code, "r3-a", 2, "2026-11-02T01:00:00.000Z", true));
    const stateAfterFirst = { dossier: first.outcome.dossier, events: [first.outcome.event] };
    expect((await apply(stateAfterFirst, incoming(code, "r3-b", 4, "2026-11-03T01:00:00.000Z"))).result).toBe("written");
    const conflicting = await apply(stateAfterFirst, incoming(code, "r3-c", 9, "2026-11-04T01:00:00.000Z"));
    expect(conflicting.result).toBe("conflict");
    const found = await repository.findWithTimeline(code, { consistent: true });
    expect(found?.events.map((e) => e.eventId)).toEqual(["r3-a", "r3-b"]);
    const marker = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.ingestMarker("r3-c") }));
    expect(marker.Item).toBeUndefined();
  });

  it("access pattern: revise a dossier's details without an event; the phone and due-date indexes follow, a stale version writes nothing", async () => {
    const code = "REPO-0005";
    const first = await apply({ dossier: null, events: [] }, incoming(code, "r5-a", 2, "2026-11-02T01:00:00.000Z", true));
    const held = first.outcome.dossier;
    const revised = reviseDossier(held, { details: { ...details, dueAt: "2026-11-20T10:00:00.000Z", applicantPhone: "84398700001" }, sourceStatus: { code: "11", seenAt: receivedByUsAt } }, receivedByUsAt)!;
    expect(await repository.saveRevisedDossier(revised, held.version)).toBe("written");
    expect(await repository.saveRevisedDossier({ ...revised, agencyName: "khác" }, held.version)).toBe("conflict");

    const found = await repository.findWithTimeline(code, { consistent: true });
    expect(found?.dossier).toMatchObject({ dueAt: "2026-11-20T10:00:00.000Z", applicantPhone: "84398700001", agencyName: details.agencyName, version: 2 });
    expect(found?.dossier.sourceStatus).toEqual({ code: "11", seenAt: receivedByUsAt });
    expect(found?.events).toHaveLength(1);
    const item = (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.dossier(code) }))).Item;
    expect(item).toMatchObject({ GSI2PK: "DUE#2026-11-20", GSI1PK: keys.phonePartition(hasher.hash("84398700001")) });
    expect((await repository.listByApplicantPhone("84398700001", { limit: 5, cursor: null })).dossiers.map((d) => d.code)).toEqual([code]);
  });

  it("indexes the dossier by a keyed hash of the phone, never the phone itself in a key", async () => {
    const result = await table.documentClient.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: indexNames.gsi1,
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": keys.phonePartition(hasher.hash("84912345678")) },
        ScanIndexForward: false,
      }),
    );
    expect(result.Items?.map((item) => item.code)).toEqual(expect.arrayContaining(["REPO-0001", "REPO-0002", "REPO-0003"]));
    for (const item of result.Items ?? []) {
      expect(`${item.PK}${item.SK}${item.GSI1PK}${item.GSI1SK}`).not.toContain("912345678");
    }
  });

  it("access pattern: dossiers of a verified phone number, newest first, one Query per page", async () => {
    const phone = "84398765432";
    const receivedDays = ["2026-10-01", "2026-10-03", "2026-10-02", "2026-10-05", "2026-10-04"];
    for (const [i, day] of receivedDays.entries()) {
      const event: IncomingDossierEvent = {
        ...incoming(`LIST-000${i}`, `list-${i}`, 2, `${day}T01:00:00.000Z`),
        details: { ...details, applicantPhone: phone, receivedAt: `${day}T01:00:00.000Z` },
      };
      await apply({ dossier: null, events: [] }, event);
    }
    // Another phone's dossiers (REPO-000x, 84912345678) never appear.
    const first = await repository.listByApplicantPhone(phone, { limit: 2, cursor: null });
    expect(first.dossiers.map((d) => d.code)).toEqual(["LIST-0003", "LIST-0004"]);
    expect(first.nextCursor).not.toBeNull();
    expect(first.nextCursor).not.toContain(hasher.hash(phone));
    const second = await repository.listByApplicantPhone(phone, { limit: 2, cursor: first.nextCursor });
    expect(second.dossiers.map((d) => d.code)).toEqual(["LIST-0001", "LIST-0002"]);
    const third = await repository.listByApplicantPhone(phone, { limit: 2, cursor: second.nextCursor });
    expect(third.dossiers.map((d) => d.code)).toEqual(["LIST-0000"]);
    expect(third.nextCursor).toBeNull();

    // A cursor carries the position only: used with another phone it starts that phone's list there.
    const otherPhone = await repository.listByApplicantPhone("84912345678", { limit: 10, cursor: first.nextCursor });
    expect(otherPhone.dossiers.every((d) => d.applicantPhone === "84912345678")).toBe(true);
    expect((await repository.listByApplicantPhone("84900000000", { limit: 5, cursor: null })).dossiers).toEqual([]);
  });

  it("refuses a cursor it did not hand out", async () => {
    for (const cursor of ["not a cursor", Buffer.from("2026-10-01#x").toString("base64url"), "a".repeat(201)]) {
      await expect(repository.listByApplicantPhone("84398765432", { limit: 2, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    }
  });
});

import { marshall } from "@aws-sdk/util-dynamodb";
import { describe, expect, it } from "vitest";
import { decodeNotifyStreamRecord } from "./notify-stream.js";

const record = (eventName: string, item: Record<string, unknown>) => ({ eventName, dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) } });

const outboxItem = {
  PK: "OUTBOX#o-1",
  SK: "OUTBOX",
  type: "OutboxItem",
  id: "o-1",
  state: "pending",
  attempts: 0,
  createdAt: "2026-11-24T02:00:00.000Z",
  notification: { kind: "feedback_reply", threadId: "t-1", zaloAppUserId: "u-1", excerpt: "Đã trả lời", dossierCode: null },
  notBefore: "2026-11-24T23:00:00.000Z",
};

describe("decodeNotifyStreamRecord", () => {
  it("reads an outbox item's state, wait and lease from a new or changed item", () => {
    expect(decodeNotifyStreamRecord(record("INSERT", outboxItem))).toEqual({
      kind: "outbox",
      item: { id: "o-1", state: "pending", notBefore: "2026-11-24T23:00:00.000Z", leaseUntil: null },
    });
    expect(decodeNotifyStreamRecord(record("MODIFY", { ...outboxItem, state: "sending", notBefore: undefined, leaseUntil: "2026-11-24T02:02:00.000Z" }))).toEqual({
      kind: "outbox",
      item: { id: "o-1", state: "sending", notBefore: null, leaseUntil: "2026-11-24T02:02:00.000Z" },
    });
  });

  it("reads a running fan-out job's announcement and ignores a finished one", () => {
    const job = { PK: "FANOUT#a-1", SK: "JOB", type: "AnnouncementFanout", announcementId: "a-1", state: "running" };
    expect(decodeNotifyStreamRecord(record("MODIFY", job))).toEqual({ kind: "fanout", announcementId: "a-1" });
    expect(decodeNotifyStreamRecord(record("MODIFY", { ...job, state: "done" }))).toBeNull();
  });

  it("ignores removals, other items and an outbox item in a state it does not know", () => {
    expect(decodeNotifyStreamRecord(record("REMOVE", outboxItem))).toBeNull();
    expect(decodeNotifyStreamRecord(record("INSERT", { PK: "DOSSIER#x", SK: "DOSSIER", type: "Dossier", id: "x", state: "pending" }))).toBeNull();
    expect(decodeNotifyStreamRecord(record("MODIFY", { ...outboxItem, state: "lost" }))).toBeNull();
    expect(decodeNotifyStreamRecord({ eventName: "INSERT" })).toBeNull();
  });
});

import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { newFanout } from "../../domain/announcement-fanout.js";
import { outboxItemFor } from "./dossier-items.js";
import { DynamoDbAnnouncementFanoutRepository } from "./dynamodb-announcement-fanout-repository.js";
import { keys } from "./keys.js";


const table = testTableForThisFile();

const minute = 60_000;
const t0 = Date.parse("2026-11-02T03:00:00.000Z");
const at = (minutes: number) => new Date(t0 + minutes * minute);

describe("DynamoDbAnnouncementFanoutRepository", () => {
  it("access pattern: running fan-out jobs not advanced since a time (sparse GSI1 `FANOUT_RUNNING`), nudged once each", async () => {
    const repository = new DynamoDbAnnouncementFanoutRepository(table.table);
    const publish = (id: string, minutes: number) =>
      repository.publish(
        { id, kind: "notice", title: id, body: "Nội dung", link: null, publishedAt: at(minutes).toISOString() },
        newFanout(id, "9000", at(minutes).toISOString()),
      );
    const raw = async (id: string) =>
      (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.announcementFanout(id) }))).Item!;
    await publish("old", 0);
    await publish("advanced", 0);
    await publish("fresh", 8);
    await publish("finished", 0);
    // "advanced" wrote a page at minute 7; "finished" wrote its last page (done leaves the index).
    const advanced = (await repository.getFanout("advanced"))!;
    await repository.writePage({ announcementId: "advanced", expected: advanced, items: [], next: { ...advanced, pages: 1, updatedAt: at(7).toISOString() } });
    const finished = (await repository.getFanout("finished"))!;
    const done = { ...finished, state: "done" as const, pages: 1, updatedAt: at(1).toISOString(), finishedAt: at(1).toISOString() };
    await repository.writePage({ announcementId: "finished", expected: finished, items: [], next: done });
    expect((await raw("finished"))["GSI1PK"]).toBeUndefined();
    expect(await raw("advanced")).toMatchObject({ GSI1PK: "FANOUT_RUNNING", GSI1SK: `${at(7).toISOString()}#advanced` });

    // At minute 10 with a 5-minute stall: only "old" (minute 0) is stalled; "advanced" (7) and "fresh" (8) are not.
    expect(await repository.nudgeStalled(at(5), at(10), 100)).toBe(1);
    const nudged = await raw("old");
    expect(nudged).toMatchObject({ state: "running", pages: 0, nudges: 1, GSI1SK: `${at(10).toISOString()}#old` });
    expect(await repository.getFanout("old")).toMatchObject({ state: "running", pages: 0, updatedAt: at(0).toISOString() });
    // Its stall clock restarted: a run a minute later touches nothing.
    expect(await repository.nudgeStalled(at(6), at(11), 100)).toBe(0);
    expect((await raw("old"))["nudges"]).toBe(1);
    // At minute 13: "advanced" (minute 7) is past the bound; "fresh" (exactly minute 8, the bound) is not.
    expect(await repository.nudgeStalled(at(8), at(13), 100)).toBe(1);
    expect(await raw("advanced")).toMatchObject({ nudges: 1, pages: 1 });
    expect((await raw("fresh"))["nudges"]).toBeUndefined();
    // One Query page: `limit` bounds a run; the next run takes the rest.
    expect(await repository.nudgeStalled(at(11), at(16), 1)).toBe(1);
    expect(await repository.nudgeStalled(at(11), at(16), 1)).toBe(1);
    expect(await repository.nudgeStalled(at(11), at(16), 1)).toBe(0);
    expect((await raw("old"))["nudges"]).toBe(2);
    expect((await raw("fresh"))["nudges"]).toBe(1);
    // A page written after a nudge puts the job back under its own time and keeps it running.
    const old = (await repository.getFanout("old"))!;
    expect(await repository.writePage({ announcementId: "old", expected: old, items: [], next: { ...old, pages: 1, updatedAt: at(17).toISOString() } })).toBe("written");
    expect(await raw("old")).toMatchObject({ state: "running", pages: 1, GSI1SK: `${at(17).toISOString()}#old` });
  });

  it("a page whose step stopped after some of its messages is written again without touching them, and counts them", async () => {
    const repository = new DynamoDbAnnouncementFanoutRepository(table.table);
    await repository.publish({ id: "resumed", kind: "notice", title: "Thông báo", body: "Nội dung", link: null, publishedAt: at(0).toISOString() }, newFanout("resumed", "3", at(0).toISOString()));
    const job = (await repository.getFanout("resumed"))!;
    const notification = (follower: string) => ({ kind: "announcement" as const, announcementId: "resumed", title: "Thông báo", summary: "Nội dung", zaloAppUserId: follower });
    const items = ["f1", "f2", "f3"].map((follower) => ({ outboxId: `resumed-${follower}`, notification: notification(follower) }));
    const page = { announcementId: "resumed", expected: job, items, next: { ...job, state: "done" as const, pages: 1, updatedAt: at(1).toISOString(), finishedAt: at(1).toISOString() } };
    const outboxItem = async (id: string) => (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.outboxItem(id), ConsistentRead: true }))).Item;
    // The step that stopped: its first message was written (and already sent), the job never moved.
    await table.documentClient.send(
      new PutCommand({ TableName: table.tableName, Item: { ...outboxItemFor("resumed-f1", notification("f1"), at(1).toISOString()), state: "sent", zaloMessageId: "m-f1" } }),
    );

    expect(await repository.writePage(page)).toBe("written");
    expect(await outboxItem("resumed-f1")).toMatchObject({ state: "sent", zaloMessageId: "m-f1" });
    expect(await outboxItem("resumed-f2")).toMatchObject({ state: "pending", notification: { zaloAppUserId: "f2" } });
    expect(await outboxItem("resumed-f3")).toMatchObject({ state: "pending" });
    expect(await repository.getFanout("resumed")).toMatchObject({ state: "done", pages: 1, written: 3 });
    // The same page again (a second writer): the job has moved on, so it is superseded, and no message is reset.
    expect(await repository.writePage(page)).toBe("superseded");
    expect(await outboxItem("resumed-f1")).toMatchObject({ state: "sent" });
    expect(await repository.getFanout("resumed")).toMatchObject({ pages: 1, written: 3 });
  });
});

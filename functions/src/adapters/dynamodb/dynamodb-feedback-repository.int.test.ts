import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { addCitizenMessage, addStaffReply, newFeedbackThread } from "../../domain/feedback.js";
import { holidayCalendar } from "../../domain/working-days.js";
import { DynamoDbFeedbackRepository } from "./dynamodb-feedback-repository.js";

let repository: DynamoDbFeedbackRepository;
const calendar = holidayCalendar([]);

testTableForThisFile((created) => {
  repository = new DynamoDbFeedbackRepository(created.table);
});

const newThread = (id: string, user: string, at: string) =>
  newFeedbackThread({ id, messageId: `${id}-m1`, zaloAppUserId: user, type: "phan_anh", text: `Phản ánh ${id}`, dossierCode: "D-0001", channel: "mini_app", now: new Date(at), calendar });

describe("DynamoDbFeedbackRepository", () => {
  it("access pattern: a thread with its messages (1 Query), appended to over its version", async () => {
    const { thread, message } = newThread("T1", "u1", "2026-11-20T03:00:00.000Z");
    expect(await repository.create(thread, message)).toBe("created");
    expect(await repository.create(thread, message)).toBe("duplicate");
    const reply = addStaffReply(thread, { messageId: "T1-s1", text: "Trả lời", staffName: "Cán bộ A", now: new Date("2026-11-21T03:00:00.000Z"), calendar });
    if (!reply.ok) throw new Error("closed");
    expect(await repository.append(reply.thread, thread.version, reply.message)).toBe("saved");
    const again = addCitizenMessage(thread, { messageId: "T1-m2", text: "x", now: new Date("2026-11-21T04:00:00.000Z"), calendar });
    if (!again.ok) throw new Error("closed");
    // Read before the reply: its version is stale.
    expect(await repository.append(again.thread, thread.version, again.message)).toBe("conflict");
    // The same message again (a redelivery): duplicate.
    expect(await repository.append({ ...reply.thread, version: reply.thread.version + 1 }, reply.thread.version, reply.message)).toBe("duplicate");
    const found = await repository.get("T1", { consistent: true });
    expect(found?.thread).toMatchObject({ state: "da_tra_loi", version: 2, messageCount: 2 });
    expect(found?.messages.map((m) => `${m.author}:${m.text}`)).toEqual(["citizen:Phản ánh T1", "staff:Trả lời"]);
    expect(await repository.get("NOPE")).toBeNull();
  });

  it("access pattern: a citizen's threads, newest first (1 Query on GSI1)", async () => {
    for (const [id, at] of [["C1", "2026-11-01T00:00:00.000Z"], ["C2", "2026-11-03T00:00:00.000Z"], ["C3", "2026-11-02T00:00:00.000Z"]] as const) {
      const { thread, message } = newThread(id, "citizen-list", at);
      await repository.create(thread, message);
    }
    const { thread, message } = newThread("OTHER", "someone-else", "2026-11-04T00:00:00.000Z");
    await repository.create(thread, message);
    expect((await repository.listByCitizen("citizen-list", 10)).map((t) => t.id)).toEqual(["C2", "C3", "C1"]);
    expect((await repository.listByCitizen("citizen-list", 2)).map((t) => t.id)).toEqual(["C2", "C3"]);
  });

  it("access pattern: threads by state, earliest reply deadline first (1 Query on GSI2)", async () => {
    const ids = (await repository.listByState("moi", 100)).map((t) => t.id);
    expect(ids.indexOf("C1")).toBeLessThan(ids.indexOf("C3"));
    expect(ids.indexOf("C3")).toBeLessThan(ids.indexOf("C2"));
    expect(ids).not.toContain("T1");
    expect((await repository.listByState("da_tra_loi", 100)).map((t) => t.id)).toEqual(["T1"]);
  });

  it("records helpful only on a staff message", async () => {
    const found = await repository.get("T1", { consistent: true });
    const [citizen, staff] = found!.messages;
    expect(await repository.setHelpful(staff!, true)).toBe("saved");
    expect(await repository.setHelpful(citizen!, true)).toBe("not_staff_message");
    expect(await repository.setHelpful({ ...staff!, messageId: "missing" }, true)).toBe("not_staff_message");
    expect((await repository.get("T1", { consistent: true }))?.messages.map((m) => m.helpful)).toEqual([null, true]);
  });
});

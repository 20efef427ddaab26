import { describe, expect, it } from "vitest";
import { onTimeCategory } from "./on-time.js";

const due = "2026-11-09T10:00:00.000Z"; // 17:00 on 9 Nov, Vietnam time
const base = { dueAt: due, finishedAt: null, supplementRequests: 0, supplementPausedMs: 0, supplementPausedSince: null };
const day = 24 * 3600 * 1000;
/** Long after every dossier here finished: a finished dossier's category does not depend on today. */
const later = new Date("2027-06-01T03:00:00.000Z");

describe("onTimeCategory", () => {
  it("finished on a day before the due day is trước hạn", () => {
    expect(onTimeCategory({ ...base, finishedAt: "2026-11-08T09:00:00.000Z" }, later)).toBe("truoc_han");
  });

  it("finished on the due day, before the due time, is đúng hạn (days counted in Vietnam time)", () => {
    // 00:30 on 9 Nov in Vietnam is still 8 Nov in UTC.
    expect(onTimeCategory({ ...base, finishedAt: "2026-11-08T17:30:00.000Z" }, later)).toBe("dung_han");
    expect(onTimeCategory({ ...base, finishedAt: due }, later)).toBe("dung_han");
  });

  it("finished after the due time is quá hạn", () => {
    expect(onTimeCategory({ ...base, finishedAt: "2026-11-09T10:00:01.000Z" }, later)).toBe("qua_han");
  });

  it("does not count the time spent waiting for a supplement", () => {
    const finished = { ...base, finishedAt: "2026-11-11T03:00:00.000Z", supplementRequests: 1 };
    expect(onTimeCategory({ ...finished, supplementPausedMs: 3 * day }, later)).toBe("truoc_han");
    expect(onTimeCategory({ ...finished, supplementPausedMs: 0 }, later)).toBe("qua_han");
  });

  it("counts more than one supplement request as late", () => {
    expect(
      onTimeCategory({ ...base, finishedAt: "2026-11-05T03:00:00.000Z", supplementRequests: 2, supplementPausedMs: day }, later),
    ).toBe("qua_han");
  });

  it("a dossier in progress is trong hạn until its due time passes, with a running supplement pause", () => {
    expect(onTimeCategory(base, new Date("2026-11-09T09:59:59.000Z"))).toBe("trong_han");
    expect(onTimeCategory(base, new Date("2026-11-09T10:00:01.000Z"))).toBe("qua_han");
    const waiting = { ...base, supplementRequests: 1, supplementPausedSince: "2026-11-08T00:00:00.000Z" };
    expect(onTimeCategory(waiting, new Date("2026-11-10T00:00:00.000Z"))).toBe("trong_han");
  });
});

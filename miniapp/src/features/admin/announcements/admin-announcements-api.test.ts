import { describe, expect, it } from "vitest";
import { stillRunning, type PublishedAnnouncement } from "./admin-announcements-api";

const announcement = { id: "a1", kind: "notice" as const, title: "Thông báo", body: "Nội dung", link: null, publishedAt: "2026-11-02T02:00:00.000Z" };
const progress = { state: "done" as const, targeted: 10, written: 10, sent: 7, failed: 0, undeliverable: 0, pending: 3, paused: null };

describe("polling the fan-out's progress", () => {
  it("polls while messages are being sent, not while they wait for tomorrow's quota", () => {
    const sending: PublishedAnnouncement = { announcement, progress };
    const paused: PublishedAnnouncement = { announcement, progress: { ...progress, paused: { until: "2026-11-02T17:00:00.000Z" } } };
    expect(stillRunning([sending])).toBe(true);
    expect(stillRunning([paused])).toBe(false);
    expect(stillRunning([paused, sending])).toBe(true);
  });
});

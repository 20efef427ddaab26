import { expect, it } from "vitest";
import { receivedDossier } from "../../test/dossier-fixtures.js";
import type { DossierEvent } from "./dossier.js";
import { buildDossierView } from "./dossier-view.js";

const dossier = receivedDossier({
  status: 5,
  statusAt: "2026-11-03T01:00:00.000Z",
  supplementRequests: 1,
  supplementPausedSince: "2026-11-03T01:00:00.000Z",
  latestApology: { reason: "Chờ xác minh", newDueAt: "2026-11-12T10:00:00.000Z", occurredAt: "2026-11-03T01:00:00.000Z" },
  eventCount: 2,
  version: 2,
  createdAt: "2026-11-02T01:00:01.000Z",
  updatedAt: "2026-11-03T01:00:01.000Z",
});
const events: DossierEvent[] = [
  { eventId: "e1", status: 2, occurredAt: "2026-11-02T01:00:00.000Z", recordedAt: "x", note: null, unitName: "Bộ phận Một cửa", apology: null },
  {
    eventId: "e2",
    status: 5,
    occurredAt: "2026-11-03T01:00:00.000Z",
    recordedAt: "x",
    note: "Bổ sung bản sao giấy chứng sinh",
    unitName: "Phòng Tư pháp",
    apology: { reason: "Chờ xác minh", newDueAt: "2026-11-12T10:00:00.000Z" },
  },
];

it("the public view masks the name and hides notes, phone and apology reasons", () => {
  const view = buildDossierView(dossier, events, "public", new Date("2026-11-04T00:00:00Z"));
  expect(view).toMatchObject({ view: "public", applicantName: "Nguyễn V** A*", status: 5, statusLabel: "Yêu cầu bổ sung giấy tờ" });
  const text = JSON.stringify(view);
  expect(text).not.toContain("84912345678");
  expect(text).not.toContain("Bổ sung bản sao");
  expect(text).not.toContain("Chờ xác minh");
  expect(view.apology).toEqual({ newDueAt: "2026-11-12T10:00:00.000Z", occurredAt: "2026-11-03T01:00:00.000Z" });
});

it("the owner view has everything but the phone number", () => {
  const view = buildDossierView(dossier, events, "owner", new Date("2026-11-04T00:00:00Z"));
  expect(view.applicantName).toBe("Nguyễn Văn An");
  expect(view.timeline.map((e) => [e.status, e.statusLabel, e.note])).toEqual([
    [2, "Được tiếp nhận", null],
    [5, "Yêu cầu bổ sung giấy tờ", "Bổ sung bản sao giấy chứng sinh"],
  ]);
  expect(view.apology?.reason).toBe("Chờ xác minh");
  expect(view.onTime).toBe("trong_han");
  expect(JSON.stringify(view)).not.toContain("84912345678");
});

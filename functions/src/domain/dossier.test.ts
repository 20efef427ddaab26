import { describe, expect, it } from "vitest";
import { birthRegistrationDetails as details } from "../../test/dossier-fixtures.js";
import { applyDossierEvent, reviseDossier, type Dossier, type DossierEvent, type IncomingDossierEvent } from "./dossier.js";
import type { DossierStatus } from "./dossier-status.js";
import { notificationFor } from "./dossier-notification.js";


function incoming(eventId: string, status: DossierStatus, occurredAt: string, extra: Partial<IncomingDossierEvent> = {}) {
  return {
    eventId,
    code: "000.00.20.H27-261102-0001",
    codeKind: "official",
    status,
    occurredAt,
    details: null,
    note: null,
    unitName: null,
    apology: null,
    ...extra,
  } satisfies IncomingDossierEvent;
}

/** Applies events in the order given, as ingest would, and returns the final state. */
function replay(...events: IncomingDossierEvent[]) {
  let state: { dossier: Dossier | null; events: DossierEvent[] } = { dossier: null, events: [] };
  const outcomes = events.map((event, i) => {
    const outcome = applyDossierEvent(state, event, `2026-11-20T00:00:0${i}.000Z`);
    if (outcome.ok) state = { dossier: outcome.dossier, events: [...state.events, outcome.event] };
    return outcome;
  });
  return { state, outcomes };
}

describe("applyDossierEvent", () => {
  it("needs the dossier details on the first event", () => {
    const outcome = applyDossierEvent({ dossier: null, events: [] }, incoming("e1", 2, "2026-11-02T01:00:00Z"), "now");
    expect(outcome).toEqual({ ok: false, reason: "details_required" });
  });

  it("follows the status through a normal life", () => {
    const { state, outcomes } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e2", 4, "2026-11-02T03:00:00.000Z"),
      incoming("e3", 9, "2026-11-05T03:00:00.000Z"),
    );
    expect(state.dossier).toMatchObject({ status: 9, statusAt: "2026-11-05T03:00:00.000Z", eventCount: 3, version: 3 });
    expect(state.dossier?.finishedAt).toBe("2026-11-05T03:00:00.000Z");
    expect(outcomes.map((o) => o.ok && o.statusChanged)).toEqual([true, true, true]);
  });

  it("keeps a late event in the timeline without moving the status back", () => {
    const { state, outcomes } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e3", 9, "2026-11-05T03:00:00.000Z"),
      incoming("e2", 4, "2026-11-02T03:00:00.000Z"),
    );
    expect(state.dossier?.status).toBe(9);
    expect(state.dossier?.eventCount).toBe(3);
    const late = outcomes[2]!;
    expect(late.ok && late.stale).toBe(true);
    expect(late.ok && late.statusChanged).toBe(false);
    expect(late.ok && notificationFor(late)).toBeNull();
  });

  it("applies the same event id once", () => {
    const first = replay(incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }));
    const again = applyDossierEvent(first.state, incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }), "now");
    expect(again).toEqual({ ok: false, reason: "duplicate_event" });
  });

  it("counts supplement requests and the time spent waiting for them", () => {
    const { state } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e2", 5, "2026-11-03T01:00:00.000Z"),
      incoming("e3", 4, "2026-11-05T01:00:00.000Z"),
    );
    expect(state.dossier).toMatchObject({ supplementRequests: 1, supplementPausedMs: 2 * 24 * 3600 * 1000, supplementPausedSince: null });
  });

  it("takes the newest apology and does not change the due date given at intake", () => {
    const { state, outcomes } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e2", 4, "2026-11-08T01:00:00.000Z", { apology: { reason: "Cần xác minh thêm", newDueAt: "2026-11-16T10:00:00.000Z" } }),
    );
    expect(state.dossier?.latestApology).toEqual({
      reason: "Cần xác minh thêm",
      newDueAt: "2026-11-16T10:00:00.000Z",
      occurredAt: "2026-11-08T01:00:00.000Z",
    });
    expect(state.dossier?.dueAt).toBe(details.dueAt);
    const apology = outcomes[1]!;
    expect(apology.ok && notificationFor(apology)).toMatchObject({ kind: "dossier_apology", newDueAt: "2026-11-16T10:00:00.000Z" });
  });

  it("lets a newer event update the details but not an older one", () => {
    const { state } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e2", 4, "2026-11-03T01:00:00.000Z", { details: { ...details, dueAt: "2026-11-10T10:00:00.000Z" } }),
      incoming("e0", 1, "2026-11-01T01:00:00.000Z", { details: { ...details, applicantName: "Tên cũ" } }),
    );
    expect(state.dossier?.dueAt).toBe("2026-11-10T10:00:00.000Z");
    expect(state.dossier?.applicantName).toBe("Nguyễn Văn An");
  });
});

describe("notificationFor", () => {
  it("names what the citizen should hear", () => {
    const { outcomes } = replay(
      incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details }),
      incoming("e2", 4, "2026-11-02T03:00:00.000Z"),
      incoming("e3", 4, "2026-11-02T04:00:00.000Z"),
      incoming("e4", 9, "2026-11-05T03:00:00.000Z"),
      incoming("e5", 10, "2026-11-06T03:00:00.000Z"),
    );
    const kinds = outcomes.map((o) => (o.ok ? (notificationFor(o)?.kind ?? null) : "error"));
    expect(kinds).toEqual([
      "dossier_received",
      "dossier_status_changed",
      null,
      "dossier_result_ready",
      "dossier_result_delivered",
    ]);
  });
});

describe("reviseDossier", () => {
  const held = () => replay(incoming("e1", 2, "2026-11-02T01:00:00.000Z", { details })).state.dossier!;
  const at = "2026-11-21T00:00:00.000Z";

  it("changes the details and the version, never the status, the timeline state or the details' time", () => {
    const before = held();
    const revised = reviseDossier(before, { details: { ...details, dueAt: "2026-11-16T10:00:00.000Z" } }, at);
    expect(revised).toEqual({ ...before, dueAt: "2026-11-16T10:00:00.000Z", sourceStatus: null, version: before.version + 1, updatedAt: at });
  });

  it("is null when nothing differs, so a replay writes nothing", () => {
    const before = held();
    expect(reviseDossier(before, { details }, at)).toBeNull();
    expect(reviseDossier(before, { sourceStatus: null }, at)).toBeNull();
    const withSource = reviseDossier(before, { sourceStatus: { code: "11", seenAt: at } }, at)!;
    expect(withSource.sourceStatus).toEqual({ code: "11", seenAt: at });
    // The same code seen again keeps the time it was first seen.
    expect(reviseDossier(withSource, { details, sourceStatus: { code: "11", seenAt: "2026-11-22T00:00:00.000Z" } }, at)).toBeNull();
    expect(reviseDossier(withSource, { sourceStatus: { code: "12", seenAt: at } }, at)?.sourceStatus).toEqual({ code: "12", seenAt: at });
    expect(reviseDossier(withSource, { sourceStatus: null }, at)?.sourceStatus).toBeNull();
    // Leaving the source status out leaves it.
    expect(reviseDossier(withSource, { details: { ...details, agencyName: "UBND phường Võ Cường" } }, at)?.sourceStatus).toEqual({ code: "11", seenAt: at });
  });

  it("an event applied later carries the source status on", () => {
    const withSource = reviseDossier(held(), { sourceStatus: { code: "11", seenAt: at } }, at)!;
    const outcome = applyDossierEvent({ dossier: withSource, events: [] }, incoming("e2", 4, "2026-11-03T01:00:00.000Z"), at);
    expect(outcome.ok && outcome.dossier.sourceStatus).toEqual({ code: "11", seenAt: at });
  });
});

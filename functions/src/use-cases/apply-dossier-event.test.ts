import { beforeEach, describe, expect, it } from "vitest";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import type { IncomingDossierEvent } from "../domain/dossier.js";
import { applyDossierEventUseCase, samePayload } from "./apply-dossier-event.js";
import { ingestDossierEventsUseCase } from "./ingest-dossier-events.js";

const details = {
  agencyCode: "A",
  agencyName: "UBND xã Sơn Động",
  procedureCode: "P",
  procedureName: "Đăng ký thường trú",
  applicantName: "Lê Văn Cường",
  applicantPhone: null,
  receivedAt: "2026-11-02T01:00:00.000Z",
  dueAt: "2026-11-09T10:00:00.000Z",
};
const event = (code: string, eventId: string, status: 2 | 4 | 9 | 10, occurredAt: string, withDetails = false): IncomingDossierEvent => ({
  eventId,
  code,
  codeKind: "other",
  status,
  occurredAt,
  details: withDetails ? details : null,
  note: null,
  unitName: null,
  apology: null,
});

let repository: InMemoryDossierRepository;
let applyEvent: ReturnType<typeof applyDossierEventUseCase>;
beforeEach(() => {
  repository = new InMemoryDossierRepository();
  applyEvent = applyDossierEventUseCase({ dossiers: repository, clock: new FixedClock(new Date("2026-11-28T00:00:00Z")), ids: sequentialIds() });
});

describe("apply a dossier event", () => {
  it("applies, then reports the same event id as a duplicate", async () => {
    expect(await applyEvent(event("C1", "e1", 2, "2026-11-02T01:00:00.000Z", true), "h")).toEqual({
      outcome: "applied",
      dossierCode: "C1",
      isFirstEvent: true,
      notified: true,
    });
    expect(await applyEvent(event("C1", "e1", 2, "2026-11-02T01:00:00.000Z", true), "h")).toEqual({ outcome: "duplicate", dossierCode: "C1" });
    expect(repository.outbox).toHaveLength(1);
  });

  it("rejects a first event without the dossier details", async () => {
    expect(await applyEvent(event("C2", "e1", 4, "2026-11-02T01:00:00.000Z"), "h")).toMatchObject({ outcome: "rejected" });
    expect(repository.dossiers.size).toBe(0);
  });

  it("reads again and re-applies when another writer got in first", async () => {
    await applyEvent(event("C3", "e1", 2, "2026-11-02T01:00:00.000Z", true), "h");
    let interfered = false;
    repository.beforeWrite = () => {
      if (interfered) return;
      interfered = true;
      const current = repository.dossiers.get("C3")!;
      current.dossier = { ...current.dossier, version: current.dossier.version + 1 };
    };
    expect(await applyEvent(event("C3", "e2", 4, "2026-11-03T01:00:00.000Z"), "h")).toMatchObject({ outcome: "applied" });
    expect(repository.dossiers.get("C3")?.events.map((e) => e.eventId)).toEqual(["e1", "e2"]);
  });
});

describe("the invitation to rate", () => {
  it("is a message of its own, sent once: the first time the dossier reaches 9 or 10", async () => {
    await applyEvent(event("R1", "r1", 2, "2026-11-02T01:00:00.000Z", true), "h");
    await applyEvent(event("R1", "r2", 4, "2026-11-03T01:00:00.000Z"), "h");
    expect(repository.outbox.filter((n) => n.kind === "rating_invitation")).toHaveLength(0);
    await applyEvent(event("R1", "r3", 9, "2026-11-04T01:00:00.000Z"), "h");
    expect(repository.outbox.map((n) => n.kind)).toEqual(["dossier_received", "dossier_status_changed", "dossier_result_ready", "rating_invitation"]);
    expect(repository.outbox[3]).toMatchObject({ dossierCode: "R1", status: 9, procedureName: "Đăng ký thường trú" });
    expect(repository.dossiers.get("R1")?.dossier.ratingInvitedAt).toBe("2026-11-28T00:00:00.000Z");
    // Handed over later, and a repeated 9: no second invitation.
    await applyEvent(event("R1", "r4", 10, "2026-11-05T01:00:00.000Z"), "h");
    await applyEvent(event("R1", "r3", 9, "2026-11-04T01:00:00.000Z"), "h");
    expect(repository.outbox.filter((n) => n.kind === "rating_invitation")).toHaveLength(1);
  });

  it("goes out when the first finishing status is 10, and not for a late 9 after it", async () => {
    await applyEvent(event("R2", "s1", 2, "2026-11-02T01:00:00.000Z", true), "h");
    await applyEvent(event("R2", "s3", 10, "2026-11-05T01:00:00.000Z"), "h");
    await applyEvent(event("R2", "s2", 9, "2026-11-04T01:00:00.000Z"), "h");
    expect(repository.outbox.filter((n) => n.kind === "rating_invitation").map((n) => n.status)).toEqual([10]);
  });
});

describe("ingest a batch", () => {
  it("applies one dossier's events in the order sent and answers in batch order", async () => {
    const ingest = ingestDossierEventsUseCase(applyEvent);
    const batch = [
      event("D1", "a1", 2, "2026-11-02T01:00:00.000Z", true),
      event("D2", "b1", 2, "2026-11-02T01:00:00.000Z", true),
      event("D1", "a2", 4, "2026-11-03T01:00:00.000Z"),
      event("D1", "a3", 9, "2026-11-04T01:00:00.000Z"),
      event("D2", "b1", 2, "2026-11-02T01:00:00.000Z", true),
    ].map((e) => ({ event: e, payloadHash: "h" }));
    const results = await ingest(batch);
    expect(results.map((r) => `${r.dossierCode}:${r.outcome}`)).toEqual(["D1:applied", "D2:applied", "D1:applied", "D1:applied", "D2:duplicate"]);
    expect(repository.dossiers.get("D1")?.dossier.status).toBe(9);
  });
});

describe("a payload's fingerprint as stored", () => {
  const full = "n4bQgYhMfWaLqgtezCdxaVvoqDyFr3xfyxDaK1P3Y3I";
  it("matches the full fingerprint and its first 128 bits (22 characters), not another one", () => {
    expect(samePayload(full, full)).toBe(true);
    expect(samePayload(full.slice(0, 22), full)).toBe(true);
    expect(samePayload(full.slice(0, 22), `${full.slice(0, 21)}x${full.slice(22)}`)).toBe(false);
    expect(samePayload(full.slice(0, 22), `${full.slice(0, 22)}anything`)).toBe(true);
    // Fewer than 128 bits never pass for the whole.
    expect(samePayload(full.slice(0, 10), full)).toBe(false);
  });
});

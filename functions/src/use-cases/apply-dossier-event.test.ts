import { beforeEach, describe, expect, it } from "vitest";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import type { IncomingDossierEvent } from "../domain/dossier.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";
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
const event = (code: string, eventId: string, status: 2 | 4 | 9, occurredAt: string, withDetails = false): IncomingDossierEvent => ({
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

import { beforeEach, describe, expect, it } from "vitest";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import type { DossierDetails } from "../domain/dossier.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";
import { dialectEventId, syncDialectUseCases, type DialectDossierItem, type DialectEvent } from "./sync-dialect-dossiers.js";

const code = "000.00.01.H56-240101-0001";
const details: DossierDetails = {
  agencyCode: "000.00.01.H56",
  agencyName: "UBND xã Minh Khai",
  procedureCode: "1.001234",
  procedureName: "Đăng ký khai sinh",
  applicantName: "Nguyễn Văn A",
  applicantPhone: null,
  receivedAt: "2024-01-01T01:00:00.000Z",
  dueAt: "2024-01-15T10:00:00.000Z",
};
const dialectEvent = (status: 2 | 4 | 6 | 9, occurredAt: string, timeInferred = false): DialectEvent => ({
  eventId: dialectEventId(code, status, occurredAt),
  status,
  occurredAt,
  note: null,
  unitName: null,
  apology: null,
  ...(timeInferred ? { timeInferred } : {}),
});
const item = (events: DialectEvent[], sent = details): DialectDossierItem => ({
  code,
  codeKind: "official",
  details: sent,
  events,
  sourceStatus: null,
});

let clock: FixedClock;
let repository: InMemoryDossierRepository;
let sync: ReturnType<typeof syncDialectUseCases>;
beforeEach(() => {
  clock = new FixedClock(new Date("2024-02-01T00:00:00Z"));
  repository = new InMemoryDossierRepository();
  const applyEvent = applyDossierEventUseCase({ dossiers: repository, clock, ids: sequentialIds() });
  sync = syncDialectUseCases({ dossiers: repository, clock, applyEvent, hashEvent: (event) => event.eventId });
});

describe("sync dialect dossiers", () => {
  it("creates a dossier, then answers a second create with exists and an update of the same state with duplicate", async () => {
    const created = item([dialectEvent(2, details.receivedAt)]);
    expect(await sync.syncDossiers([created], false)).toEqual([{ outcome: "applied", code, applied: 1 }]);
    expect(await sync.syncDossiers([created], false)).toEqual([{ outcome: "exists", code }]);
    expect(await sync.syncDossiers([created], true)).toEqual([{ outcome: "duplicate", code }]);
    expect((await repository.findWithTimeline(code))?.events).toHaveLength(1);
  });

  it("rejects a first item without the details a dossier needs, naming the dialect fields", async () => {
    const [outcome] = await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)], { ...details, procedureName: undefined } as never)], false);
    expect(outcome).toEqual({ outcome: "rejected", code, reason: "thiếu TenTTHC (bắt buộc khi tạo hồ sơ)" });
    expect(await repository.findWithTimeline(code)).toBeNull();
  });

  it("fills missing details of an update from the dossier held", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    const partial = { agencyCode: details.agencyCode, applicantName: "Nguyễn Văn Anh" };
    await sync.syncDossiers([item([dialectEvent(4, "2024-01-02T01:00:00.000Z")], partial as never)], true);
    expect((await repository.findWithTimeline(code))?.dossier).toMatchObject({ applicantName: "Nguyễn Văn Anh", procedureName: "Đăng ký khai sinh", status: 4 });
  });

  it("skips an inferred-time status the dossier already has, and places a new one after the current status", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    await sync.syncSteps([{ code, codeKind: "official", event: dialectEvent(4, "2024-01-03T01:00:00.000Z"), sourceStatus: null }]);
    expect(await sync.syncDossiers([item([dialectEvent(2, details.receivedAt), dialectEvent(4, "2024-01-01T01:00:01.000Z", true)])], true)).toEqual([
      { outcome: "duplicate", code },
    ]);
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt), dialectEvent(6, "2024-01-01T01:00:01.000Z", true)])], true);
    const held = await repository.findWithTimeline(code);
    expect(held?.dossier).toMatchObject({ status: 6, statusAt: "2024-01-03T01:00:01.000Z" });
    expect(held?.events.map((e) => e.status)).toEqual([2, 4, 6]);
  });

  it("a step of a dossier never synced is rejected, whatever its status", async () => {
    for (const step of [
      { code, codeKind: "official" as const, event: dialectEvent(4, "2024-01-03T01:00:00.000Z"), sourceStatus: null },
      { code, codeKind: "official" as const, event: null, sourceStatus: "11" },
    ]) {
      expect(await sync.syncSteps([step])).toEqual([{ outcome: "rejected", code, reason: "hồ sơ chưa được đồng bộ (gửi DongBoHoSoMC trước)" }]);
    }
    expect(await repository.findWithTimeline(code)).toBeNull();
  });

  it("keeps an unknown status as the dossier's source status, with no event and no message; a known status clears it", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    const messagesBefore = repository.outbox.length;
    clock.advanceSeconds(60);
    const unknown = { ...item([dialectEvent(2, details.receivedAt)]), sourceStatus: "11" };
    expect(await sync.syncDossiers([unknown], true)).toEqual([{ outcome: "ignored", code, sourceStatus: "11" }]);
    const held = await repository.findWithTimeline(code);
    expect(held?.dossier).toMatchObject({ status: 2, sourceStatus: { code: "11", seenAt: "2024-02-01T00:01:00.000Z" } });
    expect(held?.events).toHaveLength(1);
    expect(repository.outbox).toHaveLength(messagesBefore);

    // The same report again is no change: the time first seen stays.
    const version = held!.dossier.version;
    clock.advanceSeconds(60);
    await sync.syncDossiers([unknown], true);
    expect((await repository.findWithTimeline(code))?.dossier).toMatchObject({ version, sourceStatus: { seenAt: "2024-02-01T00:01:00.000Z" } });

    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt), dialectEvent(4, "2024-01-03T01:00:00.000Z")])], true);
    const after = (await repository.findWithTimeline(code))?.dossier;
    expect(after?.status).toBe(4);
    expect(after?.sourceStatus ?? null).toBeNull();
  });

  it("creates a dossier sent under an unknown status from its dated facts, keeping the status as the source status", async () => {
    const created = { ...item([dialectEvent(2, details.receivedAt)]), sourceStatus: "11" };
    expect(await sync.syncDossiers([created], false)).toEqual([{ outcome: "applied", code, applied: 1, sourceStatus: "11" }]);
    expect((await repository.findWithTimeline(code))?.dossier).toMatchObject({ status: 2, sourceStatus: { code: "11" } });
  });

  it("an unknown step status is kept on the dossier held, as no event", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    expect(await sync.syncSteps([{ code, codeKind: "official", event: null, sourceStatus: "11" }])).toEqual([{ outcome: "ignored", code, sourceStatus: "11" }]);
    const held = await repository.findWithTimeline(code);
    expect(held?.dossier.sourceStatus).toEqual({ code: "11", seenAt: "2024-02-01T00:00:00.000Z" });
    expect(held?.events).toHaveLength(1);
  });

  it("a details-only update changes the dossier's details without an event or a message, once", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    const messagesBefore = repository.outbox.length;
    const changed = { ...details, dueAt: "2024-01-20T10:00:00.000Z", procedureName: "Đăng ký khai sinh có yếu tố nước ngoài", applicantPhone: "84912345678" };
    expect(await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)], changed)], true)).toEqual([{ outcome: "updated", code }]);
    const held = await repository.findWithTimeline(code);
    expect(held?.dossier).toMatchObject({ status: 2, dueAt: changed.dueAt, procedureName: changed.procedureName, applicantPhone: "84912345678" });
    expect(held?.events).toHaveLength(1);
    expect(repository.outbox).toHaveLength(messagesBefore);
    expect(await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)], changed)], true)).toEqual([{ outcome: "duplicate", code }]);
    expect((await repository.findWithTimeline(code))?.dossier.version).toBe(held!.dossier.version);
  });

  it("details sent with a new status win over older details, and an event older than them does not undo them", async () => {
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt)])], false);
    await sync.syncSteps([{ code, codeKind: "official", event: dialectEvent(4, "2024-01-05T01:00:00.000Z"), sourceStatus: null }]);
    const changed = { ...details, agencyName: "UBND phường Minh Khai" };
    await sync.syncDossiers([item([dialectEvent(2, details.receivedAt), dialectEvent(6, "2024-01-03T01:00:00.000Z")], changed)], true);
    const held = await repository.findWithTimeline(code);
    expect(held?.dossier).toMatchObject({ agencyName: "UBND phường Minh Khai", status: 4 });
    expect(held?.events.map((e) => e.status)).toEqual([2, 6, 4]);
  });
});

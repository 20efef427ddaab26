import { beforeEach, describe, expect, it } from "vitest";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";
import { dialectEventId, syncDialectUseCases, type DialectDossierItem, type DialectEvent } from "./sync-dialect-dossiers.js";

const code = "000.00.01.H56-240101-0001";
const details = {
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

let repository: InMemoryDossierRepository;
let sync: ReturnType<typeof syncDialectUseCases>;
beforeEach(() => {
  repository = new InMemoryDossierRepository();
  const applyEvent = applyDossierEventUseCase({ dossiers: repository, clock: new FixedClock(new Date("2024-02-01T00:00:00Z")), ids: sequentialIds() });
  sync = syncDialectUseCases({ dossiers: repository, applyEvent, hashEvent: (event) => event.eventId });
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

  it("a step of a dossier never synced is rejected; an unknown status is ignored with its source code", async () => {
    expect(await sync.syncSteps([{ code, codeKind: "official", event: dialectEvent(4, "2024-01-03T01:00:00.000Z"), sourceStatus: null }])).toEqual([
      { outcome: "rejected", code, reason: "hồ sơ chưa được đồng bộ (gửi DongBoHoSoMC trước)" },
    ]);
    expect(await sync.syncSteps([{ code, codeKind: "official", event: null, sourceStatus: "11" }])).toEqual([
      { outcome: "ignored", code, sourceStatus: "11" },
    ]);
  });
});

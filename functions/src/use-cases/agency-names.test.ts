import { describe, expect, it } from "vitest";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import type { IncomingDossierEvent } from "../domain/dossier.js";
import type { StaffMember } from "../domain/staff.js";
import type { Agency, AgencyDirectory } from "../ports/agency-directory.js";
import type { LogFields, Logger } from "../ports/logger.js";
import { listAgenciesInScopeUseCase, rememberingAgencyNames } from "./agency-names.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";

class RecordingDirectory implements AgencyDirectory {
  readonly writes: Agency[] = [];
  failNext = false;
  async remember(agency: Agency): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("throttled");
    }
    this.writes.push(agency);
  }
  async list(): Promise<Agency[]> {
    return [...new Map(this.writes.map((a) => [a.code, a])).values()];
  }
}

const received = (code: string, agencyCode: string, agencyName: string): IncomingDossierEvent => ({
  eventId: `e-${code}`,
  code,
  codeKind: "other",
  status: 2,
  occurredAt: "2026-11-02T01:00:00.000Z",
  details: { agencyCode, agencyName, procedureCode: "P", procedureName: "Đăng ký thường trú", applicantName: "Lê Văn Cường", applicantPhone: null, receivedAt: "2026-11-02T01:00:00.000Z", dueAt: "2026-11-09T10:00:00.000Z" },
  note: null,
  unitName: null,
  apology: null,
});

class RecordingLog implements Logger {
  readonly lines: { level: string; message: string; fields?: LogFields }[] = [];
  info(message: string, fields?: LogFields) {
    this.lines.push({ level: "info", message, ...(fields ? { fields } : {}) });
  }
  warn(message: string, fields?: LogFields) {
    this.lines.push({ level: "warn", message, ...(fields ? { fields } : {}) });
  }
  error(message: string, fields?: LogFields) {
    this.lines.push({ level: "error", message, ...(fields ? { fields } : {}) });
  }
}

function ingestWith(directory: RecordingDirectory, log = new RecordingLog()) {
  const clock = new FixedClock(new Date("2026-11-02T02:00:00Z"));
  const dossiers = rememberingAgencyNames(new InMemoryDossierRepository(), { directory, clock, log });
  return applyDossierEventUseCase({ dossiers, clock, ids: sequentialIds() });
}

describe("rememberingAgencyNames", () => {
  it("records an agency's name once per instance, again on a rename, and never for a duplicate event", async () => {
    const directory = new RecordingDirectory();
    const apply = ingestWith(directory);
    await apply(received("D1", "A", "UBND xã Sơn Động"), "h1");
    await apply(received("D2", "A", "UBND xã Sơn Động"), "h2");
    await apply(received("D1", "A", "UBND xã Sơn Động"), "h1");
    await apply(received("D3", "A", "UBND thị trấn Sơn Động"), "h3");
    expect(directory.writes).toEqual([
      { code: "A", name: "UBND xã Sơn Động" },
      { code: "A", name: "UBND thị trấn Sơn Động" },
    ]);
  });

  it("does not fail the ingest when the record fails, and tries again with the agency's next dossier", async () => {
    const directory = new RecordingDirectory();
    const log = new RecordingLog();
    const apply = ingestWith(directory, log);
    directory.failNext = true;
    expect((await apply(received("D1", "A", "UBND xã Sơn Động"), "h1")).outcome).toBe("applied");
    expect(directory.writes).toEqual([]);
    expect(log.lines).toEqual([{ level: "warn", message: "agency name not recorded", fields: { agencyCode: "A", error: expect.any(String) } }]);
    await apply(received("D2", "A", "UBND xã Sơn Động"), "h2");
    expect(directory.writes).toEqual([{ code: "A", name: "UBND xã Sơn Động" }]);
  });
});

const member = (agencyCodes: string[], allAgencies: boolean): StaffMember => ({
  zaloAppUserId: "1",
  name: "Cán bộ",
  role: allAgencies ? "admin" : "officer",
  agencyCodes,
  allAgencies,
  createdAt: "",
  updatedAt: "",
  updatedBy: "",
});

describe("listAgenciesInScope", () => {
  const directory = new RecordingDirectory();
  directory.writes.push({ code: "B", name: "UBND phường Bắc Giang" }, { code: "A", name: "UBND phường Ánh Dương" }, { code: "C", name: "Sở Tư pháp" });
  const list = listAgenciesInScopeUseCase({ directory });

  it("gives staff of every agency all of them in Vietnamese name order (Sở before UBND, Ánh before Bắc)", async () => {
    expect((await list(member([], true))).map((a) => a.code)).toEqual(["C", "A", "B"]);
  });

  it("gives an officer exactly their agencies, an unnamed one by code after the named", async () => {
    expect(await list(member(["Z", "C"], false))).toEqual([
      { code: "C", name: "Sở Tư pháp" },
      { code: "Z", name: null },
    ]);
  });
});

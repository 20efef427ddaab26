import { parseDossierCode, type DossierCodeKind } from "@motcua/contracts/dossier-code";
import type { Apology, DossierDetails } from "../../domain/dossier.js";
import { allDossierStatuses, type DossierStatus } from "../../domain/dossier-status.js";
import { normalisePhoneNumber } from "../../domain/phone-number.js";
import {
  dialectEventId,
  type DialectDossierItem,
  type DialectEvent,
  type DialectStep,
} from "../../use-cases/sync-dialect-dossiers.js";

/**
 * The national dossier-sync dialect (`DongBoHoSoMC`, `CapNhatTienDoHoSoMC`) translated into our dossier events.
 * Only the fields below are ever read: identity numbers, e-mail, fax, attachments, fees and result links are
 * left in the request and never reach the table or a log (Decree 13/2023).
 */

/** A sender's status code → national status; the default is the national list itself. */
export type StatusMap = Readonly<Record<string, DossierStatus>>;

export const nationalStatusMap: StatusMap = Object.fromEntries(allDossierStatuses.map((status) => [String(status), status]));

/** Names and notes longer than our own limits are cut, not refused: the dialect's texts are often long. */
export const dialectTextLimits = { name: 300, note: 2000 } as const;

export type MappedItem<T> = { ok: true; value: T; warnings: string[] } | { ok: false; code: string | null; reason: string };

type Raw = Record<string, unknown>;

class ItemError extends Error {}

/** Strings or numbers are both accepted where harmless; empty string (or null) means absent. */
function text(raw: Raw, field: string): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") throw new ItemError(`${field} phải là chuỗi`);
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function cut(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** `yyyyMMddHHmmss` in Vietnam time (UTC+7) → ISO-8601 UTC; absent when empty; an impossible date is an error. */
export function parseDialectDate(raw: Raw, field: string): string | undefined {
  const value = text(raw, field);
  if (value === undefined) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/u.exec(value);
  if (!match) throw new ItemError(`${field} "${value}" không đúng dạng yyyyMMddHHmmss`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second ||
    year < 1990
  ) {
    throw new ItemError(`${field} "${value}" không phải ngày giờ có thật`);
  }
  return new Date(utc - vietnamOffsetMs).toISOString();
}

function dossierCode(raw: Raw): { code: string; kind: DossierCodeKind } {
  const value = text(raw, "MaHoSo");
  if (value === undefined) throw new ItemError("thiếu MaHoSo");
  const parsed = parseDossierCode(value);
  if (!parsed.ok) throw new ItemError(`MaHoSo "${value}" không hợp lệ (${parsed.reason})`);
  return { code: parsed.code, kind: parsed.kind };
}

/** The agency's identifier code: the official code's prefix, else the unit the request was sent for. */
export function agencyCodeOf(code: string, kind: DossierCodeKind, madonvi: string): string {
  return kind === "official" ? code.slice(0, code.indexOf("-")) : madonvi;
}

function statusOf(raw: Raw, field: string, map: StatusMap): { status: DossierStatus | null; source: string | undefined } {
  const source = text(raw, field);
  if (source === undefined) return { status: null, source };
  return { status: map[source] ?? null, source };
}

function asObject(raw: unknown): Raw {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ItemError("mỗi mục phải là một đối tượng JSON");
  return raw as Raw;
}

function codeForError(raw: unknown): string | null {
  const value = typeof raw === "object" && raw !== null ? (raw as Raw)["MaHoSo"] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value).slice(0, 64) : null;
}

function event(
  code: string,
  status: DossierStatus,
  occurredAt: string,
  extra: { note?: string | undefined; unitName?: string | undefined; apology?: Apology | null; timeInferred?: boolean } = {},
): DialectEvent {
  return {
    eventId: dialectEventId(code, status, occurredAt),
    status,
    occurredAt,
    note: extra.note ?? null,
    unitName: extra.unitName ?? null,
    apology: extra.apology ?? null,
    ...(extra.timeInferred ? { timeInferred: true } : {}),
  };
}

const byTime = (a: DialectEvent, b: DialectEvent) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0);

const supplementApologyReason = "Hồ sơ cần bổ sung giấy tờ; cơ quan hẹn lại ngày trả kết quả.";

/** `DongBoHoSoMC` item → the details it carries and the events its state implies, oldest first. */
export function mapDossierItem(rawItem: unknown, context: { madonvi: string; statusMap: StatusMap }): MappedItem<DialectDossierItem> {
  try {
    const raw = asObject(rawItem);
    const { code, kind } = dossierCode(raw);
    const warnings: string[] = [];
    const phoneText = text(raw, "SoDienThoai");
    let applicantPhone: string | null | undefined;
    if (phoneText !== undefined) {
      applicantPhone = normalisePhoneNumber(phoneText);
      // A landline must not lose the dossier; it just cannot be used by Zalo.
      if (!applicantPhone) warnings.push("SoDienThoai bỏ qua: không phải số di động Việt Nam");
    }
    const receivedAt = parseDialectDate(raw, "NgayTiepNhan");
    const details: Partial<DossierDetails> = {
      agencyCode: agencyCodeOf(code, kind, context.madonvi),
      agencyName: cut(text(raw, "DonViXuLy"), dialectTextLimits.name),
      procedureCode: cut(text(raw, "MaTTHC"), 64),
      procedureName: cut(text(raw, "TenTTHC"), dialectTextLimits.name),
      applicantName: cut(text(raw, "ChuHoSo"), dialectTextLimits.name),
      applicantPhone,
      receivedAt,
      dueAt: parseDialectDate(raw, "NgayHenTra"),
    };
    const submittedAt = parseDialectDate(raw, "NgayNopHoSo");
    const finishedAt = parseDialectDate(raw, "NgayKetThucXuLy");
    const handedOverAt = parseDialectDate(raw, "NgayTra");
    const refusedAt = parseDialectDate(raw, "NgayTuChoi");
    const rounds = supplementRounds(raw);
    const { status, source } = statusOf(raw, "TrangThaiHoSo", context.statusMap);
    if (status === null && source === undefined) throw new ItemError("thiếu TrangThaiHoSo");

    // An unmapped status still carries dated facts (received, supplement rounds); only the status itself is not one.
    const events: DialectEvent[] = [];
    if (status === 1) {
      const at = submittedAt ?? receivedAt;
      if (at) events.push(event(code, 1, at));
    } else if (status !== 3 && receivedAt) {
      events.push(event(code, 2, receivedAt));
    }
    for (const round of rounds) {
      if (round.requestedAt) {
        const apology = round.newDueAt && !round.resumedAt ? { reason: supplementApologyReason, newDueAt: round.newDueAt } : null;
        events.push(event(code, 5, round.requestedAt, { note: round.what, apology }));
      }
      if (round.resumedAt) {
        const apology = round.newDueAt ? { reason: supplementApologyReason, newDueAt: round.newDueAt } : null;
        events.push(event(code, 4, round.resumedAt, { apology }));
      }
    }
    if ((status === 9 || status === 10) && finishedAt) events.push(event(code, 9, finishedAt));
    if (status === 10 && handedOverAt) events.push(event(code, 10, handedOverAt));
    if (status === 3 && (refusedAt ?? receivedAt)) events.push(event(code, 3, (refusedAt ?? receivedAt)!));

    if (status === null) {
      events.sort(byTime);
      return { ok: true, value: { code, codeKind: kind, details, events, sourceStatus: source! }, warnings };
    }
    if (!events.some((e) => e.status === status)) {
      const dates = [...events.map((e) => e.occurredAt), receivedAt, submittedAt, finishedAt, handedOverAt, refusedAt]
        .filter((d): d is string => d !== undefined)
        .sort();
      const latest = dates[dates.length - 1];
      if (!latest) throw new ItemError(`trạng thái ${source} cần ít nhất một ngày (NgayTiepNhan, NgayKetThucXuLy, NgayTra…)`);
      const at = new Date(Date.parse(latest) + 1000).toISOString();
      events.push(event(code, status, at, { timeInferred: true }));
    }
    events.sort(byTime);
    return { ok: true, value: { code, codeKind: kind, details, events, sourceStatus: null }, warnings };
  } catch (error) {
    if (error instanceof ItemError) return { ok: false, code: codeForError(rawItem), reason: error.message };
    throw error;
  }
}

interface SupplementRound {
  what: string | undefined;
  requestedAt: string | undefined;
  resumedAt: string | undefined;
  newDueAt: string | undefined;
}

function supplementRounds(raw: Raw): SupplementRound[] {
  const list = raw["DanhSachHoSoBoSung"];
  if (list === undefined || list === null || list === "") return [];
  if (!Array.isArray(list)) throw new ItemError("DanhSachHoSoBoSung phải là danh sách");
  return list.map((entry) => {
    const round = asObject(entry);
    return {
      what: cut(text(round, "NoiDungBoSung"), dialectTextLimits.note),
      requestedAt: parseDialectDate(round, "NgayBoSung"),
      resumedAt: parseDialectDate(round, "NgayTiepNhanBoSung"),
      newDueAt: parseDialectDate(round, "NgayHenTraMoi"),
    };
  });
}

/** `CapNhatTienDoHoSoMC` step → one event; `NguoiXuLy` and `ChucDanh` are not shown to citizens, so not read. */
export function mapProgressStep(rawStep: unknown, context: { statusMap: StatusMap }): MappedItem<DialectStep> {
  try {
    const raw = asObject(rawStep);
    const { code, kind } = dossierCode(raw);
    const occurredAt = parseDialectDate(raw, "ThoiDiemXuLy");
    if (!occurredAt) throw new ItemError("thiếu ThoiDiemXuLy");
    const unitName = cut(text(raw, "PhongBanXuLy"), dialectTextLimits.name);
    const note = cut(text(raw, "NoiDungXuLy"), dialectTextLimits.note);
    const { status, source } = statusOf(raw, "TrangThai", context.statusMap);
    if (source === undefined) throw new ItemError("thiếu TrangThai");
    const value: DialectStep =
      status === null
        ? { code, codeKind: kind, event: null, sourceStatus: source }
        : { code, codeKind: kind, event: event(code, status, occurredAt, { note, unitName }), sourceStatus: null };
    return { ok: true, value, warnings: [] };
  } catch (error) {
    if (error instanceof ItemError) return { ok: false, code: codeForError(rawStep), reason: error.message };
    throw error;
  }
}

import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Dossier } from "../../domain/dossier.js";
import { effectiveStatusMap, unitAllowed, type SyncCredential } from "../../domain/sync-credential.js";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { SyncDialect, DialectItemOutcome } from "../../use-cases/sync-dialect-dossiers.js";
import type { SyncSessions } from "../../use-cases/sync-sessions.js";
import { verifyIngestSignature } from "../http/ingest-signature.js";
import { header, rawBody } from "../http/request.js";
import { json } from "../http/responses.js";
import { mapDossierItem, mapProgressStep, type MappedItem, type StatusMap } from "./dvcqg-mapping.js";

/** Dialect payloads carry long lists, so these routes allow more than the 64 KiB of our own API. */
export const dialectMaxBodyBytes = 512 * 1024;
export const dialectMaxItems = 100;

export interface DvcqgRoutesDeps {
  sessions: SyncSessions;
  dialect: SyncDialect;
  clock: Clock;
  /** Our own ingest signature also opens the bare-array routes, with every unit and the national status map. */
  ingestSecrets: readonly string[];
  log: Logger;
}

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** The dialect's answer: `{"error_code", "message"}` (codes as strings: every client reads "0" as success). */
export const dialectErrorCodes = {
  ok: "0",
  partial: "1",
  exists: "3",
  badRequest: "-1",
  unauthenticated: "-2",
  unitNotAllowed: "-4",
  tooLarge: "-5",
  rateLimited: "-6",
} as const;

function answer(code: string, message: string, extra: Record<string, unknown> = {}, statusCode = 200, headers: Record<string, string> = {}) {
  return json(statusCode, { error_code: code, message, ...extra }, headers);
}

const badRequest = (message: string) => answer(dialectErrorCodes.badRequest, message);

/** Every route of the dialect, by route key (served by the ingest function). */
export function buildDvcqgRoutes(deps: DvcqgRoutesDeps): Record<string, Handler> {
  return {
    "POST /mapi/login": (event) => withBody(event, (body) => login(deps, event, body)),
    "POST /mapi/g": (event) => withBody(event, (body) => wrapped(deps, event, body)),
    "POST /mapi/hoso": (event) => withBody(event, (body) => bareArray(deps, event, body, "DongBoHoSoMC")),
    "POST /mapi/tiendo": (event) => withBody(event, (body) => bareArray(deps, event, body, "CapNhatTienDoHoSoMC")),
  };
}

async function withBody(
  event: APIGatewayProxyEventV2,
  next: (body: unknown) => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const body = rawBody(event);
  if (body.length > dialectMaxBodyBytes) {
    return answer(dialectErrorCodes.tooLarge, `Dữ liệu gửi vượt quá ${dialectMaxBodyBytes / 1024} KiB; hãy chia nhỏ lô`, {}, 413);
  }
  try {
    return await next(JSON.parse(body.toString("utf8")));
  } catch (error) {
    if (error instanceof SyntaxError) return badRequest("Dữ liệu không phải JSON hợp lệ");
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

async function login(deps: DvcqgRoutesDeps, event: APIGatewayProxyEventV2, body: unknown) {
  if (!isRecord(body) || typeof body["username"] !== "string" || typeof body["password"] !== "string") {
    return badRequest("Cần {\"username\", \"password\"} dạng chuỗi");
  }
  const username = body["username"].trim().slice(0, 128);
  const result = await deps.sessions.login({
    username,
    password: body["password"].slice(0, 1024),
    address: event.requestContext.http.sourceIp,
  });
  if (result.ok) return answer(dialectErrorCodes.ok, "Đăng nhập thành công", { session: result.token });
  if (result.reason === "rate_limited") {
    return answer(
      dialectErrorCodes.rateLimited,
      `Đăng nhập sai quá nhiều lần; thử lại sau ${result.retryAfterSeconds} giây`,
      {},
      429,
      { "retry-after": String(result.retryAfterSeconds) },
    );
  }
  deps.log.warn("dialect login refused", { sourceIp: event.requestContext.http.sourceIp });
  return answer(dialectErrorCodes.unauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng");
}

const sessionMessages = {
  missing: "Thiếu session; hãy gọi /mapi/login trước",
  unknown: "Session không hợp lệ; hãy đăng nhập lại",
  expired: "Session đã hết hạn; hãy đăng nhập lại",
  disabled: "Tài khoản đồng bộ đã bị khóa",
  revoked: "Session đã bị thu hồi do đổi mật khẩu hoặc khóa tài khoản; hãy đăng nhập lại",
} as const;

async function authenticate(
  deps: DvcqgRoutesDeps,
  token: string | undefined,
): Promise<{ ok: true; credential: SyncCredential } | { ok: false; response: APIGatewayProxyStructuredResultV2 }> {
  const auth = await deps.sessions.authenticate(token);
  if (auth.ok) return auth;
  return { ok: false, response: answer(dialectErrorCodes.unauthenticated, sessionMessages[auth.reason]) };
}

async function wrapped(deps: DvcqgRoutesDeps, _event: APIGatewayProxyEventV2, body: unknown) {
  if (!isRecord(body)) return badRequest("Cần một đối tượng JSON {\"session\", \"madonvi\", \"service\", …}");
  const auth = await authenticate(deps, stringField(body, "session"));
  if (!auth.ok) return auth.response;
  const service = stringField(body, "service");
  const madonvi = stringField(body, "madonvi");
  switch (service) {
    case "DongBoHoSoMC": {
      const isUpdating = readIsUpdating(body["isUpdating"]);
      if (isUpdating === null) return badRequest("isUpdating phải là \"True\" hoặc \"False\"");
      return syncDossiers(deps, auth.credential, madonvi, body["data"], isUpdating);
    }
    case "CapNhatTienDoHoSoMC":
      return syncSteps(deps, auth.credential, madonvi, body["data"]);
    case "TraCuuHoSo":
      return lookUp(deps, auth.credential, stringField(body, "mahoso") ?? stringField(body, "MaHoSo"));
    default:
      return badRequest(
        `Dịch vụ "${(service ?? "").slice(0, 64)}" không được hỗ trợ; dùng DongBoHoSoMC, CapNhatTienDoHoSoMC hoặc TraCuuHoSo`,
      );
  }
}

/** The credential of a bare-array call: a `session` header, or our own ingest signature over the body. */
async function bareArray(deps: DvcqgRoutesDeps, event: APIGatewayProxyEventV2, body: unknown, service: "DongBoHoSoMC" | "CapNhatTienDoHoSoMC") {
  let credential: SyncCredential;
  const sessionHeader = header(event, "session");
  if (sessionHeader === undefined && header(event, "x-motcua-signature") !== undefined) {
    const signature = verifyIngestSignature({
      timestampHeader: header(event, "x-motcua-timestamp"),
      signatureHeader: header(event, "x-motcua-signature"),
      signedContent: rawBody(event),
      secrets: deps.ingestSecrets,
      nowSeconds: Math.floor(deps.clock.now().getTime() / 1000),
    });
    if (!signature.ok) return answer(dialectErrorCodes.unauthenticated, "Chữ ký X-Motcua-Signature không hợp lệ");
    credential = signedIngestCredential;
  } else {
    const auth = await authenticate(deps, sessionHeader?.trim());
    if (!auth.ok) return auth.response;
    credential = auth.credential;
  }
  const query = event.queryStringParameters ?? {};
  const madonvi = (query["MaDinhDanhDV"] ?? query["madonvi"])?.trim() || undefined;
  if (service === "CapNhatTienDoHoSoMC") return syncSteps(deps, credential, madonvi, body);
  const isUpdating = readIsUpdating(query["isUpdating"]);
  if (isUpdating === null) return badRequest("isUpdating phải là True hoặc False");
  return syncDossiers(deps, credential, madonvi, body, isUpdating);
}

const signedIngestCredential: SyncCredential = {
  username: "ingest-signature",
  passwordHash: "",
  unitPatterns: ["*"],
  statusOverrides: {},
  disabled: false,
  createdAt: "",
  updatedAt: "",
};

function readIsUpdating(value: unknown): boolean | null {
  if (value === undefined || value === null || value === "") return false;
  if (value === true || value === false) return value;
  if (typeof value === "string" && /^(true|false)$/iu.test(value.trim())) return value.trim().toLowerCase() === "true";
  return null;
}

function checkList(data: unknown): string | null {
  if (!Array.isArray(data)) return "data phải là danh sách";
  if (data.length === 0) return "data rỗng";
  if (data.length > dialectMaxItems) return `Tối đa ${dialectMaxItems} mục mỗi lần gửi (nhận ${data.length})`;
  return null;
}

/** Every unit a request would write must be one of the credential's; otherwise nothing at all is written. */
function checkUnits(credential: SyncCredential, madonvi: string | undefined, agencyCodes: readonly string[]) {
  const outside = [...(madonvi ? [madonvi] : []), ...agencyCodes].filter((code) => !unitAllowed(credential.unitPatterns, code));
  if (outside.length === 0) return null;
  const list = [...new Set(outside)].slice(0, 5).join(", ");
  return answer(dialectErrorCodes.unitNotAllowed, `Tài khoản không được đồng bộ hồ sơ của đơn vị: ${list}`);
}

async function syncDossiers(
  deps: DvcqgRoutesDeps,
  credential: SyncCredential,
  madonvi: string | undefined,
  data: unknown,
  isUpdating: boolean,
) {
  const listError = checkList(data);
  if (listError) return badRequest(listError);
  const statusMap: StatusMap = effectiveStatusMap(credential.statusOverrides);
  const mapped = (data as unknown[]).map((raw) => mapDossierItem(raw, { madonvi: madonvi ?? "", statusMap }));
  const noUnit = mapped.find((m) => m.ok && !m.value.details.agencyCode);
  if (noUnit?.ok) return badRequest(`Hồ sơ ${noUnit.value.code} không theo mẫu mã chính thức: cần madonvi (hoặc MaDinhDanhDV)`);
  const units = mapped.flatMap((m) => (m.ok ? [m.value.details.agencyCode!] : []));
  const refused = checkUnits(credential, madonvi, units);
  if (refused) return refused;
  const accepted = mapped.flatMap((m) => (m.ok ? [m.value] : []));
  const outcomes = await deps.dialect.syncDossiers(accepted, isUpdating, (agencyCode) => unitAllowed(credential.unitPatterns, agencyCode));
  return writeAnswer(deps.log, credential, "DongBoHoSoMC", mapped, outcomes, "Đồng bộ thành công", "hồ sơ");
}

async function syncSteps(deps: DvcqgRoutesDeps, credential: SyncCredential, madonvi: string | undefined, data: unknown) {
  const listError = checkList(data);
  if (listError) return badRequest(listError);
  const statusMap: StatusMap = effectiveStatusMap(credential.statusOverrides);
  const mapped = (data as unknown[]).map((raw) => mapProgressStep(raw, { statusMap }));
  const units = mapped.flatMap((m) => (m.ok && m.value.codeKind === "official" ? [m.value.code.slice(0, m.value.code.indexOf("-"))] : []));
  const refused = checkUnits(credential, madonvi, units);
  if (refused) return refused;
  const accepted = mapped.flatMap((m) => (m.ok ? [m.value] : []));
  const outcomes = await deps.dialect.syncSteps(accepted, (agencyCode) => unitAllowed(credential.unitPatterns, agencyCode));
  return writeAnswer(deps.log, credential, "CapNhatTienDoHoSoMC", mapped, outcomes, "Cập nhật tiến độ thành công", "bước");
}

interface ItemResult {
  MaHoSo: string | null;
  KetQua: "applied" | "updated" | "duplicate" | "exists" | "ignored" | "rejected";
  LyDo?: string;
  TrangThaiNguon?: string;
}

function writeAnswer(
  log: Logger,
  credential: SyncCredential,
  service: string,
  mapped: readonly MappedItem<unknown>[],
  outcomes: readonly DialectItemOutcome[],
  successText: string,
  noun: string,
) {
  const queue = [...outcomes];
  const result: ItemResult[] = mapped.map((m) => {
    if (!m.ok) return { MaHoSo: m.code, KetQua: "rejected", LyDo: m.reason };
    const outcome = queue.shift()!;
    const entry: ItemResult = { MaHoSo: outcome.code, KetQua: outcome.outcome };
    if (outcome.outcome === "rejected") entry.LyDo = outcome.reason;
    if ((outcome.outcome === "ignored" || outcome.outcome === "applied") && outcome.sourceStatus !== undefined) {
      entry.TrangThaiNguon = outcome.sourceStatus;
      entry.LyDo = `trạng thái ${outcome.sourceStatus} không có trong bảng ánh xạ: lưu làm trạng thái nguồn, không ghi thành thay đổi trạng thái`;
    }
    if (m.warnings.length > 0) entry.LyDo = [entry.LyDo, ...m.warnings].filter(Boolean).join("; ");
    return entry;
  });
  const count = (kind: ItemResult["KetQua"]) => result.filter((r) => r.KetQua === kind).length;
  // Counts only: item contents (names, codes, reasons) are never logged.
  log.info("dialect sync", {
    dialectService: service,
    sender: credential.username,
    items: result.length,
    applied: count("applied"),
    updated: count("updated"),
    duplicate: count("duplicate"),
    exists: count("exists"),
    ignored: count("ignored"),
    rejected: count("rejected"),
  });
  const rejected = result.filter((r) => r.KetQua === "rejected");
  const reasons = rejected.slice(0, 10).map((r) => `${r.MaHoSo ?? "?"}: ${r.LyDo}`).join("; ");
  if (rejected.length === result.length) {
    return answer(dialectErrorCodes.badRequest, `Không ${noun} nào được nhận: ${reasons}`, { result });
  }
  if (rejected.length > 0) {
    return answer(
      dialectErrorCodes.partial,
      `Đã nhận ${result.length - rejected.length}/${result.length} ${noun}; ${rejected.length} ${noun} bị từ chối: ${reasons}`,
      { result },
    );
  }
  const existing = result.filter((r) => r.KetQua === "exists");
  if (existing.length > 0) {
    return answer(dialectErrorCodes.exists, `Hồ sơ đã tồn tại: ${existing.map((r) => r.MaHoSo).join(", ")}; gửi lại với isUpdating True`, {
      result,
    });
  }
  return answer(dialectErrorCodes.ok, `${successText} ${result.length} ${noun}`, { result });
}

async function lookUp(deps: DvcqgRoutesDeps, credential: SyncCredential, mahoso: string | undefined) {
  if (!mahoso) return badRequest("Thiếu mahoso");
  const dossier = await deps.dialect.findDossier(mahoso.replace(/\s+/gu, "").toUpperCase());
  // Another unit's dossier is answered as unknown, like a missing one.
  if (!dossier || !unitAllowed(credential.unitPatterns, dossier.agencyCode)) {
    return answer(dialectErrorCodes.ok, "Không tìm thấy hồ sơ", { result: [] });
  }
  return answer(dialectErrorCodes.ok, "Tra cứu thành công", { result: [toDialectDossier(dossier, credential)] });
}

function toDialectDate(iso: string | null): string {
  if (!iso) return "";
  const vietnam = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return vietnam.slice(0, 19).replace(/[-:T]/gu, "");
}

/** A dossier in the dialect's field names, with the status in the sender's own code. */
function toDialectDossier(dossier: Dossier, credential: SyncCredential) {
  const map = effectiveStatusMap(credential.statusOverrides);
  const senderStatus =
    Object.entries(credential.statusOverrides).find(([, status]) => status === dossier.status)?.[0] ??
    (map[String(dossier.status)] === dossier.status ? String(dossier.status) : "");
  return {
    MaHoSo: dossier.code,
    MaTTHC: dossier.procedureCode,
    TenTTHC: dossier.procedureName,
    ChuHoSo: dossier.applicantName,
    DonViXuLy: dossier.agencyName,
    NgayTiepNhan: toDialectDate(dossier.receivedAt),
    NgayHenTra: toDialectDate(dossier.latestApology?.newDueAt ?? dossier.dueAt),
    TrangThaiHoSo: senderStatus,
    NgayKetThucXuLy: toDialectDate(dossier.finishedAt),
  };
}

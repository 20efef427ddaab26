import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startApiServer } from "../../../test/api-server.js";
import { waitForDossierOutboxToSettle } from "../../../test/dossier-outbox.js";
import { startNotifyPoller, type StreamPoller } from "../../../test/stream-poller.js";
import { startTestStack, testSecrets } from "../../../test/test-stack.js";
import { scryptPasswordHasher } from "../../adapters/crypto/scrypt-password-hasher.js";
import { composeDependencies, type Dependencies } from "../../composition/compose.js";
import { httpHandlersFrom } from "../../composition/http-handlers.js";
import { notifyHandlerFrom } from "../../composition/stream-handlers.js";
import { dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import { ingestSignature } from "../http/ingest-signature.js";
import { httpRoutes } from "../routes.js";

/**
 * The national sync dialect through the real API server, DynamoDB Local, the notify function and the Zalo
 * emulator: one flow per client family (shapes from docs/integrating.md), bad input, minimisation.
 */

const username = "igate-h56";
const password = "mat-khau-dong-bo-thu-nghiem-01";
const province = "000.00.*.H56";
const unit = "000.00.01.H56";
let now = new Date("2024-07-01T03:00:00Z"); // 10:00 on a Monday in Vietnam, outside the ZNS quiet hours and after every date the payloads carry
const clock = { now: () => now };

let stack: Awaited<ReturnType<typeof startTestStack>>;
let api: Awaited<ReturnType<typeof startApiServer>>;
let poller: StreamPoller;
let deps: Dependencies;
let citizenToken = "";
let adminToken = "";
const logs: string[] = [];

beforeAll(async () => {
  const passwordHash = await scryptPasswordHasher(1024).hash(password);
  stack = await startTestStack({
    ZALO_SEND_RATE_PER_SECOND: "1000",
    DVCQG_SYNC_FIRST_USERNAME: username,
    DVCQG_SYNC_FIRST_PASSWORD_HASH: passwordHash,
    DVCQG_SYNC_FIRST_UNITS: province,
    // What is logged is checked below: every line is written.
    LOG_LEVEL: "INFO",
  });
  citizenToken = (await stack.createZaloUser("Nguyễn Văn An", "0912345678", false)).accessToken;
  const admin = await stack.createZaloUser("Lê Minh Quân", "0900000001");
  stack.config.firstAdminZaloAppUserId = admin.zaloAppUserId;
  adminToken = admin.accessToken;
  deps = composeDependencies(stack.config, { clock });
  api = await startApiServer({ port: 0, host: "127.0.0.1", handlers: httpHandlersFrom(deps), routes: httpRoutes, log: () => {} });
  const notify = notifyHandlerFrom(deps);
  poller = await startNotifyPoller(stack, (records) => notify(records));
  for (const streamName of ["stdout", "stderr"] as const) {
    const stream = process[streamName];
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      logs.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const method of ["log", "warn", "error", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await poller?.stop();
  await api?.close();
  await stack?.stop();
});

// Each test starts a minute after the previous one began (still 10:xx on that Monday): the login limits count per
// minute and per address, so one test's failed logins never spend the next one's.
let minutesIn = 0;
afterEach(() => {
  minutesIn += 1;
  now = new Date(Date.parse("2024-07-01T03:00:00Z") + minutesIn * 60_000);
});

interface DialectAnswer {
  error_code: string;
  message: string;
  session?: string;
  result?: Array<Record<string, string>>;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; answer: DialectAnswer }> {
  const response = await fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as DialectAnswer };
}

async function login(user = username, pass = password, address?: string): Promise<string> {
  const { answer } = await post("/mapi/login", { username: user, password: pass }, address ? { "x-forwarded-for": address } : {});
  expect(answer).toMatchObject({ error_code: "0", message: "Đăng nhập thành công" });
  return answer.session!;
}

const g = (session: string, service: string, extra: Record<string, unknown> = {}, madonvi = unit) =>
  post("/mapi/g", { session, madonvi, service, ...extra });

const dossierItem = (code: string, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaTTHC: "1.001193.000.00.00.H56",
  TenTTHC: "Đăng ký khai sinh",
  MaLinhVuc: "",
  ChuHoSo: "Nguyễn Văn An",
  LoaiDoiTuong: "1",
  SoDienThoai: "0912345678",
  Email: "",
  Fax: "",
  TrichYeuHoSo: "Đăng ký khai sinh cho con",
  NgayTiepNhan: "20240105080000",
  NgayHenTra: "20240115170000",
  TrangThaiHoSo: "2",
  NgayTra: "",
  NgayKetThucXuLy: "",
  DonViXuLy: "UBND xã Minh Khai",
  TaiLieuNop: [],
  DanhSachLePhi: [],
  DanhSachHoSoBoSung: [],
  DanhSachGiayToKetQua: [],
  ...overrides,
});

const step = (code: string, status: string, at: string, unitName: string, note: string) => ({
  MaHoSo: code,
  NguoiXuLy: "Chuyên viên Trần Thị Bình",
  ChucDanh: "Chuyên viên",
  ThoiDiemXuLy: at,
  PhongBanXuLy: unitName,
  NoiDungXuLy: note,
  TrangThai: status,
  NgayBatDau: "",
  NgayKetThucTheoQuyDinh: "",
});

async function scanTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.table.documentClient.send(new ScanCommand({ TableName: stack.config.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * What a write would leave in the table: every item but the login's rate-limit counters and sessions, the OA token,
 * and the delivery state of outbox items (the notify function may still be sending earlier messages; a new outbox
 * item still shows).
 */
const deliveryMoves = ["OutboxItem", "ReachCounter", "DossierReach", "SendQuota"];

async function dossierData(): Promise<string[]> {
  const items = await scanTable();
  return items
    .filter((item) => !["RateLimitWindow", "SyncSession", "OaToken"].includes(String(item["type"])))
    // Delivered messages also move the reach counts and the day's quota after the fact: their keys show, not their numbers.
    .map((item) => (deliveryMoves.includes(String(item["type"])) ? `${String(item["type"])} ${String(item["PK"])} ${String(item["SK"])}` : JSON.stringify(item)))
    .sort();
}

async function lookUp(code: string) {
  const k = deps.receiptSigner.sign(code);
  const response = await fetch(`${api.url}/v1/dossiers/${dossierCodeToPathSegment(code)}?k=${k}`, {
    headers: { authorization: `Bearer ${citizenToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    status: number;
    dueAt: string;
    procedure: { name: string };
    agency: { code: string; name: string };
    timeline: Array<{ status: number; occurredAt: string; unitName: string | null; note?: string | null }>;
  };
}

type EmulatorMessage = { templateData?: Record<string, string> };
async function statusMessages(code: string): Promise<string[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  return messages
    .filter((m) => m.templateData?.ma_ho_so === code && !m.templateData.tieu_de?.startsWith("Mời bạn đánh giá"))
    .map((m) => `${m.templateData!.trang_thai}`);
}

/** The dossier's status messages once the notify function has finished every message the outbox holds for it. */
async function settledMessages(code: string): Promise<string[]> {
  await waitForDossierOutboxToSettle(stack.table.documentClient, stack.config.tableName, code);
  return statusMessages(code);
}

describe("OpenCPS-style flow: login → TraCuuHoSo miss → create → three steps → update to 9 → 10", () => {
  const code = "000.00.01.H56-240105-0001";

  async function flow() {
    const session = await login();
    const lookup = await g(session, "TraCuuHoSo", { mahoso: code });
    const created = await g(session, "DongBoHoSoMC", { isUpdating: lookup.answer.result?.length ? "True" : "False", data: [dossierItem(code)] });
    const steps = [
      step(code, "2", "20240105080000", "Bộ phận Một cửa", "Tiếp nhận hồ sơ"),
      step(code, "4", "20240106090000", "Phòng Tư pháp - Hộ tịch", "Chuyển thẩm định"),
      step(code, "4", "20240108100000", "Lãnh đạo UBND xã", "Trình ký"),
    ];
    const progress = [];
    for (const s of steps) progress.push(await g(session, "CapNhatTienDoHoSoMC", { data: [s] }));
    const finished = await g(session, "DongBoHoSoMC", {
      isUpdating: "True",
      data: [dossierItem(code, { TrangThaiHoSo: "9", NgayKetThucXuLy: "20240110160000" })],
    });
    const handedOver = await g(session, "DongBoHoSoMC", {
      isUpdating: "True",
      data: [dossierItem(code, { TrangThaiHoSo: "10", NgayKetThucXuLy: "20240110160000", NgayTra: "20240111090000" })],
    });
    return { lookup, created, progress, finished, handedOver };
  }

  it("shows the timeline to the citizen, sends one message per status change, and a replay changes nothing", async () => {
    const first = await flow();
    expect(first.lookup.answer).toEqual({ error_code: "0", message: "Không tìm thấy hồ sơ", result: [] });
    expect(first.created.answer).toMatchObject({ error_code: "0", message: "Đồng bộ thành công 1 hồ sơ" });
    for (const p of first.progress) expect(p.answer.message).toContain("thành công");
    expect(first.progress.map((p) => p.answer.result?.[0]?.["KetQua"])).toEqual(["duplicate", "applied", "applied"]);
    expect(first.finished.answer.error_code).toBe("0");
    expect(first.handedOver.answer.error_code).toBe("0");

    const view = await lookUp(code);
    expect(view.status).toBe(10);
    expect(view.timeline.map((e) => [e.status, e.occurredAt, e.unitName])).toEqual([
      [2, "2024-01-05T01:00:00.000Z", null],
      [4, "2024-01-06T02:00:00.000Z", "Phòng Tư pháp - Hộ tịch"],
      [4, "2024-01-08T03:00:00.000Z", "Lãnh đạo UBND xã"],
      [9, "2024-01-10T09:00:00.000Z", null],
      [10, "2024-01-11T02:00:00.000Z", null],
    ]);
    expect(view.timeline[1]?.note).toBe("Chuyển thẩm định");
    expect(JSON.stringify(view)).not.toContain("Trần Thị Bình");
    // Received, being processed, result ready, handed over: the second "4" is no change.
    expect((await settledMessages(code)).sort()).toEqual(["Được tiếp nhận", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"].sort());

    const before = await dossierData();
    const replay = await flow();
    expect(replay.lookup.answer.result?.[0]).toMatchObject({ MaHoSo: code, TrangThaiHoSo: "10", NgayTiepNhan: "20240105080000" });
    expect(replay.created.answer.result?.[0]?.["KetQua"]).toBe("duplicate");
    expect(replay.progress.map((p) => p.answer.result?.[0]?.["KetQua"])).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(await dossierData()).toEqual(before);
    expect(await settledMessages(code)).toHaveLength(4);
  }, 60_000);
});

describe("Tân Dân-style flow: bare arrays, 'đã tồn tại' → update, steps in chunks with the synthetic first and last steps resent", () => {
  const code = "000.00.02.H56-240201-0007";
  const withSession = (session: string) => ({ session });

  async function flow() {
    const session = await login();
    const item = dossierItem(code, {
      NgayTiepNhan: "20240201080000",
      NgayHenTra: "20240215170000",
      TrangThaiHoSo: "4",
      SoDienThoai: "0912345678",
      DanhSachHoSoBoSung: [
        {
          HoSoBoSungId: 1,
          NoiDungBoSung: "Bổ sung bản sao giấy chứng sinh",
          NgayBoSung: "20240202090000",
          NgayTiepNhanBoSung: "20240205100000",
          NgayHenTraMoi: "20240219170000",
          TrangThaiBoSung: true,
          DanhSachGiayToBoSung: [],
          DanhSachLePhiBoSung: [],
          NgayHenTraTruoc: "20240215170000",
        },
      ],
    });
    let created = await post("/mapi/hoso?isUpdating=False", [item], withSession(session));
    const answers = [created];
    if (created.answer.message.includes("đã tồn tại")) {
      created = await post("/mapi/hoso?isUpdating=True", [item], withSession(session));
      answers.push(created);
    }
    const steps = [
      step(code, "2", "20240201080000", "Bộ phận Một cửa", "Tiếp nhận hồ sơ"),
      ...Array.from({ length: 10 }, (_, i) => step(code, "4", `202402060${i}0000`, "Phòng Tư pháp", `Xử lý bước ${i + 1}`)),
      step(code, "9", "20240207160000", "Bộ phận Một cửa", "Kết thúc xử lý hồ sơ"),
    ];
    const progress = [];
    for (let i = 0; i < steps.length; i += 10) progress.push(await post("/mapi/tiendo", steps.slice(i, i + 10), withSession(session)));
    return { answers, progress };
  }

  it("creates, then re-sends as an update after 'đã tồn tại'; the synthetic steps never double the timeline", async () => {
    const first = await flow();
    expect(first.answers).toHaveLength(1);
    expect(first.answers[0]!.answer.message).toContain("thành công");
    for (const p of first.progress) expect(p.answer.message).toContain("thành công");

    const view = await lookUp(code);
    expect(view.timeline.map((e) => e.status)).toEqual([2, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9]);
    expect(view.timeline[1]?.note).toBe("Bổ sung bản sao giấy chứng sinh");
    // The resumed processing carries the apology with the new date: one message, not two.
    // Messages of one dossier go out side by side (NOTIFY_CONCURRENCY): one per status change, in any order.
    expect((await settledMessages(code)).sort()).toEqual(["Được tiếp nhận", "Yêu cầu bổ sung giấy tờ", "Đang xử lý", "Đã xử lý xong"].sort());

    const before = await dossierData();
    const replay = await flow();
    expect(await settledMessages(code)).toHaveLength(4);
    expect(replay.answers[0]!.answer).toMatchObject({ error_code: "3", message: expect.stringContaining("đã tồn tại") });
    expect(replay.answers[1]!.answer).toMatchObject({ error_code: "0", message: expect.stringContaining("thành công") });
    expect(await dossierData()).toEqual(before);
  }, 60_000);
});

describe("Hà Giang-style bare array with MaDinhDanhDV", () => {
  const code = "HG-2024-000123";

  it("takes the unit from MaDinhDanhDV for a code outside the official form, and a replay changes nothing", async () => {
    const session = await login();
    const item = dossierItem(code, { TrangThaiHoSo: "2", NgayTiepNhan: "20240301073000", NgayHenTra: "20240310170000" });
    const send = () => post(`/mapi/hoso?MaDinhDanhDV=${unit}&isUpdating=False`, [item], { session });
    expect((await send()).answer).toMatchObject({ error_code: "0" });
    const update = () =>
      post(`/mapi/hoso?MaDinhDanhDV=${unit}&isUpdating=True`, [{ ...item, TrangThaiHoSo: "9", NgayKetThucXuLy: "20240305110000" }], { session });
    expect((await update()).answer).toMatchObject({ error_code: "0" });
    const view = await lookUp(code);
    expect(view).toMatchObject({ status: 9, agency: { code: unit } });
    expect(view.timeline.map((e) => e.status)).toEqual([2, 9]);
    expect((await settledMessages(code)).sort()).toEqual(["Được tiếp nhận", "Đã xử lý xong"].sort());

    const before = await dossierData();
    expect((await send()).answer.error_code).toBe("3");
    expect((await update()).answer.result?.[0]?.["KetQua"]).toBe("duplicate");
    expect(await dossierData()).toEqual(before);
    expect(await settledMessages(code)).toHaveLength(2);
  }, 60_000);

  it("also accepts our own ingest signature on the bare-array routes", async () => {
    const body = JSON.stringify([dossierItem("000.00.03.H56-240301-0001", { NgayTiepNhan: "20240301073000", NgayHenTra: "20240310170000" })]);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = ingestSignature(testSecrets.ingest, timestamp, Buffer.from(body)).toString("hex");
    const signed = await post("/mapi/hoso?isUpdating=False", body, { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${signature}` });
    expect(signed.answer.error_code).toBe("0");
    const forged = await post("/mapi/hoso?isUpdating=False", body, { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${"0".repeat(64)}` });
    expect(forged.answer).toMatchObject({ error_code: "-2" });
  });
});

describe("a status outside the sender's map, and updates of details only", () => {
  const code = "000.00.04.H56-240110-0003";
  const item = (overrides: Record<string, unknown> = {}) =>
    dossierItem(code, { NgayTiepNhan: "20240110080000", NgayHenTra: "20240124170000", TrangThaiHoSo: "2", ...overrides });
  const dossierRecord = async () => (await scanTable()).find((i) => i["type"] === "Dossier" && i["code"] === code)!;

  it("keeps an unknown status on the dossier item only: no timeline entry, no message; a later known status applies", async () => {
    const session = await login();
    expect((await g(session, "DongBoHoSoMC", { isUpdating: "False", data: [item()] })).answer.error_code).toBe("0");
    expect(await settledMessages(code)).toEqual(["Được tiếp nhận"]);
    const before = await lookUp(code);

    now = new Date(now.getTime() + 30_000);
    const seenAt = now.toISOString();
    const unknown = await g(session, "DongBoHoSoMC", { isUpdating: "True", data: [item({ TrangThaiHoSo: "11" })] });
    expect(unknown.answer).toMatchObject({ error_code: "0", message: expect.stringContaining("thành công") });
    expect(unknown.answer.result?.[0]).toMatchObject({ KetQua: "ignored", TrangThaiNguon: "11" });
    expect((await dossierRecord())["sourceStatus"]).toEqual({ code: "11", seenAt });
    const unknownStep = await g(session, "CapNhatTienDoHoSoMC", { data: [step(code, "11", "20240111090000", "Phòng Tư pháp", "Chờ ý kiến")] });
    expect(unknownStep.answer.result?.[0]).toMatchObject({ KetQua: "ignored", TrangThaiNguon: "11" });
    expect(await lookUp(code)).toEqual(before);
    expect(JSON.stringify(await lookUp(code))).not.toContain("11\"");
    expect(await settledMessages(code)).toEqual(["Được tiếp nhận"]);

    // Replayed: nothing at all changes, not even the time it was first seen.
    const data = await dossierData();
    await g(session, "DongBoHoSoMC", { isUpdating: "True", data: [item({ TrangThaiHoSo: "11" })] });
    expect(await dossierData()).toEqual(data);

    const known = await g(session, "CapNhatTienDoHoSoMC", { data: [step(code, "4", "20240112090000", "Phòng Tư pháp", "Thẩm định")] });
    expect(known.answer.result?.[0]?.["KetQua"]).toBe("applied");
    await g(session, "DongBoHoSoMC", { isUpdating: "True", data: [item({ TrangThaiHoSo: "4" })] });
    const after = await lookUp(code);
    expect(after.status).toBe(4);
    expect(after.timeline.map((e) => e.status)).toEqual([2, 4]);
    // Cleared: the stored item no longer carries it (null attributes are not stored).
    expect((await dossierRecord())["sourceStatus"] ?? null).toBeNull();
    expect((await settledMessages(code)).sort()).toEqual(["Được tiếp nhận", "Đang xử lý"].sort());
  }, 60_000);

  it("applies changed details without a status change or a message, moves the due-date watch, and a replay changes nothing", async () => {
    const session = await login();
    const current = item({ TrangThaiHoSo: "4" });
    const changed = item({
      TrangThaiHoSo: "4",
      NgayHenTra: "20240131170000",
      TenTTHC: "Đăng ký khai sinh có yếu tố nước ngoài",
      DonViXuLy: "UBND phường Minh Khai",
    });
    expect((await g(session, "DongBoHoSoMC", { isUpdating: "True", data: [current] })).answer.result?.[0]?.["KetQua"]).toBe("duplicate");
    const messages = await settledMessages(code);
    const before = await lookUp(code);

    const update = () => g(session, "DongBoHoSoMC", { isUpdating: "True", data: [changed] });
    const first = await update();
    expect(first.answer).toMatchObject({ error_code: "0", message: "Đồng bộ thành công 1 hồ sơ" });
    expect(first.answer.result?.[0]?.["KetQua"]).toBe("updated");
    const after = await lookUp(code);
    expect(after).toMatchObject({
      status: before.status,
      dueAt: "2024-01-31T10:00:00.000Z",
      procedure: { name: "Đăng ký khai sinh có yếu tố nước ngoài" },
      agency: { name: "UBND phường Minh Khai" },
    });
    expect(after.timeline).toEqual(before.timeline);
    expect((await dossierRecord())["GSI2PK"]).toBe("DUE#2024-01-31");
    expect(await settledMessages(code)).toEqual(messages);

    const data = await dossierData();
    expect((await update()).answer.result?.[0]?.["KetQua"]).toBe("duplicate");
    expect(await dossierData()).toEqual(data);
    const lookup = await g(session, "TraCuuHoSo", { mahoso: code });
    expect(lookup.answer.result?.[0]).toMatchObject({ NgayHenTra: "20240131170000", TenTTHC: "Đăng ký khai sinh có yếu tố nước ngoài" });
  }, 60_000);
});

describe("bad input: a clear dialect error and nothing written", () => {
  const code = "000.00.01.H56-240401-0001";

  async function expectNothingWritten(send: () => Promise<{ status: number; answer: DialectAnswer }>, expected: Partial<DialectAnswer>, status = 200) {
    const before = await dossierData();
    const { status: got, answer } = await send();
    expect(answer).toMatchObject(expected);
    expect(answer.error_code).not.toBe("0");
    expect(answer.message.length).toBeGreaterThan(5);
    expect(got).toBe(status);
    expect(await dossierData()).toEqual(before);
  }

  it("refuses a wrong, unknown or expired session", async () => {
    const create = (session: string) => g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code)] });
    await expectNothingWritten(() => create("not-a-session"), { error_code: "-2", message: "Session không hợp lệ; hãy đăng nhập lại" });
    await expectNothingWritten(() => post("/mapi/g", { madonvi: unit, service: "DongBoHoSoMC", data: [dossierItem(code)] }), { error_code: "-2" });
    const session = await login();
    now = new Date(now.getTime() + 12 * 3600 * 1000 - 1000);
    expect((await g(session, "TraCuuHoSo", { mahoso: "nothing" })).answer.error_code).toBe("0");
    now = new Date(now.getTime() + 1000);
    await expectNothingWritten(() => create(session), { error_code: "-2", message: "Session đã hết hạn; hãy đăng nhập lại" });
  });

  it("refuses a unit or a code outside the credential's units", async () => {
    const session = await login();
    await expectNothingWritten(
      () => g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code)] }, "000.00.01.H22"),
      { error_code: "-4", message: expect.stringContaining("000.00.01.H22") },
    );
    await expectNothingWritten(
      () => g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code), dossierItem("000.00.01.H22-240401-0002")] }),
      { error_code: "-4" },
    );
    await expectNothingWritten(() => g(session, "CapNhatTienDoHoSoMC", { data: [step("000.00.01.H22-240401-0002", "4", "20240402080000", "x", "y")] }), {
      error_code: "-4",
    });
  });

  it("refuses an unknown service, malformed JSON and wrong types", async () => {
    const session = await login();
    await expectNothingWritten(() => g(session, "DongBoHoiDap", { data: [] }), { error_code: "-1", message: expect.stringContaining("DongBoHoiDap") });
    await expectNothingWritten(() => post("/mapi/g", `{"session": "${session}", "service": "DongBoHoSoMC", "data": [`), {
      error_code: "-1",
      message: "Dữ liệu không phải JSON hợp lệ",
    });
    await expectNothingWritten(() => g(session, "DongBoHoSoMC", { isUpdating: "Maybe", data: [dossierItem(code)] }), { error_code: "-1" });
    await expectNothingWritten(() => g(session, "DongBoHoSoMC", { isUpdating: "False", data: dossierItem(code) }), {
      error_code: "-1",
      message: "data phải là danh sách",
    });
    await expectNothingWritten(() => g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code, { ChuHoSo: ["Nguyễn Văn An"] })] }), {
      error_code: "-1",
      message: `Không hồ sơ nào được nhận: ${code}: ChuHoSo phải là chuỗi`,
    });
    await expectNothingWritten(() => post("/mapi/login", { username: 42, password: true }), { error_code: "-1" });
  });

  it("accepts numbers where strings are expected", async () => {
    const session = await login();
    const numeric = dossierItem("000.00.01.H56-240402-0009", { TrangThaiHoSo: 2, NgayTiepNhan: 20240402080000, NgayHenTra: 20240412170000 });
    const { answer } = await g(session, "DongBoHoSoMC", { isUpdating: false, data: [numeric] });
    expect(answer).toMatchObject({ error_code: "0" });
  });

  it("rejects an item with an impossible date, with the reason; the good items of the batch are applied", async () => {
    const session = await login();
    await expectNothingWritten(() => g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code, { NgayHenTra: "20240231170000" })] }), {
      error_code: "-1",
      message: expect.stringContaining("NgayHenTra \"20240231170000\" không phải ngày giờ có thật"),
    });
    const mixed = await g(session, "DongBoHoSoMC", {
      isUpdating: "False",
      data: [dossierItem(code, { NgayTiepNhan: "20241301080000" }), dossierItem("000.00.01.H56-240403-0001")],
    });
    expect(mixed.answer).toMatchObject({ error_code: "1", message: expect.stringContaining("Đã nhận 1/2 hồ sơ") });
    expect(mixed.answer.result?.map((r) => r["KetQua"])).toEqual(["rejected", "applied"]);
  });

  it("takes 100 items and refuses 101", async () => {
    const session = await login();
    const items = (n: number) => Array.from({ length: n }, (_, i) => dossierItem(`000.00.01.H56-240405-${String(i).padStart(4, "0")}`));
    await expectNothingWritten(() => g(session, "DongBoHoSoMC", { isUpdating: "False", data: items(101) }), {
      error_code: "-1",
      message: "Tối đa 100 mục mỗi lần gửi (nhận 101)",
    });
    const hundred = await g(session, "DongBoHoSoMC", { isUpdating: "False", data: items(100) });
    expect(hundred.answer).toMatchObject({ error_code: "0", message: "Đồng bộ thành công 100 hồ sơ" });
  }, 60_000);

  it("takes a body of exactly 512 KiB and refuses one byte more", async () => {
    const session = await login();
    const padded = (size: number) => {
      const body = JSON.stringify({ session, madonvi: unit, service: "TraCuuHoSo", mahoso: "000.00.01.H56-240405-0000", pad: "" });
      return body.replace('"pad":""', `"pad":"${"x".repeat(size - body.length)}"`);
    };
    expect(Buffer.byteLength(padded(512 * 1024))).toBe(512 * 1024);
    const atLimit = await post("/mapi/g", padded(512 * 1024));
    expect(atLimit.answer).toMatchObject({ error_code: "0", message: "Tra cứu thành công" });
    await expectNothingWritten(() => post("/mapi/g", padded(512 * 1024 + 1)), { error_code: "-5" }, 413);
    // Our own API keeps its 64 KiB.
    const ingest = await fetch(`${api.url}/v1/ingest/events`, { method: "POST", body: "x".repeat(64 * 1024 + 1) });
    expect(ingest.status).toBe(413);
  });
});

describe("sessions and login", () => {
  it("answers the same for an unknown username and a wrong password", async () => {
    const unknown = await post("/mapi/login", { username: "khong-ton-tai", password }, { "x-forwarded-for": "198.51.100.7" });
    const wrong = await post("/mapi/login", { username, password: "sai-mat-khau" }, { "x-forwarded-for": "198.51.100.7" });
    expect(unknown.answer).toEqual({ error_code: "-2", message: "Tên đăng nhập hoặc mật khẩu không đúng" });
    expect(wrong.answer).toEqual(unknown.answer);
    expect(wrong.status).toBe(unknown.status);
  });

  it("limits failed logins per username: the 5th failure is answered, the 6th attempt is refused until the next minute", async () => {
    const user = "tai-khoan-khoa-thu";
    const results: number[] = [];
    for (let i = 0; i < 6; i += 1) results.push((await post("/mapi/login", { username: user, password: "sai" })).status);
    expect(results).toEqual([200, 200, 200, 200, 200, 429]);
    now = new Date(now.getTime() + 60_000);
    expect((await post("/mapi/login", { username: user, password: "sai" })).status).toBe(200);
  });

  it("refuses a session once its credential is disabled", async () => {
    const session = await login();
    const credential = (await deps.syncSessions.credentialFor(username))!;
    await deps.syncCredentials.create({ ...credential, disabled: true, updatedAt: now.toISOString() });
    try {
      const { answer } = await g(session, "TraCuuHoSo", { mahoso: "x" });
      expect(answer).toEqual({ error_code: "-2", message: "Tài khoản đồng bộ đã bị khóa" });
      expect((await post("/mapi/login", { username, password })).answer.error_code).toBe("-2");
    } finally {
      await deps.syncCredentials.update({ ...credential, disabled: false, updatedAt: now.toISOString() });
    }
    expect((await g(await login(), "TraCuuHoSo", { mahoso: "x" })).answer.error_code).toBe("0");
  });

  it("ends the sessions issued before a password rotation or a disabling, even once enabled again", async () => {
    const user = "opencps-h56";
    const passwordOf = async (path: string) => {
      const response = await fetch(`${api.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: path.endsWith("sync-credentials") ? JSON.stringify({ username: user, unitPatterns: [province] }) : undefined,
      });
      expect(response.ok).toBe(true);
      return String(((await response.json()) as { password?: string }).password);
    };
    const first = await login(user, await passwordOf("/v1/admin/sync-credentials"));
    const lookup = (session: string) => g(session, "TraCuuHoSo", { mahoso: "000.00.01.H56-240105-0001" });
    expect((await lookup(first)).answer.error_code).toBe("0");

    const rotated = await passwordOf(`/v1/admin/sync-credentials/${user}/password`);
    const revoked = { error_code: "-2", message: "Session đã bị thu hồi do đổi mật khẩu hoặc khóa tài khoản; hãy đăng nhập lại" };
    expect((await lookup(first)).answer).toEqual(revoked);
    const before = await dossierData();
    expect((await g(first, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem("000.00.01.H56-240701-0001")] })).answer).toEqual(revoked);
    expect(await dossierData()).toEqual(before);

    const second = await login(user, rotated);
    expect((await lookup(second)).answer.error_code).toBe("0");
    await passwordOf(`/v1/admin/sync-credentials/${user}/disable`);
    expect((await lookup(second)).answer).toEqual({ error_code: "-2", message: "Tài khoản đồng bộ đã bị khóa" });
    await passwordOf(`/v1/admin/sync-credentials/${user}/enable`);
    expect((await lookup(second)).answer).toEqual(revoked);
    expect((await lookup(await login(user, rotated))).answer.error_code).toBe("0");
  });

  it("stores no session token, only its digest", async () => {
    const session = await login();
    expect(JSON.stringify(await scanTable())).not.toContain(session);
  });
});

describe("minimisation (Decree 13/2023)", () => {
  it("never stores or logs identity numbers, e-mail, fax, attachment and result links, or fees", async () => {
    const session = await login();
    const secrets = {
      id: "036099012345",
      idTwo: "173456789",
      email: "nguyenvanan.canhan@example.vn",
      fax: "02283987654",
      attachment: "https://files.example.vn/ho-so/giay-chung-sinh-036099.pdf",
      attachmentName: "giay-chung-sinh-ban-sao-ABCXYZ.pdf",
      fee: "987654",
      feeName: "Lệ phí đặc biệt QWERTY",
      result: "https://files.example.vn/ket-qua/trich-luc-khai-sinh-777.pdf",
    };
    const code = "000.00.01.H56-240501-0042";
    const item = dossierItem(code, {
      TrangThaiHoSo: "10",
      NgayKetThucXuLy: "20240505100000",
      NgayTra: "20240506090000",
      SoGiayToChuHoSo: secrets.id,
      DinhDanhCHS: [
        { LoaiDinhDanh: "1", SoDinhDanh: secrets.id },
        { LoaiDinhDanh: "2", SoDinhDanh: secrets.idTwo },
      ],
      Email: secrets.email,
      Fax: secrets.fax,
      TaiLieuNop: [{ TepDinhKemId: "1", TenTepDinhKem: secrets.attachmentName, DuongDanTaiTepTin: secrets.attachment, IsDeleted: "False" }],
      DanhSachLePhi: [{ TenPhiLePhi: secrets.feeName, MaPhiLePhi: "LP1", HinhThucThu: "1", Gia: secrets.fee, LoaiPhiLePhi: "1" }],
      DanhSachGiayToKetQua: [{ TenGiayTo: "Trích lục", DuongDanTepTinKetQua: secrets.result, MaGiayToKetQua: "KQ1" }],
      DanhSachTepDinhKemKhac: [{ TenGiayTo: secrets.attachmentName, SoLuong: 1, LoaiGiayTo: 0 }],
    });
    expect((await g(session, "DongBoHoSoMC", { isUpdating: "False", data: [item] })).answer.error_code).toBe("0");
    await settledMessages(code);
    const table = JSON.stringify(await scanTable());
    const logged = logs.join("\n");
    expect(table).toContain(code);
    for (const [name, value] of Object.entries(secrets)) {
      expect(table.includes(value), `${name} in the table`).toBe(false);
      expect(logged.includes(value), `${name} in the logs`).toBe(false);
    }
    expect(logged).toContain("dialect sync");
  });
});

describe("admins manage the credentials (create, rotate, disable; audited)", () => {
  const admin = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

  it("issues a credential with its status map, rotates its password, disables it; never shows a hash", async () => {
    const newUser = "vnpt-igate-h56";
    const created = await admin("POST", "/v1/admin/sync-credentials", adminToken, {
      username: newUser,
      unitPatterns: ["000.00.*.H56"],
      statusOverrides: { "3": 8, "8": 3 },
    });
    expect(created.status).toBe(201);
    const firstPassword = String(created.body["password"]);
    expect(firstPassword).toHaveLength(24);
    expect(created.body["credential"]).toMatchObject({ username: newUser, disabled: false, statusOverrides: { "3": 8, "8": 3 } });
    expect((await admin("POST", "/v1/admin/sync-credentials", adminToken, { username: newUser, unitPatterns: ["*"] })).status).toBe(409);
    const session = await login(newUser, firstPassword);

    // The sender's 8 reads as the national 3 (refused at intake).
    const code = "000.00.09.H56-240601-0001";
    await g(session, "DongBoHoSoMC", { isUpdating: "False", data: [dossierItem(code, { TrangThaiHoSo: "8", NgayTuChoi: "20240601100000" })] });
    expect((await lookUp(code)).status).toBe(3);

    const rotated = await admin("POST", `/v1/admin/sync-credentials/${newUser}/password`, adminToken);
    expect(rotated.status).toBe(200);
    expect((await post("/mapi/login", { username: newUser, password: firstPassword })).answer.error_code).toBe("-2");
    await login(newUser, String(rotated.body["password"]));

    expect((await admin("POST", `/v1/admin/sync-credentials/${newUser}/disable`, adminToken)).body["credential"]).toMatchObject({ disabled: true });
    expect((await g(session, "TraCuuHoSo", { mahoso: code })).answer.error_code).toBe("-2");
    await admin("POST", `/v1/admin/sync-credentials/${newUser}/enable`, adminToken);

    const listed = await admin("GET", "/v1/admin/sync-credentials", adminToken);
    expect(JSON.stringify(listed.body)).not.toContain("scrypt");
    expect((listed.body["credentials"] as Array<{ username: string }>).map((c) => c.username)).toEqual(expect.arrayContaining([username, newUser]));
    const audited = (await scanTable()).filter((item) => item["type"] === "AuditEntry" && item["subject"] === newUser).map((item) => item["action"]);
    expect(audited.sort()).toEqual(["create_sync_credential", "disable_sync_credential", "enable_sync_credential", "rotate_sync_password"]);
    expect((await admin("POST", "/v1/admin/sync-credentials/khong-co/disable", adminToken)).status).toBe(404);
  });

  it("refuses anyone who is not an admin, and a malformed credential", async () => {
    expect((await admin("GET", "/v1/admin/sync-credentials", citizenToken)).status).toBe(403);
    const bad = await admin("POST", "/v1/admin/sync-credentials", adminToken, { username: "a b", unitPatterns: [] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "INVALID_BODY" } });
  });
});

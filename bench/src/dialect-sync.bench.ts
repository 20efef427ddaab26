import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { startMeteredApiServer } from "./metered-api-server.js";
import { fmt, runLoad } from "./load.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";

/**
 * The national sync dialect against our own ingest on the same stack: the same work (dossiers received, then three
 * status changes each) sent both ways, applied events per second, and the DynamoDB requests each applied step costs.
 */
export async function benchDialectSync(stack: { info: StackInfo }, options: { rounds: number; concurrency: number }): Promise<BenchLine[]> {
  const { info } = stack;
  const session = await login(info.apiUrl, info);
  const dossiersPerRound = 25;
  const eventsPerRound = dossiersPerRound * 4;
  let run = 0;
  const nextRun = () => `${Date.now().toString(36).toUpperCase()}${(run += 1)}`;

  const native = async (apiUrl: string) => {
    const body = JSON.stringify({ events: nativeEvents(nextRun(), dossiersPerRound) });
    const response = await fetch(`${apiUrl}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(info.ingestSecret, body), body });
    const results = ((await response.json()) as { results: { outcome: string }[] }).results;
    return results.filter((r) => r.outcome === "applied").length;
  };
  const dialect = async (apiUrl: string) => {
    const { items, steps } = dialectRound(nextRun(), dossiersPerRound);
    const created = await postDialect(apiUrl, { session, madonvi: agency, service: "DongBoHoSoMC", isUpdating: "False", data: items });
    const progressed = await postDialect(apiUrl, { session, madonvi: agency, service: "CapNhatTienDoHoSoMC", data: steps });
    return appliedCount(created) + appliedCount(progressed);
  };

  const lines: BenchLine[] = [];
  await runLoad(async () => void (await native(info.apiUrl)), 4, options.concurrency);
  await runLoad(async () => void (await dialect(info.apiUrl)), 4, options.concurrency);
  // Interleaved halves, so a busy spell of the machine weighs on both sides alike.
  const half = Math.max(1, Math.floor(options.rounds / 2));
  const seconds = { native: 0, dialect: 0 };
  for (let pass = 0; pass < 2; pass += 1) {
    const nativeLoad = await runLoad(async () => expectApplied(await native(info.apiUrl), eventsPerRound), half, options.concurrency);
    seconds.native += half / nativeLoad.perSecond;
    const dialectLoad = await runLoad(async () => expectApplied(await dialect(info.apiUrl), eventsPerRound), half, options.concurrency);
    seconds.dialect += half / dialectLoad.perSecond;
  }
  const nativeRate = (2 * half * eventsPerRound) / seconds.native;
  const dialectRate = (2 * half * eventsPerRound) / seconds.dialect;
  const shape = `${2 * half} rounds of ${dossiersPerRound} dossiers × 4 events, ${options.concurrency} in flight`;
  lines.push({ name: `native ingest (${shape})`, value: `${fmt(nativeRate, 0)} events/s` });
  lines.push({ name: `dialect /mapi/g (same work: DongBoHoSoMC + CapNhatTienDoHoSoMC)`, value: `${fmt(dialectRate, 0)} dossiers + steps/s` });
  lines.push({ name: "dialect throughput / native ingest", value: fmt(dialectRate / nativeRate, 2), target: "≥ 0.8" });

  // DynamoDB requests per applied event, counted on a metered copy of the handlers.
  const meteredApi = await startMeteredApiServer(info);
  const { meter } = meteredApi;
  try {
    meter.reset();
    const nativeApplied = await native(meteredApi.url);
    const nativePerEvent = meter.total() / nativeApplied;
    const nativeRequests = JSON.stringify(meter.requests());
    const { items, steps } = dialectRound(nextRun(), dossiersPerRound);
    meter.reset();
    const itemsApplied = appliedCount(await postDialect(meteredApi.url, { session, madonvi: agency, service: "DongBoHoSoMC", isUpdating: "False", data: items }));
    const perItemEvent = meter.total() / itemsApplied;
    meter.reset();
    const stepsApplied = appliedCount(await postDialect(meteredApi.url, { session, madonvi: agency, service: "CapNhatTienDoHoSoMC", data: steps }));
    const perStep = meter.total() / stepsApplied;
    const stepRequests = JSON.stringify(meter.requests());
    lines.push({ name: "native ingest: DynamoDB requests per applied event", value: `${fmt(perEventOrZero(nativePerEvent), 2)} ${nativeRequests}` });
    lines.push({
      name: "dialect: DynamoDB requests per applied step (CapNhatTienDoHoSoMC, 75 steps)",
      value: `${fmt(perEventOrZero(perStep), 2)} ${stepRequests}`,
      target: "as native",
    });
    lines.push({ name: "dialect: DynamoDB requests per created dossier (DongBoHoSoMC, 25 items)", value: fmt(perEventOrZero(perItemEvent), 2) });
  } finally {
    await meteredApi.close();
  }
  return lines;
}

const agency = "000.00.20.H27";

function perEventOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function expectApplied(applied: number, expected: number): void {
  if (applied !== expected) throw new Error(`expected ${expected} applied events, got ${applied}`);
}

async function login(apiUrl: string, info: StackInfo): Promise<string> {
  const answer = await postDialect(apiUrl, info.syncCredential, "/mapi/login");
  if (answer.error_code !== "0" || !answer.session) throw new Error(`dialect login failed: ${answer.message}`);
  return answer.session;
}

interface DialectAnswer {
  error_code: string;
  message: string;
  session?: string;
  result?: { KetQua: string }[];
}

async function postDialect(apiUrl: string, body: unknown, path = "/mapi/g"): Promise<DialectAnswer> {
  const response = await fetch(`${apiUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await response.json()) as DialectAnswer;
}

function appliedCount(answer: DialectAnswer): number {
  if (answer.error_code !== "0") throw new Error(`dialect answered ${answer.error_code}: ${answer.message}`);
  return (answer.result ?? []).filter((r) => r.KetQua === "applied").length;
}

const statuses = [2, 4, 9, 10];

/**
 * Official codes (`<agency>-YYMMDD-NNNN`), as one-stop systems send them: the unit is read from the code, so a step
 * costs no extra read. A random start keeps runs on the same table apart.
 */
let serial = Math.floor(Math.random() * 300) * 10_000;
function nextOfficialCode(): string {
  const n = serial++;
  const day = Math.floor(n / 10_000) % 336;
  const yymmdd = `26${String(1 + Math.floor(day / 28)).padStart(2, "0")}${String(1 + (day % 28)).padStart(2, "0")}`;
  return `${agency}-${yymmdd}-${String(n % 10_000).padStart(4, "0")}`;
}
const hour = (i: number) => `2026110${2 + Math.floor(i / 24)}${String(8 + (i % 24)).padStart(2, "0")}0000`.slice(0, 14);

function nativeEvents(run: string, dossiers: number) {
  return Array.from({ length: dossiers }, (_, d) => {
    const code = `BENCH-N${run}-${d}`;
    return statuses.map((status, i) => ({
      eventId: `${code}-${i}`,
      dossierCode: code,
      status,
      occurredAt: new Date(Date.UTC(2026, 10, 2, 1 + i)).toISOString(),
      ...(i === 0 ? { dossier: { ...details, receivedAt: "2026-11-02T01:00:00.000Z", dueAt: "2026-11-09T10:00:00.000Z" } } : {}),
    }));
  }).flat();
}

const details = {
  agencyCode: agency,
  agencyName: "UBND phường Kinh Bắc",
  procedureCode: "1.001193.000.00.00.H27",
  procedureName: "Đăng ký khai sinh",
  applicantName: "Người Dùng Thử",
  applicantPhone: "0912345678",
};

/** The same work in the dialect: the dossier received (one item), then steps 4, 9 and 10 at the same times. */
function dialectRound(_run: string, dossiers: number) {
  const codes = Array.from({ length: dossiers }, () => nextOfficialCode());
  const items = codes.map((code) => ({
    MaHoSo: code,
    MaTTHC: details.procedureCode,
    TenTTHC: details.procedureName,
    ChuHoSo: details.applicantName,
    SoDienThoai: details.applicantPhone,
    DonViXuLy: details.agencyName,
    NgayTiepNhan: hour(0),
    NgayHenTra: "20261109170000",
    TrangThaiHoSo: "2",
  }));
  const steps = codes.flatMap((code) =>
    statuses.slice(1).map((status, i) => ({ MaHoSo: code, ThoiDiemXuLy: hour(i + 1), PhongBanXuLy: "Bộ phận Một cửa", NoiDungXuLy: "", TrangThai: String(status) })),
  );
  return { items, steps };
}

import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { paddedJson } from "../../test/padded-json.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { ingestSignature } from "./http/ingest-signature.js";
import { httpRoutes } from "./routes.js";

const agency = "000.00.20.H27";
const otherAgency = "000.00.21.H27";
const code = "000.00.20.H27-261120-0100";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let admin: HttpHandler;
const tokens: Record<"citizen" | "otherOfficer" | "officer" | "admin", string> = { citizen: "", otherOfficer: "", officer: "", admin: "" };
const ids: Record<keyof typeof tokens | "removable", string> = { citizen: "", otherOfficer: "", officer: "", admin: "", removable: "" };

async function call(routeKey: string, path: string, options: { token?: string; body?: unknown; pathParameters?: Record<string, string>; query?: string } = {}) {
  const response = await admin(
    apiGatewayEvent({
      routeKey,
      rawPath: path,
      ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
      ...(options.query ? { rawQueryString: options.query } : {}),
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), "content-type": "application/json" },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    }),
  );
  return response;
}

beforeAll(async () => {
  const users = {
    admin: await createUser("Lê Minh Quân"),
    officer: await createUser("Phạm Thu Hà"),
    otherOfficer: await createUser("Đỗ Văn Hùng"),
    citizen: await createUser("Nguyễn Văn An"),
    removable: await createUser("Cán bộ tạm"),
  };
  stack.config.firstAdminZaloAppUserId = users.admin.zaloAppUserId;
  admin = httpHandlersFrom(composeDependencies(stack.config)).admin;
  for (const [role, user] of Object.entries(users)) {
    ids[role as keyof typeof ids] = user.zaloAppUserId;
    if (role in tokens) tokens[role as keyof typeof tokens] = user.accessToken;
  }
  const put = (id: string, body: unknown) =>
    call("PUT /v1/admin/staff/{zaloAppUserId}", `/v1/admin/staff/${id}`, { token: tokens.admin, pathParameters: { zaloAppUserId: id }, body });
  expect((await put(ids.officer, { name: "Phạm Thu Hà", role: "officer", agencyCodes: [agency] })).statusCode).toBe(200);
  expect((await put(ids.otherOfficer, { name: "Đỗ Văn Hùng", role: "officer", agencyCodes: [otherAgency] })).statusCode).toBe(200);
  expect((await put(ids.removable, { name: "Cán bộ tạm", role: "officer", agencyCodes: [agency] })).statusCode).toBe(200);

  const body = JSON.stringify({
    events: [
      {
        eventId: "admin-test-1",
        dossierCode: code,
        status: 2,
        occurredAt: "2026-11-20T08:00:00+07:00",
        dossier: {
          agencyCode: agency,
          agencyName: "UBND phường Kinh Bắc",
          procedureCode: "1.001193.000.00.00.H27",
          procedureName: "Đăng ký khai sinh",
          applicantName: "Nguyễn Văn An",
          applicantPhone: "0912345678",
          receivedAt: "2026-11-20T08:00:00+07:00",
          dueAt: "2026-11-25T17:00:00+07:00",
        },
      },
    ],
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  await httpHandlersFrom(composeDependencies(stack.config)).ingest(
    apiGatewayEvent({
      routeKey: "POST /v1/ingest/events",
      rawPath: "/v1/ingest/events",
      headers: { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${ingestSignature(testSecrets.ingest, timestamp, Buffer.from(body)).toString("hex")}` },
      body,
    }),
  );
});

async function createUser(name: string) {
  stack ??= await startTestStack();
  return stack.createZaloUser(name, "0900000000");
}

afterAll(async () => stack.stop());

type Caller = "none" | keyof typeof tokens;
const callers: Caller[] = ["none", "citizen", "otherOfficer", "officer", "admin"];

describe("authorization matrix: every admin route × caller", () => {
  const qr = `/v1/admin/receipts/${code}/qr`;
  const matrix: { routeKey: string; path: () => string; pathParameters?: () => Record<string, string>; body?: unknown; expected: Record<Caller, number> }[] = [
    { routeKey: "GET /v1/admin/me", path: () => "/v1/admin/me", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    { routeKey: "GET /v1/admin/staff", path: () => "/v1/admin/staff", expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 } },
    {
      routeKey: "GET /v1/admin/staff/{zaloAppUserId}",
      path: () => `/v1/admin/staff/${ids.officer}`,
      pathParameters: () => ({ zaloAppUserId: ids.officer }),
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    {
      routeKey: "PUT /v1/admin/staff/{zaloAppUserId}",
      path: () => `/v1/admin/staff/${ids.officer}`,
      pathParameters: () => ({ zaloAppUserId: ids.officer }),
      body: { name: "Phạm Thu Hà", role: "officer", agencyCodes: [agency] },
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    {
      routeKey: "DELETE /v1/admin/staff/{zaloAppUserId}",
      path: () => `/v1/admin/staff/${ids.removable}`,
      pathParameters: () => ({ zaloAppUserId: ids.removable }),
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 204 },
    },
    {
      routeKey: "GET /v1/admin/receipts/{code}/qr",
      path: () => qr,
      pathParameters: () => ({ code }),
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 200, admin: 200 },
    },
    { routeKey: "GET /v1/admin/poster", path: () => "/v1/admin/poster", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
  ];

  it("covers every admin route of the route table", () => {
    const adminRoutes = httpRoutes.filter((route) => route.functionName === "admin").map((route) => route.routeKey);
    expect(matrix.map((row) => row.routeKey).sort()).toEqual([...adminRoutes].sort());
  });

  for (const row of matrix) {
    it(`${row.routeKey}: ${callers.map((c) => `${c} → ${row.expected[c]}`).join(", ")}`, async () => {
      for (const caller of callers) {
        const response = await call(row.routeKey, row.path(), {
          ...(caller === "none" ? {} : { token: tokens[caller] }),
          ...(row.pathParameters ? { pathParameters: row.pathParameters() } : {}),
          ...(row.body ? { body: row.body } : {}),
        });
        expect({ caller, status: response.statusCode }).toEqual({ caller, status: row.expected[caller] });
        if (caller === "otherOfficer") {
          expect(String(response.body ?? "")).not.toContain(code);
          expect(String(response.body ?? "")).not.toContain(agency + '"');
        }
      }
    });
  }
});

describe("staff management and desk tools", () => {
  it("prints the receipt QR as SVG and as a PNG that decodes to the signed deep link", async () => {
    const svg = await call("GET /v1/admin/receipts/{code}/qr", `/v1/admin/receipts/${code}/qr`, { token: tokens.officer, pathParameters: { code } });
    expect(svg.headers?.["content-type"]).toBe("image/svg+xml");
    expect(String(svg.body)).toMatch(/^<svg/);
    const png = await call("GET /v1/admin/receipts/{code}/qr", `/v1/admin/receipts/${code}/qr`, { token: tokens.officer, pathParameters: { code }, query: "format=png" });
    expect(png.isBase64Encoded).toBe(true);
    const image = PNG.sync.read(Buffer.from(String(png.body), "base64"));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toMatch(new RegExp(`^https://zalo\\.me/s/3141592653589793/\\?hs=${code.replaceAll(".", "\\.")}&k=[A-Za-z0-9_-]{16}$`));
    const badFormat = await call("GET /v1/admin/receipts/{code}/qr", `/v1/admin/receipts/${code}/qr`, { token: tokens.officer, pathParameters: { code }, query: "format=gif" });
    expect(badFormat.statusCode).toBe(400);
  });

  it("refuses bad staff records at each limit and just past it, and writes nothing", async () => {
    const put = (body: unknown) =>
      call("PUT /v1/admin/staff/{zaloAppUserId}", `/v1/admin/staff/${ids.citizen}`, { token: tokens.admin, pathParameters: { zaloAppUserId: ids.citizen }, body });
    const agencies = (n: number) => Array.from({ length: n }, (_, i) => `AG-${i}`);
    expect((await put({ name: "A".repeat(101), role: "officer", agencyCodes: [agency] })).statusCode).toBe(400);
    expect((await put({ name: "B", role: "officer", agencyCodes: agencies(51) })).statusCode).toBe(400);
    expect((await put({ name: "B", role: "chief", agencyCodes: [agency] })).statusCode).toBe(400);
    expect((await put({ name: "B", role: "officer", agencyCodes: [] })).statusCode).toBe(400);
    const list = await call("GET /v1/admin/staff", "/v1/admin/staff", { token: tokens.admin });
    expect(String(list.body)).not.toContain(ids.citizen);
    expect((await put({ name: "A".repeat(100), role: "officer", agencyCodes: agencies(50) })).statusCode).toBe(200);
  });

  it("serves the guide poster with the Mini App's QR; an agency name is limited to 200 characters", async () => {
    const poster = (query: string) => call("GET /v1/admin/poster", "/v1/admin/poster", { token: tokens.officer, query });
    const ok = await poster(`agencyName=${encodeURIComponent("Đ".repeat(200))}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers?.["content-type"]).toMatch(/^text\/html/);
    expect(String(ok.body)).toContain("https://zalo.me/s/3141592653589793/");
    expect((await poster(`agencyName=${encodeURIComponent("Đ".repeat(201))}`)).statusCode).toBe(400);
  });

  it("names the configured first admin as Zalo knows them", async () => {
    const me = await call("GET /v1/admin/me", "/v1/admin/me", { token: tokens.admin });
    expect(JSON.parse(String(me.body))).toMatchObject({ name: "Lê Minh Quân", role: "admin", allAgencies: true });
  });

  it("an admin cannot change or remove the configured first admin, nor themselves", async () => {
    const response = await call("DELETE /v1/admin/staff/{zaloAppUserId}", `/v1/admin/staff/${ids.admin}`, { token: tokens.admin, pathParameters: { zaloAppUserId: ids.admin } });
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(String(response.body)).error.message).toMatch(/chính mình/);
  });
});

describe("the 64 KiB body limit of the staff routes", () => {
  it("PUT /v1/admin/staff/{id} takes a body of exactly 65,536 bytes and refuses 65,537 with 413, writing nothing", async () => {
    const newcomer = await createUser("Vũ Thị Lan");
    const id = newcomer.zaloAppUserId;
    const put = (body: string) =>
      admin(
        apiGatewayEvent({
          routeKey: "PUT /v1/admin/staff/{zaloAppUserId}",
          rawPath: `/v1/admin/staff/${id}`,
          pathParameters: { zaloAppUserId: id },
          headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" },
          body,
        }),
      );
    const record = { name: "Vũ Thị Lan", role: "officer", agencyCodes: [agency] };
    const over = await put(paddedJson(record, 65_537));
    expect(over.statusCode).toBe(413);
    expect(JSON.parse(String(over.body))).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(String((await call("GET /v1/admin/staff", "/v1/admin/staff", { token: tokens.admin })).body)).not.toContain(id);
    expect((await put(paddedJson(record, 65_536))).statusCode).toBe(200);
    expect(String((await call("GET /v1/admin/staff", "/v1/admin/staff", { token: tokens.admin })).body)).toContain(id);
  });
});

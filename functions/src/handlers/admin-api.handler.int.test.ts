import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierNotification, firstIngestEvent, outboxItemInState, signedIngestRequest } from "../../test/builders.js";
import { backdatedRatings } from "../../test/backdated-rating.js";
import { apiGatewayEvent, routeRequest } from "../../test/api-gateway-event.js";
import { paddedJson } from "../../test/padded-json.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { httpRoutes } from "./routes.js";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";

const agency = "000.00.20.H27";
const otherAgency = "000.00.21.H27";
const code = "000.00.20.H27-261120-0100";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let admin: HttpHandler;
let publishedAnnouncementId = "";
const tokens: Record<"citizen" | "otherOfficer" | "officer" | "admin", string> = { citizen: "", otherOfficer: "", officer: "", admin: "" };
const ids: Record<keyof typeof tokens | "removable", string> = { citizen: "", otherOfficer: "", officer: "", admin: "", removable: "" };
/** A feedback thread about the agency's dossier, and a failed message of that dossier (for the inbox and the delivery log). */
const inboxFixtures = { threadId: "", closedThreadId: "", failedOutboxId: "matrix-failed-1" };

async function call(routeKey: string, path: string, options: { token?: string; body?: unknown; pathParameters?: Record<string, string>; query?: string } = {}) {
  const response = await admin(
    routeRequest(routeKey, { rawPath: path, pathParameters: options.pathParameters, query: options.query, token: options.token, body: options.body }),
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

  const published = await call("POST /v1/admin/announcements", "/v1/admin/announcements", {
    token: tokens.admin,
    body: { kind: "new_procedure", title: "Thủ tục mới", body: "Nội dung thông báo" },
  });
  publishedAnnouncementId = (JSON.parse(String(published.body)) as { announcement: { id: string } }).announcement.id;

  const events = [
    firstIngestEvent(code, { eventId: "admin-test-1", occurredAt: "2026-11-20T08:00:00+07:00", agencyCode: agency, dueAt: "2026-11-25T17:00:00+07:00" }),
    { eventId: "admin-test-2", dossierCode: code, status: 9, occurredAt: "2026-11-24T10:00:00+07:00" },
  ];
  await httpHandlersFrom(composeDependencies(stack.config)).ingest(signedIngestRequest(events, String(Math.floor(Date.now() / 1000))));
  const rated = await backdatedRatings(stack.config)({
    code,
    rating: { attitude: "hai_long", result: "hai_long", overall: "hai_long", reason: null, comment: "Cán bộ hướng dẫn tận tình" },
    at: new Date("2026-11-25T03:00:00.000Z"),
  });
  expect(rated.kind).toBe("saved");
  const deps = composeDependencies(stack.config);
  // The citizen writes from the receipt's QR: its signature proves the dossier is his, so staff of its agency see it.
  const receiptSignature = new HmacReceiptSigner(testSecrets.receiptKey, stack.config.miniAppId).sign(code);
  const submit = (text: string) => deps.submitFeedback({ zaloAppUserId: ids.citizen, type: "phan_anh", text, dossierCode: code, receiptSignature });
  inboxFixtures.threadId = (await submit("Hồ sơ chậm")).id;
  inboxFixtures.closedThreadId = (await submit("Đã xong")).id;
  await deps.feedbackInbox.close((await deps.staffAccess.findStaffMember(ids.admin))!, inboxFixtures.closedThreadId);
  const finishedAt = new Date().toISOString();
  const notification = dossierNotification(code, { kind: "dossier_status_changed", dueAt: finishedAt });
  await createDocumentClient({ region: "ap-southeast-1", endpoint: stack.table.endpoint }).send(
    new PutCommand({
      TableName: stack.config.tableName,
      Item: outboxItemInState("failed", inboxFixtures.failedOutboxId, notification, finishedAt, { agencyCode: agency, reason: "retries_exhausted" }),
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
  const matrix: {
    routeKey: string;
    path: () => string;
    pathParameters?: () => Record<string, string>;
    body?: unknown;
    query?: string;
    expected: Record<Caller, number>;
  }[] = [
    { routeKey: "GET /v1/admin/me", path: () => "/v1/admin/me", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    { routeKey: "GET /v1/admin/agencies", path: () => "/v1/admin/agencies", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
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
    {
      routeKey: "GET /v1/admin/late-dossiers",
      path: () => "/v1/admin/late-dossiers",
      query: `agency=${agency}`,
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 200, admin: 200 },
    },
    // Ratings: without `agency` an officer gets their own agencies only (no other agency's data, checked below).
    {
      routeKey: "GET /v1/admin/ratings/summary",
      path: () => "/v1/admin/ratings/summary",
      query: "from=2026-01&to=2026-12",
      expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 },
    },
    {
      routeKey: "GET /v1/admin/ratings/summary",
      path: () => "/v1/admin/ratings/summary",
      query: `from=2026-01&to=2026-12&agency=${agency}`,
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 200, admin: 200 },
    },
    {
      routeKey: "GET /v1/admin/ratings",
      path: () => "/v1/admin/ratings",
      query: "from=2026-01&to=2026-12",
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    {
      routeKey: "GET /v1/admin/ratings.csv",
      path: () => "/v1/admin/ratings.csv",
      query: "from=2026-01&to=2026-12",
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    {
      routeKey: "POST /v1/admin/announcements",
      path: () => "/v1/admin/announcements",
      body: { kind: "notice", title: "Thông báo ma trận quyền", body: "Nội dung" },
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 201 },
    },
    {
      routeKey: "GET /v1/admin/announcements",
      path: () => "/v1/admin/announcements",
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    {
      routeKey: "GET /v1/admin/announcements/{id}",
      path: () => `/v1/admin/announcements/${publishedAnnouncementId}`,
      pathParameters: () => ({ id: publishedAnnouncementId }),
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    },
    // PAKN inbox: another agency's staff see an empty list and 404 for the thread.
    { routeKey: "GET /v1/admin/feedback", path: () => "/v1/admin/feedback", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    { routeKey: "GET /v1/admin/feedback/counts", path: () => "/v1/admin/feedback/counts", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    {
      routeKey: "GET /v1/admin/feedback/{id}",
      path: () => `/v1/admin/feedback/${inboxFixtures.threadId}`,
      pathParameters: () => ({ id: inboxFixtures.threadId }),
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 200, admin: 200 },
    },
    {
      routeKey: "POST /v1/admin/feedback/{id}/replies",
      path: () => `/v1/admin/feedback/${inboxFixtures.threadId}/replies`,
      pathParameters: () => ({ id: inboxFixtures.threadId }),
      body: { text: "Hồ sơ đang được xử lý." },
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 201, admin: 201 },
    },
    // close, then reopen, are done once: the officer's call changes the thread, the admin's finds it changed (409).
    {
      routeKey: "POST /v1/admin/feedback/{id}/close",
      path: () => `/v1/admin/feedback/${inboxFixtures.threadId}/close`,
      pathParameters: () => ({ id: inboxFixtures.threadId }),
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 200, admin: 409 },
    },
    {
      routeKey: "POST /v1/admin/feedback/{id}/reopen",
      path: () => `/v1/admin/feedback/${inboxFixtures.closedThreadId}/reopen`,
      pathParameters: () => ({ id: inboxFixtures.closedThreadId }),
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 200, admin: 409 },
    },
    { routeKey: "GET /v1/admin/notifications", path: () => "/v1/admin/notifications", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    { routeKey: "GET /v1/admin/notifications/counts", path: () => "/v1/admin/notifications/counts", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    { routeKey: "GET /v1/admin/notifications/quota", path: () => "/v1/admin/notifications/quota", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    {
      routeKey: "POST /v1/admin/notifications/{id}/retry",
      path: () => `/v1/admin/notifications/${inboxFixtures.failedOutboxId}/retry`,
      pathParameters: () => ({ id: inboxFixtures.failedOutboxId }),
      expected: { none: 401, citizen: 403, otherOfficer: 404, officer: 200, admin: 409 },
    },
    // Reach: officers see their own agencies, never another's; the CSV is for admins.
    { routeKey: "GET /v1/admin/reach", path: () => "/v1/admin/reach", query: "from=2026-01&to=2026-12", expected: { none: 401, citizen: 403, otherOfficer: 200, officer: 200, admin: 200 } },
    {
      routeKey: "GET /v1/admin/reach",
      path: () => "/v1/admin/reach",
      query: `from=2026-01&to=2026-12&agency=${agency}`,
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 200, admin: 200 },
    },
    { routeKey: "GET /v1/admin/reach.csv", path: () => "/v1/admin/reach.csv", query: "from=2026-01&to=2026-12", expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 } },
    // The dialect's credentials: admins only (the rows run in order: created, then rotated, disabled, enabled).
    { routeKey: "GET /v1/admin/sync-credentials", path: () => "/v1/admin/sync-credentials", expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 } },
    {
      routeKey: "POST /v1/admin/sync-credentials",
      path: () => "/v1/admin/sync-credentials",
      body: { username: "matrix-sync", unitPatterns: [agency] },
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 201 },
    },
    ...(["password", "disable", "enable"] as const).map((action) => ({
      routeKey: `POST /v1/admin/sync-credentials/{username}/${action}`,
      path: () => `/v1/admin/sync-credentials/matrix-sync/${action}`,
      pathParameters: () => ({ username: "matrix-sync" }),
      expected: { none: 401, citizen: 403, otherOfficer: 403, officer: 403, admin: 200 },
    })),
  ];

  it("covers every admin route of the route table", () => {
    const adminRoutes = httpRoutes.filter((route) => route.functionName === "admin").map((route) => route.routeKey);
    expect([...new Set(matrix.map((row) => row.routeKey))].sort()).toEqual([...adminRoutes].sort());
  });

  for (const row of matrix) {
    it(`${row.routeKey}${row.query ? `?${row.query}` : ""}: ${callers.map((c) => `${c} → ${row.expected[c]}`).join(", ")}`, async () => {
      for (const caller of callers) {
        const response = await call(row.routeKey, row.path(), {
          ...(caller === "none" ? {} : { token: tokens[caller] }),
          ...(row.pathParameters ? { pathParameters: row.pathParameters() } : {}),
          ...(row.body ? { body: row.body } : {}),
          ...(row.query ? { query: row.query } : {}),
        });
        expect({ caller, status: response.statusCode }).toEqual({ caller, status: row.expected[caller] });
        if (caller === "admin" && row.routeKey.startsWith("GET /v1/admin/ratings")) {
          // The admin does see the agency's rating, so the check below on the other officer's answer means something.
          expect(String(response.body ?? "")).toContain(agency);
        }
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

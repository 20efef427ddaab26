import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent, routeRequest } from "../../test/api-gateway-event.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { composeDependencies, type Dependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { ingestSignature } from "./http/ingest-signature.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let deps: Dependencies;
let api: HttpHandler;
let ingest: HttpHandler;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ PROCEDURE_CACHE_SECONDS: "300" });
  deps = composeDependencies(stack.config);
  ({ api, ingest } = httpHandlersFrom(deps));
  token = (await stack.createZaloUser()).accessToken;
});
afterAll(async () => stack.stop());

async function get(routeKey: string, options: { query?: string; path?: Record<string, string> } = {}) {
  const response = await api(routeRequest(routeKey, { query: options.query, pathParameters: options.path, token }));
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

describe("announcements", () => {
  beforeAll(async () => {
    const kinds = ["new_procedure", "abolished_procedure", "new_document", "notice"] as const;
    for (let i = 1; i <= 4; i += 1) {
      await deps.publishAnnouncement({ id: `ann-${i}`, kind: kinds[i - 1]!, title: `Thông báo ${i}`, body: `Nội dung ${i}`, link: null, publishedAt: `2026-11-0${i}T01:00:00.000Z` });
    }
  });

  it("GET /v1/announcements: newest first, paginated with an opaque cursor", async () => {
    const first = await get("GET /v1/announcements", { query: "limit=3" });
    expect(first.status).toBe(200);
    expect(first.body.announcements.map((a: { id: string }) => a.id)).toEqual(["ann-4", "ann-3", "ann-2"]);
    const second = await get("GET /v1/announcements", { query: `limit=3&cursor=${first.body.nextCursor}` });
    expect(second.body).toMatchObject({ announcements: [{ id: "ann-1", kind: "new_procedure" }], nextCursor: null });
    expect((await get("GET /v1/announcements")).body.announcements).toHaveLength(4);
  });

  it("refuses a limit outside 1–50 and a cursor it did not give, with 400", async () => {
    expect((await get("GET /v1/announcements", { query: "limit=1" })).status).toBe(200);
    expect((await get("GET /v1/announcements", { query: "limit=50" })).status).toBe(200);
    for (const query of ["limit=0", "limit=51", "limit=abc", "cursor=xyz", `cursor=${Buffer.from('{"id":"a"}').toString("base64url")}`]) {
      expect((await get("GET /v1/announcements", { query })).status, query).toBe(400);
    }
  });

  it("GET /v1/announcements/{id}: one announcement, 404 when unknown", async () => {
    expect(await get("GET /v1/announcements/{id}", { path: { id: "ann-2" } })).toMatchObject({ status: 200, body: { title: "Thông báo 2", kind: "abolished_procedure" } });
    expect((await get("GET /v1/announcements/{id}", { path: { id: "ann-9" } })).status).toBe(404);
  });
});

describe("the procedure catalogue", () => {
  const procedure = (i: number, name = `Thủ tục ${i}`, field = "Hộ tịch") => ({
    code: `1.00${String(i).padStart(4, "0")}.000.00.00.H27`,
    name,
    field,
    processingTime: "05 ngày làm việc",
    fee: "Miễn phí",
    documentsRequired: ["Tờ khai theo mẫu"],
    portalUrl: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1",
  });
  const put = async (body: unknown, signWith = testSecrets.ingest) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await ingest(
      apiGatewayEvent({
        routeKey: "PUT /v1/ingest/procedures",
        rawPath: "/v1/ingest/procedures",
        headers: { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${ingestSignature(signWith, timestamp, Buffer.from(text)).toString("hex")}` },
        body: text,
      }),
    );
    return { status: response.statusCode, body: JSON.parse(String(response.body)) };
  };
  const search = async (q: string) => (await get("GET /v1/procedures", { query: `q=${encodeURIComponent(q)}` })).body.procedures as { code: string; name: string }[];

  it("PUT /v1/ingest/procedures takes 1–100 procedures; 101, an invalid one or a bad signature writes nothing", async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => procedure(i));
    hundred[0] = procedure(0, "Đăng ký khai sinh");
    hundred[1] = procedure(1, "Cấp giấy phép xây dựng", "Hoạt động xây dựng");
    expect(await put({ procedures: hundred })).toEqual({ status: 200, body: { updated: 100 } });
    const refused = [
      { procedures: Array.from({ length: 101 }, (_, i) => procedure(200 + i)) },
      { procedures: [] },
      { procedures: [procedure(300), { ...procedure(301), name: "" }] },
      { procedures: [{ ...procedure(302), portalUrl: "http://insecure.example" }] },
      { procedures: [{ ...procedure(303), name: "n".repeat(501) }] },
      { procedures: [procedure(304), procedure(304)] },
    ];
    for (const body of refused) expect((await put(body)).status).toBe(400);
    expect((await put({ procedures: [procedure(305)] }, "another-secret-00000000")).status).toBe(401);
    // The body limit (64 KiB): refused before it is read.
    const padded = (bytes: number) => {
      const json = JSON.stringify({ procedures: [procedure(307)] });
      return json + " ".repeat(bytes - Buffer.byteLength(json));
    };
    expect((await put(padded(64 * 1024 + 1))).status).toBe(413);
    expect((await put(padded(64 * 1024))).status).toBe(200);
    expect((await put({ procedures: [{ ...procedure(306), name: "n".repeat(500) }] })).status).toBe(200);
    const codes = (await deps.searchProcedures("thu tuc")).map((p) => p.code);
    for (const i of [200, 300, 302, 303, 304, 305]) expect(codes).not.toContain(procedure(i).code);
  });

  it("GET /v1/procedures?q= finds without diacritics, with what the citizen needs", async () => {
    const found = await get("GET /v1/procedures", { query: "q=khai%20sinh" });
    expect(found.body.procedures).toEqual([
      {
        code: procedure(0).code,
        name: "Đăng ký khai sinh",
        field: "Hộ tịch",
        processingTime: "05 ngày làm việc",
        fee: "Miễn phí",
        documentsRequired: ["Tờ khai theo mẫu"],
        portalUrl: procedure(0).portalUrl,
      },
    ]);
    expect((await search("ho tich")).length).toBe(20);
    expect((await search("XAY DUNG")).map((p) => p.name)).toEqual(["Cấp giấy phép xây dựng"]);
  });

  it("an update is searchable at once on this instance; an abolished procedure disappears", async () => {
    expect(await put({ procedures: [{ ...procedure(0, "Đăng ký khai sinh"), abolished: true }, procedure(400, "Đăng ký kết hôn")] })).toMatchObject({ status: 200 });
    expect((await search("khai sinh")).map((p) => p.name)).toEqual([]);
    expect((await search("ket hon")).map((p) => p.name)).toEqual(["Đăng ký kết hôn"]);
  });

  it("a query of 100 characters is fine, 101 is refused", async () => {
    expect((await get("GET /v1/procedures", { query: `q=${"a".repeat(100)}` })).status).toBe(200);
    expect((await get("GET /v1/procedures", { query: `q=${"a".repeat(101)}` })).status).toBe(400);
  });
});

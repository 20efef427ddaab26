import { describe, expect, it, vi } from "vitest";
import { createFakePlatform, jsonResponse } from "../../test/fake-platform";
import { createApiClient } from "./api-client";
import { ApiError } from "./api-error";

const parse = (body: unknown) => body as { ok: boolean };

function setup(...responses: Array<Response | Error>) {
  const platform = createFakePlatform();
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const response of responses) {
    if (response instanceof Error) fetch.mockRejectedValueOnce(response);
    else fetch.mockResolvedValueOnce(response);
  }
  const client = createApiClient({ baseUrl: "http://api.test", auth: platform, fetch });
  const authorizations = () =>
    fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get("Authorization"));
  return { client, fetch, platform, authorizations };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("createApiClient", () => {
  it("sends the Zalo token as a Bearer token and skips empty query values", async () => {
    const { client, fetch, authorizations } = setup(jsonResponse(200, { ok: true }));
    await expect(client.getJson("/v1/x", { query: { k: "sig", empty: "", none: undefined }, parse })).resolves.toEqual({
      ok: true,
    });
    expect(String(fetch.mock.calls[0]?.[0])).toBe("http://api.test/v1/x?k=sig");
    expect(authorizations()).toEqual(["Bearer token-1"]);
  });

  it("reads a text answer (an SVG for printing) with the same token and error handling", async () => {
    const { client, authorizations } = setup(new Response("<svg/>", { status: 200 }), jsonResponse(404, { error: { code: "NOT_FOUND", message: "Không thấy" } }));
    await expect(client.getText("/v1/admin/receipts/A/qr")).resolves.toBe("<svg/>");
    const error = await failure(client.getText("/v1/admin/receipts/B/qr"));
    expect([error.kind, error.message]).toEqual(["not_found", "Không thấy"]);
    expect(authorizations()).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it("reads a file answer (the ratings CSV) as a blob with the same token; an error keeps its JSON message", async () => {
    const csv = "\uFEFFMã hồ sơ\r\n";
    const { client, authorizations } = setup(
      new Response(csv, { status: 200, headers: { "content-type": "text/csv; charset=utf-8" } }),
      jsonResponse(422, { error: { code: "EXPORT_TOO_LARGE", message: "Hãy thu hẹp khoảng thời gian" } }),
    );
    const blob = await client.getBlob("/v1/admin/ratings.csv", { query: { from: "2026-01", to: "2026-02" } });
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const error = await failure(client.getBlob("/v1/admin/ratings.csv"));
    expect(error.message).toBe("Hãy thu hẹp khoảng thời gian");
    expect(authorizations()).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it("reuses one token across requests", async () => {
    const { client, authorizations } = setup(jsonResponse(200, {}), jsonResponse(200, {}));
    await client.getJson("/a", { parse });
    await client.getJson("/b", { parse });
    expect(authorizations()).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it("on 401 drops the token and retries once with a fresh one", async () => {
    const { client, platform, authorizations } = setup(
      jsonResponse(401, { error: { code: "UNAUTHORIZED", message: "Phiên đăng nhập hết hạn." } }),
      jsonResponse(200, { ok: true }),
    );
    await expect(client.getJson("/a", { parse })).resolves.toEqual({ ok: true });
    expect(authorizations()).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(platform.forgotten).toBe(1);
  });

  it("gives up after the second 401", async () => {
    const unauthorized = () => jsonResponse(401, { error: { code: "UNAUTHORIZED", message: "Phiên đăng nhập hết hạn." } });
    const { client, fetch } = setup(unauthorized(), unauthorized());
    const error = await failure(client.getJson("/a", { parse }));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, message: "Phiên đăng nhập hết hạn." });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    [400, "INVALID_CODE", "invalid_input"],
    [404, "NOT_FOUND", "not_found"],
    [500, "INTERNAL", "server"],
    [503, undefined, "server"],
  ])("maps HTTP %i %s to %s with the server's message", async (status, code, kind) => {
    const body = code ? { error: { code, message: "Thông báo từ máy chủ" } } : "Service Unavailable";
    const { client } = setup(jsonResponse(status, body));
    const error = await failure(client.getJson("/a", { parse }));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.message).toBe(code ? "Thông báo từ máy chủ" : "Hệ thống đang bận. Vui lòng thử lại sau ít phút.");
  });

  it("reads Retry-After on 429", async () => {
    const { client } = setup(
      jsonResponse(429, { error: { code: "RATE_LIMITED", message: "Bạn tra cứu quá nhiều lần." } }, { "Retry-After": "30" }),
    );
    const error = await failure(client.getJson("/a", { parse }));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30, message: "Bạn tra cứu quá nhiều lần." });
  });

  it("reports a failed connection as a network error", async () => {
    const { client } = setup(new TypeError("Failed to fetch"));
    const error = await failure(client.getJson("/a", { parse }));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/kết nối/);
  });

  it("rejects a body of the wrong shape", async () => {
    const { client } = setup(jsonResponse(200, { unexpected: true }));
    const error = await failure(
      client.getJson("/a", {
        parse: () => {
          throw new TypeError("bad");
        },
      }),
    );
    expect(error.kind).toBe("bad_response");
  });

  it("reports a token the platform cannot give as unauthorized", async () => {
    const platform = createFakePlatform({ getAccessToken: () => Promise.reject(new Error("Bạn đã từ chối cấp quyền.")) });
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createApiClient({ baseUrl: "http://api.test", auth: platform, fetch });
    const error = await failure(client.getJson("/a", { parse }));
    expect(error).toMatchObject({ kind: "unauthorized", message: "Bạn đã từ chối cấp quyền." });
    expect(fetch).not.toHaveBeenCalled();
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { ZaloApiError, ZaloGraphClient } from "./zalo-graph-client.js";

function fakeFetch(body: unknown, status = 200) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

const me = { id: "5012345678901234567", name: "Nguyễn Văn An", user_id_by_oa: "7012345678901234567", is_follower: true, error: 0 };

describe("ZaloGraphClient", () => {
  it("calls /v2.0/me with the access_token header and reads the flat answer", async () => {
    const fetch = fakeFetch(me);
    const client = new ZaloGraphClient({ baseUrl: "https://graph.example", appSecret: "s", sendAppSecretProof: false, fetch });
    expect(await client.getUserByAccessToken("tok")).toEqual({
      zaloAppUserId: me.id,
      name: me.name,
      zaloOaUserId: me.user_id_by_oa,
      isFollower: true,
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toMatch(/^https:\/\/graph\.example\/v2\.0\/me\?fields=/);
    expect(init?.headers).toEqual({ access_token: "tok" });
  });

  it("sends appsecret_proof = HMAC-SHA256(app secret, token) when configured (UNCONFIRMED whether Zalo requires it)", async () => {
    const fetch = fakeFetch(me);
    const client = new ZaloGraphClient({ baseUrl: "https://graph.example", appSecret: "app-secret", sendAppSecretProof: true, fetch });
    await client.getUserByAccessToken("tok");
    expect(fetch.mock.calls[0]![1]?.headers).toEqual({
      access_token: "tok",
      appsecret_proof: createHmac("sha256", "app-secret").update("tok").digest("hex"),
    });
  });

  it("returns null for Zalo's invalid-token errors and throws on other failures", async () => {
    const options = { baseUrl: "https://graph.example", appSecret: "s", sendAppSecretProof: false };
    expect(await new ZaloGraphClient({ ...options, fetch: fakeFetch({ error: -216, message: "Access token is invalid" }) }).getUserByAccessToken("x")).toBeNull();
    await expect(new ZaloGraphClient({ ...options, fetch: fakeFetch({ error: -32, message: "limit" }) }).getUserByAccessToken("x")).rejects.toBeInstanceOf(ZaloApiError);
    await expect(new ZaloGraphClient({ ...options, fetch: fakeFetch({}, 502) }).getUserByAccessToken("x")).rejects.toBeInstanceOf(ZaloApiError);
  });
});

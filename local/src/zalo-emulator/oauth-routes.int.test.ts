import { describe, expect, it } from "vitest";
import { fixtureConfig, emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();

type TokenPair = { access_token: string; refresh_token: string; expires_in: string };

function refresh(refreshToken: string, overrides: { secretKey?: string; appId?: string; grantType?: string } = {}) {
  return fetch(`${fixture.emulator.url}/v4/oa/access_token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      secret_key: overrides.secretKey ?? fixtureConfig.appSecret,
    },
    body: new URLSearchParams({
      refresh_token: refreshToken,
      app_id: overrides.appId ?? fixtureConfig.appId,
      grant_type: overrides.grantType ?? "refresh_token",
    }),
  });
}

describe("POST /v4/oa/access_token (refresh)", () => {
  it("accepts the refresh token seeded from configuration once, and again after a reset", async () => {
    expect(await (await refresh(fixtureConfig.oaRefreshToken)).json()).toHaveProperty("access_token");
    expect(await (await refresh(fixtureConfig.oaRefreshToken)).json()).toMatchObject({ error: -14014 });
    await fixture.post("/_emulator/reset", {});
    expect(await (await refresh(fixtureConfig.oaRefreshToken)).json()).toHaveProperty("access_token");
  });

  it("rotates the refresh token: each one works exactly once", async () => {
    const issued = await freshRefreshToken();
    const first = await refresh(issued);
    expect(first.status).toBe(200);
    const pair = (await first.json()) as TokenPair;
    expect(pair.expires_in).toBe("90000");
    expect(pair.refresh_token).not.toBe(issued);
    expect(pair.access_token.length).toBeGreaterThanOrEqual(32);

    const reused = await (await refresh(issued)).json();
    expect(reused).toMatchObject({ error: -14014, error_name: "Invalid refresh token" });

    const next = (await (await refresh(pair.refresh_token)).json()) as TokenPair;
    expect(next.refresh_token).not.toBe(pair.refresh_token);
  });

  it.each([
    ["a wrong secret_key", { secretKey: "wrong" }],
    ["a wrong app_id", { appId: "999" }],
    ["another grant_type", { grantType: "authorization_code" }],
  ])("refuses %s with -14003 and keeps the refresh token", async (_label, overrides) => {
    const refreshToken = await freshRefreshToken();
    const refused = await refresh(refreshToken, overrides);
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({ error: -14003 });
    expect(await (await refresh(refreshToken)).json()).toHaveProperty("access_token");
  });
});

/** Each test starts its own chain, since a refresh token is single-use. */
async function freshRefreshToken(): Promise<string> {
  const response = await fixture.post("/_emulator/oa-tokens", {});
  expect(response.status).toBe(201);
  return ((await response.json()) as { refreshToken: string }).refreshToken;
}

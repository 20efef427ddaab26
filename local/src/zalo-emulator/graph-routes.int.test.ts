import { describe, expect, it } from "vitest";
import { emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();

describe("GET /v2.0/me", () => {
  it("returns the flat profile of the token's user, with both ids kept apart", async () => {
    const user = await fixture.createUser({ follower: true });
    const response = await fixture.get("/v2.0/me", { access_token: user.accessToken });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { picture: { data: { url: string } } };
    expect(body).toMatchObject({
      id: user.zaloAppUserId,
      name: "Nguyễn Văn An",
      user_id_by_oa: user.zaloOaUserId,
      is_follower: true,
      error: 0,
      message: "Success",
    });
    expect(body.picture.data.url).toBe(`${fixture.emulator.url}/_emulator/avatars/${user.zaloAppUserId}.svg`);
    const avatar = await fetch(body.picture.data.url);
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("returns only the requested fields, and always the id", async () => {
    const user = await fixture.createUser();
    const response = await fixture.get("/v2.0/me?fields=name,picture", { access_token: user.accessToken });
    const body = (await response.json()) as object;
    expect(Object.keys(body).sort()).toEqual(["error", "id", "message", "name", "picture"]);
  });

  it("reports is_follower false for a user who does not follow the OA", async () => {
    const user = await fixture.createUser();
    const body = await (await fixture.get("/v2.0/me", { access_token: user.accessToken })).json();
    expect(body).toMatchObject({ is_follower: false, user_id_by_oa: user.zaloOaUserId });
  });

  it("answers -216 with HTTP 200 for an unknown token", async () => {
    const response = await fixture.get("/v2.0/me", { access_token: "not-a-token" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ error: -216, message: "Access token is invalid" });
  });

  it("answers -216 without an access_token header, even with a Bearer token", async () => {
    const user = await fixture.createUser();
    const response = await fixture.get("/v2.0/me", { authorization: `Bearer ${user.accessToken}` });
    expect(await response.json()).toMatchObject({ error: -216 });
  });

  it("answers -216 for a revoked token while the user's other tokens keep working", async () => {
    const user = await fixture.createUser();
    const extra = await fixture.post(`/_emulator/users/${user.zaloAppUserId}/tokens`, {});
    expect(extra.status).toBe(201);
    const { accessToken: secondToken } = (await extra.json()) as { accessToken: string };
    expect(secondToken).not.toBe(user.accessToken);

    const revoke = await fixture.post("/_emulator/tokens/revoke", { accessToken: user.accessToken });
    expect(revoke.status).toBe(200);

    const revoked = await fixture.get("/v2.0/me", { access_token: user.accessToken });
    expect(await revoked.json()).toMatchObject({ error: -216 });
    const stillValid = await fixture.get("/v2.0/me", { access_token: secondToken });
    expect(await stillValid.json()).toMatchObject({ error: 0, id: user.zaloAppUserId });
  });
});

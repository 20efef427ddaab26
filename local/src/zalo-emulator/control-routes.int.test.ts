import { describe, expect, it } from "vitest";
import type { CreatedUser } from "./emulator-fixture.js";
import { emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();

describe("POST /_emulator/users", () => {
  it("creates a user with two distinct numeric ids and a token", async () => {
    const body = { name: "Trần Thị Bình", phone: "0912345678", follower: true };
    const response = await fixture.post("/_emulator/users", body);
    expect(response.status).toBe(201);
    const user = (await response.json()) as CreatedUser;
    expect(user.zaloAppUserId).toMatch(/^[1-9]\d{15,18}$/);
    expect(user.zaloOaUserId).toMatch(/^[1-9]\d{15,18}$/);
    expect(user.zaloOaUserId).not.toBe(user.zaloAppUserId);
    expect(user.accessToken.length).toBeGreaterThanOrEqual(32);
    expect(user).toMatchObject({ name: "Trần Thị Bình", phone: "84912345678", follower: true });
  });

  it.each(["0912345678", "84912345678", "+84912345678"])("normalises the phone form %s", async (phone) => {
    const user = await fixture.createUser({ phone });
    expect(user.phone).toBe("84912345678");
  });

  it("defaults follower to false and keeps a fixed id for stable seeds", async () => {
    const user = await fixture.createUser({ zaloAppUserId: "1234567890123456789" });
    expect(user).toMatchObject({ zaloAppUserId: "1234567890123456789", follower: false });
    const again = await fixture.post("/_emulator/users", { name: "X", zaloAppUserId: "1234567890123456789" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: -409 });
  });

  it.each([
    ["no name", { phone: "0912345678" }],
    ["blank name", { name: "  " }],
    ["bad phone", { name: "A", phone: "12345" }],
    ["follower not boolean", { name: "A", follower: "yes" }],
    ["id not numeric", { name: "A", zaloAppUserId: "abc" }],
  ])("answers 400 with -201 for %s", async (_label, body) => {
    const response = await fixture.post("/_emulator/users", body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: number; message: string };
    expect(error.error).toBe(-201);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await fixture.post("/_emulator/users", "{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: -201, message: "Body must be JSON" });
  });
});

describe("follow state, tokens, listing and reset", () => {
  it("changes the follow state seen by /v2.0/me", async () => {
    const user = await fixture.createUser();
    const response = await fixture.post(`/_emulator/users/${user.zaloAppUserId}/follow`, { follower: true });
    expect(response.status).toBe(200);
    const me = await (await fixture.get("/v2.0/me", { access_token: user.accessToken })).json();
    expect(me).toMatchObject({ is_follower: true });
  });

  it("answers 404 for an unknown user and for revoking an unknown token", async () => {
    expect((await fixture.post("/_emulator/users/1111111111111111/follow", { follower: true })).status).toBe(404);
    expect((await fixture.post("/_emulator/users/1111111111111111/tokens", {})).status).toBe(404);
    expect((await fixture.post("/_emulator/tokens/revoke", { accessToken: "nope" })).status).toBe(404);
  });

  it("lists users with their tokens, and reset forgets everything", async () => {
    const user = await fixture.createUser();
    const list = (await (await fixture.get("/_emulator/users")).json()) as {
      users: Array<{ zaloAppUserId: string; accessTokens: string[] }>;
    };
    expect(list.users.find((listed) => listed.zaloAppUserId === user.zaloAppUserId)?.accessTokens).toEqual([
      user.accessToken,
    ]);

    expect((await fixture.post("/_emulator/reset", {})).status).toBe(200);
    expect(await (await fixture.get("/_emulator/users")).json()).toEqual({ users: [] });
    expect(await (await fixture.get("/_emulator/messages")).json()).toEqual({ messages: [] });
    expect(await (await fixture.get("/v2.0/me", { access_token: user.accessToken })).json()).toMatchObject({
      error: -216,
    });
  });
});

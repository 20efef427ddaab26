import { describe, expect, it } from "vitest";
import type { CreatedUser } from "./emulator-fixture.js";
import { fixtureConfig, emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();

function exchange(accessToken: string, code: string, secretKey: string = fixtureConfig.appSecret) {
  return fixture.get("/v2.0/me/info", { access_token: accessToken, code, secret_key: secretKey });
}

describe("GET /v2.0/me/info (phone exchange)", () => {
  it("returns the user's number in the 84… form", async () => {
    const user = await fixture.createUser({ phone: "+84987654321" });
    const response = await exchange(user.accessToken, await fixture.issuePhoneToken(user.accessToken));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { number: "84987654321" }, error: 0, message: "Success" });
  });

  it("refuses a code used twice", async () => {
    const user = await fixture.createUser();
    const code = await fixture.issuePhoneToken(user.accessToken);
    expect(await (await exchange(user.accessToken, code)).json()).toMatchObject({ error: 0 });
    expect(await (await exchange(user.accessToken, code)).json()).toEqual({
      error: -201,
      message: "code has already been used",
    });
  });

  it("refuses a code older than 2 minutes", async () => {
    const user = await fixture.createUser();
    const code = await fixture.issuePhoneToken(user.accessToken);
    fixture.advanceClock(120_001);
    expect(await (await exchange(user.accessToken, code)).json()).toEqual({
      error: -201,
      message: "code has expired",
    });
  });

  it("accepts a code just before it expires", async () => {
    const user = await fixture.createUser();
    const code = await fixture.issuePhoneToken(user.accessToken);
    fixture.advanceClock(119_000);
    expect(await (await exchange(user.accessToken, code)).json()).toMatchObject({ error: 0 });
  });

  it("refuses a wrong secret_key with -124 and leaves the code usable", async () => {
    const user = await fixture.createUser();
    const code = await fixture.issuePhoneToken(user.accessToken);
    expect(await (await exchange(user.accessToken, code, "wrong-secret")).json()).toEqual({
      error: -124,
      message: "Invalid secret key",
    });
    expect(await (await exchange(user.accessToken, code)).json()).toMatchObject({ error: 0 });
  });

  it("refuses a code issued to another user", async () => {
    const owner = await fixture.createUser();
    const other = await fixture.createUser({ phone: "0900000001" });
    const code = await fixture.issuePhoneToken(owner.accessToken);
    expect(await (await exchange(other.accessToken, code)).json()).toEqual({
      error: -201,
      message: "code was not issued for this access token",
    });
  });

  it("refuses an unknown code and an invalid access token", async () => {
    const user = await fixture.createUser();
    expect(await (await exchange(user.accessToken, "made-up")).json()).toMatchObject({
      error: -201,
      message: "code is invalid",
    });
    const code = await fixture.issuePhoneToken(user.accessToken);
    expect(await (await exchange("bad-token", code)).json()).toMatchObject({ error: -216 });
  });

  it("reports a user without a phone number", async () => {
    const response = await fixture.post("/_emulator/users", { name: "Không Số" });
    const user = (await response.json()) as CreatedUser;
    expect(user.phone).toBeNull();
    expect(await (await exchange(user.accessToken, await fixture.issuePhoneToken(user.accessToken))).json()).toEqual({
      error: -201,
      message: "User has no phone number",
    });
  });

  it("will not issue a phone token for an invalid access token", async () => {
    const response = await fixture.post("/_emulator/phone-tokens", { accessToken: "bad-token" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: -216 });
  });
});

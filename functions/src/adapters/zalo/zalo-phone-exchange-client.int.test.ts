import { beforeAll, describe, expect, it } from "vitest";
import { fixtureConfig, emulatorForThisFile } from "../../../test/zalo-emulator-fixture.js";
import { ZaloApiError } from "./zalo-graph-client.js";
import { ZaloPhoneExchangeClient } from "./zalo-phone-exchange-client.js";

const fixture = emulatorForThisFile();
let client: ZaloPhoneExchangeClient;
beforeAll(() => {
  client = new ZaloPhoneExchangeClient({ baseUrl: fixture.emulator.url, appSecret: fixtureConfig.appSecret });
});

describe("phone exchange against the Zalo emulator", () => {
  it("valid: gives the user's number", async () => {
    const user = await fixture.createUser({ phone: "0987654321" });
    expect(await client.exchange(user.accessToken, await fixture.issuePhoneToken(user.accessToken))).toEqual({
      kind: "verified",
      phone: "84987654321",
    });
  });

  it("reused: a token works once", async () => {
    const user = await fixture.createUser();
    const token = await fixture.issuePhoneToken(user.accessToken);
    expect((await client.exchange(user.accessToken, token)).kind).toBe("verified");
    expect(await client.exchange(user.accessToken, token)).toEqual({ kind: "invalid_phone_token" });
  });

  it("expired: refused after 2 minutes, accepted just before", async () => {
    const user = await fixture.createUser();
    const late = await fixture.issuePhoneToken(user.accessToken);
    fixture.advanceClock(120_001);
    expect(await client.exchange(user.accessToken, late)).toEqual({ kind: "invalid_phone_token" });
    const inTime = await fixture.issuePhoneToken(user.accessToken);
    fixture.advanceClock(119_000);
    expect((await client.exchange(user.accessToken, inTime)).kind).toBe("verified");
  });

  it("wrong secret: a configuration fault (thrown), and the token stays usable", async () => {
    const user = await fixture.createUser();
    const token = await fixture.issuePhoneToken(user.accessToken);
    const misconfigured = new ZaloPhoneExchangeClient({ baseUrl: fixture.emulator.url, appSecret: "not-the-secret" });
    await expect(misconfigured.exchange(user.accessToken, token)).rejects.toBeInstanceOf(ZaloApiError);
    expect((await client.exchange(user.accessToken, token)).kind).toBe("verified");
  });

  it("another user's token and an invalid access token", async () => {
    const owner = await fixture.createUser();
    const other = await fixture.createUser({ phone: "0900000001" });
    expect(await client.exchange(other.accessToken, await fixture.issuePhoneToken(owner.accessToken))).toEqual({
      kind: "invalid_phone_token",
    });
    expect(await client.exchange("not-a-token", "whatever")).toEqual({ kind: "invalid_access_token" });
  });
});

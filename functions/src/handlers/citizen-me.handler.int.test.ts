import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstIngestEvent, marriageRegistrationEvent, signedIngestRequest } from "../../test/builders.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startTestStack } from "../../test/test-stack.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { citizenInputLimits } from "./citizen-api.handler.js";
import { citizenMessages } from "./citizen-messages.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let api: HttpHandler;

const applicantPhone = "0987654321";
/** Received on successive days: the newest is the last one. */
const ownCodes = ["ME-0001", "ME-0002", "ME-0003"];

beforeAll(async () => {
  stack = await startTestStack();
  const handlers = httpHandlersFrom(composeDependencies(stack.config));
  api = handlers.api;
  const dossiers = [...ownCodes.map((code) => ({ code, phone: applicantPhone })), { code: "OTHER-0001", phone: "0911111111" }];
  const events = dossiers.map(({ code, phone }, i) =>
    firstIngestEvent(code, {
      eventId: `me-${i}`,
      occurredAt: `2026-11-2${i}T08:00:00+07:00`,
      note: "Bổ sung bản sao giấy khai sinh",
      ...marriageRegistrationEvent,
      applicantPhone: phone,
      dueAt: "2026-11-29T17:00:00+07:00",
    }),
  );
  const response = await handlers.ingest(signedIngestRequest(events, String(Math.floor(Date.now() / 1000))));
  expect(response.statusCode).toBe(200);
});
afterAll(async () => stack.stop());

async function call(routeKey: string, accessToken: string, options: { body?: string; query?: string; pathCode?: string } = {}) {
  const [, path = ""] = routeKey.split(" ");
  const response = await api(
    apiGatewayEvent({
      routeKey,
      rawPath: options.pathCode ? path.replace("{code}", options.pathCode) : path,
      ...(options.pathCode ? { pathParameters: { code: options.pathCode } } : {}),
      rawQueryString: options.query ?? "",
      headers: { authorization: `Bearer ${accessToken}`, ...(options.body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(options.body !== undefined ? { body: options.body } : {}),
    }),
  );
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

async function phoneToken(accessToken: string): Promise<string> {
  const response = await fetch(`${stack.emulator.url}/_emulator/phone-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessToken }),
  });
  return ((await response.json()) as { token: string }).token;
}

const verify = async (accessToken: string, token?: string) =>
  call("POST /v1/me/phone", accessToken, { body: JSON.stringify({ token: token ?? (await phoneToken(accessToken)) }) });

describe("citizen profile, phone verification and my dossiers", () => {
  it("GET /v1/me: no phone yet, follower state from Zalo's Graph API", async () => {
    const user = await stack.createZaloUser("Trần Thị Bình", applicantPhone);
    const { status, body } = await call("GET /v1/me", user.accessToken);
    expect(status).toBe(200);
    expect(body).toEqual({
      name: "Trần Thị Bình",
      phone: null,
      follower: { isFollower: true, knownAt: expect.any(String) },
      consent: { phone: { givenAt: null, withdrawnAt: null } },
      // Announcements are opt-in: off until the citizen turns them on.
      announcements: { subscribed: false, changedAt: null, receiving: false },
      isStaff: false,
    });
    // Unfollowing in Zalo shows on the next GET /v1/me, even while the token is in the short cache.
    await fetch(`${stack.emulator.url}/_emulator/users/${user.zaloAppUserId}/follow`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ follower: false }),
    });
    expect((await call("GET /v1/me", user.accessToken)).body.follower.isFollower).toBe(false);
  });

  it("GET /v1/me says whether the user is staff (the configured first admin, or a staff record), so citizens never ask the staff routes", async () => {
    const admin = await stack.createZaloUser("Lê Văn Quản");
    const officer = await stack.createZaloUser("Phạm Thu Hà");
    const handlers = httpHandlersFrom(composeDependencies({ ...stack.config, firstAdminZaloAppUserId: admin.zaloAppUserId }));
    const me = async (accessToken: string) =>
      JSON.parse(String((await handlers.api(apiGatewayEvent({ routeKey: "GET /v1/me", rawPath: "/v1/me", headers: { authorization: `Bearer ${accessToken}` } }))).body));
    expect((await me(admin.accessToken)).isStaff).toBe(true);
    expect((await me(officer.accessToken)).isStaff).toBe(false);
    const added = await handlers.admin(
      apiGatewayEvent({
        routeKey: "PUT /v1/admin/staff/{zaloAppUserId}",
        rawPath: `/v1/admin/staff/${officer.zaloAppUserId}`,
        pathParameters: { zaloAppUserId: officer.zaloAppUserId },
        headers: { authorization: `Bearer ${admin.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Phạm Thu Hà", role: "officer", agencyCodes: ["000.00.20.H27"], allAgencies: false }),
      }),
    );
    expect(added.statusCode).toBe(200);
    expect((await me(officer.accessToken)).isStaff).toBe(true);
  });

  it("verify → my dossiers newest first in owner view, paginated → owner view by code without k → withdraw", async () => {
    const user = await stack.createZaloUser("Trần Thị Bình", applicantPhone);
    expect((await call("GET /v1/me/dossiers", user.accessToken)).body.error.code).toBe("PHONE_NOT_VERIFIED");
    expect((await call("GET /v1/dossiers/{code}", user.accessToken, { pathCode: "ME-0001" })).body.view).toBe("public");

    const verified = await verify(user.accessToken);
    expect(verified).toMatchObject({ status: 200, body: { phone: { masked: "84******321" }, consent: { phone: { givenAt: expect.any(String) } } } });
    expect(JSON.stringify(verified.body)).not.toContain("987654321");

    const first = await call("GET /v1/me/dossiers", user.accessToken, { query: "limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.dossiers.map((d: { code: string }) => d.code)).toEqual(["ME-0003", "ME-0002"]);
    expect(first.body.dossiers[0]).toMatchObject({ view: "owner", applicantName: "Trần Thị Bình", statusLabel: "Được tiếp nhận" });
    const second = await call("GET /v1/me/dossiers", user.accessToken, { query: `limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.dossiers.map((d: { code: string }) => d.code)).toEqual(["ME-0001"]);

    const byCode = await call("GET /v1/dossiers/{code}", user.accessToken, { pathCode: "ME-0001" });
    expect(byCode.body).toMatchObject({ view: "owner", timeline: [{ note: "Bổ sung bản sao giấy khai sinh" }] });
    expect((await call("GET /v1/dossiers/{code}", user.accessToken, { pathCode: "OTHER-0001" })).body.view).toBe("public");

    const withdrawn = await call("DELETE /v1/me/phone", user.accessToken);
    expect(withdrawn).toMatchObject({ status: 200, body: { phone: null, consent: { phone: { givenAt: null, withdrawnAt: expect.any(String) } } } });
    expect((await call("GET /v1/me/dossiers", user.accessToken)).status).toBe(403);
    expect((await call("GET /v1/dossiers/{code}", user.accessToken, { pathCode: "ME-0001" })).body.view).toBe("public");
    expect((await call("GET /v1/me", user.accessToken)).body.phone).toBeNull();
  });

  it("a verified phone with no dossiers lists nothing", async () => {
    const user = await stack.createZaloUser("Lê Văn Cường", "0355555555");
    await verify(user.accessToken);
    expect((await call("GET /v1/me/dossiers", user.accessToken)).body).toEqual({ dossiers: [], nextCursor: null });
  });

  it("refuses a phone token used twice or made up, and stores nothing", async () => {
    const user = await stack.createZaloUser("Phạm Văn Dũng", applicantPhone);
    const token = await phoneToken(user.accessToken);
    const other = await stack.createZaloUser("Người khác", "0922222222");
    expect((await verify(other.accessToken, token)).body.error.code).toBe("INVALID_PHONE_TOKEN");
    expect((await verify(user.accessToken, "made-up")).status).toBe(400);
    expect((await call("GET /v1/me", user.accessToken)).body.phone).toBeNull();
    expect((await verify(user.accessToken, token)).status).toBe(200);
    const reused = await verify(user.accessToken, token);
    expect(reused).toMatchObject({ status: 400, body: { error: { code: "INVALID_PHONE_TOKEN", message: expect.stringMatching(/hết hạn/) } } });
  });

  it("validates the body: token length at the limit and past it, unknown fields, not JSON", async () => {
    const user = await stack.createZaloUser();
    const atLimit = await verify(user.accessToken, "x".repeat(citizenInputLimits.phoneTokenMaxLength));
    expect(atLimit.body.error.code).toBe("INVALID_PHONE_TOKEN");
    for (const body of [
      JSON.stringify({ token: "x".repeat(citizenInputLimits.phoneTokenMaxLength + 1) }),
      JSON.stringify({ token: "" }),
      JSON.stringify({ token: "abc", phone: "0912345678" }),
      JSON.stringify({ token: "\u202e" }),
      '{"token": "abc\\ud800"}',
      JSON.stringify({ token: "mã-xác-nhận" }),
      "{not json",
      "",
    ]) {
      const answer = await call("POST /v1/me/phone", user.accessToken, { body });
      expect(answer).toMatchObject({ status: 400, body: { error: { code: "INVALID_BODY", message: expect.stringMatching(/không hợp lệ/) } } });
    }
  });

  it("validates the list query: limit 1..50, cursors it handed out", async () => {
    const user = await stack.createZaloUser("Trần Thị Bình", applicantPhone);
    await verify(user.accessToken);
    const max = citizenInputLimits.dossiersPageMax;
    expect((await call("GET /v1/me/dossiers", user.accessToken, { query: `limit=${max}` })).status).toBe(200);
    expect((await call("GET /v1/me/dossiers", user.accessToken, { query: "limit=1" })).body.dossiers).toHaveLength(1);
    for (const query of [`limit=${max + 1}`, "limit=0", "limit=abc", `cursor=${"a".repeat(201)}`, "other=1"]) {
      expect((await call("GET /v1/me/dossiers", user.accessToken, { query })).body.error.code).toBe("INVALID_QUERY");
    }
    const bogus = await call("GET /v1/me/dossiers", user.accessToken, { query: "cursor=bogus" });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error).toEqual({ code: "INVALID_CURSOR", message: citizenMessages.invalidCursor });
  });

  it("401 for every /v1/me route without a valid Zalo token", async () => {
    for (const routeKey of ["GET /v1/me", "POST /v1/me/phone", "DELETE /v1/me/phone", "GET /v1/me/dossiers"]) {
      expect((await call(routeKey, "not-a-token", { body: "{}" })).status).toBe(401);
    }
  });
});

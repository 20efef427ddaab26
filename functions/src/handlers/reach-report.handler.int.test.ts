import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backdatedRatings } from "../../test/backdated-rating.js";
import { routeRequest } from "../../test/api-gateway-event.js";
import { appointStaff, signedIngestRequest } from "../../test/builders.js";
import { startTestStack } from "../../test/test-stack.js";
import { FixedClock } from "../adapters/in-memory/fixed-clock.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import type { RatingInput } from "../domain/rating.js";

const agencyA = "000.00.20.H27";
const agencyB = "000.00.21.H27";
const phones = { follower: "0911111111", laterFollower: "0922222222", znsA2: "0987654321", znsA4: "0977777777", laterMobileB1: "0966666666" };
const landline = "02043854321";

// Every request happens at this instant (10:00 in Vietnam, outside the ZNS quiet hours pinned below).
const clock = new FixedClock(new Date("2026-02-20T03:00:00.000Z"));

let stack: Awaited<ReturnType<typeof startTestStack>>;
let deps: ReturnType<typeof composeDependencies>;
let handlers: { admin: HttpHandler; api: HttpHandler; ingest: HttpHandler };
const users = {} as Record<"admin" | "officerA" | "follower" | "laterFollower" | "viewer", { zaloAppUserId: string; zaloOaUserId: string; accessToken: string }>;

const code = (agency: string, day: string, n: number) => `${agency}-${day}-000${n}`;
const codes = {
  A1: code(agencyA, "260105", 1),
  A2: code(agencyA, "260112", 1),
  A3: code(agencyA, "260120", 1),
  A4: code(agencyA, "260203", 1),
  B1: code(agencyB, "260108", 1),
  B2: code(agencyB, "260204", 1),
  B3: code(agencyB, "260210", 1),
};

function dossierOf(agency: string, receivedAt: string, applicantPhone: string | undefined) {
  return {
    agencyCode: agency,
    agencyName: agency === agencyA ? "UBND phường Kinh Bắc" : "UBND xã Tiên Du",
    procedureCode: "1.001193.000.00.00.H27",
    procedureName: "Đăng ký khai sinh",
    applicantName: "Nguyễn Văn An",
    ...(applicantPhone === undefined ? {} : { applicantPhone }),
    receivedAt,
    dueAt: new Date(Date.parse(receivedAt) + 5 * 86_400_000).toISOString(),
  };
}

const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/** One dossier's events: received (with its details), then the statuses that follow, an hour apart. */
function events(dossierCode: string, agency: string, receivedAt: string, phone: string | undefined, statuses: number[], update?: { atStatus: number; phone: string }) {
  return [2, ...statuses].map((status, i) => ({
    eventId: `${dossierCode}-${i}`,
    dossierCode,
    status,
    occurredAt: later(receivedAt, i),
    ...(i === 0 ? { dossier: dossierOf(agency, receivedAt, phone) } : {}),
    ...(update && status === update.atStatus ? { dossier: dossierOf(agency, receivedAt, update.phone) } : {}),
  }));
}

async function ingest(batch: unknown[]) {
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  const response = await handlers.ingest(signedIngestRequest(batch, timestamp));
  expect(response.statusCode).toBe(200);
  const results = (JSON.parse(String(response.body)) as { results: { outcome: string }[] }).results;
  expect(results.every((result) => result.outcome === "applied")).toBe(true);
}

function call(handler: HttpHandler, routeKey: string, options: { token: string; query?: string; path?: string; pathParameters?: Record<string, string>; body?: unknown }) {
  return handler(
    routeRequest(routeKey, { ...(options.path ? { rawPath: options.path } : {}), query: options.query, pathParameters: options.pathParameters, token: options.token, body: options.body }),
  );
}

const lookUp = async (dossierCode: string, token = users.viewer.accessToken) => {
  const segment = dossierCodeToPathSegment(dossierCode);
  const response = await call(handlers.api, "GET /v1/dossiers/{code}", { token, path: `/v1/dossiers/${segment}`, pathParameters: { code: segment } });
  expect(response.statusCode).toBe(200);
};

async function verifyPhone(user: { accessToken: string }) {
  const tokenResponse = await fetch(`${stack.emulator.url}/_emulator/phone-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessToken: user.accessToken }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  const response = await call(handlers.api, "POST /v1/me/phone", { token: user.accessToken, body: { token } });
  expect(response.statusCode).toBe(200);
}

let followSecond = 0;
async function follow(user: { zaloAppUserId: string; zaloOaUserId: string }, eventName: "follow" | "unfollow" = "follow") {
  followSecond += 1;
  return deps.webhook.handleEvent({
    eventName,
    timestampMs: clock.now().getTime() + followSecond * 1000,
    userIdByApp: user.zaloAppUserId,
    followerId: user.zaloOaUserId,
    senderId: null,
    msgId: null,
    text: null,
  });
}

async function deliverEveryPendingMessage() {
  const scanned = await stack.table.documentClient.send(
    new ScanCommand({ TableName: stack.config.tableName, FilterExpression: "#type = :outbox AND #state = :pending", ExpressionAttributeNames: { "#type": "type", "#state": "state" }, ExpressionAttributeValues: { ":outbox": "OutboxItem", ":pending": "pending" } }),
  );
  const results: Record<string, string> = {};
  for (const item of scanned.Items ?? []) results[String(item.id)] = await deps.deliverNotification(String(item.id));
  return results;
}

const happy: RatingInput = { attitude: "rat_hai_long", result: "hai_long", overall: "rat_hai_long", reason: null, comment: null };
const reach = (query: string, token = users.admin.accessToken) => call(handlers.admin, "GET /v1/admin/reach", { token, query });
const bodyOf = (response: { body?: string }) => JSON.parse(String(response.body));

beforeAll(async () => {
  stack = await startTestStack({ ZALO_ZNS_QUIET_HOURS: "22:00-06:00" });
  users.admin = await stack.createZaloUser("Lê Minh Quân", "0900000001", false);
  users.officerA = await stack.createZaloUser("Phạm Thu Hà", "0900000002", false);
  users.follower = await stack.createZaloUser("Trần Thị Bình", phones.follower, true);
  users.laterFollower = await stack.createZaloUser("Đỗ Văn Hùng", phones.laterFollower, true);
  users.viewer = await stack.createZaloUser("Vũ Thị Lan", "0933333333", false);
  stack.config.firstAdminZaloAppUserId = users.admin.zaloAppUserId;
  deps = composeDependencies(stack.config, { clock });
  handlers = httpHandlersFrom(deps);
  await appointStaff(handlers.admin, users.admin.accessToken, users.officerA, { name: "Cán bộ một cửa", agencyCodes: [agencyA] });

  await ingest([
    ...events(codes.A1, agencyA, "2026-01-05T02:00:00.000Z", phones.follower, [9]),
    ...events(codes.A2, agencyA, "2026-01-12T02:00:00.000Z", phones.znsA2, [9]),
    ...events(codes.A3, agencyA, "2026-01-20T02:00:00.000Z", landline, []),
    // Received on 1 February, 06:30 in Vietnam (still 31 January in UTC): a February dossier.
    ...events(codes.A4, agencyA, "2026-01-31T23:30:00.000Z", phones.znsA4, [10]),
    // A landline on the receipt, a mobile number given at the next step: reachable later, counted once.
    ...events(codes.B1, agencyB, "2026-01-08T02:00:00.000Z", landline, [4, 9], { atStatus: 4, phone: phones.laterMobileB1 }),
    ...events(codes.B2, agencyB, "2026-02-04T02:00:00.000Z", phones.laterFollower, []),
    ...events(codes.B3, agencyB, "2026-02-10T02:00:00.000Z", undefined, []),
  ]);

  // The follower verifies the phone in the Mini App, then follows the OA: a follower gained for A1's desk.
  await verifyPhone(users.follower);
  expect(await follow(users.follower)).toBe("recorded");
  expect(await follow(users.follower, "unfollow")).toBe("recorded");
  expect(await follow(users.follower)).toBe("recorded");
  // Followed before verifying a phone in the Mini App: not counted as gained by a desk, but messaged on OA.
  expect(await follow(users.laterFollower)).toBe("recorded");
  await verifyPhone(users.laterFollower);

  const delivered = Object.values(await deliverEveryPendingMessage());
  expect(delivered.filter((result) => result === "sent").length).toBeGreaterThan(0);

  await lookUp(codes.A1);
  await lookUp(codes.A3);
  await lookUp(codes.A4);
  await lookUp(codes.A4, users.follower.accessToken);
  await lookUp(codes.B2);
  for (const dossierCode of [codes.A1, codes.A4]) {
    expect((await backdatedRatings(stack.config)({ code: dossierCode, rating: happy, at: clock.now() })).kind).toBe("saved");
  }
  // A changed rating is the same rated dossier.
  expect((await backdatedRatings(stack.config)({ code: codes.A1, rating: { ...happy, attitude: "hai_long" }, at: clock.now() })).kind).toBe("saved");
});

afterAll(async () => stack?.stop());

const counts = (c: { dossiers: number; reachable: number; oa: number; zns: number; notified: number; viewed: number; finished: number; rated: number; followersGained: number }) => ({
  dossiers: c.dossiers,
  reachable: c.reachable,
  notified: { total: c.notified, oa: c.oa, zns: c.zns },
  viewed: c.viewed,
  finished: c.finished,
  rated: c.rated,
  followersGained: c.followersGained,
});

const expected = {
  a202601: counts({ dossiers: 3, reachable: 2, notified: 2, oa: 1, zns: 1, viewed: 2, finished: 2, rated: 1, followersGained: 1 }),
  a202602: counts({ dossiers: 1, reachable: 1, notified: 1, oa: 0, zns: 1, viewed: 1, finished: 1, rated: 1, followersGained: 0 }),
  b202601: counts({ dossiers: 1, reachable: 1, notified: 1, oa: 0, zns: 1, viewed: 0, finished: 1, rated: 0, followersGained: 0 }),
  b202602: counts({ dossiers: 2, reachable: 1, notified: 1, oa: 1, zns: 0, viewed: 1, finished: 0, rated: 0, followersGained: 0 }),
};

describe("GET /v1/admin/reach", () => {
  it("gives an admin exact counts per month, per agency and in total, and shares of them", async () => {
    const response = await reach("from=2026-01&to=2026-02");
    expect(response.statusCode).toBe(200);
    const report = bodyOf(response);
    expect(report.months.map((m: { month: string }) => m.month)).toEqual(["2026-01", "2026-02"]);
    expect(report.months[0]).toMatchObject(counts({ dossiers: 4, reachable: 3, notified: 3, oa: 1, zns: 2, viewed: 2, finished: 3, rated: 1, followersGained: 1 }));
    expect(report.months[1]).toMatchObject(counts({ dossiers: 3, reachable: 2, notified: 2, oa: 1, zns: 1, viewed: 2, finished: 1, rated: 1, followersGained: 0 }));
    const byAgency = Object.fromEntries(report.agencies.map((a: { agencyCode: string }) => [a.agencyCode, a]));
    expect(byAgency[agencyA]).toMatchObject(counts({ dossiers: 4, reachable: 3, notified: 3, oa: 1, zns: 2, viewed: 3, finished: 3, rated: 2, followersGained: 1 }));
    expect(byAgency[agencyB]).toMatchObject(counts({ dossiers: 3, reachable: 2, notified: 2, oa: 1, zns: 1, viewed: 1, finished: 1, rated: 0, followersGained: 0 }));
    expect(report.total).toMatchObject(counts({ dossiers: 7, reachable: 5, notified: 5, oa: 2, zns: 3, viewed: 4, finished: 4, rated: 2, followersGained: 1 }));
    expect(report.total.shares).toEqual({ reachable: 5 / 7, notified: 5 / 7, viewed: 4 / 7, rated: 2 / 4 });
    // Two desks of a handful of dossiers: listed with their numbers, not ranked against each other.
    expect(report.agencies.map((a: { rank: number | null; fewDossiers: boolean }) => [a.rank, a.fewDossiers])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it("counts each month of each agency on its own", async () => {
    const one = async (query: string) => bodyOf(await reach(query)).total;
    expect(await one(`from=2026-01&to=2026-01&agency=${agencyA}`)).toMatchObject(expected.a202601);
    expect(await one(`from=2026-02&to=2026-02&agency=${agencyA}`)).toMatchObject(expected.a202602);
    expect(await one(`from=2026-01&to=2026-01&agency=${agencyB}`)).toMatchObject(expected.b202601);
    expect(await one(`from=2026-02&to=2026-02&agency=${agencyB}`)).toMatchObject(expected.b202602);
  });

  it("answers aggregates only: no dossier code, phone or name", async () => {
    const text = String((await reach("from=2026-01&to=2026-02")).body);
    for (const secret of [...Object.values(codes), ...Object.values(phones), "Nguyễn Văn An", "841", "849"]) expect(text).not.toContain(secret);
  });

  it("writes nothing on a repeated lookup and counts a dossier viewed once", async () => {
    const marks = async () =>
      (await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.dossierReach(codes.A1), ConsistentRead: true }))).Item;
    const before = await marks();
    expect(before).toMatchObject({ viewedAt: clock.now().toISOString(), notifiedOaAt: expect.any(String), reachableAt: expect.any(String) });
    clock.advanceSeconds(60);
    await lookUp(codes.A1);
    await lookUp(codes.A1, users.follower.accessToken);
    expect(await marks()).toEqual(before);
    expect(bodyOf(await reach(`from=2026-01&to=2026-01&agency=${agencyA}`)).total.viewed).toBe(2);
  });

  it("shows an officer only their agencies and refuses another agency", async () => {
    const own = await reach("from=2026-01&to=2026-02", users.officerA.accessToken);
    expect(own.statusCode).toBe(200);
    const report = bodyOf(own);
    expect(report.agencies.map((a: { agencyCode: string }) => a.agencyCode)).toEqual([agencyA]);
    expect(report.total).toMatchObject({ dossiers: 4, viewed: 3, rated: 2 });
    const other = await reach(`from=2026-01&to=2026-02&agency=${agencyB}`, users.officerA.accessToken);
    expect(other.statusCode).toBe(403);
    expect(bodyOf(other).error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("phạm vi") });
  });

  it("accepts 1 to 24 months and refuses a bad query with a clear error", async () => {
    expect((await reach("from=2024-03&to=2026-02")).statusCode).toBe(200);
    expect((await reach("from=2026-02&to=2026-02")).statusCode).toBe(200);
    for (const query of ["from=2024-02&to=2026-02", "from=2026-02&to=2026-01", "from=2026-13&to=2026-13", "from=2026-1&to=2026-02", "to=2026-02", "from=2026-01&to=2026-02&x=1", "from=2026-01&from=2026-02&to=2026-02"]) {
      const response = await reach(query);
      expect(response.statusCode, query).toBe(400);
      expect(bodyOf(response).error.message, query).toMatch(/tháng|không hợp lệ/u);
    }
  });
});

describe("GET /v1/admin/reach.csv", () => {
  it("gives admins one line per month and agency; officers are refused", async () => {
    const response = await call(handlers.admin, "GET /v1/admin/reach.csv", { token: users.admin.accessToken, query: "from=2026-01&to=2026-02" });
    expect(response.statusCode).toBe(200);
    expect(response.headers?.["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = String(response.body).replace(/^\uFEFF/u, "").trim().split("\r\n");
    expect(lines[0]).toContain("Tháng tiếp nhận");
    expect(lines.slice(1)).toEqual([
      `2026-01,${agencyA},3,2,2,1,1,2,2,1,1`,
      `2026-01,${agencyB},1,1,1,0,1,0,1,0,0`,
      `2026-02,${agencyA},1,1,1,0,1,1,1,1,0`,
      `2026-02,${agencyB},2,1,1,1,0,1,0,0,0`,
    ]);
    const officer = await call(handlers.admin, "GET /v1/admin/reach.csv", { token: users.officerA.accessToken, query: "from=2026-01&to=2026-02" });
    expect(officer.statusCode).toBe(403);
  });
});

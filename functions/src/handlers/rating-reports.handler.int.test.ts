import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backdatedRatings } from "../../test/backdated-rating.js";
import { routeRequest } from "../../test/api-gateway-event.js";
import { appointStaff, firstIngestEvent, signedIngestRequest } from "../../test/builders.js";
import { startTestStack } from "../../test/test-stack.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { shiftedClock } from "../adapters/system/shifted-clock.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import type { RatingInput } from "../domain/rating.js";
import { vietnamCalendarDay } from "../domain/vietnam-time.js";

const agencyA = "000.00.20.H27";
const agencyB = "000.00.21.H27";
const secretOfB = "Bí mật của cơ quan B";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let deps: ReturnType<typeof composeDependencies>;
let admin: HttpHandler;
const tokens = { admin: "", officer: "", otherOfficer: "" };
const ids = { admin: "", officer: "", otherOfficer: "" };

const happy: RatingInput = { attitude: "rat_hai_long", result: "hai_long", overall: "rat_hai_long", reason: null, comment: null };

/** A dossier received on `day`, due five days later, finished (status 9) after `finishAfterDays`, rated at `ratedAt`. */
const dossiers: { code: string; agency: string; procedure: string; day: string; finishAfterDays: number; ratedAt: string; rating: RatingInput }[] = [
  { code: `${agencyA}-260105-0001`, agency: agencyA, procedure: "P-KHAI-SINH", day: "2026-01-05", finishAfterDays: 2, ratedAt: "2026-01-09T03:00:00.000Z", rating: happy },
  {
    code: `${agencyA}-260106-0001`,
    agency: agencyA,
    procedure: "P-KHAI-SINH",
    day: "2026-01-06",
    finishAfterDays: 9,
    ratedAt: "2026-01-20T03:00:00.000Z",
    rating: { ...happy, result: "khong_hai_long", reason: "Trả kết quả chậm so với ngày hẹn" },
  },
  { code: `${agencyA}-260202-0001`, agency: agencyA, procedure: "P-KET-HON", day: "2026-02-02", finishAfterDays: 5, ratedAt: "2026-02-10T03:00:00.000Z", rating: { ...happy, attitude: "hai_long" } },
  {
    code: `${agencyA}-260302-0001`,
    agency: agencyA,
    procedure: "P-KET-HON",
    day: "2026-03-02",
    finishAfterDays: 1,
    ratedAt: "2026-03-04T03:00:00.000Z",
    rating: { ...happy, comment: '=1+1, cán bộ nói "đợi"\nrồi làm ngay' },
  },
  { code: `${agencyB}-260203-0001`, agency: agencyB, procedure: "P-KHAI-SINH", day: "2026-02-03", finishAfterDays: 1, ratedAt: "2026-02-05T03:00:00.000Z", rating: { ...happy, comment: secretOfB } },
  { code: `${agencyB}-260204-0001`, agency: agencyB, procedure: "P-KHAI-SINH", day: "2026-02-04", finishAfterDays: 2, ratedAt: "2026-02-06T03:00:00.000Z", rating: happy },
];

/** A morning after the rated months, running at real speed: the audit entries of a page fall on one day. */
const clock = shiftedClock(new Date("2026-04-15T10:00:00+07:00"));

async function ingest(events: unknown[]) {
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  const response = await httpHandlersFrom(deps).ingest(signedIngestRequest(events, timestamp));
  expect(response.statusCode).toBe(200);
}

const at = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T01:00:00.000Z`) + plusDays * 86_400_000).toISOString();

beforeAll(async () => {
  stack = await startTestStack();
  const users = {
    admin: await stack.createZaloUser("Lê Minh Quân", "0900000001"),
    officer: await stack.createZaloUser("Phạm Thu Hà", "0900000002"),
    otherOfficer: await stack.createZaloUser("Đỗ Văn Hùng", "0900000003"),
  };
  for (const role of ["admin", "officer", "otherOfficer"] as const) {
    ids[role] = users[role].zaloAppUserId;
    tokens[role] = users[role].accessToken;
  }
  stack.config.firstAdminZaloAppUserId = ids.admin;
  deps = composeDependencies(stack.config, { clock });
  admin = httpHandlersFrom(deps).admin;
  await appointStaff(admin, tokens.admin, users.officer, { agencyCodes: [agencyA] });
  await appointStaff(admin, tokens.admin, users.otherOfficer, { agencyCodes: [agencyB] });
  await ingest(
    dossiers.flatMap((d, i) => [
      firstIngestEvent(d.code, {
        eventId: `report-${i}-1`,
        occurredAt: at(d.day),
        agencyCode: d.agency,
        agencyName: d.agency === agencyA ? "Sở Tư pháp" : "Sở Xây dựng",
        procedureCode: d.procedure,
        procedureName: "Thủ tục",
        dueAt: at(d.day, 5),
      }),
      { eventId: `report-${i}-2`, dossierCode: d.code, status: 9, occurredAt: at(d.day, d.finishAfterDays) },
    ]),
  );
  const rate = backdatedRatings(stack.config);
  for (const d of dossiers) {
    const saved = await rate({ code: d.code, rating: d.rating, at: new Date(d.ratedAt) });
    expect(saved.kind).toBe("saved");
  }
});

afterAll(async () => stack.stop());

function call(routeKey: string, query: string, token: string | null, pathParameters?: Record<string, string>, body?: unknown, handler = admin) {
  return handler(routeRequest(routeKey, { query, token, pathParameters, body }));
}

const summary = (query: string, token: string) => call("GET /v1/admin/ratings/summary", query, token);
const list = (query: string, token: string) => call("GET /v1/admin/ratings", query, token);
const csv = (query: string, token: string, handler = admin) => call("GET /v1/admin/ratings.csv", query, token, undefined, undefined, handler);
const bodyOf = (response: { body?: string }) => JSON.parse(String(response.body));

describe("GET /v1/admin/ratings/summary", () => {
  it("gives an admin every agency: levels per criterion, the national ratio and on-time shares, by month, agency and procedure", async () => {
    const response = await summary("from=2026-01&to=2026-03", tokens.admin);
    expect(response.statusCode).toBe(200);
    const report = bodyOf(response);
    expect(report.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(report.total).toMatchObject({
      ratings: 6,
      dissatisfied: 1,
      late: 1, // the dossier finished 9 days after a 5-day due date; the same one is the dissatisfied one
      // finished on its due day: đúng hạn; 9 days after a 5-day due date: quá hạn; the others earlier: trước hạn
      onTime: { truoc_han: 4, dung_han: 1, qua_han: 1, trong_han: 0, unknown: 0 },
      levels: { attitude: { rat_hai_long: 5, hai_long: 1, khong_hai_long: 0 }, result: { hai_long: 5, khong_hai_long: 1 } },
    });
    expect(report.total.satisfactionRatio).toBeCloseTo(5 / 6, 10);
    expect(report.total.onTimeRatio).toBeCloseTo(5 / 6, 10);
    expect(report.total.onTimeShares.truoc_han).toBeCloseTo(4 / 6, 10);
    expect(report.byMonth.map((m: { month: string; ratings: number }) => [m.month, m.ratings])).toEqual([["2026-01", 2], ["2026-02", 3], ["2026-03", 1]]);
    expect(report.byAgency.map((a: { agencyCode: string; ratings: number }) => [a.agencyCode, a.ratings])).toEqual([[agencyA, 4], [agencyB, 2]]);
    expect(report.byProcedure.map((p: { procedureCode: string; ratings: number }) => [p.procedureCode, p.ratings])).toEqual([["P-KET-HON", 2], ["P-KHAI-SINH", 4]]);
    expect(JSON.stringify(report)).not.toContain(secretOfB); // aggregates only
  });

  it("filters by agency and procedure; an empty range answers zeros and null ratios", async () => {
    const one = bodyOf(await summary(`from=2026-01&to=2026-03&agency=${agencyA}&procedure=P-KET-HON`, tokens.admin));
    expect(one.total.ratings).toBe(2);
    expect(one.byAgency.map((a: { agencyCode: string }) => a.agencyCode)).toEqual([agencyA]);
    const empty = bodyOf(await summary("from=2025-01&to=2025-02", tokens.admin));
    expect(empty.total).toMatchObject({ ratings: 0, satisfactionRatio: null, onTimeRatio: null });
    expect(empty.byMonth).toHaveLength(2);
  });

  it("shows an officer only their agencies, and refuses another agency with 403", async () => {
    const own = await summary("from=2026-01&to=2026-03", tokens.officer);
    expect(own.statusCode).toBe(200);
    const report = bodyOf(own);
    expect(report.total.ratings).toBe(4);
    expect(report.byAgency.map((a: { agencyCode: string }) => a.agencyCode)).toEqual([agencyA]);
    expect(String(own.body)).not.toContain(agencyB);
    const other = await summary(`from=2026-01&to=2026-03&agency=${agencyB}`, tokens.officer);
    expect(other.statusCode).toBe(403);
    expect(bodyOf(other).error.code).toBe("FORBIDDEN");
    const theirs = await summary("from=2026-01&to=2026-03", tokens.otherOfficer);
    expect(bodyOf(theirs).total.ratings).toBe(2);
    expect(String(theirs.body)).not.toContain(agencyA);
  });

  it("allows 24 months and refuses 25; refuses bad months, reversed ranges and unknown parameters with a JSON error", async () => {
    expect((await summary("from=2025-01&to=2026-12", tokens.admin)).statusCode).toBe(200);
    const tooLong = await summary("from=2025-01&to=2027-01", tokens.admin);
    expect(tooLong.statusCode).toBe(400);
    expect(bodyOf(tooLong).error).toMatchObject({ code: "RANGE_TOO_LONG", message: expect.stringContaining("24 tháng") });
    expect(bodyOf(await summary("from=2026-03&to=2026-01", tokens.admin)).error.code).toBe("RANGE_TOO_LONG");
    for (const query of ["from=2026-13&to=2026-12", "from=2026-1&to=2026-02", "to=2026-02", "from=2026-01&to=2026-02&x=1", "from=2026-01&from=2026-02&to=2026-03"]) {
      const response = await summary(query, tokens.admin);
      expect({ query, status: response.statusCode, code: bodyOf(response).error.code }).toEqual({ query, status: 400, code: "INVALID_QUERY" });
    }
  });
});

describe("GET /v1/admin/ratings (admins only)", () => {
  it("pages through every rating with an opaque cursor, without the raters' Zalo ids, and writes the audit log", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(`from=2026-01&to=2026-03&limit=2${cursor ? `&cursor=${cursor}` : ""}`, tokens.admin);
      expect(response.statusCode).toBe(200);
      const page = bodyOf(response);
      expect(page.ratings.length).toBeLessThanOrEqual(2);
      seen.push(...page.ratings.map((r: { dossierCode: string }) => r.dossierCode));
      expect(String(response.body)).not.toContain('"zaloAppUserId"');
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual(dossiers.map((d) => d.code).sort());
    const withComment = bodyOf(await list(`from=2026-02&to=2026-02&agency=${agencyB}`, tokens.admin));
    expect(withComment.ratings.map((r: { comment: string | null }) => r.comment)).toContain(secretOfB);

    const auditClient = createDocumentClient({ region: stack.config.region, endpoint: stack.config.dynamodbEndpoint });
    const day = vietnamCalendarDay(clock.now());
    const audit = await auditClient.send(new QueryCommand({ TableName: stack.config.tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": `AUDIT#${day}` } }));
    expect(audit.Items?.filter((item) => item.action === "list_ratings" && item.actorZaloAppUserId === ids.admin).length).toBeGreaterThanOrEqual(pages);
  });

  it("refuses officers (403), bad cursors and limits past 200", async () => {
    expect((await list("from=2026-01&to=2026-03", tokens.officer)).statusCode).toBe(403);
    expect(bodyOf(await list("from=2026-01&to=2026-03&cursor=bm90LWEtY3Vyc29y", tokens.admin)).error.code).toBe("INVALID_CURSOR");
    expect((await list("from=2026-01&to=2026-03&limit=200", tokens.admin)).statusCode).toBe(200);
    expect((await list("from=2026-01&to=2026-03&limit=201", tokens.admin)).statusCode).toBe(400);
  });
});

describe("GET /v1/admin/ratings.csv (admins only)", () => {
  it("answers UTF-8 CSV with a BOM, Vietnamese headers, quoted fields and defused formulas, as an attachment", async () => {
    const response = await csv(`from=2026-01&to=2026-03&agency=${agencyA}`, tokens.admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers?.["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers?.["content-disposition"]).toBe(`attachment; filename="danh-gia_2026-01_2026-03_${agencyA}.csv"`);
    const text = String(response.body);
    expect(text.startsWith("\uFEFFMã hồ sơ,Mã cơ quan,Mã thủ tục,Thái độ cán bộ,")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(text).toContain(`"'=1+1, cán bộ nói ""đợi""\nrồi làm ngay"`);
    expect(text).toContain(`${agencyA}-260106-0001,${agencyA},P-KHAI-SINH,Rất hài lòng,Không hài lòng,Rất hài lòng,Trả kết quả chậm so với ngày hẹn,,Quá hạn,2026-01-20 10:00,2026-01-20 10:00`);
    expect(text).not.toContain(agencyB);
    expect((await csv("from=2026-01&to=2026-03", tokens.officer)).statusCode).toBe(403);
  });

  it("answers up to the configured size and refuses past it with 422 and a message to narrow the range", async () => {
    const full = String((await csv("from=2026-01&to=2026-03", tokens.admin)).body);
    const size = Buffer.byteLength(full, "utf8");
    const capped = (bytes: number) => httpHandlersFrom(composeDependencies({ ...stack.config, ratingsCsvMaxBytes: bytes }, { clock })).admin;
    const atLimit = await csv("from=2026-01&to=2026-03", tokens.admin, capped(size));
    expect(atLimit.statusCode).toBe(200);
    expect(atLimit.body).toBe(full);
    const past = await csv("from=2026-01&to=2026-03", tokens.admin, capped(size - 1));
    expect(past.statusCode).toBe(422);
    expect(bodyOf(past).error).toMatchObject({ code: "EXPORT_TOO_LARGE", message: expect.stringContaining("thu hẹp khoảng thời gian") });
  });
});

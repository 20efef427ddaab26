import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTable } from "../../../test/dynamodb-test-table.js";
import type { Rating } from "../../domain/rating.js";
import { encodeCursor, InvalidCursorError } from "../../ports/page-cursor.js";
import { DynamoDbRatingRepository } from "./dynamodb-rating-repository.js";

let table: Awaited<ReturnType<typeof createTestTable>>;
let repository: DynamoDbRatingRepository;

beforeAll(async () => {
  table = await createTestTable();
  repository = new DynamoDbRatingRepository(table.table);
});
afterAll(async () => table.drop());

const rating = (code: string, updatedAt: string, overrides: Partial<Rating> = {}): Rating => ({
  dossierCode: code,
  agencyCode: "000.00.20.H27",
  procedureCode: "1.001193.000.00.00.H27",
  dossierStatus: 10,
  zaloAppUserId: "u1",
  onTime: "dung_han",
  attitude: "rat_hai_long",
  result: "hai_long",
  overall: "hai_long",
  reason: null,
  comment: "Cán bộ nhiệt tình",
  ratedAt: updatedAt,
  updatedAt,
  version: 1,
  ...overrides,
});

describe("DynamoDbRatingRepository", () => {
  it("access pattern: rating of a dossier (1 GetItem), saved once, changed only over its version", async () => {
    const first = rating("RATE-0001", "2026-11-20T03:00:00.000Z");
    expect(await repository.get("RATE-0001")).toBeNull();
    expect(await repository.save(first, 0)).toBe("saved");
    expect(await repository.save(first, 0)).toBe("conflict");
    expect(await repository.get("RATE-0001")).toEqual(first);
    const changed = { ...first, overall: "rat_hai_long" as const, updatedAt: "2026-11-21T03:00:00.000Z", version: 2 };
    expect(await repository.save(changed, 1)).toBe("saved");
    expect(await repository.save({ ...changed, version: 3 }, 1)).toBe("conflict");
    expect(await repository.get("RATE-0001")).toEqual(changed);
  });

  it("access pattern: ratings feed in update order after a position and before the settle bound, paged", async () => {
    await repository.save(rating("FEED-0002", "2026-12-01T01:00:00.000Z"), 0);
    await repository.save(rating("FEED-0001", "2026-12-01T01:00:00.000Z"), 0);
    await repository.save(rating("FEED-0003", "2026-12-01T02:00:00.000Z"), 0);
    await repository.save(rating("FEED-0004", "2026-12-01T03:00:00.000Z"), 0);
    const before = "2026-12-01T02:30:00.000Z";
    const firstPage = await repository.feed({ after: encodeCursor("2026-11-30T00:00:00.000Z#ZZZZ"), before, limit: 2 });
    expect(firstPage.ratings.map((r) => r.dossierCode)).toEqual(["FEED-0001", "FEED-0002"]);
    // The cursor format is the one the province's system keeps between pulls: base64url of the GSI1 sort key.
    expect(firstPage.lastPosition).toBe(encodeCursor("2026-12-01T01:00:00.000Z#FEED-0002"));
    const secondPage = await repository.feed({ after: firstPage.lastPosition, before, limit: 2 });
    // FEED-0004 is after the bound: held back.
    expect(secondPage.ratings.map((r) => r.dossierCode)).toEqual(["FEED-0003"]);
    expect(secondPage.hasMore).toBe(false);
    // A changed rating moves to the end of the feed.
    await repository.save(rating("FEED-0001", "2026-12-01T01:00:00.000Z", { updatedAt: "2026-12-01T02:10:00.000Z", version: 2 }), 1);
    const third = await repository.feed({ after: secondPage.lastPosition, before, limit: 10 });
    expect(third.ratings.map((r) => `${r.dossierCode}@${r.version}`)).toEqual(["FEED-0001@2"]);
    await expect(repository.feed({ after: encodeCursor("2026-12-01#FEED-0001"), before, limit: 2 })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("access pattern: ratings by agency and month (Vietnam calendar, by first rating time)", async () => {
    await repository.save(rating("MONTH-0001", "2027-01-31T17:30:00.000Z", { agencyCode: "AG-X" }), 0); // 00:30 on 1 Feb in Vietnam
    await repository.save(rating("MONTH-0002", "2027-01-31T10:00:00.000Z", { agencyCode: "AG-X" }), 0);
    await repository.save(rating("MONTH-0003", "2027-02-02T10:00:00.000Z", { agencyCode: "AG-Y" }), 0);
    expect((await repository.byAgencyMonth("AG-X", "2027-02")).map((r) => r.dossierCode)).toEqual(["MONTH-0001"]);
    expect((await repository.byAgencyMonth("AG-X", "2027-01")).map((r) => r.dossierCode)).toEqual(["MONTH-0002"]);
  });
});

describe("DynamoDbRatingRepository for the staff reports", () => {
  it("access pattern: agencies with ratings per month (1 Query on RATING_MONTHS), kept by the rating's own transaction", async () => {
    await repository.save(rating("AGM-0001", "2028-03-05T03:00:00.000Z", { agencyCode: "AG-B" }), 0);
    await repository.save(rating("AGM-0002", "2028-03-06T03:00:00.000Z", { agencyCode: "AG-A" }), 0);
    await repository.save(rating("AGM-0003", "2028-04-06T03:00:00.000Z", { agencyCode: "AG-A" }), 0);
    await repository.save(rating("AGM-0004", "2028-06-06T03:00:00.000Z", { agencyCode: "AG-C" }), 0);
    // A refused save (version conflict) adds nothing.
    expect(await repository.save(rating("AGM-0005", "2028-05-06T03:00:00.000Z", { agencyCode: "AG-Z" }), 3)).toBe("conflict");
    const months = await repository.agenciesByMonth("2028-03", "2028-05");
    expect([...months.entries()]).toEqual([
      ["2028-03", ["AG-A", "AG-B"]],
      ["2028-04", ["AG-A"]],
    ]);
  });

  it("access pattern: one page of an agency-month partition after a position (1 Query on GSI2 with Limit)", async () => {
    for (let i = 1; i <= 5; i++) await repository.save(rating(`PAGE-000${i}`, `2028-08-0${i}T03:00:00.000Z`, { agencyCode: "AG-P" }), 0);
    const first = await repository.agencyMonthPage("AG-P", "2028-08", null, 2);
    expect(first.ratings.map((x) => x.dossierCode)).toEqual(["PAGE-0001", "PAGE-0002"]);
    expect(first.last).toBe(encodeCursor("2028-08-02T03:00:00.000Z#PAGE-0002"));
    const second = await repository.agencyMonthPage("AG-P", "2028-08", first.last, 3);
    expect(second.ratings.map((x) => x.dossierCode)).toEqual(["PAGE-0003", "PAGE-0004", "PAGE-0005"]);
    const rest = await repository.agencyMonthPage("AG-P", "2028-08", second.last, 3);
    expect(rest).toEqual({ ratings: [], last: null });
    await expect(repository.agencyMonthPage("AG-P", "2028-08", "not-a-cursor", 3)).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

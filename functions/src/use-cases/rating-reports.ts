import { monthRange, RatingReportBuilder, type RatingReport } from "../domain/rating-summary.js";
import type { Rating } from "../domain/rating.js";
import { canSeeAgency, isAdmin, staffLimits, type StaffMember } from "../domain/staff.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { Clock } from "../ports/clock.js";
import * as z from "zod/mini";
import { decodeCursor, encodeCursor, InvalidCursorError, isInvalidCursor, jsonPosition, orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";
import type { RatingRepository } from "../ports/rating-repository.js";

export interface RatingReportsDeps {
  ratings: Pick<RatingRepository, "agenciesByMonth" | "agencyMonthPage" | "byAgencyMonth">;
  audit: AuditLog;
  clock: Clock;
  /** Agency-month partitions read side by side (a province has a few hundred agencies). */
  concurrency?: number;
}

export interface RatingFilter {
  /** `YYYY-MM`, inclusive, Vietnam calendar (the month of the first rating). */
  from: string;
  to: string;
  agencyCode: string | null;
  procedureCode: string | null;
}

/** Where a listing stopped: the partition (month, agency) and the repository's cursor in it (null: its start). */
interface RatingListPosition {
  month: string;
  agencyCode: string;
  after: string | null;
}

const ratingListPosition = jsonPosition(() =>
  z.tuple([z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/u)), z.string().check(z.minLength(1), z.maxLength(staffLimits.agencyCodeLength)), z.nullable(z.string())]),
);

function encodeListCursor(position: RatingListPosition): string {
  return encodeCursor(JSON.stringify([position.month, position.agencyCode, position.after]));
}

function decodeListCursor(cursor: string): RatingListPosition | InvalidCursor {
  try {
    const [month, agencyCode, after] = decodeCursor(cursor, ratingListPosition);
    return { month, agencyCode, after };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { kind: "invalid_cursor" };
    throw error;
  }
}

export type ScopeRefusal = { kind: "forbidden" } | { kind: "range_too_long" };

interface Partition {
  month: string;
  agencyCode: string;
}

export const ratingListPageSize = 50;
export const maxRatingListPageSize = 200;

/**
 * The staff's rating reports. Ratings are read by agency-month partition (GSI2), only of the
 * agencies the member may see: an officer's own, every agency for an admin of the whole province.
 */
export function ratingReportsUseCases(deps: RatingReportsDeps) {
  const concurrency = deps.concurrency ?? 8;

  /** The partitions of a filter in the member's scope, in (month, agency) order; only those that hold ratings. */
  async function partitionsOf(actor: StaffMember, filter: RatingFilter): Promise<Partition[] | ScopeRefusal> {
    if (filter.agencyCode !== null && !canSeeAgency(actor, filter.agencyCode)) return { kind: "forbidden" };
    const months = monthRange(filter.from, filter.to);
    if (!months) return { kind: "range_too_long" };
    const withRatings = await deps.ratings.agenciesByMonth(filter.from, filter.to);
    const partitions: Partition[] = [];
    for (const month of months) {
      for (const agencyCode of withRatings.get(month) ?? []) {
        const wanted = filter.agencyCode === null ? canSeeAgency(actor, agencyCode) : agencyCode === filter.agencyCode;
        if (wanted) partitions.push({ month, agencyCode });
      }
    }
    return partitions;
  }

  const matches = (filter: RatingFilter) => (rating: Rating) => filter.procedureCode === null || rating.procedureCode === filter.procedureCode;

  /** `GET /v1/admin/ratings/summary`: aggregates only (no comments, no citizens), for every member in scope. */
  async function summarise(actor: StaffMember, filter: RatingFilter): Promise<ScopeRefusal | ({ kind: "ok"; months: string[] } & RatingReport)> {
    const partitions = await partitionsOf(actor, filter);
    if (!Array.isArray(partitions)) return partitions;
    const months = monthRange(filter.from, filter.to)!;
    const report = new RatingReportBuilder(months);
    const keep = matches(filter);
    await forEachConcurrently(partitions, concurrency, async ({ agencyCode, month }) => {
      for (const rating of await deps.ratings.byAgencyMonth(agencyCode, month)) if (keep(rating)) report.add(rating, month);
    });
    return { kind: "ok", months, ...report.build() };
  }

  /** `GET /v1/admin/ratings`: one page of ratings with the citizens' words; admins only, written to the audit log. */
  async function listRatings(
    actor: StaffMember,
    filter: RatingFilter,
    cursor: string | null,
    pageSize = ratingListPageSize,
  ): Promise<ScopeRefusal | InvalidCursor | { kind: "ok"; ratings: Rating[]; next: string | null }> {
    if (!isAdmin(actor)) return { kind: "forbidden" };
    const start = cursor === null ? null : decodeListCursor(cursor);
    if (start !== null && isInvalidCursor(start)) return start;
    const partitions = await partitionsOf(actor, filter);
    if (!Array.isArray(partitions)) return partitions;
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "list_ratings", subject: describeFilter(filter), at: deps.clock.now().toISOString() });
    const keep = matches(filter);
    const ratings: Rating[] = [];
    let index = start ? partitions.findIndex((p) => compareKey(p, start) >= 0) : 0;
    if (index < 0) index = partitions.length;
    const first = partitions[index];
    let after = start && first && compareKey(first, start) === 0 ? start.after : null;
    while (index < partitions.length) {
      const partition = partitions[index]!;
      const page = await orInvalidCursor(() => deps.ratings.agencyMonthPage(partition.agencyCode, partition.month, after, pageSize - ratings.length));
      if (isInvalidCursor(page)) return page;
      ratings.push(...page.ratings.filter(keep));
      if (page.last === null) {
        index += 1;
        after = null;
      } else {
        after = page.last;
      }
      if (ratings.length >= pageSize) break;
    }
    const next = partitions[index];
    return { kind: "ok", ratings, next: next ? encodeListCursor({ month: next.month, agencyCode: next.agencyCode, after }) : null };
  }

  /** Every rating of a filter, partition by partition, for the CSV export; admins only, written to the audit log. */
  async function exportRatings(actor: StaffMember, filter: RatingFilter): Promise<ScopeRefusal | { kind: "ok"; ratings: AsyncIterable<Rating> }> {
    if (!isAdmin(actor)) return { kind: "forbidden" };
    const partitions = await partitionsOf(actor, filter);
    if (!Array.isArray(partitions)) return partitions;
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "export_ratings", subject: describeFilter(filter), at: deps.clock.now().toISOString() });
    const keep = matches(filter);
    const { ratings } = deps;
    return {
      kind: "ok",
      ratings: (async function* () {
        for (const { agencyCode, month } of partitions) {
          for (const rating of await ratings.byAgencyMonth(agencyCode, month)) if (keep(rating)) yield rating;
        }
      })(),
    };
  }

  return { summarise, listRatings, exportRatings };
}

export type RatingReports = ReturnType<typeof ratingReportsUseCases>;

function compareKey(partition: Partition, position: RatingListPosition): number {
  const a = `${partition.month}#${partition.agencyCode}`;
  const b = `${position.month}#${position.agencyCode}`;
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFilter(filter: RatingFilter): string {
  return `ratings ${filter.from}..${filter.to} agency=${filter.agencyCode ?? "*"} procedure=${filter.procedureCode ?? "*"}`;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

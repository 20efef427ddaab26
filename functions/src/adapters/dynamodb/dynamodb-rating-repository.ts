import * as z from "zod/mini";
import type { Rating } from "../../domain/rating.js";
import type { ReachCell } from "../../domain/reach.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import type { AgencyMonthPage, RatingRepository, RatingsFeedPage } from "../../ports/rating-repository.js";
import { itemTypes, keys } from "./keys.js";
import { reachCounterUpdate } from "./reach-items.js";
import { ratingFromItem, ratingMonth, ratingToItem } from "./rating-items.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

const monthAgenciesSchema = z.lazy(() => z.object({ SK: z.string().check(z.regex(/^\d{4}-\d{2}$/u)), agencies: z.set(z.string()) }));
const gsi2Position = z.lazy(() => z.object({ GSI2SK: z.string() }));

/** Both rating indexes sort by `<time>#<dossier code>`: the feed by update, an agency-month by rating time. */
const ratingPosition = instantThenId("[A-Za-z0-9.\\-/_]{4,64}");

export class DynamoDbRatingRepository implements RatingRepository {
  constructor(private readonly table: Table) {}

  async get(dossierCode: string): Promise<Rating | null> {
    const item = await this.table.get(keys.rating(dossierCode));
    return item ? ratingFromItem(item) : null;
  }

  /**
   * The rating and its agency in its month's list, in one transaction, so a report never misses a partition;
   * a first rating of a counted dossier also raises `rated` in the reach counters of its receipt month.
   */
  async save(rating: Rating, expectedVersion: number, reachCell: ReachCell | null = null): Promise<"saved" | "conflict"> {
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: "attribute_not_exists(PK)" }
        : { ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": expectedVersion } };
    const monthAgencies = {
      Key: keys.ratingMonthAgencies(ratingMonth(rating.ratedAt)),
      UpdateExpression: "ADD agencies :agency SET #type = :type",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":agency": new Set([rating.agencyCode]), ":type": itemTypes.ratingMonthAgencies },
    };
    const actions: NamedActions<"rating" | "monthAgencies" | "reachCounter"> = [
      ["rating", { Put: { Item: ratingToItem(rating), ...condition } }],
      ["monthAgencies", { Update: monthAgencies }],
      ...(expectedVersion === 0 && reachCell ? [["reachCounter", { Update: reachCounterUpdate(reachCell, rating.dossierCode, { rated: 1 }) }] as const] : []),
    ];
    try {
      await this.table.transactWrite(transactItems(actions));
      return "saved";
    } catch (error) {
      const cancelled = transactionCancellation(error, actions);
      if (cancelled && (cancelled.conditionFailed("rating") || cancelled.conflicted)) return "conflict";
      throw error;
    }
  }

  async feed(request: { after: string | null; before: string; limit: number }): Promise<RatingsFeedPage> {
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :before",
      ExpressionAttributeValues: { ":pk": keys.ratingsFeedPartition, ":before": request.before },
      ExclusiveStartKey: request.after === null ? undefined : feedStartKey(request.after),
      ScanIndexForward: true,
      Limit: request.limit,
    });
    const ratings = (result.Items ?? []).map(ratingFromItem);
    const last = ratings[ratings.length - 1];
    return {
      ratings,
      lastPosition: last ? encodeCursor(feedPosition(last)) : null,
      hasMore: result.LastEvaluatedKey !== undefined,
    };
  }

  async byAgencyMonth(agencyCode: string, month: string): Promise<Rating[]> {
    const items = await this.table.queryAll({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.ratingsByAgencyMonthPartition(agencyCode, month) },
    });
    return items.map(ratingFromItem);
  }

  async agenciesByMonth(from: string, to: string): Promise<Map<string, string[]>> {
    const items = await this.table.queryAll({
      KeyConditionExpression: "PK = :pk AND SK BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":pk": keys.ratingMonthsPartition, ":from": from, ":to": to },
    });
    return new Map(items.map((item) => monthAgenciesSchema.parse(item)).map((item) => [item.SK, [...item.agencies].sort()]));
  }

  async agencyMonthPage(agencyCode: string, month: string, cursor: string | null, limit: number): Promise<AgencyMonthPage> {
    const partition = keys.ratingsByAgencyMonthPartition(agencyCode, month);
    const after = cursor === null ? null : decodeCursor(cursor, ratingPosition).sortKey;
    const result = await this.table.query({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: after === null ? "GSI2PK = :pk" : "GSI2PK = :pk AND GSI2SK > :after",
      ExpressionAttributeValues: { ":pk": partition, ...(after === null ? {} : { ":after": after }) },
      Limit: limit,
    });
    const items = result.Items ?? [];
    const lastItem = items[items.length - 1];
    return {
      ratings: items.map(ratingFromItem),
      last: result.LastEvaluatedKey && lastItem ? encodeCursor(gsi2Position.parse(lastItem).GSI2SK) : null,
    };
  }
}

/** A rating's place in the feed: `<updatedAt>#<code>` (the GSI1 sort key). */
function feedPosition(rating: Pick<Rating, "updatedAt" | "dossierCode">): string {
  return `${rating.updatedAt}#${rating.dossierCode}`;
}

/** The index and table keys of the rating at a feed cursor's position, to start a Query just after it. */
function feedStartKey(cursor: string): Record<string, unknown> {
  const { at: updatedAt, id: code } = decodeCursor(cursor, ratingPosition);
  return { ...keys.rating(code), ...keys.ratingsFeed(updatedAt, code) };
}

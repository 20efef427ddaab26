import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Rating } from "../../domain/rating.js";
import type { RatingRepository, RatingsFeedPage } from "../../ports/rating-repository.js";
import { keys } from "./keys.js";
import { ratingFromItem, ratingToItem } from "./rating-items.js";

export class DynamoDbRatingRepository implements RatingRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(dossierCode: string): Promise<Rating | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.rating(dossierCode) }));
    return result.Item ? ratingFromItem(result.Item) : null;
  }

  async save(rating: Rating, expectedVersion: number): Promise<"saved" | "conflict"> {
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: "attribute_not_exists(PK)" }
        : { ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": expectedVersion } };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: ratingToItem(rating), ...condition }));
      return "saved";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "conflict";
      throw error;
    }
  }

  async feed(request: { after: string | null; before: string; limit: number }): Promise<RatingsFeedPage> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :before",
        ExpressionAttributeValues: { ":pk": keys.ratingsFeedPartition, ":before": request.before },
        ExclusiveStartKey: request.after === null ? undefined : feedStartKey(request.after),
        ScanIndexForward: true,
        Limit: request.limit,
      }),
    );
    const ratings = (result.Items ?? []).map(ratingFromItem);
    const last = ratings[ratings.length - 1];
    return {
      ratings,
      lastPosition: last ? feedPosition(last) : null,
      hasMore: result.LastEvaluatedKey !== undefined,
    };
  }

  async byAgencyMonth(agencyCode: string, month: string): Promise<Rating[]> {
    const ratings: Rating[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": keys.ratingsByAgencyMonthPartition(agencyCode, month) },
          ExclusiveStartKey: startKey,
        }),
      );
      ratings.push(...(page.Items ?? []).map(ratingFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return ratings;
  }
}

/** A rating's place in the feed: `<updatedAt>#<code>` (the GSI1 sort key). */
export function feedPosition(rating: Pick<Rating, "updatedAt" | "dossierCode">): string {
  return `${rating.updatedAt}#${rating.dossierCode}`;
}

/** The index and table keys of the rating at a feed position, to start a Query just after it. */
function feedStartKey(position: string): Record<string, unknown> {
  const separator = position.indexOf("#");
  const updatedAt = position.slice(0, separator);
  const code = position.slice(separator + 1);
  return { ...keys.rating(code), ...keys.ratingsFeed(updatedAt, code) };
}

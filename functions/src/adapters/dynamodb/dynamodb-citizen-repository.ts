import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CitizenProfile } from "../../domain/citizen.js";
import type { CitizenRepository, FollowState } from "../../ports/citizen-repository.js";
import type { PhoneHasher } from "../../ports/phone-hasher.js";
import { citizenFromItem } from "./citizen-items.js";
import { itemTypes, keys } from "./keys.js";

export class DynamoDbCitizenRepository implements CitizenRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly phoneHasher: PhoneHasher,
  ) {}

  async get(zaloAppUserId: string): Promise<CitizenProfile | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.citizen(zaloAppUserId) }));
    return result.Item ? citizenFromItem(result.Item) : null;
  }

  async recordFollowState(state: FollowState): Promise<"recorded" | "older_than_recorded"> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.citizen(state.zaloAppUserId),
          UpdateExpression:
            "SET #type = :type, zaloAppUserId = :appId, zaloOaUserId = :oaId, isFollower = :follower, followerStateAt = :at, " +
            "createdAt = if_not_exists(createdAt, :at), updatedAt = :at",
          ConditionExpression: "attribute_not_exists(followerStateAt) OR followerStateAt <= :at",
          ExpressionAttributeNames: { "#type": "type" },
          ExpressionAttributeValues: {
            ":type": itemTypes.citizen,
            ":appId": state.zaloAppUserId,
            ":oaId": state.zaloOaUserId,
            ":follower": state.isFollower,
            ":at": state.at,
          },
        }),
      );
      return "recorded";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "older_than_recorded";
      throw error;
    }
  }

  async findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :citizens)",
        ExpressionAttributeValues: { ":pk": keys.phonePartition(this.phoneHasher.hash(normalisedPhone)), ":citizens": "CITIZEN#" },
      }),
    );
    return (result.Items ?? []).map(citizenFromItem);
  }
}

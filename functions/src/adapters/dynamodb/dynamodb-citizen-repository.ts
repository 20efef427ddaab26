import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CitizenProfile } from "../../domain/citizen.js";
import type { CitizenRepository, FollowState, VerifiedPhone } from "../../ports/citizen-repository.js";
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

  async recordVerifiedPhone(verified: VerifiedPhone): Promise<void> {
    const index = keys.citizenByPhone(this.phoneHasher.hash(verified.phone), verified.zaloAppUserId);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.citizen(verified.zaloAppUserId),
        UpdateExpression:
          "SET #type = :type, zaloAppUserId = :appId, verifiedPhone = :phone, phoneVerifiedAt = :at, phoneConsentAt = :at, " +
          "GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, createdAt = if_not_exists(createdAt, :at), updatedAt = :at",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: {
          ":type": itemTypes.citizen,
          ":appId": verified.zaloAppUserId,
          ":phone": verified.phone,
          ":at": verified.at,
          ":gsi1pk": index.GSI1PK,
          ":gsi1sk": index.GSI1SK,
        },
      }),
    );
  }

  async removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.citizen(zaloAppUserId),
          UpdateExpression:
            "SET verifiedPhone = :null, phoneVerifiedAt = :null, phoneConsentAt = :null, phoneConsentWithdrawnAt = :at, updatedAt = :at " +
            "REMOVE GSI1PK, GSI1SK",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeValues: { ":null": null, ":at": at },
          ReturnValues: "ALL_NEW",
        }),
      );
      return result.Attributes ? citizenFromItem(result.Attributes) : null;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
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

import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { OaTokenPair, OaTokenStore, StoredOaToken } from "../../ports/oa-token-store.js";
import { itemTypes, keys } from "./keys.js";

const oaTokenItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.oaToken),
  accessToken: z.string(),
  refreshToken: z.string().check(z.minLength(1)),
  expiresAt: z.string(),
  refreshingUntil: z._default(z.nullable(z.string()), null),
}));

/** One item `OA_TOKEN`; the refresh token is spent only by whoever claimed it with a conditional write. */
export class DynamoDbOaTokenStore implements OaTokenStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<StoredOaToken | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.oaToken(), ConsistentRead: true }),
    );
    if (!result.Item) return null;
    const { type: _type, ...stored } = oaTokenItemSchema.parse(result.Item);
    return stored;
  }

  async initialise(refreshToken: string): Promise<void> {
    await this.ignoringConditionFailure(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.oaToken(), type: itemTypes.oaToken, accessToken: "", refreshToken, expiresAt: new Date(0).toISOString() },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  }

  async claimRefresh(refreshToken: string, owner: string, now: Date, until: Date): Promise<boolean> {
    return this.ignoringConditionFailure(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.oaToken(),
        UpdateExpression: "SET refreshingUntil = :until, refreshingOwner = :owner",
        ConditionExpression:
          "refreshToken = :refreshToken AND (attribute_not_exists(refreshingUntil) OR refreshingUntil < :now)",
        ExpressionAttributeValues: {
          ":until": until.toISOString(),
          ":owner": owner,
          ":refreshToken": refreshToken,
          ":now": now.toISOString(),
        },
      }),
    );
  }

  async saveRotated(spentRefreshToken: string, owner: string, pair: OaTokenPair): Promise<boolean> {
    return this.ignoringConditionFailure(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.oaToken(),
        UpdateExpression:
          "SET accessToken = :access, refreshToken = :refresh, expiresAt = :expiresAt REMOVE refreshingUntil, refreshingOwner",
        ConditionExpression: "refreshToken = :spent AND refreshingOwner = :owner",
        ExpressionAttributeValues: {
          ":access": pair.accessToken,
          ":refresh": pair.refreshToken,
          ":expiresAt": pair.expiresAt,
          ":spent": spentRefreshToken,
          ":owner": owner,
        },
      }),
    );
  }

  private async ignoringConditionFailure(command: PutCommand | UpdateCommand): Promise<boolean> {
    try {
      if (command instanceof PutCommand) await this.client.send(command);
      else await this.client.send(command);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

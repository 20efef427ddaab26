import * as z from "zod/mini";
import type { OaTokenPair, OaTokenStore, StoredOaToken } from "../../ports/oa-token-store.js";
import { itemTypes, keys } from "./keys.js";
import { unlessConditionFails, type Table } from "./table.js";

const oaTokenItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.oaToken),
  accessToken: z.string(),
  refreshToken: z.string().check(z.minLength(1)),
  expiresAt: z.string(),
  refreshingUntil: z._default(z.nullable(z.string()), null),
}));

/** One item `OA_TOKEN`; the refresh token is spent only by whoever claimed it with a conditional write. */
export class DynamoDbOaTokenStore implements OaTokenStore {
  constructor(private readonly table: Table) {}

  async get(): Promise<StoredOaToken | null> {
    const item = await this.table.get(keys.oaToken(), { ConsistentRead: true });
    if (!item) return null;
    const { type: _type, ...stored } = oaTokenItemSchema.parse(item);
    return stored;
  }

  async initialise(refreshToken: string): Promise<void> {
    await unlessConditionFails(
      this.table.put(
        { ...keys.oaToken(), type: itemTypes.oaToken, accessToken: "", refreshToken, expiresAt: new Date(0).toISOString() },
        { ConditionExpression: "attribute_not_exists(PK)" },
      ),
    );
  }

  async claimRefresh(refreshToken: string, owner: string, now: Date, until: Date): Promise<boolean> {
    const claimed = await unlessConditionFails(
      this.table.update({
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
    return claimed !== null;
  }

  async saveRotated(spentRefreshToken: string, owner: string, pair: OaTokenPair): Promise<boolean> {
    const saved = await unlessConditionFails(
      this.table.update({
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
    return saved !== null;
  }
}

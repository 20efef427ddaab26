import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import * as z from "zod/mini";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import type { SyncCredential } from "../../domain/sync-credential.js";
import type { SyncCredentialRepository, SyncSession } from "../../ports/sync-credential-repository.js";
import { itemTypes, keys } from "./keys.js";
import { queryAllPages } from "./query-all-pages.js";
import { indexNames } from "./table-definition.js";

const status = () => z.pipe(z.number().check(z.refine(isDossierStatus)), z.transform((s) => s as DossierStatus));

const credentialItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.syncCredential),
  username: z.string(),
  passwordHash: z.string(),
  unitPatterns: z.array(z.string()),
  statusOverrides: z.record(z.string(), status()),
  disabled: z.boolean(),
  // Absent on credentials stored before rotation ended sessions.
  sessionGeneration: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

const sessionItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.syncSession),
  username: z.string(),
  expiresAtIso: z.string(),
  generation: z._default(z.number().check(z.int(), z.nonnegative()), 0),
}));

function credentialFromItem(item: Record<string, unknown>): SyncCredential {
  const { type: _type, ...credential } = credentialItemSchema.parse(item);
  return credential;
}

export class DynamoDbSyncCredentialRepository implements SyncCredentialRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(username: string): Promise<SyncCredential | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.syncCredential(username), ConsistentRead: true }),
    );
    return result.Item ? credentialFromItem(result.Item) : null;
  }

  async list(): Promise<SyncCredential[]> {
    const items = await queryAllPages(this.client, {
      TableName: this.tableName,
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.syncCredentialListPartition },
    });
    return items.map(credentialFromItem);
  }

  async create(credential: SyncCredential): Promise<boolean> {
    return this.put(credential, "attribute_not_exists(PK)");
  }

  async update(credential: SyncCredential): Promise<boolean> {
    return this.put(credential, "attribute_exists(PK)");
  }

  private async put(credential: SyncCredential, condition: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.syncCredential(credential.username),
            ...keys.syncCredentialList(credential.username),
            type: itemTypes.syncCredential,
            ...credential,
          },
          ConditionExpression: condition,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async saveSession(tokenDigest: string, session: SyncSession): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.syncSession(tokenDigest),
          type: itemTypes.syncSession,
          username: session.username,
          expiresAtIso: session.expiresAt,
          generation: session.generation,
          expiresAt: Math.ceil(Date.parse(session.expiresAt) / 1000),
        },
      }),
    );
  }

  async findSession(tokenDigest: string): Promise<SyncSession | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.syncSession(tokenDigest) }));
    if (!result.Item) return null;
    const item = sessionItemSchema.parse(result.Item);
    return { username: item.username, expiresAt: item.expiresAtIso, generation: item.generation };
  }
}

import * as z from "zod/mini";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import type { SyncCredential } from "../../domain/sync-credential.js";
import type { SyncCredentialRepository, SyncSession } from "../../ports/sync-credential-repository.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table } from "./table.js";

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
  constructor(private readonly table: Table) {}

  async get(username: string): Promise<SyncCredential | null> {
    const item = await this.table.get(keys.syncCredential(username), { ConsistentRead: true });
    return item ? credentialFromItem(item) : null;
  }

  async list(): Promise<SyncCredential[]> {
    const items = await this.table.queryAll({
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
    const item = { ...keys.syncCredential(credential.username), ...keys.syncCredentialList(credential.username), type: itemTypes.syncCredential, ...credential };
    return (await unlessConditionFails(this.table.put(item, { ConditionExpression: condition }))) !== null;
  }

  async saveSession(tokenDigest: string, session: SyncSession): Promise<void> {
    await this.table.put({
      ...keys.syncSession(tokenDigest),
      type: itemTypes.syncSession,
      username: session.username,
      expiresAtIso: session.expiresAt,
      generation: session.generation,
      expiresAt: Math.ceil(Date.parse(session.expiresAt) / 1000),
    });
  }

  async findSession(tokenDigest: string): Promise<SyncSession | null> {
    const stored = await this.table.get(keys.syncSession(tokenDigest));
    if (!stored) return null;
    const item = sessionItemSchema.parse(stored);
    return { username: item.username, expiresAt: item.expiresAtIso, generation: item.generation };
  }
}

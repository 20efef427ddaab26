import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { Procedure } from "../../domain/procedure.js";
import type { ProcedureRepository } from "../../ports/procedure-repository.js";
import { itemTypes, keys } from "./keys.js";
import { queryAllPages } from "./query-all-pages.js";
import { indexNames } from "./table-definition.js";

const procedureItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.procedure),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  processingTime: z.string(),
  fee: z.string(),
  documentsRequired: z.array(z.string()),
  portalUrl: z.nullable(z.string()),
  abolished: z.boolean(),
  updatedAt: z.string().check(z.minLength(20)),
}));

const batchSize = 25;
const maxBatchAttempts = 8;

export class DynamoDbProcedureRepository implements ProcedureRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async upsertMany(procedures: readonly Procedure[]): Promise<void> {
    for (let start = 0; start < procedures.length; start += batchSize) {
      let requests: { PutRequest: { Item: Record<string, unknown> } }[] = procedures.slice(start, start + batchSize).map((procedure) => ({
        PutRequest: {
          Item: { ...keys.procedure(procedure.code), ...keys.procedureCatalogue(procedure.code), type: itemTypes.procedure, ...procedure },
        },
      }));
      for (let attempt = 1; requests.length > 0; attempt += 1) {
        if (attempt > maxBatchAttempts) throw new Error("procedures: unprocessed items after retries");
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  async listAll(): Promise<Procedure[]> {
    const items = await queryAllPages(this.client, {
      TableName: this.tableName,
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.procedureCataloguePartition },
    });
    return items.map((item) => {
      const { type: _type, ...procedure } = procedureItemSchema.parse(item);
      return procedure;
    });
  }
}

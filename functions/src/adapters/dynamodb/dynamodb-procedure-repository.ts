import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { Procedure } from "../../domain/procedure.js";
import type { ProcedureRepository } from "../../ports/procedure-repository.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

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
  constructor(private readonly table: Table) {}

  async upsertMany(procedures: readonly Procedure[]): Promise<void> {
    for (let start = 0; start < procedures.length; start += batchSize) {
      let requests: { PutRequest: { Item: Record<string, unknown> } }[] = procedures.slice(start, start + batchSize).map((procedure) => ({
        PutRequest: {
          Item: { ...keys.procedure(procedure.code), ...keys.procedureCatalogue(procedure.code), type: itemTypes.procedure, ...procedure },
        },
      }));
      for (let attempt = 1; requests.length > 0; attempt += 1) {
        if (attempt > maxBatchAttempts) throw new Error("procedures: unprocessed items after retries");
        // BatchWriteItem names the table as a key of its requests, so it goes to the client itself (no Table method:
        // only this repository writes in batches, and every other function's bundle would carry the command).
        const { client, name } = this.table;
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [name]: requests } }));
        requests = (result.UnprocessedItems?.[name] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  async listAll(): Promise<Procedure[]> {
    const items = await this.table.queryAll({
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

import * as z from "zod/mini";
import type { Agency, AgencyDirectory } from "../../ports/agency-directory.js";
import { itemTypes, keys } from "./keys.js";
import type { Table } from "./table.js";

const agencyItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.agency),
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  updatedAt: z.string(),
}));

/**
 * `AGENCIES` / `<code>`: one item per agency (≈ 100 B; a province has a few hundred agencies, ≈ 4 RCU to read
 * them all). Written outside the ingest transaction, so parallel ingests of one desk never conflict on it.
 */
export class DynamoDbAgencyDirectory implements AgencyDirectory {
  constructor(private readonly table: Table) {}

  async remember(agency: Agency, at: Date): Promise<void> {
    await this.table.put({ ...keys.agency(agency.code), type: itemTypes.agency, code: agency.code, name: agency.name, updatedAt: at.toISOString() });
  }

  async list(): Promise<Agency[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.agenciesPartition },
    });
    return items.map((item) => {
      const { code, name } = agencyItemSchema.parse(item);
      return { code, name };
    });
  }
}

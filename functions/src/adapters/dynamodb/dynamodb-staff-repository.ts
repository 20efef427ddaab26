import * as z from "zod/mini";
import type { StaffMember } from "../../domain/staff.js";
import type { StaffRepository } from "../../ports/staff-repository.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

const staffItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.staffMember),
  zaloAppUserId: z.string(),
  name: z.string(),
  role: z.enum(["officer", "admin"]),
  agencyCodes: z.array(z.string()),
  allAgencies: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
}));

function staffFromItem(item: Record<string, unknown>): StaffMember {
  const { type: _type, ...member } = staffItemSchema.parse(item);
  return member;
}

export class DynamoDbStaffRepository implements StaffRepository {
  constructor(private readonly table: Table) {}

  async get(zaloAppUserId: string): Promise<StaffMember | null> {
    const item = await this.table.get(keys.staffMember(zaloAppUserId));
    return item ? staffFromItem(item) : null;
  }

  async list(): Promise<StaffMember[]> {
    const items = await this.table.queryAll({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.staffListPartition },
    });
    return items.map(staffFromItem);
  }

  async put(member: StaffMember): Promise<void> {
    await this.table.put({ ...keys.staffMember(member.zaloAppUserId), ...keys.staffList(member.role, member.zaloAppUserId), type: itemTypes.staffMember, ...member });
  }

  async remove(zaloAppUserId: string): Promise<boolean> {
    const result = await this.table.delete(keys.staffMember(zaloAppUserId), { ReturnValues: "ALL_OLD" });
    return result.Attributes !== undefined;
  }
}

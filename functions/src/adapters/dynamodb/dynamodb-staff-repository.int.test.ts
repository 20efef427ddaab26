import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import type { StaffMember } from "../../domain/staff.js";
import { DynamoDbAuditLog } from "./dynamodb-audit-log.js";
import { DynamoDbStaffRepository } from "./dynamodb-staff-repository.js";

let staff: DynamoDbStaffRepository;
const table = testTableForThisFile((created) => {
  staff = new DynamoDbStaffRepository(created.table);
});

const member = (id: string, role: StaffMember["role"]): StaffMember => ({
  zaloAppUserId: id,
  name: `Cán bộ ${id}`,
  role,
  agencyCodes: ["000.00.20.H27"],
  allAgencies: false,
  createdAt: "2026-11-28T00:00:00.000Z",
  updatedAt: "2026-11-28T00:00:00.000Z",
  updatedBy: "admin-1",
});

it("access pattern: staff member by Zalo user id; all staff; removal", async () => {
  await staff.put(member("s1", "officer"));
  await staff.put(member("s2", "admin"));
  expect(await staff.get("s1")).toEqual(member("s1", "officer"));
  expect(await staff.get("nobody")).toBeNull();
  expect((await staff.list()).map((m) => m.zaloAppUserId).sort()).toEqual(["s1", "s2"]);
  // A role change moves the member in the list index too.
  await staff.put(member("s1", "admin"));
  expect((await staff.list()).filter((m) => m.role === "admin")).toHaveLength(2);
  expect(await staff.remove("s1")).toBe(true);
  expect(await staff.remove("s1")).toBe(false);
  expect(await staff.get("s1")).toBeNull();
});

it("access pattern: audit entries of a Vietnam day, in time order, expiring after two years", async () => {
  const audit = new DynamoDbAuditLog(table.table);
  await audit.record({ actorZaloAppUserId: "s2", action: "view_receipt_qr", subject: "HS-1", at: "2026-11-28T02:00:00.000Z" });
  await audit.record({ actorZaloAppUserId: "s2", action: "list_staff", subject: "*", at: "2026-11-28T01:00:00.000Z" });
  // 01:30 on the 28th in Vietnam, still the 27th in UTC; 23:30 on the 28th in Vietnam is the 29th's.
  await audit.record({ actorZaloAppUserId: "s2", action: "read_feedback", subject: "T-1", at: "2026-11-27T18:30:00.000Z" });
  await audit.record({ actorZaloAppUserId: "s2", action: "export_ratings", subject: "*", at: "2026-11-28T17:00:00.000Z" });
  const day = await table.documentClient.send(
    new QueryCommand({ TableName: table.tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": "AUDIT#2026-11-28" } }),
  );
  expect(day.Items?.map((i) => i.action)).toEqual(["read_feedback", "list_staff", "view_receipt_qr"]);
  expect(day.Items?.[1]?.expiresAt).toBe(Math.floor(Date.parse("2026-11-28T01:00:00.000Z") / 1000) + 2 * 365 * 24 * 3600);
});

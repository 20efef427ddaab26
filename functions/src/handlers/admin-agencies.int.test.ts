import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { appointStaff, firstIngestEvent, signedIngestRequest } from "../../test/builders.js";
import { startTestStack } from "../../test/test-stack.js";
import { DynamoDbAgencyDirectory } from "../adapters/dynamodb/dynamodb-agency-directory.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";

const wards = { kinhBac: "000.00.40.H27", daiPhuc: "000.00.41.H27", neverIngested: "000.00.49.H27" };
let now = new Date("2026-11-20T02:00:00Z");
const clock = { now: () => now };
let stack: Awaited<ReturnType<typeof startTestStack>>;
let handlers: Record<"ingest" | "admin", HttpHandler>;
const tokens = { admin: "", officer: "", twoAgencies: "" };

function dossierEvent(agencyCode: string, agencyName: string, serial: number) {
  return firstIngestEvent(`${agencyCode}-261120-${String(100 + serial).padStart(4, "0")}`, {
    eventId: `agency-${agencyCode}-${serial}`,
    occurredAt: "2026-11-20T09:00:00+07:00",
    agencyCode,
    agencyName,
    dueAt: "2026-11-25T17:00:00+07:00",
  });
}

async function ingest(events: unknown[]) {
  const response = await handlers.ingest(signedIngestRequest(events, String(Math.floor(now.getTime() / 1000))));
  expect(response.statusCode).toBe(200);
}

async function agencies(token: string) {
  const response = await handlers.admin(apiGatewayEvent({ routeKey: "GET /v1/admin/agencies", rawPath: "/v1/admin/agencies", headers: { authorization: `Bearer ${token}` } }));
  expect(response.statusCode).toBe(200);
  return (JSON.parse(String(response.body)) as { agencies: { code: string; name: string | null }[] }).agencies;
}

beforeAll(async () => {
  stack = await startTestStack({}, { clock });
  const admin = await stack.createZaloUser("Lê Minh Quân", "0900000001");
  const officer = await stack.createZaloUser("Phạm Thu Hà", "0900000002");
  const twoAgencies = await stack.createZaloUser("Đỗ Văn Hùng", "0900000003");
  stack.config.firstAdminZaloAppUserId = admin.zaloAppUserId;
  handlers = httpHandlersFrom(composeDependencies(stack.config, { clock }));
  Object.assign(tokens, { admin: admin.accessToken, officer: officer.accessToken, twoAgencies: twoAgencies.accessToken });
  for (const [user, agencyCodes] of [
    [officer, [wards.kinhBac]],
    [twoAgencies, [wards.daiPhuc, wards.neverIngested]],
  ] as const) {
    await appointStaff(handlers.admin, tokens.admin, user, { agencyCodes: [...agencyCodes] });
  }
});
afterAll(async () => stack?.stop());

describe("GET /v1/admin/agencies: the agencies a staff member may pick, by name", () => {
  it("learns each agency's name from ingested dossiers; admins get every one sorted by name, officers only theirs", async () => {
    await ingest([dossierEvent(wards.kinhBac, "UBND phường Kinh Bắc", 1), dossierEvent(wards.daiPhuc, "UBND phường Đại Phúc", 2), dossierEvent(wards.kinhBac, "UBND phường Kinh Bắc", 3)]);
    const forAdmin = await agencies(tokens.admin);
    expect(forAdmin.filter((a) => Object.values(wards).includes(a.code))).toEqual([
      { code: wards.daiPhuc, name: "UBND phường Đại Phúc" },
      { code: wards.kinhBac, name: "UBND phường Kinh Bắc" },
    ]);
    expect(await agencies(tokens.officer)).toEqual([{ code: wards.kinhBac, name: "UBND phường Kinh Bắc" }]);
    // An agency of the officer's scope that no dossier has named yet is still there to pick, by its code.
    expect(await agencies(tokens.twoAgencies)).toEqual([
      { code: wards.daiPhuc, name: "UBND phường Đại Phúc" },
      { code: wards.neverIngested, name: null },
    ]);
  });

  it("follows a rename sent with a later dossier", async () => {
    now = new Date("2026-11-20T03:00:00Z");
    await ingest([dossierEvent(wards.kinhBac, "UBND phường Kinh Bắc (mới)", 4)]);
    expect(await agencies(tokens.officer)).toEqual([{ code: wards.kinhBac, name: "UBND phường Kinh Bắc (mới)" }]);
    const item = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.agency(wards.kinhBac) }));
    expect(item.Item).toMatchObject({ type: "Agency", code: wards.kinhBac, name: "UBND phường Kinh Bắc (mới)", updatedAt: "2026-11-20T03:00:00.000Z" });
  });

  it("access pattern: every agency of the directory in one Query, item by item through its schema", async () => {
    const directory = new DynamoDbAgencyDirectory(stack.table.table);
    await directory.remember({ code: "000.00.48.H27", name: "Sở Tư pháp" }, now);
    const listed = await directory.list();
    expect(listed).toContainEqual({ code: "000.00.48.H27", name: "Sở Tư pháp" });
    expect(listed.map((a) => a.code)).toEqual(expect.arrayContaining([wards.kinhBac, wards.daiPhuc]));
  });
});

import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../../test/api-gateway-event.js";
import { appointStaff, outboxItemInState } from "../../../test/builders.js";
import { startTestStack } from "../../../test/test-stack.js";
import { DynamoDbOutboxStateCensus } from "../../adapters/dynamodb/dynamodb-outbox-state-census.js";
import { composeDependencies } from "../../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../../composition/http-handlers.js";
import type { OutboxNotification } from "../../domain/outbox.js";
import { countDeliveryStatesUseCase } from "../../use-cases/count-delivery-states.js";

const agency = "000.00.50.H27";
const otherAgency = "000.00.51.H27";
const at = "2026-11-20T02:00:00.000Z";
let stack: Awaited<ReturnType<typeof startTestStack>>;
let admin: HttpHandler;
const tokens = { admin: "", officer: "" };
let serial = 0;

const dossierMessage = (agencyCode: string): OutboxNotification => ({
  kind: "dossier_status_changed",
  dossierCode: `${agencyCode}-261120-${String((serial += 1)).padStart(4, "0")}`,
  status: 4,
  procedureName: "Đăng ký khai sinh",
  dueAt: at,
  newDueAt: null,
  applicantPhone: "84912345678",
});
const announcement = (): OutboxNotification => ({ kind: "announcement", announcementId: "a1", title: "Lịch nghỉ Tết", summary: "…", zaloAppUserId: String((serial += 1)) });

/** An outbox item as the notify function leaves it in each state: waiting ones in OUTBOX_WAITING, failed ones in OUTBOX_STATE#…. */
function item(state: "pending" | "sending" | "failed" | "undeliverable" | "unconfirmed", notification: OutboxNotification, agencyCode: string | null) {
  return outboxItemInState(state, `count-${(serial += 1)}`, notification, at, { agencyCode });
}

async function put(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    await stack.table.documentClient.send(new BatchWriteCommand({ RequestItems: { [stack.config.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

async function counts(token: string) {
  const response = await admin(apiGatewayEvent({ routeKey: "GET /v1/admin/notifications/counts", rawPath: "/v1/admin/notifications/counts", headers: { authorization: `Bearer ${token}` } }));
  expect(response.statusCode).toBe(200);
  return (JSON.parse(String(response.body)) as { counts: Record<string, { count: number; atLeast: boolean }> }).counts;
}

beforeAll(async () => {
  stack = await startTestStack();
  const adminUser = await stack.createZaloUser("Lê Minh Quân", "0900000001");
  const officer = await stack.createZaloUser("Phạm Thu Hà", "0900000002");
  stack.config.firstAdminZaloAppUserId = adminUser.zaloAppUserId;
  admin = httpHandlersFrom(composeDependencies(stack.config)).admin;
  Object.assign(tokens, { admin: adminUser.accessToken, officer: officer.accessToken });
  await appointStaff(admin, tokens.admin, officer, { name: "Phạm Thu Hà", agencyCodes: [agency] });
  await put([
    ...Array.from({ length: 7 }, () => item("pending", dossierMessage(agency), agency)),
    ...Array.from({ length: 2 }, () => item("pending", dossierMessage(otherAgency), otherAgency)),
    ...Array.from({ length: 4 }, () => item("pending", announcement(), null)),
    item("sending", dossierMessage(agency), agency),
    ...Array.from({ length: 3 }, () => item("failed", dossierMessage(agency), agency)),
    item("failed", dossierMessage(otherAgency), otherAgency),
    ...Array.from({ length: 2 }, () => item("undeliverable", dossierMessage(otherAgency), otherAgency)),
    ...Array.from({ length: 2 }, () => item("unconfirmed", dossierMessage(agency), agency)),
    item("unconfirmed", announcement(), null),
  ]);
});
afterAll(async () => stack?.stop());

describe("GET /v1/admin/notifications/counts: the delivery log's counts per state", () => {
  it("counts every unsent state at once for an admin, announcements included", async () => {
    expect(await counts(tokens.admin)).toEqual({
      pending: { count: 13, atLeast: false },
      sending: { count: 1, atLeast: false },
      failed: { count: 4, atLeast: false },
      undeliverable: { count: 2, atLeast: false },
      unconfirmed: { count: 3, atLeast: false },
    });
  });

  it("counts for an officer only their agency's messages", async () => {
    expect(await counts(tokens.officer)).toEqual({
      pending: { count: 7, atLeast: false },
      sending: { count: 1, atLeast: false },
      failed: { count: 3, atLeast: false },
      undeliverable: { count: 0, atLeast: false },
      unconfirmed: { count: 2, atLeast: false },
    });
  });

  it("reads a partition up to its bound: exact at the bound, 'at least' one item past it", async () => {
    const census = new DynamoDbOutboxStateCensus(stack.table.table);
    const everyAgency = { zaloAppUserId: "1", name: "Quản trị", role: "admin" as const, agencyCodes: [], allAgencies: true, createdAt: at, updatedAt: at, updatedBy: "test" };
    // Failed: 4 items; waiting: 14.
    const atBound = await countDeliveryStatesUseCase({ census, maxPerPartition: 4 })(everyAgency);
    expect(atBound.failed).toEqual({ count: 4, atLeast: false });
    // The waiting partition holds pending and sending ones together: past its bound both are floors.
    expect(atBound.pending.atLeast && atBound.sending.atLeast).toBe(true);
    expect(atBound.pending.count + atBound.sending.count).toBe(4);
    const pastBound = await countDeliveryStatesUseCase({ census, maxPerPartition: 3 })(everyAgency);
    expect(pastBound.failed).toEqual({ count: 3, atLeast: true });
    expect(pastBound.undeliverable).toEqual({ count: 2, atLeast: false });
  });
});

import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { outboxItemFor } from "../src/adapters/dynamodb/dossier-items.js";
import { keys } from "../src/adapters/dynamodb/keys.js";
import type { OutboxNotification, OutboxState } from "../src/domain/outbox.js";
import { ingestSignature } from "../src/handlers/http/ingest-signature.js";
import { apiGatewayEvent, routeRequest } from "./api-gateway-event.js";
import { testSecrets } from "./test-stack.js";

export { firstIngestEvent, type DossierDetails, type FirstEventOptions } from "../../local/src/seed/first-ingest-event.js";
export { dossierNotification } from "./dossier-fixtures.js";

/** A marriage registration at a commune office, for a first ingest event (the phone as the province sends it). */
export const marriageRegistrationEvent = {
  agencyName: "UBND xã Sơn Động",
  procedureCode: "1.000894.000.00.00.H27",
  procedureName: "Đăng ký kết hôn",
  applicantName: "Trần Thị Bình",
  applicantPhone: "0987654321",
} as const;

/** `POST /v1/ingest/events` as the province's one-stop system signs it (timestamp in Unix seconds). */
export function signedIngestRequest(events: readonly unknown[], timestamp: string, secret = testSecrets.ingest): APIGatewayProxyEventV2 {
  const body = JSON.stringify({ events });
  return apiGatewayEvent({
    routeKey: "POST /v1/ingest/events",
    rawPath: "/v1/ingest/events",
    headers: { "content-type": "application/json", "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${ingestSignature(secret, timestamp, Buffer.from(body)).toString("hex")}` },
    body,
  });
}

export interface StaffAppointment {
  name?: string;
  role?: "officer" | "admin";
  agencyCodes: string[];
}

/**
 * Makes a Zalo user a staff member the way an admin does it in the Mini App (`PUT /v1/admin/staff/{id}` on the admin
 * function, with the admin's token); the user's own token is then a staff token. Throws unless the route answers 200.
 */
export async function appointStaff(
  admin: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
  adminToken: string,
  user: { zaloAppUserId: string },
  { name = "Cán bộ", role = "officer", agencyCodes }: StaffAppointment,
): Promise<void> {
  const response = await admin(
    routeRequest("PUT /v1/admin/staff/{zaloAppUserId}", { pathParameters: { zaloAppUserId: user.zaloAppUserId }, token: adminToken, body: { name, role, agencyCodes } }),
  );
  if (response.statusCode !== 200) throw new Error(`appointing staff answered ${response.statusCode}: ${String(response.body)}`);
}

/**
 * An outbox item as the table holds it in `state`, built by the adapter's own item builder and indexed as the notify
 * function leaves it: pending and sending ones in OUTBOX_WAITING, failed and undeliverable ones by state and `at`
 * (with `reason` and `finishedAt` when a reason is given).
 */
export function outboxItemInState(
  state: Exclude<OutboxState, "sent">,
  id: string,
  notification: OutboxNotification,
  at: string,
  options: { agencyCode?: string | null; reason?: string } = {},
): Record<string, unknown> {
  const waiting = state === "pending" || state === "sending";
  return {
    ...outboxItemFor(id, notification, at, undefined, options.agencyCode ?? null),
    ...(waiting ? keys.outboxWaiting(at, id) : keys.outboxByState(state, at, id)),
    state,
    ...(options.reason === undefined ? {} : { reason: options.reason, finishedAt: at }),
  };
}

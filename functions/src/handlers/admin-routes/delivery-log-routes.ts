import * as z from "zod/mini";
import { maskPhoneNumber } from "../../domain/citizen.js";
import { parseDossierCode } from "@motcua/contracts/dossier-code";
import { outboxDossierCode, outboxStates, type OutboxItem } from "../../domain/outbox.js";
import type { QuotaReading } from "../../domain/daily-quota.js";
import type { DailySendQuota } from "../../use-cases/daily-send-quota.js";
import type { DeliveryLog } from "../../use-cases/delivery-log.js";
import { isInvalidCursor } from "../../ports/page-cursor.js";
import { adminMessages } from "../admin-messages.js";
import type { StateCount, UnsentState } from "../../use-cases/count-delivery-states.js";
import type { StaffMember } from "../../domain/staff.js";
import { zodIssues } from "../http/json-body.js";
import { errorResponse, json } from "../http/responses.js";
import { pageQueryFields, type AdminRoute } from "./admin-route.js";
import { inboxMessages } from "./inbox-messages.js";

export interface DeliveryLogRouteDeps {
  deliveryLog: DeliveryLog;
  /** Counts per unsent state in the caller's scope, each partition read up to a bound. */
  countDeliveryStates: (actor: StaffMember) => Promise<Record<UnsentState, StateCount>>;
  sendQuota: Pick<DailySendQuota, "readings" | "announcementReservePercent">;
}

function quotaView(reading: QuotaReading | null) {
  return reading && { dailyQuota: reading.dailyQuota, remainingQuota: reading.remainingQuota, updatedAt: reading.updatedAt };
}

const listQuery = z.lazy(() => z.strictObject({
  state: z.optional(z.enum(outboxStates)),
  dossier: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  ...pageQueryFields(),
}));
const idPattern = /^[A-Za-z0-9_-]{1,100}$/u;

function itemView(item: OutboxItem) {
  const notification = item.notification;
  return {
    id: item.id,
    kind: notification.kind,
    state: item.state,
    channel: item.channel,
    // A phone number (ZNS) is shown masked; an OA user id is already app-specific.
    recipient: item.recipient === null ? null : item.channel === "zns" ? maskPhoneNumber(item.recipient) : item.recipient,
    attempts: item.attempts,
    manualRetries: item.manualRetries,
    zaloMessageId: item.zaloMessageId,
    reason: item.reason,
    dossierCode: outboxDossierCode(notification),
    agencyCode: item.agencyCode,
    subject: notification.kind === "announcement" ? notification.title : notification.kind === "feedback_reply" ? notification.excerpt.slice(0, 80) : notification.procedureName,
    notBefore: item.notBefore,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt ?? item.finishedAt ?? item.createdAt,
  };
}

/**
 * `GET /v1/admin/notifications`, `POST /v1/admin/notifications/{id}/retry`: the delivery log;
 * `GET /v1/admin/notifications/quota`: today's quota per channel (null before the channel's first send of the day).
 */
export function deliveryLogRoutes(deps: DeliveryLogRouteDeps): Record<string, AdminRoute> {
  return {
    "GET /v1/admin/notifications/quota": async () => {
      const readings = await deps.sendQuota.readings();
      return json(200, {
        oa: quotaView(readings.oa_template),
        zns: quotaView(readings.zns),
        announcementReservePercent: deps.sendQuota.announcementReservePercent,
      });
    },
    "GET /v1/admin/notifications/counts": async (_event, actor) => json(200, { counts: await deps.countDeliveryStates(actor) }),
    "GET /v1/admin/notifications": async (event, actor) => {
      const query = listQuery.safeParse(event.queryStringParameters ?? {});
      if (!query.success) {
        const detail = zodIssues(query.error);
        return errorResponse(400, "INVALID_QUERY", inboxMessages.invalidQuery(detail));
      }
      let dossierCode: string | null = null;
      if (query.data.dossier !== undefined) {
        const parsed = parseDossierCode(query.data.dossier);
        if (!parsed.ok) return errorResponse(400, "INVALID_CODE", inboxMessages.invalidQuery("dossier"));
        dossierCode = parsed.code;
      }
      if (query.data.state === "sent" && dossierCode === null) return errorResponse(400, "DOSSIER_REQUIRED", inboxMessages.dossierRequiredForSent);
      const page = await deps.deliveryLog.list(actor, { state: query.data.state ?? null, dossierCode, after: query.data.cursor ?? null, limit: query.data.limit });
      if (isInvalidCursor(page)) return errorResponse(400, "INVALID_CURSOR", adminMessages.invalidCursor);
      return json(200, { notifications: page.items.map(itemView), nextCursor: page.next });
    },
    "POST /v1/admin/notifications/{id}/retry": async (event, actor) => {
      const id = event.pathParameters?.id ?? "";
      if (!idPattern.test(id)) return errorResponse(404, "NOT_FOUND", inboxMessages.notificationNotFound);
      const result = await deps.deliveryLog.retry(actor, id);
      if (result.kind === "not_found") return errorResponse(404, "NOT_FOUND", inboxMessages.notificationNotFound);
      if (result.kind === "not_retryable") return errorResponse(409, "NOT_RETRYABLE", inboxMessages.notRetryable);
      return json(200, itemView(result.item));
    },
  };
}

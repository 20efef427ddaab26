import * as z from "zod/mini";
import { dossierNotificationKinds } from "../../domain/dossier-notification.js";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import { outboxStates, type OutboxItem } from "../../domain/outbox.js";
import { itemTypes } from "./keys.js";

const instant = () => z.string().check(z.minLength(20));
const status = () => z.pipe(z.number().check(z.refine(isDossierStatus, "not a national status code")), z.transform((s) => s as DossierStatus));

const dossierNotification = () => z.object({
  kind: z.enum(dossierNotificationKinds),
  dossierCode: z.string(),
  status: status(),
  procedureName: z.string(),
  dueAt: instant(),
  newDueAt: z.nullable(instant()),
  applicantPhone: z.nullable(z.string()),
  agencyName: z.optional(z.string()),
});

const announcementNotification = () => z.object({
  kind: z.literal("announcement"),
  announcementId: z.string(),
  title: z.string(),
  summary: z.string(),
  zaloAppUserId: z.string(),
});

const feedbackReplyNotification = () => z.object({
  kind: z.literal("feedback_reply"),
  threadId: z.string(),
  zaloAppUserId: z.string(),
  excerpt: z.string(),
  dossierCode: z.nullable(z.string()),
});

export const outboxItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.outboxItem),
  id: z.string(),
  state: z.enum(outboxStates),
  attempts: z.number().check(z.int(), z.nonnegative()),
  createdAt: instant(),
  agencyCode: z._default(z.nullable(z.string()), null),
  notification: z.discriminatedUnion("kind", [dossierNotification(), announcementNotification(), feedbackReplyNotification()]),
  notBefore: z._default(z.nullable(instant()), null),
  leaseOwner: z._default(z.nullable(z.string()), null),
  leaseUntil: z._default(z.nullable(instant()), null),
  channel: z._default(z.nullable(z.enum(["oa_template", "zns"])), null),
  recipient: z._default(z.nullable(z.string()), null),
  zaloMessageId: z._default(z.nullable(z.string()), null),
  reason: z._default(z.nullable(z.string()), null),
  finishedAt: z._default(z.nullable(instant()), null),
  updatedAt: z._default(z.nullable(instant()), null),
  manualRetries: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  attemptStartedAt: z._default(z.nullable(instant()), null),
}));

export function outboxFromItem(item: Record<string, unknown>): OutboxItem {
  const { type: _type, ...outbox } = outboxItemSchema.parse(item);
  return outbox;
}

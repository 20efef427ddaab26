import * as z from "zod";
import { dossierNotificationKinds } from "../../domain/dossier-notification.js";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import { outboxStates, type OutboxItem } from "../../domain/outbox.js";
import { itemTypes } from "./keys.js";

const instant = z.string().min(20);
const status = z.number().refine(isDossierStatus, "not a national status code").transform((s) => s as DossierStatus);

const dossierNotification = z.object({
  kind: z.enum(dossierNotificationKinds),
  dossierCode: z.string(),
  status,
  procedureName: z.string(),
  dueAt: instant,
  newDueAt: instant.nullable(),
  applicantPhone: z.string().nullable(),
  agencyName: z.string().optional(),
});

const announcementNotification = z.object({
  kind: z.literal("announcement"),
  announcementId: z.string(),
  title: z.string(),
  summary: z.string(),
  zaloAppUserId: z.string(),
});

const feedbackReplyNotification = z.object({
  kind: z.literal("feedback_reply"),
  threadId: z.string(),
  zaloAppUserId: z.string(),
  excerpt: z.string(),
  dossierCode: z.string().nullable(),
});

export const outboxItemSchema = z.object({
  type: z.literal(itemTypes.outboxItem),
  id: z.string(),
  state: z.enum(outboxStates),
  attempts: z.number().int().nonnegative(),
  createdAt: instant,
  agencyCode: z.string().nullable().default(null),
  notification: z.discriminatedUnion("kind", [dossierNotification, announcementNotification, feedbackReplyNotification]),
  notBefore: instant.nullable().default(null),
  leaseOwner: z.string().nullable().default(null),
  leaseUntil: instant.nullable().default(null),
  channel: z.enum(["oa_template", "zns"]).nullable().default(null),
  recipient: z.string().nullable().default(null),
  zaloMessageId: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
  finishedAt: instant.nullable().default(null),
  updatedAt: instant.nullable().default(null),
  manualRetries: z.number().int().nonnegative().default(0),
  attemptStartedAt: instant.nullable().default(null),
});

export function outboxFromItem(item: Record<string, unknown>): OutboxItem {
  const { type: _type, ...outbox } = outboxItemSchema.parse(item);
  return outbox;
}

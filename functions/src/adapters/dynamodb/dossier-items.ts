import * as z from "zod/mini";
import type { Dossier, DossierEvent } from "../../domain/dossier.js";
import { lateWatch } from "../../domain/late-dossier.js";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import { outboxDossierCode, type OutboxNotification, type OutboxState } from "../../domain/outbox.js";
import { itemTypes, keys } from "./keys.js";

const status = () => z.pipe(z.number().check(z.refine(isDossierStatus, "not a national status code")), z.transform((s) => s as DossierStatus));
const instant = () => z.string().check(z.minLength(20));
const apology = () => z.object({ reason: z.string(), newDueAt: instant() });

export const dossierItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.dossier),
  code: z.string(),
  codeKind: z.enum(["official", "other"]),
  agencyCode: z.string(),
  agencyName: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  // Attributes that are null are not stored (they cost bytes in the item and in each index copy); items written
  // before that kept them as explicit nulls, and both forms read the same.
  applicantPhone: z._default(z.nullable(z.string()), null),
  receivedAt: instant(),
  dueAt: instant(),
  detailsAt: instant(),
  status: status(),
  statusAt: instant(),
  finishedAt: z._default(z.nullable(instant()), null),
  supplementRequests: z.number().check(z.int(), z.nonnegative()),
  supplementPausedMs: z.number().check(z.nonnegative()),
  supplementPausedSince: z._default(z.nullable(instant()), null),
  latestApology: z._default(z.nullable(z.extend(apology(), { occurredAt: instant() })), null),
  // Absent on dossiers written before rating invitations existed.
  ratingInvitedAt: z._default(z.nullable(instant()), null),
  // Absent on dossiers written before late-dossier detection existed.
  lateAt: z._default(z.nullable(instant()), null),
  // Absent unless a sync sender reported a status code its map does not know.
  sourceStatus: z._default(z.nullable(z.object({ code: z.string(), seenAt: instant() })), null),
  eventCount: z.number().check(z.int(), z.positive()),
  version: z.number().check(z.int(), z.positive()),
  createdAt: instant(),
  updatedAt: instant(),
}));

export const dossierEventItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.dossierEvent),
  eventId: z.string(),
  status: status(),
  occurredAt: instant(),
  recordedAt: instant(),
  note: z._default(z.nullable(z.string()), null),
  unitName: z._default(z.nullable(z.string()), null),
  apology: z._default(z.nullable(apology()), null),
  /** The ingested payload's fingerprint (the event item is the idempotency marker); absent on events written before. */
  payloadHash: z.optional(z.string()),
}));

/** A record without its null attributes: a missing attribute reads as null (the schemas default it). */
export function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));
}

export function dossierToItem(dossier: Dossier, phoneHash: string | null): Record<string, unknown> {
  return {
    ...keys.dossier(dossier.code),
    ...(phoneHash ? keys.dossierByPhone(phoneHash, dossier.receivedAt, dossier.code) : {}),
    ...lateWatchKey(dossier),
    type: itemTypes.dossier,
    ...withoutNulls({ ...dossier }),
  };
}

/** GSI2 of a dossier item: its promised return day while open, its agency's late list once marked late. */
export function lateWatchKey(dossier: Dossier): { GSI2PK: string; GSI2SK: string } | Record<string, never> {
  const watch = lateWatch(dossier);
  if (!watch) return {};
  return watch.kind === "due"
    ? keys.dossierDueOn(watch.day, dossier.agencyCode, dossier.code)
    : keys.lateDossierOfAgency(dossier.agencyCode, dossier.dueAt, dossier.code);
}

export function dossierFromItem(item: Record<string, unknown>): Dossier {
  const { type: _type, ...dossier } = dossierItemSchema.parse(item);
  return dossier;
}

/** Base64url characters of the payload's fingerprint an event item keeps: 128 bits. */
export const storedPayloadHashLength = 22;

/**
 * An event item. Its time and id are in its sort key (`EVENT#<occurredAt>#<eventId>`) and not stored again: items
 * written before kept them as attributes too, and both forms read the same.
 */
export function eventToItem(code: string, event: DossierEvent, payloadHash?: string): Record<string, unknown> {
  const { eventId: _inKeyId, occurredAt: _inKeyTime, ...rest } = event;
  // The fingerprint's first 128 bits tell a repeated payload from another one (`samePayload` compares so).
  const storedHash = payloadHash?.slice(0, storedPayloadHashLength);
  return { ...keys.dossierEvent(code, event.occurredAt, event.eventId), type: itemTypes.dossierEvent, ...withoutNulls({ ...rest, payloadHash: storedHash }) };
}

export function eventFromItem(item: Record<string, unknown>): DossierEvent {
  return eventWithPayloadHashFromItem(item).event;
}

export function eventWithPayloadHashFromItem(item: Record<string, unknown>): { event: DossierEvent; payloadHash: string | null } {
  const { type: _type, payloadHash, ...event } = dossierEventItemSchema.parse({ ...eventKeyParts(item["SK"]), ...item });
  return { event, payloadHash: payloadHash ?? null };
}

/** `occurredAt` and `eventId` from an event's sort key (an ISO instant has no `#`; an event id may). */
function eventKeyParts(sortKey: unknown): { occurredAt?: string; eventId?: string } {
  const match = typeof sortKey === "string" ? /^EVENT#([^#]+)#(.+)$/.exec(sortKey) : null;
  return match ? { occurredAt: match[1], eventId: match[2] } : {};
}

/**
 * A new outbox item. `agencyCode` (the dossier's) is recorded at write time so the delivery log can show each
 * agency's staff only their messages.
 */
export function outboxItemFor(
  id: string,
  notification: OutboxNotification,
  createdAt: string,
  groupKey?: { GSI2PK: string; GSI2SK: string },
  agencyCode: string | null = null,
): Record<string, unknown> {
  const dossierCode = outboxDossierCode(notification);
  return {
    ...keys.outboxItem(id),
    ...(groupKey ?? (dossierCode === null ? {} : keys.outboxByDossier(dossierCode, createdAt, id))),
    type: itemTypes.outboxItem,
    id,
    state: "pending" satisfies OutboxState,
    attempts: 0,
    createdAt,
    ...(agencyCode === null ? {} : { agencyCode }),
    notification,
  };
}

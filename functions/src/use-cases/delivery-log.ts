import { retryableOutboxStates, type OutboxItem, type OutboxState } from "../domain/outbox.js";
import { feedbackScope } from "../domain/feedback.js";
import { canSeeAgency, isAdmin, type StaffMember } from "../domain/staff.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { Clock } from "../ports/clock.js";
import type { OutboxPage, OutboxRepository } from "../ports/outbox-repository.js";
import { isInvalidCursor, orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";

export interface DeliveryLogDeps {
  outbox: Pick<OutboxRepository, "get" | "listByDossier" | "listByState" | "retry">;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Who sees a message in the delivery log: announcements (one per follower, no dossier) only admins; a
 * dossier's messages the staff of its agency; a general feedback answer the staff with the general PAKN
 * scope; an item older than the agency field only staff of every agency.
 */
export function canSeeOutboxItem(
  staff: StaffMember,
  item: { agencyCode: string | null; notification: { kind: OutboxItem["notification"]["kind"]; dossierCode?: string | null } },
): boolean {
  const notification = item.notification;
  if (notification.kind === "announcement") return isAdmin(staff);
  if (item.agencyCode) return canSeeAgency(staff, item.agencyCode);
  if (notification.kind === "feedback_reply") {
    const scope = feedbackScope({ dossierCode: notification.dossierCode ?? null, agencyCode: null });
    return scope === null ? staff.allAgencies : canSeeAgency(staff, scope);
  }
  return staff.allAgencies;
}

const maxRounds = 5;

/** The delivery log of the staff tab: messages by state or by dossier, and sending a failed one again. */
export function deliveryLogUseCases(deps: DeliveryLogDeps) {
  async function list(
    actor: StaffMember,
    request: { state: OutboxState | null; dossierCode: string | null; after: string | null; limit: number },
  ): Promise<OutboxPage | InvalidCursor> {
    const read = (after: string | null, limit: number): Promise<OutboxPage> => {
      if (request.dossierCode !== null) return deps.outbox.listByDossier(request.dossierCode, { after, limit });
      // `sent` is read by dossier only (the handler refuses it alone); no state means the failed ones.
      const state = request.state === null || request.state === "sent" ? "failed" : request.state;
      return deps.outbox.listByState(state, { after, limit });
    };
    const items: OutboxItem[] = [];
    let after = request.after;
    for (let round = 0; round < maxRounds && items.length < request.limit; round += 1) {
      const page = await orInvalidCursor(() => read(after, request.limit - items.length));
      if (isInvalidCursor(page)) return page;
      items.push(...page.items.filter((item) => canSeeOutboxItem(actor, item) && (request.state === null || item.state === request.state)));
      after = page.next;
      if (after === null) break;
    }
    // Recipients (OA user ids, phone numbers) are citizens' personal data.
    await deps.audit.record({
      actorZaloAppUserId: actor.zaloAppUserId,
      action: "list_notifications",
      subject: request.dossierCode ?? request.state ?? "failed",
      at: deps.clock.now().toISOString(),
    });
    return { items, next: after };
  }

  async function retry(
    actor: StaffMember,
    id: string,
  ): Promise<{ kind: "retried"; item: OutboxItem } | { kind: "not_found" } | { kind: "not_retryable"; state: OutboxState }> {
    const item = await deps.outbox.get(id);
    if (!item || !canSeeOutboxItem(actor, item)) return { kind: "not_found" };
    if (!(retryableOutboxStates as readonly OutboxState[]).includes(item.state)) return { kind: "not_retryable", state: item.state };
    // An announcement's message was counted in its fan-out's tally when it failed: the retry takes that back.
    // An unconfirmed one was never counted (it had not finished), so there is nothing to take back.
    const counted = item.notification.kind === "announcement" && item.state !== "unconfirmed";
    const tally = counted ? { announcementId: (item.notification as { announcementId: string }).announcementId } : undefined;
    const result = await deps.outbox.retry(id, item.state, deps.clock.now(), tally);
    if (result.kind === "retried") {
      await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "retry_notification", subject: id, at: deps.clock.now().toISOString() });
    }
    return result;
  }

  return { list, retry };
}

export type DeliveryLog = ReturnType<typeof deliveryLogUseCases>;

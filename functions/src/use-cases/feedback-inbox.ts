import { statusLabel } from "../domain/dossier-status.js";
import {
  closeFeedbackThread,
  feedbackInboxFilters,
  feedbackScope,
  isFeedbackLate,
  reopenFeedbackThread,
  type FeedbackInboxFilter,
  type FeedbackMessage,
  type FeedbackThread,
} from "../domain/feedback.js";
import { canSeeAgency, type StaffMember } from "../domain/staff.js";
import { workingDaysLeft } from "../domain/working-days.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { FeedbackRepository } from "../ports/feedback-repository.js";
import type { AddMessageResult } from "./add-feedback-message.js";
import type { FeedbackDeps } from "./submit-feedback.js";
import { isInvalidCursor, orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";

export interface FeedbackInboxDeps extends FeedbackDeps {
  feedback: FeedbackRepository;
  dossiers: Pick<DossierRepository, "findWithTimeline">;
  audit: AuditLog;
  replyToFeedback: (request: { id: string; staffName: string; text: string; mayReply?: (thread: FeedbackThread) => boolean }) => Promise<AddMessageResult>;
}

/** A thread as the staff inbox lists it. */
export interface InboxThread {
  thread: FeedbackThread;
  late: boolean;
  /** Working days to the reply deadline (negative: overdue by that many); null once answered or closed. */
  workingDaysLeft: number | null;
}

export interface InboxDossier {
  code: string;
  procedureName: string;
  agencyName: string;
  status: number;
  statusLabel: string;
  dueAt: string;
}

/** How many pages a list reads at most to fill one page with threads the caller may see. */
const maxRounds = 5;

/** Staff see a thread of their dossiers' agencies; general feedback with the general scope; unknown dossiers only with every agency. */
export function canSeeFeedback(staff: StaffMember, thread: Pick<FeedbackThread, "dossierCode" | "agencyCode">): boolean {
  const scope = feedbackScope(thread);
  return scope === null ? staff.allAgencies : canSeeAgency(staff, scope);
}

/** The PAKN inbox of the staff tab: list, read, answer, close, reopen, the badge's counts. */
export function feedbackInboxUseCases(deps: FeedbackInboxDeps) {
  const now = () => deps.clock.now();
  const audit = (actor: StaffMember, action: string, subject: string) =>
    deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action, subject, at: now().toISOString() });

  function describe(thread: FeedbackThread): InboxThread {
    const at = now();
    const open = thread.state === "moi" || thread.state === "dang_xu_ly";
    return { thread, late: isFeedbackLate(thread, at), workingDaysLeft: open ? workingDaysLeft(at, thread.replyDueAt, deps.calendar) : null };
  }

  async function list(
    actor: StaffMember,
    request: { filter: FeedbackInboxFilter; lateOnly: boolean; after: string | null; limit: number },
  ): Promise<{ threads: InboxThread[]; next: string | null } | InvalidCursor> {
    const states = feedbackInboxFilters[request.filter];
    const at = now();
    const found: InboxThread[] = [];
    let after = request.after;
    for (let round = 0; round < maxRounds && found.length < request.limit; round += 1) {
      const page = await orInvalidCursor(() =>
        deps.feedback.pageByStates(states, {
          after,
          limit: request.limit - found.length,
          // Open threads are late exactly when their deadline has passed: the index bounds them.
          ...(request.lateOnly && request.filter === "open" ? { dueBefore: at.toISOString() } : {}),
        }),
      );
      if (isInvalidCursor(page)) return page;
      for (const thread of page.threads) {
        if (!canSeeFeedback(actor, thread)) continue;
        if (request.lateOnly && !isFeedbackLate(thread, at)) continue;
        found.push(describe(thread));
      }
      after = page.next;
      if (after === null) break;
    }
    // The list shows each thread's newest message: reading citizens' messages is recorded.
    await audit(actor, "list_feedback", `${request.filter}${request.lateOnly ? ",late" : ""}`);
    return { threads: found, next: after };
  }

  async function get(
    actor: StaffMember,
    id: string,
  ): Promise<{ kind: "not_found" } | { kind: "ok"; thread: InboxThread; messages: FeedbackMessage[]; dossier: InboxDossier | null }> {
    const found = await deps.feedback.get(id);
    if (!found || !canSeeFeedback(actor, found.thread)) return { kind: "not_found" };
    await audit(actor, "read_feedback", id);
    const dossier = found.thread.dossierCode ? await deps.dossiers.findWithTimeline(found.thread.dossierCode) : null;
    return {
      kind: "ok",
      thread: describe(found.thread),
      messages: found.messages,
      dossier: dossier
        ? {
            code: dossier.dossier.code,
            procedureName: dossier.dossier.procedureName,
            agencyName: dossier.dossier.agencyName,
            status: dossier.dossier.status,
            statusLabel: statusLabel(dossier.dossier.status),
            dueAt: dossier.dossier.dueAt,
          }
        : null,
    };
  }

  async function reply(actor: StaffMember, id: string, text: string): Promise<AddMessageResult> {
    const result = await deps.replyToFeedback({ id, staffName: actor.name, text, mayReply: (thread) => canSeeFeedback(actor, thread) });
    if (result.kind === "saved") await audit(actor, "reply_feedback", id);
    return result;
  }

  async function changeState(
    actor: StaffMember,
    id: string,
    action: "close" | "reopen",
  ): Promise<{ kind: "not_found" } | { kind: "refused"; reason: string } | { kind: "ok"; thread: InboxThread }> {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const found = await deps.feedback.get(id, { consistent: true });
      if (!found || !canSeeFeedback(actor, found.thread)) return { kind: "not_found" };
      const changed = action === "close" ? closeFeedbackThread(found.thread, now()) : reopenFeedbackThread(found.thread, now(), deps.calendar);
      if (!changed.ok) return { kind: "refused", reason: changed.reason };
      if ((await deps.feedback.saveThread(changed.thread, found.thread.version)) === "saved") {
        await audit(actor, `${action}_feedback`, id);
        return { kind: "ok", thread: describe(changed.thread) };
      }
    }
    throw new Error(`feedback thread ${id} kept changing`);
  }

  /** The tab's badge: open threads and how many of them are late, in the caller's scope. */
  async function counts(actor: StaffMember): Promise<{ open: number; late: number }> {
    const at = now().getTime();
    const visible = (await deps.feedback.deadlinesByStates(feedbackInboxFilters.open)).filter((thread) => canSeeFeedback(actor, thread));
    return { open: visible.length, late: visible.filter((thread) => Date.parse(thread.replyDueAt) < at).length };
  }

  return { list, get, reply, close: (actor: StaffMember, id: string) => changeState(actor, id, "close"), reopen: (actor: StaffMember, id: string) => changeState(actor, id, "reopen"), counts };
}

export type FeedbackInbox = ReturnType<typeof feedbackInboxUseCases>;

import type { AnnouncementProgress } from "@motcua/contracts/announcement";
import type { Announcement } from "./announcement.js";
import type { AnnouncementNotification } from "./outbox.js";

export { announcementLimits, type AnnouncementProgress } from "@motcua/contracts/announcement";

/** Outbox items written per page: one TransactWriteItems holds at most 100 actions, one of them the job's cursor. */
export const maxFanoutPageSize = 99;

/**
 * A running fan-out job not advanced for this long is nudged by the outbox waker: its step's stream record ran
 * out of retries (or the notify function kept crashing), and nothing else would write the next page. A page
 * takes well under a second, so 5 minutes never nudges a job that is merely slow.
 */
export const fanoutStallMs = 5 * 60_000;

/**
 * The fan-out of one announcement to the opted-in followers: pages of outbox items written in the same
 * transaction as the cursor (`after`, the last follower written), so a crash never leaves a page half-recorded.
 */
export interface AnnouncementFanout {
  announcementId: string;
  state: "running" | "done";
  /** The last follower (zaloAppUserId, in index order) whose item is written; null before the first page. */
  cursor: string | null;
  /** Pages written so far; the next page's transaction is conditional on this number. */
  pages: number;
  /** Outbox items written so far (one per opted-in follower). */
  written: number;
  /** Opted-in followers counted when the fan-out started; null until the first page. */
  targeted: number | null;
  publishedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Final states of the announcement's messages, counted by the notify function. */
export interface AnnouncementTally {
  sent: number;
  failed: number;
  undeliverable: number;
}

/** `pausedUntil`: the latest day start the announcement's messages were told to wait for (null: never paused). */
export function progressOf(fanout: AnnouncementFanout, tally: AnnouncementTally, pause: { pausedUntil: string | null; now: Date } = { pausedUntil: null, now: new Date(0) }): AnnouncementProgress {
  const finished = tally.sent + tally.failed + tally.undeliverable;
  const pending = Math.max(0, fanout.written - finished);
  const paused = pause.pausedUntil !== null && pending > 0 && Date.parse(pause.pausedUntil) > pause.now.getTime() ? { until: pause.pausedUntil } : null;
  return {
    state: fanout.state,
    targeted: fanout.targeted,
    written: fanout.written,
    sent: tally.sent,
    failed: tally.failed,
    undeliverable: tally.undeliverable,
    pending,
    startedAt: fanout.startedAt,
    finishedAt: fanout.finishedAt,
    paused,
  };
}

export function newFanout(announcementId: string, publishedBy: string, at: string): AnnouncementFanout {
  return {
    announcementId,
    state: "running",
    cursor: null,
    pages: 0,
    written: 0,
    targeted: null,
    publishedBy,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
  };
}

/** The message one follower gets: the title and the start of the body (the template shows up to 400 characters). */
export function announcementNotification(announcement: Announcement, zaloAppUserId: string): AnnouncementNotification {
  return {
    kind: "announcement",
    announcementId: announcement.id,
    title: announcement.title,
    summary: announcement.body.length <= 400 ? announcement.body : `${announcement.body.slice(0, 399)}…`,
    zaloAppUserId,
  };
}

/** Deterministic: a re-run of a page writes the same ids, so a conditional Put never makes a second message. */
export function announcementOutboxId(announcementId: string, zaloAppUserId: string): string {
  return `ann-${announcementId}-${zaloAppUserId}`;
}

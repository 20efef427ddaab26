import type { Announcement, AnnouncementKind } from "../domain/announcement.js";
import {
  announcementNotification,
  announcementOutboxId,
  maxFanoutPageSize,
  newFanout,
  progressOf,
  type AnnouncementProgress,
} from "../domain/announcement-fanout.js";
import type { StaffMember } from "../domain/staff.js";
import type { AnnouncementFanoutRepository, FanoutPageResult } from "../ports/announcement-fanout-repository.js";
import type { AnnouncementRepository } from "../ports/announcement-repository.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/id-generator.js";

export interface AnnouncementInput {
  kind: AnnouncementKind;
  title: string;
  body: string;
  link: string | null;
}

export interface PublishAnnouncementDeps {
  fanouts: AnnouncementFanoutRepository;
  announcements: Pick<AnnouncementRepository, "get" | "listNewestFirst">;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
}

export type PublishResult = { kind: "published"; announcement: Announcement; progress: AnnouncementProgress } | { kind: "forbidden" };

export interface AnnouncementWithProgress {
  announcement: Announcement;
  progress: AnnouncementProgress | null;
}

/**
 * Staff side of announcements. Publishing writes the announcement and its fan-out job in one transaction and
 * returns at once; the job's stream record starts the fan-out in the notify function. Admins only.
 */
export function adminAnnouncementsUseCases(deps: PublishAnnouncementDeps) {
  async function publish(actor: StaffMember, input: AnnouncementInput): Promise<PublishResult> {
    if (actor.role !== "admin") return { kind: "forbidden" };
    const at = deps.clock.now().toISOString();
    const announcement: Announcement = { id: deps.ids.newId(), ...input, publishedAt: at };
    const fanout = newFanout(announcement.id, actor.zaloAppUserId, at);
    await deps.fanouts.publish(announcement, fanout);
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "publish_announcement", subject: announcement.id, at });
    return { kind: "published", announcement, progress: progressOf(fanout, { sent: 0, failed: 0, undeliverable: 0 }) };
  }

  async function withProgress(announcement: Announcement): Promise<AnnouncementWithProgress> {
    const found = await deps.fanouts.progress(announcement.id);
    return { announcement, progress: found ? progressOf(found.fanout, found.tally, { pausedUntil: found.pausedUntil, now: deps.clock.now() }) : null };
  }

  /** The newest announcements with their fan-out progress (seeded ones have none). */
  async function list(actor: StaffMember, limit: number): Promise<AnnouncementWithProgress[] | null> {
    if (actor.role !== "admin") return null;
    const page = await deps.announcements.listNewestFirst({ limit, after: null });
    return Promise.all(page.announcements.map(withProgress));
  }

  async function get(actor: StaffMember, id: string): Promise<AnnouncementWithProgress | "forbidden" | null> {
    if (actor.role !== "admin") return "forbidden";
    const announcement = await deps.announcements.get(id);
    return announcement ? withProgress(announcement) : null;
  }

  return { publish, list, get };
}

export type AdminAnnouncements = ReturnType<typeof adminAnnouncementsUseCases>;

export interface FanOutStepDeps {
  fanouts: AnnouncementFanoutRepository;
  announcements: Pick<AnnouncementRepository, "get">;
  citizens: Pick<CitizenRepository, "listAnnouncementSubscribers" | "countAnnouncementSubscribers">;
  clock: Clock;
  /** Outbox items per page (≤ 99: the page and the cursor share one transaction of at most 100 actions). */
  pageSize: number;
}

export type FanOutStepResult = FanoutPageResult | "idle";

/**
 * Writes the next page of one announcement's fan-out: reads the job (strongly consistent), lists the next
 * opted-in followers after its cursor, and writes their outbox items together with the advanced cursor. The
 * page's write is a MODIFY of the job on the stream, which brings the next step; the last page marks it done.
 * A crash before the write leaves the cursor where it was; a crash after it finds the cursor advanced: either way
 * a re-run neither skips nor repeats a follower (the outbox ids are deterministic and the Puts conditional, too).
 */
export function fanOutStepUseCase(deps: FanOutStepDeps) {
  const pageSize = Math.min(Math.max(1, deps.pageSize), maxFanoutPageSize);
  return async function fanOutStep(announcementId: string): Promise<FanOutStepResult> {
    const fanout = await deps.fanouts.getFanout(announcementId);
    if (!fanout || fanout.state !== "running") return "idle";
    const announcement = await deps.announcements.get(announcementId);
    if (!announcement) return "idle";

    const targeted = fanout.targeted ?? (await deps.citizens.countAnnouncementSubscribers());
    const page = await deps.citizens.listAnnouncementSubscribers({ after: fanout.cursor, limit: pageSize });
    const at = deps.clock.now().toISOString();
    const done = page.next === null;
    const items = page.zaloAppUserIds.map((zaloAppUserId) => ({
      outboxId: announcementOutboxId(announcementId, zaloAppUserId),
      notification: announcementNotification(announcement, zaloAppUserId),
    }));
    return deps.fanouts.writePage({
      announcementId,
      expected: fanout,
      items,
      next: {
        ...fanout,
        state: done ? "done" : "running",
        cursor: page.zaloAppUserIds[page.zaloAppUserIds.length - 1] ?? fanout.cursor,
        pages: fanout.pages + 1,
        written: fanout.written + items.length,
        targeted,
        updatedAt: at,
        finishedAt: done ? at : null,
      },
    });
  };
}

export interface NudgeStalledFanoutsDeps {
  fanouts: Pick<AnnouncementFanoutRepository, "nudgeStalled">;
  /** A running job not advanced for this long is nudged (`fanoutStallMs`). */
  stallMs: number;
}

/**
 * For the outbox waker: touches running fan-out jobs that have not advanced for `stallMs`, so a job whose step's
 * stream record ran out of retries (or whose notify calls kept crashing) gets its next page written. A nudged job
 * that stays stuck is nudged again `stallMs` later, not on every run.
 */
export function nudgeStalledFanoutsUseCase(deps: NudgeStalledFanoutsDeps) {
  return (now: Date, limit: number): Promise<number> => deps.fanouts.nudgeStalled(new Date(now.getTime() - deps.stallMs), now, limit);
}

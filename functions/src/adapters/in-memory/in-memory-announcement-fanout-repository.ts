import type { Announcement } from "../../domain/announcement.js";
import type { AnnouncementFanout, AnnouncementTally } from "../../domain/announcement-fanout.js";
import type { AnnouncementNotification } from "../../domain/outbox.js";
import type { AnnouncementFanoutRepository, FanoutPage, FanoutPageResult } from "../../ports/announcement-fanout-repository.js";

/** Unit-test fake: the page and the cursor change together, as in the DynamoDB transaction. */
export class InMemoryAnnouncementFanoutRepository implements AnnouncementFanoutRepository {
  readonly announcements = new Map<string, Announcement>();
  readonly fanouts = new Map<string, AnnouncementFanout>();
  readonly tallies = new Map<string, AnnouncementTally>();
  /** Outbox items by id, with how many times a Put of that id was attempted while it existed. */
  readonly outbox = new Map<string, AnnouncementNotification>();
  /** When each running job last advanced or was nudged (the DynamoDB adapter's GSI1 `FANOUT_RUNNING` sort key). */
  readonly runningSince = new Map<string, string>();
  readonly nudges = new Map<string, number>();

  async publish(announcement: Announcement, fanout: AnnouncementFanout): Promise<void> {
    if (this.announcements.has(announcement.id)) throw new Error("announcement exists");
    this.announcements.set(announcement.id, structuredClone(announcement));
    this.fanouts.set(announcement.id, structuredClone(fanout));
    this.tallies.set(announcement.id, { sent: 0, failed: 0, undeliverable: 0 });
    this.runningSince.set(announcement.id, fanout.updatedAt);
  }

  async getFanout(announcementId: string): Promise<AnnouncementFanout | null> {
    const fanout = this.fanouts.get(announcementId);
    return fanout ? structuredClone(fanout) : null;
  }

  async writePage(page: FanoutPage): Promise<FanoutPageResult> {
    const current = this.fanouts.get(page.announcementId);
    if (!current || current.state !== "running" || current.pages !== page.expected.pages) return "superseded";
    const fresh = page.items.filter((item) => !this.outbox.has(item.outboxId));
    for (const item of fresh) this.outbox.set(item.outboxId, structuredClone(item.notification));
    this.fanouts.set(page.announcementId, { ...structuredClone(page.next), written: page.expected.written + fresh.length });
    if (page.next.state === "running") this.runningSince.set(page.announcementId, page.next.updatedAt);
    else this.runningSince.delete(page.announcementId);
    return "written";
  }

  async nudgeStalled(staleBefore: Date, now: Date, limit: number): Promise<number> {
    const stalled = [...this.runningSince].filter(([, since]) => since < staleBefore.toISOString()).slice(0, limit);
    for (const [id] of stalled) {
      this.runningSince.set(id, now.toISOString());
      this.nudges.set(id, (this.nudges.get(id) ?? 0) + 1);
    }
    return stalled.length;
  }

  readonly pausedUntil = new Map<string, string>();

  async markPaused(announcementId: string, until: Date): Promise<void> {
    const current = this.pausedUntil.get(announcementId);
    if (this.tallies.has(announcementId) && (!current || current < until.toISOString())) this.pausedUntil.set(announcementId, until.toISOString());
  }

  async progress(announcementId: string): Promise<{ fanout: AnnouncementFanout; tally: AnnouncementTally; pausedUntil: string | null } | null> {
    const fanout = this.fanouts.get(announcementId);
    if (!fanout) return null;
    return {
      fanout: structuredClone(fanout),
      tally: { ...(this.tallies.get(announcementId) ?? { sent: 0, failed: 0, undeliverable: 0 }) },
      pausedUntil: this.pausedUntil.get(announcementId) ?? null,
    };
  }
}

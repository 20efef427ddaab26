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

  async publish(announcement: Announcement, fanout: AnnouncementFanout): Promise<void> {
    if (this.announcements.has(announcement.id)) throw new Error("announcement exists");
    this.announcements.set(announcement.id, structuredClone(announcement));
    this.fanouts.set(announcement.id, structuredClone(fanout));
    this.tallies.set(announcement.id, { sent: 0, failed: 0, undeliverable: 0 });
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
    return "written";
  }

  async progress(announcementId: string): Promise<{ fanout: AnnouncementFanout; tally: AnnouncementTally } | null> {
    const fanout = this.fanouts.get(announcementId);
    if (!fanout) return null;
    return { fanout: structuredClone(fanout), tally: { ...(this.tallies.get(announcementId) ?? { sent: 0, failed: 0, undeliverable: 0 }) } };
  }
}

import type { Announcement } from "../domain/announcement.js";
import type { AnnouncementFanout, AnnouncementTally } from "../domain/announcement-fanout.js";
import type { AnnouncementNotification } from "../domain/outbox.js";

export interface FanoutPage {
  announcementId: string;
  /** The job as read before the page: the write is conditional on its `pages` (no other writer got there first). */
  expected: AnnouncementFanout;
  items: { outboxId: string; notification: AnnouncementNotification }[];
  /** The job after the page (cursor, counts, state). */
  next: AnnouncementFanout;
}

export type FanoutPageResult = "written" | "superseded";

export interface AnnouncementFanoutRepository {
  /** The announcement, its fan-out job and an empty tally in one TransactWriteItems (the job's INSERT starts the fan-out). */
  publish(announcement: Announcement, fanout: AnnouncementFanout): Promise<void>;
  /** 1 GetItem, strongly consistent. */
  getFanout(announcementId: string): Promise<AnnouncementFanout | null>;
  /**
   * One page: a conditional Put of each outbox item (`attribute_not_exists`; ids are the announcement's and the
   * follower's, so an item already there is this message and stays as it is), then the job's new cursor
   * conditional on `pages`. "superseded" when another writer already advanced the job (its page's items were
   * written by it: this step's Puts of them found them there).
   */
  writePage(page: FanoutPage): Promise<FanoutPageResult>;
  /**
   * Running jobs not advanced since `staleBefore` (sparse GSI1 `FANOUT_RUNNING`, by last advance): each one still
   * stalled is touched (a counter bumped, state kept running, its stall clock restarted at `now`) so its MODIFY
   * record brings the next page. 1 Query + 1 conditional UpdateItem per stalled job. Returns how many it touched.
   */
  nudgeStalled(staleBefore: Date, now: Date, limit: number): Promise<number>;
  /** The job, the tally and the last pause: 1 Query on `FANOUT#<id>`. Null when the announcement had no fan-out. */
  progress(announcementId: string): Promise<{ fanout: AnnouncementFanout; tally: AnnouncementTally; pausedUntil: string | null } | null>;
  /**
   * Records that the announcement's messages wait for the day's quota until `until` (the next Vietnam day): 1
   * conditional UpdateItem on the tally, written only when it moves the pause later.
   */
  markPaused(announcementId: string, until: Date): Promise<void>;
}

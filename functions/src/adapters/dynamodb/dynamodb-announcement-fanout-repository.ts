import type { Announcement } from "../../domain/announcement.js";
import type { AnnouncementFanout, AnnouncementTally } from "../../domain/announcement-fanout.js";
import type { AnnouncementFanoutRepository, FanoutPage, FanoutPageResult } from "../../ports/announcement-fanout-repository.js";
import { fanoutItemSchema, tallyItemSchema } from "./announcement-fanout-items.js";
import { outboxItemFor } from "./dossier-items.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table } from "./table.js";

function fanoutFromItem(item: Record<string, unknown>): AnnouncementFanout {
  const { type: _type, ...fanout } = fanoutItemSchema.parse(item);
  return fanout;
}

/** A running job is in the sparse `FANOUT_RUNNING` partition of GSI1 by its last advance; a done one leaves it. */
function fanoutItem(fanout: AnnouncementFanout): Record<string, unknown> {
  return {
    ...keys.announcementFanout(fanout.announcementId),
    ...(fanout.state === "running" ? keys.fanoutRunning(fanout.updatedAt, fanout.announcementId) : {}),
    type: itemTypes.announcementFanout,
    ...fanout,
  };
}

/**
 * A page's PutItems in flight at once: a page of 100 sent all together opened 100 connections and starved every
 * other request of the table's client (seen on DynamoDB Local under load as connection timeouts); 10 at a time
 * keep a page to about ten round trips.
 */
const pagePutsInFlight = 10;

export class DynamoDbAnnouncementFanoutRepository implements AnnouncementFanoutRepository {
  constructor(private readonly table: Table) {}

  async publish(announcement: Announcement, fanout: AnnouncementFanout): Promise<void> {
    const put = (Item: Record<string, unknown>) => ({ Put: { Item, ConditionExpression: "attribute_not_exists(PK)" } });
    await this.table.transactWrite([
      put({
        ...keys.announcement(announcement.id),
        ...keys.announcementsByTime(announcement.publishedAt, announcement.id),
        type: itemTypes.announcement,
        ...announcement,
      }),
      put(fanoutItem(fanout)),
      put({ ...keys.announcementTally(announcement.id), type: itemTypes.announcementTally, sent: 0, failed: 0, undeliverable: 0 }),
    ]);
  }

  async getFanout(announcementId: string): Promise<AnnouncementFanout | null> {
    const item = await this.table.get(keys.announcementFanout(announcementId), { ConsistentRead: true });
    return item ? fanoutFromItem(item) : null;
  }

  /**
   * The page's outbox items first, each a PutItem conditional on not existing (1 WCU, where an item in a
   * transaction costs 2), then the job's new cursor conditional on `pages`. The ids are the announcement's and the
   * follower's, so a step that stopped between the two (a crash) or ran beside another writes each message once:
   * the rerun finds the items already there and leaves them as they are (sent or not), and counts them as written.
   */
  async writePage(page: FanoutPage): Promise<FanoutPageResult> {
    const next = { ...page.next, written: page.expected.written + page.items.length };
    for (let start = 0; start < page.items.length; start += pagePutsInFlight) {
      await Promise.all(
        page.items.slice(start, start + pagePutsInFlight).map((item) =>
          unlessConditionFails(
            this.table.put(outboxItemFor(item.outboxId, item.notification, next.updatedAt), { ConditionExpression: "attribute_not_exists(PK)" }),
          ),
        ),
      );
    }
    const written = await unlessConditionFails(
      this.table.put(fanoutItem(next), {
        ConditionExpression: "#state = :running AND pages = :pages",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":running": "running", ":pages": page.expected.pages },
      }),
    );
    return written === null ? "superseded" : "written";
  }

  async nudgeStalled(staleBefore: Date, now: Date, limit: number): Promise<number> {
    const bound = `${staleBefore.toISOString()}#`;
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :bound",
      ExpressionAttributeValues: { ":pk": keys.fanoutRunningPartition, ":bound": bound },
      Limit: limit,
    });
    let nudged = 0;
    for (const raw of result.Items ?? []) {
      const job = fanoutItemSchema.safeParse(raw);
      if (!job.success || job.data.state !== "running") continue;
      const { announcementId } = job.data;
      const index = keys.fanoutRunning(now.toISOString(), announcementId);
      // Still running and still stalled (a page written meanwhile moved GSI1SK past the bound): bump a counter
      // and restart the stall clock. The MODIFY (state running) passes the stream filter and brings the next
      // page; that page's own condition (`pages = :n`) keeps a concurrent step from writing it twice.
      const bumped = await unlessConditionFails(
        this.table.update({
          Key: keys.announcementFanout(announcementId),
          UpdateExpression: "SET nudges = if_not_exists(nudges, :zero) + :one, nudgedAt = :now, GSI1SK = :sk",
          ConditionExpression: "#state = :running AND GSI1PK = :pk AND GSI1SK < :bound",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":zero": 0,
            ":one": 1,
            ":now": now.toISOString(),
            ":sk": index.GSI1SK,
            ":running": "running",
            ":pk": index.GSI1PK,
            ":bound": bound,
          },
        }),
      );
      if (bumped) nudged += 1;
    }
    return nudged;
  }

  async markPaused(announcementId: string, until: Date): Promise<void> {
    await unlessConditionFails(
      this.table.update({
        Key: keys.announcementTally(announcementId),
        UpdateExpression: "SET pausedUntil = :until",
        ConditionExpression: "attribute_exists(PK) AND (attribute_not_exists(pausedUntil) OR pausedUntil < :until)",
        ExpressionAttributeValues: { ":until": until.toISOString() },
      }),
    );
  }

  async progress(announcementId: string): Promise<{ fanout: AnnouncementFanout; tally: AnnouncementTally; pausedUntil: string | null } | null> {
    const result = await this.table.query({
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.announcementFanout(announcementId).PK },
    });
    const job = result.Items?.find((item) => item["SK"] === "JOB");
    const tally = result.Items?.find((item) => item["SK"] === "TALLY");
    if (!job) return null;
    const { type: _type, pausedUntil, ...counts } = tally ? tallyItemSchema.parse(tally) : { type: null, pausedUntil: null, sent: 0, failed: 0, undeliverable: 0 };
    return { fanout: fanoutFromItem(job), tally: counts, pausedUntil };
  }
}

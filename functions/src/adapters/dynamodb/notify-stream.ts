import * as z from "zod/mini";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { NotifyStreamDecoder, NotifyStreamWork, StreamRecord } from "../../ports/notify-stream.js";
import { fanoutItemSchema } from "./announcement-fanout-items.js";
import { itemTypes, keys } from "./keys.js";
import { outboxItemSchema } from "./outbox-items.js";

const outboxKeys = { PK: { S: [{ prefix: keys.outboxKeyPrefix }] } };

/**
 * Only what tells whether an outbox item is due: the rest of the item is parsed when the item is read to be sent,
 * so an item that does not parse fails there, as a batch item failure that is retried and logged, never dropped here.
 */
const dueFields = z.lazy(() => z.pick(outboxItemSchema._zod.innerType, { id: true, state: true, notBefore: true, leaseUntil: true }));
const runningJobFields = z.lazy(() => z.pick(fanoutItemSchema._zod.innerType, { announcementId: true, state: true }));

/**
 * Which records of the table's stream reach the notify function, as Lambda event-filter patterns (AWS filter
 * syntax; a record passes when it matches any one). The CDK app installs these on the event source mapping and the
 * local stream poller applies the very same ones, so a record that AWS would drop is dropped locally too.
 *
 * The notify function's own state writes (taking a lease, finishing, postponing with `notBefore`) must not wake it
 * again; every write that makes an item due again must.
 */
export const notifyStreamFilterPatterns = [
  // A new outbox item (written with each applied dossier event, reply, invitation or fan-out page).
  { eventName: ["INSERT"], dynamodb: { Keys: outboxKeys } },
  // Due again while pending: woken by the outbox waker after quiet hours or a wait (it removes `notBefore`), or put
  // back to pending by staff from the delivery log. A postponed item keeps `notBefore`, so it is not matched.
  {
    eventName: ["MODIFY"],
    dynamodb: { Keys: outboxKeys, NewImage: { state: { S: ["pending"] }, notBefore: { S: [{ exists: false }] } } },
  },
  // A sender's lease expired (its instance died mid-send): the waker bumps `wakeups` on the `sending` item. A later
  // lease taken on a once-woken item matches too; the handler finds it held and leaves it.
  {
    eventName: ["MODIFY"],
    dynamodb: { Keys: outboxKeys, NewImage: { state: { S: ["sending"] }, wakeups: { N: [{ exists: true }] } } },
  },
  // Announcement fan-out jobs: each page's write (a MODIFY while running) brings the next page.
  {
    eventName: ["INSERT", "MODIFY"],
    dynamodb: { Keys: { PK: { S: [{ prefix: keys.fanoutKeyPrefix }] }, SK: { S: [keys.fanoutJobSortKey] } }, NewImage: { state: { S: ["running"] } } },
  },
] as const;

/**
 * A stream record's new image, parsed with the same schemas as the items the repositories read: an outbox item
 * (whether it is due is the handler's question) or a running fan-out job. Anything else is not the notify
 * function's work.
 */
export const decodeNotifyStreamRecord: NotifyStreamDecoder = (record: StreamRecord): NotifyStreamWork | null => {
  if (record.eventName !== "INSERT" && record.eventName !== "MODIFY") return null;
  const image = record.dynamodb?.NewImage;
  if (!image) return null;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item["type"] === itemTypes.outboxItem) {
    const outbox = dueFields.safeParse(item);
    return outbox.success ? { kind: "outbox", item: outbox.data } : null;
  }
  if (item["type"] === itemTypes.announcementFanout) {
    const job = runningJobFields.safeParse(item);
    return job.success && job.data.state === "running" ? { kind: "fanout", announcementId: job.data.announcementId } : null;
  }
  return null;
};

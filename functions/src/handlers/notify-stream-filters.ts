/**
 * Which records of the table's stream reach the notify function, as Lambda event-filter patterns (AWS filter
 * syntax; a record passes when it matches any one). The CDK app installs these on the event source mapping and the
 * local stream poller applies the very same ones, so a record that AWS would drop is dropped locally too.
 *
 * The notify function's own state writes (taking a lease, finishing, postponing with `notBefore`) must not wake it
 * again; every write that makes an item due again must.
 */
const outboxKeys = { PK: { S: [{ prefix: "OUTBOX#" }] } };

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
    dynamodb: { Keys: { PK: { S: [{ prefix: "FANOUT#" }] }, SK: { S: ["JOB"] } }, NewImage: { state: { S: ["running"] } } },
  },
] as const;

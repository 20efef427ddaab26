import { ConditionalCheckFailedException, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { OutboxItem, OutboxState } from "../../domain/outbox.js";
import { afterLeaseExpired } from "../../domain/outbox.js";
import type { AcquireResult, OutboxFinish, OutboxPage, OutboxRepository, RetryResult } from "../../ports/outbox-repository.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import { keys } from "./keys.js";
import { outboxFromItem, outboxItemSchema } from "./outbox-items.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table, type TransactUpdate } from "./table.js";

interface OutboxRetention {
  sentRetentionDays: number;
  undeliverableRetentionDays?: number;
  /** A sent announcement message's days (its count stays in the announcement's tally); the sent retention if absent. */
  sentAnnouncementRetentionDays?: number;
}

/** The TTL (epoch seconds) of an item finishing in `state`, or null when it stays. */
function expiryOf(state: OutboxFinish["state"], at: Date, retention: OutboxRetention, announcement: boolean): number | null {
  const sentDays = announcement ? (retention.sentAnnouncementRetentionDays ?? retention.sentRetentionDays) : retention.sentRetentionDays;
  const days = state === "sent" ? sentDays : state === "undeliverable" ? (retention.undeliverableRetentionDays ?? 0) : 0;
  return days > 0 ? Math.floor(at.getTime() / 1000) + days * 86_400 : null;
}

export class DynamoDbOutboxRepository implements OutboxRepository {
  constructor(
    private readonly table: Table,
    /**
     * A sent item's `expiresAt` (TTL) is `sentRetentionDays` (an announcement message's:
     * `sentAnnouncementRetentionDays`) after it was sent, an undeliverable one's `undeliverableRetentionDays` after
     * it finished; 0 (the default here) keeps them. A failed item always stays.
     */
    private readonly retention: OutboxRetention = { sentRetentionDays: 0 },
  ) {}

  async acquire(id: string, owner: string, now: Date, leaseUntil: Date): Promise<AcquireResult> {
    const until = leaseUntil.toISOString();
    const nowIso = now.toISOString();
    try {
      const result = await this.table.update({
        Key: keys.outboxItem(id),
        UpdateExpression:
          "SET #state = :sending, leaseOwner = :owner, leaseUntil = :until, updatedAt = :now, attemptStartedAt = :now, GSI1PK = :waitingPk, GSI1SK = :waitingSk REMOVE notBefore",
        // Taking an item records that its call to Zalo begins (the call follows the take within the pacer's wait):
        // a `sending` item with that mark is not taken over, since Zalo may have the message. Items taken by an
        // earlier version carry no mark and are taken over once their lease ends.
        ConditionExpression:
          "attribute_exists(PK) AND ((#state = :pending AND (attribute_not_exists(notBefore) OR notBefore <= :now)) " +
          "OR (#state = :sending AND leaseUntil < :now AND attribute_not_exists(attemptStartedAt)))",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":pending": "pending",
          ":owner": owner,
          ":until": until,
          ":now": nowIso,
          ":waitingPk": keys.outboxWaiting(until, id).GSI1PK,
          ":waitingSk": keys.outboxWaiting(until, id).GSI1SK,
        },
        ReturnValues: "ALL_NEW",
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      });
      return result.Attributes ? { kind: "acquired", item: outboxFromItem(result.Attributes) } : { kind: "not_available" };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) return { kind: "not_available" };
      const current = outboxFromItem(unmarshall(error.Item as Record<string, AttributeValue>));
      // The SDK sent the take again after a timeout, and the first one had been applied: the item is this sender's.
      if (current.state === "sending" && current.leaseOwner === owner) return { kind: "acquired", item: current };
      const leaseExpired = current.state === "sending" && current.leaseUntil !== null && current.leaseUntil < nowIso;
      return leaseExpired && afterLeaseExpired(current) === "unconfirmed" ? { kind: "in_doubt", item: current } : { kind: "not_available" };
    }
  }

  async markUnconfirmed(id: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const stateIndex = keys.outboxByState("unconfirmed", at, id);
    return this.updateItem(id, {
      // attemptStartedAt stays: the log shows when the unanswered call began.
      UpdateExpression:
        "SET #state = :unconfirmed, reason = :reason, finishedAt = :at, updatedAt = :at, GSI1PK = :statePk, GSI1SK = :stateSk REMOVE leaseOwner, leaseUntil",
      ConditionExpression: "#state = :sending AND leaseUntil < :at AND attribute_exists(attemptStartedAt)",
      ExpressionAttributeValues: {
        ":unconfirmed": "unconfirmed",
        ":sending": "sending",
        ":reason": unconfirmedReason,
        ":at": at,
        ":statePk": stateIndex.GSI1PK,
        ":stateSk": stateIndex.GSI1SK,
      },
    });
  }

  async release(id: string, owner: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const waiting = keys.outboxWaiting(at, id);
    return this.updateItem(id, {
      UpdateExpression: "SET #state = :pending, updatedAt = :at, GSI1PK = :waitingPk, GSI1SK = :waitingSk REMOVE leaseOwner, leaseUntil, attemptStartedAt",
      ConditionExpression: "#state = :sending AND leaseOwner = :owner",
      ExpressionAttributeValues: { ":pending": "pending", ":sending": "sending", ":owner": owner, ":at": at, ":waitingPk": waiting.GSI1PK, ":waitingSk": waiting.GSI1SK },
    });
  }

  async confirmDelivered(id: string, zaloMessageId: string, at: Date): Promise<boolean> {
    // Kept as a dossier message is: an unconfirmed item does not say whether it was an announcement's.
    const expiresAt = expiryOf("sent", at, this.retention, false);
    return this.updateItem(id, {
      UpdateExpression:
        `SET #state = :sent, zaloMessageId = :messageId, updatedAt = :at${expiresAt === null ? "" : ", expiresAt = :expiresAt"} ` +
        "REMOVE reason, GSI1PK, GSI1SK",
      ConditionExpression: "#state = :unconfirmed",
      ExpressionAttributeValues: {
        ":sent": "sent",
        ":unconfirmed": "unconfirmed",
        ":messageId": zaloMessageId,
        ":at": at.toISOString(),
        ...(expiresAt === null ? {} : { ":expiresAt": expiresAt }),
      },
    });
  }

  async finish(id: string, owner: string, attempts: number, result: OutboxFinish, at: Date, tally?: { announcementId: string }): Promise<boolean> {
    // A sent or undeliverable item expires after its retention (the delivery log shows recent ones; the dossier's
    // timeline keeps its history); a failed one stays until staff deal with it.
    const expiresAt = expiryOf(result.state, at, this.retention, tally !== undefined);
    const expiry = expiresAt === null ? "" : ", expiresAt = :expiresAt";
    const outcome =
      result.state === "sent" ? { set: `zaloMessageId = :detail${expiry}`, detail: result.zaloMessageId } : { set: `reason = :detail${expiry}`, detail: result.reason };
    // A failed or undeliverable item enters its state's sparse index (the delivery log's retry list);
    // a sent one leaves GSI1 altogether.
    const stateIndex = result.state === "sent" ? null : keys.outboxByState(result.state, at.toISOString(), id);
    const update: TransactUpdate = {
      Key: keys.outboxItem(id),
      UpdateExpression:
        `SET #state = :state, attempts = :attempts, finishedAt = :at, updatedAt = :at, channel = :channel, recipient = :recipient, ${outcome.set}` +
        (stateIndex ? ", GSI1PK = :statePk, GSI1SK = :stateSk REMOVE leaseOwner, leaseUntil, attemptStartedAt" : " REMOVE leaseOwner, leaseUntil, attemptStartedAt, GSI1PK, GSI1SK"),
      ConditionExpression: "#state = :sending AND leaseOwner = :owner",
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: {
        ":state": result.state,
        ":attempts": attempts,
        ":at": at.toISOString(),
        ":channel": result.channel,
        ":recipient": result.recipient,
        ":detail": outcome.detail,
        ":sending": "sending",
        ":owner": owner,
        ...(stateIndex ? { ":statePk": stateIndex.GSI1PK, ":stateSk": stateIndex.GSI1SK } : {}),
        ...(expiresAt === null ? {} : { ":expiresAt": expiresAt }),
      },
    };
    if (!tally) return (await unlessConditionFails(this.table.update(update))) !== null;
    return this.updateWithTally(update, {
      Key: keys.announcementTally(tally.announcementId),
      UpdateExpression: "ADD #counter :one",
      ExpressionAttributeNames: { "#counter": result.state },
      ExpressionAttributeValues: { ":one": 1 },
    });
  }

  async postpone(id: string, owner: string, attempts: number, notBefore: Date, reason: string): Promise<boolean> {
    const at = notBefore.toISOString();
    return this.updateItem(id, {
      UpdateExpression:
        "SET #state = :pending, attempts = :attempts, notBefore = :at, reason = :reason, GSI1PK = :waitingPk, GSI1SK = :waitingSk " +
        "REMOVE leaseOwner, leaseUntil, attemptStartedAt",
      ConditionExpression: "#state = :sending AND leaseOwner = :owner",
      ExpressionAttributeValues: {
        ":pending": "pending",
        ":sending": "sending",
        ":owner": owner,
        ":attempts": attempts,
        ":at": at,
        ":reason": reason,
        ":waitingPk": keys.outboxWaiting(at, id).GSI1PK,
        ":waitingSk": keys.outboxWaiting(at, id).GSI1SK,
      },
    });
  }

  async wakeDue(now: Date, limit: number): Promise<number> {
    const nowIso = now.toISOString();
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :bound",
      ExpressionAttributeValues: { ":pk": keys.outboxWaitingPartition, ":bound": `${nowIso}#` },
      Limit: limit,
    });
    let woken = 0;
    for (const raw of result.Items ?? []) {
      const item = outboxItemSchema.safeParse(raw);
      if (!item.success) continue;
      const { id, state } = item.data;
      // A pending item leaves the index and becomes due now; a `sending` one with an expired lease keeps its
      // entry (the next holder moves it). Either write puts a MODIFY record on the stream for the notify function.
      const wake =
        state === "pending"
          ? { state: "pending", also: " REMOVE notBefore, GSI1PK, GSI1SK", condition: "#state = :state AND notBefore <= :now" }
          : { state: "sending", also: "", condition: "#state = :state AND leaseUntil < :now" };
      const woke = await this.updateItem(id, {
        UpdateExpression: `SET wakeups = if_not_exists(wakeups, :zero) + :one${wake.also}`,
        ConditionExpression: wake.condition,
        ExpressionAttributeValues: { ":state": wake.state, ":now": nowIso, ":zero": 0, ":one": 1 },
      });
      if (woke) woken += 1;
    }
    return woken;
  }

  async get(id: string): Promise<OutboxItem | null> {
    const item = await this.table.get(keys.outboxItem(id));
    return item ? outboxFromItem(item) : null;
  }

  async listByDossier(dossierCode: string, page: { after: string | null; limit: number }): Promise<OutboxPage> {
    const partition = keys.outboxByDossierPartition(dossierCode);
    const after = page.after === null ? null : decodeCursor(page.after, outboxListPosition);
    const result = await this.table.query({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": partition },
      ScanIndexForward: true,
      Limit: page.limit,
      ...(after ? { ExclusiveStartKey: { ...keys.outboxItem(after.id), GSI2PK: partition, GSI2SK: after.sortKey } } : {}),
    });
    return pageOf(result.Items, result.LastEvaluatedKey?.["GSI2SK"]);
  }

  async listByState(state: Exclude<OutboxState, "sent">, page: { after: string | null; limit: number }): Promise<OutboxPage> {
    // Failed, undeliverable and unconfirmed items have their own partition, newest first; pending and sending ones
    // are those in the waiting partition (a time to wait for, or a lease), soonest first.
    const final = state === "failed" || state === "undeliverable" || state === "unconfirmed";
    const partition = final ? keys.outboxByStatePartition(state) : keys.outboxWaitingPartition;
    const after = page.after === null ? null : decodeCursor(page.after, outboxListPosition);
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk",
      ...(final
        ? { ExpressionAttributeValues: { ":pk": partition } }
        : { FilterExpression: "#state = :state", ExpressionAttributeNames: { "#state": "state" }, ExpressionAttributeValues: { ":pk": partition, ":state": state } }),
      ScanIndexForward: !final,
      Limit: page.limit,
      ...(after ? { ExclusiveStartKey: { ...keys.outboxItem(after.id), GSI1PK: partition, GSI1SK: after.sortKey } } : {}),
    });
    return pageOf(result.Items, result.LastEvaluatedKey?.["GSI1SK"]);
  }

  async retry(id: string, expectedState: OutboxState, at: Date, tally?: { announcementId: string }): Promise<RetryResult> {
    const update: TransactUpdate = {
      Key: keys.outboxItem(id),
      // attempts start again: the item had used them all (or met a permanent error) before staff stepped in.
      UpdateExpression:
        "SET #state = :pending, attempts = :zero, updatedAt = :at, manualRetries = if_not_exists(manualRetries, :zero) + :one, retriedAt = :at, " +
        "previousReason = if_not_exists(reason, :none) REMOVE reason, finishedAt, notBefore, zaloMessageId, attemptStartedAt, expiresAt, GSI1PK, GSI1SK",
      ConditionExpression: "attribute_exists(PK) AND #state = :expected",
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: { ":pending": "pending", ":zero": 0, ":one": 1, ":at": at.toISOString(), ":expected": expectedState, ":none": null },
    };
    if (!tally) {
      const result = await unlessConditionFails(this.table.update({ ...update, ReturnValues: "ALL_NEW" }));
      if (result?.Attributes) return { kind: "retried", item: outboxFromItem(result.Attributes) };
    } else {
      // The item added 1 to its announcement's count of `expectedState` when it finished (in finish's
      // transaction); taking it back here, atomically with the state change, keeps the progress true when it
      // finishes again and adds 1 under its new state.
      const written = await this.updateWithTally(update, {
        Key: keys.announcementTally(tally.announcementId),
        UpdateExpression: "ADD #counter :minusOne",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeNames: { "#counter": expectedState },
        ExpressionAttributeValues: { ":minusOne": -1 },
      });
      if (written) {
        const retried = await this.table.get(keys.outboxItem(id), { ConsistentRead: true });
        if (retried) return { kind: "retried", item: outboxFromItem(retried) };
      }
    }
    const current = await this.get(id);
    return current ? { kind: "not_retryable", state: current.state } : { kind: "not_found" };
  }

  /** A conditional update of the item (`#state` names its state); false when the condition failed, so nothing was written. */
  private async updateItem(id: string, update: Omit<TransactUpdate, "Key" | "ExpressionAttributeNames">): Promise<boolean> {
    const written = await unlessConditionFails(this.table.update({ Key: keys.outboxItem(id), ...update, ExpressionAttributeNames: { "#state": "state" } }));
    return written !== null;
  }

  /**
   * An outbox item's conditional update and its announcement tally's change in one transaction; false when the
   * item's condition failed (someone else moved it), so nothing was written.
   */
  private async updateWithTally(itemUpdate: TransactUpdate, tallyUpdate: TransactUpdate): Promise<boolean> {
    const actions: NamedActions<"item" | "tally"> = [
      ["item", { Update: itemUpdate }],
      ["tally", { Update: tallyUpdate }],
    ];
    try {
      await this.table.transactWrite(transactItems(actions));
      return true;
    } catch (error) {
      if (transactionCancellation(error, actions)?.conditionFailed("item")) return false;
      throw error;
    }
  }
}

/** Why an item is unconfirmed (the delivery log shows it in Vietnamese). */
export const unconfirmedReason = "sender_stopped_during_send";

/** `<time>#<id>` sort keys: the id is after the first `#` (ISO times hold none). */
/** Delivery-log cursors carry the index sort key `<time>#<outbox id>`; the partition comes from the request. */
const outboxListPosition = instantThenId("[A-Za-z0-9_-]{1,100}");

function pageOf(items: Record<string, unknown>[] | undefined, lastSortKey: unknown): OutboxPage {
  return { items: (items ?? []).map(outboxFromItem), next: typeof lastSortKey === "string" ? encodeCursor(lastSortKey) : null };
}

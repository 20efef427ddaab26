import * as z from "zod/mini";
import {
  type AppliedEventWrite,
  type AppliedEventWriteResult,
  type DossierPage,
  type DossierRepository,
  type DossierWithTimeline,
} from "../../ports/dossier-repository.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import type { PhoneHasher } from "../../ports/phone-hasher.js";
import type { DossierNotification } from "../../domain/dossier-notification.js";
import { sortTimeline, type Dossier, type DossierEvent } from "../../domain/dossier.js";
import { dossierFromItem, dossierToItem, eventToItem, eventWithPayloadHashFromItem, outboxItemFor } from "./dossier-items.js";
import { itemTypes, keys } from "./keys.js";
import { dossierReachFromItem, dossierReachMarksUpdate, reachCounterUpdate } from "./reach-items.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions, type TransactAction } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table } from "./table.js";

/** The separate idempotency marker of events applied before the event item kept the payload's hash (still read). */
const ingestMarkerSchema = z.lazy(() => z.object({ payloadHash: z.string() }));

export class DynamoDbDossierRepository implements DossierRepository {
  constructor(
    private readonly table: Table,
    private readonly phoneHasher: PhoneHasher,
  ) {}

  async findWithTimeline(code: string, options?: { consistent?: boolean }): Promise<DossierWithTimeline | null> {
    const items = await this.table.queryAll({
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.dossierCollection(code) },
      ConsistentRead: options?.consistent ?? false,
      ReturnConsumedCapacity: "TOTAL",
    });

    const dossierItem = items.find((item) => item.type === itemTypes.dossier);
    if (!dossierItem) return null;
    const read = items.filter((item) => item.type === itemTypes.dossierEvent).map(eventWithPayloadHashFromItem);
    const events: DossierEvent[] = read.map(({ event }) => event);
    const payloadHashes = Object.fromEntries(read.flatMap(({ event, payloadHash }) => (payloadHash === null ? [] : [[event.eventId, payloadHash]])));
    const reachItem = items.find((item) => item.type === itemTypes.dossierReach);
    return { dossier: dossierFromItem(dossierItem), events: sortTimeline(events), reach: reachItem ? dossierReachFromItem(reachItem) : null, payloadHashes };
  }

  async saveAppliedEvent(write: AppliedEventWrite): Promise<AppliedEventWriteResult> {
    const { dossier, event } = write;
    const phoneHash = dossier.applicantPhone ? this.phoneHasher.hash(dossier.applicantPhone) : null;
    const dossierCondition =
      write.expectedVersion === 0
        ? { ConditionExpression: "attribute_not_exists(PK)" }
        : { ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": write.expectedVersion } };
    const mustBeNew = { ConditionExpression: "attribute_not_exists(PK)" };
    const outboxPut = (id: string, notification: DossierNotification): TransactAction => ({
      Put: { Item: outboxItemFor(id, notification, event.recordedAt, undefined, dossier.agencyCode), ...mustBeNew },
    });
    // The event item is the idempotency marker: the dossier's version condition makes every writer of this
    // dossier read its timeline (where a repeated event id is found) first, and the event's own condition
    // refuses the same event twice. No item per event id outside the dossier: an id is unique within its dossier.
    const actions: NamedActions<"dossier" | "event" | "outbox" | "reachMarks" | "reachCounter"> = [
      ["dossier", { Put: { Item: dossierToItem(dossier, phoneHash), ...dossierCondition } }],
      ["event", { Put: { Item: eventToItem(dossier.code, event, write.payloadHash), ...mustBeNew } }],
      ...(write.notification ? [["outbox", outboxPut(write.notificationId, write.notification)] as const] : []),
      ...(write.ratingInvitation ? [["outbox", outboxPut(write.ratingInvitation.id, write.ratingInvitation.notification)] as const] : []),
      ...(write.reach
        ? ([
            ["reachMarks", { Update: dossierReachMarksUpdate(dossier.code, write.reach.cell, write.reach.marks) }],
            ["reachCounter", { Update: reachCounterUpdate(write.reach.cell, dossier.code, write.reach.add) }],
          ] as const)
        : []),
    ];
    try {
      await this.table.transactWrite(transactItems(actions), { ReturnConsumedCapacity: "TOTAL" });
      return "written";
    } catch (error) {
      const cancelled = transactionCancellation(error, actions);
      if (!cancelled) throw error;
      if (cancelled.conditionFailed("event")) return "duplicate";
      // Another writer counted first, or held the counter item at that moment: read again and re-apply.
      if (cancelled.conditionFailed("dossier") || cancelled.conditionFailed("reachMarks") || cancelled.conflicted) return "conflict";
      throw error;
    }
  }

  async saveRevisedDossier(dossier: Dossier, expectedVersion: number): Promise<"written" | "conflict"> {
    const phoneHash = dossier.applicantPhone ? this.phoneHasher.hash(dossier.applicantPhone) : null;
    // The whole item is put, so the phone index and the late-watch index follow the new phone and due date.
    const written = await unlessConditionFails(
      this.table.put(dossierToItem(dossier, phoneHash), {
        ConditionExpression: "version = :expected",
        ExpressionAttributeValues: { ":expected": expectedVersion },
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
    return written === null ? "conflict" : "written";
  }

  async appliedPayloadHash(eventId: string): Promise<string | null> {
    const item = await this.table.get(keys.ingestMarker(eventId), { ConsistentRead: true, ReturnConsumedCapacity: "TOTAL" });
    return item ? ingestMarkerSchema.parse(item).payloadHash : null;
  }

  async listByApplicantPhone(normalisedPhone: string, page: { limit: number; cursor: string | null }): Promise<DossierPage> {
    const phoneHash = this.phoneHasher.hash(normalisedPhone);
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :dossiers)",
      ExpressionAttributeValues: { ":pk": keys.phonePartition(phoneHash), ":dossiers": "DOSSIER#" },
      ScanIndexForward: false,
      Limit: page.limit,
      ...(page.cursor ? { ExclusiveStartKey: startKeyFromCursor(page.cursor, phoneHash) } : {}),
      ReturnConsumedCapacity: "TOTAL",
    });
    const last = result.LastEvaluatedKey;
    return {
      dossiers: (result.Items ?? []).map(dossierFromItem),
      nextCursor: last ? cursorFromKey(last) : null,
    };
  }
}

/**
 * The cursor carries only the position (`<receivedAt>#<code>`), never the phone's hash: the rest of the
 * start key is rebuilt from it, so a cursor from one phone cannot reach into another phone's partition.
 */
const phoneListPosition = instantThenId("[A-Za-z0-9.\\-/_]{4,64}");

function cursorFromKey(key: Record<string, unknown>): string {
  return encodeCursor(String(key.GSI1SK ?? "").slice("DOSSIER#".length));
}

function startKeyFromCursor(cursor: string, phoneHash: string): Record<string, unknown> {
  const { at: receivedAt, id: code } = decodeCursor(cursor, phoneListPosition);
  return { ...keys.dossier(code), ...keys.dossierByPhone(phoneHash, receivedAt, code) };
}

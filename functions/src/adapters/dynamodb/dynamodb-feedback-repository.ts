import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import * as z from "zod/mini";
import type { FeedbackMessage, FeedbackState, FeedbackThread } from "../../domain/feedback.js";
import type { FeedbackRepository, FeedbackThreadWithMessages } from "../../ports/feedback-repository.js";
import type { NewOutboxItem } from "../../ports/outbox-repository.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import { outboxItemFor } from "./dossier-items.js";
import { messageFromItem, messageToItem, threadFromItem, threadToItem } from "./feedback-items.js";
import { itemTypes, keys } from "./keys.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table, type TableQuery } from "./table.js";

const threadDeadlineSchema = z.lazy(() => z.object({
  replyDueAt: z.string().check(z.minLength(20)),
  agencyCode: z._default(z.nullable(z.string()), null),
  dossierCode: z.nullable(z.string()),
}));

const mustBeNew = { ConditionExpression: "attribute_not_exists(PK)" };

/** Inbox cursors carry the GSI2 sort key `<reply due at>#<thread id>`, read against every state partition. */
const inboxPosition = instantThenId("[A-Za-z0-9_-]{1,100}");

export class DynamoDbFeedbackRepository implements FeedbackRepository {
  constructor(private readonly table: Table) {}

  async create(thread: FeedbackThread, message: FeedbackMessage): Promise<"created" | "duplicate"> {
    try {
      await this.table.transactWrite([
        { Put: { Item: threadToItem(thread), ...mustBeNew } },
        { Put: { Item: messageToItem(message), ...mustBeNew } },
      ]);
      return "created";
    } catch (error) {
      if (error instanceof TransactionCanceledException) return "duplicate";
      throw error;
    }
  }

  async get(id: string, options?: { consistent?: boolean }): Promise<FeedbackThreadWithMessages | null> {
    const items = await this.table.queryAll({
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.feedbackCollection(id) },
      ConsistentRead: options?.consistent ?? false,
    });
    const threadItem = items.find((item) => item.type === itemTypes.feedbackThread);
    if (!threadItem) return null;
    // `MSG#<at>#<id>` sort keys: the collection comes back oldest first.
    const messages = items.filter((item) => item.type === itemTypes.feedbackMessage).map(messageFromItem);
    return { thread: threadFromItem(threadItem), messages };
  }

  async append(thread: FeedbackThread, expectedVersion: number, message: FeedbackMessage, outbox?: NewOutboxItem): Promise<"saved" | "conflict" | "duplicate"> {
    const actions: NamedActions<"thread" | "message" | "outbox"> = [
      ["thread", { Put: { Item: threadToItem(thread), ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": expectedVersion } } }],
      ["message", { Put: { Item: messageToItem(message), ...mustBeNew } }],
      ...(outbox
        ? [["outbox", { Put: { Item: outboxItemFor(outbox.id, outbox.notification, message.at, undefined, outbox.agencyCode), ...mustBeNew } }] as const]
        : []),
    ];
    try {
      await this.table.transactWrite(transactItems(actions));
      return "saved";
    } catch (error) {
      const cancelled = transactionCancellation(error, actions);
      if (cancelled?.conditionFailed("message")) return "duplicate";
      if (cancelled?.conditionFailed("thread")) return "conflict";
      throw error;
    }
  }

  async listByCitizen(zaloAppUserId: string, limit: number): Promise<FeedbackThread[]> {
    return this.threadsOf(indexNames.gsi1, keys.feedbackByCitizenPartition(zaloAppUserId), { ScanIndexForward: false, Limit: limit });
  }

  async listByState(state: FeedbackState, limit: number): Promise<FeedbackThread[]> {
    return this.threadsOf(indexNames.gsi2, keys.feedbackByStatePartition(state), { ScanIndexForward: true, Limit: limit });
  }

  /** The first threads of an index partition (GSI1: a citizen's, newest first; GSI2: a state's, earliest deadline first). */
  private async threadsOf(index: (typeof indexNames)[keyof typeof indexNames], pk: string, page: Pick<TableQuery, "ScanIndexForward" | "Limit">): Promise<FeedbackThread[]> {
    const result = await this.table.query({ IndexName: index, KeyConditionExpression: `${index}PK = :pk`, ExpressionAttributeValues: { ":pk": pk }, ...page });
    return (result.Items ?? []).map(threadFromItem);
  }

  async saveThread(thread: FeedbackThread, expectedVersion: number): Promise<"saved" | "conflict"> {
    const saved = await unlessConditionFails(
      this.table.put(threadToItem(thread), { ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": expectedVersion } }),
    );
    return saved === null ? "conflict" : "saved";
  }

  async pageByStates(
    states: readonly FeedbackState[],
    page: { after: string | null; limit: number; dueBefore?: string },
  ): Promise<{ threads: FeedbackThread[]; next: string | null }> {
    const after = page.after === null ? null : decodeCursor(page.after, inboxPosition).sortKey;
    if (after !== null && page.dueBefore !== undefined && after >= page.dueBefore) return { threads: [], next: null };
    const results = await Promise.all(
      states.map((state) => {
        const conditions = ["GSI2PK = :pk"];
        const values: Record<string, string> = { ":pk": keys.feedbackByStatePartition(state) };
        if (after !== null && page.dueBefore !== undefined) {
          conditions.push("GSI2SK BETWEEN :after AND :before");
          values[":after"] = `${after}\u0000`;
          values[":before"] = page.dueBefore;
        } else if (after !== null) {
          conditions.push("GSI2SK > :after");
          values[":after"] = after;
        } else if (page.dueBefore !== undefined) {
          conditions.push("GSI2SK < :before");
          values[":before"] = page.dueBefore;
        }
        return this.table.query({
          IndexName: indexNames.gsi2,
          KeyConditionExpression: conditions.join(" AND "),
          ExpressionAttributeValues: values,
          ScanIndexForward: true,
          Limit: page.limit,
        });
      }),
    );
    // Each state's partition was read up to its last evaluated key; past the smallest such key another
    // partition may still hold earlier deadlines, so this page stops there.
    let bound: string | null = null;
    for (const result of results) {
      const last = result.LastEvaluatedKey?.["GSI2SK"];
      if (typeof last === "string" && (bound === null || last < bound)) bound = last;
    }
    const merged = results
      .flatMap((result) => result.Items ?? [])
      .map((item) => ({ sortKey: String(item["GSI2SK"]), item }))
      .filter((entry) => bound === null || entry.sortKey <= bound)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    const taken = merged.slice(0, page.limit);
    const next = merged.length > page.limit ? taken.at(-1)!.sortKey : bound;
    return { threads: taken.map((entry) => threadFromItem(entry.item)), next: next === null ? null : encodeCursor(next) };
  }

  async deadlinesByStates(states: readonly FeedbackState[]): Promise<Pick<FeedbackThread, "replyDueAt" | "agencyCode" | "dossierCode">[]> {
    const pages = await Promise.all(
      states.map((state) =>
        this.table.queryAll({
          IndexName: indexNames.gsi2,
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": keys.feedbackByStatePartition(state) },
          ProjectionExpression: "replyDueAt, agencyCode, dossierCode",
        }),
      ),
    );
    return pages.flat().map((item) => threadDeadlineSchema.parse(item));
  }

  async setHelpful(message: Pick<FeedbackMessage, "threadId" | "messageId" | "at">, helpful: boolean): Promise<"saved" | "not_staff_message"> {
    const saved = await unlessConditionFails(
      this.table.update({
        Key: keys.feedbackMessage(message.threadId, message.at, message.messageId),
        UpdateExpression: "SET helpful = :helpful",
        ConditionExpression: "attribute_exists(PK) AND author = :staff",
        ExpressionAttributeValues: { ":helpful": helpful, ":staff": "staff" },
      }),
    );
    return saved === null ? "not_staff_message" : "saved";
  }
}

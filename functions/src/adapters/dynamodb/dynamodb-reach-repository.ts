import * as z from "zod/mini";
import { emptyReachCounts, reachCounters, vietnamMonth, type DossierReach, type ReachCell, type ReachCounts } from "../../domain/reach.js";
import { monthRange } from "../../domain/rating-summary.js";
import type { PhoneHasher } from "../../ports/phone-hasher.js";
import type { ReachChannel, ReachRepository, ReachRow } from "../../ports/reach-repository.js";
import { dossierItemSchema } from "./dossier-items.js";
import { itemTypes, keys } from "./keys.js";
import { dossierReachFromItem, dossierReachMarksUpdate, reachCounterFromItem, reachCounterUpdate } from "./reach-items.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

const channelMark = { oa: "notifiedOaAt", zns: "notifiedZnsAt" } as const;
const channelCounter = { oa: "notifiedOa", zns: "notifiedZns" } as const;

const followerSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.citizen),
  verifiedPhone: z._default(z.nullable(z.string()), null),
  reachFollowerCountedAt: z._default(z.nullable(z.string()), null),
}));

/**
 * The reach report's counters (README beside this file): marks on each dossier's `REACH` item say what was
 * counted, and every mark is set in one transaction with the ADD to its agency-month counter, so a count is
 * raised exactly once however many lookups, messages or retries there are.
 */
export class DynamoDbReachRepository implements ReachRepository {
  constructor(
    private readonly table: Table,
    private readonly phoneHasher: PhoneHasher,
  ) {}

  async markViewed(dossierCode: string, counted: DossierReach, at: string): Promise<"counted" | "already_counted" | "busy"> {
    return this.markOnce(dossierCode, counted, { viewedAt: at }, { viewed: 1 });
  }

  async markDelivered(dossierCode: string, channel: ReachChannel, at: string): Promise<"counted" | "already_counted" | "busy" | "not_counted_dossier"> {
    const item = await this.table.get(keys.dossierReach(dossierCode), { ReturnConsumedCapacity: "TOTAL" });
    if (!item) return "not_counted_dossier";
    const counted = dossierReachFromItem(item);
    if (counted[channelMark[channel]] !== null) return "already_counted";
    const first = counted.notifiedAt === null;
    return this.markOnce(
      dossierCode,
      counted,
      { [channelMark[channel]]: at, ...(first ? { notifiedAt: at } : {}) },
      { [channelCounter[channel]]: 1, ...(first ? { notified: 1 } : {}) },
    );
  }

  async recordFollowerGained(zaloAppUserId: string, at: string): Promise<"counted" | "already_counted" | "no_dossier"> {
    const profile = await this.table.get(keys.citizen(zaloAppUserId), { ConsistentRead: true });
    if (!profile) return "no_dossier";
    const citizen = followerSchema.parse(profile);
    if (citizen.reachFollowerCountedAt !== null) return "already_counted";
    if (citizen.verifiedPhone === null) return "no_dossier";
    const newest = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK BETWEEN :first AND :last",
      ExpressionAttributeValues: {
        ":pk": keys.phonePartition(this.phoneHasher.hash(citizen.verifiedPhone)),
        ":first": "DOSSIER#",
        ":last": `DOSSIER#${at}#~`,
      },
      ScanIndexForward: false,
      Limit: 1,
    });
    const item = newest.Items?.[0];
    if (!item) return "no_dossier";
    const dossier = dossierItemSchema.parse(item);
    const cell: ReachCell = { agencyCode: dossier.agencyCode, month: vietnamMonth(dossier.receivedAt) };
    const citizenMark = {
      Key: keys.citizen(zaloAppUserId),
      UpdateExpression: "SET reachFollowerCountedAt = :at",
      ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(reachFollowerCountedAt)",
      ExpressionAttributeValues: { ":at": at },
    };
    const actions: NamedActions<"citizenMark" | "counter"> = [
      ["citizenMark", { Update: citizenMark }],
      ["counter", { Update: reachCounterUpdate(cell, zaloAppUserId, { followersGained: 1 }) }],
    ];
    try {
      await this.table.transactWrite(transactItems(actions), { ReturnConsumedCapacity: "TOTAL" });
      return "counted";
    } catch (error) {
      // The citizen's mark is set (or the citizen is gone): this follow was counted before.
      if (transactionCancellation(error, actions)?.conditionFailed("citizenMark")) return "already_counted";
      throw error;
    }
  }

  async rows(from: string, to: string, agencyCode: string | null): Promise<ReachRow[]> {
    const months = monthRange(from, to);
    if (!months) throw new RangeError(`not a report range: ${from}..${to}`);
    const perMonth = await Promise.all(
      months.map((month) =>
        this.table.queryAll({
          KeyConditionExpression: agencyCode === null ? "PK = :pk" : "PK = :pk AND begins_with(SK, :agency)",
          ExpressionAttributeValues: { ":pk": keys.reachMonthPartition(month), ...(agencyCode === null ? {} : { ":agency": keys.reachAgencyPrefix(agencyCode) }) },
          ReturnConsumedCapacity: "TOTAL",
        }),
      ),
    );
    const rows = new Map<string, ReachRow>();
    for (const item of perMonth.flat()) {
      const { cell, counts } = reachCounterFromItem(item);
      const key = `${cell.month}|${cell.agencyCode}`;
      const row = rows.get(key) ?? { ...cell, counts: emptyReachCounts() };
      for (const name of reachCounters) row.counts[name] += counts[name];
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.agencyCode.localeCompare(b.agencyCode));
  }

  private async markOnce(
    dossierCode: string,
    counted: DossierReach,
    marks: Partial<Record<"viewedAt" | "notifiedAt" | "notifiedOaAt" | "notifiedZnsAt", string>>,
    add: Partial<ReachCounts>,
  ): Promise<"counted" | "already_counted" | "busy"> {
    const actions: NamedActions<"marks" | "counter"> = [
      ["marks", { Update: dossierReachMarksUpdate(dossierCode, counted, marks) }],
      ["counter", { Update: reachCounterUpdate(counted, dossierCode, add) }],
    ];
    try {
      await this.table.transactWrite(transactItems(actions), { ReturnConsumedCapacity: "TOTAL" });
      return "counted";
    } catch (error) {
      const cancelled = transactionCancellation(error, actions);
      // The mark's condition failed: another request counted this first (its transaction changed nothing).
      if (cancelled?.conditionFailed("marks")) return "already_counted";
      // Another transaction held the counter item at that moment: nothing was written, the next request counts it.
      if (cancelled?.conflicted) return "busy";
      throw error;
    }
  }
}

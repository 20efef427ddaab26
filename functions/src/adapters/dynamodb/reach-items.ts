import * as z from "zod/mini";
import { reachCounters, type DossierReach, type ReachCell, type ReachCounts } from "../../domain/reach.js";
import { itemTypes, keys } from "./keys.js";

/** Shards per agency-month counter: as many as the dossiers an ingest batch applies at once (8), so they seldom meet on one item. */
export const reachCounterShards = 8;

/** A stable shard for a dossier code or a citizen id (FNV-1a). */
export function reachShardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % reachCounterShards;
}

const instant = () => z.string().check(z.minLength(20));
const month = () => z.string().check(z.regex(/^\d{4}-\d{2}$/u));

const dossierReachItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.dossierReach),
  agencyCode: z.string().check(z.minLength(1)),
  month: month(),
  countedAt: instant(),
  reachableAt: z._default(z.nullable(instant()), null),
  finishedAt: z._default(z.nullable(instant()), null),
  viewedAt: z._default(z.nullable(instant()), null),
  notifiedAt: z._default(z.nullable(instant()), null),
  notifiedOaAt: z._default(z.nullable(instant()), null),
  notifiedZnsAt: z._default(z.nullable(instant()), null),
}));

export function dossierReachFromItem(item: Record<string, unknown>): DossierReach {
  const { type: _type, ...reach } = dossierReachItemSchema.parse(item);
  return reach;
}

const count = () => z._default(z.number().check(z.int(), z.nonnegative()), 0);
const reachCounterItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.reachCounter),
  agencyCode: z.string().check(z.minLength(1)),
  month: month(),
  ...Object.fromEntries(reachCounters.map((name) => [name, count()])),
}));

export function reachCounterFromItem(item: Record<string, unknown>): { cell: ReachCell; counts: ReachCounts } {
  const parsed = reachCounterItemSchema.parse(item) as Record<string, unknown> & ReachCell;
  const counts = Object.fromEntries(reachCounters.map((name) => [name, parsed[name] as number])) as ReachCounts;
  return { cell: { agencyCode: parsed.agencyCode, month: parsed.month }, counts };
}

/** An Update (for a transaction) that ADDs to the counters of a cell's shard, creating the item if needed. */
export function reachCounterUpdate(cell: ReachCell, shardKey: string, add: Partial<ReachCounts>) {
  const names = reachCounters.filter((name) => (add[name] ?? 0) !== 0);
  if (names.length === 0) throw new Error("a counter update needs something to add");
  return {
    Key: keys.reachCounter(cell.month, cell.agencyCode, reachShardOf(shardKey)),
    UpdateExpression: `SET #type = :type, agencyCode = :agency, #month = :month ADD ${names.map((name) => `#${name} :${name}`).join(", ")}`,
    ExpressionAttributeNames: { "#type": "type", "#month": "month", ...Object.fromEntries(names.map((name) => [`#${name}`, name])) },
    ExpressionAttributeValues: {
      ":type": itemTypes.reachCounter,
      ":agency": cell.agencyCode,
      ":month": cell.month,
      ...Object.fromEntries(names.map((name) => [`:${name}`, add[name]])),
    },
  };
}

/**
 * An Update (for a transaction) that sets marks on a dossier's reach item, each only where it is not set yet:
 * the condition fails, and the whole transaction with it, when another writer counted first.
 */
export function dossierReachMarksUpdate(dossierCode: string, cell: ReachCell, marks: Partial<Record<string, string>>) {
  const names = Object.keys(marks).filter((name) => marks[name] !== undefined);
  if (names.length === 0) throw new Error("a marks update needs a mark");
  return {
    Key: keys.dossierReach(dossierCode),
    UpdateExpression: `SET #type = :type, agencyCode = if_not_exists(agencyCode, :agency), #month = if_not_exists(#month, :month), ${names
      .map((name) => `#${name} = :${name}`)
      .join(", ")}`,
    ConditionExpression: names.map((name) => `attribute_not_exists(#${name})`).join(" AND "),
    ExpressionAttributeNames: { "#type": "type", "#month": "month", ...Object.fromEntries(names.map((name) => [`#${name}`, name])) },
    ExpressionAttributeValues: {
      ":type": itemTypes.dossierReach,
      ":agency": cell.agencyCode,
      ":month": cell.month,
      ...Object.fromEntries(names.map((name) => [`:${name}`, marks[name]])),
    },
  };
}

import type { Dossier } from "./dossier.js";
import { normalisePhoneNumber } from "./phone-number.js";
import { isRatable } from "./rating.js";

/**
 * The campaign's numbers ("kết nối Zalo"): how many dossiers of each desk and month (Vietnam calendar, month
 * of receipt) could be, were and are followed in Zalo. Kept as counters, each raised once per dossier.
 */
export const reachCounters = [
  "dossiers",
  "reachable",
  "notified",
  "notifiedOa",
  "notifiedZns",
  "viewed",
  "rated",
  "finished",
  "followersGained",
] as const;
export type ReachCounter = (typeof reachCounters)[number];
export type ReachCounts = Record<ReachCounter, number>;

export function emptyReachCounts(): ReachCounts {
  return { dossiers: 0, reachable: 0, notified: 0, notifiedOa: 0, notifiedZns: 0, viewed: 0, rated: 0, finished: 0, followersGained: 0 };
}

/** Where a dossier's counts go: its agency and the Vietnam month it was received in. */
export interface ReachCell {
  agencyCode: string;
  month: string;
}

/**
 * What has been counted for one dossier (each a time, set once). It lives beside the dossier, so reading the
 * dossier tells whether a lookup or a message still has something to count.
 */
export interface DossierReach extends ReachCell {
  countedAt: string;
  reachableAt: string | null;
  finishedAt: string | null;
  viewedAt: string | null;
  /** The first delivered message on any channel. */
  notifiedAt: string | null;
  notifiedOaAt: string | null;
  notifiedZnsAt: string | null;
}

export type IngestReachField = "countedAt" | "reachableAt" | "finishedAt";

/** The counters an applied ingest event raises and the marks it sets (each mark only where none was). */
export interface ReachChange {
  cell: ReachCell;
  marks: Partial<Record<IngestReachField, string>>;
  add: Partial<ReachCounts>;
}

/** `YYYY-MM` of an instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamMonth(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3600 * 1000).toISOString().slice(0, 7);
}

/**
 * A dossier is reachable when a Zalo message can go to its citizen: its phone is a Vietnamese mobile number
 * (a ZNS template goes to it by phone, and a follower who verified it in the Mini App gets OA messages).
 * A landline or no phone is not.
 */
export function isReachableDossier(dossier: Pick<Dossier, "applicantPhone">): boolean {
  return dossier.applicantPhone !== null && normalisePhoneNumber(dossier.applicantPhone) !== null;
}

/**
 * What an applied ingest event counts: the dossier once (in the month and agency it was received), reachable
 * the first time it has a mobile number (on receipt or later), finished the first time it reaches a status
 * that can be rated. Null when nothing changes, so most events write nothing more.
 */
export function reachChangeOnIngest(dossier: Dossier, counted: DossierReach | null, at: string): ReachChange | null {
  const cell: ReachCell = counted
    ? { agencyCode: counted.agencyCode, month: counted.month }
    : { agencyCode: dossier.agencyCode, month: vietnamMonth(dossier.receivedAt) };
  const marks: ReachChange["marks"] = {};
  const add: Partial<ReachCounts> = {};
  if (!counted) {
    marks.countedAt = at;
    add.dossiers = 1;
  }
  if (!counted?.reachableAt && isReachableDossier(dossier)) {
    marks.reachableAt = at;
    add.reachable = 1;
  }
  if (!counted?.finishedAt && isRatable(dossier.status)) {
    marks.finishedAt = at;
    add.finished = 1;
  }
  return Object.keys(add).length === 0 ? null : { cell, marks, add };
}

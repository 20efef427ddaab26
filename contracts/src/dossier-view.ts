/**
 * `GET /v1/dossiers/{code}` and the items of `GET /v1/me/dossiers`, as the API sends them. Privacy levels
 * (DESIGN.md §5): "public" for anyone holding the code, "owner" for a valid receipt signature or a verified phone
 * equal to the dossier's; only the owner view carries notes and reasons.
 */
export type DossierViewLevel = "public" | "owner";

/** truoc_han / dung_han / qua_han once finished; trong_han while in progress (reference/domain.md). */
export const onTimeCategories = ["truoc_han", "dung_han", "qua_han", "trong_han"] as const;
export type OnTimeCategory = (typeof onTimeCategories)[number];

/** A new appointment after an apology letter: the dossier's latest one carries when it was made. */
export interface DossierApology {
  newDueAt: string;
  occurredAt?: string;
  /** Owner view only. */
  reason?: string;
}

export interface DossierTimelineEntry {
  status: number;
  statusLabel: string;
  occurredAt: string;
  unitName: string | null;
  /** Owner view only. */
  note?: string | null;
  apology?: DossierApology;
}

export interface DossierView {
  view: DossierViewLevel;
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  applicantName: string;
  status: number;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  onTime: OnTimeCategory;
  onTimeLabel: string;
  apology: DossierApology | null;
  /** Oldest first. */
  timeline: DossierTimelineEntry[];
}

/** A dossier in a list ("Hồ sơ của tôi"): the owner view without the timeline. */
export type DossierSummary = Omit<DossierView, "timeline">;

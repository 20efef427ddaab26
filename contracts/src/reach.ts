/**
 * What the reach report (`GET /v1/admin/reach`) and the Mini App's reach page agree on: the four shares of a row
 * and the number of dossiers below which a desk is listed but not ranked.
 */

/** A desk with fewer dossiers than this in the range is listed, but not ranked among the others. */
export const minDossiersToRank = 30;

export interface ReachShares {
  /** reachable / dossiers */
  reachable: number | null;
  /** notified / dossiers */
  notified: number | null;
  /** viewed / dossiers */
  viewed: number | null;
  /** rated / finished */
  rated: number | null;
}

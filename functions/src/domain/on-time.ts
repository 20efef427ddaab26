import type { OnTimeCategory } from "@motcua/contracts/dossier-view";
import type { Dossier } from "./dossier.js";
import { vietnamCalendarDay } from "./vietnam-time.js";


export type { OnTimeCategory };

export const onTimeLabels: Record<OnTimeCategory, string> = {
  truoc_han: "Trước hạn",
  dung_han: "Đúng hạn",
  qua_han: "Quá hạn",
  trong_han: "Trong hạn",
};

/**
 * The on-time category as the national index computes it: the finishing time, less the time spent
 * waiting for the citizen's supplement, against the due date given at intake. An apology's new date
 * does not make a late dossier on time; more than one supplement request counts as late.
 * A dossier still in progress is "trong hạn" until its (pause-adjusted) due time passes.
 */
export function onTimeCategory(
  dossier: Pick<Dossier, "dueAt" | "finishedAt" | "supplementRequests" | "supplementPausedMs" | "supplementPausedSince">,
  now: Date,
): OnTimeCategory {
  if (dossier.supplementRequests > 1) return "qua_han";
  const measuredAt = dossier.finishedAt ? Date.parse(dossier.finishedAt) : now.getTime();
  const runningPause =
    !dossier.finishedAt && dossier.supplementPausedSince
      ? Math.max(0, measuredAt - Date.parse(dossier.supplementPausedSince))
      : 0;
  const effectiveEnd = measuredAt - dossier.supplementPausedMs - runningPause;
  const due = Date.parse(dossier.dueAt);
  if (effectiveEnd > due) return "qua_han";
  if (!dossier.finishedAt) return "trong_han";
  return vietnamCalendarDay(new Date(effectiveEnd)) < vietnamCalendarDay(new Date(due)) ? "truoc_han" : "dung_han";
}

/**
 * The rating the citizen gives and staff read: the official 3-level scale of the TT 01/2018 forms, three criteria,
 * the statuses in which a dossier can be rated, and the text limits. The API enforces them; the Mini App offers them.
 */
export const satisfactionLevels = ["rat_hai_long", "hai_long", "khong_hai_long"] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

export const satisfactionLevelLabels: Readonly<Record<SatisfactionLevel, string>> = {
  rat_hai_long: "Rất hài lòng",
  hai_long: "Hài lòng",
  khong_hai_long: "Không hài lòng",
};

export const ratingCriteria = ["attitude", "result", "overall"] as const;
export type RatingCriterion = (typeof ratingCriteria)[number];

/** A rating is open once the dossier has a result (9/10) or was refused or stopped (3/8). */
export const ratableStatuses = [9, 10, 3, 8] as const;

/** The citizen may change a rating for 7 days after first sending it. */
export const ratingChangeWindowDays = 7;

export const maxRatingCommentLength = 1000;
export const maxRatingReasonLength = 500;

import * as z from "zod/mini";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import { satisfactionLevels, type Rating } from "../../domain/rating.js";
import type { OnTimeCategory } from "../../domain/on-time.js";
import { vietnamCalendarDay } from "../../domain/vietnam-time.js";
import { itemTypes, keys } from "./keys.js";

const level = () => z.enum(satisfactionLevels);
const instant = () => z.string().check(z.minLength(20));

export const ratingItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.rating),
  dossierCode: z.string(),
  agencyCode: z.string(),
  procedureCode: z.string(),
  dossierStatus: z.pipe(z.number().check(z.refine(isDossierStatus)), z.transform((s) => s as DossierStatus)),
  zaloAppUserId: z.string(),
  onTime: z._default(z.nullable(z.enum(["truoc_han", "dung_han", "qua_han", "trong_han"] satisfies OnTimeCategory[])), null),
  attitude: level(),
  result: level(),
  overall: level(),
  reason: z.nullable(z.string()),
  comment: z.nullable(z.string()),
  ratedAt: instant(),
  updatedAt: instant(),
  version: z.number().check(z.int(), z.positive()),
}));

export function ratingMonth(ratedAt: string): string {
  return vietnamCalendarDay(new Date(ratedAt)).slice(0, 7);
}

export function ratingToItem(rating: Rating): Record<string, unknown> {
  return {
    ...keys.rating(rating.dossierCode),
    ...keys.ratingsFeed(rating.updatedAt, rating.dossierCode),
    ...keys.ratingsByAgencyMonth(rating.agencyCode, ratingMonth(rating.ratedAt), rating.ratedAt, rating.dossierCode),
    type: itemTypes.rating,
    ...rating,
  };
}

export function ratingFromItem(item: Record<string, unknown>): Rating {
  const { type: _type, ...rating } = ratingItemSchema.parse(item);
  return rating;
}

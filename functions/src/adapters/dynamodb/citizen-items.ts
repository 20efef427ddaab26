import * as z from "zod";
import type { CitizenProfile } from "../../domain/citizen.js";
import { itemTypes } from "./keys.js";

const instant = z.string().min(20);

export const citizenItemSchema = z.object({
  type: z.literal(itemTypes.citizen),
  zaloAppUserId: z.string(),
  zaloOaUserId: z.string().nullable().default(null),
  isFollower: z.boolean().default(false),
  followerStateAt: instant.nullable().default(null),
  verifiedPhone: z.string().nullable().default(null),
  phoneVerifiedAt: instant.nullable().default(null),
  phoneConsentAt: instant.nullable().default(null),
  phoneConsentWithdrawnAt: instant.nullable().default(null),
  announcementsSubscribed: z.boolean().default(false),
  announcementsSubscriptionAt: instant.nullable().default(null),
  createdAt: instant,
  updatedAt: instant,
});

export function citizenFromItem(item: Record<string, unknown>): CitizenProfile {
  const { type: _type, ...citizen } = citizenItemSchema.parse(item);
  return citizen;
}

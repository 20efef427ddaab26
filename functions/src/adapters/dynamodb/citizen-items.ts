import * as z from "zod/mini";
import type { CitizenProfile } from "../../domain/citizen.js";
import { itemTypes } from "./keys.js";

const instant = () => z.string().check(z.minLength(20));

export const citizenItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.citizen),
  zaloAppUserId: z.string(),
  zaloOaUserId: z._default(z.nullable(z.string()), null),
  isFollower: z._default(z.boolean(), false),
  followerStateAt: z._default(z.nullable(instant()), null),
  verifiedPhone: z._default(z.nullable(z.string()), null),
  phoneVerifiedAt: z._default(z.nullable(instant()), null),
  phoneConsentAt: z._default(z.nullable(instant()), null),
  phoneConsentWithdrawnAt: z._default(z.nullable(instant()), null),
  announcementsSubscribed: z._default(z.boolean(), false),
  announcementsSubscriptionAt: z._default(z.nullable(instant()), null),
  createdAt: instant(),
  updatedAt: instant(),
}));

export function citizenFromItem(item: Record<string, unknown>): CitizenProfile {
  const { type: _type, ...citizen } = citizenItemSchema.parse(item);
  return citizen;
}

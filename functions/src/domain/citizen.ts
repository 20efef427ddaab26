/**
 * A citizen as this product knows them, keyed by the app-scoped Zalo id. The OA-scoped id (needed to
 * message them) and the follower state come from the Graph API or the OA webhook, never from the client.
 */
export interface CitizenProfile {
  zaloAppUserId: string;
  zaloOaUserId: string | null;
  isFollower: boolean;
  /** When the follower state was last learned; an older webhook event never overwrites a newer state. */
  followerStateAt: string | null;
  /** Normalised `84…`, verified through Zalo's phone exchange; null until the citizen consents. */
  verifiedPhone: string | null;
  phoneVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function newCitizenProfile(zaloAppUserId: string, at: string): CitizenProfile {
  return {
    zaloAppUserId,
    zaloOaUserId: null,
    isFollower: false,
    followerStateAt: null,
    verifiedPhone: null,
    phoneVerifiedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

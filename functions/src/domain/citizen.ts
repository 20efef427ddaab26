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
  /** When the citizen agreed (Decree 13/2023) to have the phone read and kept; null before, or after withdrawal. */
  phoneConsentAt: string | null;
  /** When consent was last withdrawn (the stored phone was deleted then). */
  phoneConsentWithdrawnAt: string | null;
  /**
   * The citizen asked to receive announcements (new or abolished procedures) as OA messages: opt-in, off by
   * default (Decree 13/2023). Only a follower can receive them; the fan-out lists subscribers who follow.
   */
  announcementsSubscribed: boolean;
  /** When the citizen last turned the subscription on or off; null if never. */
  announcementsSubscriptionAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whether the announcement fan-out should list this citizen: opted in and following the OA. */
export function receivesAnnouncements(profile: Pick<CitizenProfile, "announcementsSubscribed" | "isFollower" | "zaloOaUserId">): boolean {
  return profile.announcementsSubscribed && profile.isFollower && profile.zaloOaUserId !== null;
}

export function newCitizenProfile(zaloAppUserId: string, at: string): CitizenProfile {
  return {
    zaloAppUserId,
    zaloOaUserId: null,
    isFollower: false,
    followerStateAt: null,
    verifiedPhone: null,
    phoneVerifiedAt: null,
    phoneConsentAt: null,
    phoneConsentWithdrawnAt: null,
    announcementsSubscribed: false,
    announcementsSubscriptionAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** `84912345678` → `84*****678`: enough for the citizen to recognise the number, not to read it. */
export function maskPhoneNumber(normalisedPhone: string): string {
  if (normalisedPhone.length <= 5) return "*".repeat(normalisedPhone.length);
  return `${normalisedPhone.slice(0, 2)}${"*".repeat(normalisedPhone.length - 5)}${normalisedPhone.slice(-3)}`;
}

/** What `GET /v1/me` answers: the phone masked, the follower state as Zalo last told us. */
export interface CitizenProfileView {
  name: string;
  phone: { masked: string; verifiedAt: string } | null;
  follower: { isFollower: boolean; knownAt: string | null };
  consent: { phone: { givenAt: string | null; withdrawnAt: string | null } };
  /** Announcements as OA messages: the citizen's choice, and whether they reach them now (only followers do). */
  announcements: { subscribed: boolean; changedAt: string | null; receiving: boolean };
}

export function buildCitizenProfileView(profile: CitizenProfile, name: string): CitizenProfileView {
  return {
    name,
    phone:
      profile.verifiedPhone && profile.phoneVerifiedAt
        ? { masked: maskPhoneNumber(profile.verifiedPhone), verifiedAt: profile.phoneVerifiedAt }
        : null,
    follower: { isFollower: profile.isFollower, knownAt: profile.followerStateAt },
    consent: { phone: { givenAt: profile.phoneConsentAt, withdrawnAt: profile.phoneConsentWithdrawnAt } },
    announcements: {
      subscribed: profile.announcementsSubscribed,
      changedAt: profile.announcementsSubscriptionAt,
      receiving: receivesAnnouncements(profile),
    },
  };
}

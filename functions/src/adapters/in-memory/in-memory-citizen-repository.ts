import { newCitizenProfile, receivesAnnouncements, type CitizenProfile } from "../../domain/citizen.js";
import type { AnnouncementSubscriberPage, CitizenRepository, FollowState, VerifiedPhone } from "../../ports/citizen-repository.js";

/** Unit-test fake of the citizen profiles. */
export class InMemoryCitizenRepository implements CitizenRepository {
  readonly profiles = new Map<string, CitizenProfile>();

  async get(zaloAppUserId: string): Promise<CitizenProfile | null> {
    const profile = this.profiles.get(zaloAppUserId);
    return profile ? structuredClone(profile) : null;
  }

  async recordFollowState(state: FollowState): Promise<"recorded" | "older_than_recorded"> {
    const profile = this.profiles.get(state.zaloAppUserId) ?? newCitizenProfile(state.zaloAppUserId, state.at);
    if (profile.followerStateAt !== null && profile.followerStateAt > state.at) return "older_than_recorded";
    this.profiles.set(state.zaloAppUserId, {
      ...profile,
      zaloOaUserId: state.zaloOaUserId,
      isFollower: state.isFollower,
      followerStateAt: state.at,
      updatedAt: state.at,
    });
    return "recorded";
  }

  async recordVerifiedPhone(verified: VerifiedPhone): Promise<void> {
    const profile = this.profiles.get(verified.zaloAppUserId) ?? newCitizenProfile(verified.zaloAppUserId, verified.at);
    this.profiles.set(verified.zaloAppUserId, {
      ...profile,
      verifiedPhone: verified.phone,
      phoneVerifiedAt: verified.at,
      phoneConsentAt: verified.at,
      updatedAt: verified.at,
    });
  }

  async removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null> {
    const profile = this.profiles.get(zaloAppUserId);
    if (!profile) return null;
    const updated = {
      ...profile,
      verifiedPhone: null,
      phoneVerifiedAt: null,
      phoneConsentAt: null,
      phoneConsentWithdrawnAt: at,
      updatedAt: at,
    };
    this.profiles.set(zaloAppUserId, updated);
    return structuredClone(updated);
  }

  async findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]> {
    return [...this.profiles.values()].filter((p) => p.verifiedPhone === normalisedPhone).map((p) => structuredClone(p));
  }

  async setAnnouncementSubscription(zaloAppUserId: string, subscribed: boolean, at: string): Promise<CitizenProfile> {
    const profile = this.profiles.get(zaloAppUserId) ?? newCitizenProfile(zaloAppUserId, at);
    const updated = { ...profile, announcementsSubscribed: subscribed, announcementsSubscriptionAt: at, updatedAt: at };
    this.profiles.set(zaloAppUserId, updated);
    return structuredClone(updated);
  }

  async listAnnouncementSubscribers(request: { after: string | null; limit: number }): Promise<AnnouncementSubscriberPage> {
    const ids = [...this.profiles.values()]
      .filter(receivesAnnouncements)
      .map((p) => p.zaloAppUserId)
      .sort()
      .filter((id) => request.after === null || id > request.after);
    const page = ids.slice(0, request.limit);
    return { zaloAppUserIds: page, next: ids.length > request.limit ? (page[page.length - 1] ?? null) : null };
  }

  async countAnnouncementSubscribers(): Promise<number> {
    return [...this.profiles.values()].filter(receivesAnnouncements).length;
  }
}

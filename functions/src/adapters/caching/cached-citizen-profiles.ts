import type { CitizenProfile } from "../../domain/citizen.js";
import type { CitizenRepository, FollowState, VerifiedPhone } from "../../ports/citizen-repository.js";
import type { Clock } from "../../ports/clock.js";
import { ExpiringEntries } from "./expiring-entries.js";

/**
 * Profile reads remembered per Lambda instance for a few seconds, so that a citizen's burst of lookups (each asks
 * whether their verified phone is the dossier's) costs one GetItem. Writes through this object forget the entry,
 * so the instance that records a consent or a withdrawal sees it at once; another instance sees it after at most
 * `ttlSeconds`.
 */
export class CachedCitizenProfiles implements CitizenRepository {
  private readonly entries: ExpiringEntries<CitizenProfile | null>;

  constructor(
    private readonly inner: CitizenRepository,
    private readonly clock: Clock,
    ttlSeconds: number,
    maxEntries = 10_000,
  ) {
    this.entries = new ExpiringEntries(clock, ttlSeconds, maxEntries);
  }

  async get(zaloAppUserId: string): Promise<CitizenProfile | null> {
    const readAt = this.clock.now().getTime();
    const cached = this.entries.fresh(zaloAppUserId, readAt);
    if (cached) return cached.value;
    const profile = await this.inner.get(zaloAppUserId);
    this.entries.remember(zaloAppUserId, profile, readAt);
    return profile;
  }

  async recordFollowState(state: FollowState) {
    this.entries.forget(state.zaloAppUserId);
    return this.inner.recordFollowState(state);
  }

  async recordVerifiedPhone(verified: VerifiedPhone): Promise<void> {
    this.entries.forget(verified.zaloAppUserId);
    await this.inner.recordVerifiedPhone(verified);
  }

  async removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null> {
    this.entries.forget(zaloAppUserId);
    return this.inner.removeVerifiedPhone(zaloAppUserId, at);
  }

  findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]> {
    return this.inner.findByVerifiedPhone(normalisedPhone);
  }

  async setAnnouncementSubscription(zaloAppUserId: string, subscribed: boolean, at: string): Promise<CitizenProfile> {
    this.entries.forget(zaloAppUserId);
    return this.inner.setAnnouncementSubscription(zaloAppUserId, subscribed, at);
  }

  listAnnouncementSubscribers(request: { after: string | null; limit: number }) {
    return this.inner.listAnnouncementSubscribers(request);
  }

  countAnnouncementSubscribers(): Promise<number> {
    return this.inner.countAnnouncementSubscribers();
  }
}

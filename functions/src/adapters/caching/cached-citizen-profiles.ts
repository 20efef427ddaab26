import type { CitizenProfile } from "../../domain/citizen.js";
import type { CitizenRepository, FollowState, VerifiedPhone } from "../../ports/citizen-repository.js";
import type { Clock } from "../../ports/clock.js";

/**
 * Profile reads remembered per Lambda instance for a few seconds, so that a citizen's burst of lookups (each asks
 * whether their verified phone is the dossier's) costs one GetItem. Writes through this object forget the entry,
 * so the instance that records a consent or a withdrawal sees it at once; another instance sees it after at most
 * `ttlSeconds`.
 */
export class CachedCitizenProfiles implements CitizenRepository {
  private readonly entries = new Map<string, { profile: CitizenProfile | null; expiresAt: number }>();

  constructor(
    private readonly inner: CitizenRepository,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(zaloAppUserId: string): Promise<CitizenProfile | null> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(zaloAppUserId);
    if (cached && cached.expiresAt > now) return cached.profile;
    const profile = await this.inner.get(zaloAppUserId);
    this.entries.delete(zaloAppUserId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(zaloAppUserId, { profile, expiresAt: now + this.ttlSeconds * 1000 });
    return profile;
  }

  async recordFollowState(state: FollowState) {
    this.entries.delete(state.zaloAppUserId);
    return this.inner.recordFollowState(state);
  }

  async recordVerifiedPhone(verified: VerifiedPhone): Promise<void> {
    this.entries.delete(verified.zaloAppUserId);
    await this.inner.recordVerifiedPhone(verified);
  }

  async removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null> {
    this.entries.delete(zaloAppUserId);
    return this.inner.removeVerifiedPhone(zaloAppUserId, at);
  }

  findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]> {
    return this.inner.findByVerifiedPhone(normalisedPhone);
  }

  async setAnnouncementSubscription(zaloAppUserId: string, subscribed: boolean, at: string): Promise<CitizenProfile> {
    this.entries.delete(zaloAppUserId);
    return this.inner.setAnnouncementSubscription(zaloAppUserId, subscribed, at);
  }

  listAnnouncementSubscribers(request: { after: string | null; limit: number }) {
    return this.inner.listAnnouncementSubscribers(request);
  }

  countAnnouncementSubscribers(): Promise<number> {
    return this.inner.countAnnouncementSubscribers();
  }
}

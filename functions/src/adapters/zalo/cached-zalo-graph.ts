import { createHash } from "node:crypto";
import type { Clock } from "../../ports/clock.js";
import type { ZaloGraph, ZaloUser } from "../../ports/zalo-graph.js";
import { ExpiringEntries } from "../caching/expiring-entries.js";

/**
 * Remembers verified tokens for a short time, keyed by the token's hash (tokens themselves are never
 * kept), so a citizen's burst of requests costs one Graph API call. Invalid tokens are not cached.
 * Concurrent checks of one token share the one call in flight, so a crowd of new tokens at once costs
 * Zalo one call per token, not one per request.
 */
export class CachedZaloGraph implements ZaloGraph {
  private readonly entries: ExpiringEntries<ZaloUser>;
  private readonly inFlight = new Map<string, Promise<ZaloUser | null>>();

  constructor(
    private readonly inner: ZaloGraph,
    clock: Clock,
    ttlSeconds: number,
    maxEntries = 10_000,
  ) {
    this.entries = new ExpiringEntries(clock, ttlSeconds, maxEntries);
  }

  async getUserByAccessToken(accessToken: string): Promise<ZaloUser | null> {
    const key = createHash("sha256").update(accessToken).digest("base64url");
    const cached = this.entries.fresh(key);
    if (cached) return cached.value;

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const check = this.verify(key, accessToken).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, check);
    return check;
  }

  private async verify(key: string, accessToken: string): Promise<ZaloUser | null> {
    const user = await this.inner.getUserByAccessToken(accessToken);
    if (user) this.entries.remember(key, user);
    return user;
  }
}

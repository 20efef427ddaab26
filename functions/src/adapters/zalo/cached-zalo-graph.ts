import { createHash } from "node:crypto";
import type { Clock } from "../../ports/clock.js";
import type { ZaloGraph, ZaloUser } from "../../ports/zalo-graph.js";

/**
 * Remembers verified tokens for a short time, keyed by the token's hash (tokens themselves are never
 * kept), so a citizen's burst of requests costs one Graph API call. Invalid tokens are not cached.
 * Concurrent checks of one token share the one call in flight, so a crowd of new tokens at once costs
 * Zalo one call per token, not one per request.
 */
export class CachedZaloGraph implements ZaloGraph {
  private readonly entries = new Map<string, { user: ZaloUser; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<ZaloUser | null>>();

  constructor(
    private readonly inner: ZaloGraph,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  async getUserByAccessToken(accessToken: string): Promise<ZaloUser | null> {
    const key = createHash("sha256").update(accessToken).digest("base64url");
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.clock.now().getTime()) return cached.user;
    this.entries.delete(key);

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const check = this.verify(key, accessToken).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, check);
    return check;
  }

  private async verify(key: string, accessToken: string): Promise<ZaloUser | null> {
    const user = await this.inner.getUserByAccessToken(accessToken);
    if (user && this.ttlSeconds > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { user, expiresAt: this.clock.now().getTime() + this.ttlSeconds * 1000 });
    }
    return user;
  }
}

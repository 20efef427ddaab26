import { createHash } from "node:crypto";
import type { Clock } from "../../ports/clock.js";
import type { ZaloGraph, ZaloUser } from "../../ports/zalo-graph.js";

/**
 * Remembers verified tokens for a short time, keyed by the token's hash (tokens themselves are never
 * kept), so a citizen's burst of requests costs one Graph API call. Invalid tokens are not cached.
 */
export class CachedZaloGraph implements ZaloGraph {
  private readonly entries = new Map<string, { user: ZaloUser; expiresAt: number }>();

  constructor(
    private readonly inner: ZaloGraph,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  async getUserByAccessToken(accessToken: string): Promise<ZaloUser | null> {
    const key = createHash("sha256").update(accessToken).digest("base64url");
    const now = this.clock.now().getTime();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached.user;
    this.entries.delete(key);

    const user = await this.inner.getUserByAccessToken(accessToken);
    if (user) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { user, expiresAt: now + this.ttlSeconds * 1000 });
    }
    return user;
  }
}

import type { Clock } from "../../ports/clock.js";

/**
 * Values remembered per Lambda instance for `ttlSeconds` from when they were read, at most `maxEntries` of them
 * (the oldest goes first when full). With a TTL of 0 nothing is kept.
 */
export class ExpiringEntries<Value> {
  private readonly entries = new Map<string, { value: Value; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    private readonly maxEntries: number,
  ) {}

  /** The value while it is fresh; a stale one is forgotten. */
  fresh(key: string, now = this.clock.now().getTime()): { value: Value } | undefined {
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return { value: cached.value };
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` until `ttlSeconds` after `readAt` (the time it was read; now unless given). */
  remember(key: string, value: Value, readAt = this.clock.now().getTime()): void {
    this.entries.delete(key);
    if (this.ttlSeconds <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: readAt + this.ttlSeconds * 1000 });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

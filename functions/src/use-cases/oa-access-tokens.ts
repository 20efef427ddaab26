import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/id-generator.js";
import type { Logger } from "../ports/logger.js";
import type { OaTokenPair, OaTokenStore, StoredOaToken, ZaloOAuth } from "../ports/oa-token-store.js";

export interface OaAccessTokens {
  /** A usable OA access token; refreshed first when it expires within the proactive window. */
  current(): Promise<string>;
  /** After Zalo rejected `rejected` (a `token` failure): a fresh token, refreshing at most once across callers. */
  afterRejected(rejected: string): Promise<string>;
}

export interface OaAccessTokensDeps {
  store: OaTokenStore;
  oauth: ZaloOAuth;
  clock: Clock;
  ids: IdGenerator;
  sleep: (ms: number) => Promise<void>;
  log: Logger;
  /** Stored when the table holds no pair yet (the first token pair comes from Zalo's API Explorer). */
  initialRefreshToken: string | null;
  /** Refresh this long before the access token expires. */
  refreshBeforeExpiryMs: number;
  /** How long a refresh claim holds; a crashed refresher's claim expires after it. */
  refreshClaimMs: number;
}

export class OaTokenUnavailableError extends Error {}

/**
 * Zalo's refresh token is single-use and rotates: spending it twice burns the pair. So a refresh is claimed
 * with a conditional write on the stored refresh token first; only the claimant calls Zalo, and it saves the
 * new pair with a write conditional on the old token. Everyone else waits for the new pair.
 */
export function oaAccessTokens(deps: OaAccessTokensDeps): OaAccessTokens {
  let cached: OaTokenPair | null = null;

  const remainingMs = (pair: OaTokenPair) => Date.parse(pair.expiresAt) - deps.clock.now().getTime();
  const fresh = (pair: OaTokenPair) => pair.accessToken !== "" && remainingMs(pair) > deps.refreshBeforeExpiryMs;
  const usable = (pair: OaTokenPair) => pair.accessToken !== "" && remainingMs(pair) > 0;

  async function load(): Promise<StoredOaToken> {
    let stored = await deps.store.get();
    if (!stored && deps.initialRefreshToken) {
      await deps.store.initialise(deps.initialRefreshToken);
      stored = await deps.store.get();
    }
    if (!stored) throw new OaTokenUnavailableError("no OA token pair stored and no initial refresh token configured");
    return stored;
  }

  async function refresh(stored: StoredOaToken, rejected: string | null): Promise<string> {
    const owner = deps.ids.newId();
    const now = deps.clock.now();
    if (await deps.store.claimRefresh(stored.refreshToken, owner, now, new Date(now.getTime() + deps.refreshClaimMs))) {
      const result = await deps.oauth.refresh(stored.refreshToken);
      if (!result.ok) {
        throw new OaTokenUnavailableError(`OA token refresh refused: ${result.code ?? "no code"} ${result.message}`);
      }
      const pair: OaTokenPair = {
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        expiresAt: new Date(deps.clock.now().getTime() + result.expiresInSeconds * 1000).toISOString(),
      };
      if (!(await deps.store.saveRotated(stored.refreshToken, owner, pair))) {
        deps.log.error("OA token pair rotated by Zalo but not saved: claim lost");
      }
      cached = pair;
      return pair.accessToken;
    }
    // Another invocation is refreshing: use the stored token while it lasts, else wait for the new pair.
    if (usable(stored) && stored.accessToken !== rejected) return stored.accessToken;
    for (let wait = 0; wait < deps.refreshClaimMs; ) {
      const delay = Math.min(200, 25 * 2 ** Math.min(wait / 25, 3));
      await deps.sleep(delay);
      wait += delay;
      const latest = await deps.store.get();
      if (latest && latest.refreshToken !== stored.refreshToken && usable(latest)) {
        cached = latest;
        return latest.accessToken;
      }
    }
    throw new OaTokenUnavailableError("another invocation's OA token refresh did not finish in time");
  }

  return {
    async current() {
      if (cached && fresh(cached)) return cached.accessToken;
      const stored = await load();
      if (fresh(stored)) {
        cached = stored;
        return stored.accessToken;
      }
      return refresh(stored, null);
    },
    async afterRejected(rejected) {
      cached = null;
      const stored = await load();
      if (stored.accessToken !== rejected && usable(stored)) {
        cached = stored;
        return stored.accessToken;
      }
      return refresh(stored, rejected);
    },
  };
}

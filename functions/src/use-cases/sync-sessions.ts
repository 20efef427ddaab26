import type { SyncCredential } from "../domain/sync-credential.js";
import type { Clock } from "../ports/clock.js";
import type { PasswordHasher, SessionTokens } from "../ports/password-hasher.js";
import type { RateLimiter, RateLimitRule } from "../ports/rate-limiter.js";
import type { SyncCredentialRepository } from "../ports/sync-credential-repository.js";

export interface SyncLoginLimits {
  perUsernamePerMinute: number;
  failedPerUsernamePerMinute: number;
  perAddressPerMinute: number;
  failedPerAddressPerMinute: number;
}

export interface SyncSessionsDeps {
  credentials: SyncCredentialRepository;
  hasher: PasswordHasher;
  tokens: SessionTokens;
  rateLimiter: RateLimiter;
  clock: Clock;
  /** The first credential, from configuration; a table record of the same username takes its place. */
  configured: SyncCredential | null;
  sessionSeconds: number;
  limits: SyncLoginLimits;
}

export type SyncLoginResult =
  | { ok: true; token: string; expiresAt: string }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  /** Unknown username, wrong password or a disabled credential: one answer, so nobody learns which. */
  | { ok: false; reason: "bad_credentials" };

export type SyncAuthentication =
  | { ok: true; credential: SyncCredential }
  | { ok: false; reason: "missing" | "unknown" | "expired" | "disabled" | "revoked" };

/**
 * Logins and sessions of the national sync dialect: random tokens, stored by digest, refused once the credential
 * is disabled and for good once its password is rotated or it is disabled (its session generation moves on).
 */
export function syncSessionsUseCases(deps: SyncSessionsDeps) {
  let decoyHash: Promise<string> | null = null;

  async function credentialFor(username: string): Promise<SyncCredential | null> {
    const stored = await deps.credentials.get(username);
    if (stored) return stored;
    return deps.configured && deps.configured.username === username ? deps.configured : null;
  }

  function rules(username: string, address: string): RateLimitRule[] {
    return [
      {
        scope: "sync-login-user",
        key: username.toLowerCase(),
        limitPerWindow: deps.limits.perUsernamePerMinute,
        failedLimitPerWindow: deps.limits.failedPerUsernamePerMinute,
      },
      {
        scope: "sync-login-address",
        key: address,
        limitPerWindow: deps.limits.perAddressPerMinute,
        failedLimitPerWindow: deps.limits.failedPerAddressPerMinute,
      },
    ];
  }

  return {
    credentialFor,

    async login(input: { username: string; password: string; address: string }): Promise<SyncLoginResult> {
      const now = deps.clock.now();
      const limitRules = rules(input.username, input.address);
      // A failure is reserved before the password is checked, so a burst of guesses cannot pass the failure limit.
      const decision = await deps.rateLimiter.hit(limitRules, now, { reserveFailure: true });
      if (!decision.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds };
      const credential = await credentialFor(input.username);
      // An unknown username costs the same hash as a known one.
      decoyHash ??= deps.hasher.hash("decoy password of an unknown username");
      const valid = await deps.hasher.verify(input.password, credential?.passwordHash ?? (await decoyHash));
      if (!credential || !valid || credential.disabled) return { ok: false, reason: "bad_credentials" };
      await deps.rateLimiter.releaseFailure(limitRules, now);
      const token = deps.tokens.newToken();
      const expiresAt = new Date(now.getTime() + deps.sessionSeconds * 1000).toISOString();
      await deps.credentials.saveSession(deps.tokens.digest(token), {
        username: credential.username,
        expiresAt,
        generation: credential.sessionGeneration ?? 0,
      });
      return { ok: true, token, expiresAt };
    },

    async authenticate(token: string | undefined): Promise<SyncAuthentication> {
      if (!token) return { ok: false, reason: "missing" };
      const session = await deps.credentials.findSession(deps.tokens.digest(token));
      if (!session) return { ok: false, reason: "unknown" };
      // TTL deletes lazily: the time is checked here too.
      if (session.expiresAt <= deps.clock.now().toISOString()) return { ok: false, reason: "expired" };
      const credential = await credentialFor(session.username);
      if (!credential || credential.disabled) return { ok: false, reason: "disabled" };
      // Issued before the password was rotated or the credential disabled.
      if (session.generation !== (credential.sessionGeneration ?? 0)) return { ok: false, reason: "revoked" };
      return { ok: true, credential };
    },
  };
}

export type SyncSessions = ReturnType<typeof syncSessionsUseCases>;

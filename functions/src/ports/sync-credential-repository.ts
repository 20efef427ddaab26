import type { SyncCredential } from "../domain/sync-credential.js";

export interface SyncSession {
  username: string;
  expiresAt: string;
  /** The credential's session generation when the session was issued. */
  generation: number;
}

/** Credentials of the national sync dialect and their sessions (stored by the token's digest only). */
export interface SyncCredentialRepository {
  get(username: string): Promise<SyncCredential | null>;
  list(): Promise<SyncCredential[]>;
  /** Creates it; false when the username is taken. */
  create(credential: SyncCredential): Promise<boolean>;
  /** Replaces an existing one; false when there is none. */
  update(credential: SyncCredential): Promise<boolean>;
  saveSession(tokenDigest: string, session: SyncSession): Promise<void>;
  findSession(tokenDigest: string): Promise<SyncSession | null>;
}

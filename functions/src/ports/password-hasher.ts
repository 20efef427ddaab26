/** A slow, salted password hash (scrypt in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
}

/** Random bearer tokens and their digest (what is stored). */
export interface SessionTokens {
  newToken(): string;
  digest(token: string): string;
}

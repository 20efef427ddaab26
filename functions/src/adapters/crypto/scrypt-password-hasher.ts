import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { PasswordHasher, SessionTokens } from "../../ports/password-hasher.js";

const keyLength = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$<salt b64url>$<key b64url>`; the parameters travel with the hash so they can be raised later. */
export function scryptPasswordHasher(cost = 16384): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await scryptAsync(password, salt, { N: cost, r: 8, p: 1 });
      return `scrypt$${cost}$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    },
    async verify(password, hash) {
      const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/u.exec(hash);
      if (!match) return false;
      const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (N > 1 << 20 || r > 32 || p > 16) return false;
      const expected = Buffer.from(match[5]!, "base64url");
      if (expected.length !== keyLength) return false;
      const key = await scryptAsync(password, Buffer.from(match[4]!, "base64url"), { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
      return timingSafeEqual(key, expected);
    },
  };
}

export const randomSessionTokens: SessionTokens = {
  newToken: () => randomBytes(32).toString("base64url"),
  digest: (token) => createHash("sha256").update(token).digest("base64url"),
};

/** 24 characters of base64url (144 random bits): typed into a sync job's settings once. */
export const randomSyncPassword = (): string => randomBytes(18).toString("base64url");

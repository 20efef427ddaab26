import { randomBytes, randomInt } from "node:crypto";

/** Zalo user ids are decimal strings beyond 2^53; always handled as strings. */
export function randomZaloUserId(): string {
  const length = randomInt(16, 20);
  let id = String(randomInt(1, 10));
  while (id.length < length) id += String(randomInt(0, 10));
  return id;
}

export const zaloUserIdPattern = /^[1-9]\d{15,18}$/;

/** Opaque token: callers must not be able to derive anything from it. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

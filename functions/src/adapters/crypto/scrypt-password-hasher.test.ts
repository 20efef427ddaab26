import { describe, expect, it } from "vitest";
import { randomSessionTokens, scryptPasswordHasher } from "./scrypt-password-hasher.js";

describe("scrypt password hasher", () => {
  const hasher = scryptPasswordHasher(1024);

  it("verifies the password it hashed and nothing else", async () => {
    const hash = await hasher.hash("mật-khẩu-đủ-dài-123");
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/u);
    expect(hash).not.toContain("mật-khẩu");
    expect(await hasher.verify("mật-khẩu-đủ-dài-123", hash)).toBe(true);
    expect(await hasher.verify("mật-khẩu-đủ-dài-124", hash)).toBe(false);
    expect(await hasher.verify("mật-khẩu-đủ-dài-123", "scrypt$1024$8$1$abc")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hasher.hash("same")).not.toBe(await hasher.hash("same"));
  });

  it("issues distinct tokens whose digest is not the token", () => {
    const a = randomSessionTokens.newToken();
    expect(a).not.toBe(randomSessionTokens.newToken());
    expect(randomSessionTokens.digest(a)).not.toContain(a);
    expect(randomSessionTokens.digest(a)).toBe(randomSessionTokens.digest(a));
  });
});

import { describe, expect, it } from "vitest";
import { verifyIngestSignature } from "./ingest-signature.js";

// Computed independently: printf '1764300000.{"events":[]}' | openssl dgst -sha256 -hmac 'ingest-secret-for-tests-0001'
const knownSignature = "b41b52c04b325808e861f79840ff9cc2428bfe13b85a5de4a1b6d177e7f03f1f";
const body = Buffer.from('{"events":[]}');
const check = (overrides: Partial<Parameters<typeof verifyIngestSignature>[0]>) =>
  verifyIngestSignature({
    timestampHeader: "1764300000",
    signatureHeader: `v1=${knownSignature}`,
    signedContent: body,
    secrets: ["ingest-secret-for-tests-0001"],
    nowSeconds: 1764300000,
    ...overrides,
  });

describe("verifyIngestSignature", () => {
  it("accepts the HMAC of timestamp + '.' + raw body", () => {
    expect(check({})).toEqual({ ok: true });
  });

  it("accepts either of two secrets during a rotation, and several v1 values", () => {
    expect(check({ secrets: ["the-new-secret-000000000000", "ingest-secret-for-tests-0001"] })).toEqual({ ok: true });
    expect(check({ signatureHeader: `v1=${"0".repeat(64)}, v1=${knownSignature}` })).toEqual({ ok: true });
  });

  it("refuses a changed body, a wrong secret or a malformed header", () => {
    expect(check({ signedContent: Buffer.from('{"events": []}') })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ secrets: ["another-secret-0000000000"] })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ signatureHeader: knownSignature })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ signatureHeader: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(check({ timestampHeader: "yesterday" })).toEqual({ ok: false, reason: "missing" });
  });

  it("has a 5-minute window on both sides, tested at the limit and just past it", () => {
    expect(check({ nowSeconds: 1764300000 + 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: 1764300000 + 301 })).toEqual({ ok: false, reason: "stale" });
    expect(check({ nowSeconds: 1764300000 - 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: 1764300000 - 301 })).toEqual({ ok: false, reason: "stale" });
  });
});

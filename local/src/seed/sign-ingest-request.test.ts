import { describe, expect, it } from "vitest";
import { ingestSignature, signedIngestHeaders } from "./sign-ingest-request.js";

describe("ingest request signature", () => {
  it("is v1= and the hex HMAC-SHA256 of timestamp, a dot and the raw body", () => {
    // Reference value: printf '1700000000.{"events":[]}' | openssl dgst -sha256 -hmac 'dev-only-ingest-secret-0001'
    expect(ingestSignature("dev-only-ingest-secret-0001", 1_700_000_000, '{"events":[]}')).toBe(
      "v1=6205c45b4107ab5c30fc4523731878f20d5367f1ba66a8fddb4d24ffa0ae0687",
    );
  });

  it("puts the timestamp in seconds and the matching signature in the headers", () => {
    const headers = signedIngestHeaders("dev-only-ingest-secret-0001", "since=2026-01-01", new Date(1_700_000_000_999));
    expect(headers).toEqual({
      "content-type": "application/json",
      "x-motcua-timestamp": "1700000000",
      "x-motcua-signature": ingestSignature("dev-only-ingest-secret-0001", 1_700_000_000, "since=2026-01-01"),
    });
  });
});

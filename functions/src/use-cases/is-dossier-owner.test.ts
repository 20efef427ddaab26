import { describe, expect, it } from "vitest";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { newCitizenProfile, type CitizenProfile } from "../domain/citizen.js";
import { isDossierOwnerCheck } from "./is-dossier-owner.js";

const signer = new HmacReceiptSigner("receipt-key-for-tests-000001", "3141592653589793");
const profiles = new Map<string, CitizenProfile>([
  ["verified", { ...newCitizenProfile("verified", "2026-11-01T00:00:00.000Z"), verifiedPhone: "84912345678", phoneVerifiedAt: "2026-11-01T00:00:00.000Z" }],
  ["unverified", newCitizenProfile("unverified", "2026-11-01T00:00:00.000Z")],
]);
let reads = 0;
const isOwner = isDossierOwnerCheck({
  receiptSigner: signer,
  citizens: { get: async (id) => ((reads += 1), profiles.get(id) ?? null) },
});
const dossier = { code: "000.00.20.H27-261120-0001", applicantPhone: "84912345678" };

describe("is this citizen the dossier's owner", () => {
  it("yes with the receipt's signature for this code, without reading the profile", async () => {
    reads = 0;
    expect(await isOwner(dossier, { zaloAppUserId: "anyone", receiptSignature: signer.sign(dossier.code) })).toBe(true);
    expect(reads).toBe(0);
  });

  it("yes when the citizen's verified phone is the dossier's applicant phone", async () => {
    expect(await isOwner(dossier, { zaloAppUserId: "verified", receiptSignature: undefined })).toBe(true);
    expect(await isOwner(dossier, { zaloAppUserId: "verified", receiptSignature: "AAAAAAAAAAAAAAAA" })).toBe(true);
  });

  it("no with another code's signature, an unverified or unknown profile, or a dossier without a phone", async () => {
    expect(await isOwner(dossier, { zaloAppUserId: "anyone", receiptSignature: signer.sign("000.00.20.H27-261120-0002") })).toBe(false);
    expect(await isOwner(dossier, { zaloAppUserId: "unverified", receiptSignature: undefined })).toBe(false);
    expect(await isOwner(dossier, { zaloAppUserId: "nobody", receiptSignature: undefined })).toBe(false);
    expect(await isOwner({ ...dossier, applicantPhone: "84987654321" }, { zaloAppUserId: "verified", receiptSignature: undefined })).toBe(false);
    expect(await isOwner({ ...dossier, applicantPhone: null }, { zaloAppUserId: "verified", receiptSignature: undefined })).toBe(false);
  });
});

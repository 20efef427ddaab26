import type { Dossier } from "../domain/dossier.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { ReceiptSigner } from "../ports/receipt-signer.js";

export interface IsDossierOwnerDeps {
  receiptSigner: ReceiptSigner;
  citizens: Pick<CitizenRepository, "get">;
}

export interface OwnerClaim {
  zaloAppUserId: string;
  /** `k` from the receipt QR, when the citizen came from it. */
  receiptSignature: string | undefined;
}

/**
 * The owner of a dossier (DESIGN.md §5): whoever holds the receipt (a valid `k` for this code), or the
 * citizen whose Zalo-verified phone is the dossier's applicant phone. The profile is read only when the
 * receipt does not already prove it.
 */
export function isDossierOwnerCheck(deps: IsDossierOwnerDeps) {
  return async function isDossierOwner(dossier: Pick<Dossier, "code" | "applicantPhone">, claim: OwnerClaim): Promise<boolean> {
    if (claim.receiptSignature !== undefined && deps.receiptSigner.verify(dossier.code, claim.receiptSignature)) return true;
    if (!dossier.applicantPhone) return false;
    const citizen = await deps.citizens.get(claim.zaloAppUserId);
    return citizen?.verifiedPhone != null && citizen.verifiedPhone === dossier.applicantPhone;
  };
}

export type IsDossierOwner = ReturnType<typeof isDossierOwnerCheck>;

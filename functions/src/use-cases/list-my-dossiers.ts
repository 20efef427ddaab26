import { buildDossierSummary, type DossierSummary } from "../domain/dossier-view.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import { isInvalidCursor, orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";

export interface ListMyDossiersDeps {
  dossiers: DossierRepository;
  citizens: Pick<CitizenRepository, "get">;
  clock: Clock;
}

export interface ListMyDossiersRequest {
  zaloAppUserId: string;
  limit: number;
  cursor: string | null;
}

export type ListMyDossiersResult =
  | { kind: "listed"; dossiers: DossierSummary[]; nextCursor: string | null }
  | { kind: "phone_not_verified" }
  | InvalidCursor;

/** "Hồ sơ của tôi": the dossiers whose applicant phone is the citizen's verified phone, newest first, owner view. */
export function listMyDossiersUseCase(deps: ListMyDossiersDeps) {
  return async function listMyDossiers(request: ListMyDossiersRequest): Promise<ListMyDossiersResult> {
    const profile = await deps.citizens.get(request.zaloAppUserId);
    if (!profile?.verifiedPhone) return { kind: "phone_not_verified" };
    const page = await orInvalidCursor(() =>
      deps.dossiers.listByApplicantPhone(profile.verifiedPhone!, { limit: request.limit, cursor: request.cursor }),
    );
    if (isInvalidCursor(page)) return page;
    const now = deps.clock.now();
    return { kind: "listed", dossiers: page.dossiers.map((d) => buildDossierSummary(d, now)), nextCursor: page.nextCursor };
  };
}

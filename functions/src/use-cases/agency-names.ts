import type { StaffMember } from "../domain/staff.js";
import type { AgencyDirectory } from "../ports/agency-directory.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { Logger } from "../ports/logger.js";

/**
 * The dossier repository of ingest, which also keeps the agency directory: after a dossier is written, its
 * agency's name is recorded unless this instance already recorded that very name (one small Put per agency and
 * instance, and again only on a rename). A failed record is tried again with the next dossier of the agency;
 * it never fails the ingest, whose dossier is already written.
 */
export function rememberingAgencyNames(dossiers: DossierRepository, deps: { directory: AgencyDirectory; clock: Clock; log: Logger }): DossierRepository {
  const recorded = new Map<string, string>();
  async function remember(agency: { agencyCode: string; agencyName: string }) {
    const name = agency.agencyName.trim();
    if (!agency.agencyCode || !name || recorded.get(agency.agencyCode) === name) return;
    try {
      await deps.directory.remember({ code: agency.agencyCode, name }, deps.clock.now());
      recorded.set(agency.agencyCode, name);
    } catch (error) {
      deps.log.warn("agency name not recorded", { agencyCode: agency.agencyCode, error: String(error) });
    }
  }
  return {
    findWithTimeline: (code, options) => dossiers.findWithTimeline(code, options),
    appliedPayloadHash: (eventId) => dossiers.appliedPayloadHash(eventId),
    listByApplicantPhone: (phone, page) => dossiers.listByApplicantPhone(phone, page),
    async saveAppliedEvent(write) {
      const result = await dossiers.saveAppliedEvent(write);
      if (result === "written") await remember(write.dossier);
      return result;
    },
    async saveRevisedDossier(dossier, expectedVersion) {
      const result = await dossiers.saveRevisedDossier(dossier, expectedVersion);
      if (result === "written") await remember(dossier);
      return result;
    },
  };
}

export interface AgencyChoice {
  code: string;
  /** Null for an agency in a staff member's scope that no dossier has named yet. */
  name: string | null;
}

/**
 * The agencies a staff member may pick on the staff screens: every recorded one for staff of every agency,
 * otherwise exactly their own (named where known). Sorted by name as Vietnamese readers sort, unnamed last.
 */
export function listAgenciesInScopeUseCase(deps: { directory: AgencyDirectory }) {
  return async (actor: StaffMember): Promise<AgencyChoice[]> => {
    const known = await deps.directory.list();
    const names = new Map(known.map((agency) => [agency.code, agency.name]));
    const codes = actor.allAgencies ? [...new Set([...names.keys(), ...actor.agencyCodes])] : [...new Set(actor.agencyCodes)];
    return codes
      .map((code) => ({ code, name: names.get(code) ?? null }))
      .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || (a.name ?? a.code).localeCompare(b.name ?? b.code, "vi") || a.code.localeCompare(b.code));
  };
}

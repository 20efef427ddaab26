import type { Dossier, DossierDetails } from "../src/domain/dossier.js";
import type { DossierNotification } from "../src/domain/dossier-notification.js";

/** A birth registration at a ward office, as the one-stop system describes it (times in UTC, phone normalised). */
export const birthRegistrationDetails = {
  agencyCode: "000.00.20.H27",
  agencyName: "UBND phường Kinh Bắc",
  procedureCode: "1.001193.000.00.00.H27",
  procedureName: "Đăng ký khai sinh",
  applicantName: "Nguyễn Văn An",
  applicantPhone: "84912345678",
  receivedAt: "2026-11-02T01:00:00.000Z",
  dueAt: "2026-11-09T10:00:00.000Z",
} as const satisfies DossierDetails;

/**
 * The birth registration as stored after its first event ("Được tiếp nhận" at the time it was received);
 * every field can be set for the case at hand.
 */
export function receivedDossier(overrides: Partial<Dossier> = {}): Dossier {
  const receivedAt = overrides.receivedAt ?? birthRegistrationDetails.receivedAt;
  return {
    ...birthRegistrationDetails,
    code: "000.00.20.H27-261102-0001",
    codeKind: "official",
    receivedAt,
    detailsAt: receivedAt,
    status: 2,
    statusAt: receivedAt,
    finishedAt: null,
    supplementRequests: 0,
    supplementPausedMs: 0,
    supplementPausedSince: null,
    latestApology: null,
    ratingInvitedAt: null,
    lateAt: null,
    eventCount: 1,
    version: 1,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...overrides,
  };
}

/** The message about a birth registration's status that ingest queues for its applicant; every field can be set. */
export function dossierNotification(dossierCode: string, overrides: Partial<DossierNotification> = {}): DossierNotification {
  return {
    kind: "dossier_received",
    dossierCode,
    status: 2,
    procedureName: "Đăng ký khai sinh",
    dueAt: "2026-11-09T10:00:00.000Z",
    newDueAt: null,
    applicantPhone: "84912345678",
    ...overrides,
  };
}

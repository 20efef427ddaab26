/** The ingest API's event, as the one-stop system sends it (DESIGN.md §9). */
export interface IngestEvent {
  eventId: string;
  dossierCode: string;
  status: number;
  occurredAt: string;
  dossier?: {
    agencyCode: string;
    agencyName: string;
    procedureCode: string;
    procedureName: string;
    applicantName: string;
    applicantPhone: string;
    receivedAt: string;
    dueAt: string;
  };
  note?: string;
  unitName?: string;
  apology?: { reason: string; newDueAt: string };
}

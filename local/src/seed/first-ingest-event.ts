import type { IngestEvent } from "./ingest-event.js";

/** The dossier details a first ingest event carries; every field can be set for the case at hand. */
export type DossierDetails = NonNullable<IngestEvent["dossier"]>;

export interface FirstEventOptions extends Partial<DossierDetails> {
  eventId?: string;
  /** 2 ("Được tiếp nhận") unless a later status of the same dossier is wanted. */
  status?: number;
  occurredAt?: string;
  note?: string;
  unitName?: string;
}

/**
 * A dossier's first ingest event (status 2, "Được tiếp nhận") with its details: a birth registration received at
 * 08:15 on 2 Nov 2026 (Vietnam time), due a week later. `receivedAt` follows `occurredAt` unless it is set.
 */
export function firstIngestEvent(code: string, options: FirstEventOptions = {}) {
  const { eventId, status = 2, occurredAt = "2026-11-02T08:15:00+07:00", note, unitName, ...details } = options;
  return {
    eventId: eventId ?? `${code}-received`,
    dossierCode: code,
    status,
    occurredAt,
    ...(note === undefined ? {} : { note }),
    ...(unitName === undefined ? {} : { unitName }),
    dossier: {
      agencyCode: "000.00.20.H27",
      agencyName: "UBND phường Kinh Bắc",
      procedureCode: "1.001193.000.00.00.H27",
      procedureName: "Đăng ký khai sinh",
      applicantName: "Nguyễn Văn An",
      applicantPhone: "0912345678",
      receivedAt: occurredAt,
      dueAt: "2026-11-09T17:00:00+07:00",
      ...details,
    } satisfies DossierDetails,
  };
}

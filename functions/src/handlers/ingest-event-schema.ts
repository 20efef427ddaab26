import * as z from "zod/mini";
import { isIssuableDossierCode, parseDossierCode } from "@motcua/contracts/dossier-code";
import type { IncomingDossierEvent } from "../domain/dossier.js";
import { isDossierStatus, type DossierStatus } from "../domain/dossier-status.js";
import { normalisePhoneNumber } from "../domain/phone-number.js";

/** The limits of one ingested event; each has a test at the limit and just past it. */
export const ingestLimits = {
  eventsPerBatch: 100,
  eventIdLength: 128,
  nameLength: 300,
  codeLength: 64,
  noteLength: 2000,
  apologyReasonLength: 1000,
} as const;

const instant = () => z.pipe(z.iso.datetime({ offset: true }), z.transform((value) => new Date(value).toISOString()));
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

const readDossierCode = () => z.transform((value: string, ctx) => {
  const parsed = parseDossierCode(value);
  if (!parsed.ok) {
    ctx.issues.push({ code: "custom", message: `invalid dossier code (${parsed.reason})`, input: value });
    return z.NEVER;
  }
  if (!isIssuableDossierCode(parsed)) {
    ctx.issues.push({ code: "custom", message: "invalid dossier code (format): the official form or letters and digits in groups joined by . - / _", input: value });
    return z.NEVER;
  }
  return parsed;
});
const dossierCode = () => z.pipe(z.string(), readDossierCode());

const dossierDetails = () => z.object({
  agencyCode: text(ingestLimits.codeLength),
  agencyName: text(ingestLimits.nameLength),
  procedureCode: text(ingestLimits.codeLength),
  procedureName: text(ingestLimits.nameLength),
  applicantName: text(ingestLimits.nameLength),
  applicantPhone: z.optional(z.string().check(z.maxLength(32))),
  receivedAt: instant(),
  dueAt: instant(),
}).check(z.refine((d) => d.dueAt >= d.receivedAt, { message: "dueAt is before receivedAt", path: ["dueAt"] }));

export const ingestEventSchema = z.lazy(() => z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(ingestLimits.eventIdLength), z.regex(/^[A-Za-z0-9._:-]+$/u, "letters, digits and . _ : - only")),
  dossierCode: dossierCode(),
  status: z.number().check(z.refine(isDossierStatus, "a national status code from 1 to 10")),
  occurredAt: instant(),
  dossier: z.optional(dossierDetails()),
  note: z.optional(z.string().check(z.trim(), z.maxLength(ingestLimits.noteLength))),
  unitName: z.optional(text(ingestLimits.nameLength)),
  apology: z.optional(z.object({ reason: text(ingestLimits.apologyReasonLength), newDueAt: instant() })),
}));

export const ingestBatchSchema = z.lazy(() => z.object({
  events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(ingestLimits.eventsPerBatch)),
}));

export type ParsedIngestEvent =
  | { ok: true; event: IncomingDossierEvent; warnings: string[] }
  | { ok: false; eventId: string | undefined; reason: string };

export function parseIngestEvent(raw: unknown): ParsedIngestEvent {
  const parsed = ingestEventSchema.safeParse(raw);
  if (!parsed.success) {
    const eventId = typeof (raw as { eventId?: unknown })?.eventId === "string" ? (raw as { eventId: string }).eventId : undefined;
    const reason = parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`).join("; ");
    return { ok: false, eventId, reason };
  }
  const e = parsed.data;
  const warnings: string[] = [];
  let applicantPhone: string | null = null;
  if (e.dossier?.applicantPhone) {
    applicantPhone = normalisePhoneNumber(e.dossier.applicantPhone);
    // A landline or foreign number on the receipt must not lose the dossier; it just cannot be used by Zalo.
    if (!applicantPhone) warnings.push("dossier.applicantPhone ignored: not a Vietnamese mobile number");
  }
  return {
    ok: true,
    warnings,
    event: {
      eventId: e.eventId,
      code: e.dossierCode.code,
      codeKind: e.dossierCode.kind,
      status: e.status as DossierStatus,
      occurredAt: e.occurredAt,
      details: e.dossier ? { ...e.dossier, applicantPhone } : null,
      note: e.note && e.note.length > 0 ? e.note : null,
      unitName: e.unitName ?? null,
      apology: e.apology ?? null,
    },
  };
}

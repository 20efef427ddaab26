import { createHash } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { IncomingDossierEvent } from "../domain/dossier.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { ReceiptSigner } from "../ports/receipt-signer.js";
import type { ApplyEventResult } from "../use-cases/apply-dossier-event.js";
import type { IncomingEventWithHash } from "../use-cases/ingest-dossier-events.js";
import { ingestBatchSchema, parseIngestEvent } from "./ingest-event-schema.js";
import { qrSvg } from "./http/qr-codes.js";
import { readSignedJson } from "./http/signed-request.js";
import { errorResponse, json } from "./http/responses.js";

export interface IngestEventsHandlerDeps {
  ingestSecrets: readonly string[];
  clock: Clock;
  log: Logger;
  receiptSigner: ReceiptSigner;
  ingest: (batch: readonly IncomingEventWithHash[]) => Promise<ApplyEventResult[]>;
}

interface EventResult {
  eventId: string | null;
  outcome: "applied" | "duplicate" | "rejected";
  reason?: string;
  warnings?: string[];
  receipt?: { url: string; svg: string };
}

/** `POST /v1/ingest/events`: the province's one-stop system pushes dossier events, signed (DESIGN.md §5). */
export function buildIngestEventsHandler(deps: IngestEventsHandlerDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const body = readSignedJson(event, deps);
    if (!body.ok) return body.response;
    const batch = ingestBatchSchema.safeParse(body.json);
    if (!batch.success) {
      return errorResponse(400, "INVALID_BATCH", "expected {\"events\": [...]} with 1 to 100 events");
    }

    const parsed = batch.data.events.map((raw) => ({ raw, parsed: parseIngestEvent(raw) }));
    const accepted: (IncomingEventWithHash & { index: number; warnings: string[] })[] = [];
    parsed.forEach(({ raw, parsed: p }, index) => {
      if (p.ok) accepted.push({ index, event: p.event, payloadHash: hashPayload(raw), warnings: p.warnings });
    });
    const applied = await deps.ingest(accepted);

    const results: EventResult[] = new Array(parsed.length);
    parsed.forEach(({ parsed: p }, index) => {
      if (!p.ok) results[index] = { eventId: p.eventId ?? null, outcome: "rejected", reason: p.reason };
    });
    await Promise.all(
      accepted.map(async (item, i) => {
        results[item.index] = await toEventResult(item.event, item.warnings, applied[i]!, deps.receiptSigner);
      }),
    );
    return json(200, { results });
  };
}

async function toEventResult(
  event: IncomingDossierEvent,
  warnings: string[],
  result: ApplyEventResult,
  signer: ReceiptSigner,
): Promise<EventResult> {
  const base = { eventId: event.eventId, ...(warnings.length > 0 ? { warnings } : {}) };
  if (result.outcome === "rejected") return { ...base, outcome: "rejected", reason: result.reason };
  if (result.outcome === "duplicate") return { ...base, outcome: "duplicate" };
  if (!result.isFirstEvent) return { ...base, outcome: "applied" };
  const url = signer.receiptUrl(result.dossierCode);
  const svg = await qrSvg(url, { margin: 2 });
  return { ...base, outcome: "applied", receipt: { url, svg } };
}

function hashPayload(raw: unknown): string {
  return createHash("sha256").update(JSON.stringify(raw)).digest("base64url");
}

import { firstIngestEvent, type FirstEventOptions } from "@motcua/local/seed/first-ingest-event";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { stackNow } from "./stack-time.js";

export interface IngestResult {
  eventId: string;
  outcome: "applied" | "duplicate" | "rejected";
  reason?: string;
  receipt?: { url: string; svg: string };
}

/** Sends events to the running stack through the signed ingest API, as the one-stop system does. */
export async function ingest(stack: StackInfo, events: unknown[]): Promise<IngestResult[]> {
  const body = JSON.stringify({ events });
  const response = await fetch(`${stack.apiUrl}/v1/ingest/events`, {
    method: "POST",
    headers: signedIngestHeaders(stack.ingestSecret, body, stackNow(stack)),
    body,
  });
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as { results: IngestResult[] };
  const refused = results.filter((r) => r.outcome === "rejected");
  if (refused.length > 0) throw new Error(`ingest rejected: ${JSON.stringify(refused)}`);
  return results;
}

/**
 * A dossier's first event in the browser tests: received at the Sở Tư pháp desk at 08:15 on 20 Nov 2026,
 * due on the 25th at 17:00 (Vietnam time); every field can be set for the case at hand.
 */
export function receivedAtDesk(code: string, options: FirstEventOptions = {}) {
  return firstIngestEvent(code, { agencyName: "Sở Tư pháp", occurredAt: "2026-11-20T08:15:00+07:00", dueAt: "2026-11-25T17:00:00+07:00", ...options });
}

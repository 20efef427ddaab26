import { z } from "zod";
import type { IngestEvent } from "./ingest-event.js";
import { signedIngestHeaders } from "./sign-ingest-request.js";

const ingestAnswer = z.object({
  results: z.array(
    z.object({
      eventId: z.string(),
      outcome: z.enum(["applied", "duplicate", "rejected"]),
      reason: z.string().optional(),
      receipt: z.object({ url: z.string(), svg: z.string() }).optional(),
    }),
  ),
});

export type IngestResult = z.infer<typeof ingestAnswer>["results"][number];

export const maxEventsPerBatch = 100;

/** Pushes events to the ingest API in signed batches, in order, as the one-stop system does. */
export async function postIngestEvents(
  apiUrl: string,
  secret: string,
  events: readonly IngestEvent[],
  /** The time requests are signed at: the stack's clock, which a test may have set to another day. */
  now: () => Date = () => new Date(),
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (let start = 0; start < events.length; start += maxEventsPerBatch) {
    const body = JSON.stringify({ events: events.slice(start, start + maxEventsPerBatch) });
    const response = await fetch(`${apiUrl}/v1/ingest/events`, {
      method: "POST",
      headers: signedIngestHeaders(secret, body, now()),
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Ingest API answered HTTP ${response.status}: ${text}`);
    results.push(...ingestAnswer.parse(JSON.parse(text)).results);
  }
  return results;
}

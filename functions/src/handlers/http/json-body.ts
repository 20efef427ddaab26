import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { z } from "zod";
import { rawBody } from "./request.js";

/** The body parsed as JSON and checked with the route's schema; `ok: false` for anything else. */
export function parseJsonBody<T extends z.ZodType>(
  event: APIGatewayProxyEventV2,
  schema: T,
): { ok: true; data: z.output<T> } | { ok: false; issue: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody(event).toString("utf8"));
  } catch {
    return { ok: false, issue: "malformed JSON" };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, issue: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return { ok: true, data: result.data };
}

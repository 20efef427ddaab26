import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type * as z from "zod/mini";
import { rawBody } from "./request.js";

export type JsonBodyRefusal = { ok: false; kind: "malformed_json" | "invalid"; issue: string };

/** The one body helper: the body parsed as JSON and checked with the route's schema, or why not (zod issues joined). */
export function parseJsonBody<T extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: T): { ok: true; data: z.output<T> } | JsonBodyRefusal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody(event).toString("utf8"));
  } catch {
    return { ok: false, kind: "malformed_json", issue: "malformed JSON" };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, kind: "invalid", issue: zodIssues(result.error) };
  return { ok: true, data: result.data };
}

/** `path: message; …`, the body itself when the path is empty. */
export function zodIssues(error: z.core.$ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

import { errorResponse } from "../handlers/http/responses.js";
import type { Logger } from "../ports/logger.js";
import type { HttpHandler } from "./functions/http-function.js";

export interface ErrorBoundaryMessages {
  internal: string;
  unavailable: string;
}

/** Machine clients (the one-stop system, Zalo) read English; citizens and staff read Vietnamese. */
export const errorBoundaryMessages = {
  vietnamese: {
    internal: "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
    unavailable: "Hệ thống đang tạm thời quá tải hoặc gián đoạn. Vui lòng thử lại sau ít phút.",
  },
  english: {
    internal: "internal error; nothing more is known, try again later",
    unavailable: "a dependency (the database) is unavailable; retry after the Retry-After seconds",
  },
} as const satisfies Record<string, ErrorBoundaryMessages>;

/** Seconds a client is asked to wait when a dependency is out. */
export const dependencyOutageRetryAfterSeconds = 5;

/**
 * The one error boundary of every HTTP function: whatever a route throws becomes the JSON error envelope, 503 with
 * `Retry-After` when a dependency (DynamoDB) is out or too slow, otherwise 500. The log names the route and the
 * error's kind, never the request's body.
 */
export function withErrorBoundary(handler: HttpHandler, messages: ErrorBoundaryMessages, log: Logger): HttpHandler {
  return async (event) => {
    try {
      return await handler(event);
    } catch (error) {
      const outage = isDependencyOutage(error);
      log.error(outage ? "dependency unavailable" : "route failed", {
        routeKey: event.routeKey,
        requestId: event.requestContext?.requestId,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      if (outage) {
        return errorResponse(503, "SERVICE_UNAVAILABLE", messages.unavailable, { "retry-after": String(dependencyOutageRetryAfterSeconds) });
      }
      return errorResponse(500, "INTERNAL", messages.internal);
    }
  };
}

const outageNames = new Set([
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ThrottlingException",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);
const outageCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** An AWS SDK error that says the service was out, throttled or too slow (after the client's own retries). */
export function isDependencyOutage(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, $metadata, $fault } = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; $fault?: unknown };
  if (typeof name === "string" && outageNames.has(name)) return true;
  if (typeof code === "string" && outageCodes.has(code)) return true;
  if ($fault === "server" || ($metadata?.httpStatusCode ?? 0) >= 500) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDependencyOutage(cause);
}

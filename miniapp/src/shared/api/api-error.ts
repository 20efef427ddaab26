import { vi } from "../../copy/vi";

export type ApiErrorKind =
  | "invalid_input"
  | "conflict"
  | "forbidden"
  | "not_found"
  | "unauthorized"
  | "rate_limited"
  | "server"
  | "network"
  | "bad_response";

const fallbackMessages: Record<ApiErrorKind, string> = {
  invalid_input: vi.errors.invalidInput,
  conflict: vi.errors.conflict,
  forbidden: vi.errors.forbidden,
  not_found: vi.errors.notFound,
  unauthorized: vi.errors.unauthorized,
  rate_limited: vi.errors.rateLimited,
  server: vi.errors.server,
  network: vi.errors.network,
  bad_response: vi.errors.badResponse,
};

/** A failed API call; `message` is Vietnamese text fit to show to the citizen. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    kind: ApiErrorKind;
    message?: string | undefined;
    status?: number | undefined;
    code?: string | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message || fallbackMessages[init.kind]);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

const kindByServerCode: Record<string, ApiErrorKind> = {
  INVALID_CODE: "invalid_input",
  VALIDATION_FAILED: "invalid_input",
  NOT_FOUND: "not_found",
  UNAUTHORIZED: "unauthorized",
  RATE_LIMITED: "rate_limited",
  INTERNAL: "server",
};

function kindByStatus(status: number): ApiErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 409) return "conflict";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 400 && status < 500) return "invalid_input";
  return "server";
}

/** Builds an ApiError from a non-2xx response and its `{"error": {code, message}}` envelope. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const envelope =
    typeof body === "object" && body !== null ? (body as { error?: { code?: unknown; message?: unknown } }).error : undefined;
  const code = typeof envelope?.code === "string" ? envelope.code : undefined;
  const message = typeof envelope?.message === "string" ? envelope.message : undefined;
  const retryAfter = Number(response.headers.get("Retry-After"));
  return new ApiError({
    kind: (code && kindByServerCode[code]) || kindByStatus(response.status),
    message,
    status: response.status,
    code,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined,
  });
}

export interface CorsOptions {
  /** Allowed origins; `*` allows any. */
  allowOrigins: readonly string[];
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  /** Response headers the page's script may read (Retry-After of a 429). */
  exposeHeaders: readonly string[];
  maxAgeSeconds: number;
}

/** The same CORS settings the HTTP API gets in AWS (CDK `corsPreflight`). */
export const defaultCorsOptions: CorsOptions = {
  allowOrigins: ["*"],
  allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
  allowHeaders: ["authorization", "content-type", "x-motcua-timestamp", "x-motcua-signature"],
  exposeHeaders: ["retry-after", "content-disposition"],
  maxAgeSeconds: 600,
};

/** `Access-Control-Allow-Origin` for this origin, or undefined when it is not allowed. */
export function allowedOrigin(cors: CorsOptions, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes("*")) return "*";
  return cors.allowOrigins.includes(origin) ? origin : undefined;
}

export function isPreflight(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  return method === "OPTIONS" && headers["origin"] !== undefined && headers["access-control-request-method"] !== undefined;
}

/** API Gateway answers a preflight itself, without calling any function. */
export function preflightHeaders(cors: CorsOptions, origin: string | undefined): Record<string, string> {
  const allowOrigin = allowedOrigin(cors, origin);
  if (!allowOrigin) return {};
  return {
    "access-control-allow-origin": allowOrigin,
    "access-control-allow-methods": cors.allowMethods.join(","),
    "access-control-allow-headers": cors.allowHeaders.join(","),
    "access-control-max-age": String(cors.maxAgeSeconds),
  };
}

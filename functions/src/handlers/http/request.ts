import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** Bodies over 64 KiB are refused before anything else reads them (DESIGN.md §5). */
export const maxBodyBytes = 64 * 1024;

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The body exactly as the client sent it (API Gateway base64-encodes non-text bodies). */
export function rawBody(event: APIGatewayProxyEventV2): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
}

export function bearerToken(event: APIGatewayProxyEventV2): string | undefined {
  const value = header(event, "authorization");
  // Printable ASCII only: the token goes into an outgoing header to Zalo, where anything else cannot.
  const match = value ? /^Bearer\s+([\x21-\x7E]+)$/iu.exec(value.trim()) : null;
  return match?.[1];
}

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export const maxBodyBytes = 64 * 1024;
/** Past this we stop draining an oversized body and drop the connection. */
const maxDrainBytes = 1024 * 1024;

export const corsHeaders: OutgoingHttpHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "access_token, code, secret_key, content-type, authorization",
  "access-control-allow-methods": "GET, POST, OPTIONS",
};

export class BodyTooLargeError extends Error {}

/**
 * Reads the whole body. An oversized body is still drained before we answer 413, because answering
 * while the client is still sending makes fetch report a reset connection instead of the status.
 */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunks: Buffer[] = [];
  let received = 0;
  let tooLarge = declared > maxBodyBytes;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBodyBytes) tooLarge = true;
    if (received > maxDrainBytes) {
      req.destroy();
      break;
    }
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) throw new BodyTooLargeError(`Body exceeds ${maxBodyBytes} bytes`);
  return Buffer.concat(chunks);
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

export function writeRaw(
  res: ServerResponse,
  status: number,
  body: string,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(status, { ...corsHeaders, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function writePreflight(res: ServerResponse): void {
  res.writeHead(204, { ...corsHeaders, "access-control-max-age": "600" });
  res.end();
}

/** Single-valued request header; Node lowercases names, and Zalo's use underscores (`access_token`). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};
const compressible = new Set([".html", ".js", ".css", ".json", ".svg"]);

/**
 * A build's folder served as a CDN serves static files: text gzip -9 (compressed once, kept), no caching
 * headers, and any path without a file answered with index.html (the app's own routes). `mountPath` serves it
 * under a folder, as Zalo serves a Mini App under `/zapps/<app id>/`.
 */
export async function serveStaticGzip(root: string, options: { mountPath?: string } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const mount = options.mountPath ?? "/";
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const path = normalize(requested.startsWith(mount) ? `/${requested.slice(mount.length)}` : requested).replace(/^(\.\.[/\\])+/u, "");
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, "index.html");
    const extension = extname(file);
    const headers: Record<string, string> = { "content-type": contentTypes[extension] ?? "application/octet-stream", "cache-control": "no-store" };
    let body: Buffer = readFileSync(file);
    if (compressible.has(extension) && /\bgzip\b/u.test(String(request.headers["accept-encoding"] ?? ""))) {
      const cached = gzipped.get(file) ?? gzipSync(body, { level: 9 });
      gzipped.set(file, cached);
      body = cached;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    response.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

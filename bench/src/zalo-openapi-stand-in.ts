import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** A throwaway self-signed certificate for h5.zalo.me (the browser context is told to accept it). */
function selfSignedCertificate(workDir: string): { key: Buffer; cert: Buffer } {
  const keyFile = join(workDir, "h5-zalo-me.key");
  const certFile = join(workDir, "h5-zalo-me.crt");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=h5.zalo.me", "-keyout", keyFile, "-out", certFile], {
    stdio: "ignore",
  });
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

/**
 * Stands in for Zalo's https://h5.zalo.me during the P4 run: `POST /openapi/access_token` trades the authorization
 * code the native bridge handed out for the access token the Zalo emulator issued to that citizen, with the
 * answer's shape as zmp-sdk reads it (`access_token`, `refresh_token`, `expires_in` in seconds). zmp-sdk's other
 * calls to this host (action logs) get an empty success. Chromium reaches it through a host-resolver rule.
 */
export async function startZaloOpenApiStandIn({ workDir, accessTokensByCode }: { workDir: string; accessTokensByCode: ReadonlyMap<string, string> }) {
  const exchanges: string[] = [];
  const server = createServer(selfSignedCertificate(workDir), (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = { "content-type": "application/json", "access-control-allow-origin": "*" };
      const path = new URL(request.url ?? "/", "https://h5.zalo.me").pathname;
      if (request.method === "POST" && path === "/openapi/access_token") {
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        const accessToken = accessTokensByCode.get(form.get("code") ?? "");
        exchanges.push(form.get("code") ?? "");
        if (!accessToken || !form.get("code_verifier")) {
          response.writeHead(200, headers).end(JSON.stringify({ error: -14019, message: "Invalid code" }));
          return;
        }
        response.writeHead(200, headers).end(JSON.stringify({ access_token: accessToken, refresh_token: `refresh-${form.get("code")}`, expires_in: "3600" }));
        return;
      }
      response.writeHead(200, headers).end(JSON.stringify({ error: 0, message: "Success" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** Codes traded so far: a run whose token did not come this way is not a Zalo-flavour run. */
    exchanges: () => [...exchanges],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

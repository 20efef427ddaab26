import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import zaloMiniApp from "zmp-vite-plugin";
import type { BenchLine } from "./lookup-and-ingest.bench.js";

const bareFixture = fileURLToPath(new URL("../fixtures/bare-zmp-page/", import.meta.url));
const miniappRoot = fileURLToPath(new URL("../../miniapp/", import.meta.url));

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy and not followed. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/gu)) found.add(match[1]!);
  return [...found];
}

/**
 * The JS a phone downloads before the first screen: the module scripts the entry HTML loads (not async,
 * not deferred in a way that waits for later), the modules it preloads, and everything they import statically. Each file gzip -9.
 */
export function entryJsGzipBytes(outDir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/gu)].filter((match) => !/\basync\b/u.test(match[0]));
  const modulePreloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"[^>]*>/gu)];
  return jsGzipBytesFrom(outDir, [...scripts, ...modulePreloads].map((match) => match[1]!));
}

/** What Zalo fetches when it opens the Mini App: app-config.json's listSyncJS and listAsyncJS, with their static imports. */
export function zaloStartJsGzipBytes(outDir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const config = JSON.parse(readFileSync(join(outDir, "app-config.json"), "utf8")) as { listSyncJS: string[]; listAsyncJS: string[] };
  return jsGzipBytesFrom(outDir, [...config.listSyncJS, ...config.listAsyncJS]);
}

function jsGzipBytesFrom(outDir: string, startFiles: string[]): { files: string[]; gzipBytes: number; rawBytes: number } {
  const queue = startFiles.map((file) => resolve(outDir, file.replace(/^\//u, "")));
  const seen = new Set<string>();
  let gzipBytes = 0;
  let rawBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const content = readFileSync(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
    for (const spec of staticImports(content.toString("utf8"))) queue.push(resolve(dirname(file), spec));
  }
  return { files: [...seen].map((f) => f.slice(outDir.length)), gzipBytes, rawBytes };
}

export async function buildBarePage(outDir: string) {
  const cwd = process.cwd();
  // zmp-vite-plugin reads ./app-config.json from the working folder.
  process.chdir(bareFixture);
  try {
    await build({
      root: bareFixture,
      configFile: false,
      logLevel: "warn",
      plugins: [react(), zaloMiniApp()],
      build: { outDir, emptyOutDir: true, target: "es2015" },
    });
  } finally {
    process.chdir(cwd);
  }
}

async function buildZaloMiniApp(outDir: string) {
  const cwd = process.cwd();
  process.chdir(miniappRoot);
  try {
    await build({ root: miniappRoot, mode: "zalo", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    process.chdir(cwd);
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The citizen entry of the Zalo build against a bare zmp-ui page built with the same tools (target ≤ 1.2). */
export async function benchBundleSize(): Promise<BenchLine[]> {
  const work = mkdtempSync(join(tmpdir(), "motcua-bundle-"));
  try {
    const bareOut = join(work, "bare");
    const appOut = join(work, "app");
    await buildBarePage(bareOut);
    await buildZaloMiniApp(appOut);
    const bare = entryJsGzipBytes(bareOut);
    const app = entryJsGzipBytes(appOut);
    const zaloStart = zaloStartJsGzipBytes(appOut);
    return [
      { name: "bare zmp-ui page: JS before the first screen", value: `${kB(bare.gzipBytes)} gzip -9 (${kB(bare.rawBytes)} raw, ${bare.files.length} file(s))` },
      {
        name: "Mini App (vite build --mode zalo): JS before the first citizen screen",
        value: `${kB(app.gzipBytes)} gzip -9 (${kB(app.rawBytes)} raw, ${app.files.length} file(s))`,
      },
      { name: "citizen entry / bare zmp-ui page", value: (app.gzipBytes / bare.gzipBytes).toFixed(2), target: "≤ 1.2" },
      {
        name: "Mini App in Zalo: JS app-config.json has Zalo fetch at start (listSyncJS + listAsyncJS)",
        value: `${kB(zaloStart.gzipBytes)} gzip -9 (${kB(zaloStart.rawBytes)} raw, ${zaloStart.files.length} file(s): ${zaloStart.files.map((file) => file.replace(/^\/assets\//u, "")).join(", ")})`,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type Rollup, type UserConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

const ZALO_MODE = "zalo";

const platformAdapterModule = /\/src\/platform\/(?:browser|zmp-sdk)-platform\.ts$/u;

/**
 * The platform adapter is a dynamic import (each flavour's bundle carries only its own), yet every start waits for
 * it before drawing anything: a modulepreload link in the HTML fetches it beside the entry instead of after it.
 */
function preloadPlatformAdapter(): Plugin {
  let base = "/";
  return {
    name: "motcua:preload-platform-adapter",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {}).flatMap((output) => (output.type === "chunk" ? [output] : []));
        const adapter = chunks.find((chunk) => chunk.isDynamicEntry && platformAdapterModule.test(chunk.facadeModuleId ?? ""));
        if (!adapter) throw new Error("no platform adapter chunk in the bundle to preload");
        const entryFiles = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        return [adapter.fileName, ...adapter.imports.filter((file) => !entryFiles.has(file))].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

const zmpSdkStartApisModule = /\/src\/platform\/zmp-sdk-start-apis\.ts$/u;
const zaloStartModule = /\/src\/zalo-start\.ts$/u;
/** The output files of the platform adapter and zmp-sdk's start APIs (chunks are named after their module). */
const zaloStartChunkFile = /(?:^|\/)(?:zmp-sdk-platform|zmp-sdk-start-apis)\.[^/]*\.module\.js$/u;

/** A dynamic chunk and the chunks it imports statically, entry chunks left out (Zalo loads those anyway). */
function chunkWithImports(chunk: Rollup.OutputChunk, entryFiles: Set<string>): string[] {
  return [chunk.fileName, ...chunk.imports].filter((file) => !entryFiles.has(file));
}

/**
 * Zalo starts a Mini App from www/app-config.json, not from index.html (its modulepreload links do not apply):
 * listCSS are stylesheets, listSyncJS scripts run in order, listAsyncJS scripts load beside them and run as they
 * arrive. zmp-vite-plugin lists every CSS file of the build (the staff pages' too) and no dynamic chunk. This
 * rewrites the lists after it: only the entry's CSS (a page's CSS comes with its chunk), and the platform adapter
 * with zmp-sdk's start APIs fetched beside the entry instead of one after the other once it runs.
 */
function zaloStartFiles(): Plugin {
  let outDir = "www";
  let bundle: Rollup.OutputBundle | undefined;
  return {
    name: "motcua:zalo-start-files",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, written) {
      bundle = written;
    },
    closeBundle() {
      if (!bundle) return;
      const chunks = Object.values(bundle).flatMap((output) => (output.type === "chunk" ? [output] : []));
      const zaloStart = chunks.find((chunk) => chunk.isEntry && zaloStartModule.test(chunk.facadeModuleId ?? ""));
      if (!zaloStart) throw new Error("the Zalo build has no start script (src/zalo-start.ts)");
      const entries = chunks.filter((chunk) => chunk.isEntry && chunk !== zaloStart);
      const entryFiles = new Set(entries.map((chunk) => chunk.fileName));
      // The start APIs' chunk also holds the SDK modules the whole SDK's chunk shares with it: no single facade module.
      const startChunks = chunks.filter((chunk) => chunk.isDynamicEntry && chunk.moduleIds.some((id) => platformAdapterModule.test(id) || zmpSdkStartApisModule.test(id)));
      if (startChunks.length !== 2) throw new Error("the Zalo build has no platform adapter or zmp-sdk start chunk to list");
      const file = join(outDir, "app-config.json");
      const appConfig = JSON.parse(readFileSync(file, "utf8")) as { listCSS: string[]; listSyncJS: string[]; listAsyncJS: string[] };
      appConfig.listCSS = [...new Set(entries.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]))];
      // The start script and what it loads at once first (it runs as soon as it arrives), then the entry's imports.
      appConfig.listSyncJS = appConfig.listSyncJS.filter((listed) => listed !== zaloStart.fileName);
      appConfig.listAsyncJS = [
        ...new Set([
          ...chunkWithImports(zaloStart, entryFiles),
          ...startChunks.flatMap((chunk) => chunkWithImports(chunk, entryFiles)),
          ...appConfig.listAsyncJS.filter((listed) => !entryFiles.has(listed)),
        ]),
      ];
      writeFileSync(file, JSON.stringify(appConfig));
    },
  };
}

// One codebase, two flavours: `vite build --mode zalo` is the bundle uploaded to Zalo; the default
// build is the browser flavour served at "/" for development and browser tests.
export default defineConfig(({ mode }): UserConfig => {
  const isZalo = mode === ZALO_MODE;
  const port = Number(process.env.MINIAPP_PORT ?? 3000);
  return {
    plugins: [
      react(),
      preloadPlatformAdapter(),
      // zmp-vite-plugin forces base "./" (Zalo serves the app under /zapps/<id>/) and writes
      // www/app-config.json; the browser flavour needs base "/" so that deep URLs load their assets.
      ...(isZalo ? [zaloMiniApp(), zaloStartFiles()] : []),
    ],
    base: "/",
    define: isZalo ? { "import.meta.env.VITE_PLATFORM": JSON.stringify("zalo") } : {},
    build: {
      // Inside Zalo a small start script runs beside the entry (see zaloStartFiles). The chunks it needs at once are
      // in app-config's lists already: importing them does not go through Vite's preload helper, whose wait for
      // <link rel=modulepreload> load events held the token request back by up to half a second at 4× CPU.
      ...(isZalo
        ? {
            rollupOptions: { input: { index: "index.html", "zalo-start": "src/zalo-start.ts" } },
            modulePreload: { resolveDependencies: (file: string, deps: string[]) => (zaloStartChunkFile.test(file) ? [] : deps) },
          }
        : {}),
      outDir: "www",
      emptyOutDir: true,
      target: "es2015",
      cssTarget: ["es2015", "safari13.1"],
    },
    server: { host: "127.0.0.1", port, strictPort: true },
    preview: { host: "127.0.0.1", strictPort: true },
  };
});

import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type UserConfig } from "vite";
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
      ...(isZalo ? [zaloMiniApp()] : []),
    ],
    base: "/",
    define: isZalo ? { "import.meta.env.VITE_PLATFORM": JSON.stringify("zalo") } : {},
    build: {
      outDir: "www",
      emptyOutDir: true,
      target: "es2015",
      cssTarget: ["es2015", "safari13.1"],
    },
    server: { host: "127.0.0.1", port, strictPort: true },
    preview: { host: "127.0.0.1", strictPort: true },
  };
});

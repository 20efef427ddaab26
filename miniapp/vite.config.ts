import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

const ZALO_MODE = "zalo";

// One codebase, two flavours: `vite build --mode zalo` is the bundle uploaded to Zalo; the default
// build is the browser flavour served at "/" for development and browser tests.
export default defineConfig(({ mode }): UserConfig => {
  const isZalo = mode === ZALO_MODE;
  const port = Number(process.env.MINIAPP_PORT ?? 3000);
  return {
    plugins: [
      react(),
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

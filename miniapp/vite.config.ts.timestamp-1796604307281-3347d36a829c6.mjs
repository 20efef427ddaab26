// ../miniapp/vite.config.ts
import react from "file:///work/wt/dialect/node_modules/.pnpm/@vitejs+plugin-react@4.7.0_supports-color@7.2.0_vite@5.4.21_@types+node@20.19.43_/node_modules/@vitejs/plugin-react/dist/index.js";
import { defineConfig } from "file:///work/wt/dialect/node_modules/.pnpm/vite@5.4.21_@types+node@20.19.43/node_modules/vite/dist/node/index.js";
import zaloMiniApp from "file:///work/wt/dialect/node_modules/.pnpm/zmp-vite-plugin@1.1.6_vite@5.4.21_@types+node@20.19.43_/node_modules/zmp-vite-plugin/dist/index.mjs";
var ZALO_MODE = "zalo";
var vite_config_default = defineConfig(({ mode }) => {
  const isZalo = mode === ZALO_MODE;
  const port = Number(process.env.MINIAPP_PORT ?? 3e3);
  return {
    plugins: [
      react(),
      // zmp-vite-plugin forces base "./" (Zalo serves the app under /zapps/<id>/) and writes
      // www/app-config.json; the browser flavour needs base "/" so that deep URLs load their assets.
      ...isZalo ? [zaloMiniApp()] : []
    ],
    base: "/",
    define: isZalo ? { "import.meta.env.VITE_PLATFORM": JSON.stringify("zalo") } : {},
    build: {
      outDir: "www",
      emptyOutDir: true,
      target: "es2015",
      cssTarget: ["es2015", "safari13.1"]
    },
    server: { host: "127.0.0.1", port, strictPort: true },
    preview: { host: "127.0.0.1", strictPort: true }
  };
});
export {
  vite_config_default as default
};
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vbWluaWFwcC92aXRlLmNvbmZpZy50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiY29uc3QgX192aXRlX2luamVjdGVkX29yaWdpbmFsX2Rpcm5hbWUgPSBcIi93b3JrL3d0L2RpYWxlY3QvbWluaWFwcFwiO2NvbnN0IF9fdml0ZV9pbmplY3RlZF9vcmlnaW5hbF9maWxlbmFtZSA9IFwiL3dvcmsvd3QvZGlhbGVjdC9taW5pYXBwL3ZpdGUuY29uZmlnLnRzXCI7Y29uc3QgX192aXRlX2luamVjdGVkX29yaWdpbmFsX2ltcG9ydF9tZXRhX3VybCA9IFwiZmlsZTovLy93b3JrL3d0L2RpYWxlY3QvbWluaWFwcC92aXRlLmNvbmZpZy50c1wiO2ltcG9ydCByZWFjdCBmcm9tIFwiQHZpdGVqcy9wbHVnaW4tcmVhY3RcIjtcbmltcG9ydCB7IGRlZmluZUNvbmZpZywgdHlwZSBVc2VyQ29uZmlnIH0gZnJvbSBcInZpdGVcIjtcbmltcG9ydCB6YWxvTWluaUFwcCBmcm9tIFwiem1wLXZpdGUtcGx1Z2luXCI7XG5cbmNvbnN0IFpBTE9fTU9ERSA9IFwiemFsb1wiO1xuXG4vLyBPbmUgY29kZWJhc2UsIHR3byBmbGF2b3VyczogYHZpdGUgYnVpbGQgLS1tb2RlIHphbG9gIGlzIHRoZSBidW5kbGUgdXBsb2FkZWQgdG8gWmFsbzsgdGhlIGRlZmF1bHRcbi8vIGJ1aWxkIGlzIHRoZSBicm93c2VyIGZsYXZvdXIgc2VydmVkIGF0IFwiL1wiIGZvciBkZXZlbG9wbWVudCBhbmQgYnJvd3NlciB0ZXN0cy5cbmV4cG9ydCBkZWZhdWx0IGRlZmluZUNvbmZpZygoeyBtb2RlIH0pOiBVc2VyQ29uZmlnID0+IHtcbiAgY29uc3QgaXNaYWxvID0gbW9kZSA9PT0gWkFMT19NT0RFO1xuICBjb25zdCBwb3J0ID0gTnVtYmVyKHByb2Nlc3MuZW52Lk1JTklBUFBfUE9SVCA/PyAzMDAwKTtcbiAgcmV0dXJuIHtcbiAgICBwbHVnaW5zOiBbXG4gICAgICByZWFjdCgpLFxuICAgICAgLy8gem1wLXZpdGUtcGx1Z2luIGZvcmNlcyBiYXNlIFwiLi9cIiAoWmFsbyBzZXJ2ZXMgdGhlIGFwcCB1bmRlciAvemFwcHMvPGlkPi8pIGFuZCB3cml0ZXNcbiAgICAgIC8vIHd3dy9hcHAtY29uZmlnLmpzb247IHRoZSBicm93c2VyIGZsYXZvdXIgbmVlZHMgYmFzZSBcIi9cIiBzbyB0aGF0IGRlZXAgVVJMcyBsb2FkIHRoZWlyIGFzc2V0cy5cbiAgICAgIC4uLihpc1phbG8gPyBbemFsb01pbmlBcHAoKV0gOiBbXSksXG4gICAgXSxcbiAgICBiYXNlOiBcIi9cIixcbiAgICBkZWZpbmU6IGlzWmFsbyA/IHsgXCJpbXBvcnQubWV0YS5lbnYuVklURV9QTEFURk9STVwiOiBKU09OLnN0cmluZ2lmeShcInphbG9cIikgfSA6IHt9LFxuICAgIGJ1aWxkOiB7XG4gICAgICBvdXREaXI6IFwid3d3XCIsXG4gICAgICBlbXB0eU91dERpcjogdHJ1ZSxcbiAgICAgIHRhcmdldDogXCJlczIwMTVcIixcbiAgICAgIGNzc1RhcmdldDogW1wiZXMyMDE1XCIsIFwic2FmYXJpMTMuMVwiXSxcbiAgICB9LFxuICAgIHNlcnZlcjogeyBob3N0OiBcIjEyNy4wLjAuMVwiLCBwb3J0LCBzdHJpY3RQb3J0OiB0cnVlIH0sXG4gICAgcHJldmlldzogeyBob3N0OiBcIjEyNy4wLjAuMVwiLCBzdHJpY3RQb3J0OiB0cnVlIH0sXG4gIH07XG59KTtcbiJdLAogICJtYXBwaW5ncyI6ICI7QUFBMFAsT0FBTyxXQUFXO0FBQzVRLFNBQVMsb0JBQXFDO0FBQzlDLE9BQU8saUJBQWlCO0FBRXhCLElBQU0sWUFBWTtBQUlsQixJQUFPLHNCQUFRLGFBQWEsQ0FBQyxFQUFFLEtBQUssTUFBa0I7QUFDcEQsUUFBTSxTQUFTLFNBQVM7QUFDeEIsUUFBTSxPQUFPLE9BQU8sUUFBUSxJQUFJLGdCQUFnQixHQUFJO0FBQ3BELFNBQU87QUFBQSxJQUNMLFNBQVM7QUFBQSxNQUNQLE1BQU07QUFBQTtBQUFBO0FBQUEsTUFHTixHQUFJLFNBQVMsQ0FBQyxZQUFZLENBQUMsSUFBSSxDQUFDO0FBQUEsSUFDbEM7QUFBQSxJQUNBLE1BQU07QUFBQSxJQUNOLFFBQVEsU0FBUyxFQUFFLGlDQUFpQyxLQUFLLFVBQVUsTUFBTSxFQUFFLElBQUksQ0FBQztBQUFBLElBQ2hGLE9BQU87QUFBQSxNQUNMLFFBQVE7QUFBQSxNQUNSLGFBQWE7QUFBQSxNQUNiLFFBQVE7QUFBQSxNQUNSLFdBQVcsQ0FBQyxVQUFVLFlBQVk7QUFBQSxJQUNwQztBQUFBLElBQ0EsUUFBUSxFQUFFLE1BQU0sYUFBYSxNQUFNLFlBQVksS0FBSztBQUFBLElBQ3BELFNBQVMsRUFBRSxNQUFNLGFBQWEsWUFBWSxLQUFLO0FBQUEsRUFDakQ7QUFDRixDQUFDOyIsCiAgIm5hbWVzIjogW10KfQo=

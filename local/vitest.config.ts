import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The pinned AWS SDK runs on Node 20; its notice about releases from 2027 only clutters the output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The pinned AWS SDK runs on Node 20; its notice about releases from 2027 only clutters the output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts"],
    globalSetup: ["./test/dynamodb-local.global-setup.ts"],
    // Integration tests share two cores with the browser lane of `pnpm test`: generous, a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

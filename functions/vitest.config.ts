import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Run outside pnpm on a Node 20 shell, the AWS SDK prints a notice about its 2027 releases (they need Node 22).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts"],
    globalSetup: ["./test/dynamodb-local.global-setup.ts"],
    // Integration tests share two cores with the browser lane of `pnpm test`: generous, a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Run outside pnpm on a Node 20 shell, the AWS SDK prints a notice about its 2027 releases (they need Node 22).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts"],
    // The bundled functions run against DynamoDB Local, started as the functions' integration tests start it.
    globalSetup: ["../functions/test/dynamodb-local.global-setup.ts"],
    // Synthesizing a stack (and bundling its functions with esbuild) takes seconds on this machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

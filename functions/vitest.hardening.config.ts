import { defineConfig } from "vitest/config";

/** `pnpm test:hardening`: the fuzzing and enumeration suite, against DynamoDB Local and the Zalo emulator. */
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["test/hardening/**/*.test.ts"],
    globalSetup: ["./test/dynamodb-local.global-setup.ts"],
    // One file at a time: they share two cores with everything else.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Run outside pnpm on a Node 20 shell, the AWS SDK prints a notice about its 2027 releases (they need Node 22).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    // One stack and one Mini App for all browser tests; files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A page's answer can take more than vitest's default second on a busy 2-core machine.
    expect: { poll: { timeout: 5_000 } },
  },
});

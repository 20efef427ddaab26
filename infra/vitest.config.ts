import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Synthesizing a stack (and bundling its functions with esbuild) takes seconds on this machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

/**
 * How the end-to-end tests and the benchmarks start Debian's Chromium on this machine: headless, no sandbox (it runs
 * as root), no GPU, no QUIC, and none of the background traffic (updates, sync) that would add noise to a run.
 */
export const chromiumExecutablePath = (env: NodeJS.ProcessEnv): string => env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const headlessChromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

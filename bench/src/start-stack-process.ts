import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { StackInfo } from "@motcua/local/stack/start-stack";

/**
 * Starts `stack-process.ts` in a child process and resolves with the stack's info once it is up. With
 * `trustForwardedFor` its API takes the source address from X-Forwarded-For (a load run's many addresses).
 */
export async function startStackProcess(
  envOverrides: Record<string, string>,
  options: { trustForwardedFor?: boolean } = {},
): Promise<{ info: StackInfo; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL("./stack-process.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, BENCH_ENV_OVERRIDES: JSON.stringify(envOverrides), BENCH_TRUST_FORWARDED_FOR: options.trustForwardedFor ? "1" : "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the stack process exited (${code}) before it was up`)));
  });
  return {
    info: JSON.parse(firstLine) as StackInfo,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

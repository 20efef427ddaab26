import { waitForMessagesToSettle } from "@motcua/local/zalo-emulator/wait-for-messages-to-settle";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { build, preview } from "vite";
import { findFreePort } from "@motcua/local/net/free-port";
import { localDevSettings } from "@motcua/local/stack/local-dev-settings";
import { startStack, type StackInfo } from "@motcua/local/stack/start-stack";
import { browserTestsStartAt } from "./stack-time.js";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
    miniAppUrl: string;
  }
}

const miniappRoot = fileURLToPath(new URL("../../miniapp/", import.meta.url));

/**
 * The whole product for the browser tests: a local stack on free ports (DynamoDB Local, the real handlers,
 * the Zalo emulator, seed data) and the Mini App's browser build pointed at it, served by Vite's preview server.
 */
export default async function setup(project: TestProject) {
  // The whole product runs on one clock set to a chosen working morning, so that no browser test depends on the
  // hour, the weekday or the month it happens to run in (browser pages get the same clock: ./browser.ts).
  const stack = await startStack({ startAt: browserTestsStartAt, log: process.env.E2E_STACK_LOG ? (line) => console.log(line) : () => {} });
  try {
    process.env.VITE_API_URL = stack.info.apiUrl;
    process.env.VITE_ZALO_EMULATOR_URL = stack.info.zaloEmulatorUrl;
    process.env.VITE_PLATFORM = "browser";
    process.env.VITE_ZALO_OA_ID = localDevSettings.zaloOaId;
    const outDir = fileURLToPath(new URL("../artifacts/miniapp-www/", import.meta.url));
    await build({ root: miniappRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const port = await findFreePort();
    const server = await preview({ root: miniappRoot, logLevel: "warn", build: { outDir }, preview: { port, host: "127.0.0.1", strictPort: true } });
    // Tests count the messages of their own dossiers and replies: start once the seed's messages have gone out.
    await waitForMessagesToSettle(stack.info.zaloEmulatorUrl, { timeoutMs: 90_000 });
    project.provide("stack", stack.info);
    project.provide("miniAppUrl", `http://127.0.0.1:${port}`);
    return async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await stack.stop();
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

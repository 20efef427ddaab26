import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { localDevSettings } from "../stack/local-dev-settings.js";
import { miniAppLink, startStack } from "../stack/start-stack.js";
import { failAndExit, handleSignals, readLocalEnvironment, repoRoot, stackJsonPath } from "./cli-options.js";

const signals = handleSignals();

/** `pnpm dev`: the local stack, then the Mini App's Vite dev server pointed at it. */
try {
  const { ports, persistDir } = readLocalEnvironment(process.env, process.argv.slice(2));
  const miniAppUrl = `http://localhost:${ports.miniAppPort}`;
  const stack = await startStack({
    dynamodbPort: ports.dynamodbPort,
    apiPort: ports.apiPort,
    zaloEmulatorPort: ports.zaloEmulatorPort,
    ...(persistDir ? { persistDir } : {}),
    stackJsonPath,
    miniAppUrl,
  });

  // The Mini App's own Vite (its `dev` script), run directly so that Ctrl-C does not make pnpm report a failure.
  const miniAppFolder = join(repoRoot, "miniapp");
  const vite = spawn(join(miniAppFolder, "node_modules", ".bin", "vite"), [], {
    cwd: miniAppFolder,
    // Its own process group, so that stopping it also stops the Vite process pnpm starts.
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      VITE_API_URL: stack.info.apiUrl,
      VITE_ZALO_EMULATOR_URL: stack.info.zaloEmulatorUrl,
      VITE_PLATFORM: "browser",
      VITE_ZALO_OA_ID: localDevSettings.zaloOaId,
      MINIAPP_PORT: String(ports.miniAppPort),
    },
  });
  const stopVite = () => stopProcessGroup(vite);
  process.on("exit", () => killGroup(vite, "SIGKILL"));
  signals.setStop(async () => {
    await stopVite();
    await stack.stop();
  });
  void stack.dynamoDbLost.then((message) => {
    console.error(message);
    void stopVite()
      .then(() => stack.stop())
      .finally(() => process.exit(1));
  });
  vite.once("exit", (code) => {
    console.error(`The Mini App dev server exited (code ${code}); stopping the stack.`);
    void stack.stop().finally(() => process.exit(1));
  });

  await waitForHttp(`http://127.0.0.1:${ports.miniAppPort}/`, 60_000);
  const { info } = stack;
  console.log(
    [
      "",
      `Mở Mini App: ${miniAppLink(miniAppUrl, { token: info.demoTokens.citizen })}`,
      info.demoDeepLink ? `Hồ sơ mẫu (xem với quyền chủ hồ sơ, ${info.demoDossier?.code}): ${info.demoDeepLink}` : "",
      info.demoLinkTargets?.answeredThread
        ? `Câu trả lời (liên kết "Xem câu trả lời"): ${miniAppLink(miniAppUrl, { token: info.demoTokens.citizen, pakn: info.demoLinkTargets.answeredThread.id })}`
        : "",
      info.demoLinkTargets
        ? `Thông báo (liên kết trong tin nhắn): ${miniAppLink(miniAppUrl, { token: info.demoTokens.citizen, tb: info.demoLinkTargets.announcement.id })}`
        : "",
      `Quản trị (${info.demoUsers.admin.name}): ${miniAppLink(miniAppUrl, { token: info.demoTokens.admin })}`,
      `Cán bộ một cửa (${info.demoUsers.officer.name}): ${miniAppLink(miniAppUrl, { token: info.demoTokens.officer })}`,
      `API:            ${info.apiUrl}`,
      `Zalo emulator:  ${info.zaloEmulatorUrl}`,
      `DynamoDB Local: ${info.dynamodbEndpoint}`,
      `Details: ${stackJsonPath}`,
      "Ctrl-C stops everything.",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
} catch (error) {
  failAndExit(error);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`The Mini App dev server did not answer at ${url}`);
      await sleep(250);
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners("exit");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}

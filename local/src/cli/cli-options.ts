import { fileURLToPath } from "node:url";

/** The repository's root, found from this file (local/src/cli/), not from the working directory. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const stackJsonPath = fileURLToPath(new URL("../../../.motcua/stack.json", import.meta.url));

export interface LocalPorts {
  dynamodbPort: number;
  apiPort: number;
  zaloEmulatorPort: number;
  miniAppPort: number;
}

/** The only place the local commands read the environment. */
export function readLocalEnvironment(env: NodeJS.ProcessEnv, argv: readonly string[]) {
  const port = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
    return value;
  };
  const persistIndex = argv.indexOf("--persist");
  const persistArg = persistIndex === -1 ? undefined : argv[persistIndex + 1];
  if (persistIndex !== -1 && (!persistArg || persistArg.startsWith("--"))) throw new Error("--persist needs a folder");
  const persistDir = persistArg ?? (env["MOTCUA_DB_DIR"] || undefined);
  const atIndex = argv.indexOf("--at");
  const atArg = atIndex === -1 ? undefined : argv[atIndex + 1];
  const at = atArg === undefined ? undefined : new Date(atArg);
  if (atIndex !== -1 && (at === undefined || Number.isNaN(at.getTime()))) {
    throw new Error('--at needs an instant with its offset, e.g. --at 2027-01-31T23:59:30+07:00');
  }
  const ports: LocalPorts = {
    dynamodbPort: port("DYNAMODB_PORT", 8000),
    apiPort: port("API_PORT", 8787),
    zaloEmulatorPort: port("ZALO_EMULATOR_PORT", 8788),
    miniAppPort: port("MINIAPP_PORT", 3000),
  };
  return { ports, persistDir, ...(at ? { at } : {}) };
}

/**
 * Installs Ctrl-C/SIGTERM handling at once, before anything starts: a signal during start-up exits at
 * once (the exit hooks kill child processes); after `setStop`, it runs the stop function, then exits 0.
 */
export function handleSignals(): { setStop(stop: () => Promise<void>): void } {
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping…`);
      if (!stop) process.exit(0);
      stop()
        .catch((error: unknown) => console.error(error))
        .finally(() => process.exit(0));
    });
  }
  return {
    setStop(value) {
      stop = value;
    },
  };
}

export function failAndExit(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

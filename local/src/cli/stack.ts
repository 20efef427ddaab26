import { startStack } from "../stack/start-stack.js";
import { failAndExit, handleSignals, readLocalEnvironment, stackJsonPath } from "./cli-options.js";

const signals = handleSignals();

try {
  const { ports, persistDir, at } = readLocalEnvironment(process.env, process.argv.slice(2));
  const stack = await startStack({
    dynamodbPort: ports.dynamodbPort,
    apiPort: ports.apiPort,
    zaloEmulatorPort: ports.zaloEmulatorPort,
    ...(persistDir ? { persistDir } : {}),
    // `--at <instant>`: the backend runs as on that day and hour (quiet hours, month ends, deadlines).
    ...(at ? { startAt: at } : {}),
    stackJsonPath,
    miniAppUrl: `http://localhost:${ports.miniAppPort}`,
  });
  signals.setStop(stack.stop);
  void stack.dynamoDbLost.then((message) => {
    console.error(message);
    void stack.stop().finally(() => process.exit(1));
  });
  const { receipts, env, ...shown } = stack.info;
  void env;
  console.log(JSON.stringify(shown, null, 2));
  console.log(`\n${Object.keys(receipts).length} seeded receipts and the handlers' env are in ${stackJsonPath}`);
  console.log("Local stack running. Ctrl-C stops it.");
} catch (error) {
  failAndExit(error);
}

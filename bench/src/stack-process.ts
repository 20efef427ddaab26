import { startStack } from "@motcua/local/stack/start-stack";

/**
 * A local stack in a process of its own, as the API runs apart from its callers in production (Lambda):
 * the load generator then does not share an event loop with the server it measures.
 * Prints the stack's info as one JSON line, then runs until SIGTERM.
 */
const stack = await startStack({
  log: () => {},
  envOverrides: JSON.parse(process.env.BENCH_ENV_OVERRIDES ?? "{}") as Record<string, string>,
  trustForwardedFor: process.env.BENCH_TRUST_FORWARDED_FOR === "1",
});
process.stdout.write(`${JSON.stringify(stack.info)}\n`);
process.on("SIGTERM", () => {
  void stack.stop().finally(() => process.exit(0));
});

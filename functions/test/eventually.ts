import { setTimeout as sleep } from "node:timers/promises";

export { waitForMessagesToSettle } from "../../local/src/zalo-emulator/wait-for-messages-to-settle.js";

/**
 * Reads until `done` holds (the stream poller and the Zalo emulator work beside the test), or fails after
 * `timeoutMs` with the last value read. The deadline is measured on the monotonic clock, never the stack's time.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

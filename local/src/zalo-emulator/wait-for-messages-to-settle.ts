/**
 * Waits until the emulator's message count has stopped growing for `quietMs`, e.g. until the seed's few hundred
 * messages have all gone out, so a test or benchmark that counts its own messages does not race that backlog.
 */
export async function waitForMessagesToSettle(emulatorUrl: string, options: { quietMs?: number; timeoutMs?: number } = {}): Promise<number> {
  const quietMs = options.quietMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const count = async () => ((await (await fetch(`${emulatorUrl}/_emulator/messages`)).json()) as { messages: unknown[] }).messages.length;
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const now = await count();
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (Date.now() - stableSince >= quietMs) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Messages were still going out after ${timeoutMs / 1000} s (${last} sent)`);
}

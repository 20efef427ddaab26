/** Runs `total` calls of `task` with `concurrency` in flight; returns calls per second and latency percentiles. */
export async function runLoad(task: (i: number) => Promise<void>, total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { perSecond: total / seconds, p50: pct(50), p95: pct(95) };
}

/**
 * Runs `task` from `clients` concurrent clients, each starting its next call when the last one answered, until
 * `seconds` have passed; returns every call's latency (ms) and what it answered, by the task's own label.
 */
export async function runForDuration(task: (client: number) => Promise<string>, seconds: number, clients: number) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const started = performance.now();
  const end = started + seconds * 1000;
  const client = async (id: number) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const outcome = await task(id);
      latencies.push(performance.now() - t0);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { calls: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), outcomes };
}

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

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

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

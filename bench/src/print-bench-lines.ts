import type { BenchLine } from "./lookup-and-ingest.bench.js";

export function printBenchLines(lines: BenchLine[]): void {
  const width = Math.max(...lines.map((l) => l.name.length));
  console.log("\nBenchmarks (local stack: DynamoDB Local, real handlers; this machine)\n");
  for (const line of lines) {
    console.log(`${line.name.padEnd(width)}  ${line.value}${line.target ? `   [target ${line.target}]` : ""}`);
  }
}

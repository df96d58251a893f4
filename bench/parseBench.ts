/** Parser throughput on generated TTNN files (10k and 100k ops): MB/s and ops/s, best of a few runs. */

import { parse } from '../server/src/mlir/parser';
import { generateTtnnModule } from './generate';

export interface ParseBenchResult {
  readonly nOps: number;
  readonly bytes: number;
  readonly bestMs: number;
  readonly megabytesPerSecond: number;
  readonly opsPerSecond: number;
  readonly errors: number;
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function benchParse(nOps: number, runs = 5): ParseBenchResult {
  const text = generateTtnnModule({ nOps, seed: 1 });
  let bestMs = Infinity;
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    const result = parse(text);
    const ms = nowMs() - t0;
    errors = result.errors.length;
    if (ms < bestMs) bestMs = ms;
  }
  const bytes = text.length;
  return {
    nOps,
    bytes,
    bestMs,
    megabytesPerSecond: bytes / 1e6 / (bestMs / 1000),
    opsPerSecond: nOps / (bestMs / 1000),
    errors,
  };
}

/** Prints one line per size; returns the measurements. */
export function runParseBench(
  log: (line: string) => void = console.log,
  sizes: readonly number[] = [10_000, 100_000],
): ParseBenchResult[] {
  const results: ParseBenchResult[] = [];
  for (const nOps of sizes) {
    const r = benchParse(nOps);
    results.push(r);
    log(
      `parse ${nOps} ops: ${(r.bytes / 1e6).toFixed(1)} MB in ${r.bestMs.toFixed(1)} ms = ` +
        `${r.megabytesPerSecond.toFixed(1)} MB/s, ${Math.round(r.opsPerSecond).toLocaleString('en-US')} ops/s` +
        (r.errors > 0 ? ` (${r.errors} syntax errors!)` : ''),
    );
  }
  return results;
}

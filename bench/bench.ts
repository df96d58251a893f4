/**
 * `npm run bench`: runs every benchmark and prints one line per measurement, at 10k, 100k and 300k ops.
 *
 *   npm run bench                     # the three sizes (about half an hour on 2 cores)
 *   npm run bench -- --quick          # one small size (2,000 ops), one run each: a smoke run
 *   npm run bench -- --ops 100000     # chosen sizes (comma-separated)
 *   npm run bench -- --worker         # also: keystrokes on the largest size in-process vs in the background worker
 *   npm run bench -- --ops 100000 --first-diagnostics 5
 *                                     # only first diagnostics: 5 interleaved rounds of ours, null server, mlir-lsp-server-16
 *   npm run bench -- --ops 100000 --first-diagnostics 5 --falcon
 *                                     # the same on the Falcon3-7B copy (bench/falcon.ts) instead of the generated dump
 */

import { runCliBench } from './cliBench';
import { runFirstDiagnosticsBench, runLspBench, runWorkerComparison } from './lspBench';
import { runParseBench } from './parseBench';

const QUICK_OPS = 2_000;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const ops = flag('ops');
  const sizes = quick ? [QUICK_OPS] : ops !== undefined ? ops.split(',').map(Number) : [10_000, 100_000, 300_000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    throw new Error(`--ops takes op counts (comma-separated), not ${ops}`);
  const firstRounds = flag('first-diagnostics');
  if (firstRounds !== undefined) {
    const rounds = Number(firstRounds);
    if (!Number.isInteger(rounds) || rounds < 1)
      throw new Error(`--first-diagnostics takes a number of rounds, not ${firstRounds}`);
    const dump = process.argv.includes('--falcon') ? 'falcon' : 'generated';
    for (const nOps of sizes) await runFirstDiagnosticsBench(console.log, nOps, rounds, dump);
    return;
  }
  // The language-server figures first: the parse bench grows this (client) process's heap, and its garbage
  // collections would then be counted in the server's latencies.
  await runLspBench(console.log, sizes);
  if (process.argv.includes('--worker')) await runWorkerComparison(console.log, Math.max(...sizes));
  runParseBench(
    console.log,
    sizes.filter((n) => n <= 100_000),
  );
  // Whole processes last: the fair anchor, LLVM's mlir-opt-16 on the same text.
  runCliBench(console.log, sizes, quick ? 1 : 3);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

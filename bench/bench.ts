/** `npm run bench`: runs every benchmark and prints one line per measurement. */

import { runCliBench } from './cliBench';
import { runLspBench } from './lspBench';
import { runParseBench } from './parseBench';

async function main(): Promise<void> {
  // The language-server figures first: the parse bench grows this (client) process's heap, and its garbage
  // collections would then be counted in the server's latencies.
  await runLspBench();
  runParseBench();
  // Whole processes last: the fair anchor, LLVM's mlir-opt-16 on the same text.
  runCliBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/** `npm run bench`: runs every benchmark and prints one line per measurement. */

import { runLspBench } from './lspBench';
import { runParseBench } from './parseBench';

async function main(): Promise<void> {
  runParseBench();
  await runLspBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

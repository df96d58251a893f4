/**
 * `ttnn-l1` entry point: the only code (with lsp/) that touches argv, files, stdout and exit codes.
 * Everything it prints comes from the same core the language server uses.
 */

import { parseArgs, USAGE } from './args';
import { runCheck } from './check';
import { runFix } from './fix';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './report';

declare const TTNN_L1_VERSION: string | undefined;

function version(): string {
  return typeof TTNN_L1_VERSION === 'string' ? TTNN_L1_VERSION : 'dev';
}

function main(argv: readonly string[]): number {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE + '\n');
      return EXIT_OK;
    case 'version':
      process.stdout.write(version() + '\n');
      return EXIT_OK;
    case 'usageError':
      process.stderr.write(`ttnn-l1: ${command.message}\n${USAGE}\n`);
      return EXIT_UNUSABLE_INPUT;
    case 'check':
      return runCheck(command, version());
    case 'fix':
      return runFix(command);
  }
}

// A reader that stops early (`ttnn-l1 check --format json big.mlir | head`) closes the pipe: stop quietly with the
// check's exit code, as other command-line tools do, instead of an unhandled EPIPE trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

const exitCode = main(process.argv.slice(2));
// With nothing left to write, exit now: the kernel frees the heap at exit in one go, where a natural exit first has V8
// unmap its pages one by one (100k-op check: ~55-80 ms of system time after the last write, ~25-30 ms this way).
// Output a pipe has not taken yet is still queued in the stream: then the process ends when it is written.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(exitCode);
process.exitCode = exitCode;

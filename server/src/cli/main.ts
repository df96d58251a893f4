/**
 * `ttnn-l1` entry point: the only code (with lsp/) that touches argv, files, stdout and exit codes.
 * Everything it prints comes from the same core the language server uses.
 */

import { capCompilerInlining } from '../host/compilerTuning';
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

/**
 * Node writes to a pipe asynchronously on Linux: a write the pipe cannot take at once is queued with its buffer, so a
 * report piped to a reader slower than the check (`| md5sum`, the bench's `spawnSync`) was held whole in memory
 * (100k-op dump: 70 MB of queued 128 KB chunks, +18k page faults and ~0.4 s of CPU). Blocking writes, as a C tool's
 * `write(2)` does, let the JSON writer reuse its one chunk. `setBlocking` is the pipe handle's libuv call (Node's own
 * stdio uses it for TTYs and, on Windows, pipes); a file or TTY stdout is synchronous already and has none to call.
 */
function writeStdoutSynchronously(): void {
  const handle = (process.stdout as unknown as { readonly _handle?: { setBlocking?: (blocking: boolean) => number } })
    ._handle;
  if (typeof handle?.setBlocking === 'function') handle.setBlocking(true);
}

// A reader that stops early (`ttnn-l1 check --format json big.mlir | head`) closes the pipe: stop quietly with the
// check's exit code, as other command-line tools do, instead of an unhandled EPIPE trace. Node's `spawn` gives a
// child's stdout as a socket pair, whose blocking write says ECONNRESET when the reader closed with bytes unread.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') throw error;
  process.exit();
});

capCompilerInlining();
writeStdoutSynchronously();
const exitCode = main(process.argv.slice(2));
// With nothing left to write, exit now: the kernel frees the heap at exit in one go, where a natural exit first has V8
// unmap its pages one by one (100k-op check: ~55-80 ms of system time after the last write, ~25-30 ms this way).
// Output a pipe has not taken yet is still queued in the stream: then the process ends when it is written.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(exitCode);
process.exitCode = exitCode;

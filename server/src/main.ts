// Language server entry point: `ttnn-l1-lsp --stdio` (the VS Code client and the README's editors; `--node-ipc` and
// `--socket=N` also work).
import { capCompilerInlining } from './host/compilerTuning';
import { startServer } from './lsp/server';

if (process.argv.includes('--version')) {
  process.stdout.write('ttnn-l1-lsp 0.1.0\n');
} else {
  // Before the first analysis: a document's first diagnostics run the estimators' code cold, as a check does.
  capCompilerInlining();
  startServer();
}

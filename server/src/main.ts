// Language server entry point: `ttnn-l1-lsp --stdio` (or `--node-ipc` from the VS Code client).
import { startServer } from './lsp/server';

if (process.argv.includes('--version')) {
  process.stdout.write('ttnn-l1-lsp 0.1.0\n');
} else {
  startServer();
}

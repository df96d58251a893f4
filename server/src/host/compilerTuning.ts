/**
 * V8's optimizing compiler tuned for this program, set once at process start by the CLI and the language server.
 *
 * Both run the analysis over code they meet once per file: a check, and the server's first diagnostics of a document
 * (then each keystroke re-runs a few ops). TurboFan's compiles (a background thread, or the main thread's wait for it)
 * were ~45% of the instructions of a 20k-op check. A quarter of the bytecode TurboFan may inline into one compiled
 * function by default (920 -> 230) makes each compile smaller for code about as fast (docs/internals.md, cli/ and lsp/:
 * callgrind, generated 20k-op dump, `check --format json` 920 -> 460 -6.4%, 460 -> 230 -5.3%; the server's first
 * diagnostics -11.2%, its keystrokes -9%).
 * Only on the V8 it was measured on (Node 20's 11.3): later ones tier up differently (Maglev).
 */

import { setFlagsFromString } from 'v8';

/** Caps TurboFan's cumulative inlining at a quarter of V8 11.3's default. Call before the first analysis. */
export function capCompilerInlining(): void {
  if (process.versions.v8.startsWith('11.3.')) setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}

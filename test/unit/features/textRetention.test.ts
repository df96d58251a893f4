import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// A one-shot analysis (the CLI's) lets the document's text go with its tree: what it keeps (op names, labels, source
// file names, callee and function names) are copies, not slices of the text, which would hold all of it
// (text/detachedCopy.ts). Measured in a child process with an exposed GC, on a generated document of long names.
describe('text retention of a one-shot analysis', () => {
  it('frees the whole text once the caller drops it, with the analysis still alive', () => {
    const script = path.join(__dirname, '..', '..', 'support', 'textRetention.ts');
    const run = spawnSync(process.execPath, ['--expose-gc', '-r', 'tsx/cjs', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const m = JSON.parse(run.stdout) as { textLength: number; freedBytes: number; keptOps: number };
    // 20 functions of 200 multiplies and a return each, and a call in each but the first.
    assert.equal(m.keptOps, 20 * (200 + 1) + 19);
    // The text is one byte per character (ASCII) plus a header, alone in V8's large-object space; a slice kept
    // anywhere would keep all of it (freed 0 B before the parser copied what the view keeps).
    assert.ok(m.freedBytes >= m.textLength, `freed ${m.freedBytes} B of a ${m.textLength}-character text`);
  });
});

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// The CLI collects garbage between its phases (cli/heap.ts) in a process started without --expose-gc.
describe('cli/heap collectGarbage', () => {
  it('frees a dropped large array at once, in a process started without --expose-gc', () => {
    const script = path.join(__dirname, '..', '..', 'support', 'collectGarbage.ts');
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const m = JSON.parse(run.stdout) as { arrayBytes: number; freedBytes: number };
    assert.ok(m.freedBytes >= m.arrayBytes, `freed ${m.freedBytes} B of an array of ${m.arrayBytes} B`);
  });
});

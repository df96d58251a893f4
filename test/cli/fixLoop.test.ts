/**
 * `ttnn-l1 fix --apply` run repeatedly on the bundled Mochi example ends in a file where no op overflows: each step is
 * a fresh process that re-parses and re-analyses the file the previous step wrote. The first step replaces the
 * replicate-pad chain (tt-metal threw at %9 with 9,990,400 B); the conv3d that then fails first (33.5 MB of CBs with
 * tt-metal's default blocking) gets a conv3d_config whose blocks tt-metal's Conv3dOp::validate accepts.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEED = path.join(ROOT, 'examples/mochi_replicate_pad.mlir');
const MAX_STEPS = 6;

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ttnn-l1 fix --apply until nothing overflows (process)', function () {
  before(function () {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it('fixes the Mochi example step by step: the pad chain, then the conv3d blocking; check then exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fixloop-'));
    const file = path.join(dir, 'seed.mlir');
    fs.copyFileSync(SEED, file);
    const failedAt: string[] = [];
    let steps = 0;
    for (; steps < MAX_STEPS; steps++) {
      const check = run(['check', file, '--format', 'json'], dir);
      if (check.status === 0) break;
      assert.equal(check.status, 1, check.stderr);
      const report = JSON.parse(check.stdout);
      failedAt.push(report.summary.firstFailure.op);
      const fix = run(['fix', file, '--apply'], dir);
      assert.equal(fix.status, 0, `step ${steps + 1}: ${fix.stderr}`);
      assert.match(fix.stderr, /^applied /m);
    }
    assert.ok(steps < MAX_STEPS, `still overflowing after ${MAX_STEPS} fixes (failed at ${failedAt.join(', ')})`);
    assert.deepEqual(failedAt, ['ttnn.to_layout', 'ttnn.conv3d']);
    const text = fs.readFileSync(file, 'utf8');
    const config = /conv3d_config = #ttnn\.conv3d_config<([^>]*#ttcore\.grid<(\d+)x(\d+)>)>/.exec(text);
    assert.ok(config !== null, "the conv3d carries a conv3d_config in the dump's syntax");
    const field = (name: string): number => Number(new RegExp(`${name} = (\\d+)`).exec(config[1])?.[1]);
    // tt-metal Conv3dOp::validate: C_in = C_out = 768; blocks multiples of 32 that divide them; C_in blocks ≤ 64 cores.
    assert.equal(768 % field('c_in_block'), 0);
    assert.equal(field('c_in_block') % 32, 0);
    assert.equal(768 % field('c_out_block'), 0);
    assert.equal(field('c_out_block') % 32, 0);
    assert.ok(768 / field('c_in_block') <= Number(config[2]) * Number(config[3]));
    const final = run(['fix', file], dir);
    assert.equal(final.status, 0);
    assert.match(final.stdout, /no op overflows L1; nothing to fix/);
  });

  it('fixes op lines outside any function in place (tt-mlir #7899): the lines stay lines, check then exits 0', () => {
    // The thread's two runtime-log lines, no function around them: the copy's CBs clash with the row-major L1 tensor
    // the first line made (threads-op-lines.test.ts). The fix makes that tensor DRAM at its producer.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fixloop-'));
    const file = path.join(dir, 'op-lines.mlir');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/threads/to_memory_config_tt-mlir-7899-op-lines.mlir'), file);
    const date = ['--tt-metal-date', '2026-04-09'];
    assert.equal(run(['check', file, ...date], dir).status, 1);
    const fix = run(['fix', file, '--apply', ...date], dir);
    assert.equal(fix.status, 0, fix.stderr);
    assert.match(fix.stderr, /^applied layout:@\(ops outside any function\):%31:input:%30:dram_interleaved/m);
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /func\.func/);
    assert.match(text, /%30 = "ttnn\.to_layout"\(%29\)[^\n]*-> tensor<32x256000xbf16, #ttnn_layout_l1lens0>/);
    const check = run(['check', file, ...date], dir);
    assert.equal(check.status, 0, check.stdout);
  });
});

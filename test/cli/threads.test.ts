/**
 * The thread regression set through the bundled CLI with `--tt-metal-date`: the exit code, the failing op and the
 * figure tt-metal printed (tt-metal issue #39875; tt-mlir issue #6754 for rms_norm), and the version range when the
 * date is a window across the fix.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PAD = path.join(ROOT, 'test/fixtures/threads/pad_tt-metal-39875.mlir');

const RMS = path.join(ROOT, 'test/fixtures/threads/rms_norm_tt-mlir-6754.mlir');

function check(args: string[], file = PAD): { status: number | null; json: any } {
  const r = spawnSync(
    process.execPath,
    [CLI, 'check', file, '--format', 'json', '--l1-unreserved-base', '103712', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: r.status, json: r.stdout === '' ? undefined : JSON.parse(r.stdout) };
}

describe('ttnn-l1 check --tt-metal-date on a thread fixture (tt-metal #39875)', function () {
  before(function () {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it("the issue's build (2026-03-13): exit 1 on ttnn.pad with tt-metal's 6,395,936 B", () => {
    const r = check(['--tt-metal-date', '2026-03-13']);
    assert.equal(r.status, 1);
    assert.deepEqual(
      [r.json.device.ttMetalDate.earliest, r.json.device.ttMetalDate.latest],
      ['2026-03-13', '2026-03-13'],
    );
    const pad = r.json.ops.find((o: { op: string }) => o.op === 'ttnn.pad');
    assert.equal(pad.cbRegionEndBytes, 6_395_936);
    assert.equal(pad.overflow.status, 'first');
  });

  it('a build after tt-metal PR #40316 (2026-04): exit 0', () => {
    assert.equal(check(['--tt-metal-date', '2026-04']).status, 0);
  });

  it('an unknown build (auto on a dump without dating syntax): the worst figure, with both sides in versionRange', () => {
    const r = check([]);
    assert.equal(r.status, 1);
    const pad = r.json.ops.find((o: { op: string }) => o.op === 'ttnn.pad');
    assert.equal(pad.cbRegionEndBytes, 6_395_936);
    assert.ok(pad.versionRange.changePoints.includes('pad-rm-barrier-from-output'), JSON.stringify(pad.versionRange));
    const ends = pad.versionRange.figures.map((f: { cbRegionEndBytes?: number }) => f.cbRegionEndBytes);
    assert.ok(ends.includes(6_395_936) && ends.some((e: number) => e < 1_499_136), JSON.stringify(ends));
  });
});

describe('ttnn-l1 check on tt-mlir #6754 (rms_norm before / after tt-metal PR #38006)', function () {
  it("the run's build (2026-01-22): exit 1 on ttnn.rms_norm within 4 KiB of tt-metal's 1,528,960 B", () => {
    const r = check(['--tt-metal-date', '2026-01-22'], RMS);
    assert.equal(r.status, 1);
    const norm = r.json.ops.find((o: { op: string }) => o.op === 'ttnn.rms_norm');
    assert.ok(Math.abs(norm.cbRegionEndBytes - 1_528_960) <= 4096, String(norm.cbRegionEndBytes));
    assert.equal(norm.overflow.status, 'first');
  });

  it("the dump's own window (2025-05..2026-11) straddles the change point: both figures, a build-dependent warning", () => {
    const r = check([], RMS);
    const norm = r.json.ops.find((o: { op: string }) => o.op === 'ttnn.rms_norm');
    assert.ok(
      norm.versionRange.changePoints.includes('rmsnorm-large-tensor-kernel'),
      JSON.stringify(norm.versionRange),
    );
    const ends = norm.versionRange.figures.map((f: { cbRegionEndBytes?: number }) => f.cbRegionEndBytes);
    assert.ok(ends.some((e: number) => e > 1_499_136) && ends.some((e: number) => e < 1_499_136), JSON.stringify(ends));
    assert.equal(norm.overflow.status, 'warning');
  });
});

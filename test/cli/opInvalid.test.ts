/**
 * `ttnn-l1 check` on tt-mlir's negative trace test: the verifier errors reach the JSON report as `op-invalid` errors,
 * and the exit code stays 0 (exit codes are about L1: an invalid op is neither an overflow nor unusable input, the same
 * as `layout-invalid` and `syntax-error`). Expected lines are the CHECK'd ops' lines in the file itself.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FILE = path.join(
  ROOT,
  'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/trace/negative_capture_or_execute_trace.mlir',
);

describe('ttnn-l1 check: op-invalid (process)', function () {
  before(function () {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it('reports the 14 trace verifier errors of negative_capture_or_execute_trace.mlir on the trace ops, exit 0', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', FILE, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      diagnostics: { line: number; code: string; severity: string; message: string }[];
    };
    const found = report.diagnostics.filter((d) => d.code === 'op-invalid');
    const opLines = fs
      .readFileSync(FILE, 'utf8')
      .split('\n')
      .flatMap((l, i) => (l.includes('"ttnn.capture_or_execute_trace"(') ? [i + 1] : []));
    assert.equal(opLines.length, 14);
    assert.deepEqual(
      found.map((d) => d.line),
      opLines,
    );
    for (const d of found) {
      assert.equal(d.severity, 'error');
      assert.match(d.message, /^'ttnn\.capture_or_execute_trace' op /);
    }
  });
});

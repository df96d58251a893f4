/**
 * The bundled CLI (dist/cli.js) on the reporting contract: OpModel terms in the JSON, `op-illegal` as a failure (exit 1,
 * JSON model "illegal", SARIF rule), build-dependent overflows as warnings with `versionRange`. Figures: tt-metal's own
 * message for the seed (9,990,400 B), hand derivations in comments.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ILLEGAL_RELU_ONLY, seedInStraddlingWindow, seedWithUnmodeledOp, UNMODELED_OP } from '../support/seedVariants';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ttnn-l1 check: reporting contract (process)', function () {
  let dir: string;
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  before(function () {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-report-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("JSON per op: reported, worst and summed CBs of the seed's cliff split, the peak, zeros for no-program ops", () => {
    const r = run(['check', write('unmodeled-seed.mlir', seedWithUnmodeledOp()), '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    const nine = report.ops.find((o: { result: string }) => o.result === '%9');
    // 9,990,400 − 102,656 = 9,887,744 on (7,6); full blocks 2 x 2,423 x 2,048 = 9,924,608; both ranges 19,812,352.
    assert.deepEqual(
      [nine.cbBytesPerCore, nine.worstCbBytesPerCore, nine.cbBytesSummedOverRanges, nine.peakL1BytesPerCore],
      [9_887_744, 9_924_608, 19_812_352, 9_924_608],
    );
    const device = report.ops.find((o: { op: string }) => o.op === 'ttnn.get_device');
    assert.deepEqual([device.cbBytesPerCore, device.cbBytesSummedOverRanges, device.peakL1BytesPerCore], [0, 0, 0]);
    const unmodeled = report.ops.find((o: { model: string }) => o.model === 'unmodeled');
    assert.ok(!('cbBytesPerCore' in unmodeled) && !('peakL1BytesPerCore' in unmodeled));
  });

  it('an illegal op alone exits 1 with op-illegal in text, JSON and SARIF', () => {
    const file = write('illegal.mlir', ILLEGAL_RELU_ONLY);
    const json = run(['check', file, '--format', 'json']);
    assert.equal(json.status, 1, json.stderr);
    const report = JSON.parse(json.stdout);
    const relu = report.ops.find((o: { op: string }) => o.op === 'ttnn.relu');
    assert.equal(relu.model, 'illegal');
    assert.ok(relu.reason.startsWith('Unary operation requires input to be on Device'));
    assert.ok(relu.citations[0].includes('unary_device_operation.cpp@019b681'));
    assert.deepEqual([report.summary.overflowCount, report.summary.illegalOpCount], [0, 1]);
    assert.ok(
      report.diagnostics.some(
        (d: { code: string; severity: string }) => d.code === 'op-illegal' && d.severity === 'error',
      ),
    );
    const text = run(['check', file]);
    assert.equal(text.status, 1);
    assert.ok(
      text.stdout.includes('[op-illegal]') &&
        text.stdout.includes('TT_FATAL: Unary operation requires input to be on Device'),
      text.stdout,
    );
    const sarif = JSON.parse(run(['check', file, '--format', 'sarif']).stdout);
    assert.ok(
      sarif.runs[0].results.some(
        (x: { ruleId: string; level: string }) => x.ruleId === 'op-illegal' && x.level === 'error',
      ),
    );
  });

  it('a build-dependent overflow is a warning with versionRange in the JSON; the text shows the OpModel terms', () => {
    const file = write('straddle.mlir', seedInStraddlingWindow());
    const r = run(['check', file, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(
      [report.device.ttMetalDate.earliest, report.device.ttMetalDate.latest, report.device.ttMetalDate.source],
      ['2025-12-29', '2026-05-15', 'dump'],
    );
    const nine = report.ops.find((o: { result: string }) => o.result === '%9');
    assert.equal(nine.overflow.status, 'warning');
    assert.deepEqual(nine.versionRange.changePoints, ['tilize-untilize-sub-block']);
    const diag = report.diagnostics.find((d: { line: number }) => d.line === nine.line);
    assert.deepEqual([diag.code, diag.severity], ['l1-overflow-build-dependent', 'warning']);
    assert.ok(report.summary.buildDependentOverflowCount >= 1);
    const text = run(['check', write('unmodeled.mlir', seedWithUnmodeledOp())]).stdout;
    assert.ok(
      text.includes(
        'note: OpModel terms: cb 9,924,608 · tensor 0 · total 9,924,608 (CBs summed over core ranges: 19,812,352)',
      ),
      text,
    );
    assert.ok(text.includes(`1 op without an L1 model — cannot rule out an overflow: ${UNMODELED_OP}`), text);
  });

  it("versionRange's figures carry README's fields only, not the allocation walk's inputs", () => {
    // llama_attention_ttnn.mlir's tiled reshapes (pre-PR #20189 composites: untilize → row-major reshape → tilize) and
    // its to_layouts straddle change points, and their estimates carry l1Intermediates / lastProgram for the walk.
    const report = JSON.parse(
      run(['check', path.join(__dirname, '..', 'fixtures', 'corpus', 'llama_attention_ttnn.mlir'), '--format', 'json'])
        .stdout,
    );
    const documented = new Set([
      'window',
      'kind',
      'factory',
      'cbBytesPerCore',
      'worstCbBytesPerCore',
      'cbRegionEndBytes',
      'confidence',
      'approxReason',
      'reason',
    ]);
    const figures = report.ops.flatMap((o: { versionRange?: { figures: object[] } }) => o.versionRange?.figures ?? []);
    assert.ok(figures.length > 0);
    for (const f of figures)
      for (const k of Object.keys(f)) assert.ok(documented.has(k), `${k} in ${JSON.stringify(f)}`);
  });
});

/**
 * The `ttnn-l1` CLI as CI runs it: the bundled dist/cli.js in a child process, asserting exit codes, the JSON report
 * contract and one-line reasons for unusable input. Expected figures come from tt-metal's own messages (the seed's
 * runtime log and tt-metal issue #38364), not from the estimator.
 */

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateTtnnModule } from '../../bench/generate';
import { lineOf } from '../support/positions';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEED = path.join(ROOT, 'examples/mochi_replicate_pad.mlir');

function run(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 1-based line of `needle` in a file, as the CLI prints it. */
function lineNumberOf(file: string, needle: string): number {
  return lineOf(fs.readFileSync(file, 'utf8'), needle) + 1;
}

describe('ttnn-l1 check (process)', function () {
  before(function () {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it("names %9 ttnn.to_layout with tt-metal's 9,990,400 B on core (7,6) and exits 1", () => {
    const r = run(['check', SEED, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    // The seed's system_desc: Wormhole n150, base 102,656 B, max L1 1,499,136 B (the numbers in the TT_THROW).
    assert.deepEqual(report.device.grid, [8, 8]);
    assert.equal(report.device.l1SizeBytes, 1499136);
    assert.equal(report.device.l1UnreservedBase, 102656);
    assert.equal(report.device.source, 'system_desc');
    const op = report.ops.find((o: { result: string }) => o.result === '%9');
    assert.equal(op.op, 'ttnn.to_layout');
    assert.equal(op.line, lineNumberOf(SEED, '%9 = "ttnn.to_layout"'));
    assert.equal(op.cbRegionEndBytes, 9990400);
    assert.deepEqual(op.reportedCore, [7, 6]);
    assert.equal(op.limitBytes, 1499136);
    assert.equal(op.fits, false);
    assert.equal(op.overflow.status, 'first');
    assert.equal(report.summary.firstFailure.result, '%9');
    const errors = report.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, op.line);
    assert.equal(errors[0].code, 'l1-cb-overflow');
    // The embedding right after is a later overflow, not an error.
    const embedding = report.ops.find((o: { result: string }) => o.result === '%10');
    assert.equal(embedding.overflow.status, 'notReached');
    // Ops we do not model carry no numbers at all.
    for (const o of report.ops.filter((x: { model: string }) => x.model === 'unmodeled')) {
      assert.equal(o.cbBytesPerCore, undefined);
      assert.equal(typeof o.reason, 'string');
    }
  });

  it('prints compiler-style text with the source line and exits 0 on a file that fits', () => {
    const r = run(['check', SEED]);
    assert.equal(r.status, 1);
    assert.match(
      r.stdout,
      new RegExp(
        `mochi_replicate_pad\\.mlir:${lineNumberOf(SEED, '%9 = "ttnn.to_layout"')}:\\d+: error: .*9,990,400 B`,
      ),
    );
    const workarounds = path.join(ROOT, 'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/Workarounds');
    // Five of its seven distributed_rms_norm ops are what tt-mlir's decomposition rewrites before they run; on a build
    // of 2026-05 (tt-mlir PR #7752 to #8351) the rewrite gathers [.., 1] statistics, a composite all_gather: no model.
    const unmodeledFile = path.join(
      ROOT,
      'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/Decomposition/distributed_rms_norm_decomposition.mlir',
    );
    const fits = run(['check', '--tt-metal-date', '2026-05-01', unmodeledFile]);
    assert.equal(fits.status, 0, fits.stdout + fits.stderr);
    // The summary must not claim that nothing overflows, and must name the op.
    assert.doesNotMatch(fits.stdout, /: no op overflows L1/);
    assert.match(fits.stdout, /no modeled op overflows L1/);
    assert.match(fits.stdout, /5 ops without an L1 model — cannot rule out an overflow: ttnn\.distributed_rms_norm/);
    // The tiled pad before tt-mlir's pad workaround front-pads a tile tensor, which tt-metal's ttnn::pad rejects.
    const frontPad = run(['check', path.join(workarounds, 'pad_workaround.mlir')]);
    assert.equal(frontPad.status, 1, frontPad.stdout);
    assert.match(frontPad.stdout, /error: tt-metal will throw at %0 ttnn\.pad: .*does not support front padding/);
    // `fix` on the same file words the verdict the same way: nothing overflows among the modeled ops.
    const fix = run(['fix', '--tt-metal-date', '2026-05-01', unmodeledFile]);
    assert.equal(fix.status, 0, fix.stdout + fix.stderr);
    assert.match(
      fix.stdout,
      /no modeled op overflows L1; 5 ops without an L1 model — cannot rule out an overflow: .*; nothing to fix/,
    );
    assert.doesNotMatch(fix.stdout, /: no op overflows/);
    const strict = run(['check', '--fail-on-unmodeled', '--tt-metal-date', '2026-05-01', unmodeledFile]);
    assert.equal(strict.status, 1, '--fail-on-unmodeled exits 1 for an unmodeled device op');
    // gather_workaround.mlir's row-major gather is modeled now (tilize steps first): nothing unmodeled there.
    const gather = run(['check', '--fail-on-unmodeled', path.join(workarounds, 'gather_workaround.mlir')]);
    assert.equal(gather.status, 0, gather.stdout);
    assert.match(gather.stdout, /: no op overflows L1/);
  });

  it('reports the tt-metal build window: inferred from the dump, or as given', () => {
    const inferred = JSON.parse(run(['check', SEED, '--format', 'json']).stdout);
    // Seed syntax: dst_physical_size_tiles (tt-mlir 2025-10-08, minus the 21-day uplift lag) and no tt.function_type
    // (printed from 2026-01-19) in a device-module dump.
    assert.deepEqual(
      [inferred.device.ttMetalDate.earliest, inferred.device.ttMetalDate.latest, inferred.device.ttMetalDate.source],
      ['2025-09-17', '2026-01-18', 'dump'],
    );
    const given = JSON.parse(run(['check', SEED, '--format', 'json', '--tt-metal-date', '2026-06']).stdout);
    assert.deepEqual(
      [given.device.ttMetalDate.earliest, given.device.ttMetalDate.latest, given.device.ttMetalDate.source],
      ['2026-06-01', '2026-06-30', 'configured'],
    );
    assert.equal(run(['check', SEED, '--tt-metal-date', '2026-13']).status, 2);
  });

  it('writes SARIF 2.1.0 with the error on %9', () => {
    const r = run(['check', SEED, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const errors = sarif.runs[0].results.filter((x: { level: string }) => x.level === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].ruleId, 'l1-cb-overflow');
    assert.equal(errors[0].locations[0].physicalLocation.region.startLine, lineNumberOf(SEED, '%9 = "ttnn.to_layout"'));
  });

  it('records what the runtime log observed next to the estimate (--log)', () => {
    const r = run(['check', SEED, '--format', 'json', '--log', path.join(ROOT, 'test/fixtures/logs/seed_mochi.log')]);
    assert.equal(r.status, 1, r.stderr);
    const op = JSON.parse(r.stdout).ops.find((o: { result: string }) => o.result === '%9');
    assert.equal(op.observed.cbRegionEndBytes, 9990400);
    assert.equal(op.observed.differenceBytes, 0);
    assert.match(op.observed.message, /exact/);
  });

  it('takes the base from the flag and says so', () => {
    // tt-metal issue #38364's build had base 103,712: 1,056 B more than the seed's.
    const r = run(['check', SEED, '--format', 'json', '--l1-unreserved-base', '103712']);
    const report = JSON.parse(r.stdout);
    assert.equal(report.device.l1UnreservedBase, 103712);
    assert.equal(report.device.baseSource, 'override');
    assert.equal(report.ops.find((o: { result: string }) => o.result === '%9').cbRegionEndBytes, 9990400 + 1056);
  });

  it("reports the L1_SMALL size, tt-mlir's runtime default unless --l1-small-size says otherwise", () => {
    const byDefault = JSON.parse(run(['check', SEED, '--format', 'json']).stdout);
    // tt-mlir include/Constants.h L1_SMALL_SIZE = 1 << 16 since tt-mlir PR #5557 (2025-11-04).
    assert.equal(byDefault.device.l1SmallSizeBytes, 65536);
    assert.match(byDefault.device.detail, /L1_SMALL 65,536 B \(tt-mlir runtime default/);
    const none = JSON.parse(run(['check', SEED, '--format', 'json', '--l1-small-size', '0']).stdout);
    assert.equal(none.device.l1SmallSizeBytes, 0);
    assert.match(none.device.detail, /L1_SMALL 0 B \(overridden\)/);
    assert.equal(run(['check', SEED, '--l1-small-size', 'lots']).status, 2);
  });

  it('exits 2 with a one-line reason on unusable input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-cli-'));
    const binary = path.join(dir, 'blob.mlir');
    fs.writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const notMlir = path.join(dir, 'notes.mlir');
    fs.writeFileSync(notMlir, 'just some prose, no operations here\n');
    for (const [file, pattern] of [
      [binary, /binary file/],
      [notMlir, /no MLIR operations found/],
      [path.join(dir, 'missing.mlir'), /no such file/],
    ] as const) {
      const r = run(['check', file]);
      assert.equal(r.status, 2, `${file}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    const usage = run(['check', SEED, '--format', 'xml']);
    assert.equal(usage.status, 2);
  });

  it('names a runtime log as one, and checks the op lines a thread prints as they stand', () => {
    // tt-mlir #5771's runtime log (test/fixtures/logs): no MLIR op of its own, "Executing operation:" records.
    const log = run(['check', path.join(ROOT, 'test/fixtures/logs/oom_5771.log')]);
    assert.equal(log.status, 2, log.stdout + log.stderr);
    assert.match(
      log.stderr,
      /no MLIR operations found: this is a tt-mlir runtime log; check the \.mlir it ran with --log/,
    );
    // The conv2d of that log as one line outside any function: the op is named and the file fails (exit 1).
    const line = run([
      'check',
      path.join(ROOT, 'test/fixtures/threads/conv2d_tt-mlir-5771-op-line.mlir'),
      '--tt-metal-date',
      '2025-11-10',
    ]);
    assert.equal(line.status, 1, line.stdout + line.stderr);
    assert.match(
      line.stdout,
      /tt-metal will throw at %79 = ttnn\.conv2d \(line 6\); 1 overflowing op; 1 ops estimated/,
    );
  });
});

describe('ttnn-l1 check into a pipe closed early (process)', () => {
  it("stops quietly with the check's exit code (no EPIPE trace)", async () => {
    // A report of several chunks (the 2,000-op generated dump), read by a consumer that closes after the first bytes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-pipe-'));
    const file = path.join(dir, 'generated.mlir');
    fs.writeFileSync(file, generateTtnnModule({ nOps: 2000, seed: 1 }));
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.doesNotMatch(stderr, /EPIPE|Unhandled/, stderr);
    // The dump has ops that overflow: the check's code, 1, not a crash's.
    assert.equal(status, 1, stderr);
  });
});

describe('ttnn-l1 check into a slow pipe (process)', () => {
  it('writes the same report into a pipe whose writes queue as into a file written at once', async () => {
    // Node writes stdout to a file synchronously, and to a pipe asynchronously (a write the pipe cannot take at once
    // is queued with the writer's buffer): the report's reused buffer must not be written into while one is queued.
    // A report of several chunks (the 2,000-op generated dump), read after a pause, so the writes queue.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-slow-pipe-'));
    const file = path.join(dir, 'generated.mlir');
    fs.writeFileSync(file, generateTtnnModule({ nOps: 2000, seed: 1 }));
    const toFile = path.join(dir, 'report.json');
    const fd = fs.openSync(toFile, 'w');
    const direct = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], {
      stdio: ['ignore', fd, 'pipe'],
    });
    fs.closeSync(fd);
    assert.equal(direct.status, 1, String(direct.stderr));
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pause();
    const piped: Buffer[] = [];
    setTimeout(() => {
      child.stdout.on('data', (d: Buffer) => piped.push(d));
      child.stdout.resume();
    }, 500);
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const written = fs.readFileSync(toFile);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(status, 1);
    assert.ok(written.length > 4 * (1 << 17), `${written.length} bytes: several chunks`);
    assert.ok(Buffer.concat(piped).equals(written), 'the piped report is byte for byte the one written to a file');
    assert.ok(JSON.parse(written.toString('utf8')).ops.length >= 2000);
  });
});

describe('ttnn-l1 fix (process)', () => {
  it('prints a diff of the preferred verified fix and --apply makes the file fit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fix-'));
    const copy = path.join(dir, 'seed.mlir');
    fs.copyFileSync(SEED, copy);
    const dry = run(['fix', copy], dir);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^-.*%9 = "ttnn.to_layout"/m);
    assert.equal(fs.readFileSync(copy, 'utf8'), fs.readFileSync(SEED, 'utf8'), 'a dry run writes nothing');
    // The seed's indices are a const-eval constant: the proven slice + concat rewrite is the default.
    assert.match(dry.stderr, /would apply slice-concat-pad:@main:%12/);
    const applied = run(['fix', copy, '--apply'], dir);
    assert.equal(applied.status, 0, applied.stderr);
    assert.match(fs.readFileSync(copy, 'utf8'), /%12 = "ttnn\.concat"\(/);
    const after = run(['check', copy, '--format', 'json'], dir);
    const report = JSON.parse(after.stdout);
    assert.equal(
      report.ops.some((o: { result: string }) => o.result === '%9'),
      false,
      'the pad chain is gone',
    );
    // The seed's point: with the pad fixed, the conv3d is the op that fails first.
    assert.equal(report.summary.firstFailure.op, 'ttnn.conv3d');
  });

  it('never applies a fix that rests on an assumption without --only (runtime gather indices)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fixrt-'));
    const copy = path.join(dir, 'runtime.mlir');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/fixes/mochi_runtime_indices.mlir'), copy);
    const before = fs.readFileSync(copy, 'utf8');
    const r = run(['fix', copy, '--apply'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stderr,
      /\? slice-concat-pad:@main:%12: If the indices are \[0, 0, 0, 1, 2, 3\] \(2 rows in front of dim 2\)/,
    );
    assert.match(r.stderr, /no fix is applied by default: every verified fix rests on an assumption/);
    assert.equal(fs.readFileSync(copy, 'utf8'), before, 'nothing written');
    const picked = run(['fix', copy, '--apply', '--only', 'slice-concat-pad'], dir);
    assert.equal(picked.status, 0, picked.stderr);
    assert.notEqual(fs.readFileSync(copy, 'utf8'), before, '--only applies it');
  });

  it('says why when no fix exists, in the words of the disabled code action', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fixnone-'));
    const copy = path.join(dir, 'pad.mlir');
    // tt-metal #32611: a row-major pad whose CBs overflow whatever the placement (the seed's conv3d now has a
    // conv3d_config fix, test/cli/fixLoop.test.ts).
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/threads/pad_tt-metal-32611.mlir'), copy);
    const r = run(['fix', copy], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^ttnn-l1: @\w+ op \d+: No verified fix \(checked for tt-metal [\d.-]+\): /m);
  });

  it('edits exactly the F.pad call in the Python file the loc names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fixpy-'));
    fs.copyFileSync(SEED, path.join(dir, 'seed.mlir'));
    fs.mkdirSync(path.join(dir, 'mochi'));
    const py = path.join(dir, 'mochi/single_ops.py');
    fs.copyFileSync(path.join(ROOT, 'examples/mochi/single_ops.py'), py);
    const before = fs.readFileSync(py, 'utf8').split('\n');
    const r = run(['fix', 'seed.mlir', '--only', 'constant-pad-python', '--apply'], dir);
    assert.equal(r.status, 0, r.stderr);
    const after = fs.readFileSync(py, 'utf8').split('\n');
    const changed = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
    assert.deepEqual(changed, [15]);
    assert.equal(after[15], '        x = F.pad(x, self.time_causal_padding, mode="constant", value=0)');
  });
});

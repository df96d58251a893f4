/**
 * Bad and huge inputs through the bundled CLI (a child process, as CI runs it): anything that is not MLIR text exits 2
 * with one line saying why; encodings and line endings that are still MLIR give the same verdict as the clean file;
 * a 50 MB resource blob and a ~30 MB dump are analysed. The 500 MB dump runs only with RUN_SLOW_TESTS=1.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateTtnnModule } from '../../bench/generate';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEED_TEXT = fs.readFileSync(path.join(ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
// The seed's first failure: %9 = "ttnn.to_layout" on line 37 (examples/mochi_replicate_pad.mlir).
const SEED_FAILURE_LINE = SEED_TEXT.split('\n').findIndex((l) => l.includes('%9 = "ttnn.to_layout"')) + 1;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function check(file: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, 'check', file, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function firstFailure(r: Run): { line: number; result: string } {
  const report = JSON.parse(r.stdout) as { summary: { firstFailure?: { line: number; result: string } } };
  assert.ok(report.summary.firstFailure !== undefined, r.stdout.slice(0, 400));
  return report.summary.firstFailure;
}

describe('reliability: bad and huge input (CLI)', function () {
  this.timeout(180_000);
  let dir: string;
  const write = (name: string, content: string | Uint8Array): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  before(() => {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-reliability-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the seed itself fails at %9 (the reference for the variants below)', () => {
    const r = check(write('seed.mlir', SEED_TEXT), '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(firstFailure(r), { ...firstFailure(r), line: SEED_FAILURE_LINE, result: '%9' });
  });

  const notMlir: readonly (readonly [string, string | Uint8Array, RegExp])[] = [
    [
      'prose.txt',
      fs.readFileSync(path.join(ROOT, 'test/fixtures/reliability/prose.txt'), 'utf8'),
      /no MLIR operations found/,
    ],
    ['data.json', '{"name": "resnet", "layers": [1, 2, 3], "meta": {"dtype": "bf16"}}\n', /no MLIR operations found/],
    [
      'kernel.cpp',
      '#include <cstdint>\nint main() {\n  uint32_t cb = 0;\n  return cb;\n}\n',
      /no MLIR operations found/,
    ],
    ['empty.mlir', '', /no MLIR operations found/],
    ['blank.mlir', '\n\n   \n// only a comment\n', /no MLIR operations found/],
    ['random.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), /binary file/],
    ['model.mlirbc', Uint8Array.from([0x4d, 0x4c, 0xef, 0x52, 0x06, 0x01, 0x02]), /MLIR bytecode/],
  ];
  for (const [name, content, reason] of notMlir) {
    it(`${name}: exit 2 with one line saying why`, () => {
      const r = check(write(name, content));
      assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
      assert.match(r.stderr, reason);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('a directory and a missing file: exit 2 with one line', () => {
    for (const [file, reason] of [
      [dir, /is a directory/],
      [path.join(dir, 'nope.mlir'), /no such file/],
    ] as const) {
      const r = check(file);
      assert.equal(r.status, 2);
      assert.match(r.stderr, reason);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('CRLF line endings give the same verdict, line and column as LF', () => {
    const lf = check(write('lf.mlir', SEED_TEXT), '--format', 'json');
    const crlf = check(write('crlf.mlir', SEED_TEXT.replace(/\n/g, '\r\n')), '--format', 'json');
    assert.equal(crlf.status, 1, crlf.stderr);
    const strip = (s: string) => s.replace(/"file":"[^"]*"/g, '');
    assert.equal(strip(crlf.stdout), strip(lf.stdout));
  });

  it('non-UTF-8 bytes in a comment: a one-line warning, and the overflow is still found', () => {
    const latin1 = Buffer.concat([
      Buffer.from('// Gr\xfc\xdfe aus M\xfcnchen\n', 'latin1'),
      Buffer.from(SEED_TEXT, 'utf8'),
    ]);
    const r = check(write('latin1.mlir', latin1), '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /not valid UTF-8/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.deepEqual(firstFailure(r), { ...firstFailure(r), line: SEED_FAILURE_LINE + 1, result: '%9' });
  });

  it('valid non-ASCII UTF-8 reads as the ASCII text does: the same report, no warning', () => {
    // ASCII input is read as Latin-1 (text/decode.ts); a text with one non-ASCII character takes the UTF-8 decoder.
    const ascii = check(write('ascii.mlir', SEED_TEXT), '--format', 'json');
    const comment = '// Grüße aus München, 東京 😀\n';
    const utf8 = check(write('utf8.mlir', Buffer.from(SEED_TEXT + comment, 'utf8')), '--format', 'json');
    assert.equal(utf8.status, 1, utf8.stderr);
    assert.equal(utf8.stderr, '');
    const strip = (s: string) => s.replace(/"file":"[^"]*"/g, '');
    assert.equal(strip(utf8.stdout), strip(ascii.stdout));
  });

  it('a UTF-8 BOM is not an error', () => {
    const r = check(write('bom.mlir', '\ufeff' + SEED_TEXT), '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(firstFailure(r).result, '%9');
  });

  it('a 50 MB {-# dialect_resources #-} blob after the module is skipped, not parsed', () => {
    const blob = `0x04000000${'AB'.repeat(25_000_000)}`;
    const text = `${SEED_TEXT}\n{-#\n  dialect_resources: {\n    builtin: {\n      conv_weight: "${blob}"\n    }\n  }\n#-}\n`;
    assert.ok(text.length > 50_000_000);
    const r = check(write('blob.mlir', text), '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(firstFailure(r), { ...firstFailure(r), line: SEED_FAILURE_LINE, result: '%9' });
  });

  it('binary bytes spliced into the middle of a real file: exit 2, not a crash', () => {
    const bytes = Buffer.from(SEED_TEXT, 'utf8');
    const spliced = Buffer.concat([
      bytes.subarray(0, 5000),
      Buffer.from([0, 1, 2, 0xff, 0xfe, 0]),
      bytes.subarray(5000),
    ]);
    const r = check(write('spliced.mlir', spliced));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /binary file \(NUL byte at offset 5000\)/);
  });

  it('a ~30 MB generated dump is analysed completely', () => {
    // bench/generate.ts writes ~220 B per op: 140,000 ops is ~30 MB.
    const text = generateTtnnModule({ nOps: 140_000, seed: 7 });
    assert.ok(text.length > 25_000_000, `${text.length}`);
    const r = check(write('dump30.mlir', text), '--format', 'json');
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const report = JSON.parse(r.stdout) as { ops: unknown[] };
    // Every generated op is a top-level op of @main or the const-eval function (get_device and deallocates included).
    assert.ok(report.ops.length >= 140_000, `${report.ops.length} ops`);
  });

  it('a file too big for the JS heap: exit 2 with the NODE_OPTIONS to use, not a V8 out-of-memory abort', () => {
    // ~12 MB needs ~380 MB of heap at 32 B per input byte; a 200 MB old space cannot hold it.
    const text = generateTtnnModule({ nOps: 55_000, seed: 3 });
    const file = write('heap.mlir', text);
    const r = spawnSync(process.execPath, ['--max-old-space-size=200', CLI, 'check', file], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr.slice(0, 2000));
    assert.match(r.stderr, /needs about [\d.]+ GB of JavaScript heap.*NODE_OPTIONS=--max-old-space-size=\d+/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr.slice(0, 2000));
  });

  (process.env.RUN_SLOW_TESTS === '1' ? it : it.skip)(
    'a 500 MB dump: analysed, or refused with one line (RUN_SLOW_TESTS=1)',
    function () {
      this.timeout(1_800_000);
      const file = path.join(dir, 'dump500.mlir');
      // Written in pieces so the test itself never holds 500 MB of text: one generated module per ~25 MB, split markers between.
      const fd = fs.openSync(file, 'w');
      let bytes = 0;
      for (let i = 0; bytes < 500_000_000; i++) {
        const part = generateTtnnModule({ nOps: 80_000, seed: 100 + i });
        fs.writeSync(fd, (i === 0 ? '' : '\n// -----\n') + part);
        bytes += part.length;
      }
      fs.closeSync(fd);
      const r = check(file, '--format', 'json');
      if (r.status === 2) {
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr.slice(0, 2000));
      } else {
        assert.ok(r.status === 0 || r.status === 1, r.stderr.slice(0, 2000));
        assert.ok((JSON.parse(r.stdout) as { ops: unknown[] }).ops.length > 1_000_000);
      }
    },
  );
});

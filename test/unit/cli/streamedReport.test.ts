/**
 * The CLI's lazy report (cli/report.ts): `writeJsonReport` streams the same bytes `JSON.stringify` gives for the whole
 * report object (the JSON contract is byte-for-byte), in chunks; the text renderer given the lazy report (records of
 * the ops on a diagnostic's line only) prints what it prints from the whole one.
 */

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileReport, lazyFileReport, lazyView, writeJsonReport } from '../../../server/src/cli/report';
import { renderText } from '../../../server/src/cli/render';
import { analyzeDocument, diagnostics, runtimeLogFindings } from '../../../server/src/features';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { generateTtnnModule } from '../../../bench/generate';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), 'utf8');

// The seed (an overflow, not-reached ops, related information), a public-thread reproducer, and a
// generated 2,000-op dump (illegal, unmodeled and not-reached ops; a report of several chunks).
const FILES: readonly [string, () => string][] = [
  ['mochi_replicate_pad.mlir', () => read('examples/mochi_replicate_pad.mlir')],
  ['concat_tt-metal-43893.mlir', () => read('test/fixtures/threads/concat_tt-metal-43893.mlir')],
  ['generated-2000.mlir', () => generateTtnnModule({ nOps: 2000, seed: 1 })],
];

/**
 * The report streamed into chunks. A sink that keeps each chunk (as a pipe's queued write does) must get chunks that
 * are never written into again; a sink done with each (a copy here, a file's synchronous write in the CLI) lets the
 * writer reuse its buffer. Both must give the same bytes.
 */
function streamed(report: ReturnType<typeof lazyFileReport>): { text: string; chunks: number } {
  const kept: Uint8Array[] = [];
  writeJsonReport(report, (c) => {
    kept.push(c);
    return 'kept';
  });
  const copied: Buffer[] = [];
  writeJsonReport(report, (c) => {
    copied.push(Buffer.from(c));
    return 'done';
  });
  const text = Buffer.concat(kept).toString('utf8');
  assert.equal(Buffer.concat(copied).toString('utf8'), text, 'a reused buffer gives the same bytes');
  return { text, chunks: kept.length };
}

describe('cli/report: the streamed JSON report', () => {
  for (const [file, text] of FILES) {
    it(`${file}: streamed JSON equals JSON.stringify of the whole report; the text is the same from both`, () => {
      const doc = analyzeDocument(text(), DEFAULT_ANALYSIS_SETTINGS);
      const list = diagnostics(doc);
      assert.ok(list.length > 0, 'a file with diagnostics, so the notes under them are exercised');
      const whole = fileReport(file, doc.analysis, list, doc.lineIndex);
      const lazy = lazyFileReport(file, doc.analysis, list, doc.lineIndex);
      const out = streamed(lazy);
      assert.equal(out.text, JSON.stringify(whole) + '\n');
      // A report past one chunk is written in several, never as one string.
      if (out.text.length > 1 << 17) assert.ok(out.chunks > 1, `${out.chunks} chunk(s)`);
      assert.equal(renderText(lazy, list, doc.lineIndex), renderText(whole, list, doc.lineIndex));
    });
  }

  it('with runtime-log findings (observed records on every op)', () => {
    const doc = analyzeDocument(read('examples/mochi_replicate_pad.mlir'), DEFAULT_ANALYSIS_SETTINGS);
    const findings = runtimeLogFindings(doc, read('test/fixtures/logs/seed_mochi.log'), 'seed.log');
    const observed = new Map(
      [...doc.analysis.functions.entries()].flatMap(([, fa]) =>
        fa.ops.map((o) => [`${fa.fn.name}/${o.index}`, { message: `seen ${o.index}` }] as const),
      ),
    );
    const list = [...diagnostics(doc), ...findings.diagnostics].sort((a, b) => a.range.start - b.range.start);
    const whole = fileReport('seed.mlir', doc.analysis, list, doc.lineIndex, observed);
    assert.equal(
      streamed(lazyFileReport('seed.mlir', doc.analysis, list, doc.lineIndex, observed)).text,
      JSON.stringify(whole) + '\n',
    );
    assert.ok(whole.ops.length > 0 && whole.ops.every((o) => o.observed !== undefined));
  });

  it('op, function and model names kept as bytes per distinct text: past the bound of 4,096, quoted and escaped', () => {
    // 4,200 functions of one op each (more distinct function names than the writer keeps bytes for), every other one
    // with a quoted symbol name that JSON escapes (a quote and a backslash) or writes as UTF-8 (é).
    const layout =
      '#l = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x4xf32, #ttnn.buffer_type<dram>>, <interleaved>>';
    const fns = Array.from({ length: 4200 }, (_, i) => {
      const name = i % 2 === 0 ? `@f${i}` : `@"f ${i} \\\\ \\" é"`;
      const op = i % 3 === 0 ? 'ttnn.relu' : 'ttnn.exp';
      return `func.func ${name}(%arg0: tensor<4xf32, #l>) -> tensor<4xf32, #l> {\n  %0 = "${op}"(%arg0) : (tensor<4xf32, #l>) -> tensor<4xf32, #l>\n  return %0 : tensor<4xf32, #l>\n}`;
    });
    const doc = analyzeDocument([layout, ...fns].join('\n'), DEFAULT_ANALYSIS_SETTINGS);
    const list = diagnostics(doc);
    const whole = fileReport('many.mlir', doc.analysis, list, doc.lineIndex);
    assert.equal(whole.ops.length, 4200);
    assert.ok(whole.ops.some((o) => o.function.includes('é')));
    assert.equal(
      streamed(lazyFileReport('many.mlir', doc.analysis, list, doc.lineIndex)).text,
      JSON.stringify(whole) + '\n',
    );
  });

  it('citations kept as bytes per distinct text: past the bound of 4,096, quoted and escaped', () => {
    const doc = analyzeDocument(generateTtnnModule({ nOps: 2000, seed: 1 }), DEFAULT_ANALYSIS_SETTINGS);
    const list = diagnostics(doc);
    // Every estimate and rejection made its own object with citations of its own (more distinct texts than the writer
    // keeps bytes for), each also citing two texts every record repeats: one JSON escapes, one written as UTF-8.
    let n = 0;
    const cited = (own: number): string[] => [
      ...Array.from({ length: own }, () => `tt-metal citation ${n++} past the short-text length of the writer`),
      'a "quoted" \\ citation every record repeats, past the short-text length',
      'tt-metal é→𝄞 citation every record repeats, past the short-text length',
    ];
    const analysis = {
      ...doc.analysis,
      functions: doc.analysis.functions.map((fa) => ({
        ...fa,
        ops: fa.ops.map((opA) => {
          const est = opA.estimate;
          if (est.kind === 'estimate') return { ...opA, estimate: { ...est, citations: cited(10) } };
          if (est.kind === 'illegal') return { ...opA, estimate: { ...est, citation: cited(1)[0]! } };
          return opA;
        }),
      })),
    };
    assert.ok(n > 4096, `${n} distinct citations`);
    const whole = fileReport('cited.mlir', analysis, list, doc.lineIndex);
    assert.equal(
      streamed(lazyFileReport('cited.mlir', analysis, list, doc.lineIndex)).text,
      JSON.stringify(whole) + '\n',
    );
  });

  it('a record longer than a chunk, with characters of 2, 3 and 4 UTF-8 bytes, is written whole and intact', () => {
    const doc = analyzeDocument(read('examples/mochi_replicate_pad.mlir'), DEFAULT_ANALYSIS_SETTINGS);
    const whole = fileReport('seed.mlir', doc.analysis, diagnostics(doc), doc.lineIndex);
    // 300,000 UTF-16 units of é (2 bytes), → (3 bytes) and 𝄞 (4 bytes, a surrogate pair): past any chunk size.
    const reason = 'é→𝄞'.repeat(75_000);
    const long = { ...whole, ops: whole.ops.map((o, i) => (i === 1 ? { ...o, reason } : o)) };
    const out = streamed(lazyView(long));
    assert.equal(out.text, JSON.stringify(long) + '\n');
    assert.ok(out.chunks >= 3, `${out.chunks} chunk(s): before, the long record, after`);
  });
});

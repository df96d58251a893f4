/**
 * L1 features on the seed example (examples/mochi_replicate_pad.mlir). Expected figures come from the seed's own
 * tt-metal message (9,990,400 B at core (7,6), max L1 1,499,136 B), its system_desc (base 102,656 B) and its text.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codeActionsAt } from '../../../server/src/features/codeActions';
import { codeLenses } from '../../../server/src/features/codeLens';
import { diagnostics } from '../../../server/src/features/diagnostics';
import {
  analyzeDocument,
  DEFAULT_ANALYSIS_SETTINGS,
  type AnalysisSettings,
} from '../../../server/src/features/documentAnalysis';
import { hoverAt, opBreakdownAt } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { fileSummary, timeline } from '../../../server/src/features/timeline';
import { rangeOf } from './fixture';
import { positionAt } from '../../support/positions';
import { checkDiagnostics, checkHover, markedAt } from '../../support/checks';

const SEED = fs.readFileSync(path.join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');
const doc = (settings: Partial<AnalysisSettings> = {}) =>
  analyzeDocument(SEED, { ...DEFAULT_ANALYSIS_SETTINGS, ...settings });

/** `%9 = "ttnn.to_layout"` as written in the seed: the squiggle range. */
function head(result: string, opName: string): { start: number; end: number } {
  return rangeOf(SEED, `${result} = "${opName}"`);
}

/** 1-based line of an offset in the seed, as messages print it. */
const lineNumberAt = (offset: number): number => positionAt(SEED, offset).line + 1;

describe('features on the seed example', () => {
  it('reports %9 to_layout as the Error tt-metal throws at, in tt-metal words, with the bytes from the log', () => {
    const errors = diagnostics(doc()).filter((d) => d.severity === 'error');
    assert.strictEqual(errors.length, 1);
    const e = errors[0]!;
    assert.deepStrictEqual(e.range, head('%9', 'ttnn.to_layout'));
    assert.strictEqual(e.code, 'l1-cb-overflow');
    assert.ok(
      e.message.includes(
        'circular buffers on core (7,6) grow to 9,990,400 B which is beyond max L1 size of 1,499,136 B',
      ),
      e.message,
    );
    // 9,990,400 - 102,656 = 9,887,744 B of CBs: two CBs of 2,414 pages x 2,048 B (2 x 4,943,872).
    assert.ok(e.message.includes('allocates c_0 + c_16 = 9,887,744 B (9.89 MB) per core'), e.message);
  });

  it('points the Error at the producer chain (the reshape that made 4x4884480) and the Python source line', () => {
    const e = diagnostics(doc()).find((d) => d.severity === 'error')!;
    const reshape = e.related.find((r) => r.message.startsWith('%8 ttnn.reshape'));
    assert.ok(reshape !== undefined);
    assert.deepStrictEqual(reshape.target, { kind: 'range', range: head('%8', 'ttnn.reshape') });
    assert.ok(reshape.message.includes('4x4884480xbf16'));
    // %9 has loc(#loc7); #loc7 = loc("aten__index_workaround"(#loc2)); #loc2 = single_ops.py:16:0.
    assert.deepStrictEqual(e.related.find((r) => r.target.kind === 'file')?.target, {
      kind: 'file',
      file: 'tests/torch/models/mochi/single_ops.py',
      line: 16,
      column: 0,
    });
  });

  it('marks later overflowing ops (%10 embedding) as not reached, pointing back at %9, with the severity setting', () => {
    const later = diagnostics(doc()).filter((d) => d.code === 'l1-overflow-not-reached');
    assert.ok(later.length >= 1);
    const embedding = later.find((d) => d.range.start === head('%10', 'ttnn.embedding').start);
    assert.ok(embedding !== undefined);
    assert.strictEqual(embedding.severity, 'warning');
    assert.ok(
      embedding.message.startsWith(
        `Not reached: execution stops at %9 ttnn.to_layout (line ${lineNumberAt(head('%9', 'ttnn.to_layout').start)})`,
      ),
      embedding.message,
    );
    assert.deepStrictEqual(embedding.related[0]?.target, { kind: 'range', range: head('%9', 'ttnn.to_layout') });
    const hinted = diagnostics(doc({ notReachedSeverity: 'hint' })).filter((d) => d.code === 'l1-overflow-not-reached');
    assert.ok(hinted.every((d) => d.severity === 'hint'));
  });

  it('adds "no L1 model" information by default (ttnnL1.noModelInfo) and none when the setting is off', () => {
    // Every op of the seed has a model now; rename its permute to an op without one.
    const text = SEED.replace('"ttnn.permute"', '"ttnn.op_without_a_model"');
    const docOf = (settings: Partial<AnalysisSettings>) =>
      analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ...settings });
    assert.strictEqual(diagnostics(docOf({ noModelInfo: false })).filter((d) => d.code === 'no-l1-model').length, 0);
    assert.strictEqual(
      diagnostics(doc()).filter((d) => d.code === 'no-l1-model').length,
      0,
      'the seed itself is fully modeled',
    );
    const infos = diagnostics(docOf({})).filter((d) => d.code === 'no-l1-model');
    assert.ok(infos.length > 0);
    assert.ok(infos.every((d) => d.severity === 'information' && d.message.startsWith('No L1 model for ttnn.')));
  });

  it('hovers %9 with a compact verdict (fits the default hover box), the full table one command away', () => {
    const at = SEED.indexOf('%9 =') + 1;
    const hover = hoverAt(doc(), at)!;
    assert.deepStrictEqual(hover.range, head('%9', 'ttnn.to_layout'));
    const lines = hover.markdown.split('\n');
    assert.strictEqual(
      lines[0],
      '**%9 ttnn.to_layout** — tt-metal throws here: CB region 9,990,400 B > 1,499,136 B on core (7,6)',
    );
    // Short: no table, no paragraph twice, every line within what a hover shows unwrapped-ish, a handful of lines.
    assert.ok(!hover.markdown.includes('|---|'), hover.markdown);
    assert.ok(lines.length <= 10, `${lines.length} lines`);
    assert.ok(
      lines.every((l) => l.length <= 200),
      lines.find((l) => l.length > 200),
    );
    // %9 overflows: its diagnostic (shown in the same box) says why, so the hover does not repeat it; an op that fits
    // (%6, the tilize) says why in its hover.
    assert.ok(!lines.some((l) => l.startsWith('Why: ')));
    assert.ok(
      hoverAt(doc(), SEED.indexOf('%6 =') + 1)!
        .markdown.split('\n')
        .some((l) => l.startsWith('Why: ')),
    );
    assert.equal(new Set(lines.filter((l) => l !== '')).size, lines.filter((l) => l !== '').length, 'no line repeated');
    assert.strictEqual(hover.breakdownAt, SEED.indexOf('%9 ='));
    const breakdown = opBreakdownAt(doc(), at)!;
    for (const row of [
      '| input 0 | `%8` 4x4884480xbf16 tile, dram interleaved; padded 32x4884480; 152,640 tiles (#ttnn_layout5) |',
      '| CB c_0 (input) | 2,414 x 2,048 B = 4,943,872 B on cliff_col_row (1 core) |',
      '| CB bytes per core | 9,887,744 B (9.89 MB) on (7,6); worst 9,924,608 B (9.92 MB) |',
    ]) {
      assert.ok(breakdown.includes(row), `missing ${row}\n${breakdown}`);
    }
    assert.ok(breakdown.includes('base 102,656 B (system_desc)'));
  });

  it('hovers a function argument (definition and use) with its tensor and L1 residency', () => {
    for (const at of [SEED.indexOf('%arg2:') + 2, SEED.indexOf('(%arg2)') + 2]) {
      checkHover(
        markedAt(SEED, at),
        '**%arg2** — argument of `@main`: 1x768x4x60x106xbf16 row_major, dram interleaved\n\nnot resident in L1',
      );
    }
  });

  it('hovers an alias use with its definition', () => {
    checkHover(
      markedAt(SEED, SEED.indexOf('#ttnn_layout6>') + 2),
      '```mlir\n#ttnn_layout6 = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x4884480xbf16, #dram>, <interleaved>>\n```',
    );
  });

  it("hover texts of the seed's failing op and of an op that fits (gold files; figures checked above)", () => {
    checkHover(markedAt(SEED, SEED.indexOf('%9 =') + 1), { gold: 'hover/seed-9-to_layout.md' });
    checkHover(markedAt(SEED, SEED.indexOf('%6 =') + 1), { gold: 'hover/seed-6-to_layout.md' });
  });

  it("diagnostics text of the seed (gold file; the first failure's figures are checked above from tt-metal's log)", () => {
    checkDiagnostics(SEED, { gold: 'diagnostics/seed.txt' });
  });

  it('shows inlay hints only for ops in the visible range, short and before the op name by default', () => {
    const d = doc();
    const nine = head('%9', 'ttnn.to_layout');
    const hints = inlayHints(d, { start: nine.start, end: nine.end });
    // 9,990,400 B (tt-metal's region end for %9) = 9.99 MB in decimal megabytes.
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['✗ 9.99 MB'],
    );
    assert.strictEqual(SEED.slice(hints[0]!.offset, hints[0]!.offset + 16), '"ttnn.to_layout"');
    assert.strictEqual(hints[0]!.padding, 'right');
    assert.deepStrictEqual(inlayHints(d, { start: 0, end: SEED.indexOf('module @') }), []);
  });

  it('with position end and verbosity full: the CB region end vs L1 size after the op', () => {
    const d = doc();
    const nine = head('%9', 'ttnn.to_layout');
    const hints = inlayHints(d, { start: nine.start, end: nine.end }, { position: 'end', verbosity: 'full' });
    // 9,990,400 B = 9.99 MB; 1,499,136 B = 1.50 MB (decimal megabytes).
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      ['CB 9.99 MB > 1.50 MB'],
    );
    assert.strictEqual(SEED.slice(hints[0]!.offset - 10, hints[0]!.offset), 'loc(#loc7)');
    assert.strictEqual(hints[0]!.padding, 'left');
  });

  it("puts a code lens on each function; @main's names the op tt-metal throws at first with its figure, then the peak and the overflow count", () => {
    const d = doc();
    const lenses = codeLenses(d);
    assert.strictEqual(lenses.length, 2);
    assert.deepStrictEqual(lenses[0]!.range, rangeOf(SEED, '@main_const_eval_0'));
    const main = lenses.find((l) => SEED.slice(l.range.start, l.range.end) === '@main')!;
    assert.strictEqual(main.range.start, SEED.indexOf('@main('));
    // tt-metal's message for %9: "grow to 9990400 B which is beyond max L1 size of 1499136 B".
    assert.ok(
      main.title.startsWith(
        '✗ tt-metal throws at %9 ttnn.to_layout: 9,990,400 B (9.99 MB) > 1,499,136 B (1.50 MB) · peak',
      ),
      main.title,
    );
    const nOverflowing = fileSummary(d).overflowCount;
    assert.ok(main.title.endsWith(`· ${nOverflowing} ops overflow`), main.title);
    assert.ok(nOverflowing >= 2);
  });

  it('summarises the file and lays out the timeline in op order', () => {
    const d = doc();
    const summary = fileSummary(d);
    // Usable L1 = 1,499,136 - 102,656 = 1,396,480 B per core.
    assert.strictEqual(summary.limitBytesPerCore, 1_396_480);
    const t = timeline(d);
    // Entry functions first, then the const-eval function @main's load_cached runs.
    assert.deepStrictEqual(
      t.functions.map((f) => f.name),
      ['@main', '@main_const_eval_0'],
    );
    const nine = t.functions[0]!.ops.find((p) => p.result === '%9')!;
    assert.strictEqual(nine.offset, head('%9', 'ttnn.to_layout').start);
    assert.strictEqual(nine.overflows, true);
    assert.strictEqual(t.l1UnreservedBase, 102_656);
  });

  it('shows one L1 figure everywhere: the base plus CBs plus live L1 tensors, as a share of L1 size', () => {
    const d = doc();
    const summary = fileSummary(d);
    // The seed's system_desc: base 102,656 B, L1 1,499,136 B (tt-metal's "max L1 size").
    assert.strictEqual(summary.l1SizeBytes, 1_499_136);
    assert.strictEqual(summary.peakL1InUseBytes, 102_656 + summary.peakL1BytesPerCore!);
    const pct = (bytesAboveBase: number) => `${Math.round(((102_656 + bytesAboveBase) / 1_499_136) * 100)}%`;
    // A fitting op: its inlay label and hover headline give the same share.
    const fitting = d.analysis.functions
      .flatMap((f) => f.ops)
      .find((o) => o.estimate.kind === 'estimate' && o.overflow === undefined && o.peakL1BytesPerCore > 20_000)!;
    assert.ok(fitting !== undefined);
    const label = inlayHints(d, { start: 0, end: SEED.length }).find(
      (h) => h.label.includes('L1 ') && h.tooltip.startsWith(`${fitting.op.resultNames[0]} `),
    );
    const headline = hoverAt(d, fitting.op.range.start + 1)!.markdown.split('\n')[0]!;
    assert.ok(headline.includes(`L1 ${pct(fitting.peakL1BytesPerCore)} of L1`), headline);
    assert.ok(label !== undefined);
    assert.ok(label.label.includes(`L1 ${pct(fitting.peakL1BytesPerCore)}`), label.label);
    // The code lens peak is the same definition.
    const main = codeLenses(d).find((l) => l.functionName === '@main')!;
    const peak = d.analysis.functions.find((f) => f.fn.name === '@main')!.peak!;
    assert.ok(main.title.includes(`(${pct(peak.bytesPerCore)} of L1)`), main.title);
  });
});

describe('features/diagnostics on small files', () => {
  it('reports a result layout that cannot be decoded (undefined alias) as layout-invalid', () => {
    const l =
      '#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>';
    const text = `#dram = #ttnn.buffer_type<dram>\n${l}\nmodule {\n  func.func @main(%arg0: tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #nope> {\n    %0 = "ttnn.relu"(%arg0) : (tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #nope>\n    return %0 : tensor<32x32xbf16, #nope>\n  }\n}\n`;
    const found = diagnostics(analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS)).filter(
      (d) => d.code === 'layout-invalid',
    );
    assert.deepStrictEqual(
      found.map((d) => [d.severity, d.range]),
      [['warning', rangeOf(text, '%0 = "ttnn.relu"')]],
    );
    assert.ok(found[0]!.message.includes('undefined layout alias #nope'), found[0]!.message);
  });

  it('turns syntax errors into syntax-error diagnostics and keeps going', () => {
    const text = 'module {\n  func.func @main() {\n    %0 = "ttnn.relu"(%arg0 : () -> ()\n    return\n  }\n}\n';
    const found = diagnostics(analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS));
    const errors = found.filter((d) => d.severity === 'error');
    assert.ok(errors.length > 0 && errors.every((d) => d.code === 'syntax-error'));
    // The relu the parser recovered has no readable operands: an op without a model, never an error.
    assert.ok(
      found
        .filter((d) => d.severity !== 'error')
        .every((d) => d.code === 'no-l1-model' && d.severity === 'information'),
    );
  });
});

describe('features on // ----- split files', () => {
  // Two chunks, each with an @main; only the second one's %9 overflows (the seed's chain). Diagnostics, the first
  // failure and code actions must land in the second chunk, not on the first @main's op with the same index.
  const seedText = fs.readFileSync(path.join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');
  const relus = Array.from(
    { length: 12 },
    (_, i) =>
      `    %${i + 1} = "ttnn.relu"(%${i === 0 ? 'arg0' : i}) : (tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #l>`,
  ).join('\n');
  const small = [
    '#dram = #ttnn.buffer_type<dram>',
    '#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
    'module {',
    '  func.func @main(%arg0: tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #l> {',
    relus,
    '    return %12 : tensor<32x32xbf16, #l>',
    '  }',
    '}',
  ].join('\n');
  const text = `${small}\n// -----\n${seedText}`;
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const second = text.indexOf('// -----');

  it("puts the Error on the second chunk's %9", () => {
    const errors = diagnostics(doc).filter((d) => d.severity === 'error');
    assert.strictEqual(errors.length, 1);
    assert.ok(errors[0]!.range.start > second, 'the error is in the second chunk');
    assert.strictEqual(text.slice(errors[0]!.range.start, errors[0]!.range.start + 2), '%9');
    assert.match(errors[0]!.message, /9,990,400 B/);
  });

  it("offers the second chunk's fixes, editing only the second chunk", () => {
    const error = diagnostics(doc).find((d) => d.severity === 'error')!;
    const actions = codeActionsAt(doc, error.range);
    assert.ok(actions.length > 0);
    for (const a of actions)
      for (const e of a.edits.filter((x) => x.target === 'self')) assert.ok(e.range.start > second, a.title);
  });
});

describe('layout verifier rules (corpus layout_encoding.mlir, a tt-mlir negative test)', () => {
  // Each `// -----` case has `// CHECK: error: <verifier text>` on the line before the op ttmlir-opt reports it on.
  const file = path.join(__dirname, '../../fixtures/corpus/test/ttmlir/Dialect/TTNN/layout_encoding.mlir');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const expected = lines.flatMap((l, i) => {
    const m = /CHECK: error: (.*?)\.?$/.exec(l);
    return m === null ? [] : [{ line: i + 2, message: m[1]! }];
  });
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);

  it("reports each case on the op after its CHECK line, in the verifier's words", () => {
    assert.strictEqual(expected.length, 3);
    const found = diagnostics(doc).filter((d) => d.code === 'layout-invalid');
    assert.deepStrictEqual(
      found.map((d) => doc.lineIndex.position(d.range.start).line + 1),
      expected.map((e) => e.line),
    );
    found.forEach((d, k) =>
      assert.ok(d.message.includes(expected[k]!.message), `${d.message} / ${expected[k]!.message}`),
    );
  });

  it('gives each to_layout no number, saying tt-mlir rejects the layout and what tt-metal would make of it', () => {
    const reasons = doc.analysis.functions.flatMap((f) =>
      f.ops.flatMap((o) => (o.estimate.kind === 'unmodeled' ? [o.estimate.reason] : [])),
    );
    assert.strictEqual(reasons.length, 3);
    reasons.forEach((r, k) => {
      assert.ok(r.startsWith("tt-mlir's TTNNLayoutAttr verifier rejects the result layout"), r);
      assert.ok(r.includes(expected[k]!.message), r);
      assert.ok(r.includes('no tt-metal program runs'), r);
    });
    // What tt-metal would do differs per rule: host tensors take no L1; shards need a shard spec; a device memory
    // config always names a layout.
    assert.match(reasons[0]!, /takes no L1/);
    assert.match(reasons[1]!, /shard spec/);
    assert.match(reasons[2]!, /interleaved by default/);
  });

  it('does not apply the core_range_set rule to older grids with maps (sharded layouts before tt-mlir PR #8127)', () => {
    const old = fs.readFileSync(
      path.join(__dirname, '../../fixtures/corpus/history/5122b71de2/test/ttmlir/EmitC/TTNN/models/mnist_sharded.mlir'),
      'utf8',
    );
    assert.deepStrictEqual(
      diagnostics(analyzeDocument(old, DEFAULT_ANALYSIS_SETTINGS)).filter((d) => d.code === 'layout-invalid'),
      [],
    );
  });
});

/**
 * Failure points besides L1 overflows: an op tt-metal rejects (`op-illegal`, a TT_FATAL in its validation) in
 * execution order with the overflows, and overflows that depend on the tt-metal build inside the window
 * (`l1-overflow-build-dependent`). Fixtures are seed variants (test/support/seedVariants.ts); the seed's figures come
 * from tt-metal's own message (9,990,400 B on core (7,6)).
 */

import { strict as assert } from 'assert';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { fileReport } from '../../../server/src/cli/report';
import { parse } from '../../../server/src/mlir/parser';
import { CHANGE_POINTS, changePointText, dayBefore } from '../../../server/src/estimate/changePoints';
import { renderSarif } from '../../../server/src/cli/render';
import { analyzeDocument, diagnostics, hoverAt, opBreakdownAt, type Diagnostic } from '../../../server/src/features';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../../../server/src/features/documentAnalysis';
import { fileSummary } from '../../../server/src/features/timeline';
import { estimateOp } from '../../../server/src/estimate/registry';
import { op, tensor, whContext } from '../estimate/build';
import { ILLEGAL_RELU_ONLY, SEED, seedInStraddlingWindow, seedWithIllegalRelu } from '../../support/seedVariants';

const RULE = 'Unary operation requires input to be on Device';
const RULE_SOURCE = 'unary_device_operation.cpp@019b681';

function analyse(text: string, settings: Partial<AnalysisSettings> = {}) {
  const doc = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ...settings });
  return { doc, diags: diagnostics(doc) };
}

function at(text: string, diags: readonly Diagnostic[], head: string): Diagnostic[] {
  const start = text.indexOf(head);
  assert.ok(start >= 0, head);
  return diags.filter((d) => d.range.start === start);
}

describe('legality: ops tt-metal rejects', () => {
  it('a unary op on a host tensor is illegal, with the rule and its citation; on a device tensor it is estimated', () => {
    const host = tensor([64, 1024], { buffer: 'system_memory' });
    const r = estimateOp(op('ttnn.relu', [host], [tensor([64, 1024])]), whContext());
    assert.equal(r.kind, 'illegal');
    assert.ok(r.kind === 'illegal' && r.rule.startsWith(RULE) && r.citation.includes(RULE_SOURCE));
    assert.equal(estimateOp(op('ttnn.relu', [tensor([64, 1024])], [tensor([64, 1024])]), whContext()).kind, 'estimate');
  });

  it('the first failure in execution order may be an illegal op: %4 relu throws, the overflow at %9 is not reached', () => {
    const text = seedWithIllegalRelu();
    const { doc, diags } = analyse(text);
    const first = doc.analysis.firstFailure!;
    const main = doc.analysis.functions[first.functionIndex]!;
    assert.deepEqual(main.ops[first.opIndex]!.op.resultNames, ['%4']);
    assert.equal(first.overflow.kind, 'opIllegal');
    const [illegalDiag] = at(text, diags, '%4 = "ttnn.relu"');
    assert.equal(illegalDiag!.code, 'op-illegal');
    assert.equal(illegalDiag!.severity, 'error');
    assert.ok(illegalDiag!.message.startsWith('tt-metal will throw at %4 ttnn.relu'), illegalDiag!.message);
    assert.ok(
      illegalDiag!.message.includes(`TT_FATAL: ${RULE}`) && illegalDiag!.message.includes(RULE_SOURCE),
      illegalDiag!.message,
    );
    // %9 still overflows by tt-metal's 9,990,400 B, but execution stops at %4 first.
    const [nine] = at(text, diags, '%9 = "ttnn.to_layout"');
    assert.equal(nine!.code, 'l1-overflow-not-reached');
    assert.ok(nine!.message.startsWith('Not reached: execution stops at %4 ttnn.relu'), nine!.message);
    assert.ok(nine!.message.includes('9,990,400 B'));
    assert.equal(diags.filter((d) => d.severity === 'error').length, 1);
    const hover = hoverAt(doc, text.indexOf('%4 =') + 1)!;
    assert.ok(
      hover.markdown
        .split('\n')[0]!
        .includes(`tt-metal throws here: its validation rejects this configuration: ${RULE}`),
      hover.markdown,
    );
    assert.ok(opBreakdownAt(doc, text.indexOf('%4 =') + 1)!.includes(RULE_SOURCE));
  });

  it('the JSON says model "illegal" with the rule as reason and its citation, and counts it; SARIF carries op-illegal', () => {
    const text = seedWithIllegalRelu();
    const { doc, diags } = analyse(text);
    const report = fileReport('x.mlir', doc.analysis, diags, doc.lineIndex);
    const relu = report.ops.find((o) => o.result === '%4')!;
    assert.equal(relu.model, 'illegal');
    assert.ok(relu.reason!.startsWith(RULE));
    assert.ok(relu.citations!.some((c) => c.includes(RULE_SOURCE)));
    assert.equal(relu.overflow?.kind, 'opIllegal');
    assert.equal(relu.overflow?.status, 'first');
    assert.equal(relu.cbBytesPerCore, undefined);
    assert.equal(report.summary.illegalOpCount, 1);
    assert.equal(report.summary.firstFailure?.result, '%4');
    const sarif = JSON.parse(renderSarif([{ report, diagnostics: diags, positions: doc.lineIndex }], 'test')) as {
      runs: { results: { ruleId: string; level: string }[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'op-illegal');
    assert.equal(result?.level, 'error');
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((r) => r.id === 'op-illegal'));
  });

  it('a file whose only failure is an illegal op reports it as the first failure and no overflow', () => {
    const { doc, diags } = analyse(ILLEGAL_RELU_ONLY);
    const report = fileReport('x.mlir', doc.analysis, diags, doc.lineIndex);
    assert.deepEqual(
      [report.summary.overflowCount, report.summary.illegalOpCount, report.summary.firstFailure?.result],
      [0, 1, '%0'],
    );
    assert.ok(fileSummary(doc).verdict.includes('1 op tt-metal rejects'), fileSummary(doc).verdict);
  });
});

describe('build windows that straddle a change point flipping the verdict', () => {
  const text = seedInStraddlingWindow();
  // PR #35806 (sub-block untilize) is the change point inside the window that flips %9.
  const subBlock = CHANGE_POINTS['tilize-untilize-sub-block'].mergedOn;

  it('the window comes from the dump syntax and straddles tt-metal PR #35806', () => {
    const { doc } = analyse(text);
    assert.equal(doc.analysis.ttMetal.source, 'dump');
    // tt.function_type since 2026-01-19 less 21 days of uplift lag; memory_config until 2026-05-16.
    assert.deepEqual(doc.analysis.ttMetal.window, { earliest: '2025-12-29', latest: '2026-05-15' });
  });

  it('%9 overflows only before PR #35806: a Warning with the build-dependent code, not an Error and not silence', () => {
    const { doc, diags } = analyse(text);
    const [nine] = at(text, diags, '%9 = "ttnn.to_layout"');
    assert.equal(nine!.code, 'l1-overflow-build-dependent');
    assert.equal(nine!.severity, 'warning');
    assert.ok(
      nine!.message.includes(`on builds 2025-12-29..${dayBefore(subBlock)} tt-metal will throw at %9 ttnn.to_layout`),
      nine!.message,
    );
    assert.ok(nine!.message.includes('9,990,400 B'));
    assert.ok(nine!.message.includes(`fits only from ${changePointText('tilize-untilize-sub-block')}`), nine!.message);
    // It is not the first failure: the run may go on past it.
    const first = doc.analysis.firstFailure!;
    assert.notDeepEqual(doc.analysis.functions[first.functionIndex]!.ops[first.opIndex]!.op.resultNames, ['%9']);
    const report = fileReport('x.mlir', doc.analysis, diags, doc.lineIndex);
    const nineReport = report.ops.find((o) => o.result === '%9')!;
    assert.ok(nineReport.versionRange !== undefined);
    assert.deepEqual(nineReport.versionRange.changePoints, ['tilize-untilize-sub-block']);
    assert.deepEqual(
      nineReport.versionRange.figures.map((f) => f.window),
      [
        { earliest: '2025-12-29', latest: dayBefore(subBlock) },
        { earliest: subBlock, latest: '2026-05-15' },
      ],
    );
    assert.equal(nineReport.versionRange.figures[0]!.cbRegionEndBytes, 9_990_400);
    assert.ok(report.summary.buildDependentOverflowCount >= 1);
  });

  it('the hover shows the build window, how it was inferred, and the range of figures', () => {
    const { doc } = analyse(text);
    const md = hoverAt(doc, text.indexOf('%9 =') + 1)!.markdown;
    assert.ok(md.includes('tt-metal 2025-12..2026-05 (from the dump)'), md);
    // How it was inferred is in the full breakdown.
    const full = opBreakdownAt(doc, text.indexOf('%9 =') + 1)!;
    assert.ok(full.includes("tt-metal ≈ 2025-12-29..2026-05-15, from the dump's syntax: "), full);
    assert.ok(full.includes('`tt.function_type` function attributes'), full);
    const cp = changePointText('tilize-untilize-sub-block');
    assert.ok(/\d\.\d\d MB–9\.99 MB CB region end/.test(md), md);
    assert.ok(md.includes(`CB region end depending on tt-metal build (${cp}); fits only from ${cp}`), md);
    assert.ok(md.split('\n')[0]!.includes('overflows on some tt-metal builds of the window'), md);
  });

  it('a date inside one sub-window gives the certain verdict: an Error before PR #35806, nothing after', () => {
    const before = analyse(text, { ttMetalDate: dayBefore(subBlock) });
    assert.equal(at(text, before.diags, '%9 = "ttnn.to_layout"')[0]?.code, 'l1-cb-overflow');
    const after = analyse(text, { ttMetalDate: subBlock });
    assert.equal(at(text, after.diags, '%9 = "ttnn.to_layout"').length, 0);
  });

  it('without any build information the worst build is assumed: an Error, with the figures per sub-window kept', () => {
    const a = analyzeModule(parse(SEED));
    assert.equal(a.ttMetal.source, 'none');
    // In the worst builds (before tt-metal PR #20189, change point reshape-tiled-native) the tiled reshape %8 already
    // runs untilize → row-major reshape → tilize with whole 9.8 MB rows: the first failure moves up to it.
    const first = a.firstFailure!;
    const fn = a.functions[first.functionIndex]!;
    assert.deepEqual(fn.ops[first.opIndex]!.op.resultNames, ['%8']);
    assert.equal(first.overflow.buildDependent, undefined);
    const nine = fn.ops.find((o) => o.op.resultNames[0] === '%9')!;
    assert.ok(nine.overflow !== undefined && nine.overflow.buildDependent === undefined);
    assert.ok(nine.estimate.kind === 'estimate' && nine.estimate.versionRange !== undefined);
    // The reported figure is the worst sub-window's: tt-metal's 9,990,400 B (before #35806) or more (older factories).
    const ends = nine.estimate.versionRange.figures.map((f) => f.cbRegionEndBytes ?? 0);
    assert.ok(ends.includes(9_990_400), ends.join(', '));
    assert.equal(nine.overflow.cbRegionEndBytes, Math.max(...ends));
  });
});

describe('ops without an L1 model', () => {
  it('are Information diagnostics by default, for device ops only; the summary never says "no op overflows"', () => {
    // Every op of the seed has a model now: an op name without one stands in for its permute.
    const { doc, diags } = analyse(SEED.replace('"ttnn.permute"', '"ttnn.op_without_a_model"'));
    const infos = diags.filter((d) => d.code === 'no-l1-model');
    assert.ok(infos.length > 0 && infos.every((d) => d.severity === 'information'));
    // No-program ops (get_device, deallocate, views) never get one.
    const noProgramStarts = new Set<number>();
    for (const fa of doc.analysis.functions)
      for (const o of fa.ops) if (o.estimate.kind === 'noProgram') noProgramStarts.add(o.op.range.start);
    assert.ok(noProgramStarts.size > 0);
    assert.ok(infos.every((d) => !noProgramStarts.has(d.range.start)));
    const summary = fileSummary(doc);
    assert.equal(summary.unmodeledOpCount, 1);
    assert.deepEqual(summary.unmodeledOpNames, ['ttnn.op_without_a_model']);
    assert.ok(
      summary.verdict.includes('1 op without an L1 model — cannot rule out an overflow: ttnn.op_without_a_model'),
      summary.verdict,
    );
    assert.ok(!summary.verdict.includes('no op overflows'));
  });

  it('a file whose only unmodeled op hides any overflow: "no modeled op overflows", never "no op overflows"', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#t = #ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 64 + d1 * 64 + d2, d3), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%arg0: tensor<1x1x64x64xbf16, #t>) -> tensor<1x1x64x64xbf16, #t> {
    %0 = "ttnn.unmodeled_device_op"(%arg0) : (tensor<1x1x64x64xbf16, #t>) -> tensor<1x1x64x64xbf16, #t>
    return %0 : tensor<1x1x64x64xbf16, #t>
  }
}
`;
    const { doc, diags } = analyse(text);
    assert.deepEqual(
      diags.filter((d) => d.code === 'no-l1-model').map((d) => d.severity),
      ['information'],
    );
    assert.equal(
      fileSummary(doc).verdict,
      'no modeled op overflows L1; 1 op without an L1 model — cannot rule out an overflow: ttnn.unmodeled_device_op',
    );
    assert.equal(analyse(text, { noModelInfo: false }).diags.filter((d) => d.code === 'no-l1-model').length, 0);
  });
});

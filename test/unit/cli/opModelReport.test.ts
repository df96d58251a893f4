/**
 * The OpModel-comparable figures of the CLI's JSON report (cli/report.ts), the hover and the text output: CBs on the
 * reported and the worst core and summed over core ranges, output and intermediate L1 tensors, the op's peak, zeros for
 * ops without a device program, absent fields for ops without a model. Expected figures are derived by hand from
 * tt-metal's formulas (arithmetic in comments), from tt-metal's own message for the seed, or read from the golden TSV.
 */

import { strict as assert } from 'assert';
import { fileReport, opReport, type OpReport } from '../../../server/src/cli/report';
import { renderText } from '../../../server/src/cli/render';
import { analyzeDocument, diagnostics, opBreakdownAt } from '../../../server/src/features';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { op, tensor } from '../estimate/build';
import { HEAD_BUILD_DATE, loadGolden, reportOf } from '../estimate/goldenCases/goldenRows';
import { CASES as CONV_CASES } from '../estimate/goldenCases/conv';
import { GELU_BW_L1, seedWithUnmodeledOp } from '../../support/seedVariants';

function seedReport() {
  const doc = analyzeDocument(seedWithUnmodeledOp(), DEFAULT_ANALYSIS_SETTINGS);
  return { doc, report: fileReport('seed.mlir', doc.analysis, diagnostics(doc), doc.lineIndex) };
}

const byResult = (ops: readonly OpReport[], result: string): OpReport => {
  const found = ops.find((o) => o.result === result);
  assert.ok(found !== undefined, result);
  return found;
};

describe('cli/report: OpModel terms', () => {
  it('a cliff split (seed %9, untilize block factory): CBs on the reported core ≠ worst core ≠ summed over ranges', () => {
    const { report } = seedReport();
    const o = byResult(report.ops, '%9');
    // tt-metal's message: region end 9,990,400 B on (7,6) with base 102,656: 9,887,744 B = 2 CBs x 2,414 tiles x 2,048 B.
    assert.equal(o.cbRegionEndBytes, 9_990_400);
    assert.equal(o.cbBytesPerCore, 9_990_400 - 102_656);
    // Block 2,423 tiles (untilize.ts worked example): full cores hold c_0 + c_16 = 2 x 2,423 x 2,048 = 9,924,608 B.
    assert.equal(o.worstCbBytesPerCore, 2 * 2_423 * 2_048);
    // Every CB created, one per core range: 2 x 2,414 x 2,048 + 2 x 2,423 x 2,048 = 9,887,744 + 9,924,608 = 19,812,352.
    assert.equal(o.cbBytesSummedOverRanges, 19_812_352);
    // Output in DRAM, no intermediates: the peak is the worst core's CBs.
    assert.equal(o.l1TensorBytesPerCore, 0);
    assert.equal(o.intermediateL1BytesPerCore, 0);
    assert.equal(o.peakL1BytesPerCore, 9_924_608);
    assert.ok(o.worstCore !== undefined && o.reportedCore !== undefined);
    assert.notDeepEqual(o.worstCore, o.reportedCore);
  });

  it('no-program ops say 0 (not absent); ops without a model have no figures at all (not 0, not null)', () => {
    const { report } = seedReport();
    const device = report.ops.find((o) => o.op === 'ttnn.get_device')!;
    assert.equal(device.model, 'noProgram');
    for (const field of [
      'cbBytesPerCore',
      'worstCbBytesPerCore',
      'cbBytesSummedOverRanges',
      'l1TensorBytesPerCore',
      'intermediateL1BytesPerCore',
      'peakL1BytesPerCore',
    ] as const) {
      assert.equal(device[field], 0, field);
    }
    const permute = byResult(report.ops, '%7');
    assert.equal(permute.model, 'unmodeled');
    const json = JSON.parse(JSON.stringify(permute)) as Record<string, unknown>;
    for (const field of [
      'cbBytesPerCore',
      'worstCbBytesPerCore',
      'cbBytesSummedOverRanges',
      'l1TensorBytesPerCore',
      'intermediateL1BytesPerCore',
      'peakL1BytesPerCore',
      'cbRegionEndBytes',
      'fits',
    ]) {
      assert.ok(!(field in json), `${field} present on an unmodeled op`);
    }
    assert.ok(typeof json['reason'] === 'string' && json['reason'].length > 0);
  });

  it('gelu_bw (tt-mlir HEAD GeluBackwardOp): figures from the TSV through the JSON', () => {
    const golden = loadGolden();
    const figure = (line: number, field: 'cb' | 'tensor' | 'output') =>
      golden.find((g) => g.file === 'Iface' && g.line === line && g.head)!.figures[field]!;
    const l1 = () => tensor([64, 1024], { buffer: 'l1' });
    const r = reportOf(
      op('ttnn.gelu_bw', [l1(), l1()], [l1()], { approximate: { kind: 'string', value: 'tanh' } }),
      HEAD_BUILD_DATE,
    );
    // c_0, c_1, c_2 of 2 bf16 tiles each: 3 x 2 x 2,048 = 12,288 = TSV Iface:4119.
    assert.equal(r.cbBytesSummedOverRanges, figure(4119, 'cb'));
    assert.equal(r.worstCbBytesPerCore, 12_288);
    // 64 tiles over 64 L1 banks = 1 tile = 2,048 B per core = TSV Iface:4121.
    assert.equal(r.l1TensorBytesPerCore, figure(4121, 'output'));
    // HEAD's graph query counts the L1 inputs it materialises: grad + input + output = 3 x 2,048 = TSV Iface:4092.
    assert.equal(r.liveL1TensorBytesPerCore! + r.intermediateL1BytesPerCore!, figure(4092, 'tensor'));
    assert.equal(r.intermediateL1BytesPerCore, 0);
    assert.equal(r.peakL1BytesPerCore, 12_288 + 2_048);
  });

  it('intermediate L1 tensors of an estimate count in intermediateL1BytesPerCore and the peak', () => {
    // The record of a real op, with an intermediate tensor added to its estimate (gelu_bw allocates none).
    const doc = analyzeDocument(GELU_BW_L1, DEFAULT_ANALYSIS_SETTINGS);
    const opA = doc.analysis.functions[0]!.ops[0]!;
    assert.equal(opA.estimate.kind, 'estimate');
    const withScratch = { ...opA, estimate: { ...opA.estimate, l1IntermediateBytesPerCore: 4_096 } } as typeof opA;
    const r = opReport('@main', withScratch, doc.analysis, doc.lineIndex);
    assert.equal(r.intermediateL1BytesPerCore, 4_096);
    // 12,288 CBs + 2,048 output + 4,096 intermediate.
    assert.equal(r.peakL1BytesPerCore, 12_288 + 2_048 + 4_096);
  });

  it("a conv2d over a DRAM input: the tensor term is the intermediates' peak, tt-mlir OpModel's 61,796 B within 20 B", () => {
    // TestOpModelInterface.cpp@b73fc81 line 2808 (tt-metal f4163c2): EXPECT_EQ(l1PeakSize, 61796) for conv2d
    // 1x1x50176x3 → 64, k7 s2 p3, DRAM in and out. The DRAM path's intermediates: the resharded input (14,336 B),
    // freed once the halo has read it, the halo output (33,104 B) and the output shard (28,672 B), held while the conv
    // runs. Held at once: 14,336 + 33,104 = 47,440 while the halo runs, then 33,104 + 28,672 = 61,776 B; their sum,
    // 76,112 B, would be 14,316 B above tt-mlir's figure. By hand, height sharding on 56 cores: output 112·112 =
    // 12,544 pixels = 392 tile rows, 7 a core, × 2 channel tiles = 14 tiles · 2,048 = 28,672 B; input 50,176 / 56 =
    // 896 sticks of 3 channels padded to 8 bf16 = 16 B: 14,336 B; the halo of a core's 2 output rows (stride 2, padded
    // width 230) spans padded sticks 0 .. 8·230 + 228 (the last window's bottom-right) = 2,069 sticks · 16 = 33,104 B.
    const conv = CONV_CASES.find((c) => c.file === 'Iface' && c.line === 2808)!;
    const r = reportOf(conv.build());
    assert.equal(r.l1TensorBytesPerCore, 0);
    assert.equal(r.intermediateL1BytesPerCore, 33_104 + 28_672);
    assert.ok(Math.abs(r.intermediateL1BytesPerCore! - 61_796) <= 20);
    assert.equal(r.peakL1BytesPerCore, r.worstCbBytesPerCore! + 33_104 + 28_672);
  });

  it('the full breakdown (linked from the hover) and the text output carry the OpModel terms line', () => {
    const doc = analyzeDocument(GELU_BW_L1, DEFAULT_ANALYSIS_SETTINGS);
    const breakdown = opBreakdownAt(doc, GELU_BW_L1.indexOf('"ttnn.gelu_bw"') + 2)!;
    // 12,288 CBs + 2,048 output = 14,336.
    assert.ok(breakdown.includes('OpModel terms: cb 12,288 · tensor 2,048 · total 14,336'), breakdown);
    const { doc: seedDoc, report } = seedReport();
    const seedBreakdown = opBreakdownAt(seedDoc, seedDoc.text.indexOf('%9 =') + 1)!;
    assert.ok(
      seedBreakdown.includes(
        'OpModel terms: cb 9,924,608 · tensor 0 · total 9,924,608 (CBs summed over core ranges: 19,812,352)',
      ),
      seedBreakdown,
    );
    const text = renderText(report, diagnostics(seedDoc), seedDoc.lineIndex);
    assert.ok(
      text.includes(
        '  note: OpModel terms: cb 9,924,608 · tensor 0 · total 9,924,608 (CBs summed over core ranges: 19,812,352)',
      ),
      text,
    );
  });

  it('summed equals per-core for a factory that puts the same CBs on every core (binary add)', () => {
    const l1 = () => tensor([64, 1024], { buffer: 'l1' });
    const r = reportOf(op('ttnn.add', [l1(), l1()], [l1()]));
    // c_0, c_1, c_2 of 2 bf16 tiles: 12,288 on every core, one range.
    assert.deepEqual([r.cbBytesPerCore, r.worstCbBytesPerCore, r.cbBytesSummedOverRanges], [12_288, 12_288, 12_288]);
  });
});

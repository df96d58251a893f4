/** Whole-module analysis: the seed's first failure, clash with L1 buffers, liveness, const-eval execution order. */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule, liveTensorsAt } from '../../../server/src/analysis/analyze';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';

const SEED = readFileSync(join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');
// The seed's tt-metal builds as its syntax dates them (the CLI's `auto`); with no window at all, 2025-01 builds without
// tt-metal PR #17790's block factory would be the worst case.
const SEED_BUILD = { ttMetal: inferBuildWindow(SEED) };

describe('analysis/analyzeModule', () => {
  it('seed: %9 to_layout is the first failure at 9,990,400 B on (7,6); %10 embedding is not reached', () => {
    const a = analyzeModule(parse(SEED), SEED_BUILD);
    assert.equal(a.device.l1UnreservedBase, 102_656);
    assert.equal(a.device.l1SizeBytes, 1_499_136);
    assert.equal(a.device.source, 'system_desc');
    // Usable per core: 1,499,136 − 102,656.
    assert.equal(a.limitBytesPerCore, 1_396_480);
    const first = a.firstFailure;
    assert.ok(first !== undefined);
    const main = a.functions.find((f) => f.fn.name === '@main');
    assert.ok(main !== undefined);
    const failing = main.ops[first.opIndex];
    assert.deepEqual(failing.op.resultNames, ['%9']);
    assert.equal(failing.op.name, 'ttnn.to_layout');
    assert.equal(first.overflow.kind, 'cbBeyondL1');
    assert.equal(first.overflow.status, 'first');
    assert.equal(first.overflow.cbRegionEndBytes, 9_990_400);
    assert.deepEqual(first.overflow.core, [7, 6]);
    assert.equal(
      first.overflow.message,
      'Statically allocated circular buffers on core range [(x=7,y=6) - (x=7,y=6)] grow to 9990400 B which is beyond max L1 size of 1499136 B',
    );
    const embedding = a.overflows.find((o) => main.ops[o.opIndex].op.resultNames[0] === '%10');
    assert.ok(embedding !== undefined, 'embedding overflow reported');
    assert.equal(embedding.overflow.status, 'notReached');
    // Only one 'first'.
    assert.equal(a.overflows.filter((o) => o.overflow.status === 'first').length, 1);
  });

  it('a build after tt-metal PR #35806 and #42548: in newer builds %9 (sub-blocks) and %10 (1 MiB chunks) fit', () => {
    const a = analyzeModule(parse(SEED), {
      ttMetal: { window: { earliest: '2026-06-01', latest: '2026-06-01' }, source: 'configured', how: 'test' },
    });
    const main = a.functions.find((f) => f.fn.name === '@main')!;
    const byResult = (r: string) => main.ops.find((o) => o.op.resultNames[0] === r)!;
    assert.equal(byResult('%9').overflow, undefined);
    // Embedding: one 1,048,576 B chunk + 8 x 32 B of indices: 102,656 + 1,048,576 + 256 = 1,151,488.
    const emb = byResult('%10').estimate;
    assert.ok(emb.kind === 'estimate' && emb.cbRegionEndBytes === 1_151_488, JSON.stringify(emb).slice(0, 200));
    assert.equal(byResult('%10').overflow, undefined);
  });

  it("split files: overflows land in their own chunk's @main and calls resolve within the chunk", () => {
    const seedMain = SEED;
    const small = `#dram = #ttnn.buffer_type<dram>
#t = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x32x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
func.func @main(%arg0: tensor<64x1024xbf16, #t>) -> tensor<64x1024xbf16, #t> {
  %0 = "ttnn.relu"(%arg0) : (tensor<64x1024xbf16, #t>) -> tensor<64x1024xbf16, #t>
  return %0 : tensor<64x1024xbf16, #t>
}`;
    const a = analyzeModule(parse(`${seedMain}\n// -----\n${small}`));
    const mains = a.functions.map((f, i) => [f.fn.name, f.fn.chunkIndex, i]).filter(([n]) => n === '@main');
    assert.deepEqual(
      mains.map(([, c]) => c),
      [0, 1],
    );
    assert.ok(a.firstFailure !== undefined);
    assert.equal(a.firstFailure.functionIndex, mains[0][2]);
    assert.equal(
      a.functions[a.firstFailure.functionIndex].ops[a.firstFailure.opIndex].overflow,
      a.firstFailure.overflow,
    );
    assert.ok(a.functions[Number(mains[1][2])].ops.every((o) => o.overflow === undefined));
  });

  const CLASH = `#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#big = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x256x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#idx = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x6xui32, #dram>, <interleaved>>
#w = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x600000xbf16, #dram>, <interleaved>>
#o = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 6 + d1, d2), <1x1>, memref<6x600000xbf16, #dram>, <interleaved>>
func.func @main(%arg0: tensor<4096x4096xbf16, #big>, %arg1: tensor<1x6xui32, #idx>, %arg2: tensor<4x600000xbf16, #w>) -> tensor<4096x4096xbf16, #big> {
  %0 = "ttnn.embedding"(%arg1, %arg2) : (tensor<1x6xui32, #idx>, tensor<4x600000xbf16, #w>) -> tensor<1x6x600000xbf16, #o>
  "ttnn.deallocate"(%0) <{force = false}> : (tensor<1x6x600000xbf16, #o>) -> ()
  return %arg0 : tensor<4096x4096xbf16, #big>
}`;

  it('detects CBs clashing with live L1 buffers (no system desc: n150 preset)', () => {
    const a = analyzeModule(parse(CLASH));
    assert.equal(a.device.source, 'preset');
    const main = a.functions[0];
    // %arg0: 4096x4096 bf16 = 16,384 tiles over 64 banks = 256 tiles x 2,048 = 524,288 B per core, live throughout.
    assert.equal(main.ops[0].liveL1TensorBytesPerCore, 524_288);
    // Embedding: one 600,000-element bf16 row = 1,200,000 B page (single-buffered, 6 rows on 6 cores) + 8 x 32 B
    // of indices: end = 102,656 + 1,200,000 + 256 = 1,302,912 < 1,499,136 but > the lowest L1 buffer, which sits
    // under the 65,536 B L1_SMALL region (tt-mlir's runtime default) at 1,499,136 − 65,536 − 524,288 = 909,312.
    const o = main.ops[0].overflow;
    assert.ok(o !== undefined);
    assert.equal(o.kind, 'cbClashesWithL1Buffers');
    assert.equal(o.status, 'first');
    assert.equal(o.cbRegionEndBytes, 1_302_912);
    assert.equal(o.limitBytes, 909_312);
    assert.deepEqual(
      liveTensorsAt(main, 0).map((t) => [t.valueName, t.bytesPerCore]),
      [['%arg0', 524_288]],
    );
    assert.equal(main.peak?.bytesPerCore, 1_200_256 + 524_288);
  });

  it('usable-L1 cap only warns', () => {
    // The clash case without the big tensor: 1,200,256 B of CBs; cap 0.5 → budget 0.5 x 1,396,480 = 698,240.
    const text = CLASH.replace('%arg0: tensor<4096x4096xbf16, #big>, ', '')
      .replace('return %arg0 : tensor<4096x4096xbf16, #big>', 'return')
      .replace(' -> tensor<4096x4096xbf16, #big> {', ' {');
    const a = analyzeModule(parse(text), { usableL1Cap: 0.5 });
    assert.equal(a.limitBytesPerCore, 698_240);
    assert.equal(a.firstFailure, undefined);
    assert.equal(a.overflows[0]?.overflow.kind, 'overUsableCap');
    assert.equal(a.overflows[0]?.overflow.status, 'warning');
  });

  it('const-eval callees run where load_cached calls them; unreached functions are not the first failure', () => {
    const text = `#dram = #ttnn.buffer_type<dram>
#t = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x152640x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#r = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x4884480xbf16, #dram>, <interleaved>>
func.func @unused(%arg0: tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r> {
  %0 = "ttnn.to_layout"(%arg0) <{layout = #ttnn.layout<row_major>}> : (tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r>
  return %0 : tensor<4x4884480xbf16, #r>
}
func.func @main_const_eval_0(%arg0: tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r> attributes {const_eval} {
  %0 = "ttnn.to_layout"(%arg0) <{layout = #ttnn.layout<row_major>}> : (tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r>
  return %0 : tensor<4x4884480xbf16, #r>
}
func.func @main(%arg0: tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r> {
  %0 = ttcore.load_cached(@main_const_eval_0, [%arg0]) : (tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r>
  %1 = "ttnn.to_layout"(%arg0) <{layout = #ttnn.layout<row_major>}> : (tensor<4x4884480xbf16, #t>) -> tensor<4x4884480xbf16, #r>
  return %1 : tensor<4x4884480xbf16, #r>
}`;
    // The seed's op, for the seed's builds (its 9,990,400 B figure).
    const a = analyzeModule(parse(text), SEED_BUILD);
    const byName = new Map(a.functions.map((f) => [f.fn.name, f]));
    assert.equal(byName.get('@main_const_eval_0')?.ops[0].executionStep, 0);
    // @unused is also an entry (nobody calls it) but @main runs first, and @main calls the const-eval function first.
    assert.equal(a.firstFailure?.functionName, '@main_const_eval_0');
    assert.equal(a.overflows.filter((o) => o.overflow.status === 'first').length, 1);
    assert.ok(a.overflows.every((o) => o.overflow.cbRegionEndBytes === 9_990_400));
  });

  it('an op that allocates nothing (ttnn.deallocate) never "runs out of L1", though the tensors before it do', () => {
    // Two 8192x6144 bf16 tiled tensors in L1 interleaved over 64 cores: 49,152 tiles / 64 = 768 tiles = 1,572,864 B per
    // core each, over the 1,396,480 B above the n150 base: the empty that allocates the first already cannot fit.
    const text = `
#l1 = #ttnn.buffer_type<l1>
#layout = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<32x24x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
func.func @main() {
  %0 = "ttnn.get_device"() <{mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
  %1 = "ttnn.empty"(%0) <{layout = #ttnn.layout<tile>, shape = #ttnn.shape<8192x6144>}> : (!ttnn.device) -> tensor<8192x6144xbf16, #layout>
  "ttnn.deallocate"(%1) <{force = false}> : (tensor<8192x6144xbf16, #layout>) -> ()
  return
}`;
    const a = analyzeModule(parse(text));
    const ops = a.functions[0]!.ops;
    const empty = ops.find((o) => o.op.name === 'ttnn.empty')!;
    const dealloc = ops.find((o) => o.op.name === 'ttnn.deallocate')!;
    assert.equal(empty.overflow?.kind, 'l1BuffersExhausted');
    assert.equal(dealloc.overflow, undefined);
  });
});

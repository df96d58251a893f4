/**
 * ttnn.distributed_rms_norm (ops/distributedRmsNorm.ts): figures derived by hand from tt-metal's RMSAllGather factory
 * (rms_allgather_program_factory.cpp@0050300, the same CB sizes as multi_core/rms_allgather_pf.cpp@0055520) and the
 * fabric packet header of fabric_context.cpp / fabric_edm_packet_header.hpp@01656bf (48 B for a system no wider than 17
 * chips from tt-metal PR #34976, 64 B before). No public thread quotes a tt-metal figure for this op (tt-metal #38206,
 * 2026-02-20, is a crash of its stats CB, asserted as `illegal` below).
 *
 * Tile bytes: bf16 2,048, f32 4,096. CB order (creation): c_0 c_1 c_2 c_3 c_4 c_6 c_7 c_8 [c_12 c_5 bound] c_9 [c_10
 * bound] c_11 c_13 c_14 c_15 c_17* c_18* [c_19* bound] c_20 (* sender core only); every size below is a multiple of the
 * 32 B DRAM alignment but c_20's 2 B, which comes last, so the sender core's CB bytes are the plain sum.
 */

import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { DEVICE_VALUE, computeConfig, op, tensor, whContext } from './build';

const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

/** The op as tt-mlir prints it: (input, weight, residual, stats, semaphore, device) segments. */
function drms(
  input: TensorSpec,
  o: { weight?: TensorSpec; residual?: TensorSpec; stats?: TensorSpec; props?: Record<string, PropValue> } = {},
) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const operands = [
    input,
    ...(o.weight ? [o.weight] : []),
    ...(o.residual ? [o.residual] : []),
    ...(o.stats ? [o.stats] : []),
    DEVICE_VALUE,
  ];
  return op('ttnn.distributed_rms_norm', operands, [tensor(dims, { dtype: input.elementDtype })], {
    cluster_axis: { kind: 'int', value: 1, text: '1' },
    operandSegmentSizes: segments(1, o.weight ? 1 : 0, o.residual ? 1 : 0, o.stats ? 1 : 0, 0, 1),
    ...o.props,
  });
}

const weight = (n: number): TensorSpec => tensor([n / 32, 32], { page: 'row_major', buffer: 'dram' });

describe('estimate/distributedRmsNorm', () => {
  const after = whContext({ ttMetalDate: '2026-08-20' }); // tt-mlir 19c86fc's tt-metal pin (d5f9bc4)

  it("fused_rms_1_1_32_8192 from a DRAM input (tt-mlir's workaround sharding), fp32 default: 135,938 B on the sender core", () => {
    // Kt = 8192 / 32 = 256; the workaround's c = largest divisor of 256 ≤ min(64 cores, 256) = 64 → block_w 4, grid 8x8 →
    // two-stage (1 < 8 ≤ 8, 8 > 1), c_4 = 8 + 8 − 1 = 15 tiles. fp32 on (no compute_config: the workaround's default).
    // bf16 tiles: c_0, c_1, c_13, c_14 = 4·2,048 = 8,192; c_11 gamma 4·2,048 = 8,192.
    // f32 tiles: c_2, c_3, c_7 (f32 stats), c_9, c_17, c_18 = 6·4,096 = 24,576; c_4 15·4,096 = 61,440;
    // c_6, c_15 = 2·4·4,096 = 32,768. c_8 16·48 = 768; c_20 2.
    // 8,192 + 8,192 + 24,576 + 61,440 + 32,768 + 768 + 2 = 135,938.
    const e = estimateOf(estimateOp(drms(tensor([1, 1, 32, 8192]), { weight: weight(8192) }), after));
    assert.equal(e.cbBytesPerCore, 135_938);
    assert.equal(e.nCoresUsed, 64);
    assert.equal(e.confidence, 'approx');
    assert.match(e.approxReason, /workaround/);
    assert.match(e.approxReason, /48 B fabric packet headers/);
    // The workaround's input and output shards (4 bf16 tiles each) and the f32 stats tile on core (0, 0).
    assert.equal(e.l1IntermediateBytesPerCore, 2 * 4 * 2048 + 4096);
  });

  it('before tt-metal PR #34976 the 16 packet headers are 64 B each: +16·16 = 136,194 B', () => {
    const before = whContext({ ttMetalDate: '2025-12-20' });
    const e = estimateOf(estimateOp(drms(tensor([1, 1, 32, 8192]), { weight: weight(8192) }), before));
    assert.equal(e.cbBytesPerCore, 135_938 + 16 * (64 - 48));
  });

  it('fp32 accumulation off by compute_config: bf16 intermediates and stats, 76,546 B', () => {
    // bf16 everywhere: c_0, c_1, c_13, c_14 8,192 + c_11 8,192 + c_2, c_3, c_7, c_9, c_17, c_18 6·2,048 = 12,288
    // + c_4 15·2,048 = 30,720 + c_6, c_15 2·4·2,048 = 16,384 + c_8 768 + c_20 2 = 76,546.
    const e = estimateOf(
      estimateOp(
        drms(tensor([1, 1, 32, 8192]), { weight: weight(8192), props: { compute_config: computeConfig(false) } }),
        after,
      ),
    );
    assert.equal(e.cbBytesPerCore, 76_546);
  });

  it('a residual adds only shard-bound CBs (c_21, c_22, c_12, c_5): same figure', () => {
    const e = estimateOf(
      estimateOp(drms(tensor([1, 1, 32, 8192]), { weight: weight(8192), residual: tensor([1, 1, 32, 8192]) }), after),
    );
    assert.equal(e.cbBytesPerCore, 135_938);
    assert.ok(e.cbs.some((c) => c.cbIndex === 'c_21' && c.tensorBacked));
  });

  it('ops tt-mlir decomposes first (no weight, 64 rows) run its programs; at tt-mlir 19c86fc all_gather is unmodeled', () => {
    // The decomposed programs: distributedRmsNormDecomposed.test.ts. On this build all_gather's factories (tt-metal PR
    // #48301) are not modeled, so the op is not either, never a number.
    for (const o of [drms(tensor([1, 1, 32, 128])), drms(tensor([1, 1, 64, 128]), { weight: weight(128) })]) {
      const r = estimateOp(o, after);
      assert.equal(r.kind, 'unmodeled');
      assert.match(
        r.kind === 'unmodeled' ? r.reason : '',
        /^tt-mlir's decomposition runs it.*all_gather of the statistics/,
      );
    }
  });

  it('a width-sharded input whose block_w is not ⌈Kt / cores⌉ is illegal (validate)', () => {
    // 1x1x32x256: Kt 8 on grid 1x2 → shard 4 tiles; a 1x4 grid with 4-tile shards (16 tiles) does not match.
    const ws = tensor([1, 1, 32, 256], { buffer: 'l1', mem: 'width_sharded', grid: [1, 4] });
    const bad: TensorSpec = {
      ...ws,
      layout: { ...(ws.layout as Extract<typeof ws.layout, { kind: 'layout' }>), shardShape: [1, 4] },
    };
    const r = estimateOp(drms(bad, { weight: weight(256) }), after);
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /block_w must equal to K \/ num_cores/);
  });

  it('tt-metal #38206 (2026-02-20): bf16 stats with fp32 accumulation crash the c_19 CB → illegal', () => {
    const stats = tensor([1, 1, 32, 32], { buffer: 'l1', mem: 'width_sharded' });
    const r = estimateOp(
      drms(tensor([1, 1, 32, 8192]), { weight: weight(8192), stats, props: { compute_config: computeConfig(true) } }),
      after,
    );
    assert.equal(r.kind, 'illegal');
    assert.match(r.kind === 'illegal' ? r.rule : '', /Cannot set circular buffer size/);
  });

  it('tt-mlir distributed_rms_norm_allocate_buffers.mlir (19c86fc, test/fixtures/ccl): 60,162 B on core (0,0)', () => {
    // 1x1x32x128 bf16 width-sharded on (0,0)-(3,0): Kt 4, 4 cores, block_w 1, grid 4x1 (no two-stage: y = 1) → c_4
    // ⌈4 / 1⌉ = 4 tiles. compute_config fp32 on. Sender core (0,0):
    // bf16: c_0, c_1, c_11 (row-major bf16 gamma), c_13, c_14 = 5·2,048 = 10,240;
    // f32: c_2, c_3, c_6, c_7, c_9, c_15, c_17, c_18 = 8·4,096 = 32,768; c_4 4·4,096 = 16,384; c_8 16·48 = 768; c_20 2.
    // 10,240 + 32,768 + 16,384 + 768 + 2 = 60,162. The build window starts with the op (tt-mlir PR #7022, 2026-02-19),
    // after PR #34976: 48 B headers.
    const text = fs.readFileSync(
      path.join(__dirname, '../../fixtures/ccl/distributed_rms_norm_allocate_buffers.mlir'),
      'utf8',
    );
    const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    assert.ok(analysis.ttMetal.window.earliest >= '2026-01-29', analysis.ttMetal.window.earliest);
    const rec = analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.distributed_rms_norm')!;
    const e = estimateOf(rec.estimate);
    assert.equal(e.cbBytesPerCore, 60_162);
    assert.deepEqual(e.worstCore, [0, 0]);
    assert.equal(e.nCoresUsed, 4);
    // No stats operand yet (the input of --ttnn-allocate-distributed-op-buffers): its f32 tile is counted on core (0,0).
    assert.equal(e.l1IntermediateBytesPerCore, 4096);
  });
});

/**
 * ttnn.distributed_rms_norm ops that tt-mlir's TTNNDecomposition rewrites (ops/distributedRmsNormDecomposed.ts): the
 * programs of DistributedRMSNormDecompositionRewritePattern.cpp per tt-mlir build (@30d4578 PR #7752, @d25e839 PR #8351,
 * @d21e289 PR #8798), and tt-metal's RMSAllGather validate (rms_allgather_device_operation.cpp@982cd40) before it.
 * Figures derived by hand below from the factories the steps follow:
 *   rms_norm_pre_all_gather (layernorm_pre_all_gather_program_factory.cpp@5b9c671 / @05ddaab): input 2·Wt tiles,
 *     reduce scaler 1, x² 2·Wt, output 1 (bf16 with fp32 accumulation off, tt-mlir passing no compute config);
 *   tiled reshape (reshape_tiled_program_factory.cpp@fdefd7c): mapping page 16·(M + M mod 16) B, M = the widest output
 *     tile's segment-map entries, plus one input and one output tile.
 * bf16 tile 2,048 B. Every figure is approx (the device count is not in the types; all_gather's fabric headers).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../../server/src/estimate/types';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { DEVICE_VALUE, op, tensor, whContext } from './build';

const segments = (...sizes: number[]): PropValue => ({ kind: 'ints', values: sizes });

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

/** The op as tt-mlir prints it: (input, weight, residual, stats, semaphore, device) segments; DRAM interleaved. */
function drms(input: TensorSpec, o: { weight?: TensorSpec; residual?: TensorSpec } = {}) {
  const dims = input.shape.kind === 'known' ? input.shape.dims : [];
  const operands = [input, ...(o.weight ? [o.weight] : []), ...(o.residual ? [o.residual] : []), DEVICE_VALUE];
  return op('ttnn.distributed_rms_norm', operands, [tensor(dims, { buffer: 'dram' })], {
    cluster_axis: { kind: 'int', value: 1, text: '1' },
    epsilon: { kind: 'float', value: 1e-5 },
    operandSegmentSizes: segments(1, o.weight ? 1 : 0, o.residual ? 1 : 0, 0, 0, 1),
  });
}

const dram = (dims: number[]): TensorSpec => tensor(dims, { buffer: 'dram' });
const weight1d = (n: number): TensorSpec => tensor([n], { buffer: 'dram' });

/** The step labels of a composite's factoryReason, in order. */
function stepLabels(e: { factoryReason: string }): string[] {
  const list = /^\d+ programs run in turn \((.*)\); the (?:largest|first past L1) is /.exec(e.factoryReason)?.[1] ?? '';
  return list.split('; ').map((s) => s.split(': ')[0]!);
}

describe('estimate/distributedRmsNormDecomposed', () => {
  const preAllGatherEra = whContext({ ttMetalDate: '2026-06-10' }); // tt-mlir PR #8351 (05-29) .. PR #8798 (06-17)
  const statsScaleEra = whContext({ ttMetalDate: '2026-06-20' }); // from PR #8798, before all_gather's rewrite (07-02)

  it('1x1x64x128 bf16 with a weight (the corpus shape): the rms_norm_pre_all_gather program is the largest, 36,864 B', () => {
    // Wt = 128 / 32 = 4. rms_norm_pre_all_gather: input 2·4·2,048 = 16,384 + scaler 2,048 + x² 2·4·2,048 = 16,384 +
    // output 2,048 = 36,864. all_gather of [1,1,64,32]: c_0 3 · min(scatter chunks, ⌊4,352 / 2,048⌋ = 2) = 6 tiles =
    // 12,288. Every other step (stats reshapes, slice, mean, eltwise on [.., 1] rows and the x-wide multiplies) is below.
    const e = estimateOf(estimateOp(drms(dram([1, 1, 64, 128]), { weight: weight1d(128) }), preAllGatherEra));
    assert.equal(e.worstCbBytesPerCore, 36_864);
    assert.equal(e.factory, 'LayerNormPreAllGatherProgramFactory');
    assert.match(
      e.factoryReason,
      /all_gather of the statistics: AllGatherProgram \(all_gather_async minimal default\) 12288 B/,
    );
    assert.deepEqual(stepLabels(e), [
      'rms_norm_pre_all_gather',
      'all_gather of the statistics',
      'reshape stats',
      'slice column 0',
      'flatten stats',
      'mean over devices',
      'add epsilon',
      'rsqrt',
      'normalize (x · inv_rms)',
      'apply weight',
    ]);
    assert.equal(e.confidence, 'approx');
    assert.match(
      e.approxReason,
      /devices along cluster_axis are unknown \(no get_device mesh_shape or ttcore\.device meshShape states the op's mesh\): the op's figure is the same for every count from 2 to 32/,
    );
    // DRAM stats: no L1 tensor between the programs.
    assert.equal(e.l1IntermediateBytesPerCore ?? 0, 0);
  });

  it('from tt-mlir PR #8798 the averaged stats are scaled by 1 / W first: one more program, same figure', () => {
    const e = estimateOf(estimateOp(drms(dram([1, 1, 64, 128]), { weight: weight1d(128) }), statsScaleEra));
    assert.equal(e.worstCbBytesPerCore, 36_864);
    const labels = stepLabels(e);
    assert.equal(labels.length, 11);
    assert.deepEqual(labels.slice(5, 8), ['mean over devices', 'scale by 1 / W', 'add epsilon']);
  });

  it('a residual adds the add program first; no weight drops the last multiply', () => {
    const withResidual = estimateOf(
      estimateOp(
        drms(dram([1, 1, 64, 128]), { weight: weight1d(128), residual: dram([1, 1, 64, 128]) }),
        statsScaleEra,
      ),
    );
    assert.equal(stepLabels(withResidual)[0], 'add residual');
    const noWeight = estimateOf(estimateOp(drms(dram([1, 1, 32, 128])), statsScaleEra));
    assert.equal(stepLabels(noWeight).at(-1), 'normalize (x · inv_rms)');
    assert.match(noWeight.approxReason, /no weight/);
  });

  it('rank 3 is reshaped to rank 4 around the decomposition (PR #8351): views, no program', () => {
    const e = estimateOf(estimateOp(drms(dram([1, 64, 128])), statsScaleEra));
    const labels = stepLabels(e);
    assert.equal(labels[0], 'reshape input to rank 4');
    assert.equal(labels.at(-1), 'reshape result back');
    assert.match(e.factoryReason, /reshape input to rank 4: no program/);
  });

  it('a narrow input makes the device count matter: the [.., n] flatten reshape at 32 devices, 20,480 B', () => {
    // 1x1x64x32: Wt = 1, pre_all_gather 2·2,048 + 2,048 + 2·2,048 + 2,048 = 12,288.
    // Flatten [1,1,64,n,1] → [1,1,64,n]; rank-3 views: input (64, n, 1): one tile per plane c, its n valid elements in
    // rows 0..n−1 of column 0; output (1, 64, n). Output tile rows r = 0..31 each take n elements of input plane r,
    // from rows 0..n−1: faced offsets step by 16 (a row), never by one, so every element opens a segment: n segments
    // per input tile, 32 input tiles → M = 32·n. At n = 32: M = 1,024, c_0 = 16·(1,024 + 0) = 16,384, + 2 tiles =
    // 20,480. At n = 16: 16·512 + 4,096 = 12,288; n = 2: 16·64 + 4,096 = 5,120. The largest is at n = 32, above
    // pre_all_gather and the x-wide multiplies (8 bf16 tiles, 16,384).
    const e = estimateOf(estimateOp(drms(dram([1, 1, 64, 32]), { weight: weight1d(32) }), statsScaleEra));
    assert.equal(e.worstCbBytesPerCore, 20_480);
    assert.match(e.factoryReason, /the (largest|first past L1) is flatten stats/);
    assert.match(e.approxReason, /the largest figure over 2\.\.32 devices, at 32/);
  });

  describe('on a known mesh (n = the devices along cluster_axis 1)', () => {
    const onMesh = (rows: number, cols: number) => ({
      ...drms(dram([1, 1, 64, 32]), { weight: weight1d(32) }),
      mesh: { shape: [rows, cols] as const, source: 'device operand' as const, range: { start: 0, end: 0 } },
    });

    it('mesh 1x2: n = 2, the flatten is 5,120 B; the x-wide multiplies (16,384 B) are the largest', () => {
      // As above with n = 2: flatten M = 32·2 = 64 segments, 16·(64 + 64 mod 16) + 2·2,048 = 5,120; pre_all_gather
      // 12,288; all_gather 3·2 tiles = 12,288; x · inv_rms and · weight (binary_ng, b broadcast over W): c_0, c_1, c_2
      // and c_6 of 2 bf16 tiles = 8·2,048 = 16,384. The unknown-mesh figure was 20,480 (n = 32).
      const e = estimateOf(estimateOp(onMesh(1, 2), statsScaleEra));
      assert.equal(e.worstCbBytesPerCore, 8 * 2048);
      assert.match(e.factoryReason, /flatten stats: ReshapeTiledProgramFactory 5120 B/);
      assert.match(e.approxReason, /^2 devices along cluster_axis 1 \(mesh 1x2\); /);
    });

    it('mesh 4x32: n = 32, the same 20,480 B flatten as the unknown-mesh worst case', () => {
      const e = estimateOf(estimateOp(onMesh(4, 32), statsScaleEra));
      assert.equal(e.worstCbBytesPerCore, 16 * 1024 + 2 * 2048);
      assert.match(e.approxReason, /^32 devices along cluster_axis 1 \(mesh 4x32\)/);
    });

    it('mesh 2x1: one device along axis 1: the all_gather folds away, unmodeled with why', () => {
      const r = estimateOp(onMesh(2, 1), statsScaleEra);
      assert.equal(r.kind, 'unmodeled');
      assert.match(
        r.kind === 'unmodeled' ? r.reason : '',
        /1 device along cluster_axis 1 \(mesh 2x1\): .*AllGatherOp::fold/,
      );
    });

    it('each function of a dump is estimated for its own get_device mesh (1x2: 16,384 B; 1x32: 20,480 B)', () => {
      const text = readFileSync(join(__dirname, '../../fixtures/mesh/distributed_rms_norm_two_meshes.mlir'), 'utf8');
      const a = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-06-20' }).analysis;
      const figures = a.functions.map((f) => {
        const o = f.ops.find((x) => x.op.name === 'ttnn.distributed_rms_norm')!;
        return estimateOf(o.estimate).worstCbBytesPerCore;
      });
      // @two_devices (1x2), then @thirty_two_devices (1x32): the figures of the two tests above.
      assert.deepEqual(figures, [16_384, 20_480]);
    });
  });

  it('PR #7752 to #8351: the [.., 1] statistics make all_gather composite (padded dim): unmodeled with that reason', () => {
    const r = estimateOp(
      drms(dram([1, 1, 64, 128]), { weight: weight1d(128) }),
      whContext({ ttMetalDate: '2026-05-01' }),
    );
    assert.equal(r.kind, 'unmodeled');
    const reason = r.kind === 'unmodeled' ? r.reason : '';
    assert.match(reason, /^tt-mlir's decomposition runs it as separate programs \(second-to-last dim 64/);
    assert.match(reason, /all_gather of the statistics: the gather dim \(1\) is padded inside a tile/);
  });

  it("before tt-mlir PR #7752 the op reaches RMSAllGather as it stands: tt-metal's validate messages", () => {
    const early = whContext({ ttMetalDate: '2026-03-01' });
    const rule = (r: OpEstimateResult) => (r.kind === 'illegal' ? r.rule : `${r.kind}`);
    assert.match(
      rule(estimateOp(drms(dram([1, 1, 64, 128]), { weight: weight1d(128) }), early)),
      /^Input tensor shape does not meet the requirements set by this OP: input tensor shape must be \(1,1,32,M\)/,
    );
    assert.match(
      rule(estimateOp(drms(dram([1, 1, 32, 128])), early)),
      /^RMS all gather requires a weight which is row major/,
    );
    assert.match(rule(estimateOp(drms(dram([1, 64, 128])), early)), /^Input shape must be rank 4/);
  });

  it('a rank-3 (1, 32, M) op with a weight: decomposed before tt-mlir PR #8099, the fused kernel from it', () => {
    const o = drms(dram([1, 32, 128]), { weight: tensor([4, 32], { page: 'row_major', buffer: 'dram' }) });
    const before = estimateOp(o, whContext({ ttMetalDate: '2026-04-20' }));
    assert.equal(before.kind, 'unmodeled');
    assert.match(before.kind === 'unmodeled' ? before.reason : '', /rank 3 \(the fused path took rank-4 inputs only/);
    const fromIt = estimateOf(estimateOp(o, preAllGatherEra));
    assert.equal(fromIt.factory, 'RMSAllGather (fused_rms_minimal)');
  });
});

/**
 * L1 estimate for `ttnn.layer_norm` and `ttnn.rms_norm` on a width- or block-sharded tiled input
 * (LayerNormShardedProgramFactory, "LayerNormShardedMultiCoreProgramFactory" in older builds).
 *
 * How it is reached: tt-mlir's runtime calls ttnn::layer_norm / ttnn::rms_norm with program_config = nullopt [1]; from
 * change point 'layernorm-sharded-default-config' (tt-metal PR #34335) the entry point then derives
 * LayerNormShardedMultiCoreProgramConfig from the input's shard spec [2]: grid = the shard grid's bounding box,
 * subblock_w = 1, block_h = shard height / 32, block_w = shard width / 32, inplace = false. Before it the sharded
 * factory ran with subblock_w = 0 and divided by zero (earlier still, before PR #26149, the interleaved kernels ran on
 * the shards): unmodeled there.
 *
 * Validation [3]: a height-sharded input is rejected ("Height sharded inputs are not supported."), and a sharded input
 *   needs a sharded, not height-sharded, output ("Sharded inputs require sharded outputs.").
 *
 * Formula (tiles per core; im = Float32 tile with fp32 dest accumulation, else bf16; bh = block_h, bw = block_w):  [4][5]
 *   Kt = padded width / 32; mcast_1d = (all tile rows in one shard, i.e. width sharding);
 *   num_blocks = mcast_1d ? shard cores : grid x (row-major orientation);
 *   two-stage reduce when mcast_1d, row-major, the grid is rectangular (checked by the newest version [6], not by the
 *   inline factory [4]) and 1 < grid x ≤ compute grid x, grid y > 1;
 *   rows per all-to-all worker r = ⌈bh / (two-stage ? grid x : num_blocks)⌉;
 *   ext = two-stage ? grid x + grid y − 1 : ⌈Kt / bw⌉
 *   CBs, in creation order: c_0 input shard bh·bw·T(in) (globally allocated on the input: no CB-region bytes) ·
 *     c_5 gamma bw·T(gamma) · c_6 beta bw·T(beta) · c_24 x bh·bw im · c_18 x−E[x] bh·bw im ·
 *     layer_norm only: c_8 ex_partial bh im, c_9 ex bh im, c_10 ex_external ext im ·
 *     c_2 scaler, c_3 eps 1 bf16 each · c_4 global scaler 1 bf16, im from change point
 *     'layernorm-sharded-global-scaler-f32' (PR #41637) [7] · c_11 ex_partial2 bh im, c_12 ex2 bh im,
 *     c_13 ex_external2 ext im · c_20 ex2pe r im · c_15 ex_global bh im ·
 *     c_16 output shard bh·bw·T(out) (globally allocated on the output)
 *   cores: every core of the shard grid has the same CBs.
 * Worked example: rms_norm 1x1x32x4096 bf16, width-sharded on 8x4 = 32 cores, no gamma, fp32 acc off: bh = 1,
 *   bw = 4, Kt = 128, two-stage (x 8, y 4), ext = 11, r = 1: c_24 4 + c_18 4 + c_2/3/4 3 + c_11 1 + c_12 1 + c_13 11
 *   + c_20 1 + c_15 1 = 26 bf16 tiles = 53,248 B.
 *
 * Version axis: 'layernorm-sharded-default-config'; 'layernorm-fp32-acc-default' (layer_norm's default fp32 accumulation,
 *   the same entry point as the interleaved norm); 'layernorm-sharded-global-scaler-f32' (c_4's format [7]). The CB
 *   list was read at the 2025 inline factory and the 2026 helper split [4][5], whose sizes agree; the newest (Metal 2.0)
 *   port adds a column-mask CB (and a masked-input scratch for layer_norm) when the logical width is not a multiple of
 *   32 [6]: not modeled, so the estimate is approx. tt-mlir #8065 (2026-04-22) printed a region end of 675,104 B that
 *   this list gives exactly (c_4 bf16 with fp32 accumulation at that build; test/unit/analysis/threads.test.ts).
 *
 * References:
 *   [1] tt-mlir runtime/lib/ttnn/operations/normalization/rms_norm.cpp, layer_norm.cpp@19c86fc (program_config nullopt)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_types.hpp@d134b03
 *       (create_program_config(shard_spec)); PR #34335; PR #26149 and issue #26159 for the earlier behaviour
 *   [3] tt-metal …/layernorm/device/layernorm_device_operation.cpp (validate: height-sharded input, sharded output)
 *   [4] tt-metal …/layernorm/device/layernorm_op_multi_core_sharded.cpp (search-index version 282367713: CB sizes,
 *       num_blocks, two-stage reduce, ex_external)
 *   [5] tt-metal …/layernorm/device/sharded_layernorm_factory_helpers.cpp (search-index version 27338354386:
 *       CBSizeParams::compute, add_cb_descriptors order and globally allocated c_0 / c_16)
 *   [6] tt-metal …/layernorm/device/sharded_layernorm_factory_helpers.cpp@01507e4 (add_dataflow_buffer_specs)
 *   [7] tt-metal …/layernorm/device/sharded_layernorm_factory_helpers.cpp@7fb82fd (PR #41637: add_cb_descriptors' c_4
 *       Float32 when cb_data_format is Float32; one bf16 tile at 7fb82fd^)
 *
 * Assumptions: row-major shard orientation (tt-mlir's memory configs); no residual (tt-mlir's norms have none); L1 shards
 *   (DRAM-sharded input or output: unmodeled);
 *   Welford off (the derived config's default).
 */

import { atOrAfter } from '../changePoints';
import { DataType, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { CbSpec, ResolvedTensor, finishProgram, shardGridBox } from '../common';
import { shardGridFirstRange } from '../printedRange';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITE_SHARDED = {
  config:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_types.hpp@d134b03 (create_program_config from the shard spec; PR #34335)',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_device_operation.cpp (validate: sharded inputs)',
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/layernorm_op_multi_core_sharded.cpp (search-index version 282367713)',
  helpers:
    'tt-metal ttnn/cpp/ttnn/operations/normalization/layernorm/device/sharded_layernorm_factory_helpers.cpp (search-index version 27338354386: CBSizeParams, add_cb_descriptors)',
  ttmlir: 'tt-mlir runtime/lib/ttnn/operations/normalization/rms_norm.cpp, layer_norm.cpp@19c86fc (no program config)',
} as const;

export interface ShardedNormInputs {
  readonly kind: 'layer' | 'rms';
  readonly input: ResolvedTensor;
  readonly output: ResolvedTensor;
  readonly gamma: ResolvedTensor | undefined;
  readonly beta: ResolvedTensor | undefined;
  readonly fp32: boolean;
  readonly fp32Why: string;
}

export function estimateShardedNorm(op: TtnnOp, ctx: EstimateContext, n: ShardedNormInputs): OpEstimateResult {
  const { input, output, gamma, beta, kind, fp32 } = n;
  const layout = input.layout;
  if (layout.memoryLayout === 'height_sharded')
    return illegal(op.name, 'Height sharded inputs are not supported.', CITE_SHARDED.validate);
  const outLayout = output.layout.memoryLayout;
  if (outLayout !== 'width_sharded' && outLayout !== 'block_sharded')
    return illegal(op.name, 'Sharded inputs require sharded outputs.', CITE_SHARDED.validate);
  if (layout.memoryLayout !== 'width_sharded' && layout.memoryLayout !== 'block_sharded')
    return unmodeled(op.name, `${layout.memoryLayout} input: only width/block-sharded norms are modeled`);
  // The factory backs c_0 / c_16 with the shards themselves: an L1 layout is what it was read for.
  if (layout.bufferType !== 'l1' || output.layout.bufferType !== 'l1')
    return unmodeled(op.name, 'sharded norm with a DRAM-sharded input or output: not modeled');
  if (!atOrAfter(ctx, 'layernorm-sharded-default-config')) {
    return unmodeled(
      op.name,
      'sharded input without a program config before tt-metal PR #34335: the sharded factory ran with subblock_w = 0 (divide by zero) or, before PR #26149, the interleaved kernels ran on the shards; not modeled',
    );
  }
  const shard = layout.shardShape;
  const blockHt = shard[shard.length - 2] ?? 1;
  const blockWt = shard[shard.length - 1] ?? 1;
  const rank = input.padded.length;
  const kt = input.padded[rank - 1] / 32;
  const heightTiles = input.geometry.heightTilesTotal;
  const grid = shardGridBox(layout, ctx.device.workerGrid[1]);
  // tt-metal checks the shard spec against the tensor (PR #43250); a layout whose shards do not tile it has no program.
  const shardOk = [blockHt, blockWt, grid.cores, grid.x, grid.y].every((v) => Number.isSafeInteger(v) && v > 0);
  if (!shardOk || blockHt > heightTiles || blockWt > kt)
    return unmodeled(op.name, `shard ${blockHt}x${blockWt} tiles on ${grid.cores} cores does not tile the input`);
  const mcast1d = heightTiles === blockHt;
  const numBlocks = mcast1d ? grid.cores : grid.x;
  const rectangular = grid.cores === grid.x * grid.y;
  const twoStage = mcast1d && rectangular && grid.x > 1 && grid.x <= ctx.device.workerGrid[1] && grid.y > 1;
  const rowsPerWorker = Math.ceil(blockHt / (twoStage ? grid.x : numBlocks));
  const extTiles = twoStage ? grid.x + grid.y - 1 : Math.ceil(kt / blockWt);

  const tIn = tileBytes(input.dtype);
  const tOut = tileBytes(output.dtype);
  const im = tileBytes(fp32 ? 'f32' : 'bf16');
  const bf16 = tileBytes('bf16');
  const globalScalerBytes = atOrAfter(ctx, 'layernorm-sharded-global-scaler-f32') ? im : bf16;
  const blockTiles = blockHt * blockWt;
  const gammaDtype: DataType = gamma?.dtype ?? 'bf16';
  const betaDtype: DataType = beta?.dtype ?? 'bf16';
  const cbs: CbSpec[] = [{ index: 0, role: 'input shard', nPages: blockTiles, pageBytes: tIn, tensorBacked: true }];
  if (gamma !== undefined) cbs.push({ index: 5, role: 'gamma', nPages: blockWt, pageBytes: tileBytes(gammaDtype) });
  if (beta !== undefined) cbs.push({ index: 6, role: 'beta', nPages: blockWt, pageBytes: tileBytes(betaDtype) });
  cbs.push(
    { index: 24, role: 'x', nPages: blockTiles, pageBytes: im },
    { index: 18, role: 'x - E[x]', nPages: blockTiles, pageBytes: im },
  );
  if (kind === 'layer') {
    cbs.push(
      { index: 8, role: 'E[x] partial', nPages: blockHt, pageBytes: im },
      { index: 9, role: 'E[x]', nPages: blockHt, pageBytes: im },
      { index: 10, role: 'E[x] gathered', nPages: extTiles, pageBytes: im },
    );
  }
  cbs.push(
    { index: 2, role: 'reduce scaler', nPages: 1, pageBytes: bf16 },
    { index: 3, role: 'epsilon', nPages: 1, pageBytes: bf16 },
    { index: 4, role: 'global reduce scaler', nPages: 1, pageBytes: globalScalerBytes },
    { index: 11, role: 'E[x²] partial', nPages: blockHt, pageBytes: im },
    { index: 12, role: 'E[x²]', nPages: blockHt, pageBytes: im },
    { index: 13, role: 'E[x²] gathered', nPages: extTiles, pageBytes: im },
    { index: 20, role: 'E[x²] + eps', nPages: rowsPerWorker, pageBytes: im },
    { index: 15, role: 'global statistics', nPages: blockHt, pageBytes: im },
    { index: 16, role: 'output shard', nPages: blockTiles, pageBytes: tOut, tensorBacked: true },
  );
  const alignedWidth = input.logical[input.logical.length - 1] % 32 === 0;
  return finishProgram({
    op,
    ctx,
    factory: 'LayerNormShardedProgramFactory',
    factoryReason: `${layout.memoryLayout} input, no program config: block_h ${blockHt}, block_w ${blockWt} tiles from the shard spec on a ${grid.x}x${grid.y} grid (${grid.cores} cores); ${mcast1d ? `1D mcast over ${numBlocks} blocks` : `2D: ${numBlocks} blocks per row`}${twoStage ? ', two-stage reduce' : ''}; fp32 acc ${fp32 ? 'on' : 'off'} (${n.fp32Why}); input and output CBs sit on the shards`,
    // Every CB on all_cores = shard_spec.grid (layernorm_op_multi_core.cpp's sharded factory, index id 2407502137):
    // its first CoreRange — tt-mlir #8065 prints the 8x8 width-shard grid (0,0)-(7,7).
    groups: [
      {
        name: 'shard cores',
        nCores: grid.cores,
        firstCore: grid.start,
        printedRange: shardGridFirstRange(layout, ctx.device.workerGrid[1]),
      },
    ],
    cbs,
    confidence: 'approx',
    approxReason: [
      'sharded factory CB list read at two undated versions (inline factory and 2026 helper split)',
      ...(alignedWidth
        ? []
        : [
            'logical width not a multiple of 32: newer builds add a column-mask CB (block_w bf16 tiles, plus a block-sized scratch for layer_norm), not counted',
          ]),
      ...(rectangular || !mcast1d
        ? []
        : [
            'non-rectangular shard grid: the newest factory (helpers @01507e4) skips the two-stage reduce, as taken here; the inline factory did not check',
          ]),
    ].join('; '),
    citations: [CITE_SHARDED.ttmlir, CITE_SHARDED.config, CITE_SHARDED.factory, CITE_SHARDED.helpers],
  });
}

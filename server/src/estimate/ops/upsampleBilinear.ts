/**
 * L1 estimate for `ttnn.upsample` with mode "bilinear" (integer scales), since change point
 * upsample-bilinear-halo-minmax (tt-metal PR #34797).
 *
 * What ttnn::upsample runs [1]:
 *   1. an interleaved input is first resharded: height sharded in L1 over num_shards = min(grid cores, N·H·W) cores
 *      (row-major core order), shard height ceil(N·H·W / num_shards), width C; held until the op returns (the op keeps
 *      it in scope; the reshape to [1, 1, N·H·W, C] is taken as a view). A sharded input must be height sharded and
 *      is used as is (its shard cores);
 *   2. a halo (kernel 2x2, stride 1, padding 1 on every side, no tile snapping) into the input's memory config [2]:
 *      output shards of ceil(N·H·sh·W·sw / cores) output sticks; each core holds the padded input (N·(H+2)·(W+2))
 *      from the smallest to the largest top-left index of its outputs, + (W+2) + 1 sticks (the 2x2 window); the
 *      top-left index of output (h, w) is floor(0.5/sh + 0.5 + h/sh) rows and floor(0.5/sw + 0.5 + w/sw) columns into
 *      the padded image, accumulated in float32 as tt-metal does; the halo program's CBs are halo.ts's (row-major: the
 *      pad sticks only);
 *   3. the bilinear factory [3], on every shard core (stick = C·2 B, bf16):
 *        c_0 halo input (tensor-backed), c_1 = 4·2 pages of min(8·32·2, stick), c_2 = 4·2 pages of stick,
 *        c_3 and c_4 = 2 bf16 tiles each (scalars), c_5 output (tensor-backed: the output shard, ceil(N·OH·OW / cores)
 *        sticks [4]);
 *   4. with an interleaved input the output is made on the autoshard config and moved to the requested memory config
 *      afterwards (that copy's program is not counted); the sharded output is an L1 tensor while the program runs.
 * Requirements (TT_FATALs of the device op and factory [3][4]): bf16, channels a multiple of 32, row-major (a tiled
 *   input must be interleaved, which bilinear never is after step 1). tt-mlir's upsample workaround pads C and makes
 *   the input row-major bf16 before the flatbuffer; an interleaved input not yet in that form is sized as that program
 *   sequence (workaroundSequence: the largest step's figure), a sharded one stays unmodeled.
 * Before upsample-bilinear-halo-minmax the halo boundaries and the autoshard rule were others (not read): unmodeled.
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/pool/upsample/upsample.cpp@003a561 (compute_bilinear_autoshard_memory_config,
 *       apply_bilinear_halo_preprocessing, ExecuteUpSample::invoke)
 *   [2] ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp (generate_op_trace_metadata_bilinear,
 *       generate_shard_boundaries' bilinear min/max branch; @441c2f9567, search index id 7186334245)
 *   [3] ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_bilinear_program_factory_multicore.cpp@00b0fa3 (the
 *       same CB sizes in the Program-API version of index id 250224777 and the metal2 port of id 58575244009)
 *   [4] ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_common.cpp@5acdb73 (compute_integer_output_mem_config:
 *       bilinear output shard ceil(N·OH·OW / cores) × C) and upsample_device_operation.cpp (bilinear validation)
 *
 * Worked example (test/unit/estimate/compositeGatherUpsample.test.ts): 1x16x16x32 bf16 height sharded on 16 cores, scale 2 →
 *   static CBs 512 + 512 + 4,096 + 4,096 = 9,216 B per core.
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { ResolvedTensor, finishProgram, fmtBytes, gridArea, resolveTensorSpec } from '../common';
import type { EstimateContext, L1Intermediate, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { atOrAfter } from '../changePoints';
import { haloProgramCbBytesPerCore } from './halo';
import { largestStep, specWith, stepOp, toLayoutStep, type Step } from './composite';
import { estimateTypecast } from './eltwise';
import { estimatePad } from './pad';
import { estimateSlice } from './slice';

const CITES = {
  invoke: 'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/upsample.cpp@003a561 (bilinear autoshard and halo)',
  halo: 'tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp (generate_op_trace_metadata_bilinear, generate_shard_boundaries; @441c2f9567, index id 7186334245)',
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_bilinear_program_factory_multicore.cpp@00b0fa3',
  output:
    'tt-metal ttnn/cpp/ttnn/operations/pool/upsample/device/upsample_common.cpp@5acdb73 (compute_integer_output_mem_config)',
} as const;

/** Bilinear halo shard, in padded-input sticks, of the widest core (see the header, step 2). */
export function bilinearHaloSticksPerCore(
  batch: number,
  inputH: number,
  inputW: number,
  scaleH: number,
  scaleW: number,
  cores: number,
): number {
  const hp = inputH + 2;
  const wp = inputW + 2;
  const outH = inputH * scaleH;
  const outW = inputW * scaleW;
  const total = batch * outH * outW;
  const perShard = Math.ceil(total / cores);
  // Top-left padded rows / columns per output row / column, accumulated in float32 like tt-metal.
  const rows = startIndices(outH, scaleH);
  const cols = startIndices(outW, scaleW);
  const windowTail = wp + 1;
  let worst = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let inShard = 0;
  for (let b = 0; b < batch; b++)
    for (let h = 0; h < outH; h++)
      for (let w = 0; w < outW; w++) {
        const index = b * hp * wp + rows[h]! * wp + cols[w]!;
        if (index < lo) lo = index;
        if (index > hi) hi = index;
        if (++inShard === perShard) {
          worst = Math.max(worst, hi - lo + windowTail + 1);
          lo = Infinity;
          hi = -Infinity;
          inShard = 0;
        }
      }
  if (inShard > 0) worst = Math.max(worst, hi - lo + windowTail + 1);
  return worst;
}

function startIndices(n: number, scale: number): number[] {
  const inv = Math.fround(1 / scale);
  let offset = Math.fround(Math.fround(0.5 * inv) + 0.5);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Math.floor(offset));
    offset = Math.fround(offset + inv);
  }
  return out;
}

export function estimateBilinearUpsample(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  out: ResolvedTensor,
  scales: readonly number[],
): OpEstimateResult {
  if (!atOrAfter(ctx, 'upsample-bilinear-halo-minmax'))
    return unmodeled(
      op.name,
      'bilinear upsample before tt-metal PR #34797 (change point upsample-bilinear-halo-minmax): its halo boundaries and autoshard rule were not read',
    );
  const [scaleH, scaleW] = scales.length === 1 ? [scales[0]!, scales[0]!] : [scales[0] ?? 1, scales[1] ?? 1];
  if (!Number.isInteger(scaleH) || !Number.isInteger(scaleW))
    return illegal(op.name, 'bilinear mode requires integer scale factors', CITES.output);
  const [batch = 1, inH = 1, inW = 1, channels = 1] = input.logical.length === 4 ? input.logical : [];
  if (input.logical.length !== 4) return unmodeled(op.name, 'bilinear upsample of a non-4-D [N, H, W, C] input');
  if (input.dtype !== 'bf16' || input.layout.pageLayout !== 'row_major' || channels % 32 !== 0)
    return workaroundSequence(op, ctx, input, scales, [batch, inH, inW, channels]);
  const scheme = input.layout.memoryLayout;
  const sharded = scheme !== undefined && scheme !== 'interleaved';
  if (sharded && scheme !== 'height_sharded')
    return illegal(op.name, 'Bilinear upsample requires HEIGHT_SHARDED input tensor', CITES.output);
  const outSharded = out.layout.memoryLayout !== undefined && out.layout.memoryLayout !== 'interleaved';
  if (sharded && !outSharded)
    return unmodeled(
      op.name,
      'sharded bilinear upsample with an interleaved result: the factory reads the output shard spec (not modeled)',
    );
  const stickBytes = channels * elementBytes('bf16');
  const inSticks = batch * inH * inW;
  const cores = sharded ? input.layout.gridShape[0] * input.layout.gridShape[1] : Math.min(gridArea(ctx), inSticks);
  const outSticks = batch * inH * scaleH * inW * scaleW;
  const intermediates: L1Intermediate[] = [];
  if (!sharded)
    intermediates.push({
      role: 'autosharded upsample input',
      bytesPerCore: Math.ceil(inSticks / cores) * stickBytes,
      liveDuringProgram: true,
    });
  intermediates.push({
    role: 'bilinear halo output',
    bytesPerCore: bilinearHaloSticksPerCore(batch, inH, inW, scaleH, scaleW, cores) * stickBytes,
    liveDuringProgram: true,
    writerProgram: {
      name: 'halo (untilize_with_halo)',
      cbBytesPerCore: haloProgramCbBytesPerCore(
        { tiled: false, dtype: 'bf16', shardWidth: channels, inputSticks: inSticks, coresNhw: cores },
        ctx,
      ),
    },
  });
  if (!sharded && !outSharded)
    intermediates.push({
      role: 'sharded bilinear output (moved to the requested memory config after)',
      bytesPerCore: Math.ceil(outSticks / cores) * stickBytes,
      liveDuringProgram: true,
    });
  const scalarTileBytes = tileBytes('bf16');
  const haloBytes = intermediates.find((t) => t.role === 'bilinear halo output')!.bytesPerCore;
  const grid = ctx.device.workerGrid;
  return finishProgram({
    op,
    ctx,
    factory: 'UpsampleBilinearProgramFactory',
    factoryReason: `${sharded ? `height-sharded input on ${cores} cores` : `interleaved input autosharded over ${cores} cores`}; ${outSticks} output sticks of ${channels} channels, ${Math.ceil(outSticks / cores)} per core`,
    grid: [Math.ceil(cores / grid[1]), Math.min(cores, grid[1])],
    groups: [{ name: 'shard cores', nCores: cores, firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'halo input', nPages: haloBytes / stickBytes, pageBytes: stickBytes, tensorBacked: true },
      {
        index: 1,
        role: 'tilize-reduce 0 (4 pixels, double-buffered)',
        nPages: 8,
        pageBytes: Math.min(256 * 2, stickBytes),
      },
      { index: 2, role: 'tilize-reduce 1 (4 pixels, double-buffered)', nPages: 8, pageBytes: stickBytes },
      { index: 3, role: 'scalar 1', nPages: 2, pageBytes: scalarTileBytes },
      { index: 4, role: 'scalar 2', nPages: 2, pageBytes: scalarTileBytes },
      {
        index: 5,
        role: 'output shard',
        nPages: Math.ceil(outSticks / cores) * (channels / 32),
        pageBytes: 32 * 2,
        tensorBacked: true,
      },
    ],
    confidence: 'approx',
    approxReason:
      'bilinear factory read at one version; the reshape to [1, 1, NHW, C] is taken as a view and the final move to the requested memory config is not counted',
    citations: [CITES.invoke, CITES.halo, CITES.factory, CITES.output],
    notes: intermediates.map((t) => `${t.role} ${fmtBytes(t.bytesPerCore)} per core`),
    l1Intermediates: intermediates,
  });
}

const WORKAROUND_CITE =
  'tt-mlir lib/Dialect/TTNN/Transforms/Workarounds/Decomposition/UpsampleOpRewritePattern.cpp@19c86fc (pad C to a multiple of 32, use_multicore false; slice back) and the upsample operand workaround (row-major bf16 input)';

/**
 * A bilinear upsample tt-mlir's workarounds rewrite before the flatbuffer [WORKAROUND_CITE]: channels padded to a
 * multiple of 32 (ttnn.pad, then a slice_static back), the input converted to row-major bf16 and the result back to
 * the IR's layout and dtype. Each program is estimated as its lone op would be; the op's figure is the largest step's
 * (tt-metal frees a program's CBs before the next). The conversions are taken as a typecast on tiles and an
 * (un)tilize in bf16: the order TTNNDecomposeLayouts picks was not read.
 */
function workaroundSequence(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  scales: readonly number[],
  [batch, inH, inW, channels]: readonly number[],
): OpEstimateResult {
  const inSpec = op.operands[0];
  const outSpec = op.results[0];
  const why = `bilinear upsample needs a row-major bf16 input with channels a multiple of 32 (tt-metal's checks; this one is ${input.layout.pageLayout} ${input.dtype}, C = ${channels})`;
  if (inSpec?.kind !== 'tensor' || outSpec?.kind !== 'tensor' || outSpec.shape.kind !== 'known')
    return unmodeled(op.name, `${why}: input or result is not a tensor`);
  if (input.layout.memoryLayout !== 'interleaved' || input.layout.bufferType === 'system_memory')
    return unmodeled(
      op.name,
      `${why}: tt-mlir's workaround converts it first; the steps are modeled for an interleaved device input only`,
    );
  const [, outH = 1, outW = 1] = outSpec.shape.dims;
  const paddedC = Math.ceil(channels! / 32) * 32;
  const steps: Step[] = [];
  let cur: TensorSpec = inSpec;
  if (paddedC !== channels) {
    const padded = specWith(cur, { dims: [batch!, inH!, inW!, paddedC] });
    steps.push({
      label: `pad C ${channels} → ${paddedC}`,
      result: estimatePad(
        stepOp(op, 'ttnn.pad', [cur], [padded], {
          padding: { kind: 'ints', values: [0, 0, 0, 0, 0, 0, 0, paddedC - channels!] },
          value: { kind: 'float', value: 0 },
          use_multicore: { kind: 'bool', value: false },
        }),
        ctx,
      ),
    });
    cur = padded;
  }
  if (input.dtype !== 'bf16') {
    const cast = specWith(cur, { dtype: 'bf16' });
    steps.push({
      label: 'typecast to bf16',
      result: estimateTypecast(stepOp(op, 'ttnn.typecast', [cur], [cast]), ctx),
    });
    cur = cast;
  }
  if (input.layout.pageLayout !== 'row_major') {
    const t = toLayoutStep(op, ctx, 'to row-major', cur, 'row_major');
    steps.push(t.step);
    cur = t.to;
  }
  const upOut = specWith(outSpec, {
    dims: [batch!, outH, outW, paddedC],
    pageLayout: 'row_major',
    dtype: 'bf16',
    bufferType: input.layout.bufferType,
  });
  const curResolved = resolveTensorSpec(cur, 'converted input');
  const upResolved = resolveTensorSpec(upOut, 'upsampled result');
  if (typeof curResolved === 'string') return unmodeled(op.name, `${why}: ${curResolved}`);
  if (typeof upResolved === 'string') return unmodeled(op.name, `${why}: ${upResolved}`);
  steps.push({
    label: 'bilinear upsample',
    result: estimateBilinearUpsample(
      stepOp(op, 'ttnn.upsample', [cur], [upOut], op.properties),
      ctx,
      curResolved,
      upResolved,
      scales,
    ),
  });
  cur = upOut;
  const outLayout = outSpec.layout.kind === 'layout' ? outSpec.layout : undefined;
  if (outLayout !== undefined && outLayout.pageLayout === 'tile') {
    const t = toLayoutStep(op, ctx, 'to tile', cur, 'tile');
    steps.push(t.step);
    cur = t.to;
  }
  if (outLayout !== undefined && outLayout.dtype !== 'bf16') {
    const cast = specWith(cur, { dtype: outLayout.dtype });
    steps.push({
      label: `typecast to ${outLayout.dtype}`,
      result: estimateTypecast(stepOp(op, 'ttnn.typecast', [cur], [cast]), ctx),
    });
    cur = cast;
  }
  if (paddedC !== channels) {
    steps.push({
      label: `slice C back to ${channels}`,
      result: estimateSlice(
        stepOp(op, 'ttnn.slice_static', [cur], [outSpec], {
          begins: { kind: 'ints', values: [0, 0, 0, 0] },
          ends: { kind: 'ints', values: [batch!, outH, outW, channels!] },
          step: { kind: 'ints', values: [1, 1, 1, 1] },
        }),
        ctx,
      ),
    });
  }
  return largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason: `${why}: sized as the programs tt-mlir's upsample workarounds put in its place (not in this IR); conversions taken as typecast on tiles, then (un)tilize in bf16`,
    citations: [WORKAROUND_CITE],
  });
}

/**
 * Per-device L1 estimate for a `ttnn.distributed_rms_norm` that tt-mlir's TTNNDecomposition rewrites before it runs
 * (DistributedRMSNormDecompositionRewritePattern: no weight, or an input that is not (1, …, 1, 32, M)) [1]. The op is
 * estimated as the programs the rewrite leaves, in turn (composite.ts `largestStep`), each by its own estimator.
 *
 * The programs, per tt-mlir build (change points, repo tenstorrent/tt-mlir):
 *   before 'drms-norm-decomposed-primitives' (PR #7752): no rewrite; tt-metal's RMSAllGather validate rejects the op [4]
 *     (rank ≠ 4: "Input shape must be rank 4"; not (1,1,32,M): the shape message; no weight: "RMS all gather requires a
 *     weight which is row major").
 *   from it [1a]: [add(x, residual)] · multiply(x, x) · mean over W → [.., 1] · all_gather of [.., 1] → [.., n] · mean ·
 *     [full(eps): host] · add · rsqrt · multiply(x, inv_rms) · [multiply(weight)].
 *   from 'drms-norm-decomposed-pre-all-gather' (PR #8351) [1b]: an input of rank < 4 is reshaped to rank 4 first (and the
 *     result back); [add] · rms_norm_pre_all_gather → [.., 32] · all_gather → [.., 32·n] · reshape → [.., n, 32] ·
 *     slice_static column 0 → [.., n, 1] · reshape → [.., n] · mean → [.., 1] · add eps · rsqrt · multiply · [multiply].
 *   from 'drms-norm-decomposed-stats-scale' (PR #8798) [1c]: one more multiply(row, full(1 / W)) before the add.
 * Every intermediate takes the input's encoding re-shaped (TTNNLayoutAttr::Builder / withTensorShape over the input's
 * layout): interleaved in the input's buffer (composite.ts `specWith`). `ttnn.full` is filled from the host (no
 * program, noProgram.ts); its [.., 1] tensor is not counted.
 *
 * n, the devices along `cluster_axis`, is the mesh's extent along that axis (tt-metal ccl_common.cpp@622c6fb
 * get_topological_dimension), read from the mesh the op runs on (ttnn/device.ts DeviceMesh: its get_device's
 * mesh_shape [1], else its function's, else the module's ttcore.device meshShape). Without one the figure is the largest
 * over n = 2 … 32 (32 is the longest mesh axis taken), approx. A 1-device axis is unmodeled: tt-mlir folds the
 * decomposition's all_gather to its input there (TTNNOps.cpp@19c86fc AllGatherOp::fold), leaving programs not modeled.
 *
 * References:
 *   [1] tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/DistributedRMSNormDecompositionRewritePattern.cpp:
 *       [1a] @30d4578 (PR #7752) and @f017d0c, [1b] @d25e839 (PR #8351), [1c] @d21e289 (PR #8798), kept to @19c86fc
 *   [2] the steps' own estimators and their citations (normPreAllGather.ts, ccl.ts, reshape.ts, slice.ts,
 *       reduction.ts, eltwise.ts)
 *   [3] test/unit/estimate/distributedRmsNormDecomposed.test.ts (worked figures)
 *   [4] tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/rms_allgather/device/rms_allgather_device_operation.cpp@982cd40
 *       (validate_on_program_cache_miss; the same three messages at 85d0dea, 4961576, ce15e49, c262c36)
 */

import { devicesAlongAxis } from '../../ttnn/device';
import type { PropValue, TensorSpec, TtnnOp } from '../../ttnn/op';
import { atOrAfter } from '../changePoints';
import type { EstimateContext, OpEstimate, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { propInt } from '../common';
import { estimateAllGather } from './ccl';
import { largestStep, specWith, stepOp, type Step } from './composite';
import { estimateBinary, estimateUnary } from './eltwise';
import { estimateRmsNormPreAllGather } from './normPreAllGather';
import { estimateReduction } from './reduction';
import { estimateReshape } from './reshape';
import { estimateSlice } from './slice';

const CITES = {
  primitives:
    'tt-mlir lib/Dialect/TTNN/Transforms/Decomposition/DistributedRMSNormDecompositionRewritePattern.cpp@30d4578 (PR #7752)',
  preAllGather: 'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@d25e839 (PR #8351)',
  statsScale: 'tt-mlir …/DistributedRMSNormDecompositionRewritePattern.cpp@d21e289 (PR #8798), kept to @19c86fc',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/ccl/rms_allgather/device/rms_allgather_device_operation.cpp@982cd40 (validate_on_program_cache_miss)',
} as const;

/** Devices along cluster_axis the figure is taken over when the op's mesh is unknown. */
const FEWEST_DEVICES = 2;
const MOST_DEVICES = 32;

export interface DecomposedParts {
  readonly input: TensorSpec;
  readonly weight: TensorSpec | undefined;
  readonly residual: TensorSpec | undefined;
  readonly output: TensorSpec;
  /** Why the fused kernel cannot take the op (distributedRmsNorm.ts decompositionReason). */
  readonly why: string;
}

const ints = (values: readonly number[]): PropValue => ({ kind: 'ints', values });
const int = (value: number): PropValue => ({ kind: 'int', value, text: String(value) });

/** tt-metal's first RMSAllGather rejection of an op the decomposition takes (validate order: rank, shape, …, weight). */
function fusedRejection(dims: readonly number[]): string {
  if (dims.length !== 4) return 'Input shape must be rank 4';
  if (dims[0] !== 1 || dims[1] !== 1 || dims[2] !== 32 || dims[3]! % 32 !== 0)
    return 'Input tensor shape does not meet the requirements set by this OP: input tensor shape must be (1,1,32,M) where M is a multiple of 32';
  return 'RMS all gather requires a weight which is row major';
}

export function estimateDecomposedDistributedRmsNorm(
  op: TtnnOp,
  ctx: EstimateContext,
  parts: DecomposedParts,
): OpEstimateResult {
  const { input, weight, residual, output, why } = parts;
  if (input.shape.kind !== 'known' || input.layout.kind !== 'layout')
    return unmodeled(op.name, 'the input has no known shape and layout');
  if (!atOrAfter(ctx, 'drms-norm-decomposed-primitives'))
    return illegal(
      op.name,
      `${fusedRejection(input.shape.dims)} (builds before tt-mlir PR #7752 hand the op to fused_rms_minimal as it stands: ${why})`,
      CITES.validate,
    );
  const memoryLayout = input.layout.memoryLayout;
  if (memoryLayout !== 'interleaved' && memoryLayout !== undefined)
    return unmodeled(
      op.name,
      `${memoryLayout} input: the decomposition's statistics tensors take the input's sharded encoding re-shaped (TTNNLayoutAttr::Builder), not modeled`,
    );

  const preAllGather = atOrAfter(ctx, 'drms-norm-decomposed-pre-all-gather');
  const statsScale = preAllGather && atOrAfter(ctx, 'drms-norm-decomposed-stats-scale');
  const dims = input.shape.dims;
  const padRank = preAllGather && dims.length < 4;
  const xDims = padRank ? [...new Array<number>(4 - dims.length).fill(1), ...dims] : dims;
  const rank = xDims.length;
  const lastDim = rank - 1;
  const lead = xDims.slice(0, lastDim);
  const along = (last: readonly number[]): TensorSpec => specWith(input, { dims: [...lead, ...last] });

  // The steps that do not depend on the device count n.
  const before: Step[] = [];
  let x = input;
  let res = residual;
  if (padRank) {
    x = along([xDims[lastDim]!]);
    before.push({
      label: 'reshape input to rank 4',
      result: estimateReshape(stepOp(op, 'ttnn.reshape', [input], [x]), ctx),
    });
    if (residual !== undefined) {
      res = specWith(residual, { dims: xDims });
      before.push({
        label: 'reshape residual to rank 4',
        result: estimateReshape(stepOp(op, 'ttnn.reshape', [residual], [res]), ctx),
      });
    }
  }
  if (res !== undefined)
    before.push({ label: 'add residual', result: estimateBinary(stepOp(op, 'ttnn.add', [x, res], [x]), ctx) });
  const meanProps = { dim_arg: ints([lastDim]), keep_dim: { kind: 'bool', value: true } } as const;
  let stats: TensorSpec;
  if (preAllGather) {
    stats = along([32]);
    before.push({
      label: 'rms_norm_pre_all_gather',
      result: estimateRmsNormPreAllGather(stepOp(op, 'ttnn.rms_norm_pre_all_gather', [x], [stats]), ctx),
    });
  } else {
    stats = along([1]);
    before.push(
      { label: 'square', result: estimateBinary(stepOp(op, 'ttnn.multiply', [x, x], [x]), ctx) },
      {
        label: 'local mean of x²',
        result: estimateReduction(stepOp(op, 'ttnn.mean', [x], [stats], meanProps), ctx),
      },
    );
  }
  const row = along([1]);
  const after: Step[] = [];
  if (statsScale)
    after.push({
      label: 'scale by 1 / W',
      result: estimateBinary(stepOp(op, 'ttnn.multiply', [row, row], [row]), ctx),
    });
  after.push(
    { label: 'add epsilon', result: estimateBinary(stepOp(op, 'ttnn.add', [row, row], [row]), ctx) },
    { label: 'rsqrt', result: estimateUnary(stepOp(op, 'ttnn.rsqrt', [row], [row]), ctx) },
  );
  const normalized = padRank ? specWith(output, { dims: xDims }) : output;
  after.push({
    label: 'normalize (x · inv_rms)',
    result: estimateBinary(stepOp(op, 'ttnn.multiply', [x, row], [normalized]), ctx),
  });
  if (weight !== undefined)
    after.push({
      label: 'apply weight',
      result: estimateBinary(stepOp(op, 'ttnn.multiply', [normalized, weight], [normalized]), ctx),
    });
  if (padRank)
    after.push({
      label: 'reshape result back',
      result: estimateReshape(stepOp(op, 'ttnn.reshape', [normalized], [output]), ctx),
    });

  const gatherProps: Record<string, PropValue> = { all_gather_dim: int(lastDim) };
  for (const name of ['cluster_axis', 'num_links', 'topology']) {
    const p = op.properties[name];
    if (p !== undefined) gatherProps[name] = p;
  }
  const gatherSteps = (n: number): Step[] => {
    if (!preAllGather) {
      const gathered = along([n]);
      return [
        {
          label: 'all_gather of the statistics',
          result: estimateAllGather(stepOp(op, 'ttnn.all_gather', [stats], [gathered], gatherProps), ctx),
        },
        {
          label: 'mean over devices',
          result: estimateReduction(stepOp(op, 'ttnn.mean', [gathered], [row], meanProps), ctx),
        },
      ];
    }
    const gathered = along([32 * n]);
    const split = along([n, 32]);
    const column = along([n, 1]);
    const flat = along([n]);
    return [
      {
        label: 'all_gather of the statistics',
        result: estimateAllGather(stepOp(op, 'ttnn.all_gather', [stats], [gathered], gatherProps), ctx),
      },
      { label: 'reshape stats', result: estimateReshape(stepOp(op, 'ttnn.reshape', [gathered], [split]), ctx) },
      {
        label: 'slice column 0',
        result: estimateSlice(
          stepOp(op, 'ttnn.slice_static', [split], [column], {
            begins: ints(new Array<number>(rank + 1).fill(0)),
            ends: ints([...lead, n, 1]),
            step: ints(new Array<number>(rank + 1).fill(1)),
          }),
          ctx,
        ),
      },
      { label: 'flatten stats', result: estimateReshape(stepOp(op, 'ttnn.reshape', [column], [flat]), ctx) },
      {
        label: 'mean over devices',
        result: estimateReduction(stepOp(op, 'ttnn.mean', [flat], [row], meanProps), ctx),
      },
    ];
  };

  const decomposition = `tt-mlir's decomposition runs it as separate programs (${why})`;
  const citations = [
    CITES.primitives,
    ...(preAllGather ? [CITES.preAllGather] : []),
    ...(statsScale ? [CITES.statsScale] : []),
  ];
  const run = (n: number): OpEstimateResult =>
    largestStep(op, ctx, [...before, ...gatherSteps(n), ...after], {
      confidence: 'approx',
      approxReason: decomposition,
      citations,
      firstBeyondL1: true,
    });
  const axis = propInt(op, 'cluster_axis');
  const known = devicesAlongAxis(op.mesh, axis);
  if (known !== undefined && op.mesh !== undefined) {
    const mesh = `${known} ${known === 1 ? 'device' : 'devices'} along cluster_axis ${axis} (mesh ${op.mesh.shape[0]}x${op.mesh.shape[1]})`;
    if (known === 1)
      return unmodeled(
        op.name,
        `${decomposition}; ${mesh}: tt-mlir folds the statistics' all_gather to its input (TTNNOps.cpp@19c86fc AllGatherOp::fold), and the programs then left were not modeled`,
      );
    const result = run(known);
    if (result.kind === 'unmodeled') return unmodeled(op.name, `${decomposition}; ${result.reason}`);
    if (result.kind !== 'estimate') return result;
    return { ...result, approxReason: `${mesh}; ${result.approxReason}` };
  }
  let chosen: OpEstimate | undefined;
  let chosenDevices = 0;
  const figures = new Set<string>();
  for (let n = FEWEST_DEVICES; n <= MOST_DEVICES; n++) {
    const result = run(n);
    if (result.kind === 'unmodeled') return unmodeled(op.name, `${decomposition}; ${result.reason}`);
    if (result.kind !== 'estimate') return result;
    const intermediates = result.l1IntermediateBytesPerCore ?? 0;
    figures.add(`${result.worstCbBytesPerCore}|${intermediates}`);
    const larger =
      chosen === undefined ||
      result.worstCbBytesPerCore > chosen.worstCbBytesPerCore ||
      (result.worstCbBytesPerCore === chosen.worstCbBytesPerCore &&
        intermediates > (chosen.l1IntermediateBytesPerCore ?? 0));
    if (larger) {
      chosen = result;
      chosenDevices = n;
    }
  }
  if (chosen === undefined) return unmodeled(op.name, 'no device count was tried');
  const devices =
    figures.size === 1
      ? `the op's figure is the same for every count from ${FEWEST_DEVICES} to ${MOST_DEVICES}`
      : `the largest figure over ${FEWEST_DEVICES}..${MOST_DEVICES} devices, at ${chosenDevices}`;
  return {
    ...chosen,
    approxReason: `the devices along cluster_axis are unknown (${op.mesh === undefined ? "no get_device mesh_shape or ttcore.device meshShape states the op's mesh" : `cluster_axis ${axis ?? 'missing'} is not an axis of the 2-D mesh`}): ${devices}; ${chosen.approxReason}`,
  };
}

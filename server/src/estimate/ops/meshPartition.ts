/**
 * L1 estimate for `ttnn.mesh_partition`: each device keeps its slice of the input along `dim`, by running the slice
 * device operation's program (mesh_partition_program_factory.cpp builds SliceDeviceOperation's attributes per mesh
 * coordinate and creates the factory slice picks) [1]; with one device along the cluster axis ttnn::mesh_partition
 * returns its input (no program) [2].
 *
 * Formula: n = input dim / result dim (tt-mlir prints per-device types: the input whole, the result one part), the
 *   device at index i slices begins[dim] = i · padded[dim] / n, ends = begins + padded[dim] / n, unit steps; its CBs
 *   are the slice factory's (ops/slice.ts: the tile factory for a tiled input, the row-major one, whose alignment can
 *   double with the begin, for a row-major input). The figure is the largest over the n devices.
 *   A tiled input whose part is not a whole number of tiles in the last two dims is unmodeled: the device op is
 *   called directly, so ttnn::slice's row-major detour does not apply and slice's validate refuses it.
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/ccl/mesh_partition/device/mesh_partition_program_factory.cpp@003544f
 *       (compute_slice_parameters, MeshPartition::create_at)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/ccl/mesh_partition/mesh_partition.cpp@06bd373; tt-mlir
 *       runtime/lib/ttnn/operations/ccl/mesh_partition.cpp@19c86fc (ttnn::mesh_partition(input, dim, cluster_axis, memcfg))
 */

import type { TtnnOp } from '../../ttnn/op';
import { propInt, resolveTensor } from '../common';
import type { EstimateContext, OpEstimate, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { stepOp } from './composite';
import { noProgram } from './noProgram';
import { estimateSlice } from './slice';

const CITES = {
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/ccl/mesh_partition/device/mesh_partition_program_factory.cpp@003544f (slice program per device)',
} as const;

const TILE = 32;

export function estimateMeshPartition(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const rank = input.logical.length;
  const rawDim = propInt(op, 'dim');
  if (rawDim === undefined || rawDim < -rank || rawDim >= rank)
    return unmodeled(op.name, 'dim missing or out of range');
  const dim = rawDim < 0 ? rawDim + rank : rawDim;
  const whole = input.logical[dim]!;
  const part = output.logical[dim] ?? 0;
  if (part <= 0 || whole % part !== 0 || output.logical.length !== rank)
    return unmodeled(op.name, `result dim ${dim} (${part}) does not divide the input's (${whole}) into device parts`);
  const devices = whole / part;
  if (devices === 1)
    return noProgram(op, ctx, 'one device along cluster_axis: ttnn::mesh_partition returns its input (no program)');
  const paddedPart = input.padded[dim]! / devices;
  const tiled = input.layout.pageLayout === 'tile';
  if (tiled && dim >= rank - 2 && paddedPart % TILE !== 0)
    return unmodeled(
      op.name,
      `each device's part of dim ${dim} is ${paddedPart} rows/columns, not whole tiles: the slice device op it runs refuses a tiled slice off tile boundaries`,
    );
  let worst: { device: number; est: OpEstimate } | undefined;
  for (let i = 0; i < devices; i++) {
    const begins = input.logical.map((_, d) => (d === dim ? i * paddedPart : 0));
    const ends = input.logical.map((extent, d) => (d === dim ? (i + 1) * paddedPart : extent));
    const slice = estimateSlice(
      stepOp(op, 'ttnn.slice_static', [op.operands[0]!], op.results, {
        begins: { kind: 'ints', values: begins },
        ends: { kind: 'ints', values: ends },
        step: { kind: 'ints', values: input.logical.map(() => 1) },
      }),
      ctx,
    );
    if (slice.kind !== 'estimate') return slice.kind === 'unmodeled' ? unmodeled(op.name, slice.reason) : slice;
    if (worst === undefined || slice.worstCbBytesPerCore > worst.est.worstCbBytesPerCore)
      worst = { device: i, est: slice };
  }
  const { device, est } = worst!;
  return {
    ...est,
    opName: op.name,
    factoryReason: `the slice program of device ${device} of ${devices} along the cluster axis (the largest): ${est.factoryReason}`,
    citations: [CITES.factory, ...est.citations],
  };
}

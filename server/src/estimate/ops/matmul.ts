/**
 * L1 estimate for `ttnn.matmul` / `ttnn.linear` when the IR carries a `matmul_program_config`.
 *
 * Formula (bytes per core), tt-metal's own estimate plus bias:
 *   c_0 in0 = per_core_M · in0_block_w · 2 · T(a)      (double-buffered, MCAST_INPUT_BUFFERING_DEPTH = 2) [1][2]
 *   c_1 in1 = per_core_N · in0_block_w · 2 · T(b)                                                     [1][2]
 *   out/interm = per_core_M · per_core_N · T(out) (tensor-backed when the output is sharded)           [1]
 *   bias c_3 = per_core_N · T(bias) when a bias operand is present                                    [1]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp (and 2d)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp@c1654cb (get_estimated_size_of_cbs:
 *       in0 M·w·2·T(a) + in1 N·w·2·T(b) + out M·N·T(a) + interm M·N·T(interm) + bias w·T(bias) + sharded-in0 block);
 *       ttmetal-l1-model.md §4.8. That helper counts out and interm separately, an upper bound; the factory shares one
 *       allocation when their formats match, which is what we count.
 *
 * Assumptions: always 'approx' (interm format, out_block vs per_core sizes and sharded-input CBs vary by version).
 *   Without a program config tt-metal picks one at run time: unmodeled.
 * Worked example: per_core_M = per_core_N = 8, in0_block_w = 4, bf16: 8·4·2·2,048·2 + 8·8·2,048 = 393,216 B.
 */

import { tileBytes } from '../../ttnn/dtype';
import { isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { finishProgram, resolveTensor } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  factory: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/factory/matmul_multicore_reuse_mcast_1d_program_factory.cpp',
  estimate: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/utilities/matmul_utilities.cpp@c1654cb (get_estimated_size_of_cbs)',
} as const;

function field(fields: Readonly<Record<string, string>>, name: string): number | undefined {
  const v = fields[name];
  if (v === undefined) return undefined;
  const n = Number(v.replace(/:.*$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

export function estimateMatmul(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const config = op.properties['matmul_program_config'] ?? op.properties['program_config'];
  if (config === undefined || config.kind !== 'dialect') {
    return unmodeled(op.name, 'no matmul_program_config in the IR: tt-metal chooses the program config at run time');
  }
  const a = resolveTensor(op.operands[0], 'a');
  if (typeof a === 'string') return unmodeled(op.name, a);
  const b = resolveTensor(op.operands[1], 'b');
  if (typeof b === 'string') return unmodeled(op.name, b);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  const m = field(config.fields, 'per_core_m') ?? field(config.fields, 'per_core_M');
  const n = field(config.fields, 'per_core_n') ?? field(config.fields, 'per_core_N');
  const kw = field(config.fields, 'in0_block_w');
  if (m === undefined || n === undefined || kw === undefined) return unmodeled(op.name, `${config.name} without per_core_m / per_core_n / in0_block_w`);
  const gridText = config.fields['compute_with_storage_grid_size'] ?? '';
  const g = /(\d+),(\d+)/.exec(gridText) ?? /(\d+)x(\d+)/.exec(gridText);
  const gx = g === null ? ctx.device.workerGrid[1] : Number(g[1]);
  const gy = g === null ? ctx.device.workerGrid[0] : Number(g[2]);
  const biasSpec = op.operands[2];
  const bias = biasSpec !== undefined && biasSpec.kind === 'tensor' ? resolveTensor(biasSpec, 'bias') : undefined;
  const cbs = [
    { index: 0, role: 'in0 block', nPages: m * kw * 2, pageBytes: tileBytes(a.dtype) },
    { index: 1, role: 'in1 block', nPages: n * kw * 2, pageBytes: tileBytes(b.dtype) },
    { index: 4, role: 'output/interm', nPages: m * n, pageBytes: tileBytes(out.dtype), tensorBacked: isSharded(out.layout) },
  ];
  if (bias !== undefined && typeof bias !== 'string') cbs.push({ index: 3, role: 'bias', nPages: n, pageBytes: tileBytes(bias.dtype), tensorBacked: false });
  return finishProgram({
    op, ctx, factory: config.name.replace(/^ttnn\./, ''), factoryReason: `program config from the IR: per_core_M ${m}, per_core_N ${n}, in0_block_w ${kw}`,
    grid: [gy, gx],
    groups: [{ name: 'all', nCores: gx * gy, firstCore: [0, 0] }],
    cbs, confidence: 'approx', approxReason: 'tt-metal estimate formula; interm/out block sizes vary by version',
    citations: [CITES.factory, CITES.estimate],
  });
}

/**
 * L1 estimate for `ttnn.gelu_bw` (tt-mlir's GeluBackwardOp, which calls `ttnn::experimental::gelu_bw` [1]): one fused
 * device program, the same for `approximate = "none"` and `"tanh"` (only the compute kernel differs) [2].
 *
 * Formula (bytes per core):
 *   c_0 = 2·T(grad_output), c_1 = 2·T(input), c_2 = 2·T(output), created on every core that gets tiles        [2]
 *   cores: split_work_to_cores(compute grid, output tiles), cores enumerated column-major (i / rows, i % rows) [2][3]
 *   no intermediate tensors: the op allocates its output only                                                  [2]
 *
 * Symbols: T(x) = tile bytes of x's dtype (bf16 2,048, f32 4,096).
 *
 * References:
 *   [1] tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOps.td@19c86fc (TTNN_GeluBackwardOp, "gelu_bw");
 *       lib/OpModel/TTNN/TTNNOpModel.cpp@19c86fc (OpModel<GeluBackwardOp> queries ttnn::experimental::gelu_bw)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/experimental/unary_backward/gelu_backward/device/gelu_backward_program_factory.cpp@04b3405
 *       (three dataflow buffers of two tiles; "This op is interleaved-only"); the older factory
 *       ttnn/cpp/ttnn/operations/eltwise/unary_backward/gelu_bw/device/gelu_bw_program_factory.cpp@06bd373 has the same CBs
 *   [3] tt-metal tt_metal/common/work_split.cpp (split_work_to_cores)
 *
 * Assumptions: interleaved tensors (the factory has no sharded path; sharded operands are unmodeled). The factory was
 *   read at 2026 commits; tt-mlir emits the op from 2025-12-03 (tt-mlir PR #5820), and earlier tt-metal builds were not
 *   checked, hence `approx`.
 * Worked example: 64x1024 bf16 grad and input, L1 interleaved, output L1 interleaved, 8x8 grid: 3·2·2,048 = 12,288 B of
 *   CBs per core; output 64 tiles over 64 banks = 2,048 B per core (tt-mlir OpModel golden
 *   TestOpModelInterface.cpp@19c86fc lines 4119, 4121); asserted in test/unit/estimate/goldenCases/backward.ts.
 */

import { tileBytes } from '../../ttnn/dtype';
import { isSharded } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/experimental/unary_backward/gelu_backward/device/gelu_backward_program_factory.cpp@04b3405',
  op: 'tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOps.td@19c86fc (TTNN_GeluBackwardOp → ttnn::experimental::gelu_bw)',
} as const;

export function estimateGeluBackward(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const grad = resolveTensor(op.operands[0], 'grad');
  if (typeof grad === 'string') return unmodeled(op.name, grad);
  const input = resolveTensor(op.operands[1], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if ([grad, input, output].some((t) => isSharded(t.layout)))
    return unmodeled(op.name, 'sharded gelu_bw is not modeled (the factory is interleaved-only)');
  if ([grad, input, output].some((t) => t.layout.pageLayout !== 'tile'))
    return unmodeled(op.name, 'gelu_bw of row-major tensors is not modeled');
  const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
  return finishProgram({
    op,
    ctx,
    factory: 'GeluBackwardProgramFactory',
    factoryReason: `${output.geometry.nPages} tiles over ${split.nCores} cores (split_work_to_cores)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'grad_output', nPages: 2, pageBytes: tileBytes(grad.dtype) },
      { index: 1, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'grad_in (output)', nPages: 2, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'approx',
    approxReason: 'factory read at 2026 tt-metal commits; builds before tt-mlir emitted gelu_bw (2025-12) not checked',
    citations: [CITES.factory, CITES.op, CITE.workSplit],
  });
}

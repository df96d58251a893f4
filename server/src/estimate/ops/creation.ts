/**
 * L1 estimate for on-device random tensors: `ttnn.rand`. (`ttnn.full`, `zeros`, `ones`, `arange`, `empty` and
 * `constant` run no CB-allocating program in the modeled builds: tt-mlir OpModel reports 0 B of CBs for them; see
 * noProgram.ts.)
 *
 * ttnn::rand generates FLOAT32 tiles with the uniform program in the requested memory config, then typecasts to the
 * requested dtype and converts the layout when they differ [2]; the figure is the largest program (composite.ts).
 *
 * Formula (bytes per core):
 *   uniform program: c_24 = 2 f32 tiles (4,096 B each), c_0 = 1 tile of the generated dtype (f32)            [1]
 *   typecast f32 → dtype: c_0 = 2 f32 tiles, c_2 = 2 dtype tiles (eltwise.ts)                               [3]
 *   cores: split_work_to_cores(grid, output tiles)
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/uniform/device/uniform_program_factory.cpp@0498173 (intermed_num_tiles = 2 f32,
 *       in_out_num_tiles = 1); the rand device op of late 2025 is its copy
 *   [2] ttnn/cpp/ttnn/operations/rand/rand.cpp (uniform in FLOAT32 / TILE, then typecast, then to_layout)
 *   [3] ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_program_factory.cpp@0021b0d
 *
 * Assumptions ('approx'): newer builds generate the requested dtype directly (rand_program_factory.cpp@01ab699: 2 f32
 *   tiles + 1 output tile, no typecast); that change is not dated yet, so every build is sized like the goldens'.
 * L1 tensors: the f32 tensor lives until the typecast has allocated its result (rand.cpp reassigns it), so an L1 bf16
 *   result holds both at once: 64x1024 → 64 f32 tiles / 64 banks = 4,096 B + 2,048 B of result = 6,144 B (tt-mlir
 *   OpModel TestOpModelLib.cpp@b73fc81:4466).
 * Worked example: rand 64x1024 bf16 tiles: uniform 2 · 4,096 + 4,096 = 12,288 B; typecast 2 · 4,096 + 2 · 2,048 =
 *   12,288 B → 12,288 B (tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:4454).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { l1Footprint } from '../../ttnn/layout';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { estimateTypecast } from './eltwise';

const CITES = {
  uniform: 'tt-metal ttnn/cpp/ttnn/operations/uniform/device/uniform_program_factory.cpp@0498173',
  rand: 'tt-metal ttnn/cpp/ttnn/operations/rand/rand.cpp (uniform FLOAT32 → typecast → to_layout)',
} as const;

export function estimateRand(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const outSpec = op.results[0];
  if (outSpec === undefined || outSpec.kind !== 'tensor') return unmodeled(op.name, 'result is not a tensor');
  const output = resolveTensor(outSpec, 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (output.layout.bufferType === 'system_memory') return unmodeled(op.name, 'rand into host memory');
  const genSpec = specWith(outSpec, { dtype: 'f32', pageLayout: 'tile' });
  const gen = resolveTensor(genSpec, 'generated tensor');
  if (typeof gen === 'string') return unmodeled(op.name, gen);
  const split = splitWorkToCores(gridArea(ctx), gen.geometry.nPages);
  const steps: Step[] = [
    {
      label: 'uniform (f32 tiles)',
      result: finishProgram({
        op: stepOp(op, 'ttnn.rand', [], [genSpec]),
        ctx,
        factory: 'UniformDeviceOperation::ProgramFactory',
        factoryReason: `${gen.geometry.nPages} f32 tiles over ${split.nCores} cores`,
        groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
        cbs: [
          { index: 24, role: 'f32 random tiles', nPages: 2, pageBytes: tileBytes('f32') },
          { index: 0, role: 'output tile', nPages: 1, pageBytes: tileBytes('f32') },
        ],
        confidence: 'exact',
        citations: [CITES.uniform, CITE.workSplit],
      }),
    },
  ];
  // Each step's input is freed when the composite reassigns it, after the step allocated its output: the L1 peak is
  // the largest (input, output) pair, of which the final result is part of the op's own output figure.
  const tensors: TensorSpec[] = [genSpec];
  let cur = genSpec;
  if (output.dtype !== 'f32') {
    const cast = specWith(cur, { dtype: output.dtype });
    steps.push({
      label: `typecast f32 → ${output.dtype}`,
      result: estimateTypecast(stepOp(op, 'ttnn.typecast', [cur], [cast]), ctx),
    });
    cur = cast;
    tensors.push(cast);
  }
  if (output.layout.pageLayout === 'row_major') {
    const rm = toLayoutStep(op, ctx, 'to row-major', cur, 'row_major');
    steps.push(rm.step);
    tensors.push(rm.to);
  }
  const l1 = tensors.map((t) =>
    t.shape.kind === 'known' && t.layout.kind === 'layout'
      ? (l1Footprint(t.shape.dims, t.layout, ctx.device)?.bytesPerCore ?? 0)
      : 0,
  );
  let peak = l1[0]!;
  for (let i = 1; i < l1.length; i++) peak = Math.max(peak, l1[i - 1]! + l1[i]!);
  const result = largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    confidence: 'approx',
    approxReason: 'newer builds generate the dtype directly (no typecast program); not dated',
    citations: [CITES.rand],
  });
  const intermediate = peak - l1[l1.length - 1]!;
  return result.kind === 'estimate' && intermediate > 0
    ? { ...result, l1IntermediateBytesPerCore: intermediate }
    : result;
}

/**
 * L1 estimate for on-device random tensors: `ttnn.rand`. (`ttnn.full`, `zeros`, `ones`, `arange`, `empty` and
 * `constant` run no CB-allocating program in the modeled builds: tt-mlir OpModel reports 0 B of CBs for them; see
 * noProgram.ts.)
 *
 * ttnn::rand generates FLOAT32 tiles with its one program in the requested memory config, then typecasts to the
 * requested dtype and converts the layout when they differ [2] (from tt-metal PR #24672, change point
 * `rand-f32-then-typecast`, 2025-07-14; before it, from PR #23521 of 2025-06-26, the program generated the requested
 * dtype and layout itself [4]); the figure is the largest program (composite.ts).
 *
 * Formula (bytes per core):
 *   rand program: c_24 = 2 f32 tiles (4,096 B each), c_0 = 1 tile of the generated dtype                      [1]
 *   typecast f32 → dtype: c_0 = 2 f32 tiles, c_2 = 2 dtype tiles (eltwise.ts)                               [3]
 *   cores: split_work_to_cores(grid, physical volume / 1,024)
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/rand/device/rand_program_factory.cpp@3a3c2d4 … @622c6fb (intermed_num_tiles = 2
 *       Float32 on c_24, in_out_num_tiles = 1 on c_0; read span rand-f32-typecast)
 *   [2] ttnn/cpp/ttnn/operations/rand/rand.cpp@3a3c2d4 … @622c6fb (prim::uniform in FLOAT32 / TILE, then typecast,
 *       then to_layout)
 *   [3] ttnn/cpp/ttnn/operations/copy/typecast/typecast_program_factory.cpp@0021b0d
 *   [4] rand.cpp and rand_program_factory.cpp@4b35144 … @f834267 (prim::uniform(shape, dtype, layout, …): one program;
 *       read span rand-program-2025-06)
 *
 * Assumptions ('approx'): builds after 622c6fb (2026-06-23) were not read; a Metal 2.0 port of the rand factory
 *   (RandProgramFactory::create_program_artifacts, search index id 55039965224, undated) keeps only the two f32
 *   tiles, without c_0, so its builds' rand program is one f32 tile smaller.
 * L1 tensors: the f32 tensor lives until the typecast has allocated its result (rand.cpp reassigns it), so an L1 bf16
 *   result holds both at once: 64x1024 → 64 f32 tiles / 64 banks = 4,096 B + 2,048 B of result = 6,144 B (tt-mlir
 *   OpModel TestOpModelLib.cpp@b73fc81:4466).
 * Worked example: rand 64x1024 bf16 tiles: uniform 2 · 4,096 + 4,096 = 12,288 B; typecast 2 · 4,096 + 2 · 2,048 =
 *   12,288 B → 12,288 B (tt-mlir OpModel golden TestOpModelLib.cpp@b73fc81:4454).
 */

import { tileBytes } from '../../ttnn/dtype';
import type { TensorSpec, TtnnOp } from '../../ttnn/op';
import { l1Footprint, volume } from '../../ttnn/layout';
import type { DataType } from '../../ttnn/dtype';
import { PAST_NEWEST_READ_TEXT, atOrAfter, readSpanCite, windowWithinReadSpan } from '../changePoints';
import { CITE, finishProgram, gridArea, groupsFromSplit, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';
import { Step, largestStep, specWith, stepOp, toLayoutStep } from './composite';
import { estimateTypecast } from './eltwise';

const CITES = {
  program:
    'tt-metal ttnn/cpp/ttnn/operations/rand/device/rand_program_factory.cpp@3a3c2d4 … @622c6fb (c_24 2 f32 tiles, c_0 1 output tile)',
  rand: 'tt-metal ttnn/cpp/ttnn/operations/rand/rand.cpp@3a3c2d4 … @622c6fb (FLOAT32 → typecast → to_layout)',
  direct:
    'tt-metal ttnn/cpp/ttnn/operations/rand/rand.cpp and device/rand_program_factory.cpp@4b35144 (one program in the requested dtype and layout)',
} as const;

/** Elements of a 32x32 tile (constants::TILE_HW): the rand program's unit of work. */
const TILE_ELEMENTS = 32 * 32;

const NOT_READ_AFTER_SNAPSHOT = `${PAST_NEWEST_READ_TEXT}: a Metal 2.0 port of the rand factory (search index id 55039965224, undated) drops c_0, one output tile less`;

export function estimateRand(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const outSpec = op.results[0];
  if (outSpec === undefined || outSpec.kind !== 'tensor') return unmodeled(op.name, 'result is not a tensor');
  const output = resolveTensor(outSpec, 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (output.layout.bufferType === 'system_memory') return unmodeled(op.name, 'rand into host memory');
  if (!atOrAfter(ctx, 'rand-f32-then-typecast')) return directRand(op, ctx, outSpec, output.layout.pageLayout);
  const genSpec = specWith(outSpec, { dtype: 'f32', pageLayout: 'tile' });
  const gen = resolveTensor(genSpec, 'generated tensor');
  if (typeof gen === 'string') return unmodeled(op.name, gen);
  const steps: Step[] = [
    {
      label: 'rand (f32 tiles)',
      result: randProgram(stepOp(op, 'ttnn.rand', [], [genSpec]), ctx, 'f32', gen.geometry.nPages),
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
  const read = windowWithinReadSpan(ctx, 'rand-f32-typecast');
  const result = largestStep(op, ctx, steps, {
    firstBeyondL1: true,
    ...(read ? {} : { confidence: 'approx' as const, approxReason: NOT_READ_AFTER_SNAPSHOT }),
    citations: [CITES.rand, ...(read ? [readSpanCite('rand-f32-typecast')] : [])],
  });
  const intermediate = peak - l1[l1.length - 1]!;
  return result.kind === 'estimate' && intermediate > 0
    ? { ...result, l1IntermediateBytesPerCore: intermediate }
    : result;
}

/** The rand program (RandDeviceOperation) generating `dtype`: c_24 two f32 tiles, c_0 one tile of `dtype` [1]. */
function randProgram(op: TtnnOp, ctx: EstimateContext, dtype: DataType, units: number): OpEstimateResult {
  const split = splitWorkToCores(gridArea(ctx), units);
  return finishProgram({
    op,
    ctx,
    factory: 'RandDeviceOperation::ProgramFactory',
    factoryReason: `${units} ${dtype} tiles over ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 24, role: 'f32 random tiles', nPages: 2, pageBytes: tileBytes('f32') },
      { index: 0, role: 'output tile', nPages: 1, pageBytes: tileBytes(dtype) },
    ],
    confidence: 'exact',
    citations: [CITES.program, CITE.workSplit],
  });
}

/**
 * Before change point rand-f32-then-typecast [4]: the one program generates the requested dtype and layout; its work is
 * physical volume / 1,024 units (whole tiles for TILE, the row-major volume floored for ROW_MAJOR).
 */
function directRand(
  op: TtnnOp,
  ctx: EstimateContext,
  outSpec: TensorSpec,
  page: 'tile' | 'row_major',
): OpEstimateResult {
  const output = resolveTensor(outSpec, 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const units = page === 'tile' ? output.geometry.nPages : Math.floor(volume(output.logical) / TILE_ELEMENTS);
  const est = randProgram(op, ctx, output.dtype, units);
  if (est.kind !== 'estimate') return est;
  const read = windowWithinReadSpan(ctx, 'rand-program-2025-06');
  return {
    ...est,
    ...(read
      ? { citations: [...est.citations, CITES.direct, readSpanCite('rand-program-2025-06')] }
      : {
          confidence: 'approx' as const,
          approxReason: 'ttnn::rand before tt-metal PR #23521 (2025-06-26) not read; sized as its first version',
          citations: [...est.citations, CITES.direct],
        }),
  };
}

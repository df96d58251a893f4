/**
 * L1 estimate for `ttnn.pad` on row-major interleaved tensors (the default multi-core reader/writer factory).
 *
 * Formula (bytes per core):
 *   stick = align(W_out · elem, 16)                                                                [1]
 *   n (sticks per 2 KiB barrier) = ceil(2048 / (W_in · elem)) before tt-metal PR #40316 (from the unaligned
 *     *input* width), else max(ceil(2048 / stick), 1)                                             [1][2]
 *   c_0 = k · n · stick, k = 16 before PR #56121, else clamp(⌊(l1/2 − base) / (n·stick)⌋, 1, 16)    [2][3]
 *   c_1 (pad value) = align(W_out · elem, dramAlign); c_2 (pad_align) same, with front padding or an
 *   unaligned stick                                                                                 [1]
 *   before PR #18370: c_0 = (rows of the busiest core) · stick, c_1 / c_2 = stick (L1-aligned)     [8]
 *   cores: split_work_to_cores(grid, rows of the output)                                           [1]
 *   printed core range: the first CoreRange of the column-wise all_cores every CB is bound to; before PR
 *   #37753 every CB is on the whole compute grid (total_cores), which the message prints          [1][9]
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_rm_reader_writer_multi_core_default_program_factory.cpp@090c6ab;
 *       ttmetal-l1-model.md §4.12; the 2025 factory pad_program_factory.cpp (pad_rm_reader_writer_multi_core_v2:
 *       c_1, c_2, then c_0 = 16 · get_num_stick_per_barrier(input) · stick)
 *   [2] tt-metal PR #40316 (fixes issue #39875: [8,1,1,1] → [8,1,1,192] had n = 512 from the 4-byte input stick)
 *   [3] tt-metal PR #56121 (fixes issue #56133: a 51,275-wide padded row with the fixed depth of 16)
 *   [8] tt-metal PR #18370 (7a6d6a8, 2025-03-03, for issue #18195: "Reduce the CB allocation in program factory"),
 *       pad_program_factory.cpp@7a6d6a8^ and @7a6d6a8 (pad_rm_reader_writer_multi_core_v2)
 *   [10] tt-metal …/pad/device/pad_op.cpp@55949a1 (2025-01-15), @e05f640 (2025-09-01), pad_device_operation.cpp@41e1c1f
 *       (PR #33552), @297f4f4 (2025-12-31): the sharded-input checks from a3801c4 (PR #15985, 2024-12-13), removed by
 *       c0d99b8 (PR #39774, 2026-03-17; git log -S of the message over pad/)
 *   [9] tt-metal PR #37753 (c7ebd5d, 2026-02-20, sub_core_grids for ttnn.pad): the CBs move from
 *       CoreRange total_cores({0, 0}, {grid.x − 1, grid.y − 1}) to all_cores; tt-forge-onnx #2680 (tt-metal 8141206,
 *       2025-07-18) prints [(x=0,y=0) - (x=7,y=7)] for a 12-row pad
 *
 * Tiled input (ttnn::pad invoke_tile, then PadDeviceOperation::select_program_factory) [4][5]:
 *   a sharded input → rejected before change point `pad-tiled-sharded-input` (tt-metal PR #39774): "ttnn.pad: Only
 *     row-major sharded inputs are supported." (height-sharded), "ttnn.pad: For sharded inputs, only height-sharding
 *     is supported." (other schemes), unless the pad is a view                                                  [10]
 *   front padding → rejected ("on device tile padding does not support front padding"); a dtype other than
 *     f32/bf16/si32/u32/u16/bfp_bf8 → rejected ("Cannot pad tilized tensor with specified format");
 *   the tile-padded output equals the input's tile-padded shape (padding stays inside the last tile, no upper dim
 *     grows) → a view, no device program;
 *   use_multicore false → PadTileCoreProgramFactory on core (0,0): c_0 = 2 tiles, c_1 (pad tile) = 1 tile        [6]
 *   use_multicore true  → PadTileMulticoreProgramFactory on the whole compute grid: c_0 = 2 pages, c_1 = 2 pages,
 *     c_2 (pad value) = 1 page, page = the output's tile page                                                    [7]
 *
 * References (continued):
 *   [4] tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/pad.cpp (invoke_tile: fill_implicit_tile_padding, then
 *       a view when pad_current_tile_dim(-1) && pad_current_tile_dim(-2) && !pad_upper_dims, else pad_impl)
 *   [5] tt-metal …/pad/device/pad_device_operation.cpp@020e15e (select_program_factory: TILE → use_multicore ?
 *       PadTileMulticoreProgramFactory : PadTileCoreProgramFactory)
 *   [6] tt-metal …/pad/device/pad_tile_program_factory.cpp@0e45a1c
 *   [7] tt-metal …/pad/device/pad_tile_multicore_program_factory.cpp@0e438e2
 *
 * Assumptions: the PR #56121 depth is min(16, max(1, ⌊budget / barrier bytes⌋)) as its description states (the diff
 *   is cut off there). A tiled pad without `use_multicore` is taken as single-core (tt-mlir's OpModel tests pass
 *   false). The multi-core tile factory was read at a 2026 commit, not dated against the build → approx. An input
 *   with implicit tile padding first runs fill_implicit_tile_padding (its own program, not sized here) → approx.
 *   The row-major path ignores use_multicore (the single-core row-major factory is unmodeled).
 * Worked example: pad of 1x32x64 bf16 RM to 1x32x96: stick = 192, n = 11, c_0 = 16·11·192 = 33,792 B,
 *   c_1 = 192, c_2 = 192 (front padding) → 34,176 B; asserted in test/unit/estimate/families.test.ts.
 *   tt-metal issue #39875 (before #40316): u32 [8,1,1,1] → [8,1,1,192]: n = 2048/4 = 512, c_0 = 16·512·768 = 6,291,456,
 *   c_1 = 768 → 103,712 + 6,292,224 = 6,395,936 B, tt-metal's figure (test/unit/analysis/threads.test.ts).
 *   Tiled, single core: 64x1024 bf16 → 64x1056: c_0 = 2·2,048 + c_1 = 2,048 → 6,144 B (golden TestOpModelLib.cpp@b73fc81:1528).
 */

import { atOrAfter } from '../changePoints';
import { elementBytes, tileBytes } from '../../ttnn/dtype';
import { alignUp } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { gridRectangle, onRange } from '../printedRange';
import {
  CITE,
  finishProgram,
  gridArea,
  groupsFromSplit,
  propBool,
  propInts,
  resolveTensor,
  splitWorkToCores,
  type ResolvedTensor,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { noProgram } from './noProgram';

const CITE_PAD =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_rm_reader_writer_multi_core_default_program_factory.cpp@090c6ab';
const CITE_PAD_BEFORE_BARRIER =
  'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_program_factory.cpp@7a6d6a8^ (pad_rm_reader_writer_multi_core_v2: c_0 = max sticks per core × stick, c_1 / c_2 L1-aligned)';

export function estimatePad(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout === 'tile') return estimateTiledPad(op, ctx, input, output);
  if (input.layout.memoryLayout !== 'interleaved') return unmodeled(op.name, 'sharded pad is not modeled');
  const elem = elementBytes(input.dtype);
  if (elem === undefined) return unmodeled(op.name, `dtype ${input.dtype} has no row-major size`);
  const wOut = output.logical[output.logical.length - 1];
  const wIn = input.logical[input.logical.length - 1];
  const stick = alignUp(wOut * elem, 16);
  const rows = output.geometry.nPages;
  const split = splitWorkToCores(gridArea(ctx), rows);
  const padding = propInts(op, 'padding') ?? [];
  // `padding` is [front0, back0, front1, back1, ...]; any non-zero front pad needs the pad_align buffer.
  const frontPad = padding.some((v, i) => i % 2 === 0 && v !== 0);
  const needsAlign = frontPad || stick % ctx.device.dramAlignmentBytes !== 0;
  // Before PR #18370 c_0 held every stick of the busiest core, and the pad-value rows were L1-aligned [8].
  const perBarrier = atOrAfter(ctx, 'pad-rm-cb-per-barrier');
  let c0Pages: number;
  let c0Why: string;
  let depth = 16;
  let fromOutput = false;
  if (perBarrier) {
    fromOutput = atOrAfter(ctx, 'pad-rm-barrier-from-output');
    // Before PR #40316 the loop `for (bytes = 0; bytes < 2048; bytes += W_in·elem) n++` ran on the input stick.
    const n = fromOutput || wIn * elem === 0 ? Math.max(Math.ceil(2048 / stick), 1) : Math.ceil(2048 / (wIn * elem));
    const budget = Math.floor(ctx.device.l1SizeBytes / 2) - ctx.device.l1UnreservedBase;
    depth = atOrAfter(ctx, 'pad-rm-depth-l1-budget') ? Math.min(16, Math.max(1, Math.floor(budget / (n * stick)))) : 16;
    c0Pages = depth * n;
    c0Why = `${n} sticks per 2 KiB barrier (counted from the ${fromOutput ? 'output' : `${wIn * elem} B input`} stick), ${depth} barriers deep`;
  } else {
    c0Pages = split.maxUnitsPerCore;
    c0Why = `c_0 holds the busiest core's ${split.maxUnitsPerCore} sticks (before PR #18370)`;
  }
  const padRow = alignUp(wOut * elem, perBarrier ? ctx.device.dramAlignmentBytes : 16);
  const cbs = [
    { index: 0, role: 'sticks', nPages: c0Pages, pageBytes: stick },
    { index: 1, role: 'pad value', nPages: 1, pageBytes: padRow },
  ];
  if (needsAlign) cbs.push({ index: 2, role: 'pad align', nPages: 1, pageBytes: padRow });
  // The factory splits with split_work_to_cores' default (column-wise); its CBs are on all_cores from PR #37753 [1],
  // before on the whole compute grid (total_cores) [8][9].
  const groups = groupsFromSplit(split, ctx.device.workerGrid, 'col', {
    order: 'col',
    ctx,
    descriptorsFrom: 'tilize-program-descriptors',
  });
  return finishProgram({
    op,
    ctx,
    factory: 'PadRmReaderWriterMultiCoreProgramFactory',
    factoryReason: `${rows} output rows over ${split.nCores} cores; stick ${stick} B, ${c0Why}`,
    groups: atOrAfter(ctx, 'pad-rm-cbs-on-all-cores') ? groups : onRange(groups, gridRectangle(ctx.device.workerGrid)),
    cbs,
    confidence: depth < 16 ? 'approx' : 'exact',
    approxReason:
      depth < 16 ? "c_0 depth below 16 follows PR #56121's description (its diff is cut off at the depth formula)" : '',
    citations: [
      CITE_PAD,
      CITE.workSplit,
      ...(perBarrier ? [] : [CITE_PAD_BEFORE_BARRIER]),
      ...(fromOutput ? ['tt-metal PR #40316'] : []),
    ],
  });
}

const CITE_PAD_TILE = {
  invoke: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/pad.cpp (invoke_tile)',
  select:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_device_operation.cpp@020e15e (select_program_factory)',
  single: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_tile_program_factory.cpp@0e45a1c',
  multi: 'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_tile_multicore_program_factory.cpp@0e438e2',
  shardedValidate:
    'tt-metal ttnn/cpp/ttnn/operations/data_movement/pad/device/pad_op.cpp@55949a1, @e05f640 (Pad::validate); pad_device_operation.cpp@41e1c1f, @297f4f4 (validate_on_program_cache_miss: sharded inputs height-sharded and row-major only, to c0d99b8~1)',
} as const;

const TILE_PAD_DTYPES: ReadonlySet<string> = new Set(['f32', 'bf16', 'si32', 'u32', 'u16', 'bfp_bf8']);

function estimateTiledPad(
  op: TtnnOp,
  ctx: EstimateContext,
  input: ResolvedTensor,
  output: ResolvedTensor,
): OpEstimateResult {
  const padding = propInts(op, 'padding') ?? [];
  if (padding.some((v, i) => i % 2 === 0 && v !== 0)) {
    return illegal(op.name, 'ttnn.pad: on device tile padding does not support front padding', CITE_PAD_TILE.invoke);
  }
  // validate_on_program_cache_miss: tiled pad takes FLOAT32, BFLOAT16, INT32, UINT32, UINT16, BFLOAT8_B only.
  if (!TILE_PAD_DTYPES.has(input.dtype)) {
    return illegal(
      op.name,
      `Cannot pad tilized tensor with specified format (${input.dtype})`,
      `${CITE_PAD_TILE.select} (validate_on_program_cache_miss)`,
    );
  }
  const rank = output.padded.length;
  const inPadded = input.padded;
  const outPadded = output.padded;
  const sameRank = inPadded.length === rank;
  const upperGrows = !sameRank || outPadded.slice(0, -2).some((d, i) => d !== inPadded[i]);
  const tileDimsSame =
    sameRank && rank >= 2 && outPadded[rank - 1] === inPadded[rank - 1] && outPadded[rank - 2] === inPadded[rank - 2];
  if (rank === 1 || (!upperGrows && tileDimsSame)) {
    return noProgram(
      op,
      ctx,
      'tiled pad inside the last tile is a view of the tile-padded input (ttnn::pad invoke_tile)',
    );
  }
  // validate (pad_op.cpp@55949a1, @e05f640; pad_device_operation.cpp@41e1c1f, @297f4f4: from a3801c4, PR #15985):
  // a sharded input must be height-sharded and row-major, until PR #39774 (c0d99b8) dropped both checks [10].
  const inSharded = input.layout.memoryLayout !== 'interleaved' && input.layout.memoryLayout !== undefined;
  if (inSharded && !atOrAfter(ctx, 'pad-tiled-sharded-input'))
    return illegal(
      op.name,
      input.layout.memoryLayout === 'height_sharded'
        ? 'ttnn.pad: Only row-major sharded inputs are supported.'
        : 'ttnn.pad: For sharded inputs, only height-sharding is supported.',
      CITE_PAD_TILE.shardedValidate,
    );
  const implicitPadding = input.logical.some((d, i) => d !== inPadded[i]);
  const notes = implicitPadding
    ? ['the input has implicit tile padding: fill_implicit_tile_padding runs first as its own program (not sized)']
    : [];
  const multicore = propBool(op, 'use_multicore') ?? false;
  if (!multicore) {
    const tile = tileBytes(input.dtype);
    return finishProgram({
      op,
      ctx,
      factory: 'PadTileCoreProgramFactory',
      factoryReason: `use_multicore false: one core, ${tile} B tiles`,
      groups: [{ name: 'core', nCores: 1, firstCore: [0, 0] }],
      cbs: [
        { index: 0, role: 'input tiles', nPages: 2, pageBytes: tile },
        { index: 1, role: 'pad tile', nPages: 1, pageBytes: tile },
      ],
      confidence: implicitPadding ? 'approx' : 'exact',
      approxReason: implicitPadding ? notes[0] : '',
      citations: [CITE_PAD_TILE.invoke, CITE_PAD_TILE.select, CITE_PAD_TILE.single],
      notes,
    });
  }
  // CBs go on every core of the compute grid (total_cores), used or not; the page is the output buffer's page.
  const page = output.geometry.pageBytes;
  const split = splitWorkToCores(gridArea(ctx), output.geometry.nPages);
  const reasons = [
    'the multi-core tile factory was read at tt-metal 0e438e2 (2026), not dated against the build window',
    ...notes,
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'PadTileMulticoreProgramFactory',
    factoryReason: `use_multicore: ${output.geometry.nPages} output tiles over ${split.nCores} cores; CBs on all ${gridArea(ctx)} grid cores, ${page} B pages`,
    groups: [{ name: 'grid', nCores: gridArea(ctx), firstCore: [0, 0] }],
    cbs: [
      { index: 0, role: 'input tiles', nPages: 2, pageBytes: page },
      { index: 1, role: 'output tiles', nPages: 2, pageBytes: page },
      { index: 2, role: 'pad value', nPages: 1, pageBytes: page },
    ],
    confidence: 'approx',
    approxReason: reasons.join('; '),
    citations: [CITE_PAD_TILE.invoke, CITE_PAD_TILE.select, CITE_PAD_TILE.multi, CITE.workSplit],
    notes,
  });
}

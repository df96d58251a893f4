/**
 * L1 estimate for `ttnn.gather` (gather along `dim`; `ttnn.scatter` stays unmodeled: its row-chunking factory was
 * not read).
 *
 * The gather composite moves `dim` last (a transpose) and works on 4-D tiles; the device op picks [1]:
 *   Wt_input ≤ 60 and Wt_index ≤ 60: SingleRowSingleCore — c_0 = Wt_input input tiles, c_1 = 1 index tile,
 *     c_2 = 1 output tile; split_work_to_cores(grid, Ht) over tile rows of the index
 *   otherwise SingleRowMultiCore — c_0 = 2 input tiles, c_1 = 1 index tile, c_2 = 1 output tile; split over Wt_index
 * Wt = padded width along `dim` / 32.
 *
 * References (tenstorrent/tt-metal):
 *   [1] ttnn/cpp/ttnn/operations/data_movement/gather/device/gather_device_operation.cpp (WT_THRESHOLD = 60,
 *       select_program_factory; search index id 860703337) and gather_program_factory.cpp@0055520
 *
 * Assumptions ('approx' when `dim` is not the last dim): the transpose programs of the composite are smaller.
 * Worked example: gather along the last dim of a 1x1x32x2048 bf16 input with a 1x1x32x64 u32 index (Wt_input = 64 > 60):
 *   multi-core factory, c_0 = 2 · 2,048, c_1 = 4,096 (u32 tile), c_2 = 2,048 → 10,240 B; see datamove.test.ts.
 */

import { tileBytes } from '../../ttnn/dtype';
import { volume } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import { CITE, finishProgram, gridArea, groupsFromSplit, propInt, resolveTensor, splitWorkToCores } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITE_GATHER = 'tt-metal ttnn/cpp/ttnn/operations/data_movement/gather/device/gather_program_factory.cpp@0055520; gather_device_operation.cpp (WT_THRESHOLD = 60, index id 860703337)';
const WT_THRESHOLD = 60;

export function estimateGather(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const index = resolveTensor(op.operands[1], 'index');
  if (typeof index === 'string') return unmodeled(op.name, index);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.pageLayout !== 'tile' || index.layout.pageLayout !== 'tile') return unmodeled(op.name, 'row-major gather operands are tilized by the composite first (not modeled)');
  const rank = input.logical.length;
  const raw = propInt(op, 'dim') ?? -1;
  const dim = raw < 0 ? raw + rank : raw;
  const wtInput = Math.ceil((input.logical[dim] ?? 1) / 32);
  const wtIndex = Math.ceil((index.logical[dim] ?? 1) / 32);
  // Tile rows of the index once `dim` is last: every other index element, in rows of 32.
  const indexRows = Math.max(1, Math.ceil(volume(index.logical) / Math.max(1, index.logical[dim] ?? 1) / 32));
  const single = wtInput <= WT_THRESHOLD && wtIndex <= WT_THRESHOLD;
  const split = splitWorkToCores(gridArea(ctx), single ? indexRows : wtIndex);
  return finishProgram({
    op, ctx, factory: single ? 'GatherProgramFactorySingleRowSingleCore' : 'GatherProgramFactorySingleRowMultiCore',
    factoryReason: `Wt_input = ${wtInput}, Wt_index = ${wtIndex} (threshold ${WT_THRESHOLD}); split over ${single ? `${indexRows} tile rows` : `${wtIndex} index tiles`} on ${split.nCores} cores`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    cbs: [
      { index: 0, role: single ? 'input row' : 'input tiles', nPages: single ? wtInput : 2, pageBytes: tileBytes(input.dtype) },
      { index: 1, role: 'index tile', nPages: 1, pageBytes: tileBytes(index.dtype) },
      { index: 2, role: 'output tile', nPages: 1, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: dim === rank - 1 && rank === 4 ? 'exact' : 'approx',
    approxReason: dim === rank - 1 && rank === 4 ? '' : 'the composite reshapes to 4-D / moves dim last first (smaller programs); row split approximated',
    citations: [CITE_GATHER, CITE.workSplit],
  });
}

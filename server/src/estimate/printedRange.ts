/**
 * The core range tt-metal's CB overflow message prints, for the factories whose CoreRangeSet was read (docs/estimators.md,
 * "Printed core range"). program.cpp keeps one CB allocator per CoreRange of the set a CB was created on and names the
 * first one that overflows; every helper here returns that first CoreRange, as [start, end] with x = column, y = row.
 * One home for these rules: common.ts's `groupsFromSplit` (opt-in `cbsOnAllCores`) and the estimators use them.
 */

import type { TensorLayout } from '../ttnn/layout';
import { windowAtOrAfter, type ChangePointId, type TtMetalWindow } from './changePoints';
import type { GroupSpec } from './common';
import type { CoreRangeXY } from './types';

/** A whole grid of [rows, cols] from (0,0): `CoreRange({0, 0}, {grid.x − 1, grid.y − 1})`. */
export function gridRectangle(grid: readonly [number, number]): CoreRangeXY {
  const [rows, cols] = grid;
  return [
    [0, 0],
    [cols - 1, rows - 1],
  ];
}

/**
 * The first CoreRange of tt-metal's `num_cores_to_corerangeset(n, grid, row_wise = true)` (work_split): the
 * floor(n / cols) full rows (0,0)-(cols − 1, rows − 1), else the n cores of row 0. The remainder row is a second range,
 * whose CB allocator tt-metal checks after this one: with the same CBs on both, the overflow message names this one.
 */
export function firstRowWiseRange(nCores: number, gridCols: number): CoreRangeXY {
  const fullRows = Math.floor(nCores / gridCols);
  return fullRows > 0
    ? [
        [0, 0],
        [gridCols - 1, fullRows - 1],
      ]
    : [
        [0, 0],
        [nCores - 1, 0],
      ];
}

/**
 * The first CoreRange of `num_cores_to_corerangeset(n, grid, row_wise)` (tt_metal/common/work_split.cpp, index id
 * 2641121430), which is the `all_cores` `split_work_to_cores(grid, units, row_wise)` returns: row-wise the
 * floor(n / cols) full rows, else the n cores of row 0; column-wise the floor(n / rows) full columns
 * (0,0)-(k − 1, rows − 1), else the n cores of column 0. `grid` is [rows, cols].
 *
 * `merged` (change point `cb-core-ranges-merged`): the program merges a CB's CoreRangeSet before it keys the CB
 * allocators on its ranges (ProgramImpl::add_circular_buffer → CoreRangeSet::merge_ranges, core_coord.cpp), a row-by-row
 * sweep that joins runs of equal extent and returns the ranges ordered by start core (x first). A column-wise set with a
 * remainder, k full columns and r more cores in column k, becomes (0,0)-(k, r − 1) over (0, r)-(k − 1, rows − 1): the
 * first is the block over the remainder's rows. Row-wise sets and single ranges come out unchanged.
 */
export function firstSplitRange(
  nCores: number,
  grid: readonly [number, number],
  order: 'row' | 'col',
  merged: boolean,
): CoreRangeXY {
  const [rows, cols] = grid;
  if (order === 'row') return firstRowWiseRange(nCores, cols);
  const fullCols = Math.floor(nCores / rows);
  const remainder = nCores % rows;
  if (fullCols > 0 && remainder > 0 && merged)
    return [
      [0, 0],
      [fullCols, remainder - 1],
    ];
  return fullCols > 0
    ? [
        [0, 0],
        [fullCols - 1, rows - 1],
      ]
    : [
        [0, 0],
        [0, nCores - 1],
      ];
}

/**
 * The first CoreRange of the `all_cores` split_blocks_for_tilize hands a tilize-family factory (work_split_tilize.hpp@02ed05c)
 * over the whole grid ([rows, cols]), as the CB allocators key it. `cores` names the overload: 'row', the CoreCoord one,
 * whole-row rectangles from (0,0) (full rows, then the partial row): its first range is `firstRowWiseRange`, merged or not;
 * 'col', the CoreRangeSet one, one 1x1 CoreRange per core in corerange_to_cores order (column-major): merged by the
 * program (`merged`), the column-wise set's merge (`firstSplitRange`); as given (a ProgramDescriptor's CB), the first
 * 1x1 range, core (0,0).
 */
export function firstTilizeSplitRange(
  nCores: number,
  grid: readonly [number, number],
  cores: 'row' | 'col',
  merged: boolean,
): CoreRangeXY {
  if (cores === 'row') return firstRowWiseRange(nCores, grid[1]);
  if (!merged)
    return [
      [0, 0],
      [0, 0],
    ];
  return firstSplitRange(nCores, grid, 'col', true);
}

/**
 * The printed range of a factory whose CBs sit on split_blocks_for_tilize's `all_cores` of n cores (the tilize /
 * tilize_with_val_padding default factories, the untilize_with_unpadding interleaved factory): whole-row rectangles
 * before the factory took the CoreRangeSet overload (change point `columnMajorFrom`); then 1x1 ranges in column-major
 * order, merged by add_circular_buffer; from `descriptorsFrom` (the factory a ProgramDescriptor) kept as given, so the
 * first allocator is core (0,0)'s. Only the printed range depends on these change points, no figure: the window's newest
 * build answers rather than splitting the window.
 */
export function splitBlocksForTilizeRange(
  window: TtMetalWindow,
  nCores: number,
  grid: readonly [number, number],
  columnMajorFrom: ChangePointId,
  descriptorsFrom: ChangePointId,
): CoreRangeXY {
  const columnMajor = windowAtOrAfter(window, columnMajorFrom);
  const merged = !columnMajor || !windowAtOrAfter(window, descriptorsFrom);
  return firstTilizeSplitRange(nCores, grid, columnMajor ? 'col' : 'row', merged);
}

/** Whether the column-wise all_cores of n cores has a remainder column, the one shape merging changes. */
export function splitRangeMergeMatters(nCores: number, grid: readonly [number, number], order: 'row' | 'col'): boolean {
  const rows = grid[0];
  return order === 'col' && nCores > rows && nCores % rows !== 0;
}

/**
 * The first CoreRange of a tensor's shard grid (`shard_spec.grid`): its first printed range, else (no ranges in the
 * IR) the grid tt-mlir lays out from (0,0) — a rectangle for block sharding, the device grid filled row by row for
 * height / width sharding (tt-mlir's virtual-to-physical core mapping).
 */
export function shardGridFirstRange(layout: TensorLayout, deviceCols: number): CoreRangeXY {
  const first = layout.coreRanges?.[0];
  if (first !== undefined)
    return [
      [first.start.x, first.start.y],
      [first.end.x, first.end.y],
    ];
  const [r, c] = layout.gridShape;
  if (layout.memoryLayout === 'block_sharded') return gridRectangle([r, c]);
  return firstRowWiseRange(r * c, deviceCols);
}

/** The groups with the factory's printed range: every CB sits on one CoreRangeSet shared by all the groups. */
export function onRange(groups: readonly GroupSpec[], printedRange: CoreRangeXY): GroupSpec[] {
  return groups.map((g) => ({ ...g, printedRange }));
}

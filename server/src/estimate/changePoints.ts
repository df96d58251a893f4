/**
 * The version axis: the one table of tt-metal factory changes that alter CB sizes or factory selection, and the
 * window of tt-metal builds an estimate is made for.
 *
 * Estimators branch only with `atOrAfter(ctx, id)`, never on raw dates, so every version-dependent rule is listed here.
 * A build window that straddles a change point an estimator asks about is split there by the registry
 * (`estimate/registry.ts`), which runs the estimator once per sub-window and reports the range of figures.
 */

import type { EstimateContext } from './types';

/** ISO calendar date, `YYYY-MM-DD`. ISO strings order like the dates they name. */
export type IsoDate = string;

/** Inclusive range of tt-metal build dates an analysis assumes. */
export interface TtMetalWindow {
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

export interface ChangePoint {
  /** Op family the change affects, as the estimator files name it. */
  readonly family: string;
  /** tenstorrent/tt-metal pull request that made the change. */
  readonly pr: number;
  /** Merge date: builds from this date on have the new behaviour. */
  readonly mergedOn: IsoDate;
  /** How sure the date is: 'merge' (merge commit date read), 'approx' (month known, day estimated). */
  readonly dateFrom: 'merge' | 'approx';
  readonly what: string;
  /** `path@commit` of the factory before and after the change (or reference notes). */
  readonly before: string;
  readonly after: string;
}

/** First and last build dates the table was checked against; a window never reaches outside them. */
export const OLDEST_MODELED_BUILD: IsoDate = '2025-01-01';
export const NEWEST_MODELED_BUILD: IsoDate = '2026-11-30';

export const CHANGE_POINTS = {
  'tilize-untilize-sub-block': {
    family: 'tilize/untilize',
    pr: 35806,
    mergedOn: '2026-02-01',
    dateFrom: 'approx',
    what: 'block factories cap the block edge at the free-L1 limit (compute_ncores_wh_sb sub-blocks) instead of full-width blocks',
    before: 'tt-metal …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@645aa76',
    after: 'tt-metal …/untilize_with_unpadding_multi_core_block_interleaved_program_factory.cpp@0cb8f4d; work_split_tilize.hpp@02ed05c',
  },
  'embedding-row-chunks': {
    family: 'embedding',
    pr: 42548,
    mergedOn: '2026-04-01',
    dateFrom: 'approx',
    what: 'row-major embedding streams weight rows longer than 1 MiB in 1 MiB chunks instead of one whole-row page',
    before: 'ttmetal-l1-model.md §4.5 (whole-row page)',
    after: 'ttmetal-l1-model.md §4.5 (1 MiB chunks, PR #42548)',
  },
  'matmul-narrow-l1-1d': {
    family: 'matmul',
    pr: 32173,
    mergedOn: '2025-11-11',
    dateFrom: 'approx',
    what: 'auto-config: tall/wide (side ratio > 8) interleaved matmuls take the 1D mcast configs whatever their buffers; before, only all-DRAM matmuls did (L1 operands fell to 2D or the non-reuse factory)',
    before: 'tt-metal PR #32173 description ("The restriction to only use it for DRAM matmuls"), matmul_program_config.cpp is_narrow_shape',
    after: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (is_narrow_shape: ratio > 8 for any buffers; a side within one tile only when all DRAM)',
  },
  'matmul-a-batch-broadcast': {
    family: 'matmul',
    pr: 47640,
    mergedOn: '2026-06-22',
    dateFrom: 'approx',
    what: 'matmul with a unbatched (batch 1) and b batched: rejected before ("bmm (non-bcast matmul) expects input tensors of shapes BCMK*BCKN=BCMN", tt-metal issue #12834); from then on routed to a 1D mcast-in1 config that reuses a across b\'s batches',
    before: 'tt-metal issue #12834 (TT_FATAL in matmul_device_operation.cpp validate)',
    after: 'tt-metal ttnn/cpp/ttnn/operations/matmul/device/config/matmul_program_config.cpp@001cea9 (create_simple_matmul_program_config: A batch=1 with B batched → get_mcast_1d_config)',
  },
  'unary-mixed-memory-layouts': {
    family: 'eltwise (unary)',
    // The PR that relaxed it was not found; #32376 is the tt-metal issue that tracks the relaxation. Illegal at
    // f4163c2 (2025-11, tt-mlir OpModel goldens); the date is the month the relaxation is reported to have landed.
    pr: 32376,
    mergedOn: '2026-04-01',
    dateFrom: 'approx',
    what: 'unary ops accept an input and output of different memory layouts (interleaved ↔ sharded); before, validate throws',
    before: 'tt-metal …/eltwise/unary/device/unary_device_operation.cpp (validate: "Unary operation requires Input and Output memory layout to match"); opmodel-golden-open.tsv TestOpModelLib.cpp@b73fc81:275, :308',
    after: 'tt-metal issue #32376 (relax unary input/output memory layout constraints)',
  },
} as const satisfies Record<string, ChangePoint>;

export type ChangePointId = keyof typeof CHANGE_POINTS;

/** Every window the build axis allows (no build information at all). */
export const FULL_WINDOW: TtMetalWindow = { earliest: OLDEST_MODELED_BUILD, latest: NEWEST_MODELED_BUILD };

export function changePoint(id: ChangePointId): ChangePoint {
  return CHANGE_POINTS[id];
}

/**
 * Whether the build has change point `id`. When the window straddles its date, the answer is for the window's newest
 * build and the id is reported to `ctx.ttMetal.straddled`, so the registry can split the window and ask again.
 */
export function atOrAfter(ctx: EstimateContext, id: ChangePointId): boolean {
  const date = CHANGE_POINTS[id].mergedOn;
  const { window } = ctx.ttMetal;
  if (window.earliest >= date) return true;
  if (window.latest < date) return false;
  ctx.ttMetal.straddled?.add(id);
  return true;
}

/** The day before an ISO date. */
export function dayBefore(date: IsoDate): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Split a window at change points' dates (each date starts a sub-window); dates outside the window are ignored. */
export function splitWindow(window: TtMetalWindow, ids: Iterable<ChangePointId>): TtMetalWindow[] {
  const dates = [...new Set([...ids].map((id) => CHANGE_POINTS[id].mergedOn))]
    .filter((d) => d > window.earliest && d <= window.latest)
    .sort();
  const out: TtMetalWindow[] = [];
  let earliest = window.earliest;
  for (const d of dates) {
    out.push({ earliest, latest: dayBefore(d) });
    earliest = d;
  }
  out.push({ earliest, latest: window.latest });
  return out;
}

/** A window for a user-given date: `YYYY-MM-DD` is one day, `YYYY-MM` the whole month. Undefined if malformed. */
export function windowForDate(text: string): TtMetalWindow | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > lastDay) return undefined;
    return { earliest: text.trim(), latest: text.trim() };
  }
  return { earliest: `${m[1]}-${m[2]}-01`, latest: `${m[1]}-${m[2]}-${String(lastDay).padStart(2, '0')}` };
}

/** `2025-09..2026-01`, or one date when the window is a day. */
export function windowText(window: TtMetalWindow): string {
  if (window.earliest === window.latest) return window.earliest;
  return `${window.earliest}..${window.latest}`;
}

/** The change points whose dates fall inside a window (the rules that may differ between its builds). */
export function changePointsWithin(window: TtMetalWindow): ChangePointId[] {
  return (Object.keys(CHANGE_POINTS) as ChangePointId[]).filter((id) => {
    const d = CHANGE_POINTS[id].mergedOn;
    return d > window.earliest && d <= window.latest;
  });
}

/** `PR #35806 (2026-02-01)` for messages. */
export function changePointText(id: ChangePointId): string {
  const cp = CHANGE_POINTS[id];
  return `tt-metal PR #${cp.pr} (${cp.dateFrom === 'approx' ? '≈' : ''}${cp.mergedOn})`;
}

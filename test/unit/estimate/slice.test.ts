/**
 * Slice routing and CBs, figures derived by hand from tt-metal's source (slice.cpp@81b4b13 SliceOperation::invoke,
 * slice_device_operation.cpp@019b681, slice_program_factory_rm.cpp@d9f28d7 compute_cb_size,
 * slice_program_factory_rm_stride.cpp@465a425). The corpus case is also tt-metal's own message (tt-mlir PR #8082 /
 * tt-metal #42882): "grow to 2168608 B" on a build with base 103,712 B = 103,712 + 2 x (258,112 x 4 B).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { estimateOp } from '../../../server/src/estimate/registry';
import { CHANGE_POINTS, dayBefore, pastNewestReadReason } from '../../../server/src/estimate/changePoints';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { ints, op, tensor, whContext } from './build';
import { assertCoreGroups } from '../../support/coreGroups';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', r.kind === 'estimate' ? '' : `${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r;
}

const rm = (shape: number[]) => tensor(shape, { page: 'row_major' });

/** A step's figure in a composite's reason ("label: Factory N B"), for the one program a hand figure is about. */
function stepBytes(e: OpEstimate, label: string): number {
  const m = new RegExp(`${label.replace(/[()]/g, '\\$&')}: \\S+ (\\d+) B`).exec(e.factoryReason);
  assert.ok(m, `no step ${label} in: ${e.factoryReason}`);
  return Number(m[1]);
}

const FILE = path.join(
  __dirname,
  '../../fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/Workarounds/slice_static_workaround.mlir',
);

describe('estimate/slice: tiled input, start off a tile boundary', () => {
  // tt-metal's 2,168,608 B is a build before PR #49067 (sub-row chunks, after which the slice fits): the file's own
  // syntax dates it to a window straddling that change point, where the overflow is only build-dependent.
  const beforeSubRowChunks = dayBefore(CHANGE_POINTS['slice-rm-subrow-chunks'].mergedOn);
  const doc = analyzeDocument(fs.readFileSync(FILE, 'utf8'), {
    ...DEFAULT_ANALYSIS_SETTINGS,
    l1UnreservedBase: 103_712,
    ttMetalDate: beforeSubRowChunks,
  });
  const [wide, narrow] = doc.analysis.functions.map((f) => f.ops.find((o) => o.op.name === 'ttnn.slice_static')!);

  it("reproduces tt-metal's 2,168,608 B for 6x3x258112 f32 sliced at row 2", () => {
    const est = wide!.estimate;
    assert.equal(est.kind, 'estimate');
    if (est.kind !== 'estimate') return;
    // begins[-2] = 2 is off a tile boundary → to_layout ROW_MAJOR, then SliceRmProgramFactory on 6 rows (6 cores, 1 each).
    // Row = 258,112 x 4 = 1,032,448 B (multiple of the 32 B DRAM alignment), > 4096 so 1 row per read:
    // c_0 = 1 x 2 x 1,032,448 = 2,064,896; 103,712 + 2,064,896 = 2,168,608.
    assert.equal(est.cbRegionEndBytes, 2_168_608);
    assert.deepEqual(
      est.cbs.map((cb) => [cb.nPages, cb.pageBytes]),
      [[2, 1_032_448]],
    );
    assert.equal(est.factory, 'SliceRmProgramFactory');
    assert.equal(est.nCoresUsed, 6);
    assert.ok(est.citations.some((c) => c.includes('data_movement/slice/slice.cpp@81b4b13')));
    // The untilize before and the tilize after are separate programs: on this build (sub-block era) both stay far
    // below the slice program, which is the op's figure.
    assert.match(est.factoryReason, /3 programs run in turn/);
    // The day before PR #49067 (2026-07-05) is past 622c6fb: the three programs as read over read span
    // slice-tiled-rm-path, approx only for that build being unread.
    assert.deepEqual(
      [est.confidence, est.approxReason],
      ['approx', pastNewestReadReason({ earliest: beforeSubRowChunks, latest: beforeSubRowChunks })],
    );
    assert.equal(wide!.overflow?.status, 'first');
  });

  it('keeps the 6x3x64 case of the same file inside L1 (2 x 64 x 4 B rows, no decomposition needed)', () => {
    const est = narrow!.estimate;
    assert.equal(est.kind, 'estimate');
    if (est.kind !== 'estimate') return;
    // 64 f32 = 256 B per row; 6 rows over 6 cores round up to 32 per read target; m = largest divisor of 32 with
    // m x 256 <= 4096 = 16; c_0 = 2 x 16 x 256 = 8,192 B for the slice program. The tilize of its (6, 1, 64) f32 result
    // holds a tile row: Wt = 2, c_0 = c_16 = 2 x 4,096 → 16,384 B, the op's figure.
    assert.equal(stepBytes(est, 'row-major slice'), 8_192);
    assert.equal(stepBytes(est, 'to_layout TILE (result)'), 16_384);
    assert.equal(est.cbBytesPerCore, 16_384);
    assert.equal(narrow!.overflow, undefined);
  });
});

describe('estimate/slice: routing and CBs by hand from the source', () => {
  it('TILE, begins on tile boundaries: SliceTileProgramFactory, 2 tiles', () => {
    // Output 64x96 bf16 = 2 x 3 = 6 tiles over 6 cores; c_0 = 2 x 2,048 = 4,096 B.
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([64, 96])], {
          begins: ints(0, 32),
          ends: ints(64, 128),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'SliceTileProgramFactory');
    assert.equal(e.nCoresUsed, 6);
    assert.equal(e.cbBytesPerCore, 4_096);
    assert.equal(e.confidence, 'exact');
  });

  it('TILE: 70 output tiles split column-wise, the 1-tile group from (x=0,y=6); c_0 on all_cores, the whole grid', () => {
    // slice_program_factory_tile.cpp@01c8afe: split_work_to_cores(8x8, 70) with row_wise = false, tiles by
    // core_group membership: 70 = 6·2 + 58·1, group 1 = column 0's first 6 cores, group 2 from the 7th column-major
    // core (0,6); all_cores = (0,0)-(7,7), where c_0 is created.
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([2240, 64])], [tensor([2240, 32])], {
          begins: ints(0, 32),
          ends: ints(2240, 64),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'SliceTileProgramFactory');
    assertCoreGroups(
      e,
      [
        [[0, 0], 6],
        [[0, 6], 58],
      ],
      [
        [0, 0],
        [7, 7],
      ],
    );
  });

  it('row-major, begins[-1] misaligned: the page alignment doubles (32 → 64)', () => {
    // Row 100 bf16 = 200 B; begins[-1] = 1 → 2 B, not a multiple of the 32 B DRAM alignment → a = 2 x 32 = 64;
    // page = round_up(200, 64) = 256. 64 rows on 64 cores, 1 each → target 32; largest divisor of 32 with m x 256 ≤ 4096
    // is 16; c_0 = 16 x 2 x 256 = 8,192 B (7,168 B had the alignment stayed 32: page 224, m 16).
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [rm([64, 128])], [rm([64, 100])], {
          begins: ints(0, 1),
          ends: ints(64, 101),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(e.factory, 'SliceRmProgramFactory');
    assert.deepEqual(
      e.cbs.map((cb) => [cb.nPages, cb.pageBytes]),
      [[32, 256]],
    );
    assert.equal(e.cbBytesPerCore, 8_192);
    assert.equal(e.confidence, 'exact');
  });

  it('row-major, misaligned start: rows per read merged over the single-aligned row from PR #43055 (2026-04-28)', () => {
    // [10240, 64] bf16 → [10240, 48] at begins[-1] = 1 (2 B: off the 32 B DRAM alignment). Row 96 B; page =
    // round_up(96, 64) = 128. 10,240 rows over 64 cores = 160 each (already a multiple of 32). merge_num_sticks_to_read
    // (160, stride, 4096) ends at the largest k dividing 160 with k · stride ≤ 4096, num_read_per_barrier = k.
    // Before (stride = the page, 128): k ≤ 32 → 32; c_0 = 32 · 2 · 128 = 8,192 B. From #43055 (stride = round_up(96,
    // 32) = 96): k ≤ 42 → 40; c_0 = 40 · 2 · 128 = 10,240 B.
    const slice = op('ttnn.slice_static', [rm([10240, 64])], [rm([10240, 48])], {
      begins: ints(0, 1),
      ends: ints(10240, 49),
      step: ints(1, 1),
    });
    const before = est(estimateOp(slice, whContext({ ttMetalDate: '2026-04-27' })));
    assert.equal(before.cbBytesPerCore, 8_192);
    const after = est(estimateOp(slice, whContext({ ttMetalDate: '2026-04-28' })));
    assert.equal(after.cbBytesPerCore, 10_240);
    assert.deepEqual(
      after.cbs.map((cb) => [cb.nPages, cb.pageBytes]),
      [[80, 128]],
    );
    assert.equal(after.confidence, 'exact');
  });

  it('TILE with begins[-1] off a tile boundary: the same row-major program; exact on builds read (2025-03-21..2026-06-14)', () => {
    // Same figures as the row-major case above: the untilized copy lives in the output's DRAM memory config.
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([64, 100])], {
          begins: ints(0, 1),
          ends: ints(64, 101),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(stepBytes(e, 'row-major slice'), 8_192);
    assert.match(e.factoryReason, /row-major slice: SliceRmProgramFactory/);
    // Around it: the untilize of the 64x128 input and the tilize of the 64x100 result each hold a tile row of 4 tiles
    // in and out (4 x 2,048 x 2 = 16,384 B), the op's figure.
    assert.equal(stepBytes(e, 'to_layout ROW_MAJOR (input)'), 16_384);
    assert.equal(e.cbBytesPerCore, 16_384);
    // whContext's build (2025-11-27) lies in read span slice-tiled-rm-path: every slice.cpp and row-major factory
    // commit of it read, to 622c6fb (2026-06-23): PR #45974 of 06-15 reroutes only sharded row-major inputs, so a
    // window ending 06-20 is exact too. A window reaching past 622c6fb stays approx.
    assert.equal(e.confidence, 'exact');
    const june = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([64, 100])], {
          begins: ints(0, 1),
          ends: ints(64, 101),
          step: ints(1, 1),
        }),
        whContext({ window: { earliest: '2026-06-01', latest: '2026-06-20' } }),
      ),
    );
    assert.equal(june.confidence, 'exact');
    const past = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([64, 100])], {
          begins: ints(0, 1),
          ends: ints(64, 101),
          step: ints(1, 1),
        }),
        whContext({ window: { earliest: '2026-06-01', latest: '2026-07-01' } }),
      ),
    );
    // A window past 622c6fb: the same figure; the three-program path read up to it, approx for the later builds alone.
    assert.equal(past.cbBytesPerCore, 16_384);
    assert.deepEqual(
      [past.confidence, past.approxReason],
      ['approx', pastNewestReadReason({ earliest: '2026-06-01', latest: '2026-07-01' })],
    );
  });

  it('a legacy-era build: the untilize of the whole input overflows first, and its figure is the one reported', () => {
    // (32, 1572864) bf16 TILE sliced at row 1 (begins[-2] off a tile boundary) on a 2026-01-05 build (before PR #35806):
    // ttnn::slice first runs to_layout ROW_MAJOR of the whole input: the legacy block split, Wt = 49,152, b = 781 →
    // 62 blocks + a 730-tile cliff; the cliff_col_row core's CBs are checked first: 730·(2,048 + 2,048) = 2,990,080 +
    // 102,656 (base) = 3,092,736 B, past L1 (tt-metal #35738 printed this untilize figure). The row-major slice after it
    // would need 2 pages of 1,572,864·2 = 3,145,728 B (6,291,456 B), larger, but tt-metal never reaches it.
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([32, 1_572_864])], [tensor([1, 1_572_864])], {
          begins: ints(1, 0),
          ends: ints(2, 1_572_864),
          step: ints(1, 1),
        }),
        whContext({ ttMetalDate: '2026-01-05', base: 102_656 }),
      ),
    );
    assert.equal(e.factory, 'UntilizeMultiCoreBlockProgramFactory');
    assert.equal(e.cbRegionEndBytes, 3_092_736);
    assert.match(e.factoryReason, /the first past L1 is to_layout ROW_MAJOR \(input\)/);
    // After PR #35806 the untilize is cut into sub-blocks and the row-major slice (6,291,456 B of CBs) is the first past L1.
    const later = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([32, 1_572_864])], [tensor([1, 1_572_864])], {
          begins: ints(1, 0),
          ends: ints(2, 1_572_864),
          step: ints(1, 1),
        }),
        whContext({ ttMetalDate: '2026-04-01', base: 103_712 }),
      ),
    );
    assert.equal(later.factory, 'SliceRmProgramFactory');
    assert.equal(later.cbRegionEndBytes, 103_712 + 6_291_456);
  });

  it('TILE in DRAM sliced into L1: the untilized copy is in L1, so a 16 B start offset is aligned', () => {
    // Slice program src = untilized copy in the output's L1 config (align 16), dst L1 (16) → a = 16; begins[-1] = 8 bf16
    // = 16 B, a multiple of 16 → no doubling. Row 100 bf16 = 200 B → page = round_up(200, 16) = 208; 64 rows on 64 cores
    // → target 32; largest divisor of 32 with m x 208 ≤ 4096 is 16; c_0 = 16 x 2 x 208 = 6,656 B.
    // (Reading the DRAM input instead: a = 32, 16 B misaligned → 64, page 256, 8,192 B.)
    const e = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([64, 100], { buffer: 'l1' })], {
          begins: ints(0, 8),
          ends: ints(64, 108),
          step: ints(1, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(stepBytes(e, 'row-major slice'), 6_656);
  });

  it('a step ≠ 1 takes SliceRmStrideProgramFactory: 2 rows', () => {
    // Output 32 rows of 128 bf16 = 256 B (multiple of 32) over 32 cores; c_0 = 2 x 256 = 512 B.
    const r = est(
      estimateOp(
        op('ttnn.slice_static', [rm([64, 128])], [rm([32, 128])], {
          begins: ints(0, 0),
          ends: ints(64, 128),
          step: ints(2, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(r.factory, 'SliceRmStrideProgramFactory');
    assert.equal(r.nCoresUsed, 32);
    assert.equal(r.cbBytesPerCore, 512);
    assert.equal(r.confidence, 'exact');
    // The same slice of a TILE input is untilized first (strided TILE input is refused by the device op).
    const t = est(
      estimateOp(
        op('ttnn.slice_static', [tensor([64, 128])], [tensor([32, 128])], {
          begins: ints(0, 0),
          ends: ints(64, 128),
          step: ints(2, 1),
        }),
        whContext(),
      ),
    );
    assert.equal(stepBytes(t, 'row-major slice'), 512);
    assert.match(t.factoryReason, /row-major slice: SliceRmStrideProgramFactory/);
    assert.equal(t.confidence, 'approx');
  });

  it('a u16 TILE slice that needs the row-major path is unmodeled (tt-metal refuses the implicit untilize)', () => {
    const r = estimateOp(
      op('ttnn.slice_static', [tensor([64, 128], { dtype: 'u16' })], [tensor([64, 100], { dtype: 'u16' })], {
        begins: ints(0, 1),
        ends: ints(64, 101),
        step: ints(1, 1),
      }),
      whContext(),
    );
    assert.equal(r.kind, 'unmodeled');
  });
});

/**
 * Tiled `ttnn.pad` (server/src/estimate/ops/pad.ts), figures derived by hand from tt-metal's tile factories:
 * pad_tile_program_factory.cpp@0e45a1c (c_0 = 2 tiles, c_1 = 1 tile, core (0,0)) and
 * pad_tile_multicore_program_factory.cpp@0e438e2 (c_0 = 2 pages, c_1 = 2 pages, c_2 = 1 page on every grid core).
 */

import { strict as assert } from 'assert';
import type { PropValue } from '../../../server/src/ttnn/op';
import { estimateOp } from '../../../server/src/estimate/registry';
import { ints, op, tensor, whContext } from './build';
import { assertCoreGroups } from '../../support/coreGroups';

const bool = (value: boolean): PropValue => ({ kind: 'bool', value });

describe('estimate/pad (tiled)', () => {
  it('single core: two input tiles and one pad tile of the input dtype', () => {
    // tt::tile_size(Bfp8_b) = 1,024 mantissa bytes + 64 shared-exponent bytes = 1,088 B;
    // c_0 = 2·1,088 = 2,176, c_1 = 1,088 → 3,264 B on one core.
    const t = (s: number[]) => tensor(s, { dtype: 'bfp_bf8' });
    const r = estimateOp(
      op('ttnn.pad', [t([1, 64, 64])], [t([1, 64, 96])], {
        padding: ints(0, 0, 0, 0, 0, 32),
        use_multicore: bool(false),
      }),
      whContext(),
    );
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.factory, 'PadTileCoreProgramFactory');
    assert.equal(r.nCoresUsed, 1);
    assert.equal(r.cbBytesPerCore, 3264);
    assert.equal(r.confidence, 'exact');
  });

  it('multi-core: 2 + 2 + 1 output pages on every core of the grid', () => {
    // bf16 tile 2,048 B: c_0 = 4,096, c_1 = 4,096, c_2 = 2,048 → 10,240 B per core on all 8·8 = 64 cores.
    const r = estimateOp(
      op('ttnn.pad', [tensor([64, 1024])], [tensor([64, 1056])], {
        padding: ints(0, 0, 0, 32),
        use_multicore: bool(true),
      }),
      whContext(),
    );
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.factory, 'PadTileMulticoreProgramFactory');
    assert.equal(r.cbBytesPerCore, 10240);
    assert.equal(r.nCoresUsed, 64);
  });

  it('rejects front padding of a tiled tensor', () => {
    const r = estimateOp(
      op('ttnn.pad', [tensor([64, 64])], [tensor([64, 96])], {
        padding: ints(0, 0, 32, 0),
        use_multicore: bool(false),
      }),
      whContext(),
    );
    assert.equal(r.kind, 'illegal');
    assert.ok(r.kind === 'illegal' && /front padding/.test(r.rule));
  });

  it('rejects a tiled dtype the tile factories do not take (bfp_bf4)', () => {
    const t = (s: number[]) => tensor(s, { dtype: 'bfp_bf4' });
    const r = estimateOp(
      op('ttnn.pad', [t([64, 64])], [t([64, 96])], { padding: ints(0, 0, 0, 32), use_multicore: bool(false) }),
      whContext(),
    );
    assert.equal(r.kind, 'illegal');
    assert.ok(r.kind === 'illegal' && /Cannot pad tilized tensor/.test(r.rule));
  });

  it('padding inside the last tile is a view with no program', () => {
    // 30x30 → 31x31: both tile-pad to 32x32, no upper dim grows → ttnn::experimental::view.
    const r = estimateOp(
      op('ttnn.pad', [tensor([30, 30])], [tensor([31, 31])], { padding: ints(0, 1, 0, 1), use_multicore: bool(false) }),
      whContext(),
    );
    assert.equal(r.kind, 'noProgram');
  });
});

describe('estimate/pad (row-major): core groups in the split order', () => {
  it("70 output rows on 8x8: the 2-row group is column 0's first 6 cores, the 1-row group starts at (0,6)", () => {
    // split_work_to_cores(8x8, 70) with its default row_wise = false (pad_rm_reader_writer_multi_core_default_program_factory.cpp@090c6ab):
    // 64 cores, 70 = 6·2 + 58·1 → group 1 = the first 6 cores column-major, (0,0)..(0,5); group 2 from the 7th,
    // (x=0,y=6) (row-major it would be (x=6,y=0)). All CBs on all_cores = the whole grid (0,0)-(7,7).
    const rm = (s: number[]) => tensor(s, { page: 'row_major' });
    const r = estimateOp(op('ttnn.pad', [rm([70, 64])], [rm([70, 96])], { padding: ints(0, 0, 0, 32) }), whContext());
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assertCoreGroups(
      r,
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
});

describe('estimate/pad (row-major, before tt-metal PR #18370)', () => {
  // pad_program_factory.cpp@7a6d6a8^ (pad_rm_reader_writer_multi_core_v2): c_0 = the busiest core's sticks × stick,
  // c_1 (pad value) and c_2 (pad align, front padding) one L1-aligned stick each; all on the whole 8x8 grid. Each CB
  // starts at the previous end rounded up to 32 B (program.cpp's placement; the base is 32-aligned).
  const rm = (s: number[]) => tensor(s, { dtype: 'f32', page: 'row_major' });
  const pad = (rows: number) =>
    op('ttnn.pad', [rm([rows, 3])], [rm([rows, 132])], { padding: ints(0, 0, 31, 98), use_multicore: bool(true) });

  it('one stick per core: 528 + 16 + 528 + 16 + 528 B (the stick is 132·4 = 528, 16- but not 32-aligned)', () => {
    const r = estimateOp(pad(12), whContext({ ttMetalDate: '2025-03-02' }));
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.cbBytesPerCore, 3 * 528 + 2 * 16);
    assert.equal(r.confidence, 'exact');
  });

  it('200 rows over 64 cores: the first 8 cores take 4 sticks, so c_0 = 4·528', () => {
    // split_work_to_cores(64, 200): 200 = 64·3 + 8 → 8 cores with 4 rows; c_0 = 2,112, c_1 = 528 (ends 16 B off the
    // 32 B grid), c_2 = 528 → 2,112 + 528 + 16 + 528 = 3,184 B.
    const r = estimateOp(pad(200), whContext({ ttMetalDate: '2025-03-02' }));
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.cbBytesPerCore, 4 * 528 + 528 + 16 + 528);
  });

  it('from PR #18370 (2025-03-03): 16 barriers of 171 sticks and DRAM-aligned pad rows (tt-forge-onnx #2680)', () => {
    // n = 171 from the 12 B input stick; c_0 = 16·171·528 = 1,444,608; c_1 = c_2 = align(528, 32) = 544.
    const r = estimateOp(pad(12), whContext({ ttMetalDate: '2025-03-03' }));
    assert.equal(r.kind, 'estimate');
    if (r.kind !== 'estimate') return;
    assert.equal(r.cbBytesPerCore, 1_444_608 + 2 * 544);
  });
});

describe('estimate/pad (tiled, sharded input)', () => {
  // [1, 64, 64] bf16 tiles, L1 height-sharded on 2 cores, padded to [1, 64, 96]: W grows past the tile → a program.
  const padOf = (mem: 'height_sharded' | 'width_sharded', grid: [number, number]) =>
    op(
      'ttnn.pad',
      [tensor([1, 64, 64], { buffer: 'l1', mem, grid })],
      [tensor([1, 64, 96], { buffer: 'l1', mem, grid })],
      { padding: ints(0, 0, 0, 0, 0, 32), use_multicore: bool(false) },
    );

  it("rejected by validate before tt-metal PR #39774 (2026-03-17), in tt-metal's words", () => {
    // pad_device_operation.cpp@297f4f4 (2025-12-31): height-sharded, but not row-major.
    const height = estimateOp(padOf('height_sharded', [2, 1]), whContext({ ttMetalDate: '2026-01-15' }));
    assert.equal(height.kind, 'illegal');
    if (height.kind === 'illegal') assert.equal(height.rule, 'ttnn.pad: Only row-major sharded inputs are supported.');
    // A width-sharded input fails the check before it.
    const width = estimateOp(padOf('width_sharded', [1, 2]), whContext({ ttMetalDate: '2025-09-01' }));
    assert.equal(width.kind, 'illegal');
    if (width.kind === 'illegal')
      assert.equal(width.rule, 'ttnn.pad: For sharded inputs, only height-sharding is supported.');
  });

  it('from PR #39774 the tile factory runs: 2 + 1 bf16 tiles = 6,144 B', () => {
    // pad_tile_program_factory.cpp: c_0 = 2 · 2,048, c_1 = 2,048.
    const r = estimateOp(padOf('height_sharded', [2, 1]), whContext({ ttMetalDate: '2026-04-01' }));
    assert.equal(r.kind, 'estimate');
    if (r.kind === 'estimate') assert.equal(r.cbBytesPerCore, 6_144);
  });
});

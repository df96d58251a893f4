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

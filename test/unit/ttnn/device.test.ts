/** Device presets, system-desc resolution (incl. tt-mlir's fictitious mock base), dtype and L1 footprint arithmetic. */

import { strict as assert } from 'assert';
import { presetDevice, resolveDevice } from '../../../server/src/ttnn/device';
import { tileBytes } from '../../../server/src/ttnn/dtype';
import { l1Footprint, paddedShape } from '../../../server/src/ttnn/layout';
import { tensor } from '../estimate/build';

describe('ttnn/device', () => {
  it('presets carry the cited L1 sizes and default bases', () => {
    const n150 = presetDevice('wormhole_b0_n150');
    assert.deepEqual(
      [n150.l1SizeBytes, n150.l1UnreservedBase, n150.workerGrid, n150.dramAlignmentBytes],
      [1_499_136, 102_656, [8, 8], 32],
    );
    const p150 = presetDevice('blackhole_p150');
    assert.deepEqual(
      [p150.l1SizeBytes, p150.workerGrid, p150.dramAlignmentBytes, p150.numCbs],
      [1_572_864, [10, 13], 64, 64],
    );
    // n300 with worker dispatch: 8 wide x 7 tall = 56 compute-with-storage cores, one L1 bank each (ttmetal-l1-model.md §1).
    const n300w = presetDevice('wormhole_b0_n300_worker_dispatch');
    assert.deepEqual([n300w.workerGrid, n300w.nWorkerCores, n300w.nL1Banks], [[7, 8], 56, 56]);
  });

  it('flags the mock base 1024 and substitutes the preset base', () => {
    const d = resolveDevice({
      arch: 'wormhole_b0',
      gridRows: 8,
      gridCols: 8,
      l1SizeBytes: 1_499_136,
      l1UnreservedBase: 1024,
      numDramChannels: 12,
      numCbs: 32,
      l1AlignmentBytes: 16,
      dramAlignmentBytes: 32,
      pcieAlignmentBytes: 32,
    });
    assert.equal(d.l1UnreservedBase, 102_656);
    assert.equal(d.source, 'system_desc');
    assert.equal(d.baseSource, 'preset');
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0], /fictitious/);
  });

  it('overrides win and say so', () => {
    const d = resolveDevice(undefined, { l1UnreservedBase: 103_712 });
    assert.deepEqual([d.l1UnreservedBase, d.baseSource, d.source], [103_712, 'override', 'preset']);
    assert.match(d.sourceDetail, /overridden to 103,712/);
    assert.equal(resolveDevice(undefined, { preset: 'blackhole_p100' }).workerGrid[1], 11);
  });

  it('tile sizes and padding', () => {
    assert.deepEqual(
      ['f32', 'bf16', 'bfp_bf8', 'bfp_bf4', 'bfp_bf2', 'u8'].map((d) => tileBytes(d as never)),
      [4096, 2048, 1088, 576, 320, 1024],
    );
    assert.deepEqual(paddedShape([1, 768, 4, 60, 106], 'tile'), [1, 768, 4, 64, 128]);
  });

  it('L1 footprints: interleaved = ceil(pages / banks) x page, sharded = one shard', () => {
    const dev = presetDevice('wormhole_b0_n150');
    // 2048x2048 bf16 = 4,096 tiles over 64 banks = 64 tiles x 2,048 = 131,072 B (tt-mlir OpModel Lib:2549 output figure).
    const t = tensor([2048, 2048], { buffer: 'l1' });
    assert.equal(t.layout.kind === 'layout' ? l1Footprint([2048, 2048], t.layout, dev)?.bytesPerCore : -1, 131_072);
    // Row-major 64x1000 bf16 in L1: 64 rows of 2,000 B (aligned 16 → 2,000) → 1 row per bank.
    const rm = tensor([64, 1000], { buffer: 'l1', page: 'row_major' });
    assert.equal(rm.layout.kind === 'layout' ? l1Footprint([64, 1000], rm.layout, dev)?.bytesPerCore : -1, 2_000);
  });
});

/** Device presets, system-desc resolution (incl. tt-mlir's fictitious mock base), dtype and L1 footprint arithmetic. */

import { strict as assert } from 'assert';
import { presetDevice, resolveDevice } from '../../../server/src/ttnn/device';
import { tileBytes } from '../../../server/src/ttnn/dtype';
import { l1Footprint, paddedShape } from '../../../server/src/ttnn/layout';
import { tensor } from '../estimate/build';
import { MOCK_WORMHOLE_DESC } from '../../support/systemDescs';

describe('ttnn/device', () => {
  it('presets carry the cited L1 sizes and default bases', () => {
    const n150 = presetDevice('wormhole_b0_n150');
    assert.deepEqual(
      [n150.l1SizeBytes, n150.l1UnreservedBase, n150.workerGrid, n150.dramAlignmentBytes],
      [1_499_136, 102_656, [8, 8], 32],
    );
    // p150 since firmware v19.5.0: the Falcon3 p150 dump (tt-mlir a3bafe1, 8 DRAM channels) prints `grid = 10x11`, as
    // tt-mlir #7809's real P150 system desc ({y: 10, x: 11}); tt-xla #1066 (2025-08, older firmware) printed the core
    // range [(x=0,y=0) - (x=12,y=9)] = 13 columns x 10 rows.
    const p150 = presetDevice('blackhole_p150');
    assert.deepEqual(
      [p150.l1SizeBytes, p150.workerGrid, p150.nWorkerCores, p150.dramAlignmentBytes, p150.numCbs],
      [1_572_864, [10, 11], 110, 64, 64],
    );
    assert.deepEqual(presetDevice('blackhole_p150_unharvested').workerGrid, [10, 13]);
    // n300 with worker dispatch: 8 wide x 7 tall = 56 compute-with-storage cores, one L1 bank each (ttmetal-l1-model.md §1).
    const n300w = presetDevice('wormhole_b0_n300_worker_dispatch');
    assert.deepEqual([n300w.workerGrid, n300w.nWorkerCores, n300w.nL1Banks], [[7, 8], 56, 56]);
  });

  it('flags the mock base 1024 and substitutes the preset base', () => {
    const d = resolveDevice(MOCK_WORMHOLE_DESC);
    assert.equal(d.l1UnreservedBase, 102_656);
    assert.equal(d.source, 'system_desc');
    assert.equal(d.baseSource, 'preset');
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0], /fictitious/);
  });

  it('Blackhole base: the 2026-08/09 builds of tt-metal #54697 and #56133', () => {
    // #54697: 1,690,624 B printed − CBs 524,288 + 4,096 + 1,048,576 + 2,048 = 1,579,008 (ops/normPreAllGather.ts) = 111,616.
    // #56133: 1,957,760 B printed − CBs 1,640,960 + 2·102,592 = 1,846,144 (threads.test.ts) = 111,616.
    for (const name of ['blackhole_p100', 'blackhole_p150', 'blackhole_p150_unharvested'] as const) {
      assert.equal(presetDevice(name).l1UnreservedBase, 1_690_624 - 1_579_008, name);
      assert.equal(presetDevice(name).l1UnreservedBase, 1_957_760 - 1_846_144, name);
    }
  });

  const bhDesc = {
    arch: 'blackhole',
    gridRows: 10,
    gridCols: 11,
    l1SizeBytes: 1_572_864,
    l1UnreservedBase: 111_360,
    numDramChannels: 8,
    numCbs: 64,
    l1AlignmentBytes: 16,
    dramAlignmentBytes: 64,
    pcieAlignmentBytes: 64,
  };

  it("a real Blackhole system desc's grid and base win; the board follows DRAM channels and columns", () => {
    // The Falcon3 p150 dump's desc (tt-mlir a3bafe1): grid 10x11, base 111,360, 8 DRAM channels.
    const p150 = resolveDevice(bhDesc);
    assert.deepEqual(
      [p150.presetName, p150.workerGrid, p150.l1UnreservedBase, p150.baseSource, p150.warnings],
      ['blackhole_p150', [10, 11], 111_360, 'system_desc', []],
    );
    // tt-mlir 123d0c1 oom_ttnn.mlir: 10x11, 7 DRAM channels, base 111,104 → a p100.
    const p100 = resolveDevice({ ...bhDesc, numDramChannels: 7, l1UnreservedBase: 111_104 });
    assert.deepEqual([p100.presetName, p100.workerGrid, p100.l1UnreservedBase], ['blackhole_p100', [10, 11], 111_104]);
    // 13 columns (tt-xla #1066's core range) on a real desc: a p150 on older firmware; the desc's grid is kept.
    const old = resolveDevice({ ...bhDesc, gridCols: 13 });
    assert.deepEqual([old.presetName, old.workerGrid, old.nWorkerCores], ['blackhole_p150_unharvested', [10, 13], 130]);
  });

  it("tt-mlir's mock Blackhole desc (base 98,304, grid 10x13 before tt-mlir PR #9248) gets the p150 base and grid", () => {
    const d = resolveDevice({ ...bhDesc, gridCols: 13, l1UnreservedBase: 98_304 });
    assert.deepEqual(
      [d.presetName, d.workerGrid, d.nL1Banks, d.l1UnreservedBase, d.baseSource],
      ['blackhole_p150', [10, 11], 110, 111_616, 'preset'],
    );
    assert.equal(d.warnings.length, 2);
    assert.match(d.warnings[1], /grid 10x13 is tt-mlir's mock default/);
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

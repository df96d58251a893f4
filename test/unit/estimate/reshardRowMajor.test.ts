/**
 * A row-major height-sharded → height-sharded to_memory_config (ops/memoryConfig.ts, read span reshard-rm-same-width):
 * ReshardSameWidthFactory's row-major branch (reshard_program_factory_same_width.cpp@5aa764d … @622c6fb): unit = the
 * local shard's width · element size, c_0 bound to the local shard (the output's when it is in L1), and the scratch
 * c_1 = remote shard rows · align(unit, remote buffer alignment) only when the unit misses either buffer's alignment.
 * Figures by hand below (Wormhole: L1 alignment 16 B, DRAM 32 B).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import { op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.ok(r.kind === 'estimate', JSON.stringify(r).slice(0, 300));
  return r;
}

const hs = (width: number, cores: number, buffer: 'l1' | 'dram' = 'l1') =>
  tensor([1, 1, 256, width], { page: 'row_major', buffer, mem: 'height_sharded', grid: [cores, 1] });
const reshard = (from: ReturnType<typeof hs>, to: ReturnType<typeof hs>, date: string) =>
  est(estimateOp(op('ttnn.to_memory_config', [from], [to]), whContext({ ttMetalDate: date })));

describe('estimate/to_memory_config: row-major height → height reshard (ReshardSameWidthFactory)', () => {
  it('512 B rows (256 bf16), 4 → 8 cores: c_0 of 32 rows bound to the output shard, no scratch: 0 B, exact', () => {
    // unit = 256 · 2 = 512 B: align(512, 16) = align(512, 16) = 512 → aligned, no c_1. Output shard 256 / 8 = 32 rows.
    const e = reshard(hs(256, 4), hs(256, 8), '2026-04-10');
    assert.equal(e.factory, 'ReshardSameWidthFactory');
    assert.equal(e.cbBytesPerCore, 0);
    assert.deepEqual(
      e.cbs.map((c) => [c.cbIndex, c.nPages, c.pageBytes, c.tensorBacked]),
      [['c_0', 32, 512, true]],
    );
    assert.equal(e.confidence, 'exact');
  });

  it('40 B rows (20 bf16) from L1: scratch of the 64 remote rows · align(40, 16) = 48 → 3,072 B', () => {
    // Input on 4 cores: 64 rows a shard (the remote side); output on 8 cores (local, L1). 40 % 16 ≠ 0 → unaligned.
    const e = reshard(hs(20, 4), hs(20, 8), '2026-04-10');
    assert.equal(e.cbBytesPerCore, 64 * 48);
    assert.equal(e.confidence, 'exact');
  });

  it("40 B rows from a DRAM height-sharded input: the remote padding is DRAM's, align(40, 32) = 64 → 4,096 B", () => {
    const e = reshard(hs(20, 4, 'dram'), hs(20, 8), '2026-04-10');
    assert.equal(e.cbBytesPerCore, 64 * 64);
  });

  it('before read span reshard-rm-same-width (2025-11-27): the output-shard CB alone, approx', () => {
    const e = reshard(hs(256, 4), hs(256, 8), '2025-11-27');
    assert.equal(e.factory, 'ReshardDeviceOperation');
    assert.equal(e.confidence, 'approx');
  });
});

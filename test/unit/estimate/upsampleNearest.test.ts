/**
 * Nearest upsample of an interleaved input (UpsampleMultiCoreInterleavedProgramFactory) by build: read commit by
 * commit from 686ea5d25a (tt-metal PR #25901, 2025-07-31) to 622c6fb9c0 (2026-06-23), exact inside read span
 * upsample-nearest-interleaved (2025-08-25..2026-06-23) when the result is the factory's row-major interleaved output;
 * the device op's rejections by build (upsample_op.cpp@686ea5d25a~1, @30605c4198; upsample_device_operation.cpp
 * @6ac853f9d4~1, @622c6fb9c0).
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate } from '../../../server/src/estimate/types';
import type { PropValue } from '../../../server/src/ttnn/op';
import { int, op, tensor, whContext } from './build';

const nearest = { mode: { kind: 'string', value: 'nearest' } as PropValue, scale_factor: int(2) };

describe('estimate/upsample nearest, interleaved input, by build', () => {
  const run = (input: ReturnType<typeof tensor>, output: ReturnType<typeof tensor>, date: string) =>
    estimateOp(op('ttnn.upsample', [input], [output], nearest), whContext({ ttMetalDate: date }));
  const rule = (r: ReturnType<typeof run>) => (r.kind === 'illegal' ? r.rule : r.kind);

  it('1x8x8x64 bf16 row-major: 64 sticks on 64 cores, one 128 B stick each (single-buffered): exact from 2025-08-25', () => {
    // split_work_to_cores(8x8, 64 sticks) → 1 per core: c_0 = 1 page of round_up(64 · 2, 32) = 128 B.
    const rm = (s: number[]) => tensor(s, { page: 'row_major' });
    for (const [date, confidence] of [
      ['2025-08-24', 'approx'],
      ['2025-08-25', 'exact'],
      ['2026-06-23', 'exact'],
      ['2026-06-24', 'approx'],
    ] as const) {
      const e = run(rm([1, 8, 8, 64]), rm([1, 16, 16, 64]), date) as OpEstimate;
      assert.equal(e.kind, 'estimate', date);
      assert.equal(e.cbBytesPerCore, 128, date);
      assert.equal(e.confidence, confidence, date);
    }
  });

  it('1x16x16x64 bf16 row-major: 256 sticks, 4 per core → double-buffered, 256 B', () => {
    const rm = (s: number[]) => tensor(s, { page: 'row_major' });
    assert.equal((run(rm([1, 16, 16, 64]), rm([1, 32, 32, 64]), '2026-03-01') as OpEstimate).cbBytesPerCore, 256);
  });

  it('a tiled result is not what the factory writes (always row-major): approx', () => {
    const e = run(tensor([1, 8, 8, 64], { page: 'row_major' }), tensor([1, 16, 16, 64]), '2026-03-01') as OpEstimate;
    assert.equal(e.confidence, 'approx');
  });

  it('a tiled input: rejected before PR #25901, then tile-aligned only, worded by PR #35508', () => {
    const out = tensor([1, 1, 64, 64], { page: 'row_major' });
    assert.equal(rule(run(tensor([1, 1, 32, 64]), out, '2025-07-30')), 'Input tensor layout should be ROW_MAJOR');
    assert.equal(run(tensor([1, 1, 32, 64]), out, '2025-07-31').kind, 'estimate');
    // [1, 1, 7, 64] pads to 32 rows: not tile-aligned.
    assert.equal(
      rule(run(tensor([1, 1, 7, 64]), out, '2026-01-14')),
      'Only tile aligned tile input is currently supported',
    );
    assert.equal(
      rule(run(tensor([1, 1, 7, 64]), out, '2026-01-15')),
      'Tiled input must be tile-aligned (no padding difference)',
    );
  });

  it('a float32 input: rejected before PR #26066 (2025-08-25), then exact with a float32 result', () => {
    const f32 = (s: number[]) => tensor(s, { page: 'row_major', dtype: 'f32' });
    assert.equal(
      rule(run(f32([1, 8, 8, 64]), f32([1, 16, 16, 64]), '2025-08-24')),
      'Input tensor data type should be BFLOAT16',
    );
    const e = run(f32([1, 8, 8, 64]), f32([1, 16, 16, 64]), '2025-08-25') as OpEstimate;
    // One stick of round_up(64 · 4, 32) = 256 B per core.
    assert.equal(e.cbBytesPerCore, 256);
    assert.equal(e.confidence, 'exact');
  });
});

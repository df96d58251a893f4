/**
 * Builds after the newest one the tt-metal mirror reaches (622c6fb, 2026-06-23) cannot be read: `windowPastNewestRead`
 * says whether a window holds them, and the approx reasons of the ops that are approx for that say so in the same
 * words (PAST_NEWEST_READ_TEXT). The figures do not depend on it: the same in a window to 06-23 and one past it.
 */

import { strict as assert } from 'assert';
import { PAST_NEWEST_READ_TEXT, windowPastNewestRead } from '../../../server/src/estimate/changePoints';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { OpEstimate, OpEstimateResult } from '../../../server/src/estimate/types';
import type { TtnnOp } from '../../../server/src/ttnn/op';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from './build';

function est(r: OpEstimateResult): OpEstimate {
  assert.equal(r.kind, 'estimate', JSON.stringify(r).slice(0, 400));
  return r as OpEstimate;
}

/** The op in a June 2026 build (read) and a July one (not), with the figure unchanged between them. */
function readAndPast(o: TtnnOp): { read: OpEstimate; past: OpEstimate } {
  const read = est(estimateOp(o, whContext({ ttMetalDate: '2026-06-20' })));
  const past = est(estimateOp(o, whContext({ ttMetalDate: '2026-07-01' })));
  assert.equal(past.cbBytesPerCore, read.cbBytesPerCore, `${o.name}: no figure moves`);
  return { read, past };
}

describe('estimate/changePoints: builds past the newest read one', () => {
  it('a window is past the newest read build when its newest build is after 2026-06-23', () => {
    const ctx = (earliest: string, latest: string) => whContext({ window: { earliest, latest } });
    assert.equal(windowPastNewestRead(ctx('2025-01-01', '2026-06-23')), false);
    assert.equal(windowPastNewestRead(ctx('2026-06-23', '2026-06-24')), true);
    assert.equal(windowPastNewestRead(ctx('2026-07-10', '2026-11-30')), true);
    assert.match(PAST_NEWEST_READ_TEXT, /after tt-metal 622c6fb \(2026-06-23\).*cannot be read/);
  });

  it('fill_cache: exact to 06-23 (read span fill-cache-factory), past it approx for that reason alone', () => {
    const { read, past } = readAndPast(
      op('ttnn.fill_cache', [tensor([1, 8, 128, 128]), tensor([1, 8, 64, 128])], [], { batch_offset: int(0) }),
    );
    assert.equal(read.confidence, 'exact');
    assert.equal(past.confidence, 'approx');
    assert.equal(
      past.approxReason,
      `${PAST_NEWEST_READ_TEXT} (the fill_cache factory was read commit by commit before them, read span fill-cache-factory)`,
    );
  });

  it('rand: exact to 06-23 (read span rand-f32-typecast), past it the reason leads with the unread builds', () => {
    const { read, past } = readAndPast(op('ttnn.rand', [DEVICE_VALUE], [tensor([64, 1024])]));
    assert.equal(read.confidence, 'exact');
    assert.ok(past.approxReason?.startsWith(`${PAST_NEWEST_READ_TEXT}: a Metal 2.0 port`), past.approxReason);
  });

  it('cumsum along W: the tile-axis kernel is named only where the window is past 06-23 (not at 622c6fb)', () => {
    const f32 = tensor([1, 1, 32, 4096], { dtype: 'f32' });
    const { read, past } = readAndPast(op('ttnn.cumsum', [f32], [f32], { dim: int(3) }));
    assert.equal(read.approxReason, 'the permuted copies of an L1 input are not counted');
    assert.equal(
      past.approxReason,
      `${PAST_NEWEST_READ_TEXT}; a stored later version scans H and W in place (tile-axis kernel, not modeled); the permuted copies of an L1 input are not counted`,
    );
  });

  it('min over H with the negate flag and prod over every dim: the unread builds are named past 06-23 only', () => {
    const min = op('ttnn.min', [tensor([1, 1, 64, 6400])], [tensor([1, 1, 1, 6400])], {
      keep_dim: { kind: 'bool', value: true },
      dim_arg: ints(2),
    });
    const m = readAndPast(min);
    // Read span reduce-min-negate-w-h-2026 holds 2026-06-20: exact there.
    assert.equal(m.read.confidence, 'exact');
    assert.ok(m.past.approxReason?.startsWith('min with the negate flag'), m.past.approxReason);
    assert.ok(m.past.approxReason?.endsWith(PAST_NEWEST_READ_TEXT), m.past.approxReason);
    const prod = readAndPast(op('ttnn.prod', [tensor([64, 64])], [tensor([1, 1])], {}));
    assert.equal(prod.read.confidence, 'exact');
    assert.equal(
      prod.past.approxReason,
      `${PAST_NEWEST_READ_TEXT} (prod_all factory read at every commit 2025-01..2026-06-23, read span prod-all-factory)`,
    );
  });

  it('rules of change points past 06-23 (reshape PR #50967, untilize codegen PR #50178) name the unread builds', () => {
    const column = op(
      'ttnn.reshape',
      [tensor([32, 1], { dtype: 'u32', page: 'row_major' })],
      [tensor([32], { dtype: 'u32', page: 'row_major' })],
      { shape: ints(32) },
    );
    const reshaped = est(estimateOp(column, whContext({ ttMetalDate: '2026-08-01' })));
    assert.ok(
      reshaped.approxReason?.includes(`the CBs before it are given (${PAST_NEWEST_READ_TEXT})`),
      reshaped.approxReason,
    );
    const untilize = op('ttnn.untilize', [tensor([2048, 5120])], [tensor([2048, 5120], { page: 'row_major' })]);
    const codegen = est(estimateOp(untilize, whContext({ ttMetalDate: '2026-08-18' })));
    assert.equal(codegen.factory, 'UntilizeCodegenProgramFactory');
    assert.ok(codegen.approxReason?.startsWith(`${PAST_NEWEST_READ_TEXT}: routing as PR #50178`), codegen.approxReason);
  });

  it('gather along the last dim of a 4-D f32 input: exact to 06-23, past it approx for that reason alone', () => {
    // Wt_input = 2048 / 32 = 64 > 60: SingleRowMultiCore, c_0 2 f32 tiles (2 · 4,096) + c_1 one u32 index tile (4,096)
    // + c_2 one f32 output tile (4,096) = 16,384 B (gather_program_factory.cpp; an f32 input never takes the codegen
    // path, which is bf16 only).
    const f32 = (shape: number[]) => tensor(shape, { dtype: 'f32' });
    const { read, past } = readAndPast(
      op('ttnn.gather', [f32([1, 1, 32, 2048]), tensor([1, 1, 32, 64], { dtype: 'u32' })], [f32([1, 1, 32, 64])], {
        dim: int(3),
      }),
    );
    assert.equal(read.cbBytesPerCore, 16_384);
    assert.equal(read.confidence, 'exact');
    assert.equal(past.confidence, 'approx');
    assert.equal(past.approxReason, PAST_NEWEST_READ_TEXT);
  });
});

/**
 * composite.ts reportedStepIndex: which program of a composite the op reports (its figure); and programsInTurn: every
 * program checked by the analysis where it runs, with the L1 buffers live then (analysis/overflow.ts).
 */

import * as assert from 'node:assert/strict';
import { detectOverflow, l1Limits } from '../../../server/src/analysis/overflow';
import { reportedStepIndex, type Step } from '../../../server/src/estimate/ops/composite';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { EstimateContext, OpEstimateResult } from '../../../server/src/estimate/types';
import { presetDevice } from '../../../server/src/ttnn/device';
import { op, tensor } from './build';

// Wormhole's L1: 1,499,136 B. Only the fields the choice reads are filled in.
const ctx = { device: { l1SizeBytes: 1_499_136 } } as unknown as EstimateContext;
const step = (label: string, worstCbBytesPerCore: number, cbRegionEndBytes: number): Step => ({
  label,
  result: { kind: 'estimate', worstCbBytesPerCore, cbRegionEndBytes } as unknown as OpEstimateResult,
});
const noProgram: Step = { label: 'view', result: { kind: 'noProgram' } as unknown as OpEstimateResult };

describe('estimate/composite: the reported step', () => {
  // untilize 1,450,000 B of CBs ending at 1,450,000 + 103,712 = 1,553,712 > 1,499,136 (past L1), then a tilize of
  // 2,000,000 B: tt-metal throws at the untilize, the first program past L1.
  const steps = [step('untilize', 1_450_000, 1_553_712), noProgram, step('tilize', 2_000_000, 2_103_712)];
  it('the largest worst-core CBs by default (2,000,000 > 1,450,000)', () => {
    assert.equal(reportedStepIndex(steps, ctx, false), 2);
  });
  it('with firstBeyondL1, the first whose region ends past 1,499,136 B', () => {
    assert.equal(reportedStepIndex(steps, ctx, true), 0);
  });
  it('with firstBeyondL1 and none past L1 (1,200,000 + 103,712 and 1,300,000 + 103,712), the largest', () => {
    const fitting = [step('a', 1_200_000, 1_303_712), step('b', 1_300_000, 1_403_712)];
    assert.equal(reportedStepIndex(fitting, ctx, true), 1);
  });
  it('ties go to the later step; no program at all: −1', () => {
    assert.equal(reportedStepIndex([step('a', 10, 20), step('b', 10, 20)], ctx, false), 1);
    assert.equal(reportedStepIndex([noProgram], ctx, false), -1);
  });
});

describe('estimate/composite: every program checked where it runs (analysis/overflow.ts walkIntermediates)', () => {
  // The tiled reshape before tt-metal PR #20189 (reshape.ts [4]): untilize, row-major reshape, tilize, in turn. Wormhole
  // n150 with the base at 100,000 B and no L1_SMALL (L1 buffers fill down from 1,499,136 B), a 2025-03-25 build.
  // (24576, 32) bf16 tiles in L1 → (786432,) in DRAM.
  //   untilize (tile-aligned → ttnn::untilize, untilize_multi_core_program_factory.cpp@005c352): Wt = 1, Ht = 768 tile
  //     rows over 64 cores = 12 per core (more than one block) → c_0 = c_16 = 2 · 1 · 2,048 = 4,096 → 8,192 B, region
  //     end 108,192 (free L1 29,136 B at the most live below > (2,048 + 2,048) · 1: not the block factory);
  //     its result, the row-major copy, stays in L1 like the input: 24,576 rows of 64 B over 64 banks = 384 · 64 =
  //     24,576 B per core.
  //   row-major reshape (reshape_rm_program_factory.cpp@010ba92): c_0 = 2 · (floor64(64 − 1) + 128) = 256, c_1 =
  //     floor64(786,432 · 2 − 1) + 80 = 1,572,800 + 80 = 1,572,880 → 1,573,136 B, region end 1,673,136 > 1,499,136.
  //   The input: 768 tiles over 64 banks = 12 · 2,048 = 24,576 B per core (in `live`, with the function's other L1
  //   tensors; the result is in DRAM).
  const device = presetDevice('wormhole_b0_n150', { l1UnreservedBase: 100_000, l1SmallSizeBytes: 0 });
  const window = { earliest: '2025-03-25', latest: '2025-03-25' };
  const limits = l1Limits(device, undefined, window);
  const reshapeAt = (live: number): OpEstimateResult =>
    estimateOp(op('ttnn.reshape', [tensor([24576, 32], { buffer: 'l1' })], [tensor([786432])]), {
      device,
      ttMetal: { window },
      liveL1BytesPerCore: live,
    });

  it('the steps in turn: the untilize writes a 24,576 B L1 copy, the reshape a DRAM result; the tilize is last', () => {
    const e = reshapeAt(24_576);
    assert.ok(e.kind === 'estimate');
    assert.deepEqual(
      e.l1Intermediates?.map((t) => [t.role, t.bytesPerCore, t.liveDuringProgram, t.writerProgram?.cbBytesPerCore]),
      [
        ['result of untilize input', 24_576, false, 8_192],
        ['result of row-major reshape', 0, true, 1_573_136],
      ],
    );
    // The reported figure is the first past L1, the row-major reshape's; the tilize after it is `lastProgram`.
    assert.equal(e.cbRegionEndBytes, 1_673_136);
    assert.match(e.lastProgram?.name ?? '', /^tilize result/);
  });

  it('nothing else live (the input alone): the untilize fits, the reshape is past L1 at 1,673,136 B, as before', () => {
    // Untilize: the input and its copy below 1,499,136: lowest buffer 1,499,136 − 24,576 − 24,576 = 1,449,984 ≥ 108,192.
    const o = detectOverflow(reshapeAt(24_576), 24_576, limits);
    assert.deepEqual([o?.kind, o?.cbRegionEndBytes, o?.limitBytes], ['cbBeyondL1', 1_673_136, 1_499_136]);
    assert.match(o?.message ?? '', /grow to 1673136 B which is beyond max L1 size of 1499136 B/);
    assert.match(o?.message ?? '', /on core range \[\(x=0,y=0\) - \(x=7,y=7\)\]/);
  });

  it('the untilize clashes first with 1,370,000 B live: at 104,560 below its 108,192, though the reshape is past L1', () => {
    // Live: the input and 1,345,424 B of the function's other L1 tensors = 1,370,000; the copy goes below them:
    // 1,499,136 − 1,370,000 − 24,576 = 104,560 < 100,000 + 8,192 = 108,192. tt-metal throws at the untilize.
    const e = reshapeAt(1_370_000);
    assert.ok(e.kind === 'estimate');
    assert.equal(e.cbRegionEndBytes, 1_673_136, 'the op still reports the first program past L1');
    const o = detectOverflow(e, 1_370_000, limits);
    assert.deepEqual(
      [o?.kind, o?.limitBytes, o?.cbRegionEndBytes, o?.failedProgram?.name],
      ['cbClashesWithL1Buffers', 104_560, 108_192, 'untilize input (UntilizeMultiCoreProgramFactory)'],
    );
    assert.match(o?.message ?? '', /L1 buffer allocated at 104560 and static circular buffer region ends at 108192/);
    // One byte less live (1,366,368): the copy's bottom is at 108,192 exactly, the untilize fits, the reshape fails.
    assert.equal(detectOverflow(reshapeAt(1_366_368), 1_366_368, limits)?.kind, 'cbBeyondL1');
  });

  it('with 1,380,000 B live the untilize result cannot be allocated: out of memory, before any CB check', () => {
    // 1,380,000 + 24,576 = 1,404,576 > 1,499,136 − 100,000 = 1,399,136.
    const o = detectOverflow(reshapeAt(1_380_000), 1_380_000, limits);
    assert.equal(o?.kind, 'l1BuffersExhausted');
    assert.deepEqual(o?.failedAllocation, {
      role: 'result of untilize input',
      bytesPerCore: 24_576,
      allocatedBeforeBytes: 1_380_000,
      // The allocator's line: the op's 64 cores, 64 · 24,576 = 1,572,864 B.
      banks: 64,
      bufferBytes: 1_572_864,
    });
  });
});

/**
 * Thread ops as issue threads and tt-mlir's runtime log print them: one `Executing operation:` record per op, aliases
 * inline, no function around it, operands made by ops not shown (test/fixtures/threads/*-op-line(s).mlir, the ops of
 * the wrapped fixtures of the same threads). Checked as they stand, they must give the threads' figures and name the
 * failing op first, as the wrapped fixtures do (before, the ops outside a function had no TTNN view: "0 ops estimated").
 */

import * as assert from 'node:assert/strict';
import { TOP_LEVEL_OPS_FUNCTION } from '../../../server/src/ttnn/op';
import { analyse, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: op lines outside any function (runtime-log records)', () => {
  it('tt-xla #1433 (2025-09-22, EfficientNet-B4): the avg_pool2d line fails at its own L1 tensors, the first error', () => {
    // As avg_pool2d_tt-xla-1433.mlir (threads.test.ts): the whole 50,176-stick image held in the pool's L1 tensors on a
    // few cores, over the bank whichever shard scheme is picked.
    const { op, first } = deviceOp({ file: 'avg_pool2d_tt-xla-1433-op-line.mlir', date: '2025-09-22' });
    assert.equal(op.op.name, 'ttnn.avg_pool2d');
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    assert.ok(op.overflow?.failedAllocation !== undefined, "one of the op's own L1 tensors");
    assert.equal(first, 'this op');
  });

  it('tt-mlir #5771 (2025-11-10, Vanilla UNet): the conv2d line, the halo output of 780,800 B per bank after the reshard', () => {
    // tt-metal's "each bank needs to store 780800 B"; the hand derivation is threads-conv2d.test.ts' (height on 64
    // cores, 4,800 outputs per core: the halo spans 6,100 padded-input sticks of 64 bf16 channels; the resharded input
    // 4,800 rows · 128 B = 614,400 B before it). Its operands (%78, the weights, the bias, the device) are not shown.
    const { op, first } = deviceOp({ file: 'conv2d_tt-mlir-5771-op-line.mlir', date: '2025-11-10' });
    assert.equal(first, 'this op');
    assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
    const a = op.overflow.failedAllocation;
    assert.deepEqual([a?.role, a?.bytesPerCore, a?.allocatedBeforeBytes], ['halo output', 780_800, 614_400]);
  });

  it('tt-mlir #7899 / tt-xla #4214 (2026-04-09, Gemma 2B): of two lines the second, the copy, clashes at 665,600 / 890,144', () => {
    // The tiled logits the first line reads were made before the lines shown: as an argument they stay live (256,000 B
    // per bank below 1,499,136 − 65,536), the row-major copy one 512,000 B row per bank below them at 665,600, the
    // thread's address; the default row-major copy's CBs, c_0 262,144 + c_1 2 · 262,144 = 786,432 B over the 103,712 B
    // base, end at 890,144 (threads-datamove.test.ts holds the derivation for the wrapped fixture).
    const a = analyse({ file: 'to_memory_config_tt-mlir-7899-op-lines.mlir', date: '2026-04-09' });
    assert.deepEqual(
      a.functions.map((f) => f.fn.name),
      [TOP_LEVEL_OPS_FUNCTION],
    );
    assert.ok(a.firstFailure !== undefined);
    assert.equal(a.firstFailure.opIndex, 1, 'the to_memory_config, not the to_layout before it');
    assert.equal(a.firstFailure.overflow.kind, 'cbClashesWithL1Buffers');
    assert.equal(
      a.firstFailure.overflow.message,
      'Statically allocated circular buffers clash with L1 buffers on core range [(x=0,y=0) - (x=3,y=7)]. L1 buffer allocated at 665600 and static circular buffer region ends at 890144',
    );
    const copy = a.functions[0]!.ops[1]!;
    assert.equal(regionEnd(copy), 890_144);
    assert.equal(printedRange(copy), '[(x=0,y=0) - (x=3,y=7)]');
  });
});

/**
 * Public-thread cases reported against element-wise ops (ops/eltwise.ts), on the shared harness
 * (test/support/threadCases.ts; fixtures in test/fixtures/threads, their headers cite the threads). Expected figures are
 * tt-metal's, quoted from the threads; the arithmetic in the comments is the factory's or the thread's.
 */

import * as assert from 'node:assert/strict';
import { analyse, assertFails, deviceOp, printedRange, regionEnd } from '../../support/threadCases';

describe('public-thread regression set: eltwise (test/fixtures/threads)', () => {
  // tt-metal #45543 (2026-05-29, Galaxy, main 5cbb6896): test_galaxy_eltwise_add's prefill cases fail on core (0,0). The
  // add's operands are sharded alike, so its CBs alias the shards; the program that fails is the tilize of a from_torch
  // (row-major L1 width-sharded → tile): base + Wt·(2,048 + 2,048) with Wt the whole tensor row, the default tilize
  // factory's c_0 + c_16 (tilize_multi_core_default_program_factory.cpp@cf8e2a8; no other CB) and that week's base
  // 103,776 (ttnn/l1BaseHistory.ts; tt-metal #45331's figure two days earlier gives it too). How the test's from_torch
  // reaches a device tilize: py_to_tt_tensor.cpp of that time (index id 51768435510) builds a tensor given a mesh_mapper
  // in row-major on device whenever fast_approx is on and NaNs need not be kept, with no sharded-config check (that
  // check guards only the single-device path), then calls ttnn::to_layout(TILE) on device.
  // The test opens its mesh without device_params, so no l1_small_size (tt-mlir's runtime reserves 64 KiB): the
  // thread's L1 buffer at 1,499,136 − 2·262,144 = 974,848 says the same.
  const t45543 = { file: 'tilize_tt-metal-45543.mlir', date: '2026-05-29', l1SmallSize: 0 };

  it('tt-metal #45543: the width-sharded add itself has no static CB region (its CBs alias the shards)', () => {
    const { op } = deviceOp(t45543, 'add_llama70b_prefill_seq512');
    assert.equal(op.estimate.kind, 'estimate');
    assert.equal(op.cbBytesPerCore, 0);
    assert.equal(op.overflow, undefined);
  });

  it('tt-metal #45543 Llama3-70B prefill (M=512, N=8192): the tilize clashes with the two shards at 974,848, region end 1,152,352', () => {
    // Wt = 8,192 / 32 = 256: 103,776 + 256·4,096 = 1,152,352, tt-metal's figure. The L1 buffer: 1,499,136 − 2 shards
    // of 512·256·2 = 262,144 B (the row-major input and the tiled output) = 974,848, tt-metal's figure exactly.
    const { op, first } = deviceOp(t45543, 'llama70b_prefill_seq512');
    assert.equal(op.op.name, 'ttnn.to_layout');
    assert.equal(first, 'this op');
    assert.equal(op.overflow?.kind, 'cbClashesWithL1Buffers');
    assert.equal(op.overflow?.limitBytes, 974_848);
    assert.equal(regionEnd(op), 1_152_352);
    // The thread's range. The default factory's c_0 / c_16 sit on split_blocks_for_tilize's 16 cores as 1x1 CoreRanges,
    // which the ProgramDescriptor (tt-metal PR #43840, 2026-05-26) hands to the program unmerged: the first allocator is
    // core (0,0)'s alone.
    assert.equal(printedRange(op), '[0-0 - 0-0]');
  });

  it('tt-metal #45543 Llama3-400B prefill (M=256, N=16384): grows to 2,200,928 B', () => {
    // Wt = 16,384 / 32 = 512: 103,776 + 512·4,096 = 2,200,928, tt-metal's figure.
    const op = assertFails(t45543, 'llama400b_prefill_seq256', { first: false });
    assert.equal(op.op.name, 'ttnn.to_layout');
    assert.equal(regionEnd(op), 2_200_928);
    assert.equal(printedRange(op), '[0-0 - 0-0]');
  });

  it('tt-metal #45543 after PR #47384 (a sharded input with a large row goes through DRAM interleaved): fits', () => {
    const { op } = deviceOp({ ...t45543, date: '2026-07-01' }, 'llama400b_prefill_seq256');
    assert.equal(op.estimate.kind, 'estimate');
    assert.equal(op.overflow, undefined);
  });

  describe('tt-metal #22513 (2025-05-23, n150): OFT binary ops with L1 results', () => {
    // (1, 256, 3, 25281) bf16 tiles pad to (1, 256, 32, 25312): 256 · 791 = 202,496 tiles · 2,048 = 414,711,808 B, the
    // thread's "414711808 B L1 buffer across 64 banks"; round-robin pages: ⌈202,496 / 64⌉ = 3,164 pages · 2,048 =
    // 6,479,872 B per bank, its "each bank needs to store 6479872 B". More than a whole bank (1.36 MB), so the result
    // cannot be allocated whatever else is live.
    const t22513 = { file: 'eltwise_tt-metal-22513.mlir', date: '2025-05-23' };
    for (const fn of ['add', 'multiply']) {
      it(`${fn}${fn === 'multiply' ? ' (b broadcast over dim 1)' : ''}: out of L1, its result 6,479,872 B per bank`, () => {
        const { op, first } = deviceOp(t22513, fn);
        assert.equal(op.estimate.kind, 'estimate');
        assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
        if (fn === 'add') assert.equal(first, 'this op', 'the first error of the run');
        assert.ok(op.estimate.kind === 'estimate');
        assert.equal(op.estimate.l1TensorBytesPerCore, 6_479_872);
      });
    }
  });

  describe('tt-metal #16488 (2025-01-07, n150): SD3.5 VAE silu on 64 height shards, the result copied to L1 interleaved', () => {
    // (1, 512, 256, 256) in bfloat8_b: [1, 1, 65536, 512] = 2,048 · 16 = 32,768 tiles · 1,088 = 35,651,584 B, the thread's
    // "35651584 B L1 buffer across 64 banks"; 512 tiles per bank or shard = 557,056 B, its "each bank needs to store
    // 557056 B". The test holds the input shard while to_memory_config writes the silu result to L1 interleaved: three
    // 557,056 B tensors need 1,671,168 B per core, the bank 1,400,032 B (1,499,136 − 99,104, the 2025-01 base; ttnn's
    // pytest device has no L1_SMALL). The silu itself fits (its result takes the hole the freed interleaved input left
    // in the test; here 2 · 557,056 B). The (1, 256, 256, 256) case: 524,288 B per core in bf16, three of them 1,572,864 B
    // (fails), 278,528 B in bfloat8_b, three 835,584 B (fits): the test's "Passed in Bfloat8_b, Fails in Bfloat16".
    const t16488 = {
      file: 'eltwise_tt-metal-16488.mlir',
      date: '2025-01-07',
      arch: 'wormhole_b0_n150',
      l1SmallSize: 0,
    };
    it('(1, 512, 256, 256) bfloat8_b: the copy to L1 interleaved is out of L1, 557,056 B per bank', () => {
      const a = analyse(t16488);
      const f = a.functions.find((x) => x.fn.name === '@silu_sd35_vae_512x256x256_bf8')!;
      const [silu, copy] = f.ops;
      assert.equal(silu!.overflow, undefined);
      assert.equal(copy!.op.name, 'ttnn.to_memory_config');
      assert.equal(copy!.overflow?.kind, 'l1BuffersExhausted');
      assert.ok(copy!.estimate.kind === 'estimate');
      assert.equal(copy!.estimate.l1TensorBytesPerCore, 557_056);
      assert.equal(copy!.overflow?.cbRegionEndBytes, 99_104 + 3 * 557_056);
      assert.deepEqual(a.firstFailure && [a.firstFailure.functionIndex, a.firstFailure.opIndex], [0, 1]);
    });
    it('(1, 256, 256, 256): fails in bf16, fits in bfloat8_b', () => {
      const a = analyse(t16488);
      const copyOf = (fn: string) => a.functions.find((x) => x.fn.name === fn)!.ops[1]!;
      assert.equal(copyOf('@silu_sd35_vae_256x256x256_bf16').overflow?.kind, 'l1BuffersExhausted');
      assert.equal(copyOf('@silu_sd35_vae_256x256x256_bf8').overflow, undefined);
    });
  });

  describe('tt-metal #16521 (2025-01-08, n150): SD3.5 gelu of a (2, 4096, 6144) bf16 tensor placed in L1', () => {
    // 2·128·192 = 49,152 bf16 tiles · 2,048 = 100,663,296 B, the thread's "100663296 B L1 buffer across 64 banks";
    // 49,152 / 64 = 768 pages · 2,048 = 1,572,864 B per bank, its "each bank needs to store 1572864 B". The bank holds
    // 1,499,136 − 99,104 (the 2025-01 base) = 1,400,032 B: the first L1 allocation of that size, the test's from_torch
    // of the input (to_device here), already fails, before the gelu runs (the thread names the gelu).
    const run = { file: 'eltwise_tt-metal-16521.mlir', date: '2025-01-06', l1SmallSize: 0 };
    it('out of L1 at the input moving to L1: 1,572,864 B per bank, the first error; the gelu not reached', () => {
      const a = analyse(run);
      const [toDevice, gelu] = a.functions[0]!.ops;
      assert.equal(toDevice!.op.name, 'ttnn.to_device');
      assert.equal(toDevice!.overflow?.kind, 'l1BuffersExhausted');
      assert.equal(toDevice!.estimate.kind, 'noProgram', 'a host-to-device write runs no program');
      assert.equal(toDevice!.estimate.l1TensorBytesPerCore, 1_572_864);
      assert.equal(toDevice!.overflow?.cbRegionEndBytes, 99_104 + 1_572_864);
      assert.deepEqual(a.firstFailure && [a.firstFailure.functionIndex, a.firstFailure.opIndex], [0, 0]);
      assert.equal(gelu!.op.name, 'ttnn.gelu');
      assert.equal(gelu!.overflow?.status, 'notReached');
    });
  });

  describe('tt-metal #15686 (2024-12-04, n150 with 56 worker banks): YOLOv4 640x640 mish in L1', () => {
    // 26,214,400 B (the thread's "L1 buffer") = 12,800 bf16 tiles of 2,048 B ((1, 32, 640, 640)); over 56 banks:
    // ⌈12,800 / 56⌉ = 229 pages · 2,048 = 468,992 B per bank, the thread's "each bank needs to store 468992 B". That
    // build's ExecuteMish (unary_composite_op.cpp@dec1dc2, before PR #19113) writes unary_chain(x) to a tensor in the
    // output's memory config and then multiply(x, it): the L1 input, the chain result and the multiply's result are
    // live at once, 3 · 468,992 = 1,406,976 B per bank against 1,499,136 − the ~100 KB base: the multiply's result is the
    // allocation that fails, of the thread's size.
    const run = {
      file: 'eltwise_tt-metal-15686.mlir',
      date: '2024-12-04',
      arch: 'wormhole_b0_n300_worker_dispatch',
      l1SmallSize: 0,
    };
    it('out of L1 at the multiply of the composite, 468,992 B per bank beside the chain result of the same size', () => {
      const { op, first } = deviceOp(run, 'mish_yolov4_640_l1');
      assert.equal(first, 'this op', 'the first error of the run');
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(op.estimate.l1TensorBytesPerCore, 468_992);
      assert.deepEqual(
        op.estimate.l1Intermediates?.map((t) => [t.bytesPerCore, t.liveDuringProgram]),
        [[468_992, true]],
      );
      assert.equal(op.overflow?.kind, 'l1BuffersExhausted');
      assert.equal(op.overflow?.limitBytes, 1_499_136);
    });
    it("the thread's workaround, the same mish in DRAM, fits", () => {
      const { op } = deviceOp(run, 'mish_yolov4_640_dram');
      assert.equal(op.estimate.kind, 'estimate');
      assert.equal(op.overflow, undefined);
    });
    it('after PR #19113 (mish one unary program) input and result alone fit: 2 · 468,992 B', () => {
      const { op } = deviceOp({ ...run, date: '2025-04-01' }, 'mish_yolov4_640_l1');
      assert.ok(op.estimate.kind === 'estimate');
      assert.equal(op.estimate.factory, 'UnaryProgramFactory');
      assert.equal(op.estimate.l1Intermediates, undefined);
      assert.equal(op.overflow, undefined);
    });
  });
});

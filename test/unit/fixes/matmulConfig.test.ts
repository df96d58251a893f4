/**
 * matmul_program_config fixes: an explicit 2D mcast config whose in0 / in1 blocks overflow L1 gets a smaller
 * in0_block_w, verified by re-parse and re-analysis; a matmul whose L1-resident operands leave no room for any blocking
 * gets a stated reason instead. Figures by hand from the 2D mcast factory
 * (matmul_multicore_reuse_mcast_2d_program_factory.cpp@0000d49): c_0 out_block_h·w·dbl·T(a), c_1 out_block_w·w·dbl·T(b),
 * c_4 out_block_h·out_block_w·T(out) (interm shared: same bf16 format, interleaved output), dbl = 2 when Kt/w > 1.
 * WH n150: 8x8 grid, L1 1,499,136 B, CB base 102,656 B; bf16 tile 2,048 B.
 */

import { strict as assert } from 'assert';
import { checkIrFix, fixesAt, load, read } from './harness';
import { applyFix } from '../../../server/src/fixes/index';

const BIG_K = 'test/fixtures/fixes/matmul_config_big_k.mlir';
const NO_ROOM = 'test/fixtures/fixes/matmul_config_no_room.mlir';
const FP32 = 'test/fixtures/fixes/matmul_config_fp32.mlir';
const OLD_1D = 'test/fixtures/fixes/matmul_config_1d_pre3492.mlir';
const SHARDED_OUT = 'test/fixtures/fixes/matmul_config_sharded_out.mlir';

describe('fixes/matmul_program_config', () => {
  // Kt = 64, in0_block_w 32 → 2 K blocks → dbl: c_0 8·32·2 = 512 tiles, c_1 512, c_4 64 → 1,088 · 2,048 = 2,228,224 B.
  it('an explicit config with in0_block_w 32 of Kt 64 overflows with 2,228,224 B of CBs', () => {
    const l = load(read(BIG_K));
    const op = l.analysis.functions[0].ops[0];
    assert.equal(op.cbBytesPerCore, 2_228_224);
    assert.ok(op.overflow !== undefined);
  });

  it('never titles a fix "no op overflows" while an op of the file has no L1 model', () => {
    // The same matmul followed by a ttnn.moe_gpt (a device program without an L1 model: unmodeledReasons.ts).
    const text = read(BIG_K).replace(
      '    return %0 : tensor<2048x2048xbf16, #ttnn_layout>',
      '    %1 = "ttnn.moe_gpt"(%0) : (tensor<2048x2048xbf16, #ttnn_layout>) -> tensor<2048x2048xbf16, #ttnn_layout>\n    return %1 : tensor<2048x2048xbf16, #ttnn_layout>',
    );
    const l = load(text);
    assert.equal(l.analysis.functions[0].ops[1].estimate.kind, 'unmodeled');
    const fix = fixesAt(l, '@main', 0).fixes.find((f) => f.fixKind === 'matmulConfig');
    assert.ok(fix !== undefined);
    assert.match(fix.title, /no modeled op overflows after this \(1 without an L1 model\)/);
    assert.doesNotMatch(fix.title, /(^|[^d] )no op overflows/);
  });

  it('offers in0_block_w 16 (the largest divisor of Kt below 32 that fits), applies, re-parses and re-analyses to fit', () => {
    // w 16: Kt/16 = 4 blocks → dbl; c_0 8·16·2 = 256, c_1 256, c_4 64 → 576 · 2,048 = 1,179,648 B;
    // 102,656 + 1,179,648 = 1,282,304 ≤ 1,499,136. Out block stays 8x8 = per_core, subblock (4,2): 4·2 = 8 ≤ 8 (no fp32
    // accumulation) and divides 8x8.
    const l = load(read(BIG_K));
    const r = fixesAt(l, '@main', 0);
    const fix = r.fixes.find((f) => f.fixKind === 'matmulConfig');
    assert.ok(fix !== undefined, JSON.stringify(r.rejected));
    assert.match(fix.title, /in0_block_w 16, out_block 8x8, out_subblock 4x2/);
    assert.match(fix.title, /no op overflows after this/);
    assert.match(fix.title, /\(checked for tt-metal \d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d\)$/);
    const { after } = checkIrFix(l, fix, '@main', 0, { removed: false });
    const now = after.functions[0].ops[0];
    assert.equal(now.cbBytesPerCore, 1_179_648);
    assert.equal(now.overflow, undefined);
    const text = applyFix(l.text, fix)!;
    assert.match(
      text,
      /matmul_program_config = #ttnn\.matmul_multi_core_reuse_multi_cast_program_config<compute_with_storage_grid_size = #ttnn\.core_coord<8, 8>, in0_block_w = 16, out_subblock_h = 4, out_subblock_w = 2, out_block_h = 8, out_block_w = 8, per_core_m = 8, per_core_n = 8, transpose_mcast = false, fuse_batch = false>, transpose_a = false/,
    );
  });

  it('the second fix halves in0_block_w again (8: c_0 8·8·2 = 128, c_1 128, c_4 64 → 320 · 2,048 = 655,360 B)', () => {
    const l = load(read(BIG_K));
    const fixes = fixesAt(l, '@main', 0).fixes.filter((f) => f.fixKind === 'matmulConfig');
    assert.equal(fixes.length, 2);
    assert.match(fixes[1].title, /in0_block_w 8, out_block 8x8/);
    const { after } = checkIrFix(l, fixes[1], '@main', 0, { removed: false });
    assert.equal(after.functions[0].ops[0].cbBytesPerCore, 655_360);
  });

  it('no blocking fits when a and b stay live in L1: a no-fix reason, no config offered', () => {
    // a 338 + b 339 = 677 tiles · 2,048 = 1,386,496 B live per core → 1,499,136 − 1,386,496 = 112,640 B for base + CBs.
    // Smallest config: w 1 (Kt 64 → dbl), out block 1x1: c_0 2, c_1 2, c_4 1 = 5 tiles = 10,240 B;
    // 102,656 + 10,240 = 112,896 > 112,640.
    const l = load(read(NO_ROOM));
    const op = l.analysis.functions[0].ops[0];
    assert.equal(op.liveL1TensorBytesPerCore, 1_386_496);
    const r = fixesAt(l, '@main', 0);
    assert.equal(r.fixes.filter((f) => f.fixKind === 'matmulConfig').length, 0);
    const why = r.rejected.find((x) => x.fixKind === 'matmulConfig');
    assert.ok(why !== undefined);
    assert.ok(r.noFixReason !== undefined);
    assert.match(why.reason, /no in0_block_w \(a divisor of Kt 64\) and out block .* per_core 43x43 fits/);
  });
  it('a block-sharded output keeps out_subblock_h 1 (sharded-output rule: out_subblock_w = per_core_N or out_subblock_h = 1)', () => {
    // Output 8x8 tiles per core, tensor-backed c_4 (not a CB allocation): CBs c_0 8·32·2 = 512 + c_1 512 tiles =
    // 2,097,152 B before. Fix w 16: c_0 256 + c_1 256 = 512 tiles = 1,048,576 B; 102,656 + 1,048,576 = 1,151,232 ≤
    // 1,499,136 − 131,072 (the live 8·8·2,048 B output shard) = 1,368,064. Subblock: (4,2), (2,4), (8,1) break the rule
    // (w ≠ per_core_N 8 and h ≠ 1); (1,8) keeps it, 1·8 ≤ 8, divides 8x8.
    const l = load(read(SHARDED_OUT));
    assert.equal(l.analysis.functions[0].ops[0].cbBytesPerCore, 2_097_152);
    const fix = fixesAt(l, '@main', 0).fixes.find((f) => f.fixKind === 'matmulConfig');
    assert.ok(fix !== undefined);
    assert.match(fix.title, /in0_block_w 16, out_block 8x8, out_subblock 1x8/);
    const { after } = checkIrFix(l, fix, '@main', 0, { removed: false });
    assert.equal(after.functions[0].ops[0].cbBytesPerCore, 1_048_576);
    assert.equal(after.functions[0].ops[0].overflow, undefined);
    assert.match(applyFix(l.text, fix)!, /in0_block_w = 16, out_subblock_h = 1, out_subblock_w = 8,/);
  });
  it('fp32 accumulation: in0_block_w 16 still overflows, 8 fits, and the subblock stays within 4 tiles (2x2)', () => {
    // fp32_dest_acc_en → separate fp32 interm c_5 8·8·4,096 = 262,144 B. Before (w 32): c_0 1,048,576 + c_1 1,048,576 +
    // c_5 262,144 + c_4 131,072 = 2,490,368 B. w 16: 524,288·2 + 393,216 = 1,441,792; 102,656 + 1,441,792 = 1,544,448
    // > 1,499,136 → not offered. w 8: 262,144·2 + 393,216 = 917,504 B. Subblock: (4,2) … (1,6), (5,1), (1,5) are over
    // 4 tiles or do not divide 8; (2,2) is the first with h·w ≤ 4 dividing 8x8.
    const l = load(read(FP32));
    assert.equal(l.analysis.functions[0].ops[0].cbBytesPerCore, 2_490_368);
    const fixes = fixesAt(l, '@main', 0).fixes.filter((f) => f.fixKind === 'matmulConfig');
    assert.ok(fixes.length > 0);
    assert.ok(!fixes.some((f) => /in0_block_w 16,/.test(f.title)));
    assert.match(fixes[0].title, /in0_block_w 8, out_block 8x8, out_subblock 2x2/);
    const { after } = checkIrFix(l, fixes[0], '@main', 0, { removed: false });
    assert.equal(after.functions[0].ops[0].cbBytesPerCore, 917_504);
    assert.equal(after.functions[0].ops[0].overflow, undefined);
  });
  it("a 1D mcast-in0 config keeps the dump's own field set (no untilize_out added) and its blocks shrink to fit", () => {
    // Mt 8, Kt 256, Nt 128; per_core 8x2 on 64 cores. w 128 → 2 K blocks → dbl: c_0 8·128·2 = 2,048, c_1 2·128·2 = 512,
    // c_4 16 → 2,576 · 2,048 = 5,275,648 B. Out block 8x2 (largest area) first; w 64: c_0 8·64·2 = 1,024 tiles alone
    // = 2,097,152 B → no; w 32: c_0 512 + c_1 128 + c_4 16 = 656 tiles = 1,343,488 B; 102,656 + 1,343,488 = 1,446,144
    // ≤ 1,499,136. Subblock (4,2): 4·2 = 8 ≤ 8 and divides 8x2.
    const l = load(read(OLD_1D));
    assert.equal(l.analysis.functions[0].ops[0].cbBytesPerCore, 5_275_648);
    const fix = fixesAt(l, '@main', 0).fixes.find((f) => f.fixKind === 'matmulConfig');
    assert.ok(fix !== undefined);
    assert.match(fix.title, /in0_block_w 32, out_block 8x2, out_subblock 4x2/);
    const { after } = checkIrFix(l, fix, '@main', 0, { removed: false });
    assert.equal(after.functions[0].ops[0].cbBytesPerCore, 1_343_488);
    const text = applyFix(l.text, fix)!;
    assert.match(
      text,
      /in0_block_w = 32, out_subblock_h = 4, out_subblock_w = 2, out_block_h = 8, out_block_w = 2, per_core_m = 8, per_core_n = 2, fuse_batch = true, mcast_in0 = true, gather_in0 = false, hop_cores = #ttnn\.core_range_set<>, num_global_cb_receivers = 0>, transpose_a/,
    );
  });
});

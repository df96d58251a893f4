/**
 * conv2d_config fixes on tt-mlir's own L1-OOM test (conv2d_l1_oom_fallback.mlir: "Conv2d with conv2d_slice_config =
 * <l1_full> which will cause L1 OOM"; the fallback it checks replaces the slice config with DRAM slicing).
 */

import { strict as assert } from 'assert';
import { checkIrFix, fixesAt, load, read } from './harness';
import { applyFix } from '../../../server/src/fixes/index';

const OOM = 'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/optimizer/conv2d_l1_oom_fallback.mlir';

describe('fixes/conv2d_config', () => {
  // 800x1066x3 → 64, k7 s2 p3 → 400x533 = 213,200 rows = 6,663 tiles; height sharded on 64 cores (pad 57 < 105):
  // per core 3,360 rows = 105 tiles, act_block_w = round_up(32·7, 32)/32 = 7, per_core_N 2.
  // WEIGHTS 14, ACT 53·7 + 52·7 = 735, ACT_TILIZED 735, BIAS 2 = 1,486 tiles; READER_INDICES in L1
  // (config_tensors_in_dram) 105·32·2 = 6,720; L1_ARRAY 64 → 3,050,112 B of CBs: tt-mlir's test says it OOMs.
  it('the conv tt-mlir documents as an L1 OOM overflows with 3,050,112 B of CBs', () => {
    const l = load(read(OOM));
    const op = l.analysis.functions[0].ops.find((o) => o.op.name === 'ttnn.conv2d')!;
    assert.equal(op.cbBytesPerCore, 3_050_112);
    assert.ok(op.overflow !== undefined);
  });

  it('smaller act blocks cannot help: the halo output does not fit beside the resharded input, whatever the CBs', () => {
    // Resharded input: 852,800 rows → round_up(852,800, 64·32) / 64 = 13,344 rows · 32 ch = 417 tiles · 2,048 = 854,016 B.
    // Halo: 3,360 outputs per core over 533-wide output rows, padded input width 1,066 + 6 = 1,072; the widest core
    // starts at column ≥ 372 and ends 7 rows down at column c + 161 − 533: 7·2·1,072 − 372·2 + 6·1,072 + 7 = 20,703
    // sticks · 32 ch · 2 B = 1,324,992 B; with the 854,016 B it is 2,179,008 B > 1,396,480 B between base and L1 size.
    const l = load(read(OOM));
    const index = l.analysis.functions[0].ops.findIndex((o) => o.op.name === 'ttnn.conv2d');
    const op = l.analysis.functions[0].ops[index]!;
    assert.deepEqual(op.overflow?.failedAllocation, {
      role: 'halo output',
      bytesPerCore: 1_324_992,
      allocatedBeforeBytes: 854_016,
    });
    const r = fixesAt(l, '@test_conv2d_l1_oom', index);
    assert.ok(!r.fixes.some((f) => /act_block_h_override/.test(f.title)));
  });

  it("offers DRAM slicing (tt-mlir's own fallback for this test) and it fits after re-analysis", () => {
    const l = load(read(OOM));
    const index = l.analysis.functions[0].ops.findIndex((o) => o.op.name === 'ttnn.conv2d');
    const r = fixesAt(l, '@test_conv2d_l1_oom', index);
    const fix = r.fixes.find((f) => f.fixKind === 'conv2dConfig');
    assert.ok(fix !== undefined, JSON.stringify(r.rejected));
    const m = /conv2d_slice_config<dram_height, (\d+)>/.exec(fix.title);
    assert.ok(m !== null, fix.title);
    const { after } = checkIrFix(l, fix, '@test_conv2d_l1_oom', index, { removed: false });
    assert.equal(after.functions[0].ops[index]!.overflow, undefined);
    const text = applyFix(l.text, fix)!;
    assert.match(text, new RegExp(`conv2d_slice_config = #ttnn\\.conv2d_slice_config<dram_height, ${m[1]}>`));
  });
});

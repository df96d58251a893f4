/**
 * conv2d_config fixes on tt-mlir's own L1-OOM test (conv2d_l1_oom_fallback.mlir: "Conv2d with conv2d_slice_config =
 * <l1_full> which will cause L1 OOM"), and conv3d_config blocking on the Mochi example once its pad is fixed.
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

  it('offers act_block_h_override = 1120 (a divisor of the 105-tile shard) and it fits after re-analysis', () => {
    // 35 tiles: 3 act blocks per core → weights fully buffered 14·7 = 98; ACT 18·7 + 17·7 = 245; ACT_TILIZED 245;
    // BIAS 2 → 590 tiles · 2,048 + 6,720 + 64 = 1,215,104 B.
    const l = load(read(OOM));
    const index = l.analysis.functions[0].ops.findIndex((o) => o.op.name === 'ttnn.conv2d');
    const r = fixesAt(l, '@test_conv2d_l1_oom', index);
    const fix = r.fixes.find((f) => f.fixKind === 'conv2dConfig');
    assert.ok(fix !== undefined, JSON.stringify(r.rejected));
    assert.match(fix.title, /act_block_h_override = 1120/);
    const { after } = checkIrFix(l, fix, '@test_conv2d_l1_oom', index, { removed: false });
    assert.equal(after.functions[0].ops[index]!.cbBytesPerCore, 1_215_104);
    const text = applyFix(l.text, fix)!;
    assert.match(
      text,
      /conv2d_config = #ttnn\.conv2d_config<weights_dtype = bf16, activation = <op_type=relu>, deallocate_activation = true, act_block_h_override = 1120,/,
    );
  });
});

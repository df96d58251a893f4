/**
 * conv2d_config fixes on tt-mlir's own L1-OOM test (conv2d_l1_oom_fallback.mlir: "Conv2d with conv2d_slice_config =
 * <l1_full> which will cause L1 OOM"; the fallback it checks replaces the slice config with DRAM slicing).
 */

import { strict as assert } from 'assert';
import { checkIrFix, fixesAt, load, read } from './harness';
import { applyFix } from '../../../server/src/fixes/index';
import { conv2dConfigCandidates } from '../../../server/src/fixes/conv2dConfig';
import { planConv2dOp } from '../../../server/src/estimate/ops/conv2d';
import { estimateOp } from '../../../server/src/estimate/registry';
import type { PropValue } from '../../../server/src/ttnn/op';
import { DEVICE_VALUE, int, ints, op, tensor, whContext } from '../estimate/build';

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
      // Height sharded on 64 cores: 64 · 1,324,992 = 84,799,488 B in tt-metal's allocator line.
      banks: 64,
      bufferBytes: 84_799_488,
    });
    const r = fixesAt(l, '@test_conv2d_l1_oom', index);
    assert.ok(!r.fixes.some((f) => /act_block_h_override/.test(f.title)));
  });

  it("offers DRAM slicing (tt-mlir's own fallback for this test) and it fits after re-analysis", () => {
    // The test is tt-mlir's of 2026-01-19 (PR #6569), so its builds: its input is tiled, and before tt-metal PR #22817
    // (2025-06-11, change point conv2d-dram-tiled-input) the DRAM-sliced path took only row-major bf16 inputs, so no
    // full-window re-analysis could clear it.
    const l = load(read(OOM), {
      ttMetal: {
        window: { earliest: '2026-01-01', latest: '2026-11-30' },
        source: 'configured',
        how: 'tt-mlir PR #6569',
      },
    });
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

describe('fixes/conv2d_config: an auto-sharded 1x1 conv runs ttnn.linear', () => {
  // 56x56x64 → 128, 1x1 stride 1, L1 interleaved input, a conv2d_config without shard_layout: conv2d auto-shards and
  // skips the reshard (auto_shard_mm, conv2d_utils.cpp shard_or_reshard_tensor_if_required), so ttnn.linear runs on
  // the interleaved input with no program config: act_block_h_override and the double-buffer flags never reach it.
  const props = (config: Record<string, string>): Record<string, PropValue> => ({
    in_channels: int(64),
    out_channels: int(128),
    batch_size: int(1),
    input_height: int(56),
    input_width: int(56),
    kernel_size: ints(1, 1),
    stride: ints(1, 1),
    padding: ints(0, 0),
    dilation: ints(1, 1),
    groups: int(1),
    conv2d_config: {
      kind: 'dialect',
      name: 'ttnn.conv2d_config',
      text: '#ttnn.conv2d_config<>',
      items: Object.entries(config).map(([k, v]) => `${k}=${v}`),
      fields: config,
    },
  });
  const conv = (config: Record<string, string>) =>
    op(
      'ttnn.conv2d',
      [
        tensor([1, 1, 56 * 56, 64], { buffer: 'l1' }),
        tensor([128, 64, 1, 1], { buffer: 'system_memory', page: 'row_major' }),
        DEVICE_VALUE,
      ],
      [tensor([1, 1, 56 * 56, 128], { buffer: 'l1' })],
      props(config),
    );
  const candidates = (config: Record<string, string>) => {
    const ctx = whContext();
    const planned = planConv2dOp(conv(config), ctx);
    assert.ok('plan' in planned);
    return conv2dConfigCandidates(planned, ctx).map((c) => c.what);
  };

  it('the act block and double-buffer fields do not change the linear it runs', () => {
    const cbs = (config: Record<string, string>) => {
      const r = estimateOp(conv(config), whContext());
      assert.ok(r.kind === 'estimate');
      assert.match(r.factory, /ttnn\.linear/);
      return r.cbBytesPerCore;
    };
    const plain = cbs({ enable_act_double_buffer: 'true' });
    assert.equal(cbs({ enable_act_double_buffer: 'true', act_block_h_override: '32' }), plain);
    assert.equal(cbs({ enable_act_double_buffer: 'false' }), plain);
  });

  it('so its candidates are the three shard layouts only (each turns auto shard off), none of the sharded plan', () => {
    assert.deepEqual(candidates({ enable_act_double_buffer: 'true' }), [
      'shard_layout = height_sharded',
      'shard_layout = block_sharded',
      'shard_layout = width_sharded',
    ]);
  });

  it('with shard_layout set it runs the sharded matmul, where act blocks and buffering are levers', () => {
    // height sharded on 49 cores: per_core_M = 2 tiles, act_block_h 2 → act_block_h_override 32 is a candidate.
    const c = candidates({ enable_act_double_buffer: 'true', shard_layout: 'height_sharded' });
    assert.ok(c.includes('double buffering off'), c.join('; '));
    assert.ok(c.includes('act_block_h_override = 32'), c.join('; '));
  });
});

/**
 * The config-tensors-in-DRAM fix (fixes/configTensorsInDram.ts) on tt-mlir #5768's conv_transpose2d (Vanilla UNet's
 * last up-convolution), refused its reader indices in tt-mlir's 32 KiB L1_SMALL bank before tt-mlir PR #5557.
 * Per bank (threads-l1small.test.ts derives them): halo padding configs 2,896 + 2,896 B, gather configs 4,624 + 4,624 B,
 * then the conv's reader indices 19,808 B: 15,040 + 19,808 = 34,848 > 32,768.
 */

import { strict as assert } from 'assert';
import { checkIrFix, fixesAt, load, read } from './harness';
import { applyFix } from '../../../server/src/fixes/index';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { fixesForFirstFailure } from '../../../server/src/features/codeActions';
import type { ResolvedBuildWindow } from '../../../server/src/analysis/buildWindow';

const FILE = 'test/fixtures/threads/conv_transpose2d_tt-mlir-5768.mlir';
const FN = '@vanilla_unet_upconv1';

function at(date: string): { ttMetal: ResolvedBuildWindow } {
  return { ttMetal: { window: { earliest: date, latest: date }, source: 'configured', how: 'test' } };
}

describe('fixes/config_tensors_in_dram: a conv refused L1_SMALL', () => {
  it('tt-mlir #5768 (tt-metal 2025-10-27): config_tensors_in_dram appended to conv2d_config, and the op then fits', () => {
    const l = load(read(FILE), at('2025-10-27'));
    assert.equal(l.analysis.functions[0]!.ops[0]!.overflow?.kind, 'l1SmallExhausted');
    const r = fixesAt(l, FN, 0);
    const fix = r.fixes.find((f) => f.fixKind === 'configTensorsInDram');
    assert.ok(fix !== undefined, JSON.stringify(r.rejected));
    assert.match(fix.title, /^Set conv2d_config config_tensors_in_dram = true .* no op overflows after this/);
    const text = applyFix(l.text, fix)!;
    assert.match(text, /enable_kernel_stride_folding = false, config_tensors_in_dram = true>/);
    const { after } = checkIrFix(l, fix, FN, 0, { removed: false });
    const op = after.functions[0]!.ops[0]!;
    assert.equal(op.overflow, undefined);
    // The reader indices go to DRAM; conv_transpose2d's halo does not take the flag (tt-metal #33284), so its four
    // configs stay: 2,896 + 2,896 + 4,624 + 4,624 = 15,040 B per bank, under 32,768.
    assert.ok(op.estimate.kind === 'estimate');
    assert.deepEqual(
      op.estimate.l1SmallBuffers?.map((b) => b.bytesPerBank),
      [2_896, 2_896, 4_624, 4_624],
    );
  });

  it('before tt-metal PR #27753 (2025-09-13) the flag does not exist: the fix is built but rejected', () => {
    // At 2025-08-01 the same op fails the same way (reader indices in segments since PR #23025, uncompressed until
    // PR #33999): 34,848 B > 32,768 B; the flag changes nothing on that build.
    const l = load(read(FILE), at('2025-08-01'));
    assert.equal(l.analysis.functions[0]!.ops[0]!.overflow?.kind, 'l1SmallExhausted');
    const r = fixesAt(l, FN, 0);
    assert.equal(
      r.fixes.some((f) => f.fixKind === 'configTensorsInDram'),
      false,
    );
    const rejected = r.rejected.find((f) => f.fixKind === 'configTensorsInDram');
    assert.equal(rejected?.reason, 'the target op still overflows (l1SmallExhausted)');
  });

  it('the editor and CLI path verify for the configured build (the re-analysis gets the analysis window)', () => {
    // fixesForFirstFailure passes the settings' analysis options, which hold no build window: the re-analysis used to
    // run over every modeled build (where this op overflows its CBs on 2025-11-25..2025-12-16) and reject the fix.
    const doc = analyzeDocument(read(FILE), { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2025-10-27' });
    const found = fixesForFirstFailure(doc);
    assert.ok(found !== undefined);
    const fix = found.result.fixes.find((f) => f.fixKind === 'configTensorsInDram');
    assert.ok(fix !== undefined, JSON.stringify(found.result.rejected));
    assert.match(fix.title, /\(checked for tt-metal 2025-10-27\)$/);
  });

  it("tt-metal #35161's conv_transpose2d (no L1_SMALL at all): its halo keeps its configs whatever the flag, so no fix", () => {
    // The thread's device was opened with l1_small_size 0 and the first refused buffer is the halo's padding config 0
    // (448 B per bank): conv_transpose2d does not pass config_tensors_in_dram to its halo (tt-metal #33284).
    const l = load(read('test/fixtures/threads/conv_transpose2d_tt-xla-2710.mlir'), {
      ...at('2025-12-16'),
      l1SmallSizeBytes: 0,
    });
    const index = l.analysis.functions[0]!.ops.findIndex((o) => o.overflow?.kind === 'l1SmallExhausted');
    assert.equal(index, 1);
    const r = fixesAt(l, l.analysis.functions[0]!.fn.name, index);
    assert.equal(
      r.fixes.some((f) => f.fixKind === 'configTensorsInDram'),
      false,
    );
    assert.equal(
      r.rejected.find((f) => f.fixKind === 'configTensorsInDram')?.reason,
      'the target op still overflows (l1SmallExhausted)',
    );
  });
});

describe('fixes/config_tensors_in_dram: a pool refused L1_SMALL', () => {
  it('a max_pool2d on a device without L1_SMALL (tt-metal 2026-03-01, after PR #35212): the attribute is inserted and nothing is left in L1_SMALL', () => {
    const file = 'test/fixtures/threads/max_pool2d_resnet18-stem-runs.mlir';
    const l = load(read(file), { ...at('2026-03-01'), l1SmallSizeBytes: 0 });
    const fn = l.analysis.functions[0]!.fn.name;
    assert.equal(l.analysis.functions[0]!.ops[0]!.overflow?.kind, 'l1SmallExhausted');
    const r = fixesAt(l, fn, 0);
    const fix = r.fixes.find((f) => f.fixKind === 'configTensorsInDram');
    assert.ok(fix !== undefined, JSON.stringify(r.rejected));
    assert.match(fix.title, /^Set config_tensors_in_dram = true on the max_pool2d/);
    // MLIR prints properties sorted by name: config_tensors_in_dram goes after ceil_mode / channels.
    assert.match(applyFix(l.text, fix)!, /channels = \d+ : si32, config_tensors_in_dram = true, /);
    const { after } = checkIrFix(l, fix, fn, 0, { removed: false });
    const op = after.functions[0]!.ops[0]!;
    assert.equal(op.overflow, undefined);
    assert.ok(op.estimate.kind === 'estimate');
    assert.equal(op.estimate.l1SmallBuffers, undefined, "the halo's configs and the reader indices are in DRAM");
  });
});

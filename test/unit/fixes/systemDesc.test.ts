/**
 * A fix is verified on the device the analysis used: `--system-desc` (settings.systemDescText) replaces the file's own
 * system descriptor, and the re-analysis of the fixed text must too (the fixed text still carries the file's).
 */

import { strict as assert } from 'assert';
import { analyzeDocument, fixesForFirstFailure } from '../../../server/src/features';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { read } from './harness';

const LIVE = 'test/fixtures/fixes/l1_live.mlir';

/** The fixture's own descriptor (wormhole_b0, 8x8, l1_size 1,499,136, base 102,656) with another worker grid. */
function systemDescWithGrid(grid: string): string {
  const own = /#ttcore\.system_desc<.*>/.exec(read(LIVE))![0];
  return own.replace('grid = 8x8', `grid = ${grid}`);
}

describe('fixes/verify: the configured system descriptor', () => {
  it('a fix is re-checked on the --system-desc device, not the file’s own', () => {
    // File's device, 8x8 = 64 L1 banks: %2's 22,400 tiles interleaved → 22,400 / 64 = 350 tiles · 2,048 B = 716,800 B
    // per core; %0 the same; both live at %2: 1,433,600 > 1,499,136 − 102,656 = 1,396,480 B.
    // Configured device, 8x7 = 56 banks: ⌈22,400 / 56⌉ = 400 tiles · 2,048 B = 819,200 B per tensor; at %2 1,638,400 B,
    // still over 1,396,480. With %2 in DRAM, the add's peak is %0's 819,200 B + its 3 CBs · 2 tiles · 2,048 B = 12,288 B
    // = 831,488 B (0.83 MB); on the file's 8x8 it would be 716,800 + 12,288 = 729,088 B (0.73 MB).
    const settings = { ...DEFAULT_ANALYSIS_SETTINGS, systemDescText: systemDescWithGrid('8x7') };
    const doc = analyzeDocument(read(LIVE), settings);
    assert.deepEqual(doc.analysis.device.workerGrid, [8, 7]);
    assert.equal(doc.analysis.functions[0]!.ops[2]!.liveL1TensorBytesPerCore, 1_638_400);
    const found = fixesForFirstFailure(doc);
    assert.equal(found?.opIndex, 2);
    const dram = found!.result.fixes.find((f) => f.fixKind === 'layout');
    assert.ok(dram !== undefined, JSON.stringify(found!.result.rejected));
    assert.equal(
      dram.verification.targetAfter === 'removed' ? -1 : dram.verification.targetAfter.peakL1BytesPerCore,
      831_488,
    );
    assert.match(dram.title, /0\.83 MB\/core/);
  });

  it('the same fix on the file’s own descriptor: 0.73 MB/core', () => {
    const doc = analyzeDocument(read(LIVE), DEFAULT_ANALYSIS_SETTINGS);
    const dram = fixesForFirstFailure(doc)!.result.fixes.find((f) => f.fixKind === 'layout')!;
    assert.equal(
      dram.verification.targetAfter === 'removed' ? -1 : dram.verification.targetAfter.peakL1BytesPerCore,
      729_088,
    );
  });
});

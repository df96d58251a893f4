/**
 * Tiled slices whose start is off a tile boundary take row-major pages in tt-metal. Expected figures come from tt-metal's
 * own message for the corpus file's first op (tt-mlir PR #8082 / tt-metal #42882): "grow to 2168608 B" on a build with
 * base 103,712 B = 103,712 + 2 x (258,112 x 4 B) — the output row of f32, double-buffered.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';

const FILE = path.join(__dirname, '../../fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/Workarounds/slice_static_workaround.mlir');

describe('estimate/slice: tiled input, start off a tile boundary', () => {
  const doc = analyzeDocument(fs.readFileSync(FILE, 'utf8'), { ...DEFAULT_ANALYSIS_SETTINGS, l1UnreservedBase: 103_712 });
  const [wide, narrow] = doc.analysis.functions.map((f) => f.ops.find((o) => o.op.name === 'ttnn.slice_static')!);

  it('reproduces tt-metal\'s 2,168,608 B for 6x3x258112 f32 sliced at row 2', () => {
    const est = wide!.estimate;
    assert.equal(est.kind, 'estimate');
    if (est.kind !== 'estimate') return;
    assert.equal(est.cbRegionEndBytes, 2_168_608);
    assert.deepEqual(est.cbs.map((cb) => [cb.nPages, cb.pageBytes]), [[2, 1_032_448]]);
    assert.equal(est.confidence, 'approx');
    assert.equal(wide!.overflow?.status, 'first');
  });

  it('keeps the 6x3x64 case of the same file inside L1 (2 x 64 x 4 B rows, no decomposition needed)', () => {
    const est = narrow!.estimate;
    assert.equal(est.kind, 'estimate');
    if (est.kind !== 'estimate') return;
    // 64 f32 = 256 B per row; 6 rows over 6 cores round up to 32 per read target; m = largest divisor of 32 with
    // m x 256 <= 4096 = 16; c_0 = 2 x 16 x 256 = 8,192 B.
    assert.equal(est.cbBytesPerCore, 8_192);
    assert.equal(narrow!.overflow, undefined);
  });
});

/** The analysis over the real tt-mlir corpus: total, no crashes, no invented overflows from view aliasing; summary views. */

import { strict as assert } from 'assert';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { inferBuildWindow } from '../../../server/src/analysis/buildWindow';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { isL1Overflow } from '../../../server/src/analysis/overflow';

const CORPUS = join(__dirname, '../../fixtures/corpus');

function mlirFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) mlirFiles(path, out);
    else if (name.endsWith('.mlir')) out.push(path);
  }
  return out;
}

describe('analysis/corpus', () => {
  it('analyses every corpus file without throwing; every unmodeled op says why', function () {
    this.timeout(300_000); // 56 real files, some large; a loaded CI machine is slow
    const files = mlirFiles(CORPUS);
    assert.ok(files.length >= 50, `corpus has ${files.length} files`);
    for (const file of files) {
      const a = analyzeModule(parse(readFileSync(file, 'utf8')));
      for (const f of a.functions) {
        for (const o of f.ops) {
          if (o.estimate.kind === 'unmodeled') assert.ok(o.estimate.reason.length > 0, file);
          assert.ok(Number.isFinite(o.peakL1BytesPerCore) && o.peakL1BytesPerCore >= 0, file);
        }
      }
    }
  });

  it('a view reshape shares its input buffer (ttnn_force_final_deallocs.mlir: 854,016 B once, not twice)', () => {
    const file = join(CORPUS, 'test/ttmlir/Dialect/TTNN/Transforms/ttnn_force_final_deallocs.mlir');
    const a = analyzeModule(parse(readFileSync(file, 'utf8')));
    const conv = a.functions.find((f) => f.fn.name === '@conv_activation');
    assert.ok(conv !== undefined);
    // %arg0: 1x1x852800x3 bf16 tiles, L1 interleaved: 26,650 tiles over 64 banks = 417 tiles x 2,048 = 854,016 B;
    // the reshape %view aliases it, so the live total stays 854,016 B.
    const atConv = conv.ops.find((o) => o.op.name === 'ttnn.conv2d');
    assert.equal(atConv?.liveL1TensorBytesPerCore, 854_016);
    // No overflow from live buffers; the conv's own resharded input (854,016 B) does not fit beside them (the conv
    // tt-mlir's conv2d_l1_oom_fallback.mlir documents as an L1 OOM), which is not about the view.
    const here = a.overflows.filter((o) => o.functionName === '@conv_activation');
    assert.deepEqual(
      here.map((o) => [
        o.overflow.kind,
        o.overflow.failedAllocation?.role,
        o.overflow.failedAllocation?.allocatedBeforeBytes,
      ]),
      [['l1BuffersExhausted', 'resharded conv input', 854_016]],
    );
  });

  it('mock system descs are flagged and replaced by the preset base', () => {
    const file = join(CORPUS, 'tools/explorer/test/models/resnet_ttnn.mlir');
    const a = analyzeModule(parse(readFileSync(file, 'utf8')));
    assert.equal(a.device.l1UnreservedBase, 102_656);
    assert.equal(a.device.baseSource, 'preset');
    assert.match(a.device.warnings[0] ?? '', /mock default \(fictitious\)/);
  });

  it('overflow count and figures of the seed', () => {
    const seed = readFileSync(join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');
    // The seed's builds as its syntax dates them (the CLI's `auto`).
    const a = analyzeModule(parse(seed), { ttMetal: inferBuildWindow(seed) });
    // %9, %10, the row-major reshape %11 and conv3d %24 (tt-metal defaults) all exceed L1.
    assert.equal(a.overflows.filter((o) => isL1Overflow(o.overflow)).length, 4);
    assert.equal(a.limitBytesPerCore, 1_396_480);
    const p9 = a.functions.find((f) => f.fn.name === '@main')?.ops.find((o) => o.op.resultNames[0] === '%9');
    assert.deepEqual([p9?.cbBytesPerCore, p9?.overflow !== undefined && isL1Overflow(p9.overflow)], [9_924_608, true]);
  });
});

/**
 * The estimate memo is invisible: every estimate it gives deep-equals a fresh `estimateOp` with the same inputs, over
 * real dumps (corpus files, the Falcon benchmark dump), the benchmark's generated dump, copies of their ops whose specs
 * are new objects of equal content, and many free-L1 values; and specs count by content, not by object.
 */

import { strict as assert } from 'assert';
import { falconDump } from '../../../bench/falcon';
import { generateTtnnModule } from '../../../bench/generate';
import { estimateCache } from '../../../server/src/analysis/estimateCache';
import { FULL_WINDOW, type TtMetalWindow } from '../../../server/src/estimate/changePoints';
import { NO_PROGRAM_OPS } from '../../../server/src/estimate/ops/noProgram';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import { parse } from '../../../server/src/mlir/parser';
import { presetDevice, resolveDevice } from '../../../server/src/ttnn/device';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule, TtnnOp, ValueSpec } from '../../../server/src/ttnn/op';
import { readCorpus } from '../../support/corpus';
import { op, tensor } from '../estimate/build';

const GOLDEN_WINDOW: TtMetalWindow = { earliest: '2025-11-27', latest: '2025-11-27' };

/**
 * The free L1 an estimate is made with (estimateCache.ts): the op's own when its estimator reads it or the op has no
 * results and runs a program; none otherwise.
 */
function freeL1Seen(o: TtnnOp, live: number): number {
  const noProgram = (NO_PROGRAM_OPS as readonly string[]).includes(o.name);
  return estimatorReads(o.name).liveL1 || (o.results.length === 0 && !noProgram) ? live : 0;
}

/**
 * `o` with every spec a new object of the same content (as another chunk's parse of the same text gives), its tensors'
 * layouts under other alias names (as another function's or file's numbering gives: the memo keys specs without them).
 */
function withCopiedSpecs(o: TtnnOp): TtnnOp {
  const copy = (specs: readonly ValueSpec[]): ValueSpec[] =>
    structuredClone(specs).map((s, i) => (s.kind === 'tensor' ? { ...s, layoutAlias: `#renamed_layout${i}` } : s));
  return { ...o, operands: copy(o.operands), results: copy(o.results) };
}

/**
 * Every op of `module` (and a copy of it with new spec objects) at each free-L1 value, through one cache, against a
 * fresh estimate: deep-equal, prototypes included. Returns how many estimates were compared.
 */
function assertMemoEqualsFresh(module: TtnnModule, window: TtMetalWindow, lives: readonly number[]): number {
  const device = resolveDevice(module.systemDesc, {});
  const cache = estimateCache(device, window, 1, undefined);
  let compared = 0;
  for (const fn of module.functions) {
    for (const [i, original] of fn.ops.entries()) {
      for (const [k, live] of lives.entries()) {
        // Ops in order, with the free L1 values turning over, so entries made at one value are met at others.
        const o = (i + k) % 3 === 0 ? withCopiedSpecs(original) : original;
        const fresh = estimateOp(o, { device, ttMetal: { window }, liveL1BytesPerCore: freeL1Seen(o, live) });
        assert.deepStrictEqual(cache.estimate(o, live), fresh, `${fn.name} op ${i} ${o.name} at ${live} B`);
        compared++;
      }
    }
  }
  return compared;
}

// Free L1 values from none to past all of L1 (1,499,136 B on Wormhole B0), uneven so CB ends fall between them.
const LIVES = [0, 4_096, 262_144, 700_000, 1_100_000, 1_300_000, 1_390_000, 1_450_000, 1_600_000];

describe('analysis/estimateMemo', () => {
  it('equals fresh estimates over corpus dumps, at many free-L1 values and with specs copied', function () {
    this.timeout(240_000);
    const files = [
      'falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir',
      'llama_attention_ttnn.mlir',
      'oom_ttnn.mlir',
      'r18_loc.mlir',
      'tools/explorer/test/models/resnet_ttnn.mlir',
    ];
    let compared = 0;
    for (const file of files) {
      const module = moduleFromSyntax(parse(readCorpus(file)));
      compared += assertMemoEqualsFresh(module, GOLDEN_WINDOW, LIVES);
      compared += assertMemoEqualsFresh(module, FULL_WINDOW, LIVES.slice(0, 4));
    }
    assert.ok(compared > 10_000, `${compared} estimates compared`);
  });

  it("equals fresh estimates over the benchmark's generated dump and the Falcon dump's chunks", function () {
    this.timeout(240_000);
    const generated = moduleFromSyntax(parse(generateTtnnModule({ nOps: 3_000, seed: 7 })));
    assertMemoEqualsFresh(generated, GOLDEN_WINDOW, LIVES);
    assertMemoEqualsFresh(generated, FULL_WINDOW, [0, 1_300_000, 1_450_000]);
    // Chunks parse apart, so equal types are different objects in each: the case spec content ids are for.
    const falcon = moduleFromSyntax(parse(falconDump(2_000)));
    assertMemoEqualsFresh(falcon, GOLDEN_WINDOW, [0, 700_000, 1_450_000]);
  });

  it('ops whose specs are equal but different objects share one estimate; a spec differing in one field does not', () => {
    const cache = estimateCache(presetDevice('wormhole_b0_n150'), GOLDEN_WINDOW, 1, undefined);
    const relu = op('ttnn.relu', [tensor([64, 64])], [tensor([64, 64])]);
    const first = cache.estimate(relu, 0);
    assert.equal(cache.estimate(withCopiedSpecs(relu), 0), first);
    const wider = op('ttnn.relu', [tensor([64, 64])], [tensor([64, 64], { buffer: 'l1' })]);
    assert.notDeepEqual(cache.estimate(wider, 0), first);
  });
});

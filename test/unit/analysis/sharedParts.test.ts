/** Equal parts of fresh estimates are kept once per analysis; unequal ones (by value, key order or prototype) never. */

import { strict as assert } from 'assert';
import { generateTtnnModule } from '../../../bench/generate';
import { SharedEstimates, SharedParts } from '../../../server/src/analysis/sharedParts';
import { SharedStrings } from '../../../server/src/analysis/flatStrings';
import { estimateCache } from '../../../server/src/analysis/estimateCache';
import { NO_PROGRAM_OPS } from '../../../server/src/estimate/ops/noProgram';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import { illegal, type OpEstimateResult, unmodeled } from '../../../server/src/estimate/types';
import { parse } from '../../../server/src/mlir/parser';
import { presetDevice, resolveDevice } from '../../../server/src/ttnn/device';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule } from '../../../server/src/ttnn/op';
import { readCorpus } from '../../support/corpus';
import { op, tensor } from '../estimate/build';

describe('analysis/sharedParts', () => {
  it('an estimate equal to a kept one is that one; a different one is kept as made, its own figures and parts', () => {
    const shared = new SharedEstimates();
    const citation = 'binary_ng_device_operation.cpp';
    const first = shared.share(illegal('ttnn.add', 'Broadcasting rule violation', citation));
    assert.equal(shared.share(illegal('ttnn.add', 'Broadcasting rule violation', citation)), first);
    assert.notEqual(shared.share(illegal('ttnn.add', 'another rule', citation)), first);

    const cbs = () => [{ cbIndex: 'c_0', role: 'input', nPages: 2, pageBytes: 2048, totalBytes: 4096 }];
    const made = (figure: number): OpEstimateResult => ({ ...unmodeled('ttnn.x', 'r'), cbs: cbs(), figure }) as never;
    const a = shared.share(made(1));
    const second = made(2);
    const b = shared.share(second) as never as { cbs: unknown; figure: number };
    assert.notEqual(b, a);
    // A new estimate is kept as the object made, parts included (session 23: sharing parts across distinct estimates
    // cost more than it saved).
    assert.equal(b, second);
    assert.equal(b.figure, 2);
    assert.equal(shared.share(made(2)), second);
  });

  it("equal estimates share however deep their parts: a version range figure's intermediate's printed range", () => {
    // Numbers 9 levels down (versionRange.figures[0].l1Intermediates[0].writerProgram.printedRange[0][0]), as the
    // conv2d estimates of a window that straddles a change point hold them; under a depth bound of 6 they stayed apart.
    const shared = new SharedEstimates();
    const ranged = (x: number): OpEstimateResult =>
      ({
        ...unmodeled('ttnn.conv2d', 'r'),
        versionRange: {
          changePoints: ['c'],
          figures: [
            {
              kind: 'estimate',
              l1Intermediates: [
                {
                  writerProgram: {
                    printedRange: [
                      [x, 0],
                      [x, 6],
                    ],
                  },
                },
              ],
            },
          ],
        },
      }) as never;
    const first = shared.share(ranged(7));
    assert.equal(shared.share(ranged(7)), first);
    assert.notEqual(shared.share(ranged(6)), first);
  });

  it('estimates whose top levels are equal but whose parts differ, or whose texts differ in one character, stay apart', () => {
    const shared = new SharedEstimates();
    const withCb = (nPages: number): OpEstimateResult =>
      ({ ...unmodeled('ttnn.x', 'r'), cbs: [{ cbIndex: 'c_0', nPages }] }) as never;
    const one = shared.share(withCb(1));
    const two = shared.share(withCb(2));
    assert.notEqual(two, one);
    assert.deepStrictEqual([one, two], [withCb(1), withCb(2)]);
    assert.equal(shared.share(withCb(2)), two);
    // Many of one top level (past a bucket's bound, kept by their parts' hash): each is found again, none merged.
    const many = Array.from({ length: 40 }, (_, i) => shared.share(withCb(10 + i)));
    assert.equal(new Set(many).size, 40);
    for (let i = 0; i < 40; i++) assert.equal(shared.share(withCb(10 + i)), many[i]);
    // Texts of one length that differ in a character a sampled hash would skip (the middle of a long reason).
    const reason = (digit: string): string => `${'a'.repeat(40)}${digit}${'b'.repeat(40)}`;
    const three = shared.share(unmodeled('ttnn.x', reason('3')));
    const four = shared.share(unmodeled('ttnn.x', reason('4')));
    assert.notEqual(four, three);
    assert.equal((four as { reason: string }).reason, reason('4'));
    assert.equal(shared.share(unmodeled('ttnn.x', reason('4'))), four);
  });

  it('keeps one estimate per distinct value over the generated dump and corpus dumps, each equal to the plain estimate', function () {
    this.timeout(120_000);
    const generated = assertSharedEqualsPlain(moduleFromSyntax(parse(generateTtnnModule({ nOps: 3_000, seed: 11 }))));
    assert.ok(generated.compared > 5_000 && generated.kept < generated.compared / 4, JSON.stringify(generated));
    for (const file of ['llama_attention_ttnn.mlir', 'oom_ttnn.mlir', 'tools/explorer/test/models/resnet_ttnn.mlir']) {
      const corpus = assertSharedEqualsPlain(moduleFromSyntax(parse(readCorpus(file))));
      assert.ok(corpus.compared > 100 && corpus.kept < corpus.compared, `${file}: ${JSON.stringify(corpus)}`);
    }
  });

  it('never shares values that differ only in key order, -0 vs 0, array vs object, or prototype', () => {
    const parts = new SharedParts();
    const kept = parts.intern({ x: 1, y: 2 });
    assert.notEqual(parts.intern({ y: 2, x: 1 }), kept);
    assert.equal(parts.intern({ x: 1, y: 2 }), kept);
    const zero = parts.intern({ n: 0 });
    assert.notEqual(parts.intern({ n: -0 }), zero);
    const list = parts.intern([1, 2]);
    assert.notEqual(parts.intern({ 0: 1, 1: 2 }), list);
    class Point {
      constructor(readonly x: number) {}
    }
    const plain = parts.intern({ x: 3 });
    assert.notEqual(parts.intern(new Point(3)), plain);
  });

  it('within an analysis, ops of different patterns with equal results share one estimate', () => {
    const device = presetDevice('wormhole_b0_n150');
    const cache = estimateCache(
      device,
      { earliest: '2025-11-27', latest: '2025-11-27' },
      1,
      undefined,
      new SharedStrings(),
    );
    // Two distinct spec objects of one type: two memo patterns, one result.
    const relu = (): ReturnType<typeof op> => op('ttnn.relu', [tensor([64, 64])], [tensor([64, 64])]);
    const x = cache.estimate(relu(), 0);
    const y = cache.estimate(relu(), 0);
    assert.equal(x.kind, 'estimate');
    assert.equal(y, x);
  });
});

/**
 * Every op of `module` at several free-L1 values through one cache: each estimate encodes to the JSON of a plain
 * `estimateOp` (key order included, which deepStrictEqual does not check), and equal estimates are one object.
 */
function assertSharedEqualsPlain(module: TtnnModule): { compared: number; kept: number } {
  const device = resolveDevice(module.systemDesc, {});
  const window = { earliest: '2025-11-27', latest: '2025-11-27' };
  const cache = estimateCache(device, window, 1, undefined, new SharedStrings());
  const keptByJson = new Map<string, OpEstimateResult>();
  let compared = 0;
  for (const fn of module.functions) {
    for (const o of fn.ops) {
      for (const live of [0, 700_000, 1_450_000]) {
        const got = cache.estimate(o, live);
        // The free L1 the cache makes an estimate with (estimateCache.ts).
        const noProgram = (NO_PROGRAM_OPS as readonly string[]).includes(o.name);
        const liveSeen = estimatorReads(o.name).liveL1 || (o.results.length === 0 && !noProgram) ? live : 0;
        const text = JSON.stringify(got);
        const plain = estimateOp(o, { device, ttMetal: { window }, liveL1BytesPerCore: liveSeen });
        assert.equal(text, JSON.stringify(plain), `${fn.name} ${o.name} at ${live} B`);
        const kept = keptByJson.get(text);
        if (kept === undefined) keptByJson.set(text, got);
        else assert.equal(got, kept, `${o.name}: an equal estimate kept twice`);
        compared++;
      }
    }
  }
  return { compared, kept: keptByJson.size };
}

/** Equal parts of fresh estimates are kept once per analysis; unequal ones (by value, key order or prototype) never. */

import { strict as assert } from 'assert';
import { SharedParts, shareEstimateParts } from '../../../server/src/analysis/sharedParts';
import { SharedStrings } from '../../../server/src/analysis/flatStrings';
import { estimateCache } from '../../../server/src/analysis/estimateCache';
import { illegal, unmodeled } from '../../../server/src/estimate/types';
import { presetDevice } from '../../../server/src/ttnn/device';
import { op, tensor } from '../estimate/build';

describe('analysis/sharedParts', () => {
  it('an estimate equal to a kept one is that one; a different one keeps its own figures and shares equal parts', () => {
    const parts = new SharedParts();
    const citation = 'binary_ng_device_operation.cpp';
    const first = shareEstimateParts(illegal('ttnn.add', 'Broadcasting rule violation', citation), parts);
    assert.equal(shareEstimateParts(illegal('ttnn.add', 'Broadcasting rule violation', citation), parts), first);
    assert.notEqual(shareEstimateParts(illegal('ttnn.add', 'another rule', citation), parts), first);

    const cbs = () => [{ cbIndex: 'c_0', role: 'input', nPages: 2, pageBytes: 2048, totalBytes: 4096 }];
    const a = shareEstimateParts({ ...unmodeled('ttnn.x', 'r'), cbs: cbs(), figure: 1 } as never, parts) as never as {
      cbs: unknown;
      figure: number;
    };
    const b = shareEstimateParts({ ...unmodeled('ttnn.x', 'r'), cbs: cbs(), figure: 2 } as never, parts) as never as {
      cbs: unknown;
      figure: number;
    };
    assert.notEqual(b, a);
    assert.equal(b.figure, 2);
    assert.equal(b.cbs, a.cbs);
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

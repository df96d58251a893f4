/**
 * What the corpus's `exact` figures rest on (docs/estimators.md, "Basis of `exact`, per estimator"). `exact` needs the
 * factory read at every build of the op's window: a read span (changePoints.ts READ_SPANS), which the estimate cites as
 * `read span <id> (…)`. The (op, factory) pairs below still rest on change points found with `git log` and read at
 * those commits only; the list may only shrink. A pair that no longer has such an `exact` fails the test too, so the
 * list cannot go stale: delete it from the list in the change that gives it a read span.
 */

import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDetached, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { CORPUS_DIR, allCorpusFiles } from '../../support/corpus';

/** [op, factory] pairs whose corpus `exact`s cite no read span (audit of session 32, docs/estimators.md). */
const CHANGE_POINT_ONLY: readonly (readonly [string, string])[] = [
  ['ttnn.concat', 'ConcatS2SMultiProgramFactory'],
  ['ttnn.mean', 'ReduceMultiCoreHProgramFactory'],
  ['ttnn.softmax', 'SoftmaxProgramFactoryAttentionOptimized'],
  ['ttnn.to_layout', 'UntilizeMultiCoreProgramFactory'],
  ['ttnn.to_memory_config', 'ReshardGenericFactory'],
  ['ttnn.typecast', 'TypecastProgramFactory'],
];

const key = (op: string, factory: string | undefined): string => `${op} · ${factory ?? '(no factory)'}`;

describe('estimate/exact basis over the corpus', () => {
  it('every corpus `exact` cites a read span, except the listed change-point-only (op, factory) pairs', function () {
    this.timeout(300_000);
    const pending = new Set(CHANGE_POINT_ONLY.map(([op, factory]) => key(op, factory)));
    const withoutSpan = new Map<string, string>();
    let exactCount = 0;
    for (const file of allCorpusFiles()) {
      const { analysis } = analyzeDetached(fs.readFileSync(file, 'utf8'), DEFAULT_ANALYSIS_SETTINGS);
      for (const fn of analysis.functions) {
        for (const o of fn.ops) {
          const e = o.estimate;
          if (e.kind !== 'estimate' || e.confidence !== 'exact') continue;
          exactCount++;
          if (e.citations.some((c) => c.startsWith('read span '))) continue;
          withoutSpan.set(key(o.op.name, e.factory), path.relative(CORPUS_DIR, file));
        }
      }
    }
    assert.ok(exactCount > 1000, `the corpus has ${exactCount} exact figures; expected its ~3,000`);
    const unlisted = [...withoutSpan].filter(([k]) => !pending.has(k)).map(([k, file]) => `${k} (${file})`);
    assert.deepEqual(unlisted, [], 'exact figures citing no read span, not on the change-point-only list');
    const stale = [...pending].filter((k) => !withoutSpan.has(k));
    assert.deepEqual(stale, [], 'listed pairs with no change-point-only exact left: delete them from the list');
  });
});

/**
 * The TTNN dialect's ops against the estimator registry: every op tt-mlir's TTNNOps.td defines (at tt-mlir 19c86fc,
 * test/fixtures/estimate/ttnn-dialect-ops-19c86fc.txt) is either estimated (a model, or declared to run no device
 * program: both in the registry) or declared unmodeled with its reason (unmodeledReasons.ts). An op in neither would
 * be a silent gap: "no L1 model" with no reason.
 */

import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modeledOpNames } from '../../../server/src/estimate/registry';
import { KNOWN_UNMODELED } from '../../../server/src/estimate/unmodeledReasons';

const DIALECT_OPS = fs
  .readFileSync(path.resolve(__dirname, '../../fixtures/estimate/ttnn-dialect-ops-19c86fc.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((mnemonic) => `ttnn.${mnemonic}`);

describe('estimate: the TTNN dialect (TTNNOps.td@19c86fc) against the registry', () => {
  it('lists the dialect: 189 op definitions, among them the ops the corpus runs most', () => {
    assert.equal(DIALECT_OPS.length, 189);
    for (const op of ['ttnn.matmul', 'ttnn.conv2d', 'ttnn.to_layout', 'ttnn.all_gather', 'ttnn.tt_lang_op'])
      assert.ok(DIALECT_OPS.includes(op), op);
  });

  it('every op is estimated, declared to run no program, or declared unmodeled with a reason', () => {
    const registered = new Set(modeledOpNames());
    assert.deepEqual(
      DIALECT_OPS.filter((op) => !registered.has(op) && !KNOWN_UNMODELED.has(op)),
      [],
    );
    for (const op of DIALECT_OPS.filter((o) => KNOWN_UNMODELED.has(o)))
      assert.ok(KNOWN_UNMODELED.get(op)!.length > 20, `${op}: a reason, not a placeholder`);
  });
});

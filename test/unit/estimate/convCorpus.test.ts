/**
 * Every convolution-family op in the corpus's real printed dumps (ResNet-18, the two VoVNet dumps, the 2024 explorer
 * ResNet, the conv2d config / perf / OOM-fallback tests, flops_matmul_conv) gets an L1 figure, or a specific stated
 * reason why not (never the generic "no L1 model").
 */

import { strict as assert } from 'assert';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { CONV_FILES, readCorpus } from '../../support/corpus';

const FILES = CONV_FILES;
const FAMILY = new Set([
  'ttnn.conv2d',
  'ttnn.conv_transpose2d',
  'ttnn.max_pool2d',
  'ttnn.avg_pool2d',
  'ttnn.max_pool2d_with_indices',
  'ttnn.upsample',
  'ttnn.batch_norm',
  'ttnn.batch_norm_inference',
  'ttnn.prepare_conv2d_weights',
  'ttnn.prepare_conv2d_bias',
  'ttnn.conv3d',
]);

describe('estimate/conv corpus coverage', () => {
  it('gives every conv-family op of the real dumps a figure or a specific reason', function () {
    this.timeout(120_000);
    const counts = new Map<string, { ops: number; estimated: number }>();
    const unmodeled: string[] = [];
    for (const file of FILES) {
      const a = analyzeModule(parse(readCorpus(file)));
      for (const f of a.functions) {
        for (const o of f.ops) {
          if (!FAMILY.has(o.op.name)) continue;
          const c = counts.get(o.op.name) ?? { ops: 0, estimated: 0 };
          c.ops++;
          if (o.estimate.kind === 'estimate' || o.estimate.kind === 'noProgram') c.estimated++;
          counts.set(o.op.name, c);
          if (o.estimate.kind === 'unmodeled') {
            assert.doesNotMatch(o.estimate.reason, /^no L1 model for/, `${file} ${o.op.resultNames[0]}`);
            unmodeled.push(`${file} ${o.op.resultNames[0]} ${o.op.name}: ${o.estimate.reason}`);
          }
        }
      }
    }
    for (const [name, c] of counts) console.log(`      ${name}: ${c.estimated}/${c.ops} with a figure`);
    for (const u of unmodeled) console.log(`      unmodeled: ${u}`);
    assert.ok((counts.get('ttnn.conv2d')?.ops ?? 0) >= 155, 'the dumps hold at least 155 conv2d ops');
    // Every conv2d of these dumps has an estimate (none is rejected or unmodeled).
    assert.equal(counts.get('ttnn.conv2d')?.estimated, counts.get('ttnn.conv2d')?.ops);
  });
});

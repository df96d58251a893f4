/**
 * Op coverage over the corpus's real printed dumps (test/fixtures/corpus, tt-mlir; license note in SOURCE.md): of the
 * ops that run a device program (everything but the no-program list and host ops), how many get a figure (an
 * estimate, or `illegal`). Prints the overall share and the op kinds still unmodeled.
 *
 * Asserted: every op of the data-movement / search / accumulation / creation / copy / quantization families gets a
 * figure (≥ 99%). The overall share depends on the other families (matmul, conv/pool, norms/attention) and is printed
 * until they land. The modeled CCL ops (all_gather, reduce_scatter, all_reduce, point_to_point: ops/ccl.ts;
 * all_to_all_dispatch, all_to_all_combine: ops/allToAll.ts) and the interleaved pre-all-gather norms
 * (ops/normPreAllGather.ts) are asserted too; all_to_all_dispatch_metadata is listed, not asserted (see
 * docs/estimators.md, "Op coverage").
 */

import { strict as assert } from 'assert';
import { parse } from '../../../server/src/mlir/parser';
import { analyzeModule } from '../../../server/src/analysis/analyze';
import { modeledOpNames } from '../../../server/src/estimate/registry';
import { KNOWN_UNMODELED } from '../../../server/src/estimate/unmodeledReasons';
import { COVERAGE_FILES, readCorpus } from '../../support/corpus';

/** The real printed dumps (and the hand-written files the issue names) of the corpus. */
const DUMPS = COVERAGE_FILES;

/** Op kinds of the families this test asserts on. */
const ASSERTED_FAMILIES: ReadonlySet<string> = new Set(
  [
    'permute',
    'transpose',
    'repeat',
    'repeat_interleave',
    'gather',
    'scatter',
    'embedding',
    'embedding_bw',
    'to_memory_config',
    'slice_dynamic',
    'sort',
    'topk',
    'argmax',
    'cumsum',
    'cumprod',
    'moreh_cumsum',
    'prod',
    'sum',
    'mean',
    'max',
    'min',
    'assign',
    'copy',
    'rand',
    'full',
    'zeros',
    'ones',
    'arange',
    'empty',
    'constant',
    'quantize',
    'dequantize',
    'requantize',
  ].map((n) => `ttnn.${n}`),
);

/** CCL op kinds with a model (estimate/ops/ccl.ts, allToAll.ts): each one in the dumps gets a figure in some build of its window. */
const MODELED_CCL: ReadonlySet<string> = new Set(
  ['all_gather', 'reduce_scatter', 'all_reduce', 'point_to_point', 'all_to_all_dispatch', 'all_to_all_combine'].map(
    (n) => `ttnn.${n}`,
  ),
);

/**
 * Distributed-norm op kinds with a model (estimate/ops/normPreAllGather.ts): each interleaved one in the dumps gets a
 * figure; the factories it leaves unmodeled (sharded input, use_2d_core_grid, Welford) are tolerated with their reason.
 */
const MODELED_PRE_ALL_GATHER: ReadonlySet<string> = new Set(
  // The post-all-gather norms (estimate/ops/normPostAllGather.ts) likewise; none is in the corpus's dumps yet.
  [
    'rms_norm_pre_all_gather',
    'layer_norm_pre_all_gather',
    'rms_norm_post_all_gather',
    'layer_norm_post_all_gather',
  ].map((n) => `ttnn.${n}`),
);
const PRE_ALL_GATHER_UNMODELED_FACTORY = /sharded LayerNorm factory|2DProgramFactory|Welford/;

/**
 * reduction_op.mlir tests the d2m hoisting of reductions (`ttnn.hoist_generic_via_d2m`: the op is compiled into a D2M
 * generic, not run as the ttnn program); an op of these families without a figure is tolerated there.
 */
const GAPS_ALLOWED_IN = 'test/ttmlir/Conversion/TTNNToTTIR/reduction_op.mlir';

interface Tally {
  withFigure: number;
  without: number;
  reasons: Map<string, string>;
}

describe('estimate/coverage over the real dumps', () => {
  it('every op of the data-movement / reduction / creation / quantization families gets a figure; prints the overall share', function () {
    this.timeout(300_000);
    const byKind = new Map<string, Tally>();
    const gaps: string[] = [];
    for (const rel of DUMPS) {
      const a = analyzeModule(parse(readCorpus(rel)));
      for (const f of a.functions) {
        for (const o of f.ops) {
          const e = o.estimate;
          if (e.kind === 'noProgram') continue;
          const t = byKind.get(o.op.name) ?? { withFigure: 0, without: 0, reasons: new Map<string, string>() };
          if (e.kind === 'estimate' || e.kind === 'illegal') t.withFigure++;
          else {
            t.without++;
            t.reasons.set(e.reason, rel);
            if (ASSERTED_FAMILIES.has(o.op.name) && rel !== GAPS_ALLOWED_IN)
              gaps.push(`${o.op.name} in ${rel}: ${e.reason}`);
            if (MODELED_CCL.has(o.op.name)) gaps.push(`${o.op.name} in ${rel}: ${e.reason}`);
            if (MODELED_PRE_ALL_GATHER.has(o.op.name) && !PRE_ALL_GATHER_UNMODELED_FACTORY.test(e.reason))
              gaps.push(`${o.op.name} in ${rel}: ${e.reason}`);
          }
          byKind.set(o.op.name, t);
        }
      }
    }
    let all = 0;
    let covered = 0;
    let mine = 0;
    let mineCovered = 0;
    const missing: string[] = [];
    const mineMissing: string[] = [];
    for (const [kind, t] of [...byKind].sort()) {
      all += t.withFigure + t.without;
      covered += t.withFigure;
      if (ASSERTED_FAMILIES.has(kind)) {
        mine += t.withFigure + t.without;
        mineCovered += t.withFigure;
      }
      if (t.without > 0) {
        const line = `${kind}: ${t.without} without a figure (${[...t.reasons.keys()][0]})`;
        missing.push(line);
        if (ASSERTED_FAMILIES.has(kind)) mineMissing.push(line);
      }
    }
    console.log(
      `      device-program ops with a figure: ${covered}/${all} (${((100 * covered) / all).toFixed(1)}%); data movement / reduction / creation / quantization: ${mineCovered}/${mine}`,
    );
    for (const m of missing) console.log(`      unmodeled: ${m}`);
    assert.ok(mine > 0);
    assert.ok(mineCovered / mine >= 0.99, `only ${mineCovered}/${mine}: ${mineMissing.join('; ')}`);
    assert.deepEqual(gaps, [], 'ops of these families without a figure outside the d2m-hoisting test');
  });

  it('no op with an estimator keeps a "not modeled" reason (a stale entry would hide which ops are modeled)', () => {
    const modeled = new Set(modeledOpNames());
    assert.deepEqual(
      [...KNOWN_UNMODELED.keys()].filter((name) => modeled.has(name)),
      [],
    );
  });
});

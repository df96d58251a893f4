/**
 * Golden comparison against tt-mlir's OpModel unit-test figures (test/fixtures/estimate/opmodel-golden-open.tsv, a
 * copy of shared/reference; tt-mlir @b73fc81 pinning tt-metal f4163c2, Nov 2025). Cases: goldenCases/*.ts (every file
 * there but goldenRows.ts exports `CASES`); comparison rules: goldenCases/goldenRows.ts.
 */

import { strict as assert } from 'assert';
import { readdirSync } from 'fs';
import { join } from 'path';
import { ESTIMATORS, estimateOp } from '../../../server/src/estimate/registry';
import { ints, op, tensor, whContext } from './build';
import { Case, buildDateOf, figureOf, loadGolden, reportOf, rowOf } from './goldenCases/goldenRows';

function allCases(): Case[] {
  const dir = join(__dirname, 'goldenCases');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'goldenRows.ts')
    .sort();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return files.flatMap((f) => (require(join(dir, f)) as { CASES: readonly Case[] }).CASES);
}

/** The registered TTNN op a TSV row's op column names (`GeluBackwardOp` → `ttnn.gelu_bw` via snake case and aliases). */
function modeledOpOf(tsvOp: string): string | undefined {
  const alias: Record<string, string> = {
    gelu_backward: 'gelu_bw',
    softmax_interleaved: 'softmax',
    softmax_sharded: 'softmax',
  };
  const snake = tsvOp
    .replace(/Op$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const name = `ttnn.${alias[snake] ?? snake}`;
  return ESTIMATORS.has(name) ? name : undefined;
}

describe('estimate/golden (tt-mlir OpModel figures, tt-metal f4163c2)', () => {
  const golden = loadGolden();
  const CASES = allCases();
  const totalGolden = golden
    .filter((g) => g.legal || g.kind !== 'param_tuple')
    .reduce((n, g) => n + g.eqFields.length, 0);

  it('matches >= 90% of the modeled golden figures within 5%', () => {
    let modeled = 0;
    let within = 0;
    const misses: string[] = [];
    const unmodeledLines: string[] = [];
    for (const c of CASES) {
      if (c.illegal === true) continue;
      const row = rowOf(golden, c);
      assert.ok(row !== undefined, `no TSV row ${c.file}:${c.line}${c.head === true ? ' (HEAD)' : ''}`);
      const report = reportOf(c.build(), buildDateOf(c, row), c.liveL1BytesPerCore);
      for (const field of c.fields) {
        assert.ok(row.eqFields.includes(field), `${c.file}:${c.line} ${field} is not an EQ figure`);
        const expected = row.figures[field];
        assert.ok(expected !== undefined, `${c.file}:${c.line} has no ${field} figure`);
        const got = figureOf(report, field, row);
        if (got === undefined) {
          unmodeledLines.push(`${c.file}:${c.line} ${field} (${report.model}: ${report.reason ?? ''})`);
          continue;
        }
        modeled++;
        const ok = expected === 0 ? got === 0 : Math.abs(got - expected) / expected <= 0.05;
        if (ok) within++;
        else misses.push(`${c.file}:${c.line} ${field}: expected ${expected}, estimated ${got}`);
      }
    }
    const ratio = within / modeled;
    // Coverage: golden figures we produce a number for, over every EQ figure of the TSV (all ops, incl. unmodeled ones).
    console.log(
      `      golden: ${within}/${modeled} modeled figures within 5% (${(100 * ratio).toFixed(1)}%); coverage ${modeled}/${totalGolden} EQ figures of the TSV (${((100 * modeled) / totalGolden).toFixed(1)}%)`,
    );
    for (const m of misses) console.log(`      miss: ${m}`);
    for (const u of unmodeledLines) console.log(`      unmodeled: ${u}`);
    // Rows whose op has an estimator but no case in goldenCases/ yet (each family's file adds its own).
    const covered = new Set(CASES.map((c) => `${c.file}:${c.line}:${c.head === true}`));
    const uncovered = golden.filter(
      (g) =>
        modeledOpOf(g.op) !== undefined &&
        (g.eqFields.length > 0 || !g.legal) &&
        !covered.has(`${g.file}:${g.line}:${g.head}`) &&
        !covered.has(`${g.file}:${g.line}:false`),
    );
    console.log(
      `      golden rows of modeled ops without a case: ${uncovered.length} (${uncovered.map((g) => `${g.file}:${g.line}${g.head ? ' HEAD' : ''} ${g.op}`).join(', ')})`,
    );
    assert.ok(ratio >= 0.9, `only ${(100 * ratio).toFixed(1)}% within 5%`);
  });

  it('matmul, linear and conv golden figures are exact, but one conv2d tensor peak 20 B under', () => {
    // The 5 % rule above lets a factory slip; these families' figures are all reproduced to the byte except the
    // conv2d tensor peak of Iface:2808 (61,796 B), whose walk gives 61,776 B (goldenCases/conv.ts: halo output 33,104 +
    // output shard 28,672 once the 14,336 B resharded input is freed; the 20 B are not placed).
    const knownGap: Record<string, number> = { 'Iface:2808 tensor': 61_776 };
    let checked = 0;
    for (const c of CASES) {
      if (c.illegal === true) continue;
      const row = rowOf(golden, c);
      if (row === undefined || !/^(Matmul|Linear|Conv2d|ConvTranspose2d|conv2d)/.test(row.op)) continue;
      const report = reportOf(c.build(), buildDateOf(c, row), c.liveL1BytesPerCore);
      for (const field of c.fields) {
        const key = `${c.file}:${c.line} ${field}`;
        assert.equal(figureOf(report, field, row), knownGap[key] ?? row.figures[field], `${key} (${row.op})`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `${checked} figures checked`);
  });
  it('flags every case whose row says expected_legal false as illegal', () => {
    for (const c of CASES.filter((x) => x.illegal === true)) {
      const row = rowOf(golden, c);
      assert.ok(row !== undefined && !row.legal, `${c.file}:${c.line} is not an illegal row of the TSV`);
      const r = reportOf(c.build(), buildDateOf(c, row), c.liveL1BytesPerCore);
      assert.equal(r.model, 'illegal', `${c.file}:${c.line}: ${r.model}`);
      assert.ok(
        r.reason !== undefined && r.reason.length > 0 && r.citations !== undefined && r.citations.length > 0,
        `${c.file}:${c.line}: the rule and its citation`,
      );
    }
  });

  it('gives explicit unmodeled results (never a number) where no model exists', () => {
    // sharded row-major pad (tiled pad, matmul and embedding with tiled weights have models now).
    const rmSharded = (shape: number[]) =>
      tensor(shape, { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [8, 1] });
    const ops = [op('ttnn.pad', [rmSharded([64, 1024])], [rmSharded([64, 1056])], { padding: ints(0, 0, 0, 32) })];
    for (const o of ops) {
      const r = estimateOp(o, whContext());
      assert.equal(r.kind, 'unmodeled', o.name);
      assert.ok(r.kind === 'unmodeled' && r.reason.length > 0);
    }
  });
});

/**
 * Test harness for fixes: load a file, ask for fixes, and check a fix independently of the code under test —
 * re-parse and re-analyse the edited text here and compare overflows by value name.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  AnalysisOptions,
  ModuleAnalysis,
  OpAnalysis,
  OverflowRef,
  analyzeModule,
} from '../../../server/src/analysis/analyze';
import { parse } from '../../../server/src/mlir/parser';
import type { ParseResult } from '../../../server/src/mlir/syntax';
import { applyFix, fixesFor } from '../../../server/src/fixes/index';
import type { Fix, FixEnv, FixesResult } from '../../../server/src/fixes/types';

export const ROOT = join(__dirname, '..', '..', '..');

export function read(relative: string): string {
  return readFileSync(join(ROOT, relative), 'utf8');
}

export interface Loaded {
  readonly text: string;
  readonly parse: ParseResult;
  readonly analysis: ModuleAnalysis;
  readonly options: AnalysisOptions;
}

export function load(text: string, options: AnalysisOptions = {}): Loaded {
  const p = parse(text);
  return { text, parse: p, analysis: analyzeModule(p, options), options };
}

/** Workspace with the mochi example's Python file, found by path suffix as the LSP/CLI callers do. */
export const MOCHI_ENV: FixEnv = {
  pythonFiles: (suffix) =>
    'examples/mochi/single_ops.py'.endsWith(suffix)
      ? { path: 'examples/mochi/single_ops.py', text: read('examples/mochi/single_ops.py') }
      : undefined,
};

export function fixesAt(
  l: Loaded,
  functionName: string,
  opIndex: number,
  env: FixEnv = {},
  functionIndex?: number,
): FixesResult {
  return fixesFor(l.text, l.parse, l.analysis, { functionName, opIndex, functionIndex }, env, { analysis: l.options });
}

/** Index of the function an overflow belongs to (names repeat across `// -----` chunks). */
export function functionIndexOf(l: Loaded, o: OverflowRef): number {
  return l.analysis.functions.findIndex(
    (f) => f.fn.name === o.functionName && f.ops[o.opIndex]?.overflow === o.overflow,
  );
}

/** `functionIndex|firstResult` (or op name and ordinal) → op analysis. */
function byKey(a: ModuleAnalysis): Map<string, OpAnalysis> {
  const out = new Map<string, OpAnalysis>();
  for (const [f, fa] of a.functions.entries()) {
    const seen = new Map<string, number>();
    for (const o of fa.ops) {
      let key = o.op.resultNames[0];
      if (key === undefined) {
        const n = seen.get(o.op.name) ?? 0;
        seen.set(o.op.name, n + 1);
        key = `${o.op.name}#${n}`;
      }
      out.set(`${f}|${key}`, o);
    }
  }
  return out;
}

export interface Checked {
  readonly fixedText: string;
  readonly after: ModuleAnalysis;
}

/**
 * The bar every IR fix must meet: the edited text parses with zero errors; the target op (by its first result) now
 * fits, or is gone when `removed`; no op overflows that did not, or by more.
 */
export function checkIrFix(
  l: Loaded,
  fix: Fix,
  functionName: string,
  opIndex: number,
  how: { removed: boolean; functionIndex?: number },
): Checked {
  const fixedText = applyFix(l.text, fix);
  assert.ok(fixedText !== undefined, `${fix.id}: edits apply`);
  const p = parse(fixedText);
  assert.deepEqual(
    p.errors.map((e) => e.message),
    [],
    `${fix.id}: fixed text parses with zero errors`,
  );
  const after = analyzeModule(p, l.options);
  const fnIndex = how.functionIndex ?? l.analysis.functions.findIndex((f) => f.fn.name === functionName);
  const target = l.analysis.functions[fnIndex].ops[opIndex];
  const targetName = target.op.resultNames[0];
  const afterOps = byKey(after);
  if (targetName !== undefined) {
    const now = afterOps.get(`${fnIndex}|${targetName}`);
    if (how.removed)
      assert.ok(
        now === undefined || now.op.name !== target.op.name,
        `${fix.id}: ${targetName} ${target.op.name} is gone`,
      );
    else {
      assert.ok(now !== undefined, `${fix.id}: ${targetName} still there`);
      assert.equal(now.overflow, undefined, `${fix.id}: ${targetName} fits (peak ${now.peakL1BytesPerCore})`);
      assert.notEqual(now.estimate.kind, 'unmodeled', `${fix.id}: ${targetName} is modeled`);
    }
  }
  const before = byKey(l.analysis);
  // Nothing tt-metal rejects (in any build of the window) where it accepted the op before.
  const rejects = (o: OpAnalysis): boolean =>
    o.estimate.kind === 'illegal' ||
    (o.estimate.kind === 'estimate' && (o.estimate.versionRange?.figures.some((f) => f.kind === 'illegal') ?? false));
  for (const [key, o] of afterOps) {
    const prior = before.get(key);
    if (rejects(o))
      assert.ok(prior !== undefined && rejects(prior), `${fix.id}: ${key} ${o.op.name} is now rejected by tt-metal`);
  }
  for (const [key, o] of afterOps) {
    if (o.overflow === undefined) continue;
    const prior = before.get(key);
    assert.ok(
      prior !== undefined && prior.op.name === o.op.name,
      `${fix.id}: ${key} ${o.op.name} overflows and is new`,
    );
    assert.ok(prior.overflow !== undefined, `${fix.id}: ${key} did not overflow before`);
    assert.ok(o.overflow.cbRegionEndBytes <= prior.overflow.cbRegionEndBytes, `${fix.id}: ${key} overflows by more`);
  }
  return { fixedText, after };
}

/** Lines that differ between two texts with the same number of lines. */
export function changedLines(a: string, b: string): { line: number; before: string; after: string }[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  assert.equal(la.length, lb.length, 'same number of lines');
  const out: { line: number; before: string; after: string }[] = [];
  la.forEach((l, i) => {
    if (l !== lb[i]) out.push({ line: i + 1, before: l, after: lb[i] });
  });
  return out;
}

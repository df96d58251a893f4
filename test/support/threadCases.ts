/**
 * The shared harness of the public-thread regression set (test/fixtures/threads/*.mlir, test/unit/analysis/threads*.test.ts):
 * each case runs the whole analysis at the thread's tt-metal build date and asserts where the first error lands and how
 * close the CB region end is to the figure tt-metal printed in the thread.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../server/src/features/documentAnalysis';
import type { OpAnalysis } from '../../server/src/analysis/analyze';

export const DIR = path.join(__dirname, '../fixtures/threads');

export interface Run {
  readonly file: string;
  readonly date: string;
  /** An explicit base (`ttnnL1.l1UnreservedBase`); without it the dated table (ttnn/l1BaseHistory.ts) gives the
   *  base of the run's build date. */
  readonly base?: number;
  readonly arch?: string;
  /** The `l1_small_size` the thread's device was opened with, when not tt-mlir's runtime default (64 KiB). */
  readonly l1SmallSize?: number;
}

export function analyse(run: Run) {
  const text = fs.readFileSync(path.join(DIR, run.file), 'utf8');
  return analyzeDocument(text, {
    ...DEFAULT_ANALYSIS_SETTINGS,
    ttMetalDate: run.date,
    l1UnreservedBase: run.base,
    l1SmallSizeBytes: run.l1SmallSize,
    arch: run.arch ?? 'auto',
  }).analysis;
}

/** The one device op of function `fn` (or of the file's only function). */
export function deviceOp(run: Run, fn?: string): { op: OpAnalysis; first: string | undefined; unmodeled: boolean } {
  const a = analyse(run);
  const f = fn === undefined ? a.functions[0]! : a.functions.find((x) => x.fn.name === `@${fn}`)!;
  assert.ok(f !== undefined, `function ${fn} in ${run.file}`);
  const idx = f.ops.findIndex((o) => o.op.name !== 'func.return');
  const first =
    a.firstFailure === undefined
      ? undefined
      : `${a.functions[a.firstFailure.functionIndex]!.fn.name}#${a.firstFailure.opIndex}`;
  return {
    op: f.ops[idx]!,
    first: first === `${f.fn.name}#${idx}` ? 'this op' : first,
    unmodeled: f.unmodeledOrUnknownLayoutOps.includes(idx),
  };
}

export function assertFails(run: Run, fn?: string, opts: { first?: boolean } = {}): OpAnalysis {
  const { op, first } = deviceOp(run, fn);
  assert.equal(
    op.estimate.kind,
    'estimate',
    op.estimate.kind === 'estimate' ? '' : `${op.estimate.kind}: ${'reason' in op.estimate ? op.estimate.reason : ''}`,
  );
  assert.ok(
    op.overflow !== undefined,
    `${run.file}${fn ? ` @${fn}` : ''} at ${run.date}: expected an overflow, got ${op.cbBytesPerCore} B of CBs`,
  );
  assert.equal(op.overflow.kind, 'cbBeyondL1');
  if (opts.first !== false) assert.equal(first, 'this op', 'the first error of the run');
  return op;
}

export function assertFits(run: Run, fn?: string): void {
  const { op } = deviceOp(run, fn);
  assert.equal(op.estimate.kind, 'estimate');
  assert.equal(
    op.overflow,
    undefined,
    `${run.file} at ${run.date}: flagged ${op.overflow?.cbRegionEndBytes} B, the thread says it ran`,
  );
}

export function regionEnd(op: OpAnalysis): number {
  assert.ok(op.estimate.kind === 'estimate');
  return op.estimate.kind === 'estimate' ? op.estimate.cbRegionEndBytes : NaN;
}

/** The core range our overflow message names, as tt-metal prints it (`[(x=0,y=0) - (x=7,y=1)]`, or `[0-0 - 7-1]` from
 *  change point `corerange-str-dash`); '' when none. */
export function printedRange(op: OpAnalysis): string {
  return (
    /on core range (\[\(x=\d+,y=\d+\) - \(x=\d+,y=\d+\)\]|\[\d+-\d+ - \d+-\d+\])/.exec(
      op.overflow?.message ?? '',
    )?.[1] ?? ''
  );
}

export function assertNear(actual: number, threadFigure: number): void {
  assert.ok(
    Math.abs(actual - threadFigure) <= 4096,
    `${actual} B vs tt-metal's ${threadFigure} B (more than 4 KiB apart)`,
  );
}

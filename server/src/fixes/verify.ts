/**
 * The gate every fix passes before it is offered: apply its edits in memory, re-parse (zero errors), check types
 * (no new problems), re-analyse with the same options, and require that the op it targets (or the ops that replace
 * it) fit, that no other op overflows where it did not or by more, and that no modeled op lost its model.
 */

import { unmodeledDeviceOps } from '../analysis/summary';
import { formatMegabytes } from '../text/numbers';
import { ModuleAnalysis, OpAnalysis, analyzeTtnnModule } from '../analysis/analyze';
import { parse as parseMlir } from '../mlir/parser';
import type { ParseResult } from '../mlir/syntax';
import { moduleFromSyntax } from '../ttnn/fromSyntax';
import { windowText } from '../estimate/changePoints';
import type { OpEstimateResult } from '../estimate/types';
import { applyEdits } from './edits';
import { typeProblems } from './typeCheck';
import type { FailureAfter, FixEdit, FixOptions, FixTarget, FixVerification, OpFit } from './types';

/** What the fix builder knows: the state before, computed once per `fixesFor` call. */
export interface Baseline {
  readonly text: string;
  readonly parse: ParseResult;
  readonly analysis: ModuleAnalysis;
  readonly target: FixTarget;
  /** Index of the target's function in `analysis.functions` (names repeat across `// -----` chunks). */
  readonly fnIndex: number;
  readonly options: FixOptions;
  /** Type problems of the unfixed text (lazy: only computed when a fix is verified). */
  problems(): Set<string>;
  /** Full re-analyses left for this call (each costs a parse of the whole file). */
  readonly budget: { remaining: number };
}

export function makeBaseline(
  text: string,
  parse: ParseResult,
  analysis: ModuleAnalysis,
  target: FixTarget,
  fnIndex: number,
  options: FixOptions,
): Baseline {
  let cached: Set<string> | undefined;
  const budget = { remaining: options.maxVerifications ?? 16 };
  return {
    text,
    parse,
    analysis,
    target,
    fnIndex,
    options,
    problems: () => (cached ??= typeProblems(text, parse)),
    budget,
  };
}

export interface Candidate {
  readonly edits: readonly FixEdit[];
  /** The fix deletes the target op (a rewrite of the chain around it). */
  readonly removesTarget: boolean;
  /** Result names of inserted ops in the target function; each must be modeled and fit. */
  readonly replacementResults: readonly string[];
}

export type VerifyOutcome =
  { readonly ok: true; readonly verification: FixVerification } | { readonly ok: false; readonly reason: string };

/** Key of an op that survives edits: its first result, else its name and ordinal among same-named ops. */
function opKeys(fa: { readonly ops: readonly OpAnalysis[] }): string[] {
  const seen = new Map<string, number>();
  return fa.ops.map((o) => {
    const r = o.op.resultNames[0];
    if (r !== undefined) return r;
    const n = seen.get(o.op.name) ?? 0;
    seen.set(o.op.name, n + 1);
    return `${o.op.name}#${n}`;
  });
}

/**
 * The tt-metal rule that rejects an op's configuration in some build of the window (`estimate/legality.ts` and the
 * estimators' `illegal` results, the same estimates the hover and the report show), or undefined when every build accepts it.
 */
export function illegalIn(est: OpEstimateResult): string | undefined {
  if (est.kind === 'illegal') return est.rule;
  if (est.kind !== 'estimate' || est.versionRange === undefined) return undefined;
  const bad = est.versionRange.figures.find((f) => f.kind === 'illegal');
  return bad === undefined
    ? undefined
    : `${bad.reason ?? 'rejected by tt-metal'} (tt-metal builds ${windowText(bad.window)})`;
}

export function opFit(functionName: string, o: OpAnalysis): OpFit {
  const rule = illegalIn(o.estimate);
  return {
    ...(rule !== undefined && { illegalRule: rule }),
    functionName,
    opIndex: o.index,
    opName: o.op.name,
    resultName: o.op.resultNames[0] ?? '',
    cbBytesPerCore: o.cbBytesPerCore,
    peakL1BytesPerCore: o.peakL1BytesPerCore,
    fits: o.overflow === undefined && o.estimate.kind !== 'unmodeled' && illegalIn(o.estimate) === undefined,
    overflowKind: o.overflow?.kind,
  };
}

/** `36.29 kB`, `1.40 MB`: the one unit system of every message (text/numbers.ts, decimal). */
export function formatBytes(bytes: number): string {
  return formatMegabytes(bytes);
}

export function failureText(f: FailureAfter): string {
  return `${f.resultName === '' ? '' : `${f.resultName} `}${f.opName}`;
}

function firstFailureOf(a: ModuleAnalysis): FailureAfter | undefined {
  const f = a.firstFailure;
  if (f === undefined) return undefined;
  const o = a.functions.find((x) => x.fn.name === f.functionName)?.ops[f.opIndex];
  if (o === undefined) return undefined;
  return {
    functionName: f.functionName,
    opIndex: f.opIndex,
    opName: o.op.name,
    resultName: o.op.resultNames[0] ?? '',
    kind: f.overflow.kind,
    message: f.overflow.message,
  };
}

export function targetOp(base: Baseline): OpAnalysis | undefined {
  return base.analysis.functions[base.fnIndex]?.ops[base.target.opIndex];
}

/** Apply, re-parse, re-check and re-analyse one candidate. */
export function verifyCandidate(base: Baseline, cand: Candidate): VerifyOutcome {
  const before = targetOp(base);
  if (before === undefined) return { ok: false, reason: 'target op not found' };
  if (base.budget.remaining <= 0)
    return { ok: false, reason: 'not verified: the re-analysis budget of this request is spent' };
  base.budget.remaining--;
  const selfEdits = cand.edits.filter((e) => e.uri === 'self');
  const fixed = applyEdits(base.text, selfEdits);
  if (fixed === undefined) return { ok: false, reason: 'edits overlap' };
  const parsed = parseMlir(fixed);
  const errors = parsed.errors.filter((e) => e.severity === 'error');
  if (errors.length > 0) return { ok: false, reason: `fixed text does not parse: ${errors[0].message}` };
  const problemsAfter = typeProblems(fixed, parsed);
  const problemsBefore = base.problems();
  const newProblems = [...problemsAfter].filter((p) => !problemsBefore.has(p));
  if (newProblems.length > 0) return { ok: false, reason: `types inconsistent: ${newProblems[0]}` };
  // For the builds the analysis was made for (the titles say "checked for tt-metal <window>"): callers pass the
  // settings' options, which do not carry the window they resolved. On its device too: a configured system descriptor
  // (CLI `--system-desc`, features/documentAnalysis.ts) replaced the file's own in the analysed module, and the fixed
  // text still carries the file's.
  const after = analyzeTtnnModule(
    { ...moduleFromSyntax(parsed), systemDesc: base.analysis.module.systemDesc },
    { ttMetal: base.analysis.ttMetal, ...base.options.analysis },
  );

  // Match ops across the two analyses by key.
  const worsened: string[] = [];
  const beforeByKey = new Map<string, OpAnalysis>();
  base.analysis.functions.forEach((fa, f) => opKeys(fa).forEach((k, i) => beforeByKey.set(`${f}|${k}`, fa.ops[i])));
  const targetKey = `${base.fnIndex}|${opKeys(base.analysis.functions[base.fnIndex])[base.target.opIndex]}`;
  const replacementKeys = new Set(cand.replacementResults.map((r) => `${base.fnIndex}|${r}`));
  let targetAfter: OpFit | 'removed' = 'removed';
  const replacements: OpFit[] = [];
  if (after.functions.length !== base.analysis.functions.length)
    return { ok: false, reason: 'the fix changed the set of functions' };
  for (const [f, fa] of after.functions.entries()) {
    const keys = opKeys(fa);
    fa.ops.forEach((o, i) => {
      const key = `${f}|${keys[i]}`;
      if (replacementKeys.has(key)) {
        replacements.push(opFit(fa.fn.name, o));
        return;
      }
      if (key === targetKey) targetAfter = opFit(fa.fn.name, o);
      const prior = beforeByKey.get(key);
      if (prior === undefined || prior.op.name !== o.op.name) return;
      if (o.overflow !== undefined) {
        if (prior.overflow === undefined) worsened.push(`${keys[i]} ${o.op.name} now overflows (${o.overflow.kind})`);
        else if (o.overflow.cbRegionEndBytes > prior.overflow.cbRegionEndBytes)
          worsened.push(`${keys[i]} ${o.op.name} overflows by more`);
      }
      const nowIllegal = illegalIn(o.estimate);
      if (nowIllegal !== undefined && illegalIn(prior.estimate) === undefined)
        worsened.push(`${keys[i]} ${o.op.name} would be rejected by tt-metal: ${nowIllegal}`);
      if (prior.estimate.kind !== 'unmodeled' && o.estimate.kind === 'unmodeled')
        worsened.push(`${keys[i]} ${o.op.name} lost its L1 model (${o.estimate.reason})`);
    });
  }
  const tAfter = targetAfter as OpFit | 'removed';
  if (cand.removesTarget && tAfter !== 'removed')
    return { ok: false, reason: 'the rewrite left the target op in place' };
  if (!cand.removesTarget) {
    if (tAfter === 'removed') return { ok: false, reason: 'the target op disappeared' };
    if (tAfter.illegalRule !== undefined)
      return {
        ok: false,
        reason: `tt-metal would reject ${tAfter.resultName} ${tAfter.opName}: ${tAfter.illegalRule}`,
      };
    if (!tAfter.fits)
      return {
        ok: false,
        reason:
          tAfter.cbBytesPerCore === null
            ? 'the target op has no L1 model after the fix'
            : `the target op still overflows (${tAfter.overflowKind})`,
      };
  }
  if (replacements.length !== cand.replacementResults.length)
    return { ok: false, reason: 'inserted ops not found after re-parse' };
  const bad = replacements.find((r) => !r.fits);
  if (bad?.illegalRule !== undefined)
    return { ok: false, reason: `tt-metal would reject ${bad.resultName} ${bad.opName}: ${bad.illegalRule}` };
  if (bad !== undefined) {
    return {
      ok: false,
      reason:
        bad.cbBytesPerCore === null && bad.overflowKind === undefined
          ? `${bad.opName} has no L1 model, cannot show it fits`
          : `${bad.resultName} ${bad.opName} would overflow (${bad.overflowKind})`,
    };
  }
  if (worsened.length > 0) return { ok: false, reason: worsened[0] };

  const firstFailureAfter = firstFailureOf(after);
  const fitted = tAfter === 'removed' ? replacements : [tAfter];
  const peak = Math.max(0, ...fitted.map((f) => f.peakL1BytesPerCore));
  // Never "no op overflows" while an op has no L1 model: an overflow there cannot be ruled out.
  const unmodeledAfter = unmodeledDeviceOps(after).count;
  const then =
    firstFailureAfter !== undefined
      ? `then ${failureText(firstFailureAfter)} fails first`
      : unmodeledAfter > 0
        ? `no modeled op overflows after this (${unmodeledAfter} without an L1 model)`
        : 'no op overflows after this';
  const summary = `fits: ${formatBytes(peak)}/core; ${then}`;
  return {
    ok: true,
    verification: {
      parseErrors: 0,
      newTypeProblems: [],
      targetBefore: opFit(base.target.functionName, before),
      targetAfter: tAfter,
      replacements,
      firstFailureAfter,
      worsened: [],
      summary,
      afterText: then,
    },
  };
}

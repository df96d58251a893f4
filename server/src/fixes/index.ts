/**
 * Entry point of the quick fixes: for one overflowing op, every fix that passes verification (constant padding in
 * IR and Python, replicate pad as slice + concat, conv3d_config blocking, conv2d_config act blocks / buffering / shard layout,
 * config tensors in DRAM for a conv or pool refused L1_SMALL, matmul_program_config blocking, a layout search, deallocation / DRAM spill of
 * live L1 tensors),
 * best first. Pure: file lookups come from the caller through `env`.
 */

import type { ModuleAnalysis, OverflowRef } from '../analysis/analyze';
import type { ParseResult } from '../mlir/syntax';
import { conv2dConfigFixes } from './conv2dConfig';
import { conv3dConfigFixes } from './conv3dConfig';
import { configTensorsInDramFixes } from './configTensorsInDram';
import { SyntaxFunction, applyEdits, syntaxFunctionAt } from './edits';
import { solveLayouts } from './layoutSolver';
import { liveTensorFixes } from './liveFixes';
import { matmulConfigFixes } from './matmulConfig';
import { pathSuffixes, pythonConstantPadEdit } from './pythonPad';
import { windowText } from '../estimate/changePoints';
import {
  chainAssumption,
  chainSource,
  constantPadRewrite,
  findPadChain,
  indicesText,
  paddingText,
  sliceConcatRewrite,
} from './replicatePad';
import type { Fix, FixEdit, FixEnv, FixOptions, FixTarget, FixesResult, PythonFile, RejectedFix } from './types';
import { makeBaseline, verifyCandidate } from './verify';

export type * from './types';

const NUMERICS = 'zeros at the borders instead of replicated edges: numerics change there';

/** What the file looks like after the fix, as the verification words it (never "no op overflows" while an op is unmodeled). */
function thenText(fix: { verification: { afterText: string } }): string {
  return fix.verification.afterText;
}

/**
 * Verified fixes for op `target.opIndex` of `target.functionName`. `analysis` must be `analyzeModule(parse, options.analysis)`
 * of `text` (its module's system descriptor may be a configured one: verification re-analyses on it). Returns no fixes
 * (with reasons in `rejected` / `layoutReason`) when the op fits or nothing verifies.
 */
export function fixesFor(
  text: string,
  parse: ParseResult,
  analysis: ModuleAnalysis,
  target: FixTarget,
  env: FixEnv = {},
  options: FixOptions = {},
): FixesResult {
  try {
    return fixesForUnguarded(text, parse, analysis, target, env, options);
  } catch (e) {
    // Written to be total; one bad file must never take the code-action request down with it.
    const reason = `internal error while building fixes: ${e instanceof Error ? e.message : String(e)}`;
    return { fixes: [], rejected: [], layoutReason: reason, noFixReason: `No verified fix: ${reason}` };
  }
}

function fixesForUnguarded(
  text: string,
  parse: ParseResult,
  analysis: ModuleAnalysis,
  target: FixTarget,
  env: FixEnv,
  options: FixOptions,
): FixesResult {
  const fnIndex = target.functionIndex ?? analysis.functions.findIndex((f) => f.fn.name === target.functionName);
  const fa = analysis.functions[fnIndex];
  const op = fa?.ops[target.opIndex];
  const none = (reason: string): FixesResult => ({
    fixes: [],
    rejected: [],
    layoutReason: reason,
    noFixReason: `No verified fix: ${reason}`,
  });
  if (fa === undefined || op === undefined || fa.fn.name !== target.functionName)
    return none(`no op ${target.opIndex} in ${target.functionName}`);
  if (op.overflow === undefined) return none(`${op.op.resultNames[0] ?? op.op.name} does not overflow`);
  if (op.overflow.kind === 'opIllegal')
    return none(`${op.op.resultNames[0] ?? op.op.name}: tt-metal rejects its configuration; no L1 fix applies`);
  const sfn = syntaxFunctionAt(parse, fa.fn.range.start);
  if (sfn === undefined || sfn.bodyOps.length !== fa.fn.ops.length)
    return none('the function could not be matched to the source');
  const base = makeBaseline(text, parse, analysis, target, fnIndex, options);
  const fixes: Fix[] = [];
  const rejected: RejectedFix[] = [];

  const chain = findPadChain(fa.fn, target.opIndex, analysis.module);
  if (chain !== undefined) {
    const nOps = chain.opIndices.length;
    const grid = analysis.device.workerGrid;
    // Unproven indices: the assumption leads the title, and the fix is never preferred or applied by default.
    const assumes = chainAssumption(chain);
    const ifTitle = assumes === undefined ? '' : `${assumes[0].toUpperCase()}${assumes.slice(1)}: `;
    const pad = constantPadRewrite(text, sfn, chain, grid);
    const padTitle = `${ifTitle}Replace the replicate-pad chain (${nOps} ops) with a constant ttnn.pad (${NUMERICS})`;
    if (typeof pad === 'string') rejected.push({ fixKind: 'constantPadIr', title: padTitle, reason: pad });
    else {
      const outcome = verifyCandidate(base, { edits: pad.edits, removesTarget: true, replacementResults: pad.results });
      if (!outcome.ok) rejected.push({ fixKind: 'constantPadIr', title: padTitle, reason: outcome.reason });
      else {
        const irFix: Fix = {
          id: `constant-pad-ir:${fa.fn.name}:${chain.outputName}`,
          title: `${padTitle} · ${thenText(outcome)}`,
          kind: 'quickfix',
          fixKind: 'constantPadIr',
          edits: pad.edits,
          verification: outcome.verification,
          notes: pad.notes,
          isPreferred: false,
          ...(assumes !== undefined && { assumes }),
        };
        fixes.push(irFix);
        const py = pythonFix(sfn, chain, env, irFix);
        if (py !== undefined && 'fix' in py) fixes.push(py.fix);
        else if (py !== undefined) rejected.push(py.rejected);
      }
    }
    const sliceTitle =
      assumes === undefined
        ? `Rewrite the replicate pad as slice + concat (same values: indices ${indicesText(chain.indices)} proven by ${chain.indexSource}; no wide untilize)`
        : `${ifTitle}rewrite the replicate pad as slice + concat (${paddingText(chain)}; no wide untilize)`;
    const sc = sliceConcatRewrite(text, sfn, chain, grid);
    if (typeof sc === 'string') rejected.push({ fixKind: 'sliceConcatPad', title: sliceTitle, reason: sc });
    else {
      const outcome = verifyCandidate(base, { edits: sc.edits, removesTarget: true, replacementResults: sc.results });
      if (!outcome.ok) rejected.push({ fixKind: 'sliceConcatPad', title: sliceTitle, reason: outcome.reason });
      else {
        const fix: Fix = {
          id: `slice-concat-pad:${fa.fn.name}:${chain.outputName}`,
          title: `${sliceTitle} · ${thenText(outcome)}`,
          kind: 'quickfix',
          fixKind: 'sliceConcatPad',
          edits: sc.edits,
          verification: outcome.verification,
          notes: sc.notes,
          isPreferred: assumes === undefined,
          ...(assumes !== undefined && { assumes }),
        };
        if (assumes === undefined) fixes.unshift(fix);
        else fixes.push(fix);
      }
    }
  }

  if (op.overflow.kind === 'l1SmallExhausted') {
    const dram = configTensorsInDramFixes(base, sfn, fa);
    fixes.push(...dram.fixes);
    rejected.push(...dram.rejected);
  }
  if (op.op.name === 'ttnn.conv3d' || op.op.name === 'ttnn.conv2d' || op.op.name === 'ttnn.conv_transpose2d') {
    const conv = op.op.name === 'ttnn.conv3d' ? conv3dConfigFixes(base, sfn, fa) : conv2dConfigFixes(base, sfn, fa);
    fixes.push(...conv.fixes);
    rejected.push(...conv.rejected);
  }
  if (op.op.name === 'ttnn.matmul' || op.op.name === 'ttnn.linear') {
    const mm = matmulConfigFixes(base, sfn, fa);
    fixes.push(...mm.fixes);
    rejected.push(...mm.rejected);
  }
  const layouts = solveLayouts(base, sfn, fa);
  fixes.push(...layouts.fixes);
  rejected.push(...layouts.rejected);
  const live = liveTensorFixes(base, sfn, fa);
  fixes.push(...live.fixes);
  rejected.push(...live.rejected);
  // An assumption-based fix is never preferred: the first fix that assumes nothing is, if there is one.
  const firstSure = fixes.findIndex((f) => f.assumes === undefined);
  if (firstSure >= 0 && !fixes.some((f) => f.isPreferred))
    fixes[firstSure] = { ...fixes[firstSure], isPreferred: true };
  const checked = `checked for tt-metal ${windowText(analysis.ttMetal.window)}`;
  const stamped = fixes.map((f) => ({ ...f, title: `${f.title} (${checked})` }));
  const noFixReason =
    stamped.length > 0
      ? undefined
      : `No verified fix (${checked}): ${
          layouts.reason ??
          rejected
            .map((r) => `${r.title}: ${r.reason}`)
            .slice(0, 2)
            .join('; ')
        }`;
  return { fixes: stamped, rejected, layoutReason: layouts.reason, ...(noFixReason !== undefined && { noFixReason }) };
}

function pythonFix(
  sfn: SyntaxFunction,
  chain: NonNullable<ReturnType<typeof findPadChain>>,
  env: FixEnv,
  irFix: Fix,
): { fix: Fix } | { rejected: RejectedFix } | undefined {
  const src = chainSource(sfn, chain);
  if (src === undefined || env.pythonFiles === undefined) return undefined;
  let file: PythonFile | undefined;
  for (const suffix of pathSuffixes(src.file)) {
    file = env.pythonFiles(suffix);
    if (file !== undefined) break;
  }
  // The edit itself reads the padding from the Python call; its verification is the IR fix's, so it shares that assumption.
  const ifTitle = irFix.assumes === undefined ? '' : `${irFix.assumes[0].toUpperCase()}${irFix.assumes.slice(1)}: `;
  const title = `${ifTitle}${ifTitle === '' ? 'Use' : 'use'} constant padding in ${src.file}:${src.line} (mode="constant", value=0; ${NUMERICS})`;
  if (file === undefined)
    return { rejected: { fixKind: 'constantPadPython', title, reason: `${src.file} is not in the workspace` } };
  const edit = pythonConstantPadEdit(file.text, src.line);
  if (typeof edit === 'string') return { rejected: { fixKind: 'constantPadPython', title, reason: edit } };
  const edits: FixEdit[] = [{ uri: file.path, range: edit.range, newText: edit.newText }];
  return {
    fix: {
      id: `constant-pad-python:${file.path}:${src.line}`,
      title: `${title} · ${thenText(irFix)}`,
      kind: 'quickfix',
      fixKind: 'constantPadPython',
      edits,
      // tt-mlir lowers a constant F.pad to one ttnn.pad: the IR rewrite is what this edit compiles to.
      verification: irFix.verification,
      notes: [
        ...irFix.notes,
        'verified on the IR a constant pad lowers to (one ttnn.pad), not by recompiling the model',
      ],
      isPreferred: false,
      ...(irFix.assumes !== undefined && { assumes: irFix.assumes }),
    },
  };
}

/** The fix target of an overflow of `analysis` (with the function index, so split files resolve the right `@main`). */
export function fixTargetOf(_analysis: ModuleAnalysis, ref: OverflowRef): FixTarget {
  return { functionName: ref.functionName, opIndex: ref.opIndex, functionIndex: ref.functionIndex };
}

/** The text of file `uri` (`'self'` for the analysed document) after a fix's edits of that file. */
export function applyFix(text: string, fix: Fix, uri = 'self'): string | undefined {
  return applyEdits(
    text,
    fix.edits.filter((e) => e.uri === uri),
  );
}

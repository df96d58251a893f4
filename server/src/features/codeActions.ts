/**
 * Quick fixes for an overflowing op under the cursor, from fixes/ (each verified by re-parsing and re-analysing
 * the fixed text before it is offered). Results are cached per analysis and op: editors ask on every cursor move.
 */

import { fixesFor, fixTargetOf, type FixEnv, type FixesResult } from '../fixes';
import type { TextRange } from '../text/textRange';
import { analysisOptions, type DocumentAnalysis } from './documentAnalysis';
import { formatInteger } from './format';
import { opHeadRange } from './opView';
import type { RuntimeLogFindings } from './runtimeLog';

export interface CodeActionEdit {
  /** `self` for the analysed document, else the path the environment returned (a Python source file). */
  readonly target: string;
  readonly range: TextRange;
  readonly newText: string;
}

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix';
  readonly isPreferred: boolean;
  readonly edits: readonly CodeActionEdit[];
  /** The overflowing op's head (the diagnostic range this action fixes). */
  readonly fixes: TextRange;
  /** Set when no fix is computed, with why (editors show it greyed out). */
  readonly disabledReason?: string;
  /** A client-side settings change instead of edits (`ttnnL1.l1UnreservedBase` from a runtime log). */
  readonly setL1UnreservedBase?: number;
}

/** "Use the base the runtime log implies" on the op that threw, when the log's number and ours differ by a base shift. */
export function runtimeLogActionsAt(findings: RuntimeLogFindings | undefined, range: TextRange): CodeAction[] {
  const s = findings?.baseSuggestion;
  if (s === undefined || s.range.end < range.start || s.range.start > range.end) return [];
  return [
    {
      title: `Use l1_unreserved_base = ${formatInteger(s.l1UnreservedBase)} B from the runtime log (setting ttnnL1.l1UnreservedBase)`,
      kind: 'quickfix',
      isPreferred: false,
      edits: [],
      fixes: s.range,
      setL1UnreservedBase: s.l1UnreservedBase,
    },
  ];
}

export interface CodeActionOptions {
  /** Looks up workspace Python files for the `F.pad` edit. */
  readonly env?: FixEnv;
  /**
   * Above this many characters fixes are not computed: each candidate is verified by re-analysing the whole file,
   * up to 16 times per op.
   */
  readonly maxTextChars?: number;
}

const DEFAULT_MAX_TEXT_CHARS = 2_000_000;
const cache = new WeakMap<DocumentAnalysis, Map<number, CodeAction[]>>();

/** Fixes for overflowing ops whose head intersects `range`. */
export function codeActionsAt(doc: DocumentAnalysis, range: TextRange, options: CodeActionOptions = {}): CodeAction[] {
  const out: CodeAction[] = [];
  for (const ref of doc.analysis.overflows) {
    const op = doc.analysis.functions[ref.functionIndex]?.ops[ref.opIndex];
    if (op === undefined) continue;
    const head = opHeadRange(op);
    if (head.end < range.start || head.start > range.end) continue;
    let perDoc = cache.get(doc);
    if (perDoc === undefined) {
      perDoc = new Map();
      cache.set(doc, perDoc);
    }
    let actions = perDoc.get(head.start);
    if (actions === undefined) {
      actions = computeActions(doc, ref, head, options);
      perDoc.set(head.start, actions);
    }
    out.push(...actions);
  }
  return out;
}

function computeActions(
  doc: DocumentAnalysis,
  ref: Parameters<typeof fixTargetOf>[1],
  head: TextRange,
  options: CodeActionOptions,
): CodeAction[] {
  const max = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  if (doc.lineIndex.length > max) {
    const reason = `fixes are not computed for files over ${(max / 1e6).toFixed(0)} MB: each is verified by re-analysing the whole file`;
    return [noFixAction(reason, head)];
  }
  const result = fixesFor(doc.text, doc.parse, doc.analysis, fixTargetOf(doc.analysis, ref), options.env ?? {}, {
    analysis: analysisOptions(doc.settings),
  });
  if (result.fixes.length === 0) {
    // Shown greyed out on the diagnostic, so the editor says why instead of "No code actions available".
    const reason = result.noFixReason ?? `No verified fix: ${result.layoutReason ?? 'nothing passed verification'}`;
    return [noFixAction(reason, head)];
  }
  return result.fixes.map((fix) => ({
    title: fix.title,
    kind: 'quickfix',
    isPreferred: fix.isPreferred,
    edits: fix.edits.map((e) => ({ target: e.uri, range: e.range, newText: e.newText })),
    fixes: head,
  }));
}

/**
 * The verified fixes for the op tt-metal throws at first (`ttnn-l1 fix`), with no size cap; undefined when nothing
 * throws. The same `fixesFor` the editor's code actions call.
 */
export function fixesForFirstFailure(
  doc: DocumentAnalysis,
  env: FixEnv = {},
): { readonly functionName: string; readonly opIndex: number; readonly result: FixesResult } | undefined {
  const first = doc.analysis.firstFailure;
  if (first === undefined) return undefined;
  const result = fixesFor(doc.text, doc.parse, doc.analysis, fixTargetOf(doc.analysis, first), env, {
    analysis: analysisOptions(doc.settings),
  });
  return { functionName: first.functionName, opIndex: first.opIndex, result };
}

/** The greyed-out action that says why no fix is offered (the editor shows it instead of "No code actions available"). */
function noFixAction(reason: string, fixes: CodeAction['fixes']): CodeAction {
  return {
    title: 'Find an L1 fix for this op',
    kind: 'quickfix',
    isPreferred: false,
    edits: [],
    fixes,
    disabledReason: reason,
  };
}

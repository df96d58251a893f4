/** Core → LSP conversions: offsets become positions through the document's LineIndex; plain data becomes lsp types. */

import * as lsp from 'vscode-languageserver';
import type * as features from '../features';
import type { LineIndex } from '../text/lineIndex';
import type { TextRange } from '../text/textRange';
import { DIAGNOSTIC_SOURCE } from '../features/diagnosticCodes';
import { SHOW_BREAKDOWN_COMMAND, USE_L1_UNRESERVED_BASE_COMMAND, type TimelineResult } from './ext';
import { URI } from 'vscode-uri';

export function position(lineIndex: LineIndex, offset: number): lsp.Position {
  return lineIndex.position(offset);
}

export function range(lineIndex: LineIndex, r: TextRange): lsp.Range {
  return { start: lineIndex.position(r.start), end: lineIndex.position(r.end) };
}

export function location(lineIndex: LineIndex, uri: string, r: TextRange): lsp.Location {
  return { uri, range: range(lineIndex, r) };
}

// Read once: each `lsp.DiagnosticSeverity.X` in the bundle goes through the library's export getters, and a first
// publish converts 23k diagnostics at 100k ops.
const SEVERITIES: Readonly<Record<features.Severity, lsp.DiagnosticSeverity>> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

export function severity(s: features.Severity): lsp.DiagnosticSeverity {
  return SEVERITIES[s];
}

/** Turns a `loc("file.py":16:0)` target into a URI, or says why it is not linked (outside the workspace, missing). */
export type SourceFileResolver = (file: string) => { readonly uri: string } | { readonly unlinked: string };

export function diagnostic(
  lineIndex: LineIndex,
  uri: string,
  d: features.Diagnostic,
  resolveFile: SourceFileResolver,
): lsp.Diagnostic {
  return diagnosticConverter(lineIndex, uri, resolveFile)(d);
}

/**
 * Converts a list of diagnostics, one by one. Related information that consecutive diagnostics share at the same place
 * in their lists is converted once and shared (the same JSON): every "not reached" diagnostic's first entry is the one
 * first-failure object (features/diagnostics.ts), 17.6k of them at 100k ops, each a location of five objects and two
 * position look-ups when converted apart.
 */
export function diagnosticConverter(
  lineIndex: LineIndex,
  uri: string,
  resolveFile: SourceFileResolver,
): (d: features.Diagnostic) => lsp.Diagnostic {
  const lastAt: { from: features.RelatedInformation; to: lsp.DiagnosticRelatedInformation }[] = [];
  // The line of the last diagnostic converted: a list in source order looks each range up from there
  // (`LineIndex.positionNear`), its related ranges (the producer a few ops up) too.
  let nearLine = 0;
  const rangeNear = (r: TextRange): lsp.Range => {
    const start = lineIndex.positionNear(r.start, nearLine);
    return { start, end: lineIndex.positionNear(r.end, start.line) };
  };
  const rangeRelated = (
    r: features.RelatedInformation,
    at: number,
    range: TextRange,
  ): lsp.DiagnosticRelatedInformation => {
    const last = lastAt[at];
    if (last?.from === r) return last.to;
    const to = { location: { uri, range: rangeNear(range) }, message: r.message };
    lastAt[at] = { from: r, to };
    return to;
  };
  return (d) => {
    const own = rangeNear(d.range);
    nearLine = own.start.line;
    let related: lsp.DiagnosticRelatedInformation[] | undefined;
    const list = d.related;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.target.kind === 'range') {
        (related ??= []).push(rangeRelated(r, i, r.target.range));
        continue;
      }
      const file = resolveFile(r.target.file);
      // Not a link (outside the workspace, or missing): the message says where the source would be and why, written by
      // features.diagnostics when given `unlinkedSourceReason(resolveFile)`.
      if ('unlinked' in file) continue;
      // MLIR file locations are 1-based lines; column 0 means "unknown column".
      const pos = { line: Math.max(0, r.target.line - 1), character: Math.max(0, r.target.column - 1) };
      (related ??= []).push({ location: { uri: file.uri, range: { start: pos, end: pos } }, message: r.message });
    }
    const converted: lsp.Diagnostic = {
      range: own,
      severity: severity(d.severity),
      code: d.code,
      source: DIAGNOSTIC_SOURCE,
      message: d.message,
    };
    // Last, as JSON writes it: a member added after the literal (no spread of a one-member object per diagnostic).
    if (related !== undefined) converted.relatedInformation = related;
    return converted;
  };
}

/** What features.diagnostics writes into a message about a Python source the resolver does not link. */
export function unlinkedSourceReason(resolveFile: SourceFileResolver): features.UnlinkedSourceReason {
  return (file) => {
    const target = resolveFile(file);
    return 'unlinked' in target ? target.unlinked : undefined;
  };
}

/** A hover; with `uri`, a link to the op's full breakdown (the client command `ttnnL1.showBreakdown`). */
export function hover(lineIndex: LineIndex, h: features.Hover, uri?: string): lsp.Hover {
  let value = h.markdown;
  if (uri !== undefined && h.breakdownAt !== undefined) {
    const at = lineIndex.position(h.breakdownAt);
    const args = encodeURIComponent(JSON.stringify([uri, at.line, at.character]));
    value += `\n\n[Full breakdown: every CB, tensor and citation](command:${SHOW_BREAKDOWN_COMMAND}?${args})`;
  }
  return { contents: { kind: lsp.MarkupKind.Markdown, value }, range: range(lineIndex, h.range) };
}

export function inlayHint(lineIndex: LineIndex, h: features.InlayHint): lsp.InlayHint {
  return {
    position: position(lineIndex, h.offset),
    label: h.label,
    ...(h.padding === 'left' ? { paddingLeft: true } : { paddingRight: true }),
    tooltip: { kind: lsp.MarkupKind.Markdown, value: h.tooltip },
  };
}

/** Client command the lenses invoke (registered by the VS Code client; other clients show the title only). */
export const SHOW_TIMELINE_COMMAND = 'ttnnL1.showTimeline';

export function codeLens(lineIndex: LineIndex, uri: string, l: features.CodeLens): lsp.CodeLens {
  return {
    range: range(lineIndex, l.range),
    command: { title: l.title, command: SHOW_TIMELINE_COMMAND, arguments: [uri, l.functionName] },
  };
}

function symbolKind(kind: features.OutlineKind): lsp.SymbolKind {
  switch (kind) {
    case 'module':
      return lsp.SymbolKind.Module;
    case 'function':
      return lsp.SymbolKind.Function;
    case 'operation':
      return lsp.SymbolKind.Variable;
    case 'group':
      return lsp.SymbolKind.Array;
  }
}

export function documentSymbol(lineIndex: LineIndex, s: features.OutlineSymbol): lsp.DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail !== '' ? { detail: s.detail } : {}),
    kind: symbolKind(s.kind),
    range: range(lineIndex, s.range),
    selectionRange: range(lineIndex, s.selectionRange),
    children: s.children.map((c) => documentSymbol(lineIndex, c)),
  };
}

/** Flat form for clients without hierarchical document symbols. */
export function symbolInformation(
  lineIndex: LineIndex,
  uri: string,
  symbols: readonly features.OutlineSymbol[],
): lsp.SymbolInformation[] {
  const out: lsp.SymbolInformation[] = [];
  const visit = (s: features.OutlineSymbol, container: string | undefined): void => {
    out.push({
      name: s.name,
      kind: symbolKind(s.kind),
      location: location(lineIndex, uri, s.range),
      ...(container !== undefined ? { containerName: container } : {}),
    });
    for (const c of s.children) visit(c, s.name);
  };
  for (const s of symbols) visit(s, undefined);
  return out;
}

export function foldingRange(f: features.FoldingRegion): lsp.FoldingRange {
  const kind =
    f.kind === 'comment'
      ? lsp.FoldingRangeKind.Comment
      : f.kind === 'imports'
        ? lsp.FoldingRangeKind.Imports
        : lsp.FoldingRangeKind.Region;
  return { startLine: f.startLine, endLine: f.endLine, kind };
}

export function timeline(lineIndex: LineIndex, uri: string, t: features.Timeline): TimelineResult {
  return {
    uri,
    limitBytesPerCore: t.limitBytesPerCore,
    l1UnreservedBase: t.l1UnreservedBase,
    l1SizeBytes: t.l1SizeBytes,
    functions: t.functions.map((f) => ({
      name: f.name,
      role: f.role,
      reached: f.reached,
      ops: f.ops.map((p) => {
        const { line, character } = lineIndex.position(p.offset);
        return {
          line,
          character,
          opName: p.opName,
          result: p.result,
          cbBytesPerCore: p.cbBytesPerCore,
          liveL1TensorBytesPerCore: p.liveL1TensorBytesPerCore,
          overflows: p.overflows,
          l1EndBytes: p.l1EndBytes,
          isFirstFailure: p.isFirstFailure,
          ...(p.worstCore && { worstCore: p.worstCore }),
          ...(p.overflowMessage && { overflowMessage: p.overflowMessage }),
        };
      }),
    })),
  };
}

/** A quick fix as an LSP code action; `lineIndexOf` gives positions in other files the fix edits (Python sources). */
export function codeAction(
  lineIndex: LineIndex,
  uri: string,
  action: features.CodeAction,
  diagnostics: readonly lsp.Diagnostic[],
  lineIndexOf: (filePath: string) => LineIndex | undefined,
): lsp.CodeAction {
  const changes: Record<string, lsp.TextEdit[]> = {};
  for (const e of action.edits) {
    const index = e.target === 'self' ? lineIndex : lineIndexOf(e.target);
    if (index === undefined) continue;
    const target = e.target === 'self' ? uri : URI.file(e.target).toString();
    (changes[target] ??= []).push({ range: range(index, e.range), newText: e.newText });
  }
  const fixes = range(lineIndex, action.fixes);
  const related = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.start.line === fixes.start.line);
  return {
    title: action.title,
    kind: lsp.CodeActionKind.QuickFix,
    ...(related.length > 0 ? { diagnostics: related } : {}),
    ...(action.isPreferred ? { isPreferred: true } : {}),
    ...(action.disabledReason !== undefined
      ? { disabled: { reason: action.disabledReason } }
      : action.setL1UnreservedBase !== undefined
        ? {
            command: {
              title: action.title,
              command: USE_L1_UNRESERVED_BASE_COMMAND,
              arguments: [action.setL1UnreservedBase],
            },
          }
        : { edit: { changes } }),
  };
}

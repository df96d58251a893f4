/**
 * `check*` helpers (rust-analyzer's style): a fixture with a `$0` cursor and the expected text, inline or a gold file.
 * They run the features layer the editor and the CLI call, on a fresh analysis of the fixture.
 */

import * as assert from 'node:assert/strict';
import { diagnostics, type Diagnostic } from '../../server/src/features/diagnostics';
import {
  analyzeDocument,
  DEFAULT_ANALYSIS_SETTINGS,
  type AnalysisSettings,
  type DocumentAnalysis,
} from '../../server/src/features/documentAnalysis';
import { hoverAt } from '../../server/src/features/hover';
import { checkGold } from './gold';
import { positionAt } from './positions';

/** Expected text: inline, or the name of a gold file under test/gold/. */
export type Expected = string | { readonly gold: string };

/** The text without its single `$0` marker, and the marker's offset. */
export function withCursor(marked: string): { readonly text: string; readonly offset: number } {
  const offset = marked.indexOf('$0');
  if (offset < 0 || marked.indexOf('$0', offset + 2) >= 0) throw new Error('fixture needs exactly one $0');
  return { text: marked.slice(0, offset) + marked.slice(offset + 2), offset };
}

/** `text` with the `$0` marker at `offset` (for fixtures read from files). */
export function markedAt(text: string, offset: number): string {
  return `${text.slice(0, offset)}$0${text.slice(offset)}`;
}

export function analyzed(text: string, settings: Partial<AnalysisSettings> = {}): DocumentAnalysis {
  return analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ...settings });
}

function checkText(actual: string, expected: Expected): void {
  if (typeof expected === 'string') assert.equal(actual, expected);
  else checkGold(expected.gold, actual);
}

/** The hover's Markdown at the `$0` of `marked` is `expected` (no hover: fails). */
export function checkHover(marked: string, expected: Expected, settings: Partial<AnalysisSettings> = {}): void {
  const { text, offset } = withCursor(marked);
  const hover = hoverAt(analyzed(text, settings), offset);
  assert.ok(hover !== undefined, `no hover at offset ${offset}`);
  checkText(hover.markdown, expected);
}

/**
 * Diagnostics as text, one block per diagnostic in the order published: `line:col-line:col severity code: message`
 * (1-based lines and columns, as editors show them), then each related location indented.
 */
export function diagnosticsText(text: string, list: readonly Diagnostic[]): string {
  const at = (offset: number): string => {
    const p = positionAt(text, offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  return list
    .map((d) => {
      const related = d.related.map((r) => {
        const where =
          r.target.kind === 'range' ? at(r.target.range.start) : `${r.target.file}:${r.target.line}:${r.target.column}`;
        return `\n    related ${where}: ${r.message}`;
      });
      return `${at(d.range.start)}-${at(d.range.end)} ${d.severity} ${d.code}: ${d.message}${related.join('')}`;
    })
    .join('\n');
}

/** The diagnostics of `text` (as `diagnosticsText` prints them) are `expected`. */
export function checkDiagnostics(text: string, expected: Expected, settings: Partial<AnalysisSettings> = {}): void {
  checkText(diagnosticsText(text, diagnostics(analyzed(text, settings))), expected);
}

/** LSP → core conversions: positions and ranges become UTF-16 offsets through the document's LineIndex. */

import type * as lsp from 'vscode-languageserver';
import type { LineIndex } from '../text/lineIndex';
import type { TextRange } from '../text/textRange';

export function offset(lineIndex: LineIndex, position: lsp.Position): number {
  return lineIndex.offset(position);
}

export function textRange(lineIndex: LineIndex, range: lsp.Range): TextRange {
  return { start: lineIndex.offset(range.start), end: lineIndex.offset(range.end) };
}

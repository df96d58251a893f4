/** Folding ranges: op regions (modules, functions, nested bodies), runs of alias definitions, comment blocks. */

import type { SyntaxFile } from '../mlir/syntax';
import type { LineIndex } from '../text/lineIndex';
import { walkOperations } from './syntaxWalk';

export interface FoldingRegion {
  /** 0-based first line (stays visible). */
  readonly startLine: number;
  /** 0-based last folded line. */
  readonly endLine: number;
  readonly kind: 'region' | 'comment' | 'imports';
}

/** All folding ranges of a file, sorted by start line. */
export function foldingRanges(file: SyntaxFile, lineIndex: LineIndex): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  walkOperations(file, ({ op }) => {
    for (const region of op.regions) {
      const startLine = lineIndex.position(op.range.start).line;
      // Keep the closing `}` visible, as editors do for indentation folding.
      const endLine = lineIndex.position(region.range.end).line - 1;
      if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
    }
    return op.regions.length > 0;
  });
  for (const chunk of file.chunks) {
    // Consecutive alias definitions (the `#ttnn_layoutN` / `#locN` tables) fold like an import block.
    let runStart = -1;
    let runEnd = -1;
    for (const alias of chunk.aliases) {
      const line = lineIndex.position(alias.range.start).line;
      const last = lineIndex.position(alias.range.end).line;
      if (runStart >= 0 && line <= runEnd + 1) {
        runEnd = last;
        continue;
      }
      if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'imports' });
      runStart = line;
      runEnd = last;
    }
    if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'imports' });
  }
  for (const section of file.resourceSections) {
    const startLine = lineIndex.position(section.start).line;
    const endLine = lineIndex.position(section.end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
  }
  out.push(...commentBlocks(lineIndex));
  return out.sort((a, b) => a.startLine - b.startLine);
}

function commentBlocks(lineIndex: LineIndex): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  // Read through the index, not its flat text: after an edit the text is not flattened for this.
  let runStart = -1;
  for (let line = 0; line < lineIndex.lineCount; line++) {
    let i = lineIndex.lineStart(line);
    while (lineIndex.charCodeAt(i) === 32 || lineIndex.charCodeAt(i) === 9) i++;
    const isComment = lineIndex.startsWith('//', i) && !lineIndex.startsWith('// -----', i);
    if (isComment && runStart < 0) runStart = line;
    if (!isComment && runStart >= 0) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: 'comment' });
      runStart = -1;
    }
  }
  if (runStart >= 0 && lineIndex.lineCount - 1 > runStart)
    out.push({ startLine: runStart, endLine: lineIndex.lineCount - 1, kind: 'comment' });
  return out;
}

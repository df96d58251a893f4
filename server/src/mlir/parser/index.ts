/**
 * Tolerant recursive-descent parser for MLIR's textual format (generic ops, the custom forms tt-mlir prints,
 * aliases, locations, `// -----` chunks). Never throws; a syntax error becomes a ParseError and parsing resumes
 * at the next line that starts an op.
 *
 * Split like LLVM's AsmParser: `state.ts` (ParserState and token helpers), `operations.ts` (ops, regions, blocks),
 * `customForms.ts` (builtin/func custom forms and tt-mlir's custom-form ops), `types.ts`, `attributes.ts` (with
 * affine maps), `locations.ts`, `tokenTrees.ts` (dialect attribute/type bodies). This file: the top level (chunks,
 * resource sections, alias definitions).
 */

import { RangeTable } from '../../text/rangeTable';
import type { TextRange } from '../../text/textRange';
import { Tok, nextToken, relexFrom } from '../lexer';
import type { AliasDefinition, AttrNode, Chunk, Operation, ParseError, ParseResult, TypeNode } from '../syntax';
import { SlottedSharedDict, parseAttr } from './attributes';
import { EditableLocationAlias, LazyLocationAlias, dumpLocationAliasEnd, type LazyAliasSource } from './lazyAliases';
import { registerLazyBodies, type LazyBody } from './lazyBodies';
import { SlottedSharedDialectAttr, SlottedSharedTensor, markEditable } from './nodes';
import { parseOperation } from './operations';
import {
  canEnter,
  error,
  expect,
  newParserCaches,
  newParserState,
  resync,
  skipResourceSection,
  slot,
  span,
  text,
  tk,
  tokRange,
  type ParserState,
  type ParserTables,
} from './state';
import { parseType } from './types';

export { isBuiltinScalarName } from './types';
export { forEachFunctionOp, lazyBodiesParseCleanly, type FunctionBodyShape } from './lazyBodies';
export {
  aliasReadSlotMark,
  dumpLocationChild,
  isDumpLocationAlias,
  releaseAliasReadSlots,
  type DumpLocationChild,
} from './lazyAliases';
export {
  liveNameRangeOf,
  liveRangeOf,
  liveRangeWithin,
  liveStartOf,
  opOffsetsInto,
  packedFunctionTypeOf,
  packedName,
  packedOperandCodeAt,
  packedOperandCountOf,
  packedPropertiesTextOf,
  packedResultCodeOf,
  rangesMoveWithEdits,
  type FunctionTypeTemplate,
  type SlottedOp,
} from './nodes';

/**
 * The object every use of one text shares, for a dictionary, dialect attribute or tensor type the parser keeps once
 * per distinct text (parser/nodes.ts); undefined for a node of its own. A walk whose result depends on such a node's
 * text alone (not its place) can visit each text once instead of re-building its parts at every use.
 */
export function sharedTextOf(node: AttrNode | TypeNode): object | undefined {
  if (
    node instanceof SlottedSharedDict ||
    node instanceof SlottedSharedDialectAttr ||
    node instanceof SlottedSharedTensor
  )
    return node.$x;
  return undefined;
}

export interface ParseOptions {
  /**
   * Holds every range of the tree, so that `mlir/incrementalParse.ts` can shift them in place after an edit
   * instead of copying the tree. Only an editor's open document needs it.
   */
  readonly rangeTable?: RangeTable;
  /**
   * Skip function bodies and parse each when its op's `regions` is read (parser/lazyBodies.ts): for one-shot
   * consumers that walk each body once. Check `lazyBodiesParseCleanly` before trusting the tree. Not with `rangeTable`.
   */
  readonly lazyFunctionBodies?: boolean;
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const ranges = options.rangeTable;
  if (ranges !== undefined) markEditable(ranges);
  const slots = ranges ?? new RangeTable();
  const errors: ParseError[] = [];
  const resourceSections: TextRange[] = [];
  const chunks: Chunk[] = [];
  const lazyBodies: LazyBody[] | undefined =
    options.lazyFunctionBodies === true && ranges === undefined ? [] : undefined;
  const caches = newParserCaches();
  try {
    for (const chunk of splitChunks(text)) {
      chunks.push(parseChunk(text, chunk, { errors, resourceSections, ranges, slots, lazyBodies, caches }));
    }
  } catch (e) {
    // Last-resort guard: the parser is designed never to get here.
    const message = e instanceof Error ? e.message : String(e);
    errors.push({ message: `internal parser error: ${message}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  // A non-editable parse's table is complete: give back the doubling slack (up to half of it; 6 MB at 100k ops).
  if (ranges === undefined) slots.trim();
  const range = ranges === undefined ? { start: 0, end: text.length } : ranges.add(0, text.length);
  const result: ParseResult = { file: { chunks, resourceSections, range }, errors };
  if (lazyBodies !== undefined) registerLazyBodies(result, lazyBodies);
  return result;
}

/** Splits at lines that start with `// -----` (mlir-opt --split-input-file), outside resource sections. */
function splitChunks(text: string): TextRange[] {
  const marker = '// -----';
  const spans: TextRange[] = [];
  const resources = findResourceSpans(text);
  let resourceIndex = 0;
  let chunkStart = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(marker, from);
    if (at < 0) break;
    from = at + marker.length;
    while (resourceIndex < resources.length && resources[resourceIndex].end <= at) resourceIndex++;
    const resource = resources[resourceIndex];
    if (resource && resource.start <= at) {
      // Inside a resource blob: keep searching after it.
      from = resource.end;
      continue;
    }
    let lineStart = at;
    while (lineStart > 0) {
      const c = text.charCodeAt(lineStart - 1);
      if (c === 32 || c === 9) lineStart--;
      else break;
    }
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) continue;
    spans.push({ start: chunkStart, end: lineStart });
    const eol = text.indexOf('\n', from);
    chunkStart = eol < 0 ? text.length : eol + 1;
    from = chunkStart;
  }
  spans.push({ start: chunkStart, end: text.length });
  return spans;
}

/** `{-#` ... `#-}` sections whose opener starts a line (to ignore split markers inside blobs). */
function findResourceSpans(text: string): TextRange[] {
  const spans: TextRange[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('{-#', from);
    if (at < 0) return spans;
    from = at + 3;
    let k = at;
    while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
    if (k !== 0 && text.charCodeAt(k - 1) !== 10 && text.charCodeAt(k - 1) !== 13) continue;
    const close = text.indexOf('#-}', from);
    const end = close < 0 ? text.length : close + 3;
    spans.push({ start: at, end });
    from = end;
  }
}

function parseChunk(text: string, chunk: TextRange, tables: ParserTables): Chunk {
  const { start, end } = chunk;
  const errors = tables.errors;
  const p = newParserState(text, start, end, tables);
  const aliases: AliasDefinition[] = [];
  const operations: Operation[] = [];
  try {
    let guard = end - start + 16;
    while (tk(p.lx) !== Tok.Eof && guard-- > 0) {
      const before = p.lx.start;
      const kind = tk(p.lx);
      if (kind === Tok.HashId || kind === Tok.BangId) {
        const alias = parseAliasDefinition(p);
        if (alias) aliases.push(alias);
      } else if (kind === Tok.FileMetadataBegin) {
        skipResourceSection(p);
      } else if (kind === Tok.RBrace) {
        error(p, "unexpected '}' at top level");
        nextToken(p.lx);
      } else {
        const op = parseOperation(p);
        if (op) operations.push(op);
      }
      if (p.lx.start === before && tk(p.lx) !== Tok.Eof) {
        nextToken(p.lx);
        resync(p);
      }
    }
  } catch (e) {
    // Last-resort guard (the parser is designed never to get here): keep what this chunk produced so far.
    const message = e instanceof Error ? e.message : String(e);
    errors.push({
      message: `internal parser error: ${message}`,
      range: { start: p.lx.start, end: p.lx.end },
      severity: 'error',
    });
  }
  return { aliases, operations, range: span(p, start, end) };
}

// ---------------------------------------------------------------------------------------------
// Aliases

function parseAliasDefinition(p: ParserState): AliasDefinition | undefined {
  const lx = p.lx;
  const isType = tk(lx) === Tok.BangId;
  const name = text(p);
  if (!isType && (p.lazyBodies !== undefined || p.ranges !== undefined)) {
    // A lazy or editable parse keeps a dump's location aliases as offsets (parser/lazyAliases.ts).
    const end = dumpLocationAliasEnd(p.text, lx.end, lx.limit);
    // The general path nests as deep as the attribute, its location and the location's child (`"name"(#locK))`).
    const levels = end >= 0 && p.text.charCodeAt(end - 2) === 41 /* ) */ ? 3 : 2;
    if (end >= 0 && canEnter(p, levels)) {
      const alias =
        p.lazyBodies !== undefined
          ? new LazyLocationAlias(p, name, lx.start, end)
          : new EditableLocationAlias(aliasSourceOf(p), lx.start, slot(p, lx.start, end));
      if (p.depth + levels > p.deepest) p.deepest = p.depth + levels;
      relexFrom(lx, end);
      return alias;
    }
  }
  const nameRange = tokRange(p);
  nextToken(lx);
  if (!expect(p, Tok.Equal, () => `'=' after alias ${name}`)) {
    resync(p);
    return undefined;
  }
  if (isType) {
    const type = parseType(p);
    if (!type) resync(p);
    return { kind: 'typeAlias', name, nameRange, attr: undefined, type, range: span(p, nameRange.start, lx.prevEnd) };
  }
  const attr = parseAttr(p);
  if (!attr) resync(p);
  return { kind: 'attrAlias', name, nameRange, attr, type: undefined, range: span(p, nameRange.start, lx.prevEnd) };
}

/** The text and slot table an editable parse's dump-form aliases share: one small object, not the parser state. */
function aliasSourceOf(p: ParserState): LazyAliasSource {
  return (p.aliasSource ??= { text: p.text, slots: p.slots });
}

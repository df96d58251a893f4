/**
 * Tolerant recursive-descent parser for MLIR's textual format (generic ops, the custom forms tt-mlir prints,
 * aliases, locations, `// -----` chunks). Never throws; a syntax error becomes a ParseError and parsing resumes
 * at the next line that starts an op.
 */

import type { RangeTable } from '../text/rangeTable';
import type { TextRange } from '../text/textRange';
import { Tok, createLexer, isDigit, markLexer, nextToken, relexFrom, resetLexer, unescapeString, type Lexer } from './lexer';
import type {
  AliasDefinition,
  ArrayAttr,
  AttrNode,
  Block,
  BlockArgument,
  Chunk,
  DenseArrayAttr,
  DictAttr,
  DictEntry,
  Dim,
  FunctionResult,
  FunctionSignature,
  FunctionType,
  Location,
  MemRefType,
  OpaqueAttr,
  Operation,
  ParseError,
  ParseResult,
  Region,
  ResultGroup,
  SymbolLikeLabel,
  SymbolRef,
  TensorType,
  TokenGroup,
  TokenLeaf,
  TokenLeafKind,
  TokenTree,
  TypeNode,
  ValueUse,
} from './syntax';

/** Deeper nesting than this is reported and skipped without recursion (keeps the JS stack safe). */
const MAX_NESTING_DEPTH = 200;
/** Stop recording errors after this many (a binary file would otherwise produce millions). */
const MAX_ERRORS = 1000;

interface ParserState {
  readonly lx: Lexer;
  readonly text: string;
  readonly errors: ParseError[];
  readonly resourceSections: TextRange[];
  depth: number;
  /** Symbols referenced by attributes of the op being parsed. */
  symbolSink: SymbolRef[] | undefined;
  /** Open token-tree delimiters per closer (`)`, `]`, `}`, `>`), for recovery from mismatched closers. */
  readonly openClosers: number[];
  /** Shapes by their dimension-prefix text (`4x4884480x`): the same few hundred shapes recur on every op. */
  readonly shapeCache: Map<string, ShapeInfo>;
  /** End offset of the last scanShape. */
  shapeEnd: number;
  /** An error caused by reaching the end of the chunk was reported. */
  reportedEndOfInput: boolean;
}

interface ShapeInfo {
  readonly shape: readonly Dim[] | undefined;
  readonly shapeText: readonly string[];
}

export interface ParseOptions {
  /**
   * Holds every range of the tree, so that `mlir/incrementalParse.ts` can shift them in place after an edit
   * instead of copying the tree. Only an editor's open document needs it.
   */
  readonly rangeTable?: RangeTable;
}

// The table of the parse in progress (parses never nest).
let rangeTable: RangeTable | undefined;

/** A new range of the tree (in the table of the parse in progress, if any). */
function span(start: number, end: number): TextRange {
  return rangeTable === undefined ? { start, end } : rangeTable.add(start, end);
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  rangeTable = options.rangeTable;
  try {
    return parseText(text);
  } finally {
    rangeTable = undefined;
  }
}

function parseText(text: string): ParseResult {
  const errors: ParseError[] = [];
  const resourceSections: TextRange[] = [];
  const chunks: Chunk[] = [];
  try {
    for (const span of splitChunks(text)) {
      chunks.push(parseChunk(text, span.start, span.end, errors, resourceSections));
    }
  } catch (e) {
    // Last-resort guard: the parser is designed never to get here.
    const message = e instanceof Error ? e.message : String(e);
    errors.push({ message: `internal parser error: ${message}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  return { file: { chunks, resourceSections, range: span(0, text.length) }, errors };
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

function parseChunk(text: string, start: number, end: number, errors: ParseError[], resourceSections: TextRange[]): Chunk {
  const p: ParserState = {
    lx: createLexer(text, start, end),
    text,
    errors,
    resourceSections,
    depth: 0,
    symbolSink: undefined,
    openClosers: [0, 0, 0, 0],
    shapeCache: new Map(),
    shapeEnd: 0,
    reportedEndOfInput: false,
  };
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
    errors.push({ message: `internal parser error: ${message}`, range: { start: p.lx.start, end: p.lx.end }, severity: 'error' });
  }
  return { aliases, operations, range: span(start, end) };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The current token kind (a call, so TypeScript does not narrow it across nextToken). */
function tk(lx: Lexer): Tok {
  return lx.kind;
}

function error(p: ParserState, message: string, range?: TextRange): void {
  if (p.errors.length >= MAX_ERRORS) return;
  // At the end of input every open construct fails at once; the first report says it all.
  if (p.lx.kind === Tok.Eof) {
    if (p.reportedEndOfInput) return;
    p.reportedEndOfInput = true;
  }
  const r = range ?? { start: p.lx.start, end: p.lx.end };
  p.errors.push({
    message: p.errors.length === MAX_ERRORS - 1 ? 'too many syntax errors; further errors are not reported' : message,
    range: r,
    severity: 'error',
  });
}

function describe(p: ParserState): string {
  if (tk(p.lx) === Tok.Eof) return 'end of input';
  const t = p.text.slice(p.lx.start, Math.min(p.lx.end, p.lx.start + 40));
  return `'${t}'`;
}

/** Consumes a token of `kind` or reports `expected <what>`; `what` may be a function so hot paths build no strings. */
function expect(p: ParserState, kind: Tok, what: string | (() => string)): boolean {
  if (tk(p.lx) === kind) {
    nextToken(p.lx);
    return true;
  }
  error(p, `expected ${typeof what === 'string' ? what : what()}, found ${describe(p)}`);
  return false;
}

function text(p: ParserState): string {
  return p.text.slice(p.lx.start, p.lx.end);
}

function isKeyword(p: ParserState, word: string): boolean {
  const lx = p.lx;
  return tk(lx) === Tok.BareId && lx.end - lx.start === word.length && p.text.startsWith(word, lx.start);
}

/** The current token is immediately followed (no whitespace) by `c`. */
function adjacentChar(p: ParserState, c: number): boolean {
  return p.text.charCodeAt(p.lx.end) === c;
}

function tokRange(p: ParserState): TextRange {
  return span(p.lx.start, p.lx.end);
}

function enter(p: ParserState): boolean {
  if (p.depth >= MAX_NESTING_DEPTH) {
    error(p, `nesting deeper than ${MAX_NESTING_DEPTH} levels`);
    skipBalancedIteratively(p);
    return false;
  }
  p.depth++;
  return true;
}

function leave(p: ParserState): void {
  p.depth--;
}

function isOpener(k: Tok): boolean {
  return k === Tok.LParen || k === Tok.LSquare || k === Tok.LBrace || k === Tok.Less;
}

function isCloser(k: Tok): boolean {
  return k === Tok.RParen || k === Tok.RSquare || k === Tok.RBrace || k === Tok.Greater;
}

/** Skips the current token; if it opens a group, skips to its matching close without recursion. */
function skipBalancedIteratively(p: ParserState): void {
  const lx = p.lx;
  if (!isOpener(tk(lx))) {
    if (tk(lx) !== Tok.Eof) nextToken(lx);
    return;
  }
  let depth = 0;
  do {
    if (isOpener(tk(lx))) depth++;
    else if (isCloser(tk(lx))) depth--;
    nextToken(lx);
  } while (depth > 0 && tk(lx) !== Tok.Eof);
}

/** After an error: skip to the next token that starts a line and can start an op, a block, or close a region. */
function resync(p: ParserState): void {
  const lx = p.lx;
  let guard = lx.limit - lx.start + 2;
  while (tk(lx) !== Tok.Eof && guard-- > 0) {
    if (lx.newlineBefore && isStatementStart(tk(lx))) return;
    nextToken(lx);
  }
}

function isStatementStart(k: Tok): boolean {
  return (
    k === Tok.PercentId ||
    k === Tok.String ||
    k === Tok.BareId ||
    k === Tok.RBrace ||
    k === Tok.CaretId ||
    k === Tok.HashId ||
    k === Tok.BangId ||
    k === Tok.FileMetadataBegin
  );
}

function skipResourceSection(p: ParserState): void {
  const lx = p.lx;
  const start = lx.start;
  const close = p.text.indexOf('#-}', lx.end);
  let end: number;
  if (close < 0 || close + 3 > lx.limit) {
    error(p, "unterminated '{-#' resource section", { start, end: lx.end });
    end = lx.limit;
  } else {
    end = close + 3;
  }
  p.resourceSections.push(span(start, end));
  relexFrom(lx, end);
}

// ---------------------------------------------------------------------------------------------
// Aliases

function parseAliasDefinition(p: ParserState): AliasDefinition | undefined {
  const lx = p.lx;
  const isType = tk(lx) === Tok.BangId;
  const name = text(p);
  const nameRange = tokRange(p);
  nextToken(lx);
  if (!expect(p, Tok.Equal, () => `'=' after alias ${name}`)) {
    resync(p);
    return undefined;
  }
  if (isType) {
    const type = parseType(p);
    if (!type) resync(p);
    return { kind: 'typeAlias', name, nameRange, attr: undefined, type, range: span(nameRange.start, lx.prevEnd) };
  }
  const attr = parseAttr(p);
  if (!attr) resync(p);
  return { kind: 'attrAlias', name, nameRange, attr, type: undefined, range: span(nameRange.start, lx.prevEnd) };
}

// ---------------------------------------------------------------------------------------------
// Operations

/** The Operation under construction. */
interface OpDraft {
  kind: 'operation';
  name: string;
  nameRange: TextRange;
  form: 'generic' | 'custom';
  results: ResultGroup[];
  operands: ValueUse[];
  successors: SymbolLikeLabel[];
  properties: DictAttr | undefined;
  attributes: DictAttr | undefined;
  regions: Region[];
  /** Copied from the function type: `slice()` leaves exact-size arrays in the retained tree. */
  operandTypes: readonly TypeNode[];
  resultTypes: readonly TypeNode[];
  symbol: SymbolRef | undefined;
  symbolUses: SymbolRef[];
  location: Location | undefined;
  range: TextRange;
  signature: FunctionSignature | undefined;
  visibility: string | undefined;
}

/** Shared by every op with nothing in a list: the tree of a 100k-op file is mostly retained, so empties add up. */
const EMPTY: readonly never[] = Object.freeze([]);

function orEmpty<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? EMPTY : items;
}

function finishOp(p: ParserState, d: OpDraft): Operation {
  const start = d.range.start;
  // A fresh object literal (not the draft): every op gets the same hidden class, with lists already final.
  return {
    kind: 'operation',
    name: d.name,
    nameRange: d.nameRange,
    form: d.form,
    results: orEmpty(d.results),
    operands: orEmpty(d.operands),
    successors: orEmpty(d.successors),
    properties: d.properties,
    attributes: d.attributes,
    regions: orEmpty(d.regions),
    operandTypes: orEmpty(d.operandTypes),
    resultTypes: orEmpty(d.resultTypes),
    symbol: d.symbol,
    symbolUses: orEmpty(d.symbolUses),
    location: d.location,
    range: span(start, Math.max(start, p.lx.prevEnd)),
    signature: d.signature,
    visibility: d.visibility,
  };
}

/** Custom-form op names MLIR accepts without a dialect prefix (builtin ops, and func ops inside a func.func). */
const UNPREFIXED_OP_NAMES = new Set(['module', 'return', 'call', 'unrealized_conversion_cast']);

/** Parses one op starting at the current token; on a syntax error, returns what was parsed and resyncs. */
function parseOperation(p: ParserState): Operation | undefined {
  const lx = p.lx;
  const start = lx.start;
  if (!enter(p)) return undefined;
  const outerSink = p.symbolSink;
  try {
    const results: ResultGroup[] = [];
    if (tk(lx) === Tok.PercentId) {
      if (!parseResultList(p, results)) {
        resync(p);
        return undefined;
      }
    }
    const d: OpDraft = {
      kind: 'operation',
      name: '',
      nameRange: tokRange(p),
      form: 'custom',
      results,
      operands: [],
      successors: [],
      properties: undefined,
      attributes: undefined,
      regions: [],
      operandTypes: [],
      resultTypes: [],
      symbol: undefined,
      symbolUses: [],
      location: undefined,
      range: span(start, start),
      signature: undefined,
      visibility: undefined,
    };
    p.symbolSink = d.symbolUses;
    let ok: boolean;
    if (tk(lx) === Tok.String) {
      d.form = 'generic';
      d.name = unescapeString(p.text, lx.start, lx.end);
      nextToken(lx);
      ok = parseGenericBody(p, d);
    } else if (tk(lx) === Tok.BareId) {
      d.name = text(p);
      if (!d.name.includes('.') && !UNPREFIXED_OP_NAMES.has(d.name)) {
        // MLIR resolves an undotted custom-form name only for builtin ops and func's return/call; anything else is
        // "custom op 'x' is unknown" (and usually means the file is prose or another language, not MLIR).
        error(p, `custom op '${d.name}' is unknown`);
        nextToken(lx);
        resync(p);
        return undefined;
      }
      nextToken(lx);
      ok = parseCustomBody(p, d);
    } else {
      error(p, `expected an operation, found ${describe(p)}`);
      resync(p);
      return undefined;
    }
    if (ok && isKeyword(p, 'loc') && adjacentOrSpacedParen(p)) d.location = parseLocation(p);
    if (!ok) resync(p);
    else if (tk(lx) !== Tok.Eof && tk(lx) !== Tok.RBrace && !lx.newlineBefore) {
      error(p, `unexpected ${describe(p)} after operation '${d.name}'`);
      resync(p);
    }
    return finishOp(p, d);
  } finally {
    p.symbolSink = outerSink;
    leave(p);
  }
}

function adjacentOrSpacedParen(p: ParserState): boolean {
  let i = p.lx.end;
  while (p.text.charCodeAt(i) === 32) i++;
  return p.text.charCodeAt(i) === 40;
}

/** `%a, %b:2 =` */
function parseResultList(p: ParserState, results: ResultGroup[]): boolean {
  const lx = p.lx;
  let guard = lx.limit;
  while (guard-- > 0) {
    if (tk(lx) !== Tok.PercentId) {
      error(p, `expected a result name, found ${describe(p)}`);
      return false;
    }
    const name = text(p);
    const range = tokRange(p);
    nextToken(lx);
    let count = 1;
    let end = range.end;
    if (tk(lx) === Tok.Colon) {
      nextToken(lx);
      if (tk(lx) !== Tok.Integer) {
        error(p, `expected a result count after ':', found ${describe(p)}`);
        return false;
      }
      count = Number(text(p));
      end = lx.end;
      nextToken(lx);
    }
    results.push({ name, count, range: span(range.start, end) });
    if (tk(lx) === Tok.Comma) {
      nextToken(lx);
      continue;
    }
    return expect(p, Tok.Equal, "'=' after op results");
  }
  return false;
}

function valueUse(p: ParserState): ValueUse {
  const lx = p.lx;
  const t = text(p);
  const hash = t.indexOf('#');
  if (hash < 0) return { name: t, resultIndex: undefined, range: tokRange(p) };
  return { name: t.slice(0, hash), resultIndex: Number(t.slice(hash + 1)), range: span(lx.start, lx.end) };
}

/** `%a, %b` (possibly empty, stops at anything else). */
function parseOperandList(p: ParserState, out: ValueUse[]): void {
  const lx = p.lx;
  let guard = lx.limit;
  while (tk(lx) === Tok.PercentId && guard-- > 0) {
    out.push(valueUse(p));
    nextToken(lx);
    if (tk(lx) !== Tok.Comma) return;
    nextToken(lx);
  }
}

/** After the quoted name: `(operands) [successors] <{props}> (regions) {attrs} : functionType` */
function parseGenericBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (!expect(p, Tok.LParen, "'(' after the op name")) return false;
  parseOperandList(p, d.operands);
  if (!expect(p, Tok.RParen, "')' after operands")) return false;
  if (tk(lx) === Tok.LSquare) {
    nextToken(lx);
    let guard = lx.limit;
    while (tk(lx) === Tok.CaretId && guard-- > 0) {
      d.successors.push({ name: text(p), range: tokRange(p) });
      nextToken(lx);
      if (tk(lx) === Tok.LParen) skipBalancedIteratively(p);
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
    if (!expect(p, Tok.RSquare, "']' after successors")) return false;
  }
  if (tk(lx) === Tok.Less) {
    nextToken(lx);
    if (tk(lx) !== Tok.LBrace) {
      error(p, `expected '{' after '<' of properties, found ${describe(p)}`);
      return false;
    }
    const props = parseDict(p);
    if (!props) return false;
    d.properties = props;
    if (!expect(p, Tok.Greater, "'>' after properties")) return false;
  }
  if (tk(lx) === Tok.LParen) {
    nextToken(lx);
    let guard = lx.limit;
    while (tk(lx) === Tok.LBrace && guard-- > 0) {
      const region = parseRegion(p, undefined);
      if (!region) return false;
      d.regions.push(region);
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
    if (!expect(p, Tok.RParen, "')' after regions")) return false;
  }
  if (tk(lx) === Tok.LBrace) {
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (!expect(p, Tok.Colon, "':' and the op's function type")) return false;
  const type = parseType(p);
  if (!type) return false;
  if (type.kind !== 'function') {
    error(p, `expected a function type '(...) -> ...' for "${d.name}"`, type.range);
    return false;
  }
  d.operandTypes = type.inputs.slice();
  d.resultTypes = type.results.slice();
  return true;
}

const MODULE_NAMES = new Set(['module', 'builtin.module']);
const REGION_ONLY_OPS = new Set(['ttcore.device_module', 'ttcore.cpu_module', 'tt.device_module', 'tt.cpu_module']);

function parseCustomBody(p: ParserState, d: OpDraft): boolean {
  const name = d.name;
  if (MODULE_NAMES.has(name)) {
    d.name = 'builtin.module';
    return parseModuleBody(p, d);
  }
  if (name === 'func.func' || name.endsWith('.func')) return parseFunctionBody(p, d);
  if (name === 'return' || name === 'func.return') {
    d.name = 'func.return';
    return parseReturnBody(p, d);
  }
  if (name === 'call' || name === 'func.call') {
    d.name = 'func.call';
    return parseCallBody(p, d);
  }
  if (REGION_ONLY_OPS.has(name)) return parseRegionOnlyBody(p, d);
  if (name === 'ttcore.device' || name === 'tt.device') return parseDeviceBody(p, d);
  if (name === 'ttcore.load_cached' || name === 'tt.load_cached') return parseLoadCachedBody(p, d);
  return parseUnknownCustomBody(p, d);
}

/** `[@name] [attributes {...}] { region }` */
function parseModuleBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.AtId) {
    d.symbol = { name: text(p), range: tokRange(p) };
    nextToken(lx);
  }
  if (isKeyword(p, 'attributes')) {
    nextToken(lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(lx) !== Tok.LBrace) {
    error(p, `expected '{' to open the module body, found ${describe(p)}`);
    return false;
  }
  const region = parseRegion(p, undefined);
  if (!region) return false;
  d.regions.push(region);
  return true;
}

function parseRegionOnlyBody(p: ParserState, d: OpDraft): boolean {
  if (isKeyword(p, 'attributes')) {
    nextToken(p.lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(p.lx) !== Tok.LBrace) {
    error(p, `expected '{' after '${d.name}', found ${describe(p)}`);
    return false;
  }
  const region = parseRegion(p, undefined);
  if (!region) return false;
  d.regions.push(region);
  return true;
}

/** `[private|public|...] @name(args) [-> results] [attributes {...}] [{ body }]` */
function parseFunctionBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  let guard = 8;
  while (tk(lx) === Tok.BareId && guard-- > 0) {
    // Visibility / linkage keywords: private, public, nested, internal, external, ...
    d.visibility = d.visibility ? `${d.visibility} ${text(p)}` : text(p);
    nextToken(lx);
  }
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the function's @name, found ${describe(p)}`);
    return false;
  }
  d.symbol = { name: text(p), range: tokRange(p) };
  nextToken(lx);
  const sigStart = lx.start;
  if (!expect(p, Tok.LParen, "'(' to open the argument list")) return false;
  const args: BlockArgument[] = [];
  let isDeclarationStyle = false;
  if (tk(lx) !== Tok.RParen) {
    let g = lx.limit;
    while (g-- > 0) {
      if (tk(lx) === Tok.Ellipsis) {
        nextToken(lx);
      } else {
        const argStart = lx.start;
        let name = '';
        let nameRange: TextRange = span(argStart, argStart);
        if (tk(lx) === Tok.PercentId) {
          name = text(p);
          nameRange = tokRange(p);
          nextToken(lx);
          if (!expect(p, Tok.Colon, () => `':' after argument ${name}`)) return false;
        } else {
          isDeclarationStyle = true;
        }
        const type = parseType(p);
        if (!type) return false;
        let attributes: DictAttr | undefined;
        if (tk(lx) === Tok.LBrace) {
          attributes = parseDict(p);
          if (!attributes) return false;
        }
        let location: Location | undefined;
        if (isKeyword(p, 'loc')) location = parseLocation(p);
        args.push({ name, nameRange, type, attributes, location, range: span(argStart, lx.prevEnd) });
      }
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
  }
  if (!expect(p, Tok.RParen, "')' to close the argument list")) return false;
  const results: FunctionResult[] = [];
  if (tk(lx) === Tok.Arrow) {
    nextToken(lx);
    if (tk(lx) === Tok.LParen) {
      nextToken(lx);
      let g = lx.limit;
      while (tk(lx) !== Tok.RParen && g-- > 0) {
        const r = parseFunctionResult(p, { allowAttributes: true });
        if (!r) return false;
        results.push(r);
        if (tk(lx) !== Tok.Comma) break;
        nextToken(lx);
      }
      if (!expect(p, Tok.RParen, "')' to close the result list")) return false;
    } else {
      // A bare result type is never followed by attributes: the `{` is the body.
      const r = parseFunctionResult(p, { allowAttributes: false });
      if (!r) return false;
      results.push(r);
    }
  }
  d.signature = { arguments: args, results, range: span(sigStart, lx.prevEnd) };
  if (isKeyword(p, 'attributes')) {
    nextToken(lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(lx) === Tok.LBrace) {
    const region = parseRegion(p, isDeclarationStyle ? [] : args);
    if (!region) return false;
    d.regions.push(region);
  }
  return true;
}

function parseFunctionResult(p: ParserState, options: { allowAttributes: boolean }): FunctionResult | undefined {
  const start = p.lx.start;
  const type = parseType(p);
  if (!type) return undefined;
  let attributes: DictAttr | undefined;
  if (options.allowAttributes && tk(p.lx) === Tok.LBrace) {
    attributes = parseDict(p);
    if (!attributes) return undefined;
  }
  return { type, attributes, range: span(start, p.lx.prevEnd) };
}

/** `return [%a, %b : T, U]` */
function parseReturnBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.PercentId && !(lx.newlineBefore)) {
    parseOperandList(p, d.operands);
    if (tk(lx) === Tok.Colon) {
      nextToken(lx);
      const types: TypeNode[] = [];
      if (!parseTypeList(p, types)) return false;
      d.operandTypes = types;
    }
  }
  return true;
}

/** `@f(%a) [{attrs}] : (T) -> U` */
function parseCallBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the callee @name, found ${describe(p)}`);
    return false;
  }
  d.symbolUses.push({ name: text(p), range: tokRange(p) });
  nextToken(lx);
  if (!expect(p, Tok.LParen, "'(' after the callee")) return false;
  parseOperandList(p, d.operands);
  if (!expect(p, Tok.RParen, "')' after call operands")) return false;
  return parseAttrsAndFunctionType(p, d);
}

function parseAttrsAndFunctionType(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.LBrace) {
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (!expect(p, Tok.Colon, () => `':' and the function type of '${d.name}'`)) return false;
  const type = parseType(p);
  if (!type) return false;
  if (type.kind === 'function') {
    d.operandTypes = type.inputs.slice();
    d.resultTypes = type.results.slice();
  } else {
    d.resultTypes = [type];
  }
  return true;
}

/** `@default_device = <...>`: the attribute becomes the `device_attr` property (its name in tt-mlir's DeviceOp). */
function parseDeviceBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the device @name, found ${describe(p)}`);
    return false;
  }
  d.symbol = { name: text(p), range: tokRange(p) };
  nextToken(lx);
  if (!expect(p, Tok.Equal, "'=' after the device name")) return false;
  const attrStart = lx.start;
  const attr = parseAttr(p);
  if (!attr) return false;
  const entry: DictEntry = { name: 'device_attr', nameRange: span(attrStart, attrStart), value: attr, range: attr.range };
  d.properties = { kind: 'dict', entries: [entry], range: attr.range };
  if (tk(lx) === Tok.LBrace && !lx.newlineBefore) {
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  return true;
}

/** `(@f, [%a, %b]) : (T) -> (U)` */
function parseLoadCachedBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (!expect(p, Tok.LParen, "'(' after load_cached")) return false;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the callee @name, found ${describe(p)}`);
    return false;
  }
  d.symbolUses.push({ name: text(p), range: tokRange(p) });
  nextToken(lx);
  if (!expect(p, Tok.Comma, "',' after the callee")) return false;
  if (!expect(p, Tok.LSquare, "'[' to open the operand list")) return false;
  parseOperandList(p, d.operands);
  if (!expect(p, Tok.RSquare, "']' to close the operand list")) return false;
  if (!expect(p, Tok.RParen, "')' after load_cached operands")) return false;
  return parseAttrsAndFunctionType(p, d);
}

/**
 * Any other custom-form op (llvm.*, scf.*, ...): its grammar is unknown, so it ends at the first line break that
 * is not inside brackets or after a continuation token. `%x` become operands, `@x` symbol uses, `^bb` successors,
 * `{` followed by a line break (or an op) a region, and a trailing `: (T) -> U` or `: T` the types when they parse.
 */
function parseUnknownCustomBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  let guard = lx.limit - lx.start + 2;
  let prev: Tok = Tok.BareId;
  const definesSymbol = d.name.endsWith('.global');
  while (guard-- > 0) {
    const k = tk(lx);
    if (k === Tok.Eof || k === Tok.RBrace || k === Tok.FileMetadataBegin) break;
    if (lx.newlineBefore && !isContinuation(prev) && !continuesOnNextLine(p)) break;
    if (k === Tok.BareId && isKeyword(p, 'loc') && adjacentOrSpacedParen(p)) break;
    prev = k;
    switch (k) {
      case Tok.PercentId:
        d.operands.push(valueUse(p));
        nextToken(lx);
        break;
      case Tok.AtId: {
        const ref = { name: text(p), range: tokRange(p) };
        if (definesSymbol && !d.symbol) d.symbol = ref;
        else d.symbolUses.push(ref);
        nextToken(lx);
        break;
      }
      case Tok.CaretId:
        d.successors.push({ name: text(p), range: tokRange(p) });
        nextToken(lx);
        break;
      case Tok.LBrace:
        if (looksLikeRegion(p)) {
          const region = parseRegion(p, undefined);
          if (!region) return false;
          d.regions.push(region);
        } else {
          const attrs = parseDict(p);
          if (!attrs) return false;
          if (!d.attributes) d.attributes = attrs;
        }
        prev = Tok.RBrace;
        break;
      case Tok.Colon: {
        nextToken(lx);
        const mark = markLexer(lx);
        const errorCount = p.errors.length;
        const types: TypeNode[] = [];
        if (parseTypeList(p, types) && (lx.newlineBefore || tk(lx) === Tok.Eof || isKeyword(p, 'loc'))) {
          if (types.length === 1 && types[0].kind === 'function') {
            d.operandTypes = types[0].inputs.slice();
            d.resultTypes = types[0].results.slice();
          } else {
            d.resultTypes = types;
          }
          prev = Tok.Greater;
        } else {
          // Not a plain type list (e.g. `!llvm.ptr to i64`): keep scanning token by token.
          p.errors.length = errorCount;
          resetLexer(lx, mark);
          prev = Tok.Colon;
        }
        break;
      }
      default:
        if (isOpener(k)) {
          const group = parseGroup(p);
          if (group) collectTreeRefs(group, d);
          prev = Tok.RParen;
        } else {
          nextToken(lx);
        }
        break;
    }
  }
  return true;
}

/**
 * A line that cannot start an op continues the previous one: `: T`, `-> T`, or an undotted keyword group such as
 * `ins(...)` / `outs(...)` (tt-mlir prints `ttnn.d2m_subgraph @f` with `ins(`/`outs(` on the following lines).
 */
function continuesOnNextLine(p: ParserState): boolean {
  const lx = p.lx;
  const k = tk(lx);
  if (k === Tok.Colon || k === Tok.Arrow) return true;
  if (k !== Tok.BareId || !adjacentChar(p, 40)) return false;
  for (let i = lx.start; i < lx.end; i++) if (p.text.charCodeAt(i) === 46) return false;
  return !isKeyword(p, 'return') && !isKeyword(p, 'call') && !isKeyword(p, 'module') && !isKeyword(p, 'loc');
}

function isContinuation(k: Tok): boolean {
  return k === Tok.Comma || k === Tok.Colon || k === Tok.Equal || k === Tok.Arrow;
}

/** After `{`: a region if a line break or an op-like token follows; otherwise an attribute dictionary. */
function looksLikeRegion(p: ParserState): boolean {
  const lx = p.lx;
  const mark = markLexer(lx);
  nextToken(lx);
  const k = tk(lx);
  const region =
    lx.newlineBefore || k === Tok.PercentId || k === Tok.CaretId || (k === Tok.String && p.text.charCodeAt(lx.end) === 40);
  resetLexer(lx, mark);
  return region && k !== Tok.RBrace;
}

function collectTreeRefs(tree: TokenTree, d: OpDraft): void {
  // Iterative walk: token trees can be deep.
  const stack: TokenTree[] = [tree];
  let guard = 1 << 22;
  while (stack.length > 0 && guard-- > 0) {
    const t = stack.pop() as TokenTree;
    if (t.kind === 'group') {
      for (let i = t.children.length - 1; i >= 0; i--) stack.push(t.children[i]);
    } else if (t.leafKind === 'percentIdent') {
      const hash = t.text.indexOf('#');
      d.operands.push(
        hash < 0
          ? { name: t.text, resultIndex: undefined, range: t.range }
          : { name: t.text.slice(0, hash), resultIndex: Number(t.text.slice(hash + 1)), range: t.range },
      );
    } else if (t.leafKind === 'atIdent') {
      d.symbolUses.push({ name: t.text, range: t.range });
    } else if (t.leafKind === 'caretIdent') {
      d.successors.push({ name: t.text, range: t.range });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Regions and blocks

/** `{ [^bb0(args):] ops ... }`; `entryArguments` are the function's arguments for an unlabeled entry block. */
function parseRegion(p: ParserState, entryArguments: readonly BlockArgument[] | undefined): Region | undefined {
  const lx = p.lx;
  const start = lx.start;
  if (!enter(p)) return undefined;
  try {
    nextToken(lx); // '{'
    const blocks: Block[] = [];
    let guard = lx.limit - lx.start + 2;
    let first = true;
    while (tk(lx) !== Tok.RBrace && tk(lx) !== Tok.Eof && guard-- > 0) {
      const before = lx.start;
      if (tk(lx) === Tok.CaretId) {
        blocks.push(parseBlock(p, undefined));
      } else if (first) {
        blocks.push(parseBlock(p, entryArguments ?? []));
      } else {
        // Unreachable in practice: parseBlock stops only at '}', '^' or end of input.
        nextToken(lx);
      }
      first = false;
      if (lx.start === before && tk(lx) !== Tok.Eof) nextToken(lx);
    }
    if (blocks.length === 0 && entryArguments && entryArguments.length > 0) {
      blocks.push({ label: undefined, arguments: entryArguments, operations: [], range: span(lx.start, lx.start) });
    }
    if (tk(lx) !== Tok.RBrace) {
      error(p, "expected '}' to close the region", { start, end: start + 1 });
      return { blocks, range: span(start, lx.prevEnd) };
    }
    nextToken(lx);
    return { blocks, range: span(start, lx.prevEnd) };
  } finally {
    leave(p);
  }
}

function parseBlock(p: ParserState, entryArguments: readonly BlockArgument[] | undefined): Block {
  const lx = p.lx;
  const start = lx.start;
  let label: SymbolLikeLabel | undefined;
  let args: readonly BlockArgument[] = entryArguments ?? [];
  if (entryArguments === undefined) {
    label = { name: text(p), range: tokRange(p) };
    nextToken(lx);
    const parsed: BlockArgument[] = [];
    if (tk(lx) === Tok.LParen) {
      nextToken(lx);
      let g = lx.limit;
      while (tk(lx) === Tok.PercentId && g-- > 0) {
        const argStart = lx.start;
        const name = text(p);
        const nameRange = tokRange(p);
        nextToken(lx);
        let type: TypeNode | undefined;
        if (expect(p, Tok.Colon, () => `':' after block argument ${name}`)) type = parseType(p);
        let location: Location | undefined;
        if (isKeyword(p, 'loc')) location = parseLocation(p);
        parsed.push({ name, nameRange, type, attributes: undefined, location, range: span(argStart, lx.prevEnd) });
        if (tk(lx) !== Tok.Comma) break;
        nextToken(lx);
      }
      expect(p, Tok.RParen, "')' after block arguments");
    }
    args = parsed;
    const labelName = label.name;
    if (!expect(p, Tok.Colon, () => `':' after block label ${labelName}`)) resync(p);
  }
  const operations: Operation[] = [];
  let guard = lx.limit - lx.start + 2;
  while (tk(lx) !== Tok.RBrace && tk(lx) !== Tok.CaretId && tk(lx) !== Tok.Eof && guard-- > 0) {
    const before = lx.start;
    if (tk(lx) === Tok.FileMetadataBegin) {
      skipResourceSection(p);
      continue;
    }
    const op = parseOperation(p);
    if (op) operations.push(op);
    if (lx.start === before && tk(lx) !== Tok.Eof) {
      nextToken(lx);
      resync(p);
    }
  }
  const blockStart = label ? start : operations.length > 0 ? operations[0].range.start : start;
  const end = operations.length > 0 ? operations[operations.length - 1].range.end : label ? lx.prevEnd : start;
  return { label, arguments: args, operations, range: span(blockStart, Math.max(blockStart, end)) };
}

// ---------------------------------------------------------------------------------------------
// Types

function parseTypeList(p: ParserState, out: TypeNode[]): boolean {
  const lx = p.lx;
  let guard = lx.limit;
  while (guard-- > 0) {
    const t = parseType(p);
    if (!t) return false;
    out.push(t);
    if (tk(lx) !== Tok.Comma) return true;
    nextToken(lx);
  }
  return false;
}

export function isBuiltinScalarName(name: string): boolean {
  switch (name) {
    case 'bf16':
    case 'f16':
    case 'f32':
    case 'f64':
    case 'f80':
    case 'f128':
    case 'tf32':
    case 'index':
    case 'none':
      return true;
  }
  const c0 = name.charCodeAt(0);
  if (c0 === 102 /* f */ && name.length > 2 && (name.startsWith('f8') || name.startsWith('f6') || name.startsWith('f4'))) return true;
  let digitsFrom = -1;
  if (c0 === 105 /* i */) digitsFrom = 1;
  else if ((c0 === 115 /* s */ || c0 === 117) /* u */ && name.charCodeAt(1) === 105) digitsFrom = 2;
  if (digitsFrom < 0 || name.length <= digitsFrom) return false;
  for (let i = digitsFrom; i < name.length; i++) if (!isDigit(name.charCodeAt(i))) return false;
  return true;
}

function parseType(p: ParserState): TypeNode | undefined {
  const lx = p.lx;
  if (!enter(p)) return undefined;
  try {
    const start = lx.start;
    switch (tk(lx)) {
      case Tok.BareId: {
        const name = text(p);
        if ((name === 'tensor' || name === 'memref') && adjacentChar(p, 60)) return parseShapedType(p, name);
        if (isBuiltinScalarName(name)) {
          nextToken(lx);
          return { kind: 'scalar', name, range: span(start, lx.prevEnd) };
        }
        nextToken(lx);
        let body: TokenGroup | undefined;
        if (tk(lx) === Tok.Less && lx.start === lx.prevEnd) {
          body = parseGroup(p);
          if (!body) return undefined;
        }
        return { kind: 'otherType', name, body, range: span(start, lx.prevEnd) };
      }
      case Tok.BangId: {
        const full = text(p);
        const name = full.slice(1);
        const hasBody = adjacentChar(p, 60);
        nextToken(lx);
        if (!hasBody && name.indexOf('.') < 0) return { kind: 'typeAlias', name: full, range: span(start, lx.prevEnd) };
        let body: TokenGroup | undefined;
        if (hasBody) {
          body = parseGroup(p);
          if (!body) return undefined;
        }
        return { kind: 'dialectType', name, body, range: span(start, lx.prevEnd) };
      }
      case Tok.LParen:
        return parseFunctionType(p);
      default:
        error(p, `expected a type, found ${describe(p)}`);
        return undefined;
    }
  } finally {
    leave(p);
  }
}

/** `(T, U) -> V` or `(T) -> (U, V)` */
function parseFunctionType(p: ParserState): FunctionType | undefined {
  const lx = p.lx;
  const start = lx.start;
  nextToken(lx); // '('
  const inputs: TypeNode[] = [];
  if (tk(lx) !== Tok.RParen && !parseTypeList(p, inputs)) return undefined;
  if (!expect(p, Tok.RParen, "')' after function input types")) return undefined;
  if (!expect(p, Tok.Arrow, "'->' in function type")) return undefined;
  const results: TypeNode[] = [];
  if (tk(lx) === Tok.LParen) {
    // `(U, V)` result list, or a single function-typed result `((T) -> U)`: MLIR prints results parenthesized when
    // there are several or one function type; a parenthesized list is what every dump has.
    nextToken(lx);
    if (tk(lx) !== Tok.RParen && !parseTypeList(p, results)) return undefined;
    if (!expect(p, Tok.RParen, "')' after function result types")) return undefined;
  } else {
    const t = parseType(p);
    if (!t) return undefined;
    results.push(t);
  }
  return { kind: 'function', inputs, results, range: span(start, lx.prevEnd) };
}

/** Scans `4x?x768x` from `from`; returns the shape (cached by its text) and sets `p.shapeEnd` after the last `x`. */
function scanShape(p: ParserState, from: number): ShapeInfo {
  const text = p.text;
  const limit = p.lx.limit;
  let i = from;
  let guard = limit - i + 1;
  while (i < limit && guard-- > 0) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < limit && isDigit(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 120 /* x */) break;
      i = j + 1;
    } else if ((c === 63 /* ? */ || c === 42) /* * */ && text.charCodeAt(i + 1) === 120) {
      i += 2;
    } else {
      break;
    }
  }
  p.shapeEnd = i;
  if (i === from) return RANK0_SHAPE;
  const key = text.slice(from, i);
  let shape = p.shapeCache.get(key);
  if (!shape) {
    shape = parseShapeText(key);
    p.shapeCache.set(key, shape);
  }
  return shape;
}

const RANK0_SHAPE: ShapeInfo = { shape: EMPTY, shapeText: EMPTY };

/** `4x?x768x` -> dims; `*x` makes the shape unranked. */
function parseShapeText(dimsText: string): ShapeInfo {
  const parts = dimsText.split('x');
  parts.pop(); // after the trailing x
  let shape: Dim[] | undefined = [];
  const shapeText: string[] = [];
  for (const part of parts) {
    if (part === '*') {
      shape = undefined;
    } else if (part === '?') {
      shapeText.push('?');
      shape?.push(null);
    } else {
      shapeText.push(part);
      shape?.push(Number(part));
    }
  }
  return { shape, shapeText };
}

/**
 * `tensor<1x768x4x60x106xbf16, #enc>` / `memref<1x152640x!ttcore.tile<32x32, bf16>, #dram>`: the dimension prefix is
 * scanned character by character (the lexer cannot know where `...x` ends and the element type begins).
 */
function parseShapedType(p: ParserState, name: 'tensor' | 'memref'): TensorType | MemRefType | undefined {
  const lx = p.lx;
  const text = p.text;
  const start = lx.start;
  nextToken(lx); // now at '<'
  let i = lx.end;
  const limit = lx.limit;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  const { shape, shapeText } = scanShape(p, i);
  relexFrom(lx, p.shapeEnd);
  const elementType = parseType(p);
  if (!elementType) return undefined;
  // Up to two trailing attributes, held in locals (no array per type).
  let first: AttrNode | undefined;
  let second: AttrNode | undefined;
  let g = 4;
  while (tk(lx) === Tok.Comma && g-- > 0) {
    nextToken(lx);
    const a = parseAttr(p);
    if (!a) return undefined;
    if (!first) first = a;
    else if (!second) second = a;
    else error(p, `${name} type takes at most two trailing attributes`, a.range);
  }
  if (!expect(p, Tok.Greater, "'>' to close the shaped type")) return undefined;
  const range = span(start, lx.prevEnd);
  if (name === 'tensor') {
    if (second) error(p, 'tensor type takes at most one encoding attribute', second.range);
    return { kind: 'tensor', shape, shapeText, elementType, encoding: first, range };
  }
  let layout: AttrNode | undefined;
  let memorySpace: AttrNode | undefined;
  if (second) {
    layout = first;
    memorySpace = second;
  } else if (first) {
    if (first.kind === 'opaque' && (first.keyword === 'affine_map' || first.keyword === 'strided' || first.keyword === '')) layout = first;
    else memorySpace = first;
  }
  return { kind: 'memref', shape, shapeText, elementType, layout, memorySpace, range };
}

// ---------------------------------------------------------------------------------------------
// Attributes

function parseAttr(p: ParserState): AttrNode | undefined {
  if (!enter(p)) return undefined;
  try {
    return parseAttrInner(p);
  } finally {
    leave(p);
  }
}

function parseAttrInner(p: ParserState): AttrNode | undefined {
  const lx = p.lx;
  const start = lx.start;
  switch (tk(lx)) {
    case Tok.HashId: {
      const full = text(p);
      const name = full.slice(1);
      const hasBody = adjacentChar(p, 60);
      nextToken(lx);
      if (!hasBody && name.indexOf('.') < 0) return { kind: 'attrAlias', name: full, range: span(start, lx.prevEnd) };
      let body: TokenGroup | undefined;
      if (hasBody) {
        body = parseGroup(p);
        if (!body) return undefined;
      }
      return { kind: 'dialectAttr', name, body, range: span(start, lx.prevEnd) };
    }
    case Tok.BangId:
    case Tok.LParen:
      if (tk(lx) === Tok.LParen && looksLikeAffineMap(p)) return parseAffineMapAttr(p);
      return typeAttr(p);
    case Tok.String: {
      const value = unescapeString(p.text, lx.start, lx.end);
      nextToken(lx);
      const type = parseOptionalColonType(p);
      if (type === null) return undefined;
      return { kind: 'string', value, type, range: span(start, lx.prevEnd) };
    }
    case Tok.Integer:
    case Tok.Float:
    case Tok.Minus:
    case Tok.DimList:
      return parseNumberAttr(p);
    case Tok.LSquare: {
      nextToken(lx);
      const elements: AttrNode[] = [];
      let guard = lx.limit;
      while (tk(lx) !== Tok.RSquare && guard-- > 0) {
        const e = parseAttr(p);
        if (!e) return undefined;
        elements.push(e);
        if (tk(lx) !== Tok.Comma) break;
        nextToken(lx);
      }
      if (!expect(p, Tok.RSquare, "']' to close the array")) return undefined;
      const arr: ArrayAttr = { kind: 'array', elements, range: span(start, lx.prevEnd) };
      return arr;
    }
    case Tok.LBrace:
      return parseDict(p);
    case Tok.Less: {
      const g = parseGroup(p);
      if (!g) return undefined;
      return { kind: 'opaque', keyword: '', tokens: [g], range: g.range };
    }
    case Tok.AtId: {
      const tokens: TokenTree[] = [leafOf(p)];
      pushSymbol(p);
      nextToken(lx);
      let guard = 64;
      // Nested references `@a::@b`.
      while (tk(lx) === Tok.Colon && p.text.charCodeAt(lx.end) === 58 && guard-- > 0) {
        tokens.push(leafOf(p));
        nextToken(lx);
        tokens.push(leafOf(p));
        nextToken(lx);
        if (tk(lx) !== Tok.AtId) {
          error(p, `expected a nested @symbol after '::', found ${describe(p)}`);
          return undefined;
        }
        tokens.push(leafOf(p));
        pushSymbol(p);
        nextToken(lx);
      }
      return { kind: 'opaque', keyword: '', tokens, range: span(start, lx.prevEnd) };
    }
    case Tok.BareId:
      return parseKeywordAttr(p);
    default:
      error(p, `expected an attribute, found ${describe(p)}`);
      return undefined;
  }
}

function pushSymbol(p: ParserState): void {
  p.symbolSink?.push({ name: text(p), range: tokRange(p) });
}

function typeAttr(p: ParserState): AttrNode | undefined {
  const type = parseType(p);
  if (!type) return undefined;
  return { kind: 'typeAttr', type, range: type.range };
}

/** `(d0, d1) -> ...` or `(d0)[s0] -> ...` versus a function type `(i32) -> i32`. */
function looksLikeAffineMap(p: ParserState): boolean {
  const lx = p.lx;
  const mark = markLexer(lx);
  nextToken(lx);
  let affine: boolean;
  if (tk(lx) === Tok.RParen) {
    nextToken(lx);
    affine = tk(lx) === Tok.LSquare;
  } else if (tk(lx) === Tok.BareId) {
    const t = text(p);
    affine = !isBuiltinScalarName(t) && t !== 'tensor' && t !== 'memref' && t !== 'vector' && t !== 'complex' && t !== 'tuple';
  } else {
    affine = tk(lx) === Tok.Integer;
  }
  resetLexer(lx, mark);
  return affine;
}

function parseAffineMapAttr(p: ParserState): OpaqueAttr | undefined {
  const lx = p.lx;
  const start = lx.start;
  const tokens: TokenTree[] = [];
  const dims = parseGroup(p);
  if (!dims) return undefined;
  tokens.push(dims);
  if (tk(lx) === Tok.LSquare) {
    const syms = parseGroup(p);
    if (!syms) return undefined;
    tokens.push(syms);
  }
  if (tk(lx) === Tok.Arrow) {
    tokens.push(leafOf(p));
    nextToken(lx);
    if (tk(lx) === Tok.LParen) {
      const res = parseGroup(p);
      if (!res) return undefined;
      tokens.push(res);
    } else {
      error(p, `expected '(' for the affine map results, found ${describe(p)}`);
      return undefined;
    }
  } else if (!isKeyword(p, 'domain') && tk(lx) !== Tok.Colon) {
    error(p, `expected '->' in affine map, found ${describe(p)}`);
    return undefined;
  }
  return { kind: 'opaque', keyword: '', tokens, range: span(start, lx.prevEnd) };
}

/** `: T` after a literal; returns undefined when absent and null on a syntax error. */
function parseOptionalColonType(p: ParserState): TypeNode | undefined | null {
  if (tk(p.lx) !== Tok.Colon) return undefined;
  nextToken(p.lx);
  const t = parseType(p);
  return t ?? null;
}

function parseNumberAttr(p: ParserState): AttrNode | undefined {
  const lx = p.lx;
  const start = lx.start;
  let negative = false;
  if (tk(lx) === Tok.Minus) {
    negative = true;
    nextToken(lx);
  }
  let literal = text(p);
  let kind: 'integer' | 'float';
  if (tk(lx) === Tok.Integer) {
    kind = 'integer';
  } else if (tk(lx) === Tok.Float) {
    kind = 'float';
  } else if (tk(lx) === Tok.DimList && /^0x[0-9]+$/.test(literal)) {
    // `0x100` lexes as a dimension list; where a number is expected it is hex.
    kind = 'integer';
  } else if (tk(lx) === Tok.DimList && !negative) {
    const leaf = leafOf(p);
    nextToken(lx);
    return { kind: 'opaque', keyword: '', tokens: [leaf], range: leaf.range };
  } else if (isKeyword(p, 'inf') || isKeyword(p, 'nan')) {
    kind = 'float';
  } else {
    error(p, `expected a number after '-', found ${describe(p)}`);
    return undefined;
  }
  nextToken(lx);
  if (negative) literal = `-${literal}`;
  const value = literal.endsWith('inf') ? (negative ? -Infinity : Infinity) : Number(literal);
  const type = parseOptionalColonType(p);
  if (type === null) return undefined;
  const range = span(start, lx.prevEnd);
  return kind === 'integer'
    ? { kind: 'integer', text: literal, value, type, range }
    : { kind: 'float', text: literal, value, type, range };
}

function parseKeywordAttr(p: ParserState): AttrNode | undefined {
  const lx = p.lx;
  const start = lx.start;
  const word = text(p);
  switch (word) {
    case 'true':
    case 'false':
      nextToken(lx);
      return { kind: 'bool', value: word === 'true', range: span(start, lx.prevEnd) };
    case 'unit':
      nextToken(lx);
      return { kind: 'unit', range: span(start, lx.prevEnd) };
    case 'loc':
      if (adjacentOrSpacedParen(p)) {
        const loc = parseLocation(p);
        if (!loc) return undefined;
        return { kind: 'loc', loc, range: span(start, lx.prevEnd) };
      }
      break;
    case 'array':
      if (adjacentChar(p, 60)) return parseDenseArray(p);
      break;
    case 'inf':
    case 'nan':
      return parseNumberAttr(p);
    case 'tensor':
    case 'memref':
    case 'vector':
    case 'complex':
    case 'tuple':
      return typeAttr(p);
  }
  if (isBuiltinScalarName(word)) return typeAttr(p);
  const tokens: TokenTree[] = [leafOf(p)];
  const keyword = word;
  nextToken(lx);
  let guard = 4;
  // `dense<...>`, `distinct[0]<...>`, `strided<[1], offset: 0>`, `affine_map<...>`, unknown `keyword<...>`.
  while ((tk(lx) === Tok.Less || tk(lx) === Tok.LSquare) && lx.start === lx.prevEnd && guard-- > 0) {
    const g = parseGroup(p);
    if (!g) return undefined;
    tokens.push(g);
  }
  if (keyword === 'dense' || keyword === 'dense_resource' || keyword === 'sparse') {
    const type = parseOptionalColonType(p);
    if (type === null) return undefined;
    if (type) return { kind: 'opaque', keyword, tokens, type, range: span(start, lx.prevEnd) };
  }
  return { kind: 'opaque', keyword, tokens, range: span(start, lx.prevEnd) };
}

/** `array<i32: 1, 0, 0>` / `array<i64>` */
function parseDenseArray(p: ParserState): DenseArrayAttr | undefined {
  const lx = p.lx;
  const start = lx.start;
  nextToken(lx); // array
  nextToken(lx); // <
  const elementType = parseType(p);
  if (!elementType) return undefined;
  const elementTexts: string[] = [];
  if (tk(lx) === Tok.Colon) {
    nextToken(lx);
    let guard = lx.limit;
    while (tk(lx) !== Tok.Greater && guard-- > 0) {
      const elemStart = lx.start;
      if (tk(lx) === Tok.Minus) nextToken(lx);
      if (tk(lx) !== Tok.Integer && tk(lx) !== Tok.Float && tk(lx) !== Tok.BareId) {
        error(p, `expected an array element, found ${describe(p)}`);
        return undefined;
      }
      elementTexts.push(p.text.slice(elemStart, lx.end));
      nextToken(lx);
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
  }
  if (!expect(p, Tok.Greater, "'>' to close array<...>")) return undefined;
  return { kind: 'denseArray', elementType, elementTexts, range: span(start, lx.prevEnd) };
}

/** `{a = 1, b, "c" = 2}`; the current token is `{`. */
function parseDict(p: ParserState): DictAttr | undefined {
  const lx = p.lx;
  const start = lx.start;
  if (!enter(p)) return undefined;
  try {
    nextToken(lx); // '{'
    const entries: DictEntry[] = [];
    let guard = lx.limit;
    while (tk(lx) !== Tok.RBrace && guard-- > 0) {
      let name: string;
      if (tk(lx) === Tok.BareId) name = text(p);
      else if (tk(lx) === Tok.String) name = unescapeString(p.text, lx.start, lx.end);
      else {
        error(p, `expected an attribute name, found ${describe(p)}`);
        return undefined;
      }
      const nameRange = tokRange(p);
      nextToken(lx);
      let value: AttrNode;
      if (tk(lx) === Tok.Equal) {
        nextToken(lx);
        const v = parseAttr(p);
        if (!v) return undefined;
        value = v;
      } else {
        value = { kind: 'unit', range: nameRange };
      }
      entries.push({ name, nameRange, value, range: span(nameRange.start, lx.prevEnd) });
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
    if (!expect(p, Tok.RBrace, "'}' to close the attribute dictionary")) return undefined;
    return { kind: 'dict', entries, range: span(start, lx.prevEnd) };
  } finally {
    leave(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Locations

/** `loc(...)`; the current token is `loc`. Returns undefined (after reporting) on a malformed location. */
function parseLocation(p: ParserState): Location | undefined {
  const lx = p.lx;
  nextToken(lx); // loc
  if (!expect(p, Tok.LParen, "'(' after loc")) return undefined;
  const loc = parseLocationInner(p);
  if (!loc) {
    skipToCloseParen(p);
    return undefined;
  }
  if (!expect(p, Tok.RParen, "')' to close loc(...)")) {
    skipToCloseParen(p);
    return undefined;
  }
  return loc;
}

/** Recovery inside `loc(...)`: skip to the `)` that closes it, staying on the current line. */
function skipToCloseParen(p: ParserState): void {
  const lx = p.lx;
  let depth = 0;
  let guard = lx.limit;
  while (tk(lx) !== Tok.Eof && guard-- > 0) {
    if (lx.newlineBefore && depth === 0 && isStatementStart(tk(lx))) return;
    if (tk(lx) === Tok.LParen) depth++;
    else if (tk(lx) === Tok.RParen) {
      if (depth === 0) {
        nextToken(lx);
        return;
      }
      depth--;
    }
    nextToken(lx);
  }
}

function parseLocationInner(p: ParserState): Location | undefined {
  if (!enter(p)) return undefined;
  try {
    const lx = p.lx;
    const start = lx.start;
    switch (tk(lx)) {
      case Tok.HashId: {
        const name = text(p);
        nextToken(lx);
        return { kind: 'aliasRef', name, range: span(start, lx.prevEnd) };
      }
      case Tok.String: {
        const name = unescapeString(p.text, lx.start, lx.end);
        nextToken(lx);
        if (tk(lx) === Tok.Colon) {
          nextToken(lx);
          if (tk(lx) !== Tok.Integer) {
            error(p, `expected a line number, found ${describe(p)}`);
            return undefined;
          }
          const line = Number(text(p));
          nextToken(lx);
          let column = 0;
          if (tk(lx) === Tok.Colon) {
            nextToken(lx);
            if (tk(lx) !== Tok.Integer) {
              error(p, `expected a column number, found ${describe(p)}`);
              return undefined;
            }
            column = Number(text(p));
            nextToken(lx);
          }
          // Newer MLIR file ranges: `"f":1:2 to 3:4` / `to :4`.
          if (isKeyword(p, 'to')) {
            nextToken(lx);
            let g = 4;
            while ((tk(lx) === Tok.Integer || tk(lx) === Tok.Colon) && g-- > 0) nextToken(lx);
          }
          return { kind: 'fileLineCol', file: name, line, column, range: span(start, lx.prevEnd) };
        }
        let child: Location | undefined;
        if (tk(lx) === Tok.LParen) {
          nextToken(lx);
          child = parseLocationInner(p);
          if (!child) return undefined;
          if (!expect(p, Tok.RParen, "')' after the child location")) return undefined;
        }
        return { kind: 'name', name, child, range: span(start, lx.prevEnd) };
      }
      case Tok.BareId: {
        const word = text(p);
        if (word === 'unknown') {
          nextToken(lx);
          return { kind: 'unknown', range: span(start, lx.prevEnd) };
        }
        if (word === 'fused') {
          nextToken(lx);
          if (tk(lx) === Tok.Less) {
            const meta = parseGroup(p);
            if (!meta) return undefined;
          }
          if (!expect(p, Tok.LSquare, "'[' after fused")) return undefined;
          const locations: Location[] = [];
          let guard = lx.limit;
          while (tk(lx) !== Tok.RSquare && guard-- > 0) {
            const l = parseLocationInner(p);
            if (!l) return undefined;
            locations.push(l);
            if (tk(lx) !== Tok.Comma) break;
            nextToken(lx);
          }
          if (!expect(p, Tok.RSquare, "']' to close fused[...]")) return undefined;
          return { kind: 'fused', locations, range: span(start, lx.prevEnd) };
        }
        if (word === 'callsite') {
          nextToken(lx);
          if (!expect(p, Tok.LParen, "'(' after callsite")) return undefined;
          const callee = parseLocationInner(p);
          if (!callee) return undefined;
          if (!isKeyword(p, 'at')) {
            error(p, `expected 'at' in callsite(...), found ${describe(p)}`);
            return undefined;
          }
          nextToken(lx);
          const caller = parseLocationInner(p);
          if (!caller) return undefined;
          if (!expect(p, Tok.RParen, "')' to close callsite(...)")) return undefined;
          return { kind: 'callsite', callee, caller, range: span(start, lx.prevEnd) };
        }
        break;
      }
    }
    error(p, `expected a location, found ${describe(p)}`);
    return undefined;
  } finally {
    leave(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Token trees

const CLOSER_INDEX: Partial<Record<Tok, number>> = { [Tok.RParen]: 0, [Tok.RSquare]: 1, [Tok.RBrace]: 2, [Tok.Greater]: 3 };

function closerFor(open: Tok): Tok {
  switch (open) {
    case Tok.LParen:
      return Tok.RParen;
    case Tok.LSquare:
      return Tok.RSquare;
    case Tok.LBrace:
      return Tok.RBrace;
    default:
      return Tok.Greater;
  }
}

function openChar(open: Tok): '<' | '(' | '[' | '{' {
  switch (open) {
    case Tok.LParen:
      return '(';
    case Tok.LSquare:
      return '[';
    case Tok.LBrace:
      return '{';
    default:
      return '<';
  }
}

function leafKindOf(k: Tok): TokenLeafKind {
  switch (k) {
    case Tok.BareId:
      return 'ident';
    case Tok.Integer:
      return 'integer';
    case Tok.Float:
      return 'float';
    case Tok.String:
      return 'string';
    case Tok.HashId:
      return 'hashIdent';
    case Tok.BangId:
      return 'bangIdent';
    case Tok.PercentId:
      return 'percentIdent';
    case Tok.AtId:
      return 'atIdent';
    case Tok.CaretId:
      return 'caretIdent';
    case Tok.DimList:
      return 'dimensionList';
    default:
      return 'punct';
  }
}

function leafOf(p: ParserState): TokenLeaf {
  const lx = p.lx;
  const leafKind = leafKindOf(tk(lx));
  const t = text(p);
  if (leafKind === 'string') {
    return { kind: 'leaf', leafKind, text: t, value: unescapeString(p.text, lx.start, lx.end), range: tokRange(p) };
  }
  return { kind: 'leaf', leafKind, text: t, range: tokRange(p) };
}

/** A balanced group starting at the current opener token. */
function parseGroup(p: ParserState): TokenGroup | undefined {
  const lx = p.lx;
  if (!enter(p)) return undefined;
  const open = tk(lx);
  const close = closerFor(open);
  const closeIndex = CLOSER_INDEX[close] as number;
  const start = lx.start;
  p.openClosers[closeIndex]++;
  try {
    nextToken(lx);
    const children: TokenTree[] = [];
    let guard = lx.limit - lx.start + 2;
    while (guard-- > 0) {
      const k = tk(lx);
      if (k === close) {
        nextToken(lx);
        return { kind: 'group', open: openChar(open), children, range: span(start, lx.prevEnd) };
      }
      if (k === Tok.Eof || k === Tok.FileMetadataBegin) {
        error(p, `unterminated '${openChar(open)}'`, { start, end: start + 1 });
        return { kind: 'group', open: openChar(open), children, range: span(start, lx.prevEnd) };
      }
      if (isOpener(k)) {
        const g = parseGroup(p);
        if (g) children.push(g);
        continue;
      }
      if (isCloser(k)) {
        const idx = CLOSER_INDEX[k] as number;
        if (p.openClosers[idx] > 0) {
          // Closes an enclosing group: this one is missing its closer.
          error(p, `expected '${p.text.charAt(start) === '<' ? '>' : closeCharOf(close)}' before ${describe(p)}`);
          return { kind: 'group', open: openChar(open), children, range: span(start, lx.prevEnd) };
        }
        error(p, `unbalanced ${describe(p)}`);
        children.push(leafOf(p));
        nextToken(lx);
        continue;
      }
      if (k === Tok.Error) error(p, `unexpected character ${describe(p)}`);
      if (k === Tok.Minus && canMergeSign(lx, children)) {
        const minusStart = lx.start;
        nextToken(lx);
        const numberText = p.text.slice(minusStart, lx.end);
        children.push({ kind: 'leaf', leafKind: leafKindOf(tk(lx)), text: numberText, range: span(minusStart, lx.end) });
        nextToken(lx);
        continue;
      }
      children.push(leafOf(p));
      nextToken(lx);
    }
    error(p, `unterminated '${openChar(open)}'`, { start, end: start + 1 });
    return { kind: 'group', open: openChar(open), children, range: span(start, lx.prevEnd) };
  } finally {
    p.openClosers[closeIndex]--;
    leave(p);
  }
}

function closeCharOf(close: Tok): string {
  switch (close) {
    case Tok.RParen:
      return ')';
    case Tok.RSquare:
      return ']';
    case Tok.RBrace:
      return '}';
    default:
      return '>';
  }
}

/** `-3` as one integer leaf when the minus is a sign (directly before the number, not after an operand). */
function canMergeSign(lx: Lexer, children: readonly TokenTree[]): boolean {
  const c = lx.text.charCodeAt(lx.end);
  if (!isDigit(c)) return false;
  const last = children[children.length - 1];
  if (!last) return true;
  return last.kind === 'leaf' && last.leafKind === 'punct' && last.text !== ')';
}

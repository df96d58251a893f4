/**
 * The state of one parse (LLVM's ParserState): the lexer, the errors, the range table, the nesting depth and the
 * caches the sub-parsers share, plus the token helpers every sub-parser uses. No module-level state: parses are
 * independent and may nest (a quick fix re-parses while another parse's tree is being built).
 */

import type { RangeTable } from '../../text/rangeTable';
import type { TextRange } from '../../text/textRange';
import { NextOffsets, Tok, createLexer, nextToken, relexFrom, unescapeString, type Lexer } from '../lexer';
import type { Dim, Operation, ParseError, ResultGroup, SymbolRef, TypeNode, ValueUse } from '../syntax';
import type { LazyBody } from './lazyBodies';
import type { OpDraft } from './operations';
import type { DialectTemplate, FunctionTypeTemplate, OpExtras, SharedDictText, TensorTemplate } from './nodes';
import { detachedCopy } from '../../text/detachedCopy';

/** Deeper nesting than this is reported and skipped without recursion (keeps the JS stack safe). */
const MAX_NESTING_DEPTH = 200;
/** Stop recording errors after this many (a binary file would otherwise produce millions). */
const MAX_ERRORS = 1000;

export interface ParserState {
  readonly lx: Lexer;
  readonly text: string;
  readonly errors: ParseError[];
  readonly resourceSections: TextRange[];
  /** Every range of the tree goes here when the parse is editable (`ParseOptions.rangeTable`). */
  readonly ranges: RangeTable | undefined;
  /** The slots of the nodes in parser/nodes.ts: `ranges` when editable, else a table of this parse's own. */
  readonly slots: RangeTable;
  /** `noExtrasFor(slots)` (nodes.ts), the extras and table of its ops that set none: taken at the first op. */
  noExtras: OpExtras | undefined;
  depth: number;
  /** The deepest `depth` reached so far (attributes.ts bounds the nesting of the dictionaries it shares). */
  deepest: number;
  /**
   * Added to every range and slot the parse makes: a dictionary re-parsed from its own text (attributes.ts
   * `SlottedSharedDict`) gets the ranges it has in the file. 0 for a file.
   */
  readonly origin: number;
  /** The op being parsed, which the symbols its attributes reference are added to (`addSymbolUse`). */
  symbolSink: OpDraft | undefined;
  /** Set by a function op's parse that skipped its body (lazyBodies.ts); its op takes it (operations.ts). */
  skippedBody: LazyBody | undefined;
  /** What an editable parse's dump-form location aliases share (lazyAliases.ts), made at the first. */
  aliasSource: Pick<ParserState, 'text' | 'slots'> | undefined;
  /** Open token-tree delimiters per closer (`)`, `]`, `}`, `>`), for recovery from mismatched closers. */
  readonly openClosers: number[];
  /** Shapes by their dimension-prefix text (`4x4884480x`): the same few hundred shapes recur on every op. */
  readonly shapeCache: Map<string, ShapeInfo>;
  /** Dictionaries' texts (flat copies, one object per text) by the same texts (attributes.ts `parseDict`). */
  readonly dictTexts: Map<string, SharedDictText>;
  /** Token trees of dialect attributes by the attribute's text (attributes.ts `sharedDialectAttr`). */
  readonly dialectTemplates: Map<string, DialectTemplate>;
  /** Templates of `tensor<...>` uses by their text (types.ts `parseSharedTensor`). */
  readonly tensorTemplates: Map<string, TensorTemplate>;
  /**
   * Packed ops' function types by a number hashed from their types' template ids and results' gap, or for a later
   * one of the same number by a key of a character each (types.ts `packFunctionType`).
   */
  readonly functionTypes: Map<number | string, FunctionTypeTemplate>;
  /** End offset of the last scanShape. */
  shapeEnd: number;
  /** An error caused by reaching the end of the chunk was reported. */
  reportedEndOfInput: boolean;
  /**
   * One string per distinct name or token text: op names, attribute names, `bf16`, `#ttnn_layout3`, `%12` recur on
   * every op of a 100k-op file, and a slice per occurrence was a tenth of the tree.
   */
  readonly strings: Map<string, string>;
  /**
   * Set when function bodies are parsed on first use (`ParseOptions.lazyFunctionBodies`): each body skipped so far.
   * Undefined for an eager parse, and inside a body being parsed (nested functions are parsed with their body).
   */
  readonly lazyBodies: LazyBody[] | undefined;
  /** With `lazyBodies`: what the brace matching that skips them has searched for so far (lexer.ts NextOffsets). */
  readonly braceOffsets: NextOffsets | undefined;
  /**
   * Set while a lazy body is streamed (lazyBodies.ts `forEachFunctionOp`): the ops of blocks at depth `opSinkDepth` (the
   * body's own blocks) go to it instead of into their block. An op handed on is valid during the call only: its slots
   * are taken back for the next op (operations.ts `parseBlock`).
   */
  readonly opSink: ((op: Operation) => void) | undefined;
  readonly opSinkDepth: number;
  /**
   * With `opSink`: the one op object the ops handed to it are built in, one after the other (an op handed on is valid
   * during the call only; `newDraft`). Undefined until the first.
   */
  sunkDraft: OpDraft | undefined;
  /** Where the op's comma-separated lists are built (`ListStack`); a lazy body's parse shares its chunk's. */
  readonly typeLists: ListStack<TypeNode>;
  readonly valueLists: ListStack<ValueUse>;
  readonly resultLists: ListStack<ResultGroup>;
  /** A generic op's packed operands (parser/nodes.ts `SlottedOp.$o`). */
  readonly packedLists: ListStack<number>;
}

export interface ShapeInfo {
  readonly shape: readonly Dim[] | undefined;
  readonly shapeText: readonly string[];
}

/** What the parses of a file's chunks share. */
export interface ParserTables {
  readonly errors: ParseError[];
  readonly resourceSections: TextRange[];
  readonly ranges: RangeTable | undefined;
  readonly slots: RangeTable;
  readonly lazyBodies?: LazyBody[];
  /** The caches of shared texts (a parse of its own when absent). */
  readonly caches?: ParserCaches;
}

/**
 * The caches of what the parser shares by text. What each holds is a function of the text alone (parsed without an
 * error, at offsets relative to its start), so one file's chunks share them: a file made of many `// -----` chunks
 * of the same model (the Falcon copy has 22) otherwise parses each distinct dictionary, type and name once per chunk.
 */
export type ParserCaches = Pick<
  ParserState,
  'shapeCache' | 'dictTexts' | 'dialectTemplates' | 'tensorTemplates' | 'functionTypes' | 'strings'
>;

export function newParserCaches(): ParserCaches {
  return {
    shapeCache: new Map(),
    dictTexts: new Map(),
    dialectTemplates: new Map(),
    tensorTemplates: new Map(),
    functionTypes: new Map(),
    strings: new Map(),
  };
}

/** The state of a parse of `text` from `start` to `end`. */
export function newParserState(
  text: string,
  start: number,
  end: number,
  tables: ParserTables,
  origin = 0,
): ParserState {
  const caches = tables.caches ?? newParserCaches();
  return {
    lx: createLexer(text, start, end),
    text,
    errors: tables.errors,
    resourceSections: tables.resourceSections,
    ranges: tables.ranges,
    slots: tables.slots,
    noExtras: undefined,
    depth: 0,
    deepest: 0,
    origin,
    symbolSink: undefined,
    skippedBody: undefined,
    aliasSource: undefined,
    openClosers: [0, 0, 0, 0],
    shapeCache: caches.shapeCache,
    tensorTemplates: caches.tensorTemplates,
    functionTypes: caches.functionTypes,
    dialectTemplates: caches.dialectTemplates,
    dictTexts: caches.dictTexts,
    shapeEnd: 0,
    reportedEndOfInput: false,
    strings: caches.strings,
    lazyBodies: tables.lazyBodies,
    braceOffsets: tables.lazyBodies === undefined ? undefined : new NextOffsets(text),
    opSink: undefined,
    opSinkDepth: -1,
    sunkDraft: undefined,
    typeLists: new ListStack(),
    valueLists: new ListStack(),
    resultLists: new ListStack(),
    packedLists: new ListStack(),
  };
}

/** What a parse of part of a chunk's text has of its own (lazyBodies.ts: a function body parsed on first use). */
export interface DerivedParse {
  readonly lx: Lexer;
  readonly slots: RangeTable;
  readonly depth: number;
  readonly opSink: ((op: Operation) => void) | undefined;
  readonly opSinkDepth: number;
}

/**
 * A state for parsing part of `owner`'s text: its text, range table, origin and caches, with the lexer, slots, depth
 * and op sink of `own`, errors and the rest of its own. Written as newParserState's literal is, field for field:
 * every parser state then has one hidden class (a spread copy of `owner` had a map of its own, so the parser's reads
 * of `p.*` saw two).
 */
export function derivedParserState(owner: ParserState, own: DerivedParse): ParserState {
  return {
    lx: own.lx,
    text: owner.text,
    errors: [],
    resourceSections: owner.resourceSections,
    ranges: owner.ranges,
    slots: own.slots,
    noExtras: undefined,
    depth: own.depth,
    deepest: own.depth,
    origin: owner.origin,
    symbolSink: undefined,
    skippedBody: undefined,
    aliasSource: owner.aliasSource,
    openClosers: [0, 0, 0, 0],
    shapeCache: owner.shapeCache,
    tensorTemplates: owner.tensorTemplates,
    functionTypes: owner.functionTypes,
    dialectTemplates: owner.dialectTemplates,
    dictTexts: owner.dictTexts,
    shapeEnd: 0,
    reportedEndOfInput: false,
    strings: owner.strings,
    lazyBodies: undefined,
    braceOffsets: undefined,
    opSink: own.opSink,
    opSinkDepth: own.opSinkDepth,
    sunkDraft: undefined,
    typeLists: owner.typeLists,
    valueLists: owner.valueLists,
    resultLists: owner.resultLists,
    packedLists: owner.packedLists,
  };
}

/** A new range of the tree (in the parse's range table, if it has one). */
export function span(p: ParserState, start: number, end: number): TextRange {
  const o = p.origin;
  return p.ranges === undefined ? { start: start + o, end: end + o } : p.ranges.add(start + o, end + o);
}

/**
 * A new range equal to `node`'s: a node of parser/nodes.ts hands out snapshots, which an edit would not move, so a
 * node that shares a child's range takes its own.
 */
export function spanOf(p: ParserState, node: { readonly range: TextRange }): TextRange {
  const r = node.range; // already offset by p.origin
  return p.ranges === undefined ? { start: r.start, end: r.end } : p.ranges.add(r.start, r.end);
}

/** A new slot of the parse's range table, for the nodes of parser/nodes.ts. */
export function slot(p: ParserState, start: number, end: number): number {
  return p.slots.addSlot(start + p.origin, end + p.origin);
}

/** Shared by every node with nothing in a list: the tree of a 100k-op file is mostly retained, so empties add up. */
export const EMPTY: readonly never[] = Object.freeze([]);

export function orEmpty<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? EMPTY : items;
}

/**
 * A list built by `push`, as the exact-size array the tree keeps (`EMPTY` when empty). A pushed array keeps V8's growth
 * slack: a one-element list holds a 17-slot backing store (152 B instead of 24 B), and the tree of a 100k-op file
 * retains ~500k such lists (operands, results, dictionary entries, token-group children, ...).
 */
export function exact<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? EMPTY : items.slice();
}

/**
 * A stack the parser builds lists of unknown length on: a list's items are pushed above a `mark` and taken off as one
 * exact-size array, so no list is grown by `push` from `[]` (its first push allocates 17 slots, 152 B, which `exact`
 * then copies): an op's operand, result and type lists were a sixth of what a function body's parse allocates.
 * Lists nest (a type list inside a type inside a type list): each takes or drops exactly what it pushed.
 */
export class ListStack<T> {
  // Starts in object elements, not as `[]` (small-integer elements): a later chunk's stacks, made after the parser's
  // list functions were optimized for the first chunk's, deopted each of them (wrong map) at their first push.
  private readonly items: (T | undefined)[] = [undefined];
  private top = 0;

  mark(): number {
    return this.top;
  }

  push(item: T): void {
    this.items[this.top++] = item;
  }

  /** The items pushed since `mark`, popped, as a new exact-size array (a mutable one: the op draft may append). */
  take(mark: number): T[] {
    const out = this.items.slice(mark, this.top) as T[];
    this.drop(mark);
    return out;
  }

  /** Pops the items pushed since `mark`; their slots are cleared, so the stack keeps no node alive. */
  drop(mark: number): void {
    this.items.fill(undefined, mark, this.top);
    this.top = mark;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The current token kind (a call, so TypeScript does not narrow it across nextToken). */
export function tk(lx: Lexer): Tok {
  return lx.kind;
}

export function error(p: ParserState, message: string, range?: TextRange): void {
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

export function describe(p: ParserState): string {
  if (tk(p.lx) === Tok.Eof) return 'end of input';
  const t = p.text.slice(p.lx.start, Math.min(p.lx.end, p.lx.start + 40));
  return `'${t}'`;
}

/** Consumes a token of `kind` or reports `expected <what>`; `what` may be a function so hot paths build no strings. */
export function expect(p: ParserState, kind: Tok, what: string | (() => string)): boolean {
  if (tk(p.lx) === kind) {
    nextToken(p.lx);
    return true;
  }
  error(p, `expected ${typeof what === 'string' ? what : what()}, found ${describe(p)}`);
  return false;
}

export function text(p: ParserState): string {
  return p.text.slice(p.lx.start, p.lx.end);
}

/**
 * The current token's text, interned: for words drawn from a small vocabulary (op and attribute names, `bf16`,
 * `#ttnn_layout3`, token-tree leaves). SSA names and `#locN` are nearly unique; interning them cost more than it saved.
 */
export function word(p: ParserState): string {
  return intern(p, p.text.slice(p.lx.start, p.lx.end));
}

/** The parse's one copy of `s`: a copy of its own, so that what keeps it (the TTNN view) does not keep the text. */
export function intern(p: ParserState, s: string): string {
  const known = p.strings.get(s);
  if (known !== undefined) return known;
  const copy = detachedCopy(s);
  p.strings.set(copy, copy);
  return copy;
}

/**
 * The current `@name` token as a reference. Interned: a module names few symbols, each used often, and the TTNN view
 * keeps them (function names, callees), so they must not be slices of the text.
 */
export function symbolRef(p: ParserState): SymbolRef {
  return { name: word(p), range: tokRange(p) };
}

/** The current string token's unescaped contents (interned). */
export function stringValue(p: ParserState): string {
  return intern(p, unescapeString(p.text, p.lx.start, p.lx.end));
}

export function isKeyword(p: ParserState, word: string): boolean {
  const lx = p.lx;
  return tk(lx) === Tok.BareId && lx.end - lx.start === word.length && p.text.startsWith(word, lx.start);
}

/** The current token is immediately followed (no whitespace) by `c`. */
export function adjacentChar(p: ParserState, c: number): boolean {
  return p.text.charCodeAt(p.lx.end) === c;
}

export function tokRange(p: ParserState): TextRange {
  return span(p, p.lx.start, p.lx.end);
}

export function enter(p: ParserState): boolean {
  if (p.depth >= MAX_NESTING_DEPTH) {
    error(p, `nesting deeper than ${MAX_NESTING_DEPTH} levels`);
    skipBalancedIteratively(p);
    return false;
  }
  if (++p.depth > p.deepest) p.deepest = p.depth;
  return true;
}

/**
 * Every error from here on will be recorded: none capped (MAX_ERRORS) or folded into an earlier end-of-input report.
 * A subtree parsed from here on without a new error is then a function of its text alone.
 */
export function errorsRecorded(p: ParserState): boolean {
  return p.errors.length < MAX_ERRORS && !p.reportedEndOfInput;
}

/** `levels` more levels of nesting would be accepted by `enter` (no error). */
export function canEnter(p: ParserState, levels = 1): boolean {
  return p.depth + levels <= MAX_NESTING_DEPTH;
}

export function leave(p: ParserState): void {
  p.depth--;
}

export function isOpener(k: Tok): boolean {
  return k === Tok.LParen || k === Tok.LSquare || k === Tok.LBrace || k === Tok.Less;
}

export function isCloser(k: Tok): boolean {
  return k === Tok.RParen || k === Tok.RSquare || k === Tok.RBrace || k === Tok.Greater;
}

/** Skips the current token; if it opens a group, skips to its matching close without recursion. */
export function skipBalancedIteratively(p: ParserState): void {
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
export function resync(p: ParserState): void {
  const lx = p.lx;
  let guard = lx.limit - lx.start + 2;
  while (tk(lx) !== Tok.Eof && guard-- > 0) {
    if (lx.newlineBefore && isStatementStart(tk(lx))) return;
    nextToken(lx);
  }
}

export function isStatementStart(k: Tok): boolean {
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

export function skipResourceSection(p: ParserState): void {
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
  p.resourceSections.push(span(p, start, end));
  relexFrom(lx, end);
}

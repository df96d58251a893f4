/** Attributes: builtin literals, arrays, dictionaries, dense arrays, affine maps, dialect attributes and aliases. */

import { detachedCopy } from '../../text/detachedCopy';
import { Tok, markLexer, nextToken, relexFrom, resetLexer, scanString } from '../lexer';
import { RangeTable } from '../../text/rangeTable';
import type { TextRange } from '../../text/textRange';
import type {
  ArrayAttr,
  AttrNode,
  DenseArrayAttr,
  DictAttr,
  DictEntry,
  OpaqueAttr,
  TokenGroup,
  TokenTree,
  TypeNode,
} from '../syntax';
import { parseLocation } from './locations';
import { addSymbolUse, adjacentOrSpacedParen } from './operations';
import {
  adjacentChar,
  canEnter,
  EMPTY,
  errorsRecorded,
  newParserState,
  describe,
  enter,
  error,
  exact,
  expect,
  intern,
  isKeyword,
  leave,
  span,
  stringValue,
  text,
  tk,
  word,
  type ParserState,
  slot,
  spanOf,
  symbolRef,
} from './state';
import { leafOf, parseGroup } from './tokenTrees';
import { isBuiltinScalarName, parseType } from './types';
import {
  SlottedAttrAlias,
  SlottedBool,
  SlottedDenseArray,
  SlottedDialectAttr,
  SlottedDict,
  SlottedDictEntry,
  SlottedInteger,
  SlottedLocAttr,
  SlottedNode,
  SlottedSharedDialectAttr,
  gettersOnPrototype,
  kindOnPrototype,
  registerSharedDict,
  type RelativeGroup,
  type RelativeTree,
  type SharedDictText,
} from './nodes';

export function parseAttr(p: ParserState): AttrNode | undefined {
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
      const full = word(p);
      const name = intern(p, full.slice(1));
      const hasBody = adjacentChar(p, 60);
      if (hasBody) {
        const known = knownDialectAttr(p, start, name);
        if (known !== undefined) return known;
      }
      nextToken(lx);
      if (!hasBody && name.indexOf('.') < 0) return new SlottedAttrAlias(p.slots, slot(p, start, lx.prevEnd), full);
      let body: TokenGroup | undefined;
      if (hasBody) {
        const slotMark = p.slots.size;
        const errorCount = p.errors.length;
        const shareable = errorsRecorded(p);
        body = parseGroup(p);
        if (!body) return undefined;
        if (shareable && p.errors.length === errorCount) return sharedDialectAttr(p, start, name, body, slotMark);
      }
      return new SlottedDialectAttr(p.slots, slot(p, start, lx.prevEnd), name, body);
    }
    case Tok.BangId:
    case Tok.LParen:
      if (tk(lx) === Tok.LParen && looksLikeAffineMap(p)) return parseAffineMapAttr(p);
      return typeAttr(p);
    case Tok.String: {
      const value = stringValue(p);
      nextToken(lx);
      const type = parseOptionalColonType(p);
      if (type === null) return undefined;
      return { kind: 'string', value, type, range: span(p, start, lx.prevEnd) };
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
      const arr: ArrayAttr = { kind: 'array', elements: exact(elements), range: span(p, start, lx.prevEnd) };
      return arr;
    }
    case Tok.LBrace:
      return parseDict(p);
    case Tok.Less: {
      const g = parseGroup(p);
      if (!g) return undefined;
      return { kind: 'opaque', keyword: '', tokens: [g], range: spanOf(p, g) };
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
      return { kind: 'opaque', keyword: '', tokens: exact(tokens), range: span(p, start, lx.prevEnd) };
    }
    case Tok.BareId:
      return parseKeywordAttr(p);
    default:
      error(p, `expected an attribute, found ${describe(p)}`);
      return undefined;
  }
}

/**
 * `#name<body>` just parsed without errors, as a SlottedSharedDialectAttr: the body's token tree is kept once per
 * distinct attribute text, with offsets from the attribute's start, and the slots its nodes took (the last handed out,
 * from `slotMark`) are given back. A body parsed without errors is a function of its text alone.
 */
function sharedDialectAttr(
  p: ParserState,
  start: number,
  name: string,
  body: TokenGroup,
  slotMark: number,
): SlottedSharedDialectAttr {
  const end = p.lx.prevEnd;
  const key = p.text.slice(start, end);
  let template = p.dialectTemplates.get(key);
  if (template === undefined) {
    template = { body: relativeGroup(body, start + p.origin), innerDepth: groupDepth(body) };
    p.dialectTemplates.set(key, template);
  }
  p.slots.releaseFrom(slotMark);
  return new SlottedSharedDialectAttr(p.slots, slot(p, start, end), name, template.body);
}

/** Longer dialect attribute texts are not looked up before they are parsed (bounds the scan for the closing `>`). */
const MAX_KNOWN_DIALECT_ATTR_LENGTH = 4096;

/**
 * `#name<body>` (the current token is `#name`, `<` follows it) whose text `sharedDialectAttr` kept before, found by its
 * text without parsing it again: a layout defined once per `// -----` chunk of the same model, a dialect attribute in
 * every new dictionary. Undefined (the caller parses) for a text not seen yet.
 * The tree of a body parsed without errors is a function of its text, so a prefix equal to a kept text is that
 * attribute, ending where it did; `dialectAttrEnd` only proposes the prefix (a wrong one matches no kept text). The
 * nesting the general path would enter is checked and recorded as it would be.
 */
function knownDialectAttr(p: ParserState, start: number, name: string): SlottedSharedDialectAttr | undefined {
  // Where errors are no longer recorded the general path keeps its own node (parseAttrInner), so this must too.
  if (!errorsRecorded(p)) return undefined;
  const end = dialectAttrEnd(p.text, p.lx.end, Math.min(p.lx.limit, start + MAX_KNOWN_DIALECT_ATTR_LENGTH));
  if (end < 0) return undefined;
  const known = p.dialectTemplates.get(p.text.slice(start, end));
  if (known === undefined || !canEnter(p, known.innerDepth)) return undefined;
  if (p.depth + known.innerDepth > p.deepest) p.deepest = p.depth + known.innerDepth;
  relexFrom(p.lx, end);
  return new SlottedSharedDialectAttr(p.slots, slot(p, start, end), name, known.body);
}

/**
 * The offset after the `>` that closes the `<` at `open`, counting `<` and `>` as the lexer makes them tokens (not the
 * `>` of `->`, nothing inside a string); -1 when there is none before `stop`.
 */
function dialectAttrEnd(text: string, open: number, stop: number): number {
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) depth++;
    else if (c === 62 /* > */) {
      if (--depth === 0) return i + 1;
    } else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 62) i++;
    else if (c === 34 /* " */) i = scanString(text, i, stop) - 1;
  }
  return -1;
}

/** Levels of groups in `group`, itself included (bounded by the parse's nesting limit). */
export function groupDepth(group: TokenGroup): number {
  let deepest = 0;
  for (const child of group.children) if (child.kind === 'group') deepest = Math.max(deepest, groupDepth(child));
  return 1 + deepest;
}

/** `group` with offsets from `origin` (a node's start in the file, `ParserState.origin` included). */
export function relativeGroup(group: TokenGroup, origin: number): RelativeGroup {
  const range = group.range;
  return {
    kind: 'group',
    open: group.open,
    children: group.children.map((c): RelativeTree => {
      if (c.kind === 'group') return relativeGroup(c, origin);
      const r = c.range;
      return {
        kind: 'leaf',
        leafKind: c.leafKind,
        text: c.text,
        value: c.value,
        from: r.start - origin,
        to: r.end - origin,
      };
    }),
    from: range.start - origin,
    to: range.end - origin,
  };
}

function pushSymbol(p: ParserState): void {
  if (p.symbolSink !== undefined) addSymbolUse(p.symbolSink, symbolRef(p));
}

function typeAttr(p: ParserState): AttrNode | undefined {
  const type = parseType(p);
  if (!type) return undefined;
  return { kind: 'typeAttr', type, range: spanOf(p, type) };
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
    affine =
      !isBuiltinScalarName(t) && t !== 'tensor' && t !== 'memref' && t !== 'vector' && t !== 'complex' && t !== 'tuple';
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
  return { kind: 'opaque', keyword: '', tokens: exact(tokens), range: span(p, start, lx.prevEnd) };
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
    return { kind: 'opaque', keyword: '', tokens: [leaf], range: spanOf(p, leaf) };
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
  return kind === 'integer'
    ? new SlottedInteger(p.slots, slot(p, start, lx.prevEnd), literal, value, type)
    : { kind: 'float', text: literal, value, type, range: span(p, start, lx.prevEnd) };
}

function parseKeywordAttr(p: ParserState): AttrNode | undefined {
  const lx = p.lx;
  const start = lx.start;
  const name = word(p);
  switch (name) {
    case 'true':
    case 'false':
      nextToken(lx);
      return new SlottedBool(p.slots, slot(p, start, lx.prevEnd), name === 'true');
    case 'unit':
      nextToken(lx);
      return { kind: 'unit', range: span(p, start, lx.prevEnd) };
    case 'loc':
      if (adjacentOrSpacedParen(p)) {
        const loc = parseLocation(p);
        if (!loc) return undefined;
        return new SlottedLocAttr(p.slots, slot(p, start, lx.prevEnd), loc);
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
  if (isBuiltinScalarName(name)) return typeAttr(p);
  const tokens: TokenTree[] = [leafOf(p)];
  const keyword = name;
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
    if (type) return { kind: 'opaque', keyword, tokens: exact(tokens), type, range: span(p, start, lx.prevEnd) };
  }
  return { kind: 'opaque', keyword, tokens: exact(tokens), range: span(p, start, lx.prevEnd) };
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
      elementTexts.push(intern(p, p.text.slice(elemStart, lx.end)));
      nextToken(lx);
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
  }
  if (!expect(p, Tok.Greater, "'>' to close array<...>")) return undefined;
  return new SlottedDenseArray(p.slots, slot(p, start, lx.prevEnd), elementType, exact(elementTexts));
}

/** Dictionaries at a deeper nesting, or nesting deeper inside, are not shared (see parseDict). */
const SHARED_DICT_MAX_DEPTH = 16;
const SHARED_DICT_MAX_INNER_DEPTH = 64;
/** Longer dictionary texts are not shared (bounds the scan for the closing brace). */
const SHARED_DICT_MAX_LENGTH = 4096;

/**
 * A dictionary whose text recurs (`<{force = false}>` on every deallocate, `<{layout = #ttnn.layout<tile>}>`, a
 * conv2d's properties): its own slot and its text, one string per distinct text. `entries` parses that text again on
 * each read, at the dictionary's current start (`ParserState.origin`): the parser builds them, so they are what a
 * parse of the file gives, ranges included. Compare them by value, not identity.
 */
export class SlottedSharedDict extends SlottedNode implements DictAttr {
  declare readonly kind: 'dict';
  /**
   * @internal Characters from the start of slot `$s` to the dictionary's: 0 for one of its own slot; an op's packed
   * properties (parser/nodes.ts `SlottedOp.$p`) are made on each read on the op's slot.
   */
  declare readonly $a: number;
  /** @internal The dictionary's text, one object per distinct text (a key for caches of what walks derive from it). */
  declare readonly $x: SharedDictText;
  constructor(table: RangeTable, slot: number, offset: number, text: SharedDictText) {
    super(table, slot);
    this.$a = offset;
    this.$x = text;
  }

  override get range(): TextRange {
    const start = this.$t.starts[this.$s]! + this.$a;
    return { start, end: start + this.$x.text.length };
  }

  get entries(): readonly DictEntry[] {
    return reparsedDict(this.$x.text, this.$t.starts[this.$s]! + this.$a).entries;
  }

  /**
   * The entries as a dictionary at offset 0 has them: a use's are these moved by its start. Walks that read every
   * op's dictionaries (mlir/occurrences.ts) derive what they need from these once per distinct text.
   */
  relativeEntries(): readonly DictEntry[] {
    return reparsedDict(this.$x.text, 0).entries;
  }
}
kindOnPrototype(SlottedSharedDict, 'dict');
gettersOnPrototype(SlottedSharedDict, ['entries']);
registerSharedDict((table, slot, offset, text) => new SlottedSharedDict(table, slot, offset, text));

const NO_ENTRIES: DictAttr = { kind: 'dict', entries: EMPTY, range: { start: 0, end: 0 } };

function reparsedDict(text: string, origin: number): DictAttr {
  const tables = { errors: [], resourceSections: [], ranges: undefined, slots: new RangeTable(16) };
  // The text parsed without errors in the file, at a bounded depth: it does again, on its own.
  return parseDictBody(newParserState(text, 0, text.length, tables, origin)) ?? NO_ENTRIES;
}

/**
 * `{a = 1, b, "c" = 2}`; the current token is `{`. A dictionary parsed without errors or symbol references, at a
 * bounded nesting, is a function of its text: it becomes a SlottedSharedDict, and a later dictionary with the same
 * text takes the same text without being parsed (looked up by the text up to its closing brace).
 */
export function parseDict(p: ParserState): DictAttr | undefined {
  const lx = p.lx;
  const start = lx.start;
  const shareable = p.depth <= SHARED_DICT_MAX_DEPTH && errorsRecorded(p);
  // The text up to the closing brace the scan found: the key a parse that ends there is kept by.
  let scannedKey: string | undefined;
  if (shareable) {
    const end = closingBraceEnd(p.text, start, Math.min(lx.limit, start + SHARED_DICT_MAX_LENGTH));
    scannedKey = end < 0 ? undefined : p.text.slice(start, end);
    const known = scannedKey === undefined ? undefined : p.dictTexts.get(scannedKey);
    if (known !== undefined) {
      relexFrom(lx, end);
      return new SlottedSharedDict(p.slots, slot(p, start, end), 0, known);
    }
  }
  const slotMark = p.slots.size;
  const errorCount = p.errors.length;
  const symbolCount = p.symbolSink?.symbolUses.length ?? 0;
  const outerDeepest = p.deepest;
  p.deepest = p.depth;
  const dict = parseDictBody(p);
  const innerDepth = p.deepest - p.depth;
  p.deepest = Math.max(outerDeepest, p.deepest);
  if (
    dict === undefined ||
    !shareable ||
    p.errors.length !== errorCount ||
    (p.symbolSink?.symbolUses.length ?? 0) !== symbolCount ||
    innerDepth > SHARED_DICT_MAX_INNER_DEPTH ||
    lx.prevEnd - start > SHARED_DICT_MAX_LENGTH
  )
    return dict;
  const end = lx.prevEnd;
  // Looked up already when the scan ended where the parse did (a miss then, unless the parse added it, as a nested
  // dictionary cannot: it ends before this one).
  const key = scannedKey !== undefined && scannedKey.length === end - start ? scannedKey : p.text.slice(start, end);
  let flat = key === scannedKey ? undefined : p.dictTexts.get(key);
  if (flat === undefined) {
    // A copy: a slice would keep the whole file's text alive for as long as the tree lives.
    flat = { text: detachedCopy(key) };
    p.dictTexts.set(key, flat);
  }
  // The entries' nodes are dropped; their slots were the last handed out.
  p.slots.releaseFrom(slotMark);
  return new SlottedSharedDict(p.slots, slot(p, start, end), 0, flat);
}

/** The end of the `{...}` starting at `start` (after its closing brace, skipping strings), or -1 before `stop`. */
function closingBraceEnd(text: string, start: number, stop: number): number {
  let depth = 0;
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < stop && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */) {
      depth++;
    } else if (c === 125 /* } */ && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

function parseDictBody(p: ParserState): DictAttr | undefined {
  const lx = p.lx;
  const start = lx.start;
  if (!enter(p)) return undefined;
  try {
    nextToken(lx); // '{'
    const entries: DictEntry[] = [];
    let guard = lx.limit;
    while (tk(lx) !== Tok.RBrace && guard-- > 0) {
      let name: string;
      if (tk(lx) === Tok.BareId) name = word(p);
      else if (tk(lx) === Tok.String) name = stringValue(p);
      else {
        error(p, `expected an attribute name, found ${describe(p)}`);
        return undefined;
      }
      const nameStart = lx.start;
      const nameSlot = slot(p, nameStart, lx.end);
      nextToken(lx);
      let value: AttrNode;
      if (tk(lx) === Tok.Equal) {
        nextToken(lx);
        const v = parseAttr(p);
        if (!v) return undefined;
        value = v;
      } else {
        value = { kind: 'unit', range: span(p, nameStart, lx.prevEnd) };
      }
      entries.push(new SlottedDictEntry(p.slots, slot(p, nameStart, lx.prevEnd), nameSlot, name, value));
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
    if (!expect(p, Tok.RBrace, "'}' to close the attribute dictionary")) return undefined;
    return new SlottedDict(p.slots, slot(p, start, lx.prevEnd), exact(entries));
  } finally {
    leave(p);
  }
}

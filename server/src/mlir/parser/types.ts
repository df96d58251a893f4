/** Types: builtin scalars, `tensor`/`memref` with their shapes, function types, dialect types and aliases. */

import { Tok, isDigit, isLetter, nextToken, relexFrom } from '../lexer';
import type { AttrNode, Dim, FunctionType, MemRefType, TensorType, TokenGroup, TypeNode } from '../syntax';
import { groupDepth, parseAttr, relativeGroup } from './attributes';
import {
  EMPTY,
  exact,
  adjacentChar,
  canEnter,
  describe,
  enter,
  error,
  errorsRecorded,
  expect,
  intern,
  leave,
  span,
  tk,
  word,
  type ParserState,
  type ShapeInfo,
  slot,
} from './state';
import { parseGroup } from './tokenTrees';
import {
  SlottedScalar,
  SlottedSharedTensor,
  SlottedTensor,
  type FunctionTypeTemplate,
  type SlottedOp,
  type TensorTemplate,
} from './nodes';

/** `T, U, ...` as an exact-size list; undefined when a type does not parse. */
export function parseTypeList(p: ParserState): TypeNode[] | undefined {
  const lx = p.lx;
  const stack = p.typeLists;
  const mark = stack.mark();
  let guard = lx.limit;
  while (guard-- > 0) {
    const t = parseType(p);
    if (!t) break;
    stack.push(t);
    if (tk(lx) !== Tok.Comma) return stack.take(mark);
    nextToken(lx);
  }
  stack.drop(mark);
  return undefined;
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
  if (
    c0 === 102 /* f */ &&
    name.length > 2 &&
    (name.startsWith('f8') || name.startsWith('f6') || name.startsWith('f4'))
  )
    return true;
  let digitsFrom = -1;
  if (c0 === 105 /* i */) digitsFrom = 1;
  else if ((c0 === 115 /* s */ || c0 === 117) /* u */ && name.charCodeAt(1) === 105) digitsFrom = 2;
  if (digitsFrom < 0 || name.length <= digitsFrom) return false;
  for (let i = digitsFrom; i < name.length; i++) if (!isDigit(name.charCodeAt(i))) return false;
  return true;
}

export function parseType(p: ParserState): TypeNode | undefined {
  const lx = p.lx;
  if (!enter(p)) return undefined;
  try {
    const start = lx.start;
    switch (tk(lx)) {
      case Tok.BareId: {
        const shaped = shapedTypeKeyword(p);
        if (shaped !== undefined) return parseShapedType(p, shaped);
        const name = word(p);
        if (isBuiltinScalarName(name)) {
          nextToken(lx);
          return new SlottedScalar(p.slots, slot(p, start, lx.prevEnd), name);
        }
        nextToken(lx);
        let body: TokenGroup | undefined;
        if (tk(lx) === Tok.Less && lx.start === lx.prevEnd) {
          body = parseGroup(p);
          if (!body) return undefined;
        }
        return { kind: 'otherType', name, body, range: span(p, start, lx.prevEnd) };
      }
      case Tok.BangId: {
        const full = word(p);
        const name = intern(p, full.slice(1));
        const hasBody = adjacentChar(p, 60);
        nextToken(lx);
        if (!hasBody && name.indexOf('.') < 0)
          return { kind: 'typeAlias', name: full, range: span(p, start, lx.prevEnd) };
        let body: TokenGroup | undefined;
        if (hasBody) {
          body = parseGroup(p);
          if (!body) return undefined;
        }
        return { kind: 'dialectType', name, body, range: span(p, start, lx.prevEnd) };
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

/**
 * `tensor` / `memref` when the current word is one of them and `<` follows it, read from the characters: the type of
 * nearly every op operand and result, which `word` would slice and look up in the interned words at each use.
 */
function shapedTypeKeyword(p: ParserState): 'tensor' | 'memref' | undefined {
  const lx = p.lx;
  if (lx.end - lx.start !== 6 || !adjacentChar(p, 60)) return undefined;
  if (p.text.startsWith('tensor', lx.start)) return 'tensor';
  if (p.text.startsWith('memref', lx.start)) return 'memref';
  return undefined;
}

/** Where a function type's lists go: an op's (which keeps them and no FunctionType node), or a node's. */
export interface FunctionTypeLists {
  operandTypes: readonly TypeNode[];
  resultTypes: readonly TypeNode[];
}

/**
 * An op's trailing `(T, U) -> V` (the current token is `(`), parsed as `parseType` parses it, into the op's lists:
 * the op keeps only the lists, so no FunctionType node and range are made for it.
 */
export function parseOpFunctionType(p: ParserState, op: FunctionTypeLists): boolean {
  if (!enter(p)) return false;
  try {
    return parseFunctionTypeLists(p, op);
  } finally {
    leave(p);
  }
}

/** `(T, U) -> V` or `(T) -> (U, V)` */
function parseFunctionType(p: ParserState): FunctionType | undefined {
  const start = p.lx.start;
  const lists: FunctionTypeLists = { operandTypes: EMPTY, resultTypes: EMPTY };
  if (!parseFunctionTypeLists(p, lists)) return undefined;
  return {
    kind: 'function',
    inputs: lists.operandTypes,
    results: lists.resultTypes,
    range: span(p, start, p.lx.prevEnd),
  };
}

function parseFunctionTypeLists(p: ParserState, into: FunctionTypeLists): boolean {
  const lx = p.lx;
  nextToken(lx); // '('
  const inputs = tk(lx) === Tok.RParen ? EMPTY : parseTypeList(p);
  if (inputs === undefined) return false;
  if (!expect(p, Tok.RParen, "')' after function input types")) return false;
  if (!expect(p, Tok.Arrow, "'->' in function type")) return false;
  let results: readonly TypeNode[] | undefined;
  if (tk(lx) === Tok.LParen) {
    // `(U, V)` result list, or a single function-typed result `((T) -> U)`: MLIR prints results parenthesized when
    // there are several or one function type; a parenthesized list is what every dump has.
    nextToken(lx);
    results = tk(lx) === Tok.RParen ? EMPTY : parseTypeList(p);
    if (results === undefined) return false;
    if (!expect(p, Tok.RParen, "')' after function result types")) return false;
  } else {
    const t = parseType(p);
    if (!t) return false;
    results = [t];
  }
  into.operandTypes = inputs;
  into.resultTypes = results;
  return true;
}

/** Scans `4x?x768x` from `from`; returns the shape (cached by its text) and sets `p.shapeEnd` after the last `x`. */
export function scanShape(p: ParserState, from: number): ShapeInfo {
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

/**
 * `tensor<64x4096xbf16, #ttnn_layout264>` written exactly so (a builtin scalar, then `>` or `, #alias>`, no other
 * spaces): a SlottedSharedTensor, its template interned by the type's text. Anything else returns undefined and
 * takes the general path, which gives these texts the same tree (this path only skips building it token by token);
 * the general path interns what it parsed when the element is a dialect type (`sharedDialectTensor`), so later uses
 * of such a text are found here too. The current token is `tensor`, immediately followed by `<`.
 */
/** Longer `tensor<...>` texts take the general path (bounds the search for the closing `>`). */
const MAX_SHARED_TENSOR_LENGTH = 256;

function parseSharedTensor(p: ParserState, start: number): TensorType | undefined {
  const text = p.text;
  const limit = p.lx.limit;
  // The general path would enter the element type and the encoding one level down (and report too deep a nesting).
  if (!canEnter(p)) return undefined;
  // A known text is looked up before any scanning: the type's parse is fixed by its text up to the `>` that closes
  // `tensor<` (the end of any type this path accepts), so a prefix equal to an accepted text is that type.
  const end = sharedTensorEnd(text, start, limit);
  if (end < 0) return undefined;
  const known = p.tensorTemplates.get(text.slice(start, end));
  if (known !== undefined) {
    if (!canEnter(p, known.innerDepth)) return undefined;
    if (p.depth + known.innerDepth > p.deepest) p.deepest = p.depth + known.innerDepth;
    relexFrom(p.lx, end);
    return new SlottedSharedTensor(p.slots, slot(p, start, end), 0, known);
  }
  const { shape, shapeText } = scanShape(p, start + 7 /* after `tensor<` */);
  const elementStart = p.shapeEnd;
  if (elementStart >= limit || !isLetter(text.charCodeAt(elementStart))) return undefined;
  let i = elementStart + 1;
  while (i < limit && isWordChar(text.charCodeAt(i))) i++;
  const elementEnd = i;
  let encodingStart = 0;
  if (text.charCodeAt(i) === 44 /* , */) {
    if (text.charCodeAt(i + 1) !== 32 || text.charCodeAt(i + 2) !== 35 /* # */) return undefined;
    encodingStart = i + 2;
    i += 3;
    while (i < limit && isWordChar(text.charCodeAt(i))) i++;
    if (i === encodingStart + 1) return undefined;
  }
  // `i === end - 1`: the characters accepted above include no `<` or `>`.
  if (i !== end - 1) return undefined;
  const elementName = intern(p, text.slice(elementStart, elementEnd));
  if (!isBuiltinScalarName(elementName)) return undefined;
  const hasEncoding = encodingStart > 0;
  const template: TensorTemplate = {
    shape,
    shapeText,
    elementName,
    elementStart: elementStart - start,
    elementEnd: elementEnd - start,
    elementBody: undefined,
    // The general path enters the element type (and the encoding) one level down.
    innerDepth: 1,
    encodingName: hasEncoding ? intern(p, text.slice(encodingStart, i)) : undefined,
    encodingStart: hasEncoding ? encodingStart - start : 0,
    encodingEnd: hasEncoding ? i - start : 0,
    length: end - start,
    id: p.tensorTemplates.size,
  };
  p.tensorTemplates.set(text.slice(start, end), template);
  relexFrom(p.lx, end);
  return new SlottedSharedTensor(p.slots, slot(p, start, end), 0, template);
}

/**
 * The offset after the `>` that closes the `tensor<` at `start` (`<`/`>` inside counted), or -1 when it is not within
 * MAX_SHARED_TENSOR_LENGTH: the key a shared tensor type's text is interned by.
 */
function sharedTensorEnd(text: string, start: number, limit: number): number {
  const stop = Math.min(limit, start + MAX_SHARED_TENSOR_LENGTH);
  let depth = 0;
  for (let i = start + 7; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) depth++;
    else if (c === 62 /* > */ && depth-- === 0) return i + 1;
  }
  return -1;
}

/**
 * A tensor type the general path just parsed from `start`, whose element is a dialect type with a body
 * (`tensor<5120x3072x!ttcore.tile<32x32, bfp_bf8>, #ttnn_layout3>`, every weight of a block-float model) and whose
 * encoding is absent or an `#alias`: as a SlottedSharedTensor, its template interned by its text, the slots its nodes
 * took given back (they were the last handed out, from `slotMark`). Parsed without an error, such a type is a
 * function of its text. Undefined (the caller keeps its node) for anything else.
 */
function sharedDialectTensor(
  p: ParserState,
  start: number,
  slotMark: number,
  errorCount: number,
  info: ShapeInfo,
  elementType: TypeNode,
  encoding: AttrNode | undefined,
): TensorType | undefined {
  if (p.errors.length !== errorCount || !errorsRecorded(p)) return undefined;
  if (elementType.kind !== 'dialectType' || elementType.body === undefined) return undefined;
  if (encoding !== undefined && encoding.kind !== 'attrAlias') return undefined;
  const end = p.lx.prevEnd;
  if (sharedTensorEnd(p.text, start, p.lx.limit) !== end) return undefined;
  const origin = start + p.origin;
  const element = elementType.range;
  const template: TensorTemplate = {
    shape: info.shape,
    shapeText: info.shapeText,
    elementName: elementType.name,
    elementStart: element.start - origin,
    elementEnd: element.end - origin,
    elementBody: relativeGroup(elementType.body, origin),
    // The element type's level, then one per level of its body's groups (the encoding is one level down too).
    innerDepth: 1 + groupDepth(elementType.body),
    encodingName: encoding?.name,
    encodingStart: encoding === undefined ? 0 : encoding.range.start - origin,
    encodingEnd: encoding === undefined ? 0 : encoding.range.end - origin,
    length: end - start,
    id: p.tensorTemplates.size,
  };
  p.tensorTemplates.set(p.text.slice(start, end), template);
  p.slots.releaseFrom(slotMark);
  return new SlottedSharedTensor(p.slots, slot(p, start, end), 0, template);
}

/** [A-Za-z0-9_]: a character that continues a bare or suffix identifier and cannot end one early. */
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
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
  return { shape: shape && exact(shape), shapeText: exact(shapeText) };
}

/**
 * `tensor<1x768x4x60x106xbf16, #enc>` / `memref<1x152640x!ttcore.tile<32x32, bf16>, #dram>`: the dimension prefix is
 * scanned character by character (the lexer cannot know where `...x` ends and the element type begins).
 */
function parseShapedType(p: ParserState, name: 'tensor' | 'memref'): TensorType | MemRefType | undefined {
  const lx = p.lx;
  const text = p.text;
  const start = lx.start;
  if (name === 'tensor') {
    const shared = parseSharedTensor(p, start);
    if (shared !== undefined) return shared;
  }
  const slotMark = p.slots.size;
  const errorCount = p.errors.length;
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
  if (name === 'tensor') {
    if (second) error(p, 'tensor type takes at most one encoding attribute', second.range);
    const info = { shape, shapeText };
    return (
      sharedDialectTensor(p, start, slotMark, errorCount, info, elementType, first) ??
      new SlottedTensor(p.slots, slot(p, start, lx.prevEnd), shape, shapeText, elementType, first)
    );
  }
  const range = span(p, start, lx.prevEnd);
  let layout: AttrNode | undefined;
  let memorySpace: AttrNode | undefined;
  if (second) {
    layout = first;
    memorySpace = second;
  } else if (first) {
    if (
      first.kind === 'opaque' &&
      (first.keyword === 'affine_map' || first.keyword === 'strided' || first.keyword === '')
    )
      layout = first;
    else memorySpace = first;
  }
  return { kind: 'memref', shape, shapeText, elementType, layout, memorySpace, range };
}

/**
 * Packs the function type an op without regions just parsed into its lists (`(` at `parenStart`, its types' slots
 * from `slotMark`) into the op (`SlottedOp.$i`/`$u`) when every type is a shared tensor type of its own slot and the
 * types of each list are two characters apart (`, ` as MLIR prints them): the types are then an interned
 * `FunctionTypeTemplate`'s templates at places it fixes from the `(`, and their slots are given back. The key is a
 * number hashed from the templates' `id`s and the results' gap (the first function type of that number), else a
 * character per id with the gap between inputs and results. Says whether it packed.
 */
export function packFunctionType(
  p: ParserState,
  op: Pick<SlottedOp, '$i' | '$u'>,
  opStart: number,
  parenStart: number,
  slotMark: number,
): boolean {
  const inputs = op.$i as readonly TypeNode[];
  const results = op.$u as readonly TypeNode[];
  const count = inputs.length + results.length;
  if (count === 0 || p.slots.size - slotMark !== count || parenStart - opStart > MAX_PACKED_TYPES_OFFSET) return false;
  const starts = p.slots.starts;
  // Where the next type must start: after the `(`, then two characters after each type's end.
  let next = parenStart + p.origin + 1;
  // A number from the ids, the results' gap and the input count (no string per op: building a key of a character
  // per type and hashing it was ~14% of the editable parse); the map's entry under it is checked type by type.
  let hash = inputs.length;
  for (let k = 0; k < inputs.length; k++) {
    const t = inputs[k];
    if (!(t instanceof SlottedSharedTensor) || t.$a !== 0 || starts[t.$s] !== next || t.$x.id > MAX_KEYED_ID)
      return false;
    hash = mixTypeId(hash, t.$x.id);
    next += t.$x.length + 2;
  }
  let gap = 0;
  if (results.length > 0) {
    const first = results[0];
    if (!(first instanceof SlottedSharedTensor)) return false;
    // From the last input's end (or the `(`): `) -> ` is 5, `) -> (` 6, `() -> ` 4.
    if (inputs.length > 0) next -= 2;
    gap = starts[first.$s]! - next;
    if (gap < 1 || gap > MAX_RESULTS_GAP) return false;
    next += gap;
  }
  hash = mixTypeId(hash, MAX_KEYED_ID + 1 + gap);
  for (let k = 0; k < results.length; k++) {
    const t = results[k];
    if (!(t instanceof SlottedSharedTensor) || t.$a !== 0 || starts[t.$s] !== next || t.$x.id > MAX_KEYED_ID)
      return false;
    hash = mixTypeId(hash, t.$x.id);
    next += t.$x.length + 2;
  }
  hash &= FUNCTION_TYPE_NUMBER_MASK;
  let fn = p.functionTypes.get(hash);
  if (fn === undefined) {
    fn = newFunctionType(inputs, results, gap);
    p.functionTypes.set(hash, fn);
  } else if (!isFunctionType(fn, inputs, results, gap)) {
    // Another function type has this number: this one is kept under its full key, a character per type.
    const key = functionTypeKey(inputs, results, gap);
    fn = p.functionTypes.get(key);
    if (fn === undefined) {
      fn = newFunctionType(inputs, results, gap);
      p.functionTypes.set(key, fn);
    }
  }
  p.slots.releaseFrom(slotMark);
  op.$i = fn;
  op.$u = parenStart - opStart;
  return true;
}

/**
 * One step of a packed function type's number: the number so far, then the next type's template id (or the results'
 * gap as `MAX_KEYED_ID + 1 + gap`); the number starts as the input count and ends masked to a small integer (V8's
 * cheapest map key) by `FUNCTION_TYPE_NUMBER_MASK`.
 */
export function mixTypeId(hash: number, id: number): number {
  return (Math.imul(hash, 0x9e3779b1) + id) | 0;
}

export const FUNCTION_TYPE_NUMBER_MASK = 0x3fffffff;

function newFunctionType(inputs: readonly TypeNode[], results: readonly TypeNode[], gap: number): FunctionTypeTemplate {
  const types = new Array<TensorTemplate>(inputs.length + results.length);
  for (let k = 0; k < inputs.length; k++) types[k] = (inputs[k] as SlottedSharedTensor).$x;
  for (let k = 0; k < results.length; k++) types[inputs.length + k] = (results[k] as SlottedSharedTensor).$x;
  return { types, inputCount: inputs.length, resultsGap: gap };
}

/** Whether `fn` is the function type of these shared tensor types with this results' gap. */
function isFunctionType(
  fn: FunctionTypeTemplate,
  inputs: readonly TypeNode[],
  results: readonly TypeNode[],
  gap: number,
): boolean {
  const types = fn.types;
  if (fn.inputCount !== inputs.length || types.length !== inputs.length + results.length || fn.resultsGap !== gap)
    return false;
  for (let k = 0; k < inputs.length; k++) if (types[k] !== (inputs[k] as SlottedSharedTensor).$x) return false;
  for (let k = 0; k < results.length; k++)
    if (types[inputs.length + k] !== (results[k] as SlottedSharedTensor).$x) return false;
  return true;
}

/** A character per type (its template's id) with the results' gap between inputs and results. */
function functionTypeKey(inputs: readonly TypeNode[], results: readonly TypeNode[], gap: number): string {
  let key = '';
  for (const t of inputs) key += String.fromCharCode((t as SlottedSharedTensor).$x.id);
  key += String.fromCharCode(MAX_KEYED_ID + 1 + gap);
  for (const t of results) key += String.fromCharCode((t as SlottedSharedTensor).$x.id);
  return key;
}

/** Offsets of a packed function type's `(` from its op's start are at most this. */
const MAX_PACKED_TYPES_OFFSET = 2 ** 30;
/** Characters from the last input (or the `(`) to the first result in a packed function type: `) -> ` is 5. */
const MAX_RESULTS_GAP = 15;
/** Template ids above this are not keyed (a character each, below the gap's characters). */
export const MAX_KEYED_ID = 0xffff - MAX_RESULTS_GAP - 1;

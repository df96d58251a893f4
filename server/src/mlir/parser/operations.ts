/**
 * Operations (generic form and the dispatch to custom forms), their result and operand lists, regions and blocks
 * (LLVM's OperationParser).
 */

import { Tok, nextToken } from '../lexer';
import type {
  Block,
  BlockArgument,
  Location,
  Operation,
  Region,
  ResultGroup,
  SymbolLikeLabel,
  SymbolRef,
  TypeNode,
  ValueUse,
} from '../syntax';
import { SlottedSharedDict, parseDict } from './attributes';
import { parseCustomBody } from './customForms';
import { packedOpLocation, parseLocation } from './locations';
import {
  EMPTY,
  describe,
  enter,
  error,
  expect,
  isKeyword,
  leave,
  exact,
  orEmpty,
  resync,
  skipBalancedIteratively,
  skipResourceSection,
  span,
  stringValue,
  word,
  text,
  tk,
  tokRange,
  slot,
  type ParserState,
} from './state';
import { packFunctionType, parseOpFunctionType, parseType } from './types';
import { withLazyRegions, type LazyBody } from './lazyBodies';
import {
  MAX_PAIR_USE_CODES,
  MAX_SINGLE_USE_CODE,
  PACKED_PROPERTIES_GAP,
  PACKED_USE_OFFSETS,
  packedName,
  packedNameLength,
  packedUsePair,
  packedValueName,
  SlottedBlockArgument,
  USE_SEPARATOR_LENGTH,
  SlottedOp,
  SlottedResultGroup,
  SlottedValueUse,
  opOffsetsInto,
  noExtrasFor,
  packedOpName,
  slottedOpName,
} from './nodes';

/**
 * The Operation under construction, which becomes the op itself: one object per op, in its final field order from the
 * start (a draft copied into a new op at the end cost an object and three empty lists per op). Its lists start as the
 * shared EMPTY: add to `successors`, `regions` and `symbolUses` with `addSuccessor`/`addRegion`/`addSymbolUse`. Its
 * range slot is taken by `finishOp`.
 */
export type OpDraft = { -readonly [K in keyof SlottedOp]: SlottedOp[K] };

/**
 * Whether the op being parsed goes to a streamed body's sink (parser/lazyBodies.ts): valid during the call only, and
 * kept by nobody. parseOperation has entered a level: a block of the sink's depth parses its ops one level down.
 */
function opGoesToSink(p: ParserState): boolean {
  return p.opSink !== undefined && p.depth === p.opSinkDepth + 1;
}

function newDraft(p: ParserState, results: readonly ResultGroup[] | number): OpDraft {
  // No op of a streamed body is kept (a body parsed there has no lazy bodies of its own): they are all built in one
  // object, its fields rewritten in the literal's order (one op object of ~170 B per op of a 100k-op dump, 17 MB, was
  // garbage at once).
  if (opGoesToSink(p)) {
    const reused = p.sunkDraft;
    if (reused !== undefined) {
      reused.$s = -1;
      reused.name = '';
      reused.$f = 0;
      reused.$g = results;
      reused.$o = EMPTY;
      reused.$p = undefined;
      reused.$i = EMPTY;
      reused.$u = EMPTY;
      reused.$r = p.noExtras ??= noExtrasFor(p.slots);
      reused.$l = undefined;
      return reused;
    }
    return (p.sunkDraft = freshDraft(p, results));
  }
  return freshDraft(p, results);
}

function freshDraft(p: ParserState, results: readonly ResultGroup[] | number): OpDraft {
  // An object literal, not `new SlottedOp`: V8 pretenures the objects of a literal's allocation site once it sees them
  // survive (nearly every op does), so they are made in the old generation instead of being copied by two scavenges;
  // objects made by `new` have no allocation site. SlottedNode's fields, then Operation's, in one order.
  const draft = {
    __proto__: SlottedOp.prototype,
    $s: -1,
    name: '',
    $f: 0,
    $g: results,
    $o: EMPTY,
    $p: undefined,
    $i: EMPTY,
    $u: EMPTY,
    $r: (p.noExtras ??= noExtrasFor(p.slots)),
    $l: undefined,
  };
  return draft as unknown as OpDraft;
}

/**
 * Records where the name of an op starting at `start` is written (`nameStart`-`nameEnd`) with its form, which `$f`
 * holds until then (1 for a generic op): `SlottedOp.$f`.
 */
function placeName(p: ParserState, d: OpDraft, start: number, nameStart: number, nameEnd: number): void {
  const generic = d.$f === 1;
  const f = packedOpName(d.name, generic, start, nameStart, nameEnd);
  d.$f = f >= 0 ? f : slottedOpName(slot(p, nameStart, nameEnd), generic);
}

/** `list` with `item` added: a list of its own at the first item (a draft's lists start as the shared EMPTY). */
function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (list === EMPTY) return [item];
  (list as T[]).push(item);
  return list;
}

export function addRegion(d: OpDraft, region: Region): void {
  d.regions = appended(d.regions, region);
}

export function addSuccessor(d: OpDraft, successor: SymbolLikeLabel): void {
  d.successors = appended(d.successors, successor);
}

export function addSymbolUse(d: OpDraft, symbol: SymbolRef): void {
  d.symbolUses = appended(d.symbolUses, symbol);
}

function finishOp(p: ParserState, d: OpDraft, start: number, lazyBody: LazyBody | undefined): Operation {
  const results = d.$g;
  if (typeof results !== 'number' && results.length === 0) d.$g = EMPTY;
  const operands = d.$o;
  if (typeof operands !== 'number' && operands.length === 0) d.$o = EMPTY;
  const resultTypes = d.$u;
  if (typeof resultTypes !== 'number') {
    d.$i = orEmpty(d.$i as readonly TypeNode[]);
    d.$u = orEmpty(resultTypes);
  }
  const extras = d.$r;
  if (!extras.$shared) {
    extras.successors = exact(extras.successors);
    extras.regions = exact(extras.regions);
    extras.symbolUses = exact(extras.symbolUses);
  }
  d.$s = slot(p, start, Math.max(start, p.lx.prevEnd));
  return lazyBody === undefined ? d : withLazyRegions(d, lazyBody);
}

/** Custom-form op names MLIR accepts without a dialect prefix (builtin ops, and func ops inside a func.func). */
const UNPREFIXED_OP_NAMES = new Set(['module', 'return', 'call', 'unrealized_conversion_cast']);

/** Parses one op starting at the current token; on a syntax error, returns what was parsed and resyncs. */
export function parseOperation(p: ParserState): Operation | undefined {
  const lx = p.lx;
  const start = lx.start;
  if (!enter(p)) return undefined;
  const outerSink = p.symbolSink;
  try {
    let results: readonly ResultGroup[] | number = EMPTY;
    if (tk(lx) === Tok.PercentId) {
      const parsed = parseResultList(p);
      if (parsed === undefined) {
        resync(p);
        return undefined;
      }
      results = parsed;
    }
    const d = newDraft(p, results);
    p.symbolSink = d;
    let ok: boolean;
    let lazyBody: LazyBody | undefined;
    // The name's token, placed once the body is parsed (customForms.ts renames `module`, `return` and `call`).
    const nameStart = lx.start;
    const nameEnd = lx.end;
    if (tk(lx) === Tok.String) {
      d.$f = 1; // generic
      d.name = stringValue(p);
      nextToken(lx);
      ok = parseGenericBody(p, d, start);
    } else if (tk(lx) === Tok.BareId) {
      d.name = word(p);
      if (!d.name.includes('.') && !UNPREFIXED_OP_NAMES.has(d.name) && !inDefaultDialectRegion(outerSink)) {
        // MLIR resolves an undotted custom-form name only for builtin ops and func's return/call, and inside a region
        // whose op names a default dialect (below); anything else is "custom op 'x' is unknown" (and usually means
        // the file is prose or another language, not MLIR).
        error(p, `custom op '${d.name}' is unknown`);
        nextToken(lx);
        resync(p);
        return undefined;
      }
      nextToken(lx);
      ok = parseCustomBody(p, d);
      lazyBody = p.skippedBody;
      p.skippedBody = undefined;
    } else {
      error(p, `expected an operation, found ${describe(p)}`);
      resync(p);
      return undefined;
    }
    if (ok && isKeyword(p, 'loc') && adjacentOrSpacedParen(p)) {
      // Only an op without regions: an edit inside it re-parses it whole, so what lies in it never moves against its
      // start (an edit in a region moves the enclosing op's location, not its start).
      const packed = d.regions.length === 0 && lazyBody === undefined ? packedOpLocation(p, start) : -1;
      if (packed >= 0) d.$l = packed;
      else d.location = parseLocation(p);
    }
    if (!ok) resync(p);
    else if (tk(lx) !== Tok.Eof && tk(lx) !== Tok.RBrace && !lx.newlineBefore) {
      error(p, `unexpected ${describe(p)} after operation '${d.name}'`);
      resync(p);
    }
    placeName(p, d, start, nameStart, nameEnd);
    return finishOp(p, d, start, lazyBody);
  } finally {
    p.symbolSink = outerSink;
    leave(p);
  }
}

/**
 * Whether ops in the regions of `owner` (the op whose region is being parsed) may be written without a dialect
 * prefix: MLIR resolves such a name in the owner's default dialect (OpAsmOpInterface::getDefaultDialect, e.g.
 * `yield` inside `emitc.expression` is `emitc.yield`). Which ops declare one is not known here, so any dialect op
 * other than builtin's and func's (whose defaults give no `yield`) is taken to; the name is kept as written.
 */
function inDefaultDialectRegion(owner: OpDraft | undefined): boolean {
  if (owner === undefined) return false;
  const name = owner.name;
  const dot = name.indexOf('.');
  if (dot <= 0) return false;
  const dialect = name.slice(0, dot);
  return dialect !== 'func' && dialect !== 'builtin';
}

export function adjacentOrSpacedParen(p: ParserState): boolean {
  let i = p.lx.end;
  while (p.text.charCodeAt(i) === 32) i++;
  return p.text.charCodeAt(i) === 40;
}

/**
 * `%a, %b:2 =` as an exact-size list, or one `%N =` as its packed name (`SlottedOp.$g`); undefined (and an error) when
 * it is not that.
 */
function parseResultList(p: ParserState): ResultGroup[] | number | undefined {
  const lx = p.lx;
  const stack = p.resultLists;
  const mark = stack.mark();
  let guard = lx.limit;
  while (guard-- > 0) {
    if (tk(lx) !== Tok.PercentId) {
      error(p, `expected a result name, found ${describe(p)}`);
      break;
    }
    const start = lx.start;
    const nameEnd = lx.end;
    // One `%N =` / `%argN =` (nearly every op of a dump that has results): packed into the op (`SlottedOp.$g`).
    const code = stack.mark() === mark ? packedValueName(p.text, start, nameEnd) : -1;
    nextToken(lx);
    if (code >= 0 && tk(lx) === Tok.Equal) {
      nextToken(lx);
      return code;
    }
    const name = p.text.slice(start, nameEnd);
    let count = 1;
    let end = lx.prevEnd;
    if (tk(lx) === Tok.Colon) {
      nextToken(lx);
      if (tk(lx) !== Tok.Integer) {
        error(p, `expected a result count after ':', found ${describe(p)}`);
        break;
      }
      count = Number(text(p));
      end = lx.end;
      nextToken(lx);
    }
    stack.push(new SlottedResultGroup(p.slots, slot(p, start, end), name, count));
    if (tk(lx) === Tok.Comma) {
      nextToken(lx);
      continue;
    }
    if (!expect(p, Tok.Equal, "'=' after op results")) break;
    return stack.take(mark);
  }
  stack.drop(mark);
  return undefined;
}

export function valueUse(p: ParserState): ValueUse {
  const lx = p.lx;
  const t = text(p);
  const hash = t.indexOf('#');
  if (hash < 0) return new SlottedValueUse(p.slots, slot(p, lx.start, lx.end), t, undefined);
  return new SlottedValueUse(p.slots, slot(p, lx.start, lx.end), t.slice(0, hash), Number(t.slice(hash + 1)));
}

/** `%a, %b` as an exact-size list (possibly empty, stops at anything else). */
export function parseOperandList(p: ParserState): ValueUse[] {
  const lx = p.lx;
  const stack = p.valueLists;
  const mark = stack.mark();
  let guard = lx.limit;
  while (tk(lx) === Tok.PercentId && guard-- > 0) {
    stack.push(valueUse(p));
    nextToken(lx);
    if (tk(lx) !== Tok.Comma) break;
    nextToken(lx);
  }
  return stack.take(mark);
}

/**
 * A generic op's `%a, %b` (possibly empty, stops at anything else): packed (`SlottedOp.$o`) when every use is a `%N` /
 * `%argN`, as pairs of the use's offset from `opStart` and its name's code, or one number for one use near the start
 * or for a kept op's two written `%a, %b` (`packedUsePair`); else use nodes. The uses lie before any region of the op, so an edit never moves them against its start.
 */
function parseGenericOperands(p: ParserState, opStart: number): readonly ValueUse[] | readonly number[] | number {
  const lx = p.lx;
  const packed = p.packedLists;
  const mark = packed.mark();
  let guard = lx.limit;
  while (tk(lx) === Tok.PercentId && guard-- > 0) {
    const code = packedValueName(p.text, lx.start, lx.end);
    if (code < 0) return operandNodesAfter(p, opStart, mark);
    packed.push(lx.start - opStart);
    packed.push(code);
    nextToken(lx);
    if (tk(lx) !== Tok.Comma) break;
    nextToken(lx);
  }
  const pairs = packed.take(mark);
  if (pairs.length === 0) return EMPTY;
  if (pairs.length === 2 && pairs[0]! < PACKED_USE_OFFSETS && pairs[1]! <= MAX_SINGLE_USE_CODE)
    return pairs[1]! * PACKED_USE_OFFSETS + pairs[0]!;
  // A streamed body's op is dropped after its sink call: its pair saves no memory, and packing then decoding it costs
  // time (the list is already made).
  if (
    pairs.length === 4 &&
    !opGoesToSink(p) &&
    pairs[0]! < PACKED_USE_OFFSETS &&
    pairs[1]! < MAX_PAIR_USE_CODES &&
    pairs[3]! < MAX_PAIR_USE_CODES &&
    pairs[2] === pairs[0]! + packedNameLength(pairs[1]!) + USE_SEPARATOR_LENGTH
  )
    return packedUsePair(pairs[0]!, pairs[1]!, pairs[3]!);
  return pairs;
}

/**
 * The rest of `parseGenericOperands`'s list from a use it cannot pack: the uses packed since `mark` become nodes, then
 * the list is parsed as `parseOperandList` does.
 */
function operandNodesAfter(p: ParserState, opStart: number, mark: number): ValueUse[] {
  const pairs = p.packedLists.take(mark);
  const stack = p.valueLists;
  const nodesMark = stack.mark();
  for (let i = 0; i < pairs.length; i += 2) {
    const start = opStart + pairs[i]!;
    const name = packedName(pairs[i + 1]!);
    stack.push(new SlottedValueUse(p.slots, slot(p, start, start + name.length), name, undefined));
  }
  const rest = parseOperandList(p);
  for (const use of rest) stack.push(use);
  return stack.take(nodesMark);
}

/** After the quoted name: `(operands) [successors] <{props}> (regions) {attrs} : functionType` */
function parseGenericBody(p: ParserState, d: OpDraft, opStart: number): boolean {
  const lx = p.lx;
  if (!expect(p, Tok.LParen, "'(' after the op name")) return false;
  d.$o = parseGenericOperands(p, opStart);
  if (!expect(p, Tok.RParen, "')' after operands")) return false;
  if (tk(lx) === Tok.LSquare) {
    nextToken(lx);
    let guard = lx.limit;
    while (tk(lx) === Tok.CaretId && guard-- > 0) {
      addSuccessor(d, { name: text(p), range: tokRange(p) });
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
      addRegion(d, region);
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
  if (tk(lx) === Tok.LParen) {
    const parenStart = lx.start;
    const slotMark = p.slots.size;
    if (!parseOpFunctionType(p, d)) return false;
    // Types after a region move against the op's start when the region is edited; these lie before none. An op
    // handed to a streamed body's sink is dropped after the call: packing it would cost time and keep nothing.
    if (!opGoesToSink(p) && d.regions.length === 0 && packFunctionType(p, d, opStart, parenStart, slotMark))
      packProperties(p, d, parenStart);
    return true;
  }
  const type = parseType(p);
  if (!type) return false;
  error(p, `expected a function type '(...) -> ...' for "${d.name}"`, type.range);
  return false;
}

/**
 * Keeps a packed op's properties as their shared text (`SlottedOp.$p`) when they are a shared dictionary of its own
 * slot, the last one handed out (no attribute dictionary follows), whose `}` lies PACKED_PROPERTIES_GAP characters
 * before the function type's `(` at `parenStart`: its place follows from the `(`, and its slot is given back.
 */
function packProperties(p: ParserState, d: OpDraft, parenStart: number): void {
  const props = d.$p;
  if (!(props instanceof SlottedSharedDict) || props.$a !== 0 || d.attributes !== undefined) return;
  const slots = p.slots;
  if (props.$s !== slots.size - 1 || slots.ends[props.$s]! + PACKED_PROPERTIES_GAP !== parenStart + p.origin) return;
  slots.releaseFrom(props.$s);
  d.$p = props.$x;
}

// ---------------------------------------------------------------------------------------------
// Regions and blocks

/** `{ [^bb0(args):] ops ... }`; `entryArguments` are the function's arguments for an unlabeled entry block. */
export function parseRegion(p: ParserState, entryArguments: readonly BlockArgument[] | undefined): Region | undefined {
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
      blocks.push({ label: undefined, arguments: entryArguments, operations: [], range: span(p, lx.start, lx.start) });
    }
    if (tk(lx) !== Tok.RBrace) {
      error(p, "expected '}' to close the region", { start, end: start + 1 });
      return { blocks, range: span(p, start, lx.prevEnd) };
    }
    nextToken(lx);
    return { blocks, range: span(p, start, lx.prevEnd) };
  } finally {
    leave(p);
  }
}

// Where each op of a block starts and ends (`opOffsetsInto`): read from its slots without making its range object.
const opOffsets = new Int32Array(4);

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
        const nameSlot = slot(p, lx.start, lx.end);
        nextToken(lx);
        let type: TypeNode | undefined;
        if (expect(p, Tok.Colon, () => `':' after block argument ${name}`)) type = parseType(p);
        let location: Location | undefined;
        if (isKeyword(p, 'loc')) location = parseLocation(p);
        const argSlot = slot(p, argStart, lx.prevEnd);
        parsed.push(new SlottedBlockArgument(p.slots, argSlot, nameSlot, name, type, undefined, location));
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
  // A streamed body's own blocks hand their ops on (parser/lazyBodies.ts) and keep only where the first starts and
  // the last ends, for the block's range. The slots an op's nodes took are taken back once it is handed on: the
  // consumer keeps nothing of the syntax, so the body's slot table holds one op's slots, not the body's.
  const sink = p.opSink !== undefined && p.depth === p.opSinkDepth ? p.opSink : undefined;
  let firstStart = -1;
  let lastEnd = -1;
  let guard = lx.limit - lx.start + 2;
  while (tk(lx) !== Tok.RBrace && tk(lx) !== Tok.CaretId && tk(lx) !== Tok.Eof && guard-- > 0) {
    const before = lx.start;
    if (tk(lx) === Tok.FileMetadataBegin) {
      skipResourceSection(p);
      continue;
    }
    const slotMark = p.slots.size;
    const op = parseOperation(p);
    if (op) {
      opOffsetsInto(op, opOffsets);
      if (firstStart < 0) firstStart = opOffsets[0]!;
      lastEnd = opOffsets[1]!;
      if (sink === undefined) operations.push(op);
      else {
        sink(op);
        p.slots.releaseFrom(slotMark);
      }
    }
    if (lx.start === before && tk(lx) !== Tok.Eof) {
      nextToken(lx);
      resync(p);
    }
  }
  const blockStart = label ? start : firstStart >= 0 ? firstStart : start;
  const end = lastEnd >= 0 ? lastEnd : label ? lx.prevEnd : start;
  return { label, arguments: args, operations, range: span(p, blockStart, Math.max(blockStart, end)) };
}

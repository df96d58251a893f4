/**
 * Where names are written in the syntax tree — SSA values, block labels, `#`/`!` aliases, `@` symbols — each
 * occurrence with its range and whether it defines or uses the name; the one under an offset is found by
 * descending ranges with binary searches, so nothing is indexed ahead of time.
 */

import type { TextRange } from '../text/textRange';
import type {
  AliasDefinition,
  AttrNode,
  Block,
  BlockArgument,
  Chunk,
  Location,
  Operation,
  ResultGroup,
  SymbolLikeLabel,
  SyntaxFile,
  SymbolRef,
  TokenLeafKind,
  TokenTree,
  TypeNode,
  ValueUse,
} from './syntax';
import { SlottedSharedDict } from './parser/attributes';
import {
  SlottedSharedDialectAttr,
  SlottedSharedTensor,
  sharedTensorStart,
  slotStart,
  type RelativeTree,
} from './parser/nodes';
import { indexContaining } from './syntaxSearch';

export type NameKind = 'value' | 'block' | 'alias' | 'symbol';

export interface Occurrence {
  readonly nameKind: NameKind;
  /** As written, with its sigil: `%9`, `^bb1`, `#ttnn_layout3`, `!t`, `@main` (no `#N` result number, no `:N` count). */
  readonly name: string;
  /** The name alone: `%0` of `%0:2` and of `%0#1`. */
  readonly range: TextRange;
  readonly isDefinition: boolean;
}

/** Where an offset sits: the occurrence under it plus the context needed to resolve it. */
export interface OccurrenceAt {
  readonly occurrence: Occurrence;
  readonly chunk: Chunk;
  /** The innermost enclosing op (undefined at alias-definition level). */
  readonly op: Operation | undefined;
  /** The outermost-first chain of ops containing the offset, ending with `op`. */
  readonly ancestors: readonly Operation[];
  /** The name is in a header of one of `op`'s blocks (label, block or function argument): it lives in `op`'s regions. */
  readonly inBlockHeader: boolean;
}

// The parser bounds nesting at 200 levels; this keeps a hand-built tree from recursing without end.
const MAX_DEPTH = 512;

// ---------------------------------------------------------------------------------------------
// Finding the occurrence under an offset

/** The name occurrence under `offset`, if any (`offset` may touch either end of the name). */
export function occurrenceAt(file: SyntaxFile, offset: number): OccurrenceAt | undefined {
  const chunk = chunkAt(file, offset);
  if (chunk === undefined) return undefined;
  const alias = containing(chunk.aliases, offset);
  if (alias !== undefined) {
    const found = first(aliasDefinitionOccurrences(alias), offset);
    return found === undefined
      ? undefined
      : { occurrence: found, chunk, op: undefined, ancestors: [], inBlockHeader: false };
  }
  const ancestors = opsAt(file, offset);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const op = ancestors[i]!;
    const own = operandAt(op, offset) ?? first(opOwnOccurrences(op), offset);
    if (own !== undefined)
      return { occurrence: own, chunk, op, ancestors: ancestors.slice(0, i + 1), inBlockHeader: false };
    for (const region of op.regions) {
      for (const block of region.blocks) {
        const header = first(blockHeaderOccurrences(block), offset);
        if (header !== undefined)
          return { occurrence: header, chunk, op, ancestors: ancestors.slice(0, i + 1), inBlockHeader: true };
      }
    }
  }
  return undefined;
}

/** The chain of ops containing `offset`, outermost first (empty outside every op). */
export function opsAt(file: SyntaxFile, offset: number): Operation[] {
  const chunk = chunkAt(file, offset);
  const chain: Operation[] = [];
  let op = chunk === undefined ? undefined : containing(chunk.operations, offset);
  for (let depth = 0; depth < MAX_DEPTH && op !== undefined; depth++) {
    chain.push(op);
    const parent: Operation = op;
    op = undefined;
    // Binary searches all the way down: cost is O(depth x log ops), whatever the function's size.
    for (const region of parent.regions) {
      if (offset < region.range.start || offset > region.range.end) continue;
      const block = containing(region.blocks, offset);
      if (block !== undefined) op = containing(block.operations, offset);
      break;
    }
  }
  return chain;
}

/**
 * The operand use under `offset`, by binary search (operands are in source order): an op with 250k operands on one
 * line answered a hover or go-to-definition by making an occurrence per operand and type first.
 */
function operandAt(op: Operation, offset: number): Occurrence | undefined {
  // Read once: a syntax op may build its operands at each read (parser/nodes.ts `SlottedOp.operands`).
  const operands = op.operands;
  const i = indexContaining(operands, offset, { includeEnd: true });
  if (i < 0) return undefined;
  const o = operandUse(operands[i]!);
  return o.range.start <= offset && offset <= o.range.end ? o : undefined;
}

function chunkAt(file: SyntaxFile, offset: number): Chunk | undefined {
  return file.chunks.find((c) => c.range.start <= offset && offset <= c.range.end);
}

function first(occurrences: Iterable<Occurrence>, offset: number): Occurrence | undefined {
  for (const o of occurrences) if (o.range.start <= offset && offset <= o.range.end) return o;
  return undefined;
}

/** The node holding `offset`, its end included (a cursor just after a name is on it). */
function containing<T extends { readonly range: TextRange }>(nodes: readonly T[], offset: number): T | undefined {
  const i = indexContaining(nodes, offset, { includeEnd: true });
  return i < 0 ? undefined : nodes[i];
}

// ---------------------------------------------------------------------------------------------
// Value and label occurrences (what scope resolution reads)

export function resultDefinition(group: ResultGroup): Occurrence {
  return { nameKind: 'value', name: group.name, range: nameOnly(group.range, group.name), isDefinition: true };
}

/** `%0#2` is a use of `%0`; the result number stays out of the range (renaming `%0` keeps it). */
export function operandUse(use: ValueUse): Occurrence {
  return { nameKind: 'value', name: use.name, range: nameOnly(use.range, use.name), isDefinition: false };
}

/** The node's own range when it is just the name (most are: no copy), else the name's part of it. */
function nameOnly(range: TextRange, name: string): TextRange {
  const start = range.start;
  return range.end === start + name.length ? range : { start, end: start + name.length };
}

export function successorUse(label: SymbolLikeLabel): Occurrence {
  return { nameKind: 'block', name: label.name, range: label.range, isDefinition: false };
}

export function labelDefinition(label: SymbolLikeLabel): Occurrence {
  return { nameKind: 'block', name: label.name, range: label.range, isDefinition: true };
}

/** Undefined for the unnamed arguments of a function declaration. */
export function argumentDefinition(arg: BlockArgument): Occurrence | undefined {
  return arg.name === '' ? undefined : { nameKind: 'value', name: arg.name, range: arg.nameRange, isDefinition: true };
}

// ---------------------------------------------------------------------------------------------
// Every occurrence of an op, a block header, an alias definition

/**
 * Names written in an op itself, not in its blocks: results, its symbol, operands, successors, symbol uses, and
 * aliases in its attributes, types, function signature and location.
 */
export function* opOwnOccurrences(op: Operation): Generator<Occurrence> {
  for (const r of op.results) yield resultDefinition(r);
  if (op.symbol !== undefined) yield symbolDefinition(op.symbol);
  for (const u of op.operands) yield operandUse(u);
  for (const s of op.successors) yield successorUse(s);
  for (const s of op.symbolUses) yield symbolUse(s);
  yield* collected((sink) => attributeAndTypeUses(op, sink));
}

/** Names in a block's header: its label, its arguments, and aliases in their types, attributes and locations. */
export function* blockHeaderOccurrences(block: Block): Generator<Occurrence> {
  if (block.label !== undefined) yield labelDefinition(block.label);
  for (const arg of block.arguments) yield* collected((sink) => argumentUses(arg, sink));
}

/** An op's own names and its blocks' headers (not the names of nested ops). */
export function* opOccurrences(op: Operation): Generator<Occurrence> {
  yield* opOwnOccurrences(op);
  for (const region of op.regions) for (const block of region.blocks) yield* blockHeaderOccurrences(block);
}

/** Which names a walk wants: one name (with its sigil), those a test accepts, or (undefined) every one. */
export type NameFilter = string | ((name: string) => boolean) | undefined;

/**
 * The alias or symbol occurrences of `op` (`opOccurrences`, or `opOwnOccurrences` with `ownOnly`), in the same
 * order, only those of `nameKind` whose name `names` accepts: walks over every op of a file (alias and symbol
 * references, nameErrors' checks) make no occurrence object for the op's other names.
 */
export function forEachNamedOccurrence(
  op: Operation,
  nameKind: 'alias' | 'symbol',
  names: NameFilter,
  ownOnly: boolean,
  visit: (o: Occurrence) => void,
): void {
  const sink: Sink = { nameKind, names, visit };
  if (nameKind === 'symbol') {
    if (op.symbol !== undefined && wanted(sink, 'symbol', op.symbol.name)) visit(symbolDefinition(op.symbol));
    for (const s of op.symbolUses) if (wanted(sink, 'symbol', s.name)) visit(symbolUse(s));
  }
  attributeAndTypeUses(op, sink);
  if (ownOnly) return;
  for (const region of op.regions)
    for (const block of region.blocks) for (const arg of block.arguments) argumentUses(arg, sink);
}

export function aliasDefinition(alias: AliasDefinition): Occurrence {
  return { nameKind: 'alias', name: alias.name, range: alias.nameRange, isDefinition: true };
}

/** The alias name being defined plus the aliases its value uses. */
export function* aliasDefinitionOccurrences(alias: AliasDefinition): Generator<Occurrence> {
  yield aliasDefinition(alias);
  yield* collected((sink) => {
    if (alias.attr !== undefined) attrUses(alias.attr, 0, sink);
    if (alias.type !== undefined) typeUses(alias.type, 0, sink);
  });
}

/**
 * `aliasDefinitionOccurrences` of the names `names` accepts, in the same order, made only for those: a dump defines
 * an alias per op (`#locN`), which whole-chunk alias walks read every one of.
 */
export function forEachAliasDefinitionOccurrence(
  alias: AliasDefinition,
  names: NameFilter,
  visit: (o: Occurrence) => void,
): void {
  const sink: Sink = { nameKind: 'alias', names, visit };
  if (wanted(sink, 'alias', alias.name)) visit(aliasDefinition(alias));
  if (alias.attr !== undefined) attrUses(alias.attr, 0, sink);
  if (alias.type !== undefined) typeUses(alias.type, 0, sink);
}

function symbolDefinition(symbol: SymbolRef): Occurrence {
  return { nameKind: 'symbol', name: symbol.name, range: symbol.range, isDefinition: true };
}

function symbolUse(s: SymbolRef): Occurrence {
  return { nameKind: 'symbol', name: s.name, range: s.range, isDefinition: false };
}

// ---------------------------------------------------------------------------------------------
// Names inside attributes, types and locations (callbacks: a generator per node dominated whole-file walks)

/** Where a walk's occurrences go: only those of `nameKind` (when given) that `names` accepts are made and visited. */
interface Sink {
  readonly nameKind: NameKind | undefined;
  readonly names: NameFilter;
  readonly visit: (o: Occurrence) => void;
}

function wanted(sink: Sink, nameKind: NameKind, name: string): boolean {
  if (sink.nameKind !== undefined && sink.nameKind !== nameKind) return false;
  const names = sink.names;
  return names === undefined || (typeof names === 'string' ? names === name : names(name));
}

/** Every occurrence `walk` finds, in order. */
function collected(walk: (sink: Sink) => void): Occurrence[] {
  const out: Occurrence[] = [];
  walk({ nameKind: undefined, names: undefined, visit: (o) => out.push(o) });
  return out;
}

function attributeAndTypeUses(op: Operation, outer: Sink): void {
  // `callee = @f` is both in the parser's symbol uses and an attribute token: count it once.
  const uses = op.symbolUses;
  const sink: Sink =
    uses.length === 0 || outer.nameKind === 'alias'
      ? outer
      : {
          nameKind: outer.nameKind,
          names: outer.names,
          visit: (o) => {
            if (o.nameKind !== 'symbol' || !uses.some((s) => s.range.start === o.range.start)) outer.visit(o);
          },
        };
  if (op.properties !== undefined) attrUses(op.properties, 0, sink);
  if (op.attributes !== undefined) attrUses(op.attributes, 0, sink);
  for (const t of op.operandTypes) typeUses(t, 0, sink);
  for (const t of op.resultTypes) typeUses(t, 0, sink);
  const sig = op.signature;
  if (sig !== undefined) {
    // A definition's arguments are its entry block's, visited with the block header; a declaration's only here.
    if (op.regions[0]?.blocks[0]?.arguments !== sig.arguments) for (const arg of sig.arguments) argumentUses(arg, sink);
    for (const r of sig.results) {
      typeUses(r.type, 0, sink);
      if (r.attributes !== undefined) attrUses(r.attributes, 0, sink);
    }
  }
  if (op.location !== undefined) locationUses(op.location, 0, sink);
}

function argumentUses(arg: BlockArgument, sink: Sink): void {
  if (arg.name !== '' && wanted(sink, 'value', arg.name)) sink.visit(argumentDefinition(arg)!);
  if (arg.type !== undefined) typeUses(arg.type, 0, sink);
  if (arg.attributes !== undefined) attrUses(arg.attributes, 0, sink);
  if (arg.location !== undefined) locationUses(arg.location, 0, sink);
}

function aliasUse(name: string, range: TextRange): Occurrence {
  return { nameKind: 'alias', name, range, isDefinition: false };
}

function typeUses(t: TypeNode, depth: number, sink: Sink): void {
  if (depth > MAX_DEPTH) return;
  if (t instanceof SlottedSharedTensor && t.$x.elementBody === undefined) {
    // A scalar element and an optional `#alias` encoding, read from the template without building either node.
    const x = t.$x;
    if (x.encodingName === undefined || !wanted(sink, 'alias', x.encodingName)) return;
    const start = sharedTensorStart(t);
    sink.visit(aliasUse(x.encodingName, { start: start + x.encodingStart, end: start + x.encodingEnd }));
    return;
  }
  switch (t.kind) {
    case 'tensor':
      typeUses(t.elementType, depth + 1, sink);
      if (t.encoding !== undefined) attrUses(t.encoding, depth + 1, sink);
      return;
    case 'memref':
      typeUses(t.elementType, depth + 1, sink);
      if (t.layout !== undefined) attrUses(t.layout, depth + 1, sink);
      if (t.memorySpace !== undefined) attrUses(t.memorySpace, depth + 1, sink);
      return;
    case 'typeAlias':
      if (wanted(sink, 'alias', t.name)) sink.visit(aliasUse(t.name, t.range));
      return;
    case 'function':
      for (const i of t.inputs) typeUses(i, depth + 1, sink);
      for (const r of t.results) typeUses(r, depth + 1, sink);
      return;
    case 'dialectType':
    case 'otherType':
      if (t.body !== undefined) tokenUses(t.body.children, depth + 1, sink);
      return;
    case 'scalar':
      return;
  }
}

function attrUses(a: AttrNode, depth: number, sink: Sink): void {
  if (depth > MAX_DEPTH) return;
  if (a instanceof SlottedSharedDict || a instanceof SlottedSharedDialectAttr) {
    const relative = sharedOccurrences(a);
    if (relative.length === 0) return;
    const start = a instanceof SlottedSharedDict ? slotStart(a) + a.$a : slotStart(a);
    for (const r of relative) {
      if (!wanted(sink, r.nameKind, r.name)) continue;
      const range = { start: start + r.from, end: start + r.to };
      sink.visit({ nameKind: r.nameKind, name: r.name, range, isDefinition: false });
    }
    return;
  }
  switch (a.kind) {
    case 'attrAlias':
      if (wanted(sink, 'alias', a.name)) sink.visit(aliasUse(a.name, a.range));
      return;
    case 'dialectAttr':
      if (a.body !== undefined) tokenUses(a.body.children, depth + 1, sink);
      return;
    case 'integer':
    case 'float':
    case 'string':
      if (a.type !== undefined) typeUses(a.type, depth + 1, sink);
      return;
    case 'array':
      for (const e of a.elements) attrUses(e, depth + 1, sink);
      return;
    case 'dict':
      for (const e of a.entries) attrUses(e.value, depth + 1, sink);
      return;
    case 'opaque':
      tokenUses(a.tokens, depth + 1, sink);
      if (a.type !== undefined) typeUses(a.type, depth + 1, sink);
      return;
    case 'typeAttr':
      typeUses(a.type, depth + 1, sink);
      return;
    case 'loc':
      locationUses(a.loc, depth + 1, sink);
      return;
    case 'denseArray':
      if (a.elementType !== undefined) typeUses(a.elementType, depth + 1, sink);
      return;
    case 'bool':
    case 'unit':
      return;
  }
}

function locationUses(l: Location, depth: number, sink: Sink): void {
  if (depth > MAX_DEPTH) return;
  switch (l.kind) {
    case 'aliasRef':
      if (wanted(sink, 'alias', l.name)) sink.visit(aliasUse(l.name, l.range));
      return;
    case 'name':
      if (l.child !== undefined) locationUses(l.child, depth + 1, sink);
      return;
    case 'fused':
      for (const c of l.locations) locationUses(c, depth + 1, sink);
      return;
    case 'callsite':
      locationUses(l.callee, depth + 1, sink);
      locationUses(l.caller, depth + 1, sink);
      return;
    case 'unknown':
    case 'fileLineCol':
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared dictionaries and dialect attributes: occurrences once per distinct text

/** A use inside a shared node's text, with offsets from the node's start. */
interface RelativeOccurrence {
  readonly nameKind: NameKind;
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The uses inside a shared dictionary or dialect attribute, by the text object its uses share (parser/nodes.ts):
 * every use of one text holds the same names at the same offsets from its start. A shared dictionary's entries are
 * re-parsed on each read (~1.7 µs an entry), so a walk over every op's properties re-parsed them all; this parses
 * each distinct text once. Weak: the cache lives as long as the tree that holds the texts.
 */
const relativeByTemplate = new WeakMap<object, readonly RelativeOccurrence[]>();

function sharedOccurrences(a: SlottedSharedDict | SlottedSharedDialectAttr): readonly RelativeOccurrence[] {
  const key = a.$x;
  const cached = relativeByTemplate.get(key);
  if (cached !== undefined) return cached;
  const out: RelativeOccurrence[] = [];
  if (a instanceof SlottedSharedDict) {
    // At offset 0, the ranges the entries have are offsets from the dictionary's start. Depth counts from the node
    // (the parser bounds a shared text's nesting far below MAX_DEPTH anyway).
    const sink: Sink = {
      nameKind: undefined,
      names: undefined,
      visit: (o) => out.push({ nameKind: o.nameKind, name: o.name, from: o.range.start, to: o.range.end }),
    };
    for (const e of a.relativeEntries()) attrUses(e.value, 1, sink);
  } else {
    relativeTokenUses(a.$x.children, 1, out);
  }
  const list = out.length === 0 ? NO_OCCURRENCES : out;
  relativeByTemplate.set(key, list);
  return list;
}

const NO_OCCURRENCES: readonly RelativeOccurrence[] = Object.freeze([]);

/** tokenUses over a shared body's relative token tree. */
function relativeTokenUses(tokens: readonly RelativeTree[], depth: number, out: RelativeOccurrence[]): void {
  if (depth > MAX_DEPTH) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'group') {
      relativeTokenUses(t.children, depth + 1, out);
      continue;
    }
    const nameKind = leafNameKind(t.leafKind, t.text);
    if (nameKind === undefined) continue;
    const next = tokens[i + 1];
    if (nameKind === 'alias' && next !== undefined && next.kind === 'group' && next.open === '<' && next.from === t.to)
      continue;
    out.push({ nameKind, name: t.text, from: t.from, to: t.to });
  }
}

/** Alias and symbol uses in a sequence of tokens. */
function tokenUses(tokens: readonly TokenTree[], depth: number, sink: Sink): void {
  if (depth > MAX_DEPTH) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'group') {
      tokenUses(t.children, depth + 1, sink);
      continue;
    }
    const nameKind = leafNameKind(t.leafKind, t.text);
    if (nameKind === undefined || !wanted(sink, nameKind, t.text)) continue;
    const range = t.range;
    const next = tokens[i + 1];
    if (nameKind === 'alias' && next?.kind === 'group' && next.open === '<' && next.range.start === range.end) continue;
    sink.visit({ nameKind, name: t.text, range, isDefinition: false });
  }
}

/**
 * What a token names: `@sym` a symbol, `#a`/`!a` an alias — unless a `<...>` group follows it with no space
 * (`#ttnn<...>`), which the callers check. Inside uninterpreted bodies `#dram` and `#ttnn.buffer_type<...>` look
 * alike: dotted names and a name with a `<...>` body right after it are dialect attributes and types, not aliases.
 */
function leafNameKind(leafKind: TokenLeafKind, text: string): 'alias' | 'symbol' | undefined {
  if (leafKind === 'atIdent') return 'symbol';
  if (leafKind !== 'hashIdent' && leafKind !== 'bangIdent') return undefined;
  return text.includes('.') ? undefined : 'alias';
}

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
  TokenLeaf,
  TokenLeafKind,
  TokenTree,
  TypeNode,
  ValueUse,
} from './syntax';
import { SlottedSharedDict } from './parser/attributes';
import { SlottedSharedDialectAttr, SlottedSharedTensor, slotStart, type RelativeTree } from './parser/nodes';
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
  const i = indexContaining(op.operands, offset, { includeEnd: true });
  if (i < 0) return undefined;
  const o = operandUse(op.operands[i]!);
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
  if (op.symbol !== undefined)
    yield { nameKind: 'symbol', name: op.symbol.name, range: op.symbol.range, isDefinition: true };
  for (const u of op.operands) yield operandUse(u);
  for (const s of op.successors) yield successorUse(s);
  for (const s of op.symbolUses) yield { nameKind: 'symbol', name: s.name, range: s.range, isDefinition: false };
  if (op.symbolUses.length === 0) {
    yield* attributeAndTypeOccurrences(op);
    return;
  }
  for (const o of attributeAndTypeOccurrences(op)) {
    // `callee = @f` is both in the parser's symbol uses and an attribute token: count it once.
    if (o.nameKind === 'symbol' && op.symbolUses.some((s) => s.range.start === o.range.start)) continue;
    yield o;
  }
}

function* attributeAndTypeOccurrences(op: Operation): Generator<Occurrence> {
  if (op.properties !== undefined) yield* attrOccurrences(op.properties, 0);
  if (op.attributes !== undefined) yield* attrOccurrences(op.attributes, 0);
  for (const t of op.operandTypes) yield* typeOccurrences(t, 0);
  for (const t of op.resultTypes) yield* typeOccurrences(t, 0);
  const sig = op.signature;
  if (sig !== undefined) {
    // A definition's arguments are its entry block's, visited with the block header; a declaration's only here.
    if (op.regions[0]?.blocks[0]?.arguments !== sig.arguments)
      for (const arg of sig.arguments) yield* argumentOccurrences(arg);
    for (const r of sig.results) {
      yield* typeOccurrences(r.type, 0);
      if (r.attributes !== undefined) yield* attrOccurrences(r.attributes, 0);
    }
  }
  if (op.location !== undefined) yield* locationOccurrences(op.location, 0);
}

/** Names in a block's header: its label, its arguments, and aliases in their types, attributes and locations. */
export function* blockHeaderOccurrences(block: Block): Generator<Occurrence> {
  if (block.label !== undefined) yield labelDefinition(block.label);
  for (const arg of block.arguments) yield* argumentOccurrences(arg);
}

/** An op's own names and its blocks' headers (not the names of nested ops). */
export function* opOccurrences(op: Operation): Generator<Occurrence> {
  yield* opOwnOccurrences(op);
  for (const region of op.regions) for (const block of region.blocks) yield* blockHeaderOccurrences(block);
}

export function aliasDefinition(alias: AliasDefinition): Occurrence {
  return { nameKind: 'alias', name: alias.name, range: alias.nameRange, isDefinition: true };
}

/** The alias name being defined plus the aliases its value uses. */
export function* aliasDefinitionOccurrences(alias: AliasDefinition): Generator<Occurrence> {
  yield aliasDefinition(alias);
  if (alias.attr !== undefined) yield* attrOccurrences(alias.attr, 0);
  if (alias.type !== undefined) yield* typeOccurrences(alias.type, 0);
}

function* argumentOccurrences(arg: BlockArgument): Generator<Occurrence> {
  const def = argumentDefinition(arg);
  if (def !== undefined) yield def;
  if (arg.type !== undefined) yield* typeOccurrences(arg.type, 0);
  if (arg.attributes !== undefined) yield* attrOccurrences(arg.attributes, 0);
  if (arg.location !== undefined) yield* locationOccurrences(arg.location, 0);
}

function aliasUse(name: string, range: TextRange): Occurrence {
  return { nameKind: 'alias', name, range, isDefinition: false };
}

function* typeOccurrences(t: TypeNode, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  if (t instanceof SlottedSharedTensor) {
    // A scalar element and an optional `#alias` encoding, read from the template without building either node.
    const x = t.$x;
    if (x.encodingName === undefined) return;
    const start = slotStart(t);
    yield aliasUse(x.encodingName, { start: start + x.encodingStart, end: start + x.encodingEnd });
    return;
  }
  switch (t.kind) {
    case 'tensor':
      yield* typeOccurrences(t.elementType, depth + 1);
      if (t.encoding !== undefined) yield* attrOccurrences(t.encoding, depth + 1);
      return;
    case 'memref':
      yield* typeOccurrences(t.elementType, depth + 1);
      if (t.layout !== undefined) yield* attrOccurrences(t.layout, depth + 1);
      if (t.memorySpace !== undefined) yield* attrOccurrences(t.memorySpace, depth + 1);
      return;
    case 'typeAlias':
      yield aliasUse(t.name, t.range);
      return;
    case 'function':
      for (const i of t.inputs) yield* typeOccurrences(i, depth + 1);
      for (const r of t.results) yield* typeOccurrences(r, depth + 1);
      return;
    case 'dialectType':
    case 'otherType':
      if (t.body !== undefined) yield* tokenOccurrences(t.body.children, depth + 1);
      return;
    case 'scalar':
      return;
  }
}

function* attrOccurrences(a: AttrNode, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  if (a instanceof SlottedSharedDict || a instanceof SlottedSharedDialectAttr) {
    const relative = sharedOccurrences(a);
    if (relative.length === 0) return;
    const start = slotStart(a);
    for (const r of relative)
      yield {
        nameKind: r.nameKind,
        name: r.name,
        range: { start: start + r.from, end: start + r.to },
        isDefinition: false,
      };
    return;
  }
  switch (a.kind) {
    case 'attrAlias':
      yield aliasUse(a.name, a.range);
      return;
    case 'dialectAttr':
      if (a.body !== undefined) yield* tokenOccurrences(a.body.children, depth + 1);
      return;
    case 'integer':
    case 'float':
    case 'string':
      if (a.type !== undefined) yield* typeOccurrences(a.type, depth + 1);
      return;
    case 'array':
      for (const e of a.elements) yield* attrOccurrences(e, depth + 1);
      return;
    case 'dict':
      for (const e of a.entries) yield* attrOccurrences(e.value, depth + 1);
      return;
    case 'opaque':
      yield* tokenOccurrences(a.tokens, depth + 1);
      if (a.type !== undefined) yield* typeOccurrences(a.type, depth + 1);
      return;
    case 'typeAttr':
      yield* typeOccurrences(a.type, depth + 1);
      return;
    case 'loc':
      yield* locationOccurrences(a.loc, depth + 1);
      return;
    case 'denseArray':
      if (a.elementType !== undefined) yield* typeOccurrences(a.elementType, depth + 1);
      return;
    case 'bool':
    case 'unit':
      return;
  }
}

function* locationOccurrences(l: Location, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  switch (l.kind) {
    case 'aliasRef':
      yield aliasUse(l.name, l.range);
      return;
    case 'name':
      if (l.child !== undefined) yield* locationOccurrences(l.child, depth + 1);
      return;
    case 'fused':
      for (const c of l.locations) yield* locationOccurrences(c, depth + 1);
      return;
    case 'callsite':
      yield* locationOccurrences(l.callee, depth + 1);
      yield* locationOccurrences(l.caller, depth + 1);
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
    // At offset 0, the ranges the entries have are offsets from the dictionary's start.
    // Depth counts from the node (the parser bounds a shared text's nesting far below MAX_DEPTH anyway).
    for (const e of a.relativeEntries())
      for (const o of attrOccurrences(e.value, 1))
        out.push({ nameKind: o.nameKind, name: o.name, from: o.range.start, to: o.range.end });
  } else {
    relativeTokenOccurrences(a.$x.children, 1, out);
  }
  const list = out.length === 0 ? NO_OCCURRENCES : out;
  relativeByTemplate.set(key, list);
  return list;
}

const NO_OCCURRENCES: readonly RelativeOccurrence[] = Object.freeze([]);

/** tokenOccurrences over a shared body's relative token tree. */
function relativeTokenOccurrences(tokens: readonly RelativeTree[], depth: number, out: RelativeOccurrence[]): void {
  if (depth > MAX_DEPTH) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'group') {
      relativeTokenOccurrences(t.children, depth + 1, out);
      continue;
    }
    const next = tokens[i + 1];
    const bodyNext = next !== undefined && next.kind === 'group' && next.open === '<' && next.from === t.to;
    const kind = leafNameKind(t.leafKind, t.text, bodyNext);
    if (kind !== undefined) out.push({ nameKind: kind, name: t.text, from: t.from, to: t.to });
  }
}

/** Alias and symbol uses in a sequence of tokens (leaves inline: a generator per leaf would dominate big bodies). */
function* tokenOccurrences(tokens: readonly TokenTree[], depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'group') {
      yield* tokenOccurrences(t.children, depth + 1);
      continue;
    }
    const o = leafOccurrence(t, tokens[i + 1]);
    if (o !== undefined) yield o;
  }
}

/** `next` is the sibling after `leaf`, to tell `#ttnn<...>` (a dialect attribute) from an alias use. */
function leafOccurrence(leaf: TokenLeaf, next: TokenTree | undefined): Occurrence | undefined {
  if (leaf.leafKind !== 'atIdent' && leaf.leafKind !== 'hashIdent' && leaf.leafKind !== 'bangIdent') return undefined;
  const range = leaf.range;
  const bodyNext = next !== undefined && next.kind === 'group' && next.open === '<' && next.range.start === range.end;
  const nameKind = leafNameKind(leaf.leafKind, leaf.text, bodyNext);
  return nameKind === undefined ? undefined : { nameKind, name: leaf.text, range, isDefinition: false };
}

/** What a token names: `@sym` a symbol, `#a`/`!a` an alias; `bodyNext`: a `<...>` group follows with no space. */
function leafNameKind(leafKind: TokenLeafKind, text: string, bodyNext: boolean): NameKind | undefined {
  if (leafKind === 'atIdent') return 'symbol';
  if (leafKind !== 'hashIdent' && leafKind !== 'bangIdent') return undefined;
  // Inside uninterpreted bodies `#dram` and `#ttnn.buffer_type<...>` look alike: dotted names and a name with a
  // `<...>` body right after it (`#ttnn<...>`) are dialect attributes and types, not aliases.
  if (text.includes('.') || bodyNext) return undefined;
  return 'alias';
}

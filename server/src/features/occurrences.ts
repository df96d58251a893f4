/**
 * Name occurrences in the syntax tree (SSA values, block labels, `#`/`!` aliases, `@` symbols) found on demand
 * by descending ranges, so navigation needs no index kept in memory for huge files.
 */

import type {
  AliasDefinition,
  AttrNode,
  Chunk,
  Location,
  Operation,
  SyntaxFile,
  TokenTree,
  TypeNode,
} from '../mlir/syntax';
import type { TextRange } from '../text/textRange';

export type NameKind = 'value' | 'block' | 'alias' | 'symbol';

export interface Occurrence {
  readonly nameKind: NameKind;
  /** As written, with its sigil: `%9`, `^bb1`, `#ttnn_layout3`, `@main`. */
  readonly name: string;
  readonly range: TextRange;
  readonly isDefinition: boolean;
}

/** Where an offset sits: the occurrence under it plus the context needed to resolve it. */
export interface OccurrenceAt {
  readonly occurrence: Occurrence;
  readonly chunk: Chunk;
  /** The innermost enclosing op (undefined at alias-definition level). */
  readonly op: Operation | undefined;
  /** The outermost-first chain of ops containing the offset. */
  readonly ancestors: readonly Operation[];
}

// The parser bounds nesting; this keeps a hostile tree from recursing forever.
const MAX_DEPTH = 256;

/** The name occurrence under `offset`, if any (`offset` may touch either end of the name). */
export function occurrenceAt(file: SyntaxFile, offset: number): OccurrenceAt | undefined {
  const chunk = file.chunks.find((c) => c.range.start <= offset && offset <= c.range.end);
  if (chunk === undefined) return undefined;
  const alias = containing(chunk.aliases, offset);
  if (alias !== undefined) {
    const found = [...aliasDefinitionOccurrences(alias)].find((o) => touches(o.range, offset));
    return found === undefined ? undefined : { occurrence: found, chunk, op: undefined, ancestors: [] };
  }
  const ancestors = opsAt(file, offset);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const op = ancestors[i]!;
    const own = [...opOccurrences(op)].find((o) => touches(o.range, offset));
    if (own !== undefined) return { occurrence: own, chunk, op, ancestors: ancestors.slice(0, i + 1) };
  }
  return undefined;
}

/** The chain of ops containing `offset`, outermost first (empty outside every op). */
export function opsAt(file: SyntaxFile, offset: number): Operation[] {
  const chunk = file.chunks.find((c) => c.range.start <= offset && offset <= c.range.end);
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

function touches(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** Binary search over nodes in source order (non-overlapping ranges). */
function containing<T extends { readonly range: TextRange }>(nodes: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = nodes[mid]!;
    if (offset < node.range.start) hi = mid - 1;
    else if (offset > node.range.end) lo = mid + 1;
    else return node;
  }
  return undefined;
}

/** Occurrences written in an op itself and in the headers of its blocks (labels, arguments), not in nested ops. */
export function* opOccurrences(op: Operation): Generator<Occurrence> {
  for (const r of op.results) yield { nameKind: 'value', name: r.name, range: r.range, isDefinition: true };
  if (op.symbol !== undefined) yield { nameKind: 'symbol', name: op.symbol.name, range: op.symbol.range, isDefinition: true };
  for (const u of op.operands) yield { nameKind: 'value', name: u.name, range: { start: u.range.start, end: u.range.start + u.name.length }, isDefinition: false };
  for (const s of op.successors) yield { nameKind: 'block', name: s.name, range: s.range, isDefinition: false };
  for (const s of op.symbolUses) yield { nameKind: 'symbol', name: s.name, range: s.range, isDefinition: false };
  if (op.properties !== undefined) yield* attrOccurrences(op.properties, 0);
  if (op.attributes !== undefined) yield* attrOccurrences(op.attributes, 0);
  for (const t of op.operandTypes) yield* typeOccurrences(t, 0);
  for (const t of op.resultTypes) yield* typeOccurrences(t, 0);
  // Function results (`-> tensor<..., #ttnn_layout>`); the arguments are the entry block's, visited below.
  for (const r of op.signature?.results ?? []) {
    yield* typeOccurrences(r.type, 0);
    if (r.attributes !== undefined) yield* attrOccurrences(r.attributes, 0);
  }
  for (const region of op.regions) {
    for (const block of region.blocks) {
      if (block.label !== undefined) yield { nameKind: 'block', name: block.label.name, range: block.label.range, isDefinition: true };
      for (const arg of block.arguments) {
        yield { nameKind: 'value', name: arg.name, range: arg.nameRange, isDefinition: true };
        if (arg.type !== undefined) yield* typeOccurrences(arg.type, 0);
        if (arg.attributes !== undefined) yield* attrOccurrences(arg.attributes, 0);
        if (arg.location !== undefined) yield* locationOccurrences(arg.location, 0);
      }
    }
  }
  if (op.location !== undefined) yield* locationOccurrences(op.location, 0);
}

/** The alias name being defined plus the aliases its value uses. */
export function* aliasDefinitionOccurrences(alias: AliasDefinition): Generator<Occurrence> {
  yield { nameKind: 'alias', name: alias.name, range: alias.nameRange, isDefinition: true };
  if (alias.attr !== undefined) yield* attrOccurrences(alias.attr, 0);
  if (alias.type !== undefined) yield* typeOccurrences(alias.type, 0);
}

function aliasUse(name: string, range: TextRange): Occurrence {
  return { nameKind: 'alias', name, range, isDefinition: false };
}

function* typeOccurrences(t: TypeNode, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
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
      if (t.body !== undefined) yield* tokenOccurrences(t.body, depth + 1);
      return;
    case 'scalar':
      return;
  }
}

function* attrOccurrences(a: AttrNode, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  switch (a.kind) {
    case 'attrAlias':
      yield aliasUse(a.name, a.range);
      return;
    case 'dialectAttr':
      if (a.body !== undefined) yield* tokenOccurrences(a.body, depth + 1);
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
      for (const tok of a.tokens) yield* tokenOccurrences(tok, depth + 1);
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

function* tokenOccurrences(t: TokenTree, depth: number): Generator<Occurrence> {
  if (depth > MAX_DEPTH) return;
  if (t.kind === 'group') {
    for (const c of t.children) yield* tokenOccurrences(c, depth + 1);
    return;
  }
  // Inside uninterpreted bodies `#dram`, `!ttcore.tile` look alike; only dot-free names can be aliases.
  if ((t.leafKind === 'hashIdent' || t.leafKind === 'bangIdent') && !t.text.includes('.')) yield aliasUse(t.text, t.range);
  else if (t.leafKind === 'atIdent') yield { nameKind: 'symbol', name: t.text, range: t.range, isDefinition: false };
}

/**
 * Incremental re-parse after an edit inside one op (a keystroke in a shape, an attribute, a location): only that op's
 * text is parsed again and spliced into a copy of the previous tree; everything before the edit is shared, everything
 * after is copied with shifted ranges. Anything less local (new lines of ops, regions, aliases, errors) returns
 * undefined and the caller parses the whole text. Pure: the previous tree is never modified.
 */

import { parse } from '../mlir/parser';
import type {
  AliasDefinition,
  AttrNode,
  Block,
  BlockArgument,
  Chunk,
  DictAttr,
  FunctionSignature,
  Location,
  Operation,
  ParseResult,
  Region,
  SyntaxFile,
  TokenGroup,
  TokenTree,
  TypeNode,
} from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { opsAt } from './occurrences';

/** One contiguous replacement, in offsets of the previous text. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * The parse of `text` (= the previous text with `change` applied), reusing `previous`; undefined when the change is
 * not confined to the inside of one op without regions, or when that op no longer parses cleanly on its own.
 */
export function reparseChange(previous: ParseResult, change: TextChange, text: string, options: ReparseOptions = {}): ParseResult | undefined {
  currentOrigins = options.origins;
  try {
    return reparse(previous, change, text);
  } finally {
    currentOrigins = undefined;
  }
}

function reparse(previous: ParseResult, change: TextChange, text: string): ParseResult | undefined {
  if (previous.errors.length > 0 || change.start > change.end) return undefined;
  const chain = opsAt(previous.file, change.start);
  const leaf = chain[chain.length - 1];
  // Strictly inside the op: its first and last characters stay, so the ops around it tokenise as before.
  if (leaf === undefined || chain.length < 2 || leaf.regions.length > 0) return undefined;
  if (!(leaf.range.start < change.start && change.end < leaf.range.end)) return undefined;
  const delta = change.newText.length - (change.end - change.start);
  // A fresh copy of the op's characters: token texts are slices of the parsed string, and slices of `text` would keep
  // this version's whole text alive for as long as the op lives (one full text per edit, found as heap growth).
  const opText = Array.from(text.slice(leaf.range.start, leaf.range.end + delta)).join('');
  const reparsed = parse(opText);
  const chunk = reparsed.file.chunks[0];
  const op = chunk?.operations[0];
  if (reparsed.errors.length > 0 || reparsed.file.chunks.length !== 1 || reparsed.file.resourceSections.length > 0) return undefined;
  if (chunk === undefined || op === undefined || chunk.aliases.length > 0 || chunk.operations.length !== 1) return undefined;
  if (op.regions.length > 0 || op.range.start !== 0 || op.range.end !== opText.length) return undefined;
  // The replacement copies an op of the scratch parse: it has no origin worth recording.
  const origins = currentOrigins;
  currentOrigins = undefined;
  const replacement = copyOp(op, leaf.range.start);
  currentOrigins = origins;
  const splice: Splice = { at: change.end, delta, chain, replacement };
  return { file: rebuildFile(previous.file, splice), errors: [] };
}

export interface ReparseOptions {
  /**
   * Filled with (range-shifted copy → the op of an earlier tree it copies), the earliest such op when the map already
   * holds the copied op's own origin: lets work derived from an op (its TTNN view) carry over a batch of edits. The
   * caller owns the map and drops it after use, so old trees are not kept alive.
   */
  readonly origins?: Map<Operation, Operation>;
}

// The map of the reparseChange call in progress (the copy helpers are many and recursive; calls never nest).
let currentOrigins: Map<Operation, Operation> | undefined;

interface Splice {
  /** Nodes starting at or after this previous-text offset move by `delta`. */
  readonly at: number;
  readonly delta: number;
  /** Ops containing the change, outermost first; the last is replaced. */
  readonly chain: readonly Operation[];
  readonly replacement: Operation;
}

function rebuildFile(file: SyntaxFile, s: Splice): SyntaxFile {
  return {
    chunks: file.chunks.map((c) => (c.range.end < s.at ? c : c.range.start >= s.at ? copyChunk(c, s.delta) : rebuildChunk(c, s))),
    resourceSections: file.resourceSections.map((r) => (r.start >= s.at ? shift(r, s.delta) : r)),
    range: grow(file.range, s.delta),
  };
}

function rebuildChunk(chunk: Chunk, s: Splice): Chunk {
  return {
    aliases: chunk.aliases.map((a) => (a.range.start >= s.at ? copyAlias(a, s.delta) : a)),
    operations: chunk.operations.map((o) => (o === s.chain[0] ? rebuildOp(o, s, 0) : o.range.start >= s.at ? copyOp(o, s.delta) : o)),
    range: grow(chunk.range, s.delta),
  };
}

function rebuildOp(op: Operation, s: Splice, depth: number): Operation {
  if (depth === s.chain.length - 1) return s.replacement;
  const child = s.chain[depth + 1]!;
  const after = <T extends { readonly range: TextRange }>(node: T, copy: (n: T, d: number) => T): T => (node.range.start >= s.at ? copy(node, s.delta) : node);
  const maybe = <T extends { readonly range: TextRange }>(node: T | undefined, copy: (n: T, d: number) => T): T | undefined => (node === undefined ? undefined : after(node, copy));
  const regions = op.regions.map((region): Region => {
    if (region.range.end < s.at) return region;
    if (region.range.start >= s.at) return copyRegion(region, s.delta).region;
    const blocks = region.blocks.map((block): Block => {
      if (block.range.end < s.at) return block;
      if (block.range.start >= s.at) return copyBlock(block, s.delta);
      // The block header (label, arguments) precedes its ops, so it lies before the change.
      const operations = block.operations.map((o) => (o === child ? rebuildOp(o, s, depth + 1) : o.range.start >= s.at ? copyOp(o, s.delta) : o));
      return { ...block, operations, range: grow(block.range, s.delta) };
    });
    return { blocks, range: grow(region.range, s.delta) };
  });
  return {
    ...op,
    nameRange: op.nameRange.start >= s.at ? shift(op.nameRange, s.delta) : op.nameRange,
    results: op.results.map((r) => after(r, (n, d) => ({ ...n, range: shift(n.range, d) }))),
    operands: op.operands.map((u) => after(u, (n, d) => ({ ...n, range: shift(n.range, d) }))),
    successors: op.successors.map((l) => after(l, (n, d) => ({ ...n, range: shift(n.range, d) }))),
    properties: maybe(op.properties, copyDict),
    attributes: maybe(op.attributes, copyDict),
    regions,
    operandTypes: op.operandTypes.map((t) => after(t, copyType)),
    resultTypes: op.resultTypes.map((t) => after(t, copyType)),
    symbol: maybe(op.symbol, (n, d) => ({ ...n, range: shift(n.range, d) })),
    symbolUses: op.symbolUses.map((u) => after(u, (n, d) => ({ ...n, range: shift(n.range, d) }))),
    location: maybe(op.location, copyLocation),
    // A signature precedes the body: kept as is, still sharing the entry block's (unchanged) arguments.
    range: grow(op.range, s.delta),
  };
}

// ---------------------------------------------------------------------------------------------
// Copies with every range shifted by `d` (type-directed so that no position-bearing field is missed).

function shift(r: TextRange, d: number): TextRange {
  return { start: r.start + d, end: r.end + d };
}

function grow(r: TextRange, d: number): TextRange {
  return { start: r.start, end: r.end + d };
}

function copyChunk(c: Chunk, d: number): Chunk {
  return { aliases: c.aliases.map((a) => copyAlias(a, d)), operations: c.operations.map((o) => copyOp(o, d)), range: shift(c.range, d) };
}

function copyAlias(a: AliasDefinition, d: number): AliasDefinition {
  return {
    ...a,
    nameRange: shift(a.nameRange, d),
    attr: a.attr === undefined ? undefined : copyAttr(a.attr, d),
    type: a.type === undefined ? undefined : copyType(a.type, d),
    range: shift(a.range, d),
  };
}

function copyOp(op: Operation, d: number): Operation {
  const args = new Map<BlockArgument, BlockArgument>();
  const regions = op.regions.length === 0 ? op.regions : op.regions.map((r) => {
    const copied = copyRegion(r, d);
    for (const [from, to] of copied.args) args.set(from, to);
    return copied.region;
  });
  // Explicit fields rather than spreads: this runs for every op after the edit, and literal shapes stay fast.
  const out: Operation = {
    kind: 'operation',
    name: op.name,
    nameRange: shift(op.nameRange, d),
    form: op.form,
    results: op.results.length === 0 ? op.results : op.results.map((r) => ({ name: r.name, count: r.count, range: shift(r.range, d) })),
    operands: op.operands.length === 0 ? op.operands : op.operands.map((u) => ({ name: u.name, resultIndex: u.resultIndex, range: shift(u.range, d) })),
    successors: op.successors.length === 0 ? op.successors : op.successors.map((l) => ({ name: l.name, range: shift(l.range, d) })),
    properties: op.properties === undefined ? undefined : copyDict(op.properties, d),
    attributes: op.attributes === undefined ? undefined : copyDict(op.attributes, d),
    regions,
    operandTypes: op.operandTypes.length === 0 ? op.operandTypes : op.operandTypes.map((t) => copyType(t, d)),
    resultTypes: op.resultTypes.length === 0 ? op.resultTypes : op.resultTypes.map((t) => copyType(t, d)),
    symbol: op.symbol === undefined ? undefined : { name: op.symbol.name, range: shift(op.symbol.range, d) },
    symbolUses: op.symbolUses.length === 0 ? op.symbolUses : op.symbolUses.map((u) => ({ name: u.name, range: shift(u.range, d) })),
    location: op.location === undefined ? undefined : copyLocation(op.location, d),
    range: shift(op.range, d),
  };
  if (op.visibility !== undefined) (out as { visibility?: string }).visibility = op.visibility;
  const copied = op.signature === undefined ? out : { ...out, signature: copySignature(op.signature, d, args) };
  if (currentOrigins !== undefined) currentOrigins.set(copied, currentOrigins.get(op) ?? op);
  return copied;
}

/** Keeps the parser's sharing: a definition's signature arguments are its entry block's argument objects. */
function copySignature(sig: FunctionSignature, d: number, copiedArgs: ReadonlyMap<BlockArgument, BlockArgument>): FunctionSignature {
  return {
    arguments: sig.arguments.map((a) => copiedArgs.get(a) ?? copyArgument(a, d)),
    results: sig.results.map((r) => ({ ...r, type: copyType(r.type, d), attributes: r.attributes === undefined ? undefined : copyDict(r.attributes, d), range: shift(r.range, d) })),
    range: shift(sig.range, d),
  };
}

function copyRegion(region: Region, d: number): { region: Region; args: Map<BlockArgument, BlockArgument> } {
  const args = new Map<BlockArgument, BlockArgument>();
  const blocks = region.blocks.map((b) => copyBlock(b, d, args));
  return { region: { blocks, range: shift(region.range, d) }, args };
}

function copyBlock(block: Block, d: number, args?: Map<BlockArgument, BlockArgument>): Block {
  return {
    label: block.label === undefined ? undefined : { ...block.label, range: shift(block.label.range, d) },
    arguments: block.arguments.map((a) => {
      const copied = copyArgument(a, d);
      args?.set(a, copied);
      return copied;
    }),
    operations: block.operations.map((o) => copyOp(o, d)),
    range: shift(block.range, d),
  };
}

function copyArgument(a: BlockArgument, d: number): BlockArgument {
  return {
    ...a,
    nameRange: shift(a.nameRange, d),
    type: a.type === undefined ? undefined : copyType(a.type, d),
    attributes: a.attributes === undefined ? undefined : copyDict(a.attributes, d),
    location: a.location === undefined ? undefined : copyLocation(a.location, d),
    range: shift(a.range, d),
  };
}

function copyType(t: TypeNode, d: number): TypeNode {
  switch (t.kind) {
    case 'tensor':
      return { kind: 'tensor', shape: t.shape, shapeText: t.shapeText, elementType: copyType(t.elementType, d), encoding: t.encoding === undefined ? undefined : copyAttr(t.encoding, d), range: shift(t.range, d) };
    case 'memref':
      return {
        ...t,
        elementType: copyType(t.elementType, d),
        layout: t.layout === undefined ? undefined : copyAttr(t.layout, d),
        memorySpace: t.memorySpace === undefined ? undefined : copyAttr(t.memorySpace, d),
        range: shift(t.range, d),
      };
    case 'function':
      return { ...t, inputs: t.inputs.map((x) => copyType(x, d)), results: t.results.map((x) => copyType(x, d)), range: shift(t.range, d) };
    case 'dialectType':
    case 'otherType':
      return { ...t, body: t.body === undefined ? undefined : copyGroup(t.body, d), range: shift(t.range, d) };
    case 'scalar':
      return { kind: 'scalar', name: t.name, range: shift(t.range, d) };
    case 'typeAlias':
      return { kind: 'typeAlias', name: t.name, range: shift(t.range, d) };
  }
}

function copyDict(a: DictAttr, d: number): DictAttr {
  return { kind: 'dict', entries: a.entries.map((e) => ({ name: e.name, nameRange: shift(e.nameRange, d), value: copyAttr(e.value, d), range: shift(e.range, d) })), range: shift(a.range, d) };
}

function copyAttr(a: AttrNode, d: number): AttrNode {
  switch (a.kind) {
    case 'dialectAttr':
      return { kind: 'dialectAttr', name: a.name, body: a.body === undefined ? undefined : copyGroup(a.body, d), range: shift(a.range, d) };
    case 'integer':
    case 'float':
    case 'string':
      return { ...a, type: a.type === undefined ? undefined : copyType(a.type, d), range: shift(a.range, d) };
    case 'array':
      return { ...a, elements: a.elements.map((e) => copyAttr(e, d)), range: shift(a.range, d) };
    case 'denseArray':
      return { ...a, elementType: a.elementType === undefined ? undefined : copyType(a.elementType, d), range: shift(a.range, d) };
    case 'dict':
      return copyDict(a, d);
    case 'opaque': {
      const copied = { ...a, tokens: a.tokens.map((t) => copyToken(t, d)), range: shift(a.range, d) };
      return a.type === undefined ? copied : { ...copied, type: copyType(a.type, d) };
    }
    case 'typeAttr':
      return { ...a, type: copyType(a.type, d), range: shift(a.range, d) };
    case 'loc':
      return { ...a, loc: copyLocation(a.loc, d), range: shift(a.range, d) };
    case 'attrAlias':
      return { kind: 'attrAlias', name: a.name, range: shift(a.range, d) };
    case 'bool':
    case 'unit':
      return { ...a, range: shift(a.range, d) };
  }
}

function copyLocation(l: Location, d: number): Location {
  switch (l.kind) {
    case 'name':
      return { ...l, child: l.child === undefined ? undefined : copyLocation(l.child, d), range: shift(l.range, d) };
    case 'fused':
      return { ...l, locations: l.locations.map((x) => copyLocation(x, d)), range: shift(l.range, d) };
    case 'callsite':
      return { ...l, callee: copyLocation(l.callee, d), caller: copyLocation(l.caller, d), range: shift(l.range, d) };
    case 'aliasRef':
      return { kind: 'aliasRef', name: l.name, range: shift(l.range, d) };
    case 'unknown':
    case 'fileLineCol':
      return { ...l, range: shift(l.range, d) };
  }
}

function copyGroup(g: TokenGroup, d: number): TokenGroup {
  return { kind: 'group', open: g.open, children: g.children.map((c) => copyToken(c, d)), range: shift(g.range, d) };
}

function copyToken(t: TokenTree, d: number): TokenTree {
  if (t.kind === 'group') return copyGroup(t, d);
  return t.value === undefined ? { kind: 'leaf', leafKind: t.leafKind, text: t.text, range: shift(t.range, d) } : { kind: 'leaf', leafKind: t.leafKind, text: t.text, value: t.value, range: shift(t.range, d) };
}

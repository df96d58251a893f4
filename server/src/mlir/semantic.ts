/**
 * Name resolution over a parsed file: SSA values (scoped per region, isolated-from-above ops start a fresh scope),
 * block labels, `#`/`!` aliases (forward `#locN` references included) and `@` symbols (per symbol table), with
 * every reference, plus the errors MLIR itself reports for undefined and redefined names.
 */

import type { TextRange } from '../text/textRange';
import { locationOfAlias, resolveLocation as resolveLocationWith, type ResolvedLocation } from './locations';
import type {
  AliasDefinition,
  AttrNode,
  BlockArgument,
  Chunk,
  Location,
  Operation,
  ParseError,
  ParseResult,
  Region,
  TokenTree,
  TypeNode,
} from './syntax';

export type NameKind = 'value' | 'blockLabel' | 'attrAlias' | 'typeAlias' | 'symbol';

/** One named thing: its definition (if any) and every reference to it. */
export interface NamedEntity {
  readonly kind: NameKind;
  /** With its sigil: `%9`, `^bb1`, `#ttnn_layout3`, `!t`, `@main`. */
  readonly name: string;
  readonly chunkIndex: number;
  /** Range of the defining name (`%0` of `%0:6`, `#loc7` of `#loc7 = ...`); undefined when never defined. */
  readonly definition: TextRange | undefined;
  /** Ranges of the uses, in source order (`%0#2` covers the whole token). */
  readonly references: readonly TextRange[];
  /** For values: the op whose results define it (undefined for block and function arguments). */
  readonly definingOp: Operation | undefined;
  /** For values defined by `%0:6`: the group size; 1 otherwise. */
  readonly resultCount: number;
  /** For values defined as block or function arguments. */
  readonly blockArgument: BlockArgument | undefined;
  /** For aliases. */
  readonly alias: AliasDefinition | undefined;
  /** For symbols: the op that defines it (`func.func`, `module`, `ttcore.device`). */
  readonly symbolOp: Operation | undefined;
}

export interface Occurrence {
  readonly range: TextRange;
  readonly entity: NamedEntity;
  readonly isDefinition: boolean;
}

export interface SemanticIndex {
  readonly entities: readonly NamedEntity[];
  /** Every name occurrence, sorted by range start (non-overlapping). */
  readonly occurrences: readonly Occurrence[];
  /** Undefined and redefined names, out-of-range result numbers (errors) and unresolved symbols (warnings), by position. */
  readonly diagnostics: readonly ParseError[];
  /** Alias definitions per chunk, by name with sigil. */
  readonly aliasesByChunk: readonly ReadonlyMap<string, AliasDefinition>[];
  readonly chunks: readonly Chunk[];
}

/** What `symbolAt` finds under an offset. */
export interface SymbolAtResult {
  readonly kind: NameKind;
  readonly name: string;
  /** The occurrence under the offset. */
  readonly range: TextRange;
  readonly isDefinition: boolean;
  readonly definition: TextRange | undefined;
  readonly references: readonly TextRange[];
  readonly entity: NamedEntity;
}

export interface ResolvedAlias {
  /** The alias definitions followed, first the one asked for (`#a = #b` chains). */
  readonly chain: readonly AliasDefinition[];
  /** The last definition's value (not itself an alias reference), if the chain ends in a definition. */
  readonly attr: AttrNode | undefined;
  readonly type: TypeNode | undefined;
}

export type { ResolvedLocation } from './locations';

// The parser bounds nesting at 200 levels; this bound keeps a hand-built tree from recursing without end.
const MAX_WALK_DEPTH = 512;
const MAX_DIAGNOSTICS = 1000;

const ISOLATED_OPS = new Set([
  'builtin.module',
  'func.func',
  'llvm.func',
  'ttcore.device_module',
  'ttcore.cpu_module',
  'tt.device_module',
  'tt.cpu_module',
]);

/** Custom-form ops whose grammar the parser knows: their operands are uses only. */
const KNOWN_CUSTOM_OPS = new Set([
  'builtin.module',
  'func.return',
  'func.call',
  'ttcore.device_module',
  'ttcore.cpu_module',
  'tt.device_module',
  'tt.cpu_module',
  'ttcore.device',
  'tt.device',
  'ttcore.load_cached',
  'tt.load_cached',
]);

/** Ops whose region starts a fresh SSA scope (IsolatedFromAbove in MLIR). */
export function isIsolatedFromAbove(op: Operation): boolean {
  return ISOLATED_OPS.has(op.name) || op.signature !== undefined;
}

interface MutableEntity {
  kind: NameKind;
  name: string;
  chunkIndex: number;
  definition: TextRange | undefined;
  references: TextRange[];
  definingOp: Operation | undefined;
  resultCount: number;
  blockArgument: BlockArgument | undefined;
  alias: AliasDefinition | undefined;
  symbolOp: Operation | undefined;
}

interface MutableOccurrence {
  range: TextRange;
  entity: MutableEntity;
  isDefinition: boolean;
}

interface ValueScope {
  readonly values: Map<string, MutableEntity>;
  readonly labels: Map<string, MutableEntity>;
  /** Undefined at an isolated-from-above boundary. */
  readonly parent: ValueScope | undefined;
}

interface SymbolTable {
  readonly symbols: Map<string, MutableEntity>;
  readonly parent: SymbolTable | undefined;
}

interface PendingSymbolUse {
  readonly occurrence: MutableOccurrence;
  readonly table: SymbolTable;
}

interface IndexBuilder {
  readonly entities: MutableEntity[];
  readonly occurrences: MutableOccurrence[];
  readonly diagnostics: ParseError[];
  readonly pendingSymbols: PendingSymbolUse[];
  chunkIndex: number;
  aliases: Map<string, MutableEntity>;
  /** Undefined names share one entity per chunk and kind so their occurrences still group together. */
  undefinedNames: Map<string, MutableEntity>;
}

function newEntity(b: IndexBuilder, kind: NameKind, name: string, definition: TextRange | undefined): MutableEntity {
  const e: MutableEntity = {
    kind,
    name,
    chunkIndex: b.chunkIndex,
    definition,
    references: [],
    definingOp: undefined,
    resultCount: 1,
    blockArgument: undefined,
    alias: undefined,
    symbolOp: undefined,
  };
  b.entities.push(e);
  return e;
}

function report(b: IndexBuilder, message: string, range: TextRange, severity: 'error' | 'warning'): void {
  if (b.diagnostics.length < MAX_DIAGNOSTICS) b.diagnostics.push({ message, range, severity });
}

function define(b: IndexBuilder, e: MutableEntity, range: TextRange): void {
  b.occurrences.push({ range, entity: e, isDefinition: true });
}

function reference(b: IndexBuilder, e: MutableEntity, range: TextRange): MutableOccurrence {
  e.references.push(range);
  const o = { range, entity: e, isDefinition: false };
  b.occurrences.push(o);
  return o;
}

function undefinedEntity(b: IndexBuilder, kind: NameKind, name: string): MutableEntity {
  const key = `${kind} ${name}`;
  let e = b.undefinedNames.get(key);
  if (!e) {
    e = newEntity(b, kind, name, undefined);
    b.undefinedNames.set(key, e);
  }
  return e;
}

export function buildSemanticIndex(result: ParseResult): SemanticIndex {
  const b: IndexBuilder = {
    entities: [],
    occurrences: [],
    diagnostics: [],
    pendingSymbols: [],
    chunkIndex: 0,
    aliases: new Map(),
    undefinedNames: new Map(),
  };
  const aliasesByChunk: Map<string, AliasDefinition>[] = [];
  const chunks = result.file.chunks;
  for (let ci = 0; ci < chunks.length; ci++) {
    const chunk = chunks[ci];
    b.chunkIndex = ci;
    b.aliases = new Map();
    b.undefinedNames = new Map();
    const byName = new Map<string, AliasDefinition>();
    aliasesByChunk.push(byName);
    // Aliases first: ops may use `#locN` defined after the module.
    for (const alias of chunk.aliases) {
      const existing = b.aliases.get(alias.name);
      if (existing) {
        report(b, `redefinition of alias '${alias.name}'`, alias.nameRange, 'error');
        continue;
      }
      const e = newEntity(b, alias.kind, alias.name, alias.nameRange);
      e.alias = alias;
      b.aliases.set(alias.name, e);
      byName.set(alias.name, alias);
    }
    const rootTable: SymbolTable = { symbols: new Map(), parent: undefined };
    // Top-level ops share one scope (a file of bare `func.func`s is an implicit module).
    const rootScope: ValueScope = { values: new Map(), labels: new Map(), parent: undefined };
    for (const op of chunk.operations) declareResults(b, op, rootScope);
    // Walk aliases and ops in source order so occurrences come out sorted.
    const aliasList = chunk.aliases;
    const ops = chunk.operations;
    let ai = 0;
    let oi = 0;
    while (ai < aliasList.length || oi < ops.length) {
      const takeAlias = oi >= ops.length || (ai < aliasList.length && aliasList[ai].range.start < ops[oi].range.start);
      if (takeAlias) {
        indexAliasDefinition(b, aliasList[ai]);
        ai++;
      } else {
        indexOperation(b, ops[oi], rootScope, rootTable, 0);
        oi++;
      }
    }
  }
  resolveSymbols(b);
  const occurrences = b.occurrences;
  if (!isSorted(occurrences)) occurrences.sort((x, y) => x.range.start - y.range.start);
  b.diagnostics.sort((x, y) => x.range.start - y.range.start);
  return { entities: b.entities, occurrences, diagnostics: b.diagnostics, aliasesByChunk, chunks };
}

function isSorted(occ: readonly MutableOccurrence[]): boolean {
  for (let i = 1; i < occ.length; i++) if (occ[i - 1].range.start > occ[i].range.start) return false;
  return true;
}

function indexAliasDefinition(b: IndexBuilder, alias: AliasDefinition): void {
  const e = b.aliases.get(alias.name);
  if (e && e.alias === alias) define(b, e, alias.nameRange);
  if (alias.attr) walkAttr(b, alias.attr, 0);
  if (alias.type) walkType(b, alias.type, 0);
}

// ---------------------------------------------------------------------------------------------
// Values, labels, symbols

function declareResults(b: IndexBuilder, op: Operation, scope: ValueScope): void {
  for (const group of op.results) {
    const nameRange = { start: group.range.start, end: group.range.start + group.name.length };
    if (lookupForRedefinition(scope, group.name)) {
      report(b, `redefinition of SSA value '${group.name}'`, nameRange, 'error');
      continue;
    }
    const e = newEntity(b, 'value', group.name, nameRange);
    e.definingOp = op;
    e.resultCount = group.count;
    scope.values.set(group.name, e);
  }
}

function declareBlockArgument(b: IndexBuilder, arg: BlockArgument, scope: ValueScope): void {
  if (arg.name === '') return;
  if (lookupForRedefinition(scope, arg.name)) {
    report(b, `redefinition of SSA value '${arg.name}'`, arg.nameRange, 'error');
    return;
  }
  const e = newEntity(b, 'value', arg.name, arg.nameRange);
  e.blockArgument = arg;
  scope.values.set(arg.name, e);
}

/** MLIR rejects a name already visible anywhere up to the isolated boundary. */
function lookupForRedefinition(scope: ValueScope, name: string): boolean {
  let s: ValueScope | undefined = scope;
  let guard = MAX_WALK_DEPTH;
  while (s && guard-- > 0) {
    if (s.values.has(name)) return true;
    s = s.parent;
  }
  return false;
}

function lookupValue(scope: ValueScope, name: string): MutableEntity | undefined {
  let s: ValueScope | undefined = scope;
  let guard = MAX_WALK_DEPTH;
  while (s && guard-- > 0) {
    const e = s.values.get(name);
    if (e) return e;
    s = s.parent;
  }
  return undefined;
}

/** Indexes `op` (whose results are already declared in `scope`): names it uses, then its regions. */
function indexOperation(b: IndexBuilder, op: Operation, scope: ValueScope, table: SymbolTable, depth: number): void {
  if (depth > MAX_WALK_DEPTH) return;
  // Occurrences in source order: results, name-level symbol, operands, successors, attrs, signature, regions, types, loc.
  for (const group of op.results) {
    const e = scope.values.get(group.name);
    if (e && e.definingOp === op) define(b, e, e.definition as TextRange);
  }
  if (op.symbol) {
    const existing = table.symbols.get(op.symbol.name);
    if (existing) {
      report(b, `redefinition of symbol named '${op.symbol.name.slice(1)}'`, op.symbol.range, 'error');
      reference(b, existing, op.symbol.range);
    } else {
      const e = newEntity(b, 'symbol', op.symbol.name, op.symbol.range);
      e.symbolOp = op;
      table.symbols.set(op.symbol.name, e);
      define(b, e, op.symbol.range);
    }
  }
  // Roughly source order; the final (TimSort, run-aware) sort fixes what custom forms permute.
  for (const sym of op.symbolUses) {
    const o = reference(b, undefinedEntity(b, 'symbol', sym.name), sym.range);
    b.pendingSymbols.push({ occurrence: o, table });
  }
  // Custom forms the parser does not know (scf.for, linalg.generic, ...) may define names in their operand text
  // (`%i = %lb to %ub`, `iter_args(%x = ...)`): an unknown name there is taken as a definition its regions can see.
  let regionParent = scope;
  const opaqueCustom = op.form === 'custom' && !KNOWN_CUSTOM_OPS.has(op.name) && op.signature === undefined;
  for (const use of op.operands) {
    if (opaqueCustom && use.resultIndex === undefined && lookupValue(regionParent, use.name) === undefined) {
      if (regionParent === scope) regionParent = { values: new Map(), labels: scope.labels, parent: scope };
      const e = newEntity(b, 'value', use.name, use.range);
      e.definingOp = op;
      regionParent.values.set(use.name, e);
      define(b, e, use.range);
      continue;
    }
    indexValueUse(b, use.name, use.resultIndex, use.range, scope);
  }
  for (const succ of op.successors) {
    const e = scope.labels.get(succ.name);
    if (e) {
      reference(b, e, succ.range);
    } else {
      report(b, `reference to an undefined block '${succ.name}'`, succ.range, 'error');
      reference(b, undefinedEntity(b, 'blockLabel', succ.name), succ.range);
    }
  }
  if (op.properties) walkAttr(b, op.properties, 0);
  const sig = op.signature;
  if (sig) {
    // Arguments of a definition are its entry block's arguments, indexed with the region.
    const entry = op.regions[0]?.blocks[0];
    if (!entry || entry.arguments !== sig.arguments) for (const arg of sig.arguments) walkBlockArgumentTypes(b, arg);
    for (const r of sig.results) {
      walkType(b, r.type, 0);
      if (r.attributes) walkAttr(b, r.attributes, 0);
    }
  }
  if (op.attributes && op.form === 'custom') walkAttr(b, op.attributes, 0);
  const isolated = isIsolatedFromAbove(op);
  const innerTable: SymbolTable = op.name === 'builtin.module' ? { symbols: new Map(), parent: table } : table;
  for (const region of op.regions) indexRegion(b, region, isolated ? undefined : regionParent, innerTable, depth + 1);
  if (op.attributes && op.form === 'generic') walkAttr(b, op.attributes, 0);
  for (const t of op.operandTypes) walkType(b, t, 0);
  for (const t of op.resultTypes) walkType(b, t, 0);
  if (op.location) walkLocation(b, op.location, 0);
}

function indexValueUse(b: IndexBuilder, name: string, resultIndex: number | undefined, range: TextRange, scope: ValueScope): void {
  const e = lookupValue(scope, name);
  if (!e) {
    report(b, `use of undeclared SSA value name '${name}'`, range, 'error');
    reference(b, undefinedEntity(b, 'value', name), range);
    return;
  }
  if (resultIndex !== undefined && resultIndex >= e.resultCount) {
    report(b, `result number ${resultIndex} of '${name}' is out of range (it defines ${e.resultCount})`, range, 'error');
  }
  reference(b, e, range);
}

function indexRegion(
  b: IndexBuilder,
  region: Region,
  parent: ValueScope | undefined,
  table: SymbolTable,
  depth: number,
): void {
  if (depth > MAX_WALK_DEPTH) return;
  const scope: ValueScope = { values: new Map(), labels: new Map(), parent };
  // Declare everything first: graph regions and block arguments allow forward references.
  for (const block of region.blocks) {
    if (block.label) {
      if (scope.labels.has(block.label.name)) report(b, `redefinition of block '${block.label.name}'`, block.label.range, 'error');
      else scope.labels.set(block.label.name, newEntity(b, 'blockLabel', block.label.name, block.label.range));
    }
    for (const arg of block.arguments) declareBlockArgument(b, arg, scope);
    for (const op of block.operations) declareResults(b, op, scope);
  }
  for (const block of region.blocks) {
    if (block.label) {
      const e = scope.labels.get(block.label.name);
      if (e && e.definition === block.label.range) define(b, e, block.label.range);
    }
    for (const arg of block.arguments) {
      const e = scope.values.get(arg.name);
      if (e && e.blockArgument === arg) define(b, e, arg.nameRange);
      walkBlockArgumentTypes(b, arg);
    }
    for (const op of block.operations) indexOperation(b, op, scope, table, depth + 1);
  }
}

function walkBlockArgumentTypes(b: IndexBuilder, arg: BlockArgument): void {
  if (arg.type) walkType(b, arg.type, 0);
  if (arg.attributes) walkAttr(b, arg.attributes, 0);
  if (arg.location) walkLocation(b, arg.location, 0);
}

function resolveSymbols(b: IndexBuilder): void {
  for (const pending of b.pendingSymbols) {
    const o = pending.occurrence;
    const placeholder = o.entity;
    const name = placeholder.name;
    let t: SymbolTable | undefined = pending.table;
    let found: MutableEntity | undefined;
    let guard = MAX_WALK_DEPTH;
    while (t && guard-- > 0) {
      found = t.symbols.get(name);
      if (found) break;
      t = t.parent;
    }
    if (!found) {
      report(b, `'${name}' does not reference a defined symbol`, o.range, 'warning');
      continue;
    }
    // Move the reference from the placeholder to the definition.
    const i = placeholder.references.indexOf(o.range);
    if (i >= 0) placeholder.references.splice(i, 1);
    found.references.push(o.range);
    o.entity = found;
  }
  for (const e of b.entities) if (e.kind === 'symbol' && e.references.length > 1) e.references.sort((x, y) => x.start - y.start);
  // Drop placeholders that lost all their references.
  const kept = b.entities.filter((e) => e.definition !== undefined || e.references.length > 0);
  b.entities.length = 0;
  b.entities.push(...kept);
}

// ---------------------------------------------------------------------------------------------
// Alias uses inside attributes, types, token trees, locations

function useAlias(b: IndexBuilder, kind: 'attrAlias' | 'typeAlias', name: string, range: TextRange): void {
  const e = b.aliases.get(name);
  if (e && e.kind === kind) {
    reference(b, e, range);
    return;
  }
  report(b, `undefined symbol alias id '${name.slice(1)}'`, range, 'error');
  reference(b, undefinedEntity(b, kind, name), range);
}

function walkAttr(b: IndexBuilder, attr: AttrNode, depth: number): void {
  if (depth > MAX_WALK_DEPTH) return;
  switch (attr.kind) {
    case 'attrAlias':
      useAlias(b, 'attrAlias', attr.name, attr.range);
      return;
    case 'dialectAttr':
      if (attr.body) walkTree(b, attr.body, depth + 1);
      return;
    case 'integer':
    case 'float':
    case 'string':
      if (attr.type) walkType(b, attr.type, depth + 1);
      return;
    case 'array':
      for (const e of attr.elements) walkAttr(b, e, depth + 1);
      return;
    case 'dict':
      for (const e of attr.entries) walkAttr(b, e.value, depth + 1);
      return;
    case 'denseArray':
      if (attr.elementType) walkType(b, attr.elementType, depth + 1);
      return;
    case 'opaque':
      for (const t of attr.tokens) walkTree(b, t, depth + 1);
      if (attr.type) walkType(b, attr.type, depth + 1);
      return;
    case 'typeAttr':
      walkType(b, attr.type, depth + 1);
      return;
    case 'loc':
      walkLocation(b, attr.loc, depth + 1);
      return;
    case 'bool':
    case 'unit':
      return;
  }
}

function walkType(b: IndexBuilder, type: TypeNode, depth: number): void {
  if (depth > MAX_WALK_DEPTH) return;
  switch (type.kind) {
    case 'tensor':
      walkType(b, type.elementType, depth + 1);
      if (type.encoding) walkAttr(b, type.encoding, depth + 1);
      return;
    case 'memref':
      walkType(b, type.elementType, depth + 1);
      if (type.layout) walkAttr(b, type.layout, depth + 1);
      if (type.memorySpace) walkAttr(b, type.memorySpace, depth + 1);
      return;
    case 'dialectType':
    case 'otherType':
      if (type.body) walkTree(b, type.body, depth + 1);
      return;
    case 'typeAlias':
      useAlias(b, 'typeAlias', type.name, type.range);
      return;
    case 'function':
      for (const t of type.inputs) walkType(b, t, depth + 1);
      for (const t of type.results) walkType(b, t, depth + 1);
      return;
    case 'scalar':
      return;
  }
}

function walkTree(b: IndexBuilder, tree: TokenTree, depth: number): void {
  if (depth > MAX_WALK_DEPTH || tree.kind === 'leaf') return;
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.kind === 'group') {
      walkTree(b, c, depth + 1);
      continue;
    }
    if (c.leafKind !== 'hashIdent' && c.leafKind !== 'bangIdent') continue;
    // `#ttnn<...>` / `#ttnn.x` / `!ttcore.tile<...>` are dialect names, not aliases.
    if (c.text.indexOf('.') >= 0) continue;
    const next = children[i + 1];
    if (next && next.kind === 'group' && next.open === '<' && next.range.start === c.range.end) continue;
    useAlias(b, c.leafKind === 'hashIdent' ? 'attrAlias' : 'typeAlias', c.text, c.range);
  }
}

function walkLocation(b: IndexBuilder, loc: Location, depth: number): void {
  if (depth > MAX_WALK_DEPTH) return;
  switch (loc.kind) {
    case 'aliasRef':
      useAlias(b, 'attrAlias', loc.name, loc.range);
      return;
    case 'name':
      if (loc.child) walkLocation(b, loc.child, depth + 1);
      return;
    case 'fused':
      for (const l of loc.locations) walkLocation(b, l, depth + 1);
      return;
    case 'callsite':
      walkLocation(b, loc.callee, depth + 1);
      walkLocation(b, loc.caller, depth + 1);
      return;
    case 'unknown':
    case 'fileLineCol':
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The occurrence under `offset` (touching either end of the name counts), or undefined. */
export function occurrenceAt(index: SemanticIndex, offset: number): Occurrence | undefined {
  const occ = index.occurrences;
  let lo = 0;
  let hi = occ.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid].range.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // Prefer the occurrence starting at `offset`; else the one ending at or after it.
  if (best >= 0 && occ[best].range.end >= offset) return occ[best];
  return undefined;
}

/** The name under `offset` with its definition and all references. */
export function symbolAt(index: SemanticIndex, offset: number): SymbolAtResult | undefined {
  const o = occurrenceAt(index, offset);
  if (!o) return undefined;
  const e = o.entity;
  return {
    kind: e.kind,
    name: e.name,
    range: o.range,
    isDefinition: o.isDefinition,
    definition: e.definition,
    references: e.references,
    entity: e,
  };
}

/** Follows `#a = #b` (or `!a = !b`) chains from `name` (with its sigil); cycles end the chain. */
export function resolveAttrAlias(index: SemanticIndex, name: string, options: { chunkIndex?: number } = {}): ResolvedAlias | undefined {
  const table = index.aliasesByChunk[options.chunkIndex ?? 0];
  if (!table) return undefined;
  const chain: AliasDefinition[] = [];
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current !== undefined && !seen.has(current) && chain.length < MAX_WALK_DEPTH) {
    seen.add(current);
    const def = table.get(current);
    if (!def) break;
    chain.push(def);
    if (def.attr?.kind === 'attrAlias') current = def.attr.name;
    else if (def.type?.kind === 'typeAlias') current = def.type.name;
    else return { chain, attr: def.attr, type: def.type };
  }
  return chain.length === 0 ? undefined : { chain, attr: undefined, type: undefined };
}

/** Resolves a location through `#locN` aliases (cycle-safe): the names it carries and the first file:line:col. */
export function resolveLocation(index: SemanticIndex, loc: Location, options: { chunkIndex?: number } = {}): ResolvedLocation {
  const table = index.aliasesByChunk[options.chunkIndex ?? 0];
  return resolveLocationWith(loc, (name) => locationOfAlias(table?.get(name)));
}

/** The chunk index containing `offset` (0 when outside every chunk). */
export function chunkIndexAt(index: SemanticIndex, offset: number): number {
  const chunks = index.chunks;
  for (let i = 0; i < chunks.length; i++) if (offset >= chunks[i].range.start && offset <= chunks[i].range.end) return i;
  return 0;
}

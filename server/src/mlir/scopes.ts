/**
 * Name resolution with MLIR's scope rules: SSA values per region (an isolated-from-above op starts afresh), block
 * labels per region, `#`/`!` aliases per `// -----` chunk, `@` symbols per symbol table. Resolved on demand within
 * the enclosing isolated op (one pass over it at most); the undefined / redefined-name errors MLIR reports come
 * from the same walks.
 */

import type { TextRange } from '../text/textRange';
import { aliasesByName } from './aliases';
import { isIsolatedFromAbove, isSymbolTable } from './opTraits';
import {
  aliasDefinition,
  forEachAliasDefinitionOccurrence,
  argumentDefinition,
  blockHeaderOccurrences,
  forEachNamedOccurrence,
  labelDefinition,
  operandUse,
  resultDefinition,
  successorUse,
  type Occurrence,
  type OccurrenceAt,
} from './occurrences';
import type { Chunk, Operation, ParseError, Region, SyntaxFile, ValueUse } from './syntax';
import { indexContaining } from './syntaxSearch';

// The parser bounds nesting at 200 levels; this bound keeps a hand-built tree from recursing without end.
const MAX_DEPTH = 512;
const MAX_ERRORS = 1000;
const NONE: readonly never[] = [];

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

// ---------------------------------------------------------------------------------------------
// Queries for one occurrence

/** The definitions the name under `at` refers to (several when it is defined twice); empty when it is undefined. */
export function definitionsOf(at: OccurrenceAt): Occurrence[] {
  const { nameKind, name } = at.occurrence;
  switch (nameKind) {
    case 'alias':
      return at.chunk.aliases.filter((a) => a.name === name).map(aliasDefinition);
    case 'symbol':
      for (const table of symbolTablesAround(at)) {
        const defs = symbolDefinitions(table, name).get(name);
        if (defs !== undefined) return defs;
      }
      return [];
    case 'value':
    case 'block':
      return (valueEntityOf(at, { allUses: false })?.entity.definitions ?? [])
        .slice()
        .sort((a, b) => a.range.start - b.range.start);
  }
}

/** Every occurrence (definitions included) of what the name under `at` refers to, in source order. */
export function occurrencesOf(at: OccurrenceAt): Occurrence[] {
  const { nameKind, name } = at.occurrence;
  const out: Occurrence[] = [];
  switch (nameKind) {
    case 'alias':
      for (const alias of at.chunk.aliases) forEachAliasDefinitionOccurrence(alias, name, (o) => out.push(o));
      forEachOp(
        at.chunk.operations,
        () => true,
        (op) => forEachNamedOccurrence(op, 'alias', name, false, (o) => out.push(o)),
      );
      break;
    case 'symbol':
      out.push(...symbolOccurrences(at));
      break;
    case 'value':
    case 'block': {
      const found = valueEntityOf(at, { allUses: true });
      if (found !== undefined) for (const r of found.resolved) if (r.entity === found.entity) out.push(r.occurrence);
      break;
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

// ---------------------------------------------------------------------------------------------
// SSA values and block labels

/** A value or block label: its definitions (none when undefined; more than one is an error). */
interface Entity {
  readonly definitions: Occurrence[];
  /** For `%0:N` results: N; 1 otherwise. */
  readonly resultCount: number;
}

interface Scope {
  readonly values: Map<string, Entity>;
  readonly labels: Map<string, Entity>;
  /** Undefined at an isolated-from-above boundary. */
  readonly parent: Scope | undefined;
}

interface Resolved {
  readonly occurrence: Occurrence;
  readonly entity: Entity;
}

interface ValueWalk {
  /** Only this name is declared and resolved (a query); every name when undefined (the error check). */
  readonly name: string | undefined;
  /** Walk into isolated-from-above ops with a fresh scope (the error check) or stop at them (a query). */
  readonly intoIsolated: boolean;
  /** Resolve the uses of this op only (a definition query: definitions are all it needs elsewhere); all when undefined. */
  readonly usesOf: Operation | undefined;
  /** With `usesOf`: resolve only the operand starting here (the use under the cursor), found by binary search. */
  readonly useStart: number | undefined;
  readonly visit: (occurrence: Occurrence, entity: Entity) => void;
  readonly report: ErrorSink | undefined;
  /** Uses of an undefined name share one entity per kind and name, so their occurrences still group together. */
  readonly undefinedNames: Map<string, Entity>;
}

type ErrorSink = (message: string, range: TextRange, severity: 'error' | 'warning') => void;

/**
 * Resolves the values or labels named like the one under `at` within its scope: one pass over that scope at most.
 * Without `allUses`, only the uses in the op under `at` are resolved (definitions are still found everywhere).
 */
function valueEntityOf(
  at: OccurrenceAt,
  options: { allUses: boolean },
): { entity: Entity; resolved: Resolved[] } | undefined {
  const target = at.occurrence;
  const resolved: Resolved[] = [];
  const walk: ValueWalk = {
    name: target.name,
    intoIsolated: false,
    usesOf: options.allUses ? undefined : at.op,
    useStart: options.allUses || target.isDefinition ? undefined : target.range.start,
    visit: (occurrence, entity) => resolved.push({ occurrence, entity }),
    report: undefined,
    undefinedNames: new Map(),
  };
  walkValueScope(walk, valueScopeRoot(at) ?? at.chunk);
  const self = resolved.find(
    (r) => r.occurrence.nameKind === target.nameKind && r.occurrence.range.start === target.range.start,
  );
  return self === undefined ? undefined : { entity: self.entity, resolved };
}

/**
 * The isolated-from-above op whose regions hold the scope of the name under `at` (undefined: the chunk's top
 * level). An op's own names (results, operands) live in the region around it; its block headers in its regions.
 */
function valueScopeRoot(at: OccurrenceAt): Operation | undefined {
  for (let i = at.ancestors.length - (at.inBlockHeader ? 1 : 2); i >= 0; i--) {
    const op = at.ancestors[i]!;
    if (isIsolatedFromAbove(op)) return op;
  }
  return undefined;
}

function walkValueScope(w: ValueWalk, root: Operation | Chunk): void {
  if ('kind' in root) {
    for (const region of root.regions) walkRegion(w, region, undefined, 0);
    return;
  }
  // Top-level ops share one scope (a file of bare `func.func`s is an implicit module).
  const scope: Scope = { values: new Map(), labels: new Map(), parent: undefined };
  for (const op of root.operations) declareResults(w, scope, op);
  for (const op of root.operations) walkOp(w, op, scope, 0);
}

function walkRegion(w: ValueWalk, region: Region, parent: Scope | undefined, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const scope: Scope = { values: new Map(), labels: new Map(), parent };
  // Declare everything first: graph regions and branches to later blocks refer forward.
  for (const block of region.blocks) {
    if (block.label !== undefined && wants(w, block.label.name)) {
      const def = labelDefinition(block.label);
      const existing = scope.labels.get(def.name);
      if (existing !== undefined) w.report?.(`redefinition of block '${def.name}'`, def.range, 'error');
      define(w, scope.labels, existing, def, 1);
    }
    for (const arg of block.arguments) {
      const def = argumentDefinition(arg);
      if (def !== undefined) declareValue(w, scope, def, 1);
    }
    for (const op of block.operations) declareResults(w, scope, op);
  }
  for (const block of region.blocks) for (const op of block.operations) walkOp(w, op, scope, depth + 1);
}

function walkOp(w: ValueWalk, op: Operation, scope: Scope, depth: number): void {
  if (depth > MAX_DEPTH) return;
  // Custom forms the parser does not know (scf.for, linalg.generic, ...) may define names in their operand text
  // (`%i = %lb to %ub`, `iter_args(%x = ...)`): an unknown name there is taken as a definition its regions see.
  let regionParent = scope;
  const opaqueCustom = op.form === 'custom' && !KNOWN_CUSTOM_OPS.has(op.name) && op.signature === undefined;
  const resolveUses = w.usesOf === undefined || w.usesOf === op;
  for (const use of resolveUses || opaqueCustom ? usesToResolve(w, op, opaqueCustom) : NONE) {
    if (!wants(w, use.name)) continue;
    const o = operandUse(use);
    if (opaqueCustom && use.resultIndex === undefined && lookup(regionParent, use.name) === undefined) {
      if (regionParent === scope) regionParent = { values: new Map(), labels: scope.labels, parent: scope };
      define(w, regionParent.values, undefined, { ...o, isDefinition: true }, 1);
      continue;
    }
    if (!resolveUses) continue;
    const e = lookup(scope, use.name);
    if (e === undefined) {
      w.report?.(`use of undeclared SSA value name '${use.name}'`, use.range, 'error');
      w.visit(o, undefinedEntity(w, o));
      continue;
    }
    if (use.resultIndex !== undefined && use.resultIndex >= e.resultCount) {
      w.report?.(
        `result number ${use.resultIndex} of '${use.name}' is out of range (it defines ${e.resultCount})`,
        use.range,
        'error',
      );
    }
    w.visit(o, e);
  }
  for (const succ of resolveUses ? op.successors : NONE) {
    if (!wants(w, succ.name)) continue;
    const o = successorUse(succ);
    // Successors name blocks of the same region only.
    const e = scope.labels.get(succ.name);
    if (e === undefined) w.report?.(`reference to an undefined block '${succ.name}'`, succ.range, 'error');
    w.visit(o, e ?? undefinedEntity(w, o));
  }
  if (op.regions.length === 0) return;
  const isolated = isIsolatedFromAbove(op);
  if (isolated && !w.intoIsolated) return;
  for (const region of op.regions) walkRegion(w, region, isolated ? undefined : regionParent, depth + 1);
}

/** An op's operands to resolve: just the one under the cursor for a definition query (unless the op defines names in
 *  its operand text), so a value used 250k times in one op costs one lookup, not 250k. */
function usesToResolve(w: ValueWalk, op: Operation, opaqueCustom: boolean): readonly ValueUse[] {
  // Read once: a syntax op may build its operands at each read (parser/nodes.ts `SlottedOp.operands`).
  const operands = op.operands;
  if (w.useStart === undefined || w.usesOf !== op || opaqueCustom) return operands;
  const i = indexContaining(operands, w.useStart, { includeEnd: true });
  return i < 0 ? operands : [operands[i]!];
}

function wants(w: ValueWalk, name: string): boolean {
  return w.name === undefined || w.name === name;
}

function declareResults(w: ValueWalk, scope: Scope, op: Operation): void {
  for (const r of op.results) if (wants(w, r.name)) declareValue(w, scope, resultDefinition(r), r.count);
}

/** MLIR rejects a value name already visible anywhere up to the isolated boundary. */
function declareValue(w: ValueWalk, scope: Scope, def: Occurrence, resultCount: number): void {
  if (!wants(w, def.name)) return;
  const existing = lookup(scope, def.name);
  if (existing !== undefined) w.report?.(`redefinition of SSA value '${def.name}'`, def.range, 'error');
  define(w, scope.values, existing, def, resultCount);
}

/** A redefinition joins the entity it collides with, so navigation lists both definitions. */
function define(
  w: ValueWalk,
  names: Map<string, Entity>,
  existing: Entity | undefined,
  def: Occurrence,
  resultCount: number,
): void {
  let e = existing;
  if (e === undefined) {
    e = { definitions: [], resultCount };
    names.set(def.name, e);
  }
  e.definitions.push(def);
  w.visit(def, e);
}

function lookup(scope: Scope, name: string): Entity | undefined {
  let s: Scope | undefined = scope;
  for (let guard = MAX_DEPTH; s !== undefined && guard > 0; guard--) {
    const e = s.values.get(name);
    if (e !== undefined) return e;
    s = s.parent;
  }
  return undefined;
}

function undefinedEntity(w: ValueWalk, use: Occurrence): Entity {
  const key = `${use.nameKind} ${use.name}`;
  let e = w.undefinedNames.get(key);
  if (e === undefined) {
    e = { definitions: [], resultCount: 0 };
    w.undefinedNames.set(key, e);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Symbols

type SymbolTable = Operation | Chunk;

/** The symbol tables a name under `at` is looked up in, innermost first, ending with the chunk. */
function symbolTablesAround(at: OccurrenceAt): SymbolTable[] {
  const tables: SymbolTable[] = [];
  for (let i = at.ancestors.length - (at.inBlockHeader ? 1 : 2); i >= 0; i--) {
    const op = at.ancestors[i]!;
    if (isSymbolTable(op)) tables.push(op);
  }
  tables.push(at.chunk);
  return tables;
}

function tableOps(table: SymbolTable): readonly Operation[] {
  if (!('kind' in table)) return table.operations;
  return table.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations));
}

/**
 * The symbols a table defines (only `name` when given): ops with a symbol reachable from it without entering a
 * nested table or a function body, so a lookup never walks the ops inside functions.
 */
function symbolDefinitions(table: SymbolTable, name?: string): Map<string, Occurrence[]> {
  const defs = new Map<string, Occurrence[]>();
  forEachOp(
    tableOps(table),
    (op) => !isSymbolTable(op) && op.signature === undefined,
    (op) => {
      const s = op.symbol;
      if (s === undefined || (name !== undefined && s.name !== name)) return;
      const def: Occurrence = { nameKind: 'symbol', name: s.name, range: s.range, isDefinition: true };
      const list = defs.get(s.name);
      if (list === undefined) defs.set(s.name, [def]);
      else list.push(def);
    },
  );
  return defs;
}

/** The definitions and uses of the symbol under `at`: every use in the defining table not shadowed by a nested one. */
function symbolOccurrences(at: OccurrenceAt): Occurrence[] {
  const name = at.occurrence.name;
  // Undefined: every use in the chunk that no table defines.
  let home: SymbolTable = at.chunk;
  let defs: Occurrence[] = [];
  for (const table of symbolTablesAround(at)) {
    const found = symbolDefinitions(table, name).get(name);
    if (found !== undefined) {
      home = table;
      defs = found;
      break;
    }
  }
  const out = defs.slice();
  const descend = (op: Operation): boolean => !isSymbolTable(op) || !symbolDefinitions(op, name).has(name);
  const take = (o: Occurrence): void => {
    if (!o.isDefinition) out.push(o);
  };
  forEachOp(tableOps(home), descend, (op) => forEachNamedOccurrence(op, 'symbol', name, false, take));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The error check

/**
 * Undefined and redefined names and result numbers out of range (errors), unresolved symbols (warnings), by
 * position — the name errors MLIR's parser and verifier report.
 */
export function nameErrors(file: SyntaxFile): ParseError[] {
  const errors: ParseError[] = [];
  const report: ErrorSink = (message, range, severity) => {
    if (errors.length < MAX_ERRORS) errors.push({ message, range, severity });
  };
  for (const chunk of file.chunks) {
    walkValueScope(
      {
        name: undefined,
        intoIsolated: true,
        usesOf: undefined,
        useStart: undefined,
        visit: () => undefined,
        report,
        undefinedNames: new Map(),
      },
      chunk,
    );
    checkAliases(chunk, report);
    checkSymbols(chunk, report);
  }
  return errors.sort((a, b) => a.range.start - b.range.start);
}

function checkAliases(chunk: Chunk, report: ErrorSink): void {
  const table = aliasesByName(chunk);
  for (const alias of chunk.aliases)
    if (table.get(alias.name) !== alias) report(`redefinition of alias '${alias.name}'`, alias.nameRange, 'error');
  const undefinedName = (name: string): boolean => !table.has(name);
  const check = (o: Occurrence): void => {
    if (o.nameKind === 'alias' && !o.isDefinition && undefinedName(o.name))
      report(`undefined symbol alias id '${o.name.slice(1)}'`, o.range, 'error');
  };
  for (const alias of chunk.aliases) forEachAliasDefinitionOccurrence(alias, undefinedName, check);
  forEachOp(
    chunk.operations,
    () => true,
    (op) => forEachNamedOccurrence(op, 'alias', undefinedName, false, check),
  );
}

function checkSymbols(chunk: Chunk, report: ErrorSink): void {
  const visitTable = (table: SymbolTable, outer: readonly Map<string, Occurrence[]>[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const defs = symbolDefinitions(table);
    for (const [name, list] of defs)
      for (const d of list.slice(1)) report(`redefinition of symbol named '${name.slice(1)}'`, d.range, 'error');
    const chain = [defs, ...outer];
    const undefinedName = (name: string): boolean => !chain.some((t) => t.has(name));
    const checkUse = (o: Occurrence): void => {
      if (o.nameKind === 'symbol' && !o.isDefinition && undefinedName(o.name)) {
        report(`'${o.name}' does not reference a defined symbol`, o.range, 'warning');
      }
    };
    if ('kind' in table)
      for (const region of table.regions)
        for (const block of region.blocks) for (const o of blockHeaderOccurrences(block)) checkUse(o);
    forEachOp(
      tableOps(table),
      (op) => !isSymbolTable(op),
      (op) => {
        // A nested table's own symbol and uses belong to this table; its body to the nested one.
        if (isSymbolTable(op)) {
          forEachNamedOccurrence(op, 'symbol', undefinedName, true, checkUse);
          visitTable(op, chain, depth + 1);
          return;
        }
        forEachNamedOccurrence(op, 'symbol', undefinedName, false, checkUse);
      },
    );
  };
  visitTable(chunk, [], 0);
}

// ---------------------------------------------------------------------------------------------

/** Visits `ops` and the ops nested in them in source order, into the regions of the ops `descend` accepts. */
function forEachOp(
  ops: readonly Operation[],
  descend: (op: Operation) => boolean,
  visit: (op: Operation) => void,
): void {
  const stack: Operation[] = [];
  for (let i = ops.length - 1; i >= 0; i--) stack.push(ops[i]!);
  while (stack.length > 0) {
    const op = stack.pop()!;
    visit(op);
    if (!descend(op)) continue;
    for (let r = op.regions.length - 1; r >= 0; r--) {
      const blocks = op.regions[r]!.blocks;
      for (let b = blocks.length - 1; b >= 0; b--) {
        const blockOps = blocks[b]!.operations;
        for (let i = blockOps.length - 1; i >= 0; i--) stack.push(blockOps[i]!);
      }
    }
  }
}

/**
 * Text-edit plumbing for fixes: applying non-overlapping edits, whole-line deletion and insertion, and finding the
 * syntax nodes (ops, functions, value types) that an analysed TTNN op came from.
 */

import type { GenericOp } from '../mlir/print';
import type { AliasDefinition, Chunk, Operation, ParseResult, SyntaxFile, TypeNode } from '../mlir/syntax';
import type { TextRange } from '../text/textRange';
import { walkChunk } from '../ttnn/fromSyntax';
import type { FixEdit } from './types';

/** Apply edits of one file (ranges into `text`); overlapping edits make the result undefined. */
export function applyEdits(text: string, edits: readonly Pick<FixEdit, 'range' | 'newText'>[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].range.start < sorted[i - 1].range.end) return undefined;
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at || e.range.end > text.length || e.range.start > e.range.end) return undefined;
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The line break at `offset` (`\r\n`, `\n`, `\r` or '' at the end of text). */
function breakAt(text: string, offset: number): string {
  if (text.startsWith('\r\n', offset)) return '\r\n';
  if (text[offset] === '\n' || text[offset] === '\r') return text[offset];
  return '';
}

/** The file's line break (first one seen), default `\n`. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n|\n|\r/);
  return i < 0 ? '\n' : breakAt(text, i);
}

/** Indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * Range deleting `range` together with its line when the line holds nothing else (leading blanks and the line break
 * go too); otherwise just the range.
 */
export function deletionRange(text: string, range: TextRange): TextRange {
  const start = lineStartOf(text, range.start);
  const end = lineEndOf(text, range.end);
  const before = text.slice(start, range.start);
  const after = text.slice(range.end, end);
  if (before.trim() !== '' || after.trim() !== '') return range;
  return { start, end: end + breakAt(text, end).length };
}

/** Zero-length edit inserting `lines` (already indented, no trailing break) on new lines after the line of `offset`. */
export function insertLinesAfter(text: string, offset: number, lines: readonly string[]): FixEdit {
  const end = lineEndOf(text, offset);
  const eol = eolOf(text);
  return { uri: 'self', range: { start: end, end }, newText: lines.map((l) => eol + l).join('') };
}

export function sliceOf(text: string, range: TextRange): string {
  return text.slice(range.start, range.end);
}

// ---------------------------------------------------------------------------------------------
// Syntax lookup

export interface SyntaxFunction {
  /** The `func.func`; undefined for a run of loose device ops (ttnn/fromSyntax.ts `walkChunk`), whose TTNN view is an entry
   *  function of its own (ttnn/fromSyntax.ts `topLevelFunction`). */
  readonly op: Operation | undefined;
  /** Where it starts (TtnnFunction.range.start): the `func.func`'s start, or the run's first op's. */
  readonly start: number;
  readonly chunk: Chunk;
  readonly file: SyntaxFile;
  /** Top-level ops of the body in order (the same order as TtnnFunction.ops). */
  readonly bodyOps: readonly Operation[];
  /** A loose run's: value names the chunk's other loose runs define or use (a fix mints none of them). */
  readonly namesOfOtherRuns?: ReadonlySet<string>;
  /** A loose run's: value names the chunk's later loose runs define or use. The TTNN view reads each run alone, so a
   *  fix must not retype one (the later run's written types would go stale) nor free one (it would be freed under
   *  the later run). */
  readonly namesOfLaterRuns?: ReadonlySet<string>;
}

/** Every `func.func` and run of loose device ops of the file, with its chunk, in source order per chunk. */
export function syntaxFunctions(parse: ParseResult): SyntaxFunction[] {
  const out: SyntaxFunction[] = [];
  for (const chunk of parse.file.chunks) {
    const runs: Operation[][] = [];
    walkChunk(chunk, {
      onFunction: (op) => {
        const bodyOps: Operation[] = [];
        for (const block of op.regions[0]?.blocks ?? []) bodyOps.push(...block.operations);
        out.push({ op, start: op.range.start, chunk, file: parse.file, bodyOps });
      },
      onLooseRun: (ops) => runs.push(ops),
    });
    const namesOfRun = runs.map((ops) => {
      const names = new Set<string>();
      for (const op of ops) {
        for (const n of resultNamesOf(op)) names.add(n);
        for (const n of operandNamesOf(op)) names.add(n);
      }
      return names;
    });
    runs.forEach((ops, k) => {
      const namesOfOtherRuns = new Set<string>();
      const namesOfLaterRuns = new Set<string>();
      namesOfRun.forEach((names, j) => {
        for (const n of j === k ? [] : names) namesOfOtherRuns.add(n);
        for (const n of j > k ? names : []) namesOfLaterRuns.add(n);
      });
      out.push({
        op: undefined,
        start: ops[0]!.range.start,
        chunk,
        file: parse.file,
        bodyOps: ops,
        namesOfOtherRuns,
        namesOfLaterRuns,
      });
    });
  }
  return out;
}

/**
 * Why a fix may not retype or free `name` in a loose run: a later run of the chunk names it, and the TTNN view reads
 * each run alone (`namesOfLaterRuns`). Undefined when no later run does.
 */
export function namedByLaterRun(fn: SyntaxFunction, name: string): string | undefined {
  return fn.namesOfLaterRuns?.has(name) === true
    ? `${name} is named again by the op lines past the next function, which would not see this change`
    : undefined;
}

/** The function or loose run that starts at `offset` (TtnnFunction.range.start). */
export function syntaxFunctionAt(parse: ParseResult, offset: number): SyntaxFunction | undefined {
  return syntaxFunctions(parse).find((f) => f.start === offset);
}

/**
 * A function's arguments with their written types: a `func.func`'s block arguments (its signature's for a
 * declaration); a loose run's, the operands no earlier op of the run defines, typed at their first use, as the TTNN
 * view makes them.
 */
export function argumentsOf(fn: SyntaxFunction): { readonly name: string; readonly type: TypeNode | undefined }[] {
  if (fn.op !== undefined) return [...(fn.op.regions[0]?.blocks[0]?.arguments ?? fn.op.signature?.arguments ?? [])];
  const args: { name: string; type: TypeNode | undefined }[] = [];
  const known = new Set<string>();
  for (const op of fn.bodyOps) {
    const operandNames = operandNamesOf(op);
    for (let k = 0; k < operandNames.length; k++) {
      const name = operandNames[k];
      if (name === undefined || known.has(name)) continue;
      known.add(name);
      args.push({ name, type: op.operandTypes[k] });
    }
    for (const n of resultNamesOf(op)) known.add(n);
  }
  return args;
}

/** Flattened result names of an op (`%0#1` for multi-result groups), as TtnnOp.resultNames. */
export function resultNamesOf(op: Operation): string[] {
  const names: string[] = [];
  for (const group of op.results) {
    if (group.count <= 1) names.push(group.name);
    else for (let i = 0; i < group.count && i < 4096; i++) names.push(`${group.name}#${i}`);
  }
  return names;
}

/**
 * The op's operand names (`%0#1` for a use of a multi-result group's), from one read of its operands (a syntax op may
 * build them at each read: parser/nodes.ts `SlottedOp.operands`).
 */
export function operandNamesOf(op: Operation): string[] {
  return op.operands.map((u) => (u.resultIndex === undefined ? u.name : `${u.name}#${u.resultIndex}`));
}

export function operandNameOf(op: Operation, i: number): string | undefined {
  const u = op.operands[i];
  if (u === undefined) return undefined;
  return u.resultIndex === undefined ? u.name : `${u.name}#${u.resultIndex}`;
}

/** Where a value is defined: an op result (with its type node) or a function argument. */
export type ValueDef =
  | { readonly kind: 'result'; readonly opIndex: number; readonly op: Operation; readonly type: TypeNode | undefined }
  | { readonly kind: 'arg'; readonly argIndex: number; readonly type: TypeNode | undefined };

export function valueDefs(fn: SyntaxFunction): Map<string, ValueDef> {
  const defs = new Map<string, ValueDef>();
  argumentsOf(fn).forEach((a, i) => defs.set(a.name, { kind: 'arg', argIndex: i, type: a.type }));
  fn.bodyOps.forEach((op, i) =>
    resultNamesOf(op).forEach((n, r) => defs.set(n, { kind: 'result', opIndex: i, op, type: op.resultTypes[r] })),
  );
  return defs;
}

/** Every use of `name` in the function body: op index, operand index. */
export function usesOf(fn: SyntaxFunction, name: string): { opIndex: number; operandIndex: number; op: Operation }[] {
  const out: { opIndex: number; operandIndex: number; op: Operation }[] = [];
  fn.bodyOps.forEach((op, i) => {
    const operandNames = operandNamesOf(op);
    for (let k = 0; k < operandNames.length; k++)
      if (operandNames[k] === name) out.push({ opIndex: i, operandIndex: k, op });
  });
  return out;
}

/** Text of the op's trailing `loc(...)`, or ''. */
export function locTextOf(text: string, op: Operation): string {
  if (op.location === undefined) return '';
  const at = text.lastIndexOf('loc(', op.location.range.start);
  if (at < op.range.start) return '';
  return text.slice(at, op.range.end).trim();
}

/** Alias definitions of a chunk by name. */
export function aliasMap(chunk: Chunk): Map<string, AliasDefinition> {
  return new Map(chunk.aliases.map((a) => [a.name, a]));
}

/** A fresh SSA name `%<stem><n>` not used in the function. */
export function freshValueName(fn: SyntaxFunction, stem: string, taken: Set<string> = new Set()): string {
  const used = new Set<string>(taken);
  for (const op of fn.bodyOps) for (const n of resultNamesOf(op)) used.add(n.replace(/#\d+$/, ''));
  for (const a of argumentsOf(fn)) used.add(a.name);
  for (const n of fn.namesOfOtherRuns ?? []) used.add(n.replace(/#\d+$/, ''));
  for (let i = 0; i < 10_000; i++) {
    const name = `%${stem}${i}`;
    if (!used.has(name)) {
      taken.add(name);
      return name;
    }
  }
  return `%${stem}_x`;
}

/** `"ttnn.deallocate"(name) <{force = false}> : (type) -> ()`, printed by mlir/print's `printGenericOp`. */
export function deallocateOp(name: string, type: string, location?: string): GenericOp {
  return {
    results: [],
    name: 'ttnn.deallocate',
    operands: [name],
    properties: [['force', 'false']],
    operandTypes: [type],
    resultTypes: [],
    location,
  };
}

/**
 * Edit writing `name = <text>` into the op's `<{...}>` properties: replaces an existing entry (or one under an older
 * spelling in `replaces`), else inserts it where MLIR's name-sorted printing puts it. A string says why it cannot.
 */
export function propertyEdit(
  op: Operation,
  name: string,
  text: string,
  replaces: readonly string[] = [],
): FixEdit | string {
  const props = op.properties;
  if (props === undefined) return `the op has no properties dictionary to hold ${name}`;
  const entry = `${name} = ${text}`;
  const existing = props.entries.find((e) => e.name === name || replaces.includes(e.name));
  if (existing !== undefined) return { uri: 'self', range: existing.range, newText: entry };
  const later = props.entries.find((e) => e.name > name);
  if (later !== undefined)
    return { uri: 'self', range: { start: later.range.start, end: later.range.start }, newText: `${entry}, ` };
  const last = props.entries[props.entries.length - 1];
  if (last === undefined) return 'empty properties dictionary';
  return { uri: 'self', range: { start: last.range.end, end: last.range.end }, newText: `, ${entry}` };
}

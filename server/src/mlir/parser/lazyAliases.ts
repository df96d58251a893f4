/**
 * Location aliases of a lazy parse (`ParseOptions.lazyFunctionBodies`) and of an editable one (`rangeTable`). A dump defines one `#locN = loc(...)` per op,
 * and the one-shot consumers read each about once (the TTNN view's op labels), yet an eager definition is nine objects
 * (~400 B) that live as long as the tree: on a 100k-op dump, most of what the top-level parse keeps, copied by every
 * young-generation collection until it reached the old one. In a lazy parse a definition written the way a dump writes
 * it — `#name = loc(#locK)`, `loc("name")` or `loc("name"(#locK))`, with no spaces inside — keeps its name and offsets,
 * and builds its value at each read: the general path's nodes, with the ranges the eager parse gives them, so they are equal but not identical from one read to the next. Such a definition never has a syntax
 * error, so the lazy parse's errors are the eager parse's. An editable parse (an open document's, which lives as long as
 * the document) keeps them the same way, with its range in a slot of the range table so that edits move it.
 */

import { detachedCopy } from '../../text/detachedCopy';
import { RangeTable } from '../../text/rangeTable';
import type { TextRange } from '../../text/textRange';
import { scanString, scanSuffixId, unescapeString } from '../lexer';
import type { AliasDefinition, AttrNode, Location } from '../syntax';
import { SlottedLocAlias, SlottedLocAttr, SlottedNameLoc, constantOnPrototype } from './nodes';
import type { ParserState } from './state';

/** What comes between a lazy location alias's name and its `loc(`. */
const EQUALS = ' = ';

/** The most slots a read of a dump-form value takes (attribute, location, child). */
const READ_SLOTS = 3;

/**
 * The end (after the `)`) of the location alias `#name = loc(...)` whose name ends at `nameEnd`, when it is written in
 * one of the dump forms and ends before `limit`; -1 for anything else (the general path parses it).
 */
export function dumpLocationAliasEnd(text: string, nameEnd: number, limit: number): number {
  if (!text.startsWith(' = loc(', nameEnd)) return -1;
  const first = nameEnd + EQUALS.length + 4; // after `loc(`
  if (text.charCodeAt(first) === 35 /* # */) {
    const aliasEnd = aliasRefEnd(text, first, limit);
    return aliasEnd < 0 ? -1 : aliasEnd + 1;
  }
  if (text.charCodeAt(first) !== 34 /* " */) return -1;
  // A terminated string (the lexer's String token) with `)` or `(#locK))` after it.
  const stringEnd = scanString(text, first, limit);
  if (stringEnd - first < 2 || text.charCodeAt(stringEnd - 1) !== 34 || stringEnd >= limit) return -1;
  const after = text.charCodeAt(stringEnd);
  if (after === 41 /* ) */) return stringEnd + 1;
  if (after !== 40 /* ( */) return -1;
  const aliasEnd = aliasRefEnd(text, stringEnd + 1, limit);
  return aliasEnd < 0 || aliasEnd + 1 >= limit || text.charCodeAt(aliasEnd + 1) !== 41 ? -1 : aliasEnd + 2;
}

/** The end of `#id` at `at` when `)` follows it before `limit` (the lexer's HashId token), else -1. */
function aliasRefEnd(text: string, at: number, limit: number): number {
  if (text.charCodeAt(at) !== 35 /* # */) return -1;
  const end = scanSuffixId(text, at + 1, limit);
  return end > at + 1 && end < limit && text.charCodeAt(end) === 41 /* ) */ ? end : -1;
}

/**
 * What the definitions of one parse share: the text (the file's, which a lazy parse keeps for its bodies too, and the
 * slices of an editable parse's tree keep too) and the parse's slot table. A lazy parse's reads take their slots from it
 * (three a read: the parse is one-shot and short-lived, and a table of their own per read cost more than building the
 * nodes); an editable parse's table holds each definition's range (the lazy one is its ParserState, an editable one a
 * small object of its own).
 */
export type LazyAliasSource = Pick<ParserState, 'text' | 'slots'>;

/**
 * `loc(...)` of a dump-form definition as the general path parses it, a new tree at each read: `at` is the offset of
 * `loc` and `end` the offset after its `)` in `text`; the nodes' ranges are those offsets plus `shift`, in new slots of
 * `table`.
 */
function dumpLocationAttr(text: string, table: RangeTable, at: number, end: number, shift: number): AttrNode {
  const first = at + 4;
  let loc: Location;
  if (text.charCodeAt(first) === 35 /* # */) {
    loc = new SlottedLocAlias(table, table.addSlot(first + shift, end - 1 + shift), text.slice(first, end - 1));
  } else {
    const stringEnd = scanString(text, first, end);
    let child: Location | undefined;
    if (stringEnd < end - 1) {
      // `"name"(#locK))`: the child is between the parentheses.
      const childSlot = table.addSlot(stringEnd + 1 + shift, end - 2 + shift);
      child = new SlottedLocAlias(table, childSlot, text.slice(stringEnd + 1, end - 2));
    }
    const name = detachedCopy(unescapeString(text, first, stringEnd));
    loc = new SlottedNameLoc(table, table.addSlot(first + shift, end - 1 + shift), name, child);
  }
  return new SlottedLocAttr(table, table.addSlot(at + shift, end + shift), loc);
}

/**
 * A `#name = loc(...)` definition in a dump form (`dumpLocationAliasEnd` accepted it) that keeps its name and
 * offsets and builds its value at each read: `LazyLocationAlias` in a lazy parse, `EditableLocationAlias` in an
 * editable one.
 */
export abstract class DumpLocationAlias implements AliasDefinition {
  declare readonly kind: 'attrAlias';
  declare readonly type: undefined;
  declare readonly name: string;
  /**
   * @internal The text the definition was parsed from, and the parse's slot table (a lazy parse's reads take their
   * slots from it; an editable parse's is its range table, which holds the definition's range).
   */
  readonly $in: LazyAliasSource;

  constructor(source: LazyAliasSource) {
    this.$in = source;
  }

  abstract get range(): TextRange;
  abstract get attr(): AttrNode;
  /** @internal Where the definition starts (its name) and ends (after the location's `)`) in `$in.text`. */
  abstract textStart(): number;
  abstract textEnd(): number;
  /** @internal Where the name ends in `$in.text` (a space follows it). */
  abstract nameEnd(): number;

  get nameRange(): TextRange {
    const start = this.range.start;
    return { start, end: start + this.nameEnd() - this.textStart() };
  }

  /** The eager definition's JSON: the same fields in the same order. */
  toJSON(): object {
    return {
      kind: this.kind,
      name: this.name,
      nameRange: this.nameRange,
      attr: this.attr,
      type: this.type,
      range: this.range,
    };
  }
}
constantOnPrototype(DumpLocationAlias, 'kind', 'attrAlias');
constantOnPrototype(DumpLocationAlias, 'type', undefined);

/** A dump-form location alias of a lazy parse: its offsets in the text, which never moves. */
export class LazyLocationAlias extends DumpLocationAlias {
  /** @internal Where the definition starts (its name) and ends (after the location's `)`). */
  readonly $start: number;
  readonly $end: number;

  constructor(source: LazyAliasSource, name: string, start: number, end: number) {
    super(source);
    (this as { name: string }).name = name;
    this.$start = start;
    this.$end = end;
  }

  get range(): TextRange {
    return { start: this.$start, end: this.$end };
  }

  textStart(): number {
    return this.$start;
  }

  textEnd(): number {
    return this.$end;
  }

  nameEnd(): number {
    return this.$start + this.name.length;
  }

  /** `loc(...)` as the general path parses it: a new tree at each read. */
  get attr(): AttrNode {
    const at = this.nameEnd() + EQUALS.length;
    return dumpLocationAttr(this.$in.text, this.$in.slots, at, this.$end, 0);
  }
}

/**
 * A dump-form location alias of an editable parse (`ParseOptions.rangeTable`): one slot of the range table holds its
 * range, so an incremental edit before it moves it (mlir/incrementalParse.ts; an edit inside a definition is declined
 * and the whole text parsed again, so its characters never change). Its value is read from the text it was parsed
 * from, at the offsets it had there, and its nodes take slots of the range table with the definition's present offsets.
 */
export class EditableLocationAlias extends DumpLocationAlias {
  /** @internal The definition's range slot in `$in.slots` (the editable range table). */
  readonly $s: number;
  /** @internal Where the definition starts in `$in.text`. */
  readonly $d: number;

  constructor(source: LazyAliasSource, textStart: number, slot: number) {
    super(source);
    this.$s = slot;
    this.$d = textStart;
  }

  get range(): TextRange {
    const table = this.$in.slots;
    return { start: table.starts[this.$s]!, end: table.ends[this.$s]! };
  }

  textStart(): number {
    return this.$d;
  }

  textEnd(): number {
    const table = this.$in.slots;
    return this.$d + (table.ends[this.$s]! - table.starts[this.$s]!);
  }

  nameEnd(): number {
    // `dumpLocationAliasEnd` accepted the definition: ` = loc(` follows the name, which holds no space.
    return this.$in.text.indexOf(' ', this.$d);
  }

  /**
   * `loc(...)` as the general path parses it: a new tree at each read, with the ranges the definition has now (a
   * snapshot, like every range read before an edit). Its three slots are in a table of the read's own: in the range
   * table they would stay for the parse's life and be moved at every edit (find-references reads every alias).
   */
  get attr(): AttrNode {
    const table = this.$in.slots;
    const start = table.starts[this.$s]!;
    const textEnd = this.$d + (table.ends[this.$s]! - start);
    const at = this.nameEnd() + EQUALS.length;
    return dumpLocationAttr(this.$in.text, new RangeTable(READ_SLOTS), at, textEnd, start - this.$d);
  }
}

// An editable parse's definition reads its name from the text at each read: a dump has one per op, whose ~10-character
// names (32 B each) and the field holding them were ~40 B of the ~100 B each kept for as long as the document is open.
Object.defineProperty(EditableLocationAlias.prototype, 'name', {
  get(this: EditableLocationAlias): string {
    return this.$in.text.slice(this.$d, this.nameEnd());
  },
  enumerable: true,
});

/** What `dumpLocationChild` says (rewritten by its next call: read it at once). */
export interface DumpLocationChild {
  /** `#locK` of `loc("name"(#locK))`; undefined for `loc("name")`. */
  childAlias: string | undefined;
}

const dumpChild: DumpLocationChild = { childAlias: undefined };

/**
 * The child alias of a dump-form definition written `loc("name")` or `loc("name"(#locK))`, read from its text without
 * building the value's nodes: what `attr` would give as `loc.child.name` (the TTNN view finds each op's Python source
 * this way; building the four nodes and three slots of each read was 12 MB of short-lived objects at 100k ops). The
 * name is not read: nothing the view keeps needs it. Undefined for any other definition (then read `attr`). The result
 * is rewritten by the next call.
 */
export function dumpLocationChild(def: AliasDefinition | undefined): DumpLocationChild | undefined {
  if (!(def instanceof DumpLocationAlias)) return undefined;
  const text = def.$in.text;
  const first = def.nameEnd() + EQUALS.length + 4; // after `loc(`
  if (text.charCodeAt(first) !== 34 /* " */) return undefined;
  const end = def.textEnd();
  // As dumpLocationAttr reads it: the string, then `)` or `(#locK))`.
  const stringEnd = scanString(text, first, end);
  dumpChild.childAlias = stringEnd < end - 1 ? text.slice(stringEnd + 1, end - 2) : undefined;
  return dumpChild;
}

/** Whether `def` is a dump-form location alias (`#loc3 = loc(...)`), known without building its value. */
export function isDumpLocationAlias(def: AliasDefinition): boolean {
  return def instanceof DumpLocationAlias;
}

/**
 * A mark of the slot table that reads of `def` take their slots from (a lazy definition's parse), for
 * `releaseAliasReadSlots`; -1 for any other definition. For a reader that keeps only what it derives from what it reads
 * (the TTNN view's op labels): a dump's view reads each of its 100k aliases once, and the three slots of each read
 * otherwise stayed in the table the parse keeps (150k slots on the generated 100k dump, 3 MB of arrays as it grew).
 */
export function aliasReadSlotMark(def: AliasDefinition | undefined): number {
  return def instanceof LazyLocationAlias ? def.$in.slots.size : -1;
}

/**
 * Takes back the slots taken since `mark` (`aliasReadSlotMark(def)`) by reads of lazy aliases of `def`'s parse: the
 * nodes of those reads must be dropped by then. A no-op for a mark of -1.
 */
export function releaseAliasReadSlots(def: AliasDefinition | undefined, mark: number): void {
  if (mark >= 0 && def instanceof LazyLocationAlias) def.$in.slots.releaseFrom(mark);
}

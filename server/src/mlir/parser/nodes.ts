/**
 * The most numerous syntax nodes (token leaves and groups, scalar and tensor types, `#alias` and `#locN` uses, SSA
 * uses and result groups, dictionaries and their entries, integer/bool/dialect/dense-array/loc attributes, name
 * and unknown locations, function signatures with their arguments and results, block arguments: ~90% of a 100k-op
 * tree's ranges; ops, regions and blocks keep handles, compared by identity) as class instances that keep their range
 * as a slot of the parse's range table (`ParserState.slots`) instead of a `{ start, end }` object each: the parse
 * allocates no range object for them. `range` is a getter on the prototype returning a fresh plain `{ start, end }`
 * (a snapshot: re-read it after an incremental edit, as for every range). Slots are the same table an editable
 * parse shifts (mlir/incrementalParse.ts), so edits move them with every other range.
 * JSON (`toJSON`) and `plainNode` show them as plain objects with `range` (and `nameRange`), the fields in the order
 * of the syntax.ts interface.
 */

import { TableRange, type RangeTable } from '../../text/rangeTable';
import { EMPTY } from './state';
import type { TextRange } from '../../text/textRange';
import type {
  AttrNode,
  BlockArgument,
  DictAttr,
  FunctionResult,
  FunctionSignature,
  DictEntry,
  Dim,
  ScalarType,
  TensorType,
  TokenLeaf,
  TokenLeafKind,
  TypeNode,
  ValueUse,
  AttrAliasRef,
  BoolAttr,
  DenseArrayAttr,
  DialectAttr,
  DialectType,
  IntegerAttr,
  LocAttr,
  Location,
  Operation,
  Region,
  ResultGroup,
  SymbolLikeLabel,
  SymbolRef,
  TokenGroup,
  TokenTree,
} from '../syntax';

/** A node whose range lives in slot `$s` of table `$t`. */
export abstract class SlottedNode {
  /** @internal The range table (moved by incrementalParse when a scratch parse's op is adopted). */
  declare $t: RangeTable;
  /** @internal The range's slot in `$t`. */
  declare $s: number;

  constructor(table: RangeTable, slot: number) {
    this.$t = table;
    this.$s = slot;
  }

  get range(): TextRange {
    return { start: this.$t.starts[this.$s]!, end: this.$t.ends[this.$s]! };
  }

  toJSON(): object {
    return plainNode(this);
  }
}

/** The node's start offset, read from its slot without making a range. */
export function slotStart(node: SlottedNode): number {
  return node.$t.starts[node.$s]!;
}

/** A copy of a slotted node as the plain object it stands for (own fields without `$`, then `range`/`nameRange`). */
export function plainNode(node: SlottedNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (key.charCodeAt(0) === 36 /* $ */) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    // A leaf's `value` is optional (strings only), as in the object literals the parser made before.
    if (value === undefined && key === 'value') continue;
    out[key] = value;
    // `nameRange` follows `name`, as in the syntax.ts interfaces.
    if (key === 'name' && node instanceof SlottedNamedNode) out['nameRange'] = node.nameRange;
  }
  // Fields a shared node serves from getters over its template, in the order its unshared class has them.
  const getters = (node as { readonly $getters?: readonly string[] }).$getters;
  if (getters !== undefined) for (const key of getters) out[key] = (node as unknown as Record<string, unknown>)[key];
  // `kind` lives on the prototype; it came after the own fields when it was a class field, and still does.
  const kind = (node as { readonly kind?: string }).kind;
  if (kind !== undefined) out['kind'] = kind;
  out['range'] = node.range;
  return out;
}

/**
 * Puts a class's constant `kind` on its prototype. As an instance field (`readonly kind = 'leaf'`) it was a word per
 * node and a [[Define]] initializer run per construction (`<instance_members_initializer>`, 5% of the CLI's CPU);
 * fields are `declare`d and assigned in the constructor for the same reason, so every node of a class is built by
 * plain stores into one hidden class.
 */
export function kindOnPrototype(cls: abstract new (...args: never[]) => SlottedNode, kind: string): void {
  constantOnPrototype(cls, 'kind', kind);
}

/** A field every instance of a class has with one value, kept on its prototype, not enumerable (see `kindOnPrototype`). */
export function constantOnPrototype(
  cls: abstract new (...args: never[]) => object,
  field: string,
  value: unknown,
): void {
  Object.defineProperty(cls.prototype, field, { value, enumerable: false, writable: false });
}

/**
 * Names the fields a shared node's class serves from prototype getters, for `plainNode` (which lists own fields
 * first, then these, then `kind`): they must follow the own fields in the order the unshared class has them.
 */
export function gettersOnPrototype(
  cls: abstract new (...args: never[]) => SlottedNode,
  fields: readonly string[],
): void {
  Object.defineProperty(cls.prototype, '$getters', { value: Object.freeze([...fields]), enumerable: false });
}

export class SlottedLeaf extends SlottedNode implements TokenLeaf {
  declare readonly kind: 'leaf';
  declare readonly leafKind: TokenLeafKind;
  declare readonly text: string;
  declare readonly value: string | undefined;
  constructor(table: RangeTable, slot: number, leafKind: TokenLeafKind, text: string, value: string | undefined) {
    super(table, slot);
    this.leafKind = leafKind;
    this.text = text;
    this.value = value;
  }
}
kindOnPrototype(SlottedLeaf, 'leaf');

export class SlottedScalar extends SlottedNode implements ScalarType {
  declare readonly kind: 'scalar';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, name: string) {
    super(table, slot);
    this.name = name;
  }
}
kindOnPrototype(SlottedScalar, 'scalar');

export class SlottedAttrAlias extends SlottedNode implements AttrAliasRef {
  declare readonly kind: 'attrAlias';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, name: string) {
    super(table, slot);
    this.name = name;
  }
}
kindOnPrototype(SlottedAttrAlias, 'attrAlias');

export class SlottedLocAlias extends SlottedNode {
  declare readonly kind: 'aliasRef';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, name: string) {
    super(table, slot);
    this.name = name;
  }
}
kindOnPrototype(SlottedLocAlias, 'aliasRef');

export class SlottedTensor extends SlottedNode implements TensorType {
  declare readonly kind: 'tensor';
  declare readonly shape: readonly Dim[] | undefined;
  declare readonly shapeText: readonly string[];
  declare readonly elementType: TypeNode;
  declare readonly encoding: AttrNode | undefined;
  constructor(
    table: RangeTable,
    slot: number,
    shape: readonly Dim[] | undefined,
    shapeText: readonly string[],
    elementType: TypeNode,
    encoding: AttrNode | undefined,
  ) {
    super(table, slot);
    this.shape = shape;
    this.shapeText = shapeText;
    this.elementType = elementType;
    this.encoding = encoding;
  }
}
kindOnPrototype(SlottedTensor, 'tensor');

/**
 * What every use of one `tensor<...>` text shares (interned per parse by types.ts `parseSharedTensor`): the shape, and
 * the element type and `#alias` encoding as names with offsets from the type's start.
 */
export interface TensorTemplate {
  readonly shape: readonly Dim[] | undefined;
  readonly shapeText: readonly string[];
  /** A scalar's name, or a dialect type's (`ttcore.tile`, without `!`) when `elementBody` is set. */
  readonly elementName: string;
  readonly elementStart: number;
  readonly elementEnd: number;
  /** A dialect element type's body (`<32x32, bfp_bf8>`, offsets from the tensor's start); undefined for a scalar. */
  readonly elementBody: RelativeGroup | undefined;
  /** Levels of nesting the general path enters below the type's own (0 for a scalar element). */
  readonly innerDepth: number;
  /** With the `#`; undefined when the type has no encoding. */
  readonly encodingName: string | undefined;
  readonly encodingStart: number;
  readonly encodingEnd: number;
  /** Characters of the type's text (the key it is interned by). */
  readonly length: number;
  /** Its number among the parse's templates (a packed function type's key, types.ts `packFunctionType`). */
  readonly id: number;
}

/**
 * `tensor<SHAPExSCALAR>` or `tensor<SHAPExSCALAR, #alias>` (nearly every type of a dump), or the same with a dialect
 * element type (`!ttcore.tile<32x32, bfp_bf8>`): a shared template and a place, instead of a tensor, an element and
 * an alias node (and the element's token tree) with a slot each. The place is `$a` characters after the start of slot
 * `$s`: its own slot (`$a` 0), or for a type of an op's packed function type (`SlottedOp.$i`) the op's slot, the node
 * then made on each read. `elementType` and `encoding` are made on each read, their ranges derived from the type's
 * place: the type lies inside one op's text, which an edit re-parses whole (mlir/incrementalParse.ts), so offsets
 * within it never change. Compare them by value, not identity.
 */
export class SlottedSharedTensor extends SlottedNode implements TensorType {
  declare readonly kind: 'tensor';
  /** @internal Characters from the start of slot `$s` to the type's. */
  declare readonly $a: number;
  /** @internal The shared template. */
  declare readonly $x: TensorTemplate;
  constructor(table: RangeTable, slot: number, offset: number, template: TensorTemplate) {
    super(table, slot);
    this.$a = offset;
    this.$x = template;
  }

  override get range(): TextRange {
    const start = this.$t.starts[this.$s]! + this.$a;
    return { start, end: start + this.$x.length };
  }

  get shape(): readonly Dim[] | undefined {
    return this.$x.shape;
  }

  get shapeText(): readonly string[] {
    return this.$x.shapeText;
  }

  get elementType(): ScalarType | DialectType {
    const x = this.$x;
    const a = this.$a;
    if (x.elementBody !== undefined)
      return new DerivedDialectType(
        this.$t,
        this.$s,
        a + x.elementStart,
        a + x.elementEnd,
        x.elementName,
        x.elementBody,
        a,
      );
    return new DerivedScalar(this.$t, this.$s, a + x.elementStart, a + x.elementEnd, x.elementName);
  }

  get encoding(): AttrAliasRef | undefined {
    const x = this.$x;
    if (x.encodingName === undefined) return undefined;
    const a = this.$a;
    return new DerivedAttrAlias(this.$t, this.$s, a + x.encodingStart, a + x.encodingEnd, x.encodingName);
  }
}
kindOnPrototype(SlottedSharedTensor, 'tensor');

/** Where a shared tensor type starts, read from its slot without making its range. */
export function sharedTensorStart(t: SlottedSharedTensor): number {
  return t.$t.starts[t.$s]! + t.$a;
}

gettersOnPrototype(SlottedSharedTensor, ['shape', 'shapeText', 'elementType', 'encoding']);

/** A child of a SlottedSharedTensor: `$s` is the type's slot; its range is the type's start plus `$a`..`$b`. */
abstract class DerivedNode extends SlottedNode {
  declare $a: number;
  declare $b: number;
  constructor(table: RangeTable, slot: number, from: number, to: number) {
    super(table, slot);
    this.$a = from;
    this.$b = to;
  }

  override get range(): TextRange {
    const start = this.$t.starts[this.$s]!;
    return { start: start + this.$a, end: start + this.$b };
  }
}

class DerivedScalar extends DerivedNode implements ScalarType {
  declare readonly kind: 'scalar';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, from: number, to: number, name: string) {
    super(table, slot, from, to);
    this.name = name;
  }
}
kindOnPrototype(DerivedScalar, 'scalar');

/** The dialect element type of a SlottedSharedTensor; its body is derived from the template on each read. */
class DerivedDialectType extends DerivedNode implements DialectType {
  declare readonly kind: 'dialectType';
  declare readonly name: string;
  /** @internal The shared body. */
  declare readonly $x: RelativeGroup;
  /** @internal Characters from the slot's start to the tensor type's, whose start the body's offsets are from. */
  declare readonly $c: number;
  constructor(
    table: RangeTable,
    slot: number,
    from: number,
    to: number,
    name: string,
    body: RelativeGroup,
    tensorOffset: number,
  ) {
    super(table, slot, from, to);
    this.name = name;
    this.$x = body;
    this.$c = tensorOffset;
  }

  get body(): TokenGroup {
    return derivedGroup(this.$t, this.$s, this.$x, this.$c);
  }

  /** In the field order of the object literal the general path makes (types.ts parseType). */
  override toJSON(): object {
    return { kind: this.kind, name: this.name, body: this.body, range: this.range };
  }
}
kindOnPrototype(DerivedDialectType, 'dialectType');
gettersOnPrototype(DerivedDialectType, ['body']);

class DerivedAttrAlias extends DerivedNode implements AttrAliasRef {
  declare readonly kind: 'attrAlias';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, from: number, to: number, name: string) {
    super(table, slot, from, to);
    this.name = name;
  }
}
kindOnPrototype(DerivedAttrAlias, 'attrAlias');

/** The text of a shared dictionary (attributes.ts `SlottedSharedDict`), one object per distinct text. */
export interface SharedDictText {
  readonly text: string;
}

/** A token tree with offsets from its dialect attribute's start, shared by every use of the attribute's text. */
export type RelativeTree = RelativeLeaf | RelativeGroup;

export interface RelativeLeaf {
  readonly kind: 'leaf';
  readonly leafKind: TokenLeafKind;
  readonly text: string;
  readonly value: string | undefined;
  readonly from: number;
  readonly to: number;
}

export interface RelativeGroup {
  readonly kind: 'group';
  readonly open: '<' | '(' | '[' | '{';
  readonly children: readonly RelativeTree[];
  readonly from: number;
  readonly to: number;
}

/** What every use of one dialect attribute's text shares (attributes.ts `sharedDialectAttr`). */
export interface DialectTemplate {
  readonly body: RelativeGroup;
  /** Levels of groups in the body (the nesting the general path enters below the attribute's own level). */
  readonly innerDepth: number;
}

/**
 * `#dialect.name<body>` whose text recurs (`#ttnn.layout<tile>`, `#ttcore.supportedDataTypes<bf16>`, a conv2d
 * config): its own slot and the body as a RelativeGroup shared by every use of the same text, instead of a group and
 * a leaf node with a slot each per token. `body` is built on each read, ranges derived from the attribute's slot as
 * for SlottedSharedTensor (the attribute lies inside one op's text); compare it by value, not identity.
 */
export class SlottedSharedDialectAttr extends SlottedNode implements DialectAttr {
  declare readonly kind: 'dialectAttr';
  declare readonly name: string;
  /** @internal The shared body. */
  declare readonly $x: RelativeGroup;
  constructor(table: RangeTable, slot: number, name: string, body: RelativeGroup) {
    super(table, slot);
    this.name = name;
    this.$x = body;
  }

  get body(): TokenGroup {
    return derivedGroup(this.$t, this.$s, this.$x, 0);
  }
}
kindOnPrototype(SlottedSharedDialectAttr, 'dialectAttr');
gettersOnPrototype(SlottedSharedDialectAttr, ['body']);

/** `group`'s nodes, its offsets `shift` characters after the start of `slot`. */
function derivedGroup(table: RangeTable, slot: number, group: RelativeGroup, shift: number): TokenGroup {
  const children = group.children.map((c): TokenTree =>
    c.kind === 'leaf'
      ? new DerivedLeaf(table, slot, shift + c.from, shift + c.to, c.leafKind, c.text, c.value)
      : derivedGroup(table, slot, c, shift),
  );
  return new DerivedGroup(table, slot, shift + group.from, shift + group.to, group.open, children);
}

class DerivedLeaf extends DerivedNode implements TokenLeaf {
  declare readonly kind: 'leaf';
  declare readonly leafKind: TokenLeafKind;
  declare readonly text: string;
  declare readonly value: string | undefined;
  constructor(
    table: RangeTable,
    slot: number,
    from: number,
    to: number,
    leafKind: TokenLeafKind,
    text: string,
    value: string | undefined,
  ) {
    super(table, slot, from, to);
    this.leafKind = leafKind;
    this.text = text;
    this.value = value;
  }
}
kindOnPrototype(DerivedLeaf, 'leaf');

class DerivedGroup extends DerivedNode implements TokenGroup {
  declare readonly kind: 'group';
  declare readonly open: '<' | '(' | '[' | '{';
  declare readonly children: readonly TokenTree[];
  constructor(
    table: RangeTable,
    slot: number,
    from: number,
    to: number,
    open: '<' | '(' | '[' | '{',
    children: readonly TokenTree[],
  ) {
    super(table, slot, from, to);
    this.open = open;
    this.children = children;
  }
}
kindOnPrototype(DerivedGroup, 'group');

export class SlottedValueUse extends SlottedNode implements ValueUse {
  declare readonly name: string;
  declare readonly resultIndex: number | undefined;
  constructor(table: RangeTable, slot: number, name: string, resultIndex: number | undefined) {
    super(table, slot);
    this.name = name;
    this.resultIndex = resultIndex;
  }
}

/** A slotted node with a `name` whose `nameRange` is a second slot, `$n`, of the same table. */
export abstract class SlottedNamedNode extends SlottedNode {
  declare readonly name: string;
  /** @internal The name's slot in `$t`. */
  declare $n: number;
  constructor(table: RangeTable, slot: number, nameSlot: number, name: string) {
    super(table, slot);
    this.name = name;
    this.$n = nameSlot;
  }

  get nameRange(): TextRange {
    return { start: this.$t.starts[this.$n]!, end: this.$t.ends[this.$n]! };
  }
}

export class SlottedDictEntry extends SlottedNamedNode implements DictEntry {
  declare readonly value: AttrNode;
  constructor(table: RangeTable, slot: number, nameSlot: number, name: string, value: AttrNode) {
    super(table, slot, nameSlot, name);
    this.value = value;
  }
}

export class SlottedDict extends SlottedNode implements DictAttr {
  declare readonly kind: 'dict';
  declare readonly entries: readonly DictEntry[];
  constructor(table: RangeTable, slot: number, entries: readonly DictEntry[]) {
    super(table, slot);
    this.entries = entries;
  }
}
kindOnPrototype(SlottedDict, 'dict');

export class SlottedGroup extends SlottedNode implements TokenGroup {
  declare readonly kind: 'group';
  declare readonly open: '<' | '(' | '[' | '{';
  declare readonly children: readonly TokenTree[];
  constructor(table: RangeTable, slot: number, open: '<' | '(' | '[' | '{', children: readonly TokenTree[]) {
    super(table, slot);
    this.open = open;
    this.children = children;
  }
}
kindOnPrototype(SlottedGroup, 'group');

export class SlottedDialectAttr extends SlottedNode implements DialectAttr {
  declare readonly kind: 'dialectAttr';
  declare readonly name: string;
  declare readonly body: TokenGroup | undefined;
  constructor(table: RangeTable, slot: number, name: string, body: TokenGroup | undefined) {
    super(table, slot);
    this.name = name;
    this.body = body;
  }
}
kindOnPrototype(SlottedDialectAttr, 'dialectAttr');

export class SlottedInteger extends SlottedNode implements IntegerAttr {
  declare readonly kind: 'integer';
  declare readonly text: string;
  declare readonly value: number;
  declare readonly type: TypeNode | undefined;
  constructor(table: RangeTable, slot: number, text: string, value: number, type: TypeNode | undefined) {
    super(table, slot);
    this.text = text;
    this.value = value;
    this.type = type;
  }
}
kindOnPrototype(SlottedInteger, 'integer');

export class SlottedBool extends SlottedNode implements BoolAttr {
  declare readonly kind: 'bool';
  declare readonly value: boolean;
  constructor(table: RangeTable, slot: number, value: boolean) {
    super(table, slot);
    this.value = value;
  }
}
kindOnPrototype(SlottedBool, 'bool');

export class SlottedDenseArray extends SlottedNode implements DenseArrayAttr {
  declare readonly kind: 'denseArray';
  declare readonly elementType: TypeNode | undefined;
  declare readonly elementTexts: readonly string[];
  constructor(table: RangeTable, slot: number, elementType: TypeNode | undefined, elementTexts: readonly string[]) {
    super(table, slot);
    this.elementType = elementType;
    this.elementTexts = elementTexts;
  }
}
kindOnPrototype(SlottedDenseArray, 'denseArray');

export class SlottedLocAttr extends SlottedNode implements LocAttr {
  declare readonly kind: 'loc';
  declare readonly loc: Location;
  constructor(table: RangeTable, slot: number, loc: Location) {
    super(table, slot);
    this.loc = loc;
  }
}
kindOnPrototype(SlottedLocAttr, 'loc');

/** `loc("name")` / `loc("name"(child))`. */
export class SlottedNameLoc extends SlottedNode {
  declare readonly kind: 'name';
  declare readonly name: string;
  declare readonly child: Location | undefined;
  constructor(table: RangeTable, slot: number, name: string, child: Location | undefined) {
    super(table, slot);
    this.name = name;
    this.child = child;
  }
}
kindOnPrototype(SlottedNameLoc, 'name');

/** `loc(unknown)`: every argument of a function exported without locations has one. */
export class SlottedUnknownLoc extends SlottedNode {
  declare readonly kind: 'unknown';
}
kindOnPrototype(SlottedUnknownLoc, 'unknown');

/** A function or block argument (`name` is empty for a declaration's, its `nameRange` empty at the argument's start). */
export class SlottedBlockArgument extends SlottedNamedNode implements BlockArgument {
  declare readonly type: TypeNode | undefined;
  declare readonly attributes: DictAttr | undefined;
  declare readonly location: Location | undefined;
  constructor(
    table: RangeTable,
    slot: number,
    nameSlot: number,
    name: string,
    type: TypeNode | undefined,
    attributes: DictAttr | undefined,
    location: Location | undefined,
  ) {
    super(table, slot, nameSlot, name);
    this.type = type;
    this.attributes = attributes;
    this.location = location;
  }
}

export class SlottedFunctionResult extends SlottedNode implements FunctionResult {
  declare readonly type: TypeNode;
  declare readonly attributes: DictAttr | undefined;
  constructor(table: RangeTable, slot: number, type: TypeNode, attributes: DictAttr | undefined) {
    super(table, slot);
    this.type = type;
    this.attributes = attributes;
  }
}

export class SlottedSignature extends SlottedNode implements FunctionSignature {
  declare readonly arguments: readonly BlockArgument[];
  declare readonly results: readonly FunctionResult[];
  constructor(table: RangeTable, slot: number, args: readonly BlockArgument[], results: readonly FunctionResult[]) {
    super(table, slot);
    this.arguments = args;
    this.results = results;
  }
}

export class SlottedResultGroup extends SlottedNode implements ResultGroup {
  declare readonly name: string;
  declare readonly count: number;
  constructor(table: RangeTable, slot: number, name: string, count: number) {
    super(table, slot);
    this.name = name;
    this.count = count;
  }
}

/**
 * An op: its range is slot `$s` of the table (a range object per op, 100k of the editable parse's survivors at 100k
 * ops, was a twentieth of what it keeps), and its name's place and form one number, `$f`. The parser builds it in place
 * (operations.ts `OpDraft`), as an object literal with this prototype (`newDraft` says why), every field in one order
 * (one hidden class); `$s` is taken when the op is finished. A consumer that must keep a range that moves with edits
 * keeps the op (the TTNN view's ops of an editable parse do) or `liveRangeOf` it.
 * What a dump's op nearly always has is packed into it as small integers, and its nodes are built on each read with
 * ranges derived from the op's slot: one `%N =` result, a generic op's `%N`/`%argN` operands (they come before any
 * region), and the `loc(#locN)` of an op without regions (an edit inside such an op re-parses it whole, so offsets
 * within it hold; an edit in a region moves what follows the region). Read `results`/`operands` once per use and
 * compare their nodes by value.
 */
export class SlottedOp extends SlottedNode implements Operation {
  declare readonly kind: 'operation';
  declare readonly name: string;
  /**
   * @internal Where the name is written and the op's form (`packedOpName`): nearly always the name's offset from the
   * op's start, its length following from `name` (a generic op's quoted), instead of a slot of its own (the name comes
   * before any region, so no edit moves it against the op's start) and a `form` field; for a generic name written
   * with escapes, a slot. Read it with `opNameSlot`, `nameRange` and `form`.
   */
  declare $f: number;
  /**
   * @internal The result groups, or for one `%N =` / `%argN =` (nearly every op of a dump with results) its name's
   * code (`packedValueName`), from which `results` builds the group on each read (a node, a name string, a slot and a
   * list per op).
   */
  declare $g: readonly ResultGroup[] | number;
  /**
   * @internal The operands: use nodes, or for a generic op's `%N` / `%argN` uses (nearly every use in a dump) their
   * offsets from the op's start and name codes in pairs, or one number for one use (`code·4096 + offset`, >= 0) or for
   * two uses written `%a, %b` (a negative number, `packedUsePair`: the second's offset follows from the first name's
   * length) (operations.ts `parseGenericOperands`), from which `operands` builds the nodes on each read (a node, a
   * name string and a slot per use, and for one or two uses their list too).
   */
  declare $o: readonly ValueUse[] | readonly number[] | number;
  /**
   * @internal The properties: a node, or when the op's function type is packed and a shared dictionary's `}` is four
   * characters before its `(` (`}> : (`), that dictionary's shared text, from which `properties` builds the node on
   * each read (a node and a slot per op).
   */
  declare $p: DictAttr | SharedDictText | undefined;
  /**
   * @internal The operand types, or for a function type `$u` packs (a number) the template `operandTypes` and
   * `resultTypes` are built from on each read (`FunctionTypeTemplate`).
   */
  declare $i: readonly TypeNode[] | FunctionTypeTemplate;
  /**
   * @internal The result types, or the offset of the function type's `(` from the op's start when every one of its
   * types is a shared tensor type (`SlottedSharedTensor`) of an op without regions, in the layout MLIR prints (types
   * `, `-separated): its types are then `$i`'s templates at offsets from there (two nodes, two slots and two one-element
   * lists per op of a dump).
   */
  declare $u: readonly TypeNode[] | number;
  /**
   * @internal The op's range table, which `$t` reads, and the fields an op of a dump body leaves at their defaults
   * (all but functions and modules have no regions, symbol, signature, ...): the table's shared `noExtrasFor` until
   * the parser sets one (their setters give the op its own). Eight words per op fewer.
   */
  declare $r: OpExtras;
  /**
   * @internal The location: a node, or for `loc(#locN)` written as dumps write it (nearly every op of a dump) the
   * number `packOpLocation` makes of it, from which `location` builds the node on each read (a node, a name string and
   * a slot per op were ~80 B of the ~800 B an editable parse keeps per op).
   */
  declare $l: Location | number | undefined;

  get form(): 'generic' | 'custom' {
    return this.$f % 2 === 0 ? 'custom' : 'generic';
  }

  get nameRange(): TextRange {
    const f = this.$f;
    const table = this.$t;
    if (f < 0) {
      const nameSlot = opNameSlot(this);
      return { start: table.starts[nameSlot]!, end: table.ends[nameSlot]! };
    }
    const start = table.starts[this.$s]! + (f >> 1);
    return { start, end: start + this.name.length + (f & 1) * 2 };
  }

  /** A new list (and group) at each read when packed: read it once where you can, and compare groups by value. */
  get results(): readonly ResultGroup[] {
    const g = this.$g;
    if (typeof g !== 'number') return g;
    const name = packedName(g);
    return [new DerivedResultGroup(this.$t, this.$s, 0, name.length, name)];
  }
  set results(results: readonly ResultGroup[]) {
    this.$g = results;
  }

  /** A new list (and nodes) at each read when packed: read it once where you can, and compare uses by value. */
  get operands(): readonly ValueUse[] {
    const o = this.$o;
    if (typeof o === 'number') {
      if (o < 0) {
        const first = pairFirstCode(o);
        const from = pairFirstOffset(o);
        return [
          derivedValueUse(this, from, first),
          derivedValueUse(this, from + packedNameLength(first) + USE_SEPARATOR_LENGTH, pairSecondCode(o)),
        ];
      }
      const from = o % PACKED_USE_OFFSETS;
      return [derivedValueUse(this, from, (o - from) / PACKED_USE_OFFSETS)];
    }
    if (o.length === 0 || typeof o[0] !== 'number') return o as readonly ValueUse[];
    const packed = o as readonly number[];
    const uses = new Array<ValueUse>(packed.length >> 1);
    for (let i = 0; i < uses.length; i++) uses[i] = derivedValueUse(this, packed[2 * i]!, packed[2 * i + 1]!);
    return uses;
  }
  set operands(operands: readonly ValueUse[]) {
    this.$o = operands;
  }

  get successors(): readonly SymbolLikeLabel[] {
    return this.$r.successors;
  }
  set successors(successors: readonly SymbolLikeLabel[]) {
    ownExtras(this).successors = successors;
  }
  get attributes(): DictAttr | undefined {
    return this.$r.attributes;
  }
  set attributes(attributes: DictAttr | undefined) {
    ownExtras(this).attributes = attributes;
  }
  get regions(): readonly Region[] {
    return this.$r.regions;
  }
  set regions(regions: readonly Region[]) {
    ownExtras(this).regions = regions;
  }
  get symbol(): SymbolRef | undefined {
    return this.$r.symbol;
  }
  set symbol(symbol: SymbolRef | undefined) {
    ownExtras(this).symbol = symbol;
  }
  get symbolUses(): readonly SymbolRef[] {
    return this.$r.symbolUses;
  }
  set symbolUses(symbolUses: readonly SymbolRef[]) {
    ownExtras(this).symbolUses = symbolUses;
  }
  get signature(): FunctionSignature | undefined {
    return this.$r.signature;
  }
  set signature(signature: FunctionSignature | undefined) {
    ownExtras(this).signature = signature;
  }
  get visibility(): string | undefined {
    return this.$r.visibility;
  }
  set visibility(visibility: string | undefined) {
    ownExtras(this).visibility = visibility;
  }

  /** A new node at each read when packed: read it once where you can, and compare it by value. */
  get properties(): DictAttr | undefined {
    const x = this.$p;
    if (x === undefined || (x as DictAttr).kind === 'dict') return x as DictAttr | undefined;
    const text = x as SharedDictText;
    return sharedDictAt!(this.$t, this.$s, (this.$u as number) - PACKED_PROPERTIES_GAP - text.text.length, text);
  }
  set properties(properties: DictAttr | undefined) {
    this.$p = properties;
  }

  /** A new list (and nodes) at each read when packed: read it once where you can, and compare types by value. */
  get operandTypes(): readonly TypeNode[] {
    const u = this.$u;
    if (typeof u !== 'number') return this.$i as readonly TypeNode[];
    return derivedTypes(this, this.$i as FunctionTypeTemplate, u, false);
  }
  set operandTypes(types: readonly TypeNode[]) {
    if (typeof this.$u === 'number') this.$u = this.resultTypes;
    this.$i = types;
  }

  /** A new list (and nodes) at each read when packed: read it once where you can, and compare types by value. */
  get resultTypes(): readonly TypeNode[] {
    const u = this.$u;
    if (typeof u !== 'number') return u;
    return derivedTypes(this, this.$i as FunctionTypeTemplate, u, true);
  }
  set resultTypes(types: readonly TypeNode[]) {
    if (typeof this.$u === 'number') this.$i = this.operandTypes;
    this.$u = types;
  }

  /** Compare it by value, not identity: a packed `loc(#locN)` is a new node at each read. */
  get location(): Location | undefined {
    const l = this.$l;
    if (typeof l !== 'number') return l;
    const from = l % PACKED_LOC_OFFSETS;
    const n = (l - from) / PACKED_LOC_OFFSETS - 1;
    const name = n < 0 ? '#loc' : '#loc' + n;
    return new DerivedLocAlias(this.$t, this.$s, from, from + name.length, name);
  }

  set location(location: Location | undefined) {
    this.$l = location;
  }

  /** The fields in the order of the syntax.ts interface (the order of the object literal ops were). */
  override toJSON(): object {
    return {
      kind: this.kind,
      name: this.name,
      nameRange: this.nameRange,
      form: this.form,
      results: this.results,
      operands: this.operands,
      successors: this.successors,
      properties: this.properties,
      attributes: this.attributes,
      regions: this.regions,
      operandTypes: this.operandTypes,
      resultTypes: this.resultTypes,
      symbol: this.symbol,
      symbolUses: this.symbolUses,
      location: this.location,
      range: this.range,
      signature: this.signature,
      visibility: this.visibility,
    };
  }
}
kindOnPrototype(SlottedOp, 'operation');
gettersOnPrototype(SlottedOp, [
  'nameRange',
  'form',
  'results',
  'operands',
  'successors',
  'attributes',
  'regions',
  'properties',
  'operandTypes',
  'resultTypes',
  'symbol',
  'symbolUses',
  'location',
  'signature',
  'visibility',
]);

/**
 * What every op whose function type has the same shared tensor types at the same places shares (`SlottedOp.$i`,
 * interned per parse by types.ts `packFunctionType`): the types' templates, inputs then results. Their places follow:
 * the first input just after the `(`, each next type of a list two characters after the one before (`, `), the first
 * result `resultsGap` characters after the last input (the `(` when there is none).
 */
export interface FunctionTypeTemplate {
  readonly types: readonly TensorTemplate[];
  readonly inputCount: number;
  readonly resultsGap: number;
}

/** The inputs (or with `results` the results) of a packed function type whose `(` is `at` characters after `op`'s start. */
function derivedTypes(op: SlottedOp, fn: FunctionTypeTemplate, at: number, results: boolean): readonly TypeNode[] {
  const types = fn.types;
  const inputCount = fn.inputCount;
  const from = results ? inputCount : 0;
  const to = results ? types.length : inputCount;
  if (from === to) return EMPTY;
  const nodes = new Array<TypeNode>(to - from);
  let offset = at + 1;
  for (let k = 0; k < to; k++) {
    if (k === inputCount) offset += fn.resultsGap - (inputCount > 0 ? 2 : 0);
    const template = types[k]!;
    if (k >= from) nodes[k - from] = new SlottedSharedTensor(op.$t, op.$s, offset, template);
    offset += template.length + 2;
  }
  return nodes;
}

/** Characters from a packed properties dictionary's `}` to its op's packed function type's `(`: `}> : (`. */
export const PACKED_PROPERTIES_GAP = 4;

/** attributes.ts's SlottedSharedDict, which extends SlottedNode (so nodes.ts cannot import it): registered there. */
let sharedDictAt: ((table: RangeTable, slot: number, offset: number, text: SharedDictText) => DictAttr) | undefined;

export function registerSharedDict(
  make: (table: RangeTable, slot: number, offset: number, text: SharedDictText) => DictAttr,
): void {
  sharedDictAt = make;
}

/**
 * The shared text of a packed op's properties (the node not built), or undefined for an op without properties or
 * one that keeps its node: the TTNN view keys an op's properties record by it.
 */
export function packedPropertiesTextOf(op: Operation): SharedDictText | undefined {
  if (!(op instanceof SlottedOp)) return undefined;
  const x = op.$p;
  return x === undefined || (x as DictAttr).kind === 'dict' ? undefined : (x as SharedDictText);
}

/**
 * The name code (`packedValueName`) of a packed op's one result, or -1 for an op that keeps its result groups: a
 * reader that needs only the name (the TTNN view) reads it without the group node and its list.
 */
export function packedResultCodeOf(op: Operation): number {
  if (!(op instanceof SlottedOp)) return -1;
  const g = op.$g;
  return typeof g === 'number' ? g : -1;
}

/**
 * How many operands of a packed op `packedOperandCodeAt` reads the name codes of, or -1 for an op that keeps its use
 * nodes (or has no operands).
 */
export function packedOperandCountOf(op: Operation): number {
  if (!(op instanceof SlottedOp)) return -1;
  const o = op.$o;
  if (typeof o === 'number') return o < 0 ? 2 : 1;
  return o.length === 0 || typeof o[0] !== 'number' ? -1 : o.length >> 1;
}

/** The name code of operand `index` of an op `packedOperandCountOf` counts. */
export function packedOperandCodeAt(op: Operation, index: number): number {
  const o = (op as SlottedOp).$o;
  if (typeof o === 'number') {
    if (o < 0) return index === 0 ? pairFirstCode(o) : pairSecondCode(o);
    return (o - (o % PACKED_USE_OFFSETS)) / PACKED_USE_OFFSETS;
  }
  return (o as readonly number[])[2 * index + 1]!;
}

/**
 * The templates of a packed op's operand and result types (nodes not built), or undefined for an op that keeps its
 * type nodes: a reader that needs only what a type's text fixes (the TTNN view's specs) reads these.
 */
export function packedFunctionTypeOf(op: Operation): FunctionTypeTemplate | undefined {
  return op instanceof SlottedOp && typeof op.$u === 'number' ? (op.$i as FunctionTypeTemplate) : undefined;
}

/**
 * `SlottedOp.$f` for a name written at `nameStart`-`nameEnd` of an op starting at `opStart`: the name's offset from
 * there, doubled, plus one for a generic op, when its text is `name` (quoted for a generic op); else -1, and the op
 * keeps a slot for its name (`slottedOpName`: a generic name written with escapes). `$f % 2` is 0 for a custom op.
 */
export function packedOpName(
  name: string,
  generic: boolean,
  opStart: number,
  nameStart: number,
  nameEnd: number,
): number {
  const g = generic ? 1 : 0;
  const offset = nameStart - opStart;
  return nameEnd - nameStart === name.length + 2 * g && offset >= 0 && offset < MAX_PACKED_NAME_OFFSET
    ? offset * 2 + g
    : -1;
}

/** `SlottedOp.$f` for a name with a slot of its own: `-2 - 2·slot - g` (g 1 for a generic op). */
export function slottedOpName(nameSlot: number, generic: boolean): number {
  return -2 - 2 * nameSlot - (generic ? 1 : 0);
}

/** `$f`'s offsets stay below this: small integers, read with bit operations. */
const MAX_PACKED_NAME_OFFSET = 2 ** 29;

/** The slot of an op's name when it has one (`packedOpName`'s second case), else -1. */
export function opNameSlot(op: SlottedOp): number {
  const f = op.$f;
  return f >= 0 ? -1 : (-2 - f - (f % 2 === 0 ? 0 : 1)) / 2;
}

/** Sets the slot of an op's name that has one (incrementalParse, adopting a scratch parse's op). */
export function setOpNameSlot(op: SlottedOp, nameSlot: number): void {
  op.$f = slottedOpName(nameSlot, op.$f % 2 !== 0);
}

/**
 * An op's range table and the fields most ops leave at their defaults (`SlottedOp.$r`): the table is here rather than
 * a word of every op since all ops of a parse share it, as they share the defaults (`noExtrasFor`).
 */
export interface OpExtras {
  /** The table of the op's slots (`SlottedOp.$t` reads it here). */
  $t: RangeTable;
  /** Whether this is a table's shared defaults, which no setter changes (`ownExtras` copies them first). */
  readonly $shared: boolean;
  successors: readonly SymbolLikeLabel[];
  attributes: DictAttr | undefined;
  regions: readonly Region[];
  symbol: SymbolRef | undefined;
  symbolUses: readonly SymbolRef[];
  signature: FunctionSignature | undefined;
  visibility: string | undefined;
}

// Keyed by a parse's own table: parses stay independent, as parser/state.ts requires.
const noExtrasOfTable = new WeakMap<RangeTable, OpExtras>();

/** The defaults of the ops whose slots are in `table`, shared by every one that sets none of its extras. */
export function noExtrasFor(table: RangeTable): OpExtras {
  let extras = noExtrasOfTable.get(table);
  if (extras === undefined) {
    extras = Object.freeze(defaultExtras(table, true));
    noExtrasOfTable.set(table, extras);
  }
  return extras;
}

function ownExtras(op: SlottedOp): OpExtras {
  const r = op.$r;
  if (!r.$shared) return r;
  return (op.$r = defaultExtras(r.$t, false));
}

/** Extras with every field at its default: one literal, so the shared and the owned ones have one shape. */
function defaultExtras(table: RangeTable, shared: boolean): OpExtras {
  return {
    $t: table,
    $shared: shared,
    successors: EMPTY,
    attributes: undefined,
    regions: EMPTY,
    symbol: undefined,
    symbolUses: EMPTY,
    signature: undefined,
    visibility: undefined,
  };
}

// An op's `$t` is its extras' (every op of a parse has the same): one word per op fewer. Setting it (incrementalParse
// adopting a scratch parse's op) moves the op to the new table's defaults, or its own extras to the new table.
Object.defineProperty(SlottedOp.prototype, '$t', {
  get(this: SlottedOp): RangeTable {
    return this.$r.$t;
  },
  set(this: SlottedOp, table: RangeTable): void {
    const r = this.$r;
    if (r.$shared) this.$r = noExtrasFor(table);
    else r.$t = table;
  },
  enumerable: false,
});

/** An op's `#locN` location use, its range derived from the op's slot (the op's text is re-parsed whole on an edit). */
class DerivedLocAlias extends DerivedNode {
  declare readonly kind: 'aliasRef';
  declare readonly name: string;
  constructor(table: RangeTable, slot: number, from: number, to: number, name: string) {
    super(table, slot, from, to);
    this.name = name;
  }
}
kindOnPrototype(DerivedLocAlias, 'aliasRef');

/** A generic op's use of `%N` / `%argN`: its range derived from the op's slot (operands come before any region). */
class DerivedValueUse extends DerivedNode implements ValueUse {
  declare readonly name: string;
  declare readonly resultIndex: number | undefined;
  constructor(table: RangeTable, slot: number, from: number, to: number, name: string) {
    super(table, slot, from, to);
    this.name = name;
    this.resultIndex = undefined;
  }
}

function derivedValueUse(op: SlottedOp, from: number, code: number): ValueUse {
  const name = packedName(code);
  return new DerivedValueUse(op.$t, op.$s, from, from + name.length, name);
}

/** The one result group `%N` of a generic or custom op, at the op's start. */
class DerivedResultGroup extends DerivedNode implements ResultGroup {
  declare readonly name: string;
  declare readonly count: number;
  constructor(table: RangeTable, slot: number, from: number, to: number, name: string) {
    super(table, slot, from, to);
    this.name = name;
    this.count = 1;
  }
}

/** The value name a `packedValueName` code stands for. */
export function packedName(code: number): string {
  const n = code >> 1;
  return (code & 1) === 0 ? '%' + n : '%arg' + n;
}

/** Offsets from its op's start of the one use packed into a single number are below this. */
export const PACKED_USE_OFFSETS = 4096;
/** The largest name code (`packedValueName`) packed with its offset into a single number (31 bits). */
export const MAX_SINGLE_USE_CODE = 2 ** 31 / PACKED_USE_OFFSETS - 1;
/** The largest N of a packed `%N` / `%argN`. */
const MAX_PACKED_VALUE_NUMBER = 2 ** 29;

/** The characters between two uses as MLIR prints them: `, `. */
export const USE_SEPARATOR_LENGTH = 2;
/** Name codes of a two-use number (`packedUsePair`) are below this: two codes and an offset fit 52 bits. */
export const MAX_PAIR_USE_CODES = 2 ** 20;

/**
 * Two uses `%a, %b` as one number: `-1 - ((codeA·2^20 + codeB)·4096 + offsetA)`, negative so that it is never a single
 * use's number. One number instead of a four-element list (80 B and two objects; ~23k ops of a 100k-op dump, a
 * binary op's `(%a, %b)`). The caller checks the codes (below `MAX_PAIR_USE_CODES`), the offset (below
 * `PACKED_USE_OFFSETS`) and that `%b` is `USE_SEPARATOR_LENGTH` characters after `%a`'s end.
 */
export function packedUsePair(firstOffset: number, firstCode: number, secondCode: number): number {
  return -1 - ((firstCode * MAX_PAIR_USE_CODES + secondCode) * PACKED_USE_OFFSETS + firstOffset);
}

function pairFirstOffset(pair: number): number {
  return (-1 - pair) % PACKED_USE_OFFSETS;
}

function pairCodes(pair: number): number {
  const packed = -1 - pair;
  return (packed - (packed % PACKED_USE_OFFSETS)) / PACKED_USE_OFFSETS;
}

function pairFirstCode(pair: number): number {
  const codes = pairCodes(pair);
  return (codes - (codes % MAX_PAIR_USE_CODES)) / MAX_PAIR_USE_CODES;
}

function pairSecondCode(pair: number): number {
  return pairCodes(pair) % MAX_PAIR_USE_CODES;
}

/** `packedName(code).length`, without making the name. */
export function packedNameLength(code: number): number {
  let n = code >> 1;
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return ((code & 1) === 0 ? 1 : 4) + digits;
}

/**
 * `%N` (`N * 2`) or `%argN` (`N * 2 + 1`), N canonical decimal, as the number a packed use keeps for its name (the
 * token is `text[start..end)`); -1 for any other name (`%0#1`, `%x`, `%007`), which keeps a node.
 */
export function packedValueName(text: string, start: number, end: number): number {
  let i = start + 1;
  let arg = 0;
  if (text.charCodeAt(i) === 97 /* a */) {
    if (text.charCodeAt(i + 1) !== 114 /* r */ || text.charCodeAt(i + 2) !== 103 /* g */) return -1;
    i += 3;
    arg = 1;
  }
  if (i >= end) return -1;
  // Canonical decimal only, so the name is the prefix and `String(N)` again.
  if (text.charCodeAt(i) === 48 /* 0 */ && i + 1 < end) return -1;
  let n = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || n > MAX_PACKED_VALUE_NUMBER) return -1;
    n = n * 10 + (c - 48);
  }
  return n > MAX_PACKED_VALUE_NUMBER ? -1 : n * 2 + arg;
}

/** Offsets of a packed location from its op's start are below this (longer ops keep a node). */
const PACKED_LOC_OFFSETS = 4096;
/** The largest N of a packed `#locN`: the packed number stays a small integer (31 bits). */
export const MAX_PACKED_LOC_NUMBER = 2 ** 31 / PACKED_LOC_OFFSETS - 2;

/**
 * `#locN` (`n` ≥ 0, canonical decimal) or `#loc` (`n` = -1) starting `offset` characters after its op's start, as one
 * non-negative small integer (`SlottedOp.location` reads it back); -1 when either is out of range.
 */
export function packOpLocation(offset: number, n: number): number {
  if (offset < 0 || offset >= PACKED_LOC_OFFSETS || n < -1 || n > MAX_PACKED_LOC_NUMBER) return -1;
  return (n + 1) * PACKED_LOC_OFFSETS + offset;
}

/** The tables of editable parses (`ParseOptions.rangeTable`), whose slots incremental edits move. */
const editableTables = new WeakSet<RangeTable>();

/** Marks `table` as an editable parse's (parser/index.ts). */
export function markEditable(table: RangeTable): void {
  editableTables.add(table);
}

/**
 * `op` is an op of an editable parse: its `range` and `nameRange` are snapshots of slots that incremental edits move
 * (re-read them after an edit; keep the op, or a `liveRangeOf` handle, rather than a snapshot).
 */
export function rangesMoveWithEdits(op: Operation): op is SlottedOp {
  return op instanceof SlottedOp && editableTables.has(op.$t);
}

/**
 * The op's range and name range as four offsets written into `out` (start, end, name start, name end), read from a
 * slotted op's slots without making the two range objects its getters make: the TTNN view keeps the offsets of each
 * of a 100k-op dump's ops (8 MB of short-lived range objects).
 */
export function opOffsetsInto(op: Operation, out: Int32Array | number[]): void {
  if (op instanceof SlottedOp) {
    const table = op.$t;
    out[0] = table.starts[op.$s]!;
    out[1] = table.ends[op.$s]!;
    const f = op.$f;
    if (f >= 0) {
      out[2] = out[0] + (f >> 1);
      out[3] = out[2] + op.name.length + (f & 1) * 2;
    } else {
      const nameSlot = opNameSlot(op);
      out[2] = table.starts[nameSlot]!;
      out[3] = table.ends[nameSlot]!;
    }
    return;
  }
  const { range, nameRange } = op;
  out[0] = range.start;
  out[1] = range.end;
  out[2] = nameRange.start;
  out[3] = nameRange.end;
}

/**
 * A range object on the op's own slot, which moves with incremental edits for as long as the op is in the tree (an
 * in-place edit replaces only ops without regions: an op with regions, a function, keeps its slot). For the few
 * consumers that keep an op's range object (the TTNN view's functions); one object per call.
 */
export function liveRangeOf(op: SlottedOp): TextRange {
  return new TableRange(op.$t, op.$s);
}

/** Like `liveRangeOf`, for the op's name. */
export function liveNameRangeOf(op: SlottedOp): TextRange {
  const f = op.$f;
  if (f < 0) return new TableRange(op.$t, opNameSlot(op));
  return new LiveOffsetRange(op, f >> 1, (f >> 1) + op.name.length + (f & 1) * 2);
}

/**
 * `range`, a range inside `op` (one of its attribute's tokens), kept for as long as the op is: in an editable parse it
 * is read at its offsets from the op's start at each read (so it moves with edits before the op, as the op does);
 * otherwise it is copied.
 */
export function liveRangeWithin(op: Operation, range: TextRange): TextRange {
  if (!rangesMoveWithEdits(op)) return { start: range.start, end: range.end };
  const opStart = op.$t.starts[op.$s]!;
  return new LiveOffsetRange(op, range.start - opStart, range.end - opStart);
}

/** Where `op` of an editable parse starts now (read from its slot, so it moves with edits before it). */
export function liveStartOf(op: SlottedOp): number {
  return op.$t.starts[op.$s]!;
}

/** A range at fixed offsets from an op's start, read from the op's slot at each read (so it moves with edits). */
class LiveOffsetRange implements TextRange {
  constructor(
    private readonly op: SlottedOp,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get start(): number {
    return this.op.$t.starts[this.op.$s]! + this.from;
  }

  get end(): number {
    return this.op.$t.starts[this.op.$s]! + this.to;
  }

  toJSON(): TextRange {
    return { start: this.start, end: this.end };
  }
}

/**
 * The most numerous syntax nodes (token leaves and groups, scalar and tensor types, `#alias` and `#locN` uses, SSA
 * uses and result groups, dictionaries and their entries, integer/bool/dialect/dense-array/loc attributes, name
 * locations: ~90% of a 100k-op tree's ranges; ops, regions and blocks keep handles, compared by identity) as class instances that keep their range
 * as a slot of the parse's range table (`ParserState.slots`) instead of a `{ start, end }` object each: the parse
 * allocates no range object for them. `range` is a getter on the prototype returning a fresh plain `{ start, end }`
 * (a snapshot: re-read it after an incremental edit, as for every range). Slots are the same table an editable
 * parse shifts (mlir/incrementalParse.ts), so edits move them with every other range.
 * JSON (`toJSON`) and `plainNode` show them as plain objects with `range` (and `nameRange`), the fields in the order
 * of the syntax.ts interface.
 */

import type { RangeTable } from '../../text/rangeTable';
import type { TextRange } from '../../text/textRange';
import type {
  AttrNode,
  DictAttr,
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
  IntegerAttr,
  LocAttr,
  Location,
  ResultGroup,
  TokenGroup,
  TokenTree,
} from '../syntax';

/** A node whose range lives in slot `$s` of table `$t`. */
export abstract class SlottedNode {
  /** @internal The range table (moved by incrementalParse when a scratch parse's op is adopted). */
  $t: RangeTable;
  /** @internal The range's slot in `$t`. */
  $s: number;

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

/** A copy of a slotted node as the plain object it stands for (own fields without `$`, then `range`/`nameRange`). */
export function plainNode(node: SlottedNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (key.charCodeAt(0) === 36 /* $ */) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    // A leaf's `value` is optional (strings only), as in the object literals the parser made before.
    if (value === undefined && key === 'value') continue;
    out[key] = value;
  }
  if (node instanceof SlottedDictEntry) out['nameRange'] = node.nameRange;
  out['range'] = node.range;
  return out;
}

export class SlottedLeaf extends SlottedNode implements TokenLeaf {
  readonly kind = 'leaf' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly leafKind: TokenLeafKind,
    readonly text: string,
    readonly value: string | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedScalar extends SlottedNode implements ScalarType {
  readonly kind = 'scalar' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
  ) {
    super(table, slot);
  }
}

export class SlottedAttrAlias extends SlottedNode implements AttrAliasRef {
  readonly kind = 'attrAlias' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
  ) {
    super(table, slot);
  }
}

export class SlottedLocAlias extends SlottedNode {
  readonly kind = 'aliasRef' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
  ) {
    super(table, slot);
  }
}

export class SlottedTensor extends SlottedNode implements TensorType {
  readonly kind = 'tensor' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly shape: readonly Dim[] | undefined,
    readonly shapeText: readonly string[],
    readonly elementType: TypeNode,
    readonly encoding: AttrNode | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedValueUse extends SlottedNode implements ValueUse {
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
    readonly resultIndex: number | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedDictEntry extends SlottedNode implements DictEntry {
  /** @internal The name's slot in `$t`. */
  $n: number;
  constructor(
    table: RangeTable,
    slot: number,
    nameSlot: number,
    readonly name: string,
    readonly value: AttrNode,
  ) {
    super(table, slot);
    this.$n = nameSlot;
  }

  get nameRange(): TextRange {
    return { start: this.$t.starts[this.$n]!, end: this.$t.ends[this.$n]! };
  }
}

export class SlottedDict extends SlottedNode implements DictAttr {
  readonly kind = 'dict' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly entries: readonly DictEntry[],
  ) {
    super(table, slot);
  }
}

export class SlottedGroup extends SlottedNode implements TokenGroup {
  readonly kind = 'group' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly open: '<' | '(' | '[' | '{',
    readonly children: readonly TokenTree[],
  ) {
    super(table, slot);
  }
}

export class SlottedDialectAttr extends SlottedNode implements DialectAttr {
  readonly kind = 'dialectAttr' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
    readonly body: TokenGroup | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedInteger extends SlottedNode implements IntegerAttr {
  readonly kind = 'integer' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly text: string,
    readonly value: number,
    readonly type: TypeNode | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedBool extends SlottedNode implements BoolAttr {
  readonly kind = 'bool' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly value: boolean,
  ) {
    super(table, slot);
  }
}

export class SlottedDenseArray extends SlottedNode implements DenseArrayAttr {
  readonly kind = 'denseArray' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly elementType: TypeNode | undefined,
    readonly elementTexts: readonly string[],
  ) {
    super(table, slot);
  }
}

export class SlottedLocAttr extends SlottedNode implements LocAttr {
  readonly kind = 'loc' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly loc: Location,
  ) {
    super(table, slot);
  }
}

/** `loc("name")` / `loc("name"(child))`. */
export class SlottedNameLoc extends SlottedNode {
  readonly kind = 'name' as const;
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
    readonly child: Location | undefined,
  ) {
    super(table, slot);
  }
}

export class SlottedResultGroup extends SlottedNode implements ResultGroup {
  constructor(
    table: RangeTable,
    slot: number,
    readonly name: string,
    readonly count: number,
  ) {
    super(table, slot);
  }
}

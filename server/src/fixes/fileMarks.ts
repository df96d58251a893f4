/**
 * What the file's attributes say about its syntax era, read once per parsed file from the syntax tree (every alias,
 * op property and attribute, and type, down to the token trees of dialect attributes and types): which grid form its
 * layouts print, whether its shard specs end with a shard mode, and which name its core dialect goes by.
 */

import { sharedTextOf } from '../mlir/parser';
import type { AttrNode, DictAttr, Operation, SyntaxFile, TokenTree, TypeNode } from '../mlir/syntax';

export interface FileMarks {
  /** A `core_ranges` word (layouts since tt-mlir PR #8127). */
  readonly coreRanges: boolean;
  /** A `virt_to_physical_map` word (named grid maps, 2026-03..05). */
  readonly namedMaps: boolean;
  /** A grid with one unnamed map: `workerGrid = #ttcore.grid<8x8, (d0, d1) -> ...>` or a layout grid `<RxC, (d0, d1) -> ...>`. */
  readonly singleMap: boolean;
  /** A shard spec ending `<row_major>, <physical>` (or `<logical>`; printed since 2025-08). */
  readonly shardSpecMode: boolean;
  /** An attribute or type of the `ttcore` dialect (`#ttcore.grid`, `!ttcore.tile`): the name since tt-mlir's rename of `tt`. */
  readonly ttcoreDialect: boolean;
  /** An attribute or type of the `tt` dialect before that rename (`#tt.grid`, `!tt.tile`). */
  readonly ttDialect: boolean;
}

const marksByFile = new WeakMap<SyntaxFile, FileMarks>();

const MAX_NODES = 5_000_000;

export function fileMarks(file: SyntaxFile): FileMarks {
  const cached = marksByFile.get(file);
  if (cached !== undefined) return cached;
  const marks = {
    coreRanges: false,
    namedMaps: false,
    singleMap: false,
    shardSpecMode: false,
    ttcoreDialect: false,
    ttDialect: false,
  };
  // `ttcore.grid` / `tt.grid` (a name without its sigil), or `ttcore` / `tt` alone (`#ttcore<...>`).
  const coreDialectName = (name: string): void => {
    if (name === 'ttcore' || name.startsWith('ttcore.')) marks.ttcoreDialect = true;
    else if (name === 'tt' || name.startsWith('tt.')) marks.ttDialect = true;
  };
  let nodes = 0;
  const seenTypes = new Set<TypeNode>();
  // The marks are read from texts alone: a text the parser shares between uses (a dictionary's entries are re-parsed
  // on each read) is read at its first use only.
  const seenTexts = new Set<object>();
  const firstUse = (node: AttrNode | TypeNode): boolean => {
    const shared = sharedTextOf(node);
    if (shared === undefined) return true;
    if (seenTexts.has(shared)) return false;
    seenTexts.add(shared);
    return true;
  };

  const tokens = (trees: readonly TokenTree[], depth: number): void => {
    if (depth > 200 || ++nodes > MAX_NODES) return;
    for (let i = 0; i < trees.length; i++) {
      const t = trees[i]!;
      if (t.kind === 'group') {
        if (t.open === '<' && isShardModeEnd(t.children)) marks.shardSpecMode = true;
        tokens(t.children, depth + 1);
        continue;
      }
      if (t.leafKind === 'hashIdent' || t.leafKind === 'bangIdent') {
        coreDialectName(t.text.slice(1));
        continue;
      }
      if (t.leafKind !== 'ident') continue;
      if (t.text === 'core_ranges') marks.coreRanges = true;
      else if (t.text === 'virt_to_physical_map') marks.namedMaps = true;
      else if (
        t.text === 'workerGrid' &&
        isLeafText(trees[i + 1], '=') &&
        (isLeafText(trees[i + 2], '#ttcore.grid') || isLeafText(trees[i + 2], '#tt.grid'))
      ) {
        const grid = trees[i + 3];
        if (
          grid?.kind === 'group' &&
          grid.open === '<' &&
          isGridShape(grid.children[0]) &&
          isLeafText(grid.children[1], ',')
        )
          marks.singleMap = true;
      }
    }
  };

  const type = (t: TypeNode | undefined, depth: number): void => {
    if (t === undefined || depth > 64 || ++nodes > MAX_NODES || seenTypes.has(t) || !firstUse(t)) return;
    seenTypes.add(t);
    switch (t.kind) {
      case 'tensor':
        attr(t.encoding, depth + 1);
        type(t.elementType, depth + 1);
        return;
      case 'memref':
        type(t.elementType, depth + 1);
        attr(t.layout, depth + 1);
        attr(t.memorySpace, depth + 1);
        return;
      case 'dialectType':
        coreDialectName(t.name);
        if (t.body !== undefined) tokens([t.body], depth + 1);
        return;
      case 'otherType':
        if (t.body !== undefined) tokens([t.body], depth + 1);
        return;
      case 'function':
        for (const x of t.inputs) type(x, depth + 1);
        for (const x of t.results) type(x, depth + 1);
        return;
      default:
        return;
    }
  };

  const attr = (a: AttrNode | undefined, depth: number): void => {
    if (a === undefined || depth > 64 || ++nodes > MAX_NODES || !firstUse(a)) return;
    switch (a.kind) {
      case 'dialectAttr':
        coreDialectName(a.name);
        if (a.name === 'ttnn.ttnn_layout' && a.body !== undefined && isSingleMapLayout(a.body.children))
          marks.singleMap = true;
        if (a.body !== undefined) tokens([a.body], depth + 1);
        return;
      case 'opaque':
        tokens(a.tokens, depth + 1);
        type(a.type, depth + 1);
        return;
      case 'array':
        for (const e of a.elements) attr(e, depth + 1);
        return;
      case 'dict':
        dict(a, depth + 1);
        return;
      case 'typeAttr':
        type(a.type, depth + 1);
        return;
      default:
        return;
    }
  };

  const dict = (d: DictAttr | undefined, depth: number): void => {
    if (d === undefined || !firstUse(d)) return;
    for (const e of d.entries) attr(e.value, depth + 1);
  };

  const op = (o: Operation, depth: number): void => {
    if (depth > 64 || ++nodes > MAX_NODES) return;
    dict(o.properties, depth);
    dict(o.attributes, depth);
    for (const t of o.operandTypes) type(t, depth);
    for (const t of o.resultTypes) type(t, depth);
    for (const r of o.signature?.results ?? []) {
      type(r.type, depth);
      dict(r.attributes, depth);
    }
    for (const a of o.signature?.arguments ?? []) {
      type(a.type, depth);
      dict(a.attributes, depth);
    }
    for (const region of o.regions) {
      for (const block of region.blocks) {
        for (const a of block.arguments) type(a.type, depth);
        for (const inner of block.operations) op(inner, depth + 1);
      }
    }
  };

  for (const chunk of file.chunks) {
    for (const alias of chunk.aliases) {
      attr(alias.attr, 0);
      type(alias.type, 0);
    }
    for (const o of chunk.operations) op(o, 0);
  }
  marksByFile.set(file, marks);
  return marks;
}

function isLeafText(t: TokenTree | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'leaf' && t.text === text;
}

function isGridShape(t: TokenTree | undefined): boolean {
  return t !== undefined && t.kind === 'leaf' && t.leafKind === 'dimensionList' && /^\d+x\d+$/.test(t.text);
}

/** `<word>` as one item. */
function angleWord(item: readonly TokenTree[]): string | undefined {
  const g = item.length === 1 ? item[0] : undefined;
  const w = g?.kind === 'group' && g.open === '<' && g.children.length === 1 ? g.children[0] : undefined;
  return w?.kind === 'leaf' && w.leafKind === 'ident' ? w.text : undefined;
}

/** The trees end with the items `<row_major>, <physical>` (or `<logical>`). */
function isShardModeEnd(trees: readonly TokenTree[]): boolean {
  const n = trees.length;
  if (n < 3 || !isLeafText(trees[n - 2], ',')) return false;
  const mode = angleWord([trees[n - 1]!]);
  return angleWord([trees[n - 3]!]) === 'row_major' && (mode === 'physical' || mode === 'logical');
}

/** A layout whose first `<...>` (before anything printed with `>`) is a grid with an unnamed `(d0, d1) -> ...` map. */
function isSingleMapLayout(body: readonly TokenTree[]): boolean {
  for (const t of body) {
    if (t.kind === 'group') {
      if (t.open === '<') {
        const [shape, comma, map, arrow] = t.children;
        return isGridShape(shape) && isLeafText(comma, ',') && isD0D1(map) && isLeafText(arrow, '->');
      }
      if (containsCloseAngle(t.children, 0)) return false;
    } else if (t.text.includes('>')) return false;
  }
  return false;
}

function isD0D1(t: TokenTree | undefined): boolean {
  return (
    t?.kind === 'group' &&
    t.open === '(' &&
    t.children.length === 3 &&
    isLeafText(t.children[0], 'd0') &&
    isLeafText(t.children[1], ',') &&
    isLeafText(t.children[2], 'd1')
  );
}

function containsCloseAngle(trees: readonly TokenTree[], depth: number): boolean {
  if (depth > 200) return true;
  return trees.some((t) =>
    t.kind === 'leaf' ? t.text.includes('>') : t.open === '<' || containsCloseAngle(t.children, depth + 1),
  );
}

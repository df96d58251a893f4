/**
 * The one bridge from the MLIR syntax tree to the TTNN model: decodes `#ttnn.ttnn_layout<...>` (every printed era,
 * incl. the 2024 `#tt.layout<..., undef, ...>`), tensor types, op properties and the system descriptor into plain
 * data (op.ts). Never throws; anything it cannot read becomes `{ kind: 'unknown', reason }`.
 */

import type {
  AliasDefinition,
  TokenGroup,
  TokenLeaf,
  TokenTree,
  AttrNode,
  Chunk,
  DictAttr,
  Location,
  Operation,
  ParseResult,
  SyntaxFile,
  TypeNode,
} from '../mlir/syntax';
import { aliasesByName, resolveAttr, resolveType, type AliasLookup } from '../mlir/aliases';
import type { AppliedChange } from '../mlir/incrementalParse';
import { locationOfAlias, resolveLocation, type FileLineCol } from '../mlir/locations';
import { isCpuModule, isSymbolTable } from '../mlir/opTraits';
import { matchingClose } from '../mlir/textScan';
import {
  aliasReadSlotMark,
  dumpLocationChild,
  forEachFunctionOp,
  isDumpLocationAlias,
  liveNameRangeOf,
  liveRangeOf,
  liveRangeWithin,
  liveStartOf,
  opOffsetsInto,
  packedFunctionTypeOf,
  packedName,
  packedOperandCodeAt,
  packedOperandCountOf,
  packedPropertiesTextOf,
  packedResultCodeOf,
  parse,
  rangesMoveWithEdits,
  releaseAliasReadSlots,
  sharedTextOf,
  type FunctionTypeTemplate,
  type SlottedOp,
} from '../mlir/parser';
import { printAttr, printTokens, printType, type PrintOptions } from '../mlir/print';
import { numberAfter } from '../text/numberedNames';
import { sameStrings } from '../text/stringLists';
import { textRange, type TextRange } from '../text/textRange';
import type { DialectFieldValue, DialectFieldValues, DialectProp } from './dialectFields';
import { DataType, dataTypeFromMlirScalar, elementBytes, parseDataType, tileBytes } from './dtype';
import { meshShapeFromText, type DeviceMesh, type MeshSource, type SystemDescInfo } from './device';
import {
  alignUp,
  type BufferType,
  type CoreRange,
  type LayoutInfo,
  type MemoryLayout,
  type TensorLayout,
} from './layout';
import {
  opWith,
  TOP_LEVEL_OPS_FUNCTION,
  type FunctionRole,
  type KernelCbDescriptor,
  type KernelCbPrograms,
  type PropValue,
  type ShapeInfo,
  type SourcePosition,
  type TtnnFunction,
  type TtnnModule,
  type TtnnOp,
  type ValueSpec,
} from './op';

// ---------------------------------------------------------------------------------------------
// Per-chunk decoding caches

/** What the view keeps per chunk: its alias lookup and location caches, and the decoded values it may share. */
interface ChunkTables {
  readonly aliases: AliasLookup;
  /** The source `loc(#locN)` resolves to, by alias name, for the aliases `opSource` walks. */
  readonly sourcesByOpAlias: Map<string, FileLineCol | typeof NO_SOURCE>;
  /** `sourceOfAliasedLeaf` by alias name: the few file positions a dump's per-op aliases point to. */
  readonly sourcesByAlias: Map<string, FileLineCol | undefined | typeof NEEDS_WALK>;
  /** Shared by the chunks of a file with the same alias environment (`aliasEnvironmentKey`). */
  readonly decoded: DecodedTables;
}

/**
 * Decoded values by the texts they are decoded from. Each is a function of those texts and of the chunk's aliases other
 * than locations (whose values no type or property decodes: they only name op locations), so chunks whose aliases are
 * the same texts (`aliasEnvironmentKey`: split files of one model) share one set.
 */
interface DecodedTables {
  readonly layoutCache: Map<string, LayoutInfo>;
  /** Tensor specs by (layout alias, element type, shape): big files repeat a few hundred tensor types. */
  readonly specCache: SpecTrie;
  /**
   * Specs by the text a shared tensor type has in its chunk's parse (mlir/parser `sharedTextOf`: one object per
   * distinct text), so most uses are decoded without building their element-type and encoding nodes.
   */
  readonly specBySharedText: WeakMap<object, ValueSpec>;
  /**
   * An op's operand and result specs by its packed function type (mlir/parser `packedFunctionTypeOf`: one object per
   * distinct list of shared tensor types at their places), so a packed op's type nodes are not built.
   */
  readonly specListsByFunctionType: WeakMap<FunctionTypeTemplate, OpSpecLists>;
  /** Specs in `specCache` (bounded). */
  specCount: number;
  /** Specs of values that are not tensors, by type text (`otherSpec`). */
  readonly otherSpecs: Map<string, ValueSpec>;
  /**
   * `otherSpecs`' entries of bodiless dialect types (`!ttnn.device`) by the type's interned name: their text is a
   * function of the name, so a use is not printed to find its spec (a dump passes the device to thousands of ops).
   */
  readonly bodilessDialectSpecs: Map<string, ValueSpec>;
  /**
   * Property values by kind and text (`i1`, `d2,0,1`, `D#ttnn.layout<tile>`): a 100k-op file writes a few thousand
   * distinct ones, each op its own copy before. PropValues are read-only, so ops share them.
   */
  readonly propCache: Map<string, PropValue>;
  /** Operand/result spec lists of one or two specs by their specs (cached specs recur, so their lists do). */
  readonly specLists: Map<ValueSpec, SpecLists>;
  readonly propertiesCache: PropertiesTrie;
  /** Records in `propertiesCache` (bounded). */
  propertiesCount: number;
  /**
   * Properties records by the shared texts of the op's attribute and property dictionaries (`sharedTextOf`;
   * `NO_DICTIONARY` for an absent one): a record is a function of those texts and the aliases, so most ops'
   * dictionaries are decoded — and their entries parsed again — once per distinct pair, not once per op.
   */
  readonly propertiesBySharedTexts: WeakMap<object, WeakMap<object, Readonly<Record<string, PropValue>>>>;
  /** `aliasValue` by alias name (the memory spaces and tile types layouts name). */
  readonly aliasValues: Map<string, DialectValue | undefined>;
  /** One-name lists of SSA names, shared by the ops that define or use the name (`OneNameLists`). */
  readonly oneNameLists: OneNameLists;
}

/**
 * Tensor specs by layout alias, element type and dimension texts, one trie step each: the few hundred distinct tensor
 * types of a file are found without building a key string per value.
 */
interface SpecTrie {
  next?: Map<string, SpecTrie>;
  spec?: ValueSpec;
}

type TrieKey<T> = T extends { next?: Map<infer K, T> } ? K : never;

/** The node of `key` under `node` in a trie of maps (SpecTrie, PropertiesTrie), made when absent if `create`. */
function trieStep<T extends { next?: Map<TrieKey<T>, T> }>(
  node: T | undefined,
  key: TrieKey<T>,
  create: boolean,
): T | undefined {
  let child = node?.next?.get(key);
  if (child === undefined && node !== undefined && create) (node.next ??= new Map()).set(key, (child = {} as T));
  return child;
}

/** Bounds the per-chunk spec cache (a file of distinct types gains nothing from it). */
const MAX_CACHED_SPECS = 100_000;

/** Properties records by their names and value objects, one trie step each (`sharedProperties`). */
interface PropertiesTrie {
  next?: Map<string | PropValue, PropertiesTrie>;
  properties?: Readonly<Record<string, PropValue>>;
}

interface SpecLists {
  one: readonly ValueSpec[] | undefined;
  readonly two: Map<ValueSpec, readonly ValueSpec[]>;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_SPECS: readonly ValueSpec[] = Object.freeze([]);

/**
 * The chunk's one list of `first` (and `second`, if given), made the first time (ValueSpecs and their lists are
 * read-only); undefined when the chunk keeps no more lists, and the caller makes its own.
 */
function sharedSpecList(
  table: ChunkTables,
  first: ValueSpec,
  second: ValueSpec | undefined,
): readonly ValueSpec[] | undefined {
  let lists = table.decoded.specLists.get(first);
  if (lists === undefined) {
    if (table.decoded.specLists.size >= MAX_CHUNK_CACHE_ENTRIES) return undefined;
    lists = { one: undefined, two: new Map() };
    table.decoded.specLists.set(first, lists);
  }
  if (second === undefined) return (lists.one ??= [first]);
  const known = lists.two.get(second);
  if (known !== undefined) return known;
  if (lists.two.size >= 1024) return undefined;
  const made = [first, second];
  lists.two.set(second, made);
  return made;
}

// Per chunk object: a chunk's aliases never change under an in-place edit (mlir/incrementalParse declines alias
// edits), so its decoded layouts and specs are shared by every version — and an edited op's unchanged types decode to
// the same spec objects, which the analysis compares by identity.
const chunkTables = new WeakMap<Chunk, ChunkTables>();

/** The decoded tables of a file's chunks by `aliasEnvironmentKey`. */
const decodedByEnvironment = new WeakMap<SyntaxFile, Map<string, DecodedTables>>();

function tablesOf(chunk: Chunk, file: SyntaxFile): ChunkTables {
  const cached = chunkTables.get(chunk);
  if (cached !== undefined) return cached;
  const tables: ChunkTables = {
    aliases: chunkAliases(chunk),
    sourcesByOpAlias: new Map(),
    sourcesByAlias: new Map(),
    decoded: sharedDecodedTables(chunk, file),
  };
  chunkTables.set(chunk, tables);
  return tables;
}

/** The decoded tables of an earlier chunk of `file` with the same alias environment, else new ones. */
function sharedDecodedTables(chunk: Chunk, file: SyntaxFile): DecodedTables {
  // A file of one chunk has no other chunk to share with (and a dump's key would list its 100k location aliases).
  const key = file.chunks.length > 1 ? aliasEnvironmentKey(chunk) : undefined;
  let byKey = decodedByEnvironment.get(file);
  const known = key === undefined ? undefined : byKey?.get(key);
  if (known !== undefined) return known;
  const decoded = newDecodedTables();
  if (key !== undefined) {
    if (byKey === undefined) decodedByEnvironment.set(file, (byKey = new Map<string, DecodedTables>()));
    byKey.set(key, decoded);
  }
  return decoded;
}

function newDecodedTables(): DecodedTables {
  return {
    layoutCache: new Map(),
    specCache: {},
    specBySharedText: new WeakMap(),
    specListsByFunctionType: new WeakMap(),
    specCount: 0,
    otherSpecs: new Map(),
    bodilessDialectSpecs: new Map(),
    propCache: new Map(),
    specLists: new Map(),
    propertiesCache: {},
    propertiesCount: 0,
    propertiesBySharedTexts: new WeakMap(),
    aliasValues: new Map(),
    oneNameLists: new OneNameLists(),
  };
}

/**
 * What decoding reads of a chunk's aliases, as text: each definition's name in order, with its value's shared text
 * (`sharedTextOf`, by number) for all but locations. Location aliases are named only: the decoders take a location for
 * what it is (`loc`), never for where it points. Equal keys within a file mean equal decoded values, so the chunks
 * share them. Undefined (tables of the chunk's own) when a value has no shared text to stand for it.
 */
function aliasEnvironmentKey(chunk: Chunk): string | undefined {
  let key = '';
  for (const def of chunk.aliases) {
    // A dump-form location alias builds its value at each read: its kind is known without it.
    if (isDumpLocationAlias(def) || def.attr?.kind === 'loc') {
      key += `${def.name};`;
      continue;
    }
    const value = def.attr ?? def.type;
    const shared = value === undefined ? undefined : sharedTextOf(value);
    if (shared === undefined) return undefined;
    key += `${def.name}=${sharedTextNumber(shared)};`;
  }
  return key;
}

/** A number per shared text object (`sharedTextOf`), for keys. */
const sharedTextNumbers = new WeakMap<object, number>();
let nextSharedTextNumber = 0;

function sharedTextNumber(shared: object): number {
  let n = sharedTextNumbers.get(shared);
  if (n === undefined) sharedTextNumbers.set(shared, (n = nextSharedTextNumber++));
  return n;
}

/**
 * A chunk's aliases by name, as `aliasesByName` gives them (the first definition of a name wins), with the numbered
 * location aliases `#locN` in an array at N: a dump defines one per op and each op looks its own up (`loc(#loc123)`),
 * so an array read replaces a map lookup per op and a map entry per alias. The other aliases (layouts, buffer types,
 * named locations) are in a map of their own.
 */
class ChunkAliases implements AliasLookup {
  constructor(
    private readonly numbered: readonly (AliasDefinition | undefined)[],
    private readonly others: ReadonlyMap<string, AliasDefinition>,
  ) {}

  get(name: string): AliasDefinition | undefined {
    const n = numberAfter(name, LOC_ALIAS_PREFIX);
    return n >= 0 && n < this.numbered.length ? this.numbered[n] : this.others.get(name);
  }
}

const LOC_ALIAS_PREFIX = '#loc';

/** The chunk's aliases: `ChunkAliases` when its `#locN` are numbered densely (a dump's, from 1 up), else `aliasesByName`. */
export function chunkAliases(chunk: Chunk): AliasLookup {
  // Index loops: this runs once per chunk over its ~100k aliases, before the loop is optimized, where for-of made an
  // iterator result per alias (4 MB of garbage at 100k ops).
  // Each name is read once: an editable parse's dump-form alias makes its name at each read (parser/lazyAliases.ts).
  const aliases = chunk.aliases;
  const numbers = new Int32Array(aliases.length);
  let largest = -1;
  for (let i = 0; i < aliases.length; i++) {
    numbers[i] = numberAfter(aliases[i]!.name, LOC_ALIAS_PREFIX);
    largest = Math.max(largest, numbers[i]!);
  }
  if (largest < 0 || largest > 2 * aliases.length + 1024) return aliasesByName(chunk);
  const numbered = new Array<AliasDefinition | undefined>(largest + 1).fill(undefined);
  const others = new Map<string, AliasDefinition>();
  for (let i = 0; i < aliases.length; i++) {
    const a = aliases[i]!;
    const n = numbers[i]!;
    if (n >= 0) {
      if (numbered[n] === undefined) numbered[n] = a;
    } else if (!others.has(a.name)) others.set(a.name, a);
  }
  return new ChunkAliases(numbered, others);
}

/**
 * The dialect attribute or type an alias stands for (`#dram` → `#ttnn.buffer_type<dram>`), if any: once per alias
 * per chunk (`aliasValues`), as every layout of a dump names the same few memory spaces.
 */
function aliasValue(name: string, table: ChunkTables): DialectValue | undefined {
  if (table.decoded.aliasValues.has(name)) return table.decoded.aliasValues.get(name);
  const value = decodedAliasValue(name, table);
  if (table.decoded.aliasValues.size < MAX_CHUNK_CACHE_ENTRIES) table.decoded.aliasValues.set(name, value);
  return value;
}

function decodedAliasValue(name: string, table: ChunkTables): DialectValue | undefined {
  const definition = table.aliases.get(name);
  const type = resolveType(definition?.type, table.aliases);
  // `body` is built at each read of a shared node (parser/nodes.ts): read once.
  if (type?.kind === 'dialectType') return { name: type.name, body: type.body, text: printType(type).text };
  const attr = resolveAttr(definition?.attr, table.aliases);
  return attr?.kind === 'dialectAttr' ? { name: attr.name, body: attr.body, text: printAttr(attr).text } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Layout decoding

function bufferTypeFrom(text: string): BufferType | undefined {
  switch (text) {
    case 'dram':
      return 'dram';
    case 'l1':
      return 'l1';
    case 'system_memory':
    case 'system':
      return 'system_memory';
    case 'l1_small':
      return 'l1_small';
    case 'trace':
      return 'trace';
    default:
      return undefined;
  }
}

function memoryLayoutFrom(text: string): MemoryLayout | undefined {
  switch (text) {
    case 'interleaved':
    case 'height_sharded':
    case 'width_sharded':
    case 'block_sharded':
    case 'nd_sharded':
    case 'single_bank':
      return text;
    default:
      return undefined;
  }
}

const unknown = (reason: string): LayoutInfo => ({ kind: 'unknown', reason });
/** A layout tt-mlir's TTNNLayoutAttr verifier rejects (its message), with what tt-metal would make of it. */
const rejected = (reason: string, ttMetal: string): LayoutInfo => ({
  kind: 'unknown',
  reason,
  rejectedByTtMlir: ttMetal,
});

/** A dialect attribute or type an alias stands for: `#dram` → `#ttnn.buffer_type` with body `<dram>`. */
export interface DialectValue {
  readonly name: string;
  readonly body: TokenGroup | undefined;
  /** Compact text (`!ttcore.tile<32x32,bf16>`), for messages. */
  readonly text: string;
}

export type ResolveAlias = (alias: string) => DialectValue | undefined;

type Tokens = readonly TokenTree[];

/** Top-level `,`-separated items of a token list (groups keep their own commas). */
function splitItems(trees: Tokens): Tokens[] {
  if (trees.length === 0) return [];
  const out: Tokens[] = [];
  let start = 0;
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i]!;
    if (t.kind === 'leaf' && t.leafKind === 'punct' && t.text === ',') {
      out.push(trees.slice(start, i));
      start = i + 1;
    }
  }
  out.push(trees.slice(start));
  return out;
}

const textOf = (trees: Tokens): string => printTokens(trees).text;

function isLeaf(t: TokenTree | undefined, kind: TokenLeaf['leafKind'], text?: string): t is TokenLeaf {
  return t !== undefined && t.kind === 'leaf' && t.leafKind === kind && (text === undefined || t.text === text);
}

function isGroup(t: TokenTree | undefined, open: TokenGroup['open']): t is TokenGroup {
  return t !== undefined && t.kind === 'group' && t.open === open;
}

/** The one identifier an item consists of (`interleaved`), else undefined. */
function soleIdent(item: Tokens): string | undefined {
  return item.length === 1 && isLeaf(item[0], 'ident') ? item[0].text : undefined;
}

/** `(x,y)` of two non-negative integers. */
function corePoint(t: TokenTree | undefined): { x: number; y: number } | undefined {
  if (!isGroup(t, '(') || t.children.length !== 3) return undefined;
  const [x, comma, y] = t.children;
  if (!isLeaf(x, 'integer') || !isLeaf(comma, 'punct', ',') || !isLeaf(y, 'integer')) return undefined;
  if (!/^\d+$/.test(x.text) || !/^\d+$/.test(y.text)) return undefined;
  return { x: Number(x.text), y: Number(y.text) };
}

/** Every `...core_range<(x,y),(x,y)>` anywhere in the trees, in order. */
function collectCoreRanges(trees: Tokens, out: CoreRange[], depth: number): void {
  if (depth > 32) return;
  for (let i = 0; i < trees.length && out.length < 4096; i++) {
    const t = trees[i]!;
    if (t.kind === 'group') {
      collectCoreRanges(t.children, out, depth + 1);
      continue;
    }
    const next = trees[i + 1];
    if (
      !t.text.endsWith('core_range') ||
      !isGroup(next, '<') ||
      next.children.length !== 3 ||
      !isLeaf(next.children[1], 'punct', ',')
    )
      continue;
    const start = corePoint(next.children[0]);
    const end = corePoint(next.children[2]);
    if (start !== undefined && end !== undefined) {
      out.push({ start, end });
      i++;
    }
  }
}

function bufferTypeOf(value: DialectValue | undefined): BufferType | undefined {
  if (value === undefined || !/^(?:ttnn\.buffer_type|tt\.memory_space|ttcore\.memory_space)$/.test(value.name))
    return undefined;
  const word = value.body === undefined ? undefined : soleIdent(value.body.children);
  return word === undefined ? undefined : bufferTypeFrom(word);
}

/** The memory space of a memref: `#dram`, `#ttnn.buffer_type<l1>`, `#tt.memory_space<system>`. */
function memorySpaceOf(item: Tokens, resolve: ResolveAlias): BufferType | undefined {
  const head = item[0];
  if (!isLeaf(head, 'hashIdent')) return undefined;
  if (item.length === 1) {
    const resolved = resolve(head.text);
    // Unresolved alias: trust the conventional names #dram, #l1, #system_memory.
    return resolved === undefined ? bufferTypeFrom(head.text.slice(1)) : bufferTypeOf(resolved);
  }
  return item.length === 2 && isGroup(item[1], '<')
    ? bufferTypeOf({ name: head.text.slice(1), body: item[1], text: '' })
    : undefined;
}

/** `!ttcore.tile<32x32, bf16>` / `!tt.tile<...>` → dtype; another `!` type → why not; else 'notTile'. */
function tileOf(
  value: DialectValue,
  text: string,
): { dtype: DataType; tileH: number; tileW: number } | 'notTile' | { error: string } {
  const parts = value.body === undefined ? [] : splitItems(value.body.children);
  const dims =
    parts[0]?.length === 1 && isLeaf(parts[0][0], 'dimensionList') ? /^(\d+)x(\d+)$/.exec(parts[0][0].text) : null;
  const dtypeWord = parts.length === 2 ? soleIdent(parts[1]!) : undefined;
  if (
    (value.name !== 'ttcore.tile' && value.name !== 'tt.tile') ||
    dims === null ||
    dtypeWord === undefined ||
    !/^\w+$/.test(dtypeWord)
  ) {
    return text.startsWith('!') ? { error: `unsupported element type ${text}` } : 'notTile';
  }
  const dtype = parseDataType(dtypeWord) ?? dataTypeFromMlirScalar(dtypeWord);
  if (dtype === undefined) return { error: `unknown tile data type ${dtypeWord}` };
  return { dtype, tileH: Number(dims[1]), tileW: Number(dims[2]) };
}

/** The element type tokens of a memref (after its shape) as a dialect value, if they are `!name` or `!name<...>`. */
function elementValue(elem: Tokens, leftover: string): DialectValue | undefined {
  if (leftover !== '' || !isLeaf(elem[0], 'bangIdent')) return undefined;
  if (elem.length === 1) return { name: elem[0].text.slice(1), body: undefined, text: elem[0].text };
  return elem.length === 2 && isGroup(elem[1], '<')
    ? { name: elem[0].text.slice(1), body: elem[1], text: textOf(elem) }
    : undefined;
}

/**
 * Decode the body tokens (inside the outer `<>`) of `#ttnn.ttnn_layout<...>` or `#tt.layout<...>`. `resolve` maps
 * `#alias` / `!alias` to the dialect attribute or type it stands for.
 */
export function decodeLayoutTokens(
  dialectName: string,
  body: Tokens,
  resolve: ResolveAlias = () => undefined,
): LayoutInfo {
  const syntax = dialectName === 'tt.layout' ? 'tt_layout' : 'ttnn_layout';
  const items = splitItems(body);
  let grid: [number, number] | undefined;
  let memref: TokenGroup | undefined;
  let memrefItem: Tokens | undefined;
  let memoryLayout: MemoryLayout | undefined;
  let coreRanges: CoreRange[] | undefined;
  // `<RxC>` alone is the grid form of tt-mlir since PR #8127 (2026-05), which also made core_ranges mandatory for
  // sharded layouts; older grids carry maps (`<1x8, (d0, d1) -> ...>`) and no core ranges.
  let gridIsPlain = false;
  for (const [i, item] of items.entries()) {
    const head = item[0];
    if (isLeaf(head, 'ident', 'memref') && isGroup(item[1], '<')) {
      memref = item.length === 2 ? item[1] : undefined;
      memrefItem = item;
    } else if (isLeaf(head, 'ident', 'core_ranges') && isLeaf(item[1], 'punct', '=')) {
      coreRanges = [];
      collectCoreRanges(item, coreRanges, 0);
    } else if (isGroup(head, '<') && item.length === 1) {
      const inner = splitItems(head.children);
      const first = inner[0];
      const gm = first?.length === 1 && isLeaf(first[0], 'dimensionList') ? /^(\d+)x(\d+)$/.exec(first[0].text) : null;
      const innerLayout = memoryLayoutFrom(soleIdent(head.children) ?? '');
      if (gm !== null && grid === undefined) {
        grid = [Number(gm[1]), Number(gm[2])];
        gridIsPlain = inner.length === 1;
      } else if (innerLayout !== undefined) memoryLayout = innerLayout;
      else if (i > 0 && grid === undefined && syntax === 'ttnn_layout')
        return unknown(`unreadable grid '${textOf(item)}'`);
    } else if (memoryLayoutFrom(soleIdent(item) ?? '') !== undefined) memoryLayout = memoryLayoutFrom(soleIdent(item)!);
    // Affine map, `undef`/oob values, mesh = ..., exactGrid = ..., ignorePhysicalLayout = ...: not needed for bytes.
  }
  if (memrefItem === undefined) return unknown('layout has no memref<...> (shard shape and element type)');
  if (memref === undefined) return unknown(`malformed memref '${textOf(memrefItem)}'`);
  const parts = splitItems(memref.children);
  if (parts.length < 2) return unknown(`memref '${textOf(memrefItem)}' has no memory space`);
  const spaceItem = parts[parts.length - 1]!;
  const bufferType = memorySpaceOf(spaceItem, resolve);
  if (bufferType === undefined) return unknown(`unknown memory space '${textOf(spaceItem)}'`);
  // Shape and element type: `648x24x` then `!ttcore.tile<32x32,bf16>`, or `4x4884480x` then `bf16`.
  const shapeAndElem = parts[0]!;
  const shardShape: number[] = [];
  let elem: Tokens = shapeAndElem;
  // A leading dimension list (`648x24x`; `0xbf16` lexes as one hex integer) gives the dimensions up to the last `x`
  // before a non-digit; what follows starts the element text (`32x32` alone: shape [32], element `32`).
  let leftover = '';
  const first = shapeAndElem[0];
  if (isLeaf(first, 'dimensionList') || isLeaf(first, 'integer')) {
    const pieces = first.text.split('x');
    let k = 0;
    for (; k < pieces.length - 1 && k < 64 && /^\d+$/.test(pieces[k]!); k++) shardShape.push(Number(pieces[k]));
    leftover = pieces.slice(k).join('x');
    elem = shapeAndElem.slice(1);
  }
  if (shardShape.some((d) => !Number.isSafeInteger(d)))
    return unknown(`shard shape '${textOf(shapeAndElem)}' overflows (model overflow)`);
  if (grid !== undefined && !grid.every((d) => Number.isSafeInteger(d) && d <= 1 << 20))
    return unknown(`unreadable grid '${grid.join('x')}' (model overflow)`);
  if (coreRanges?.some((r) => ![r.start.x, r.start.y, r.end.x, r.end.y].every((c) => c <= 1 << 20)))
    return unknown('core_ranges beyond any chip (model overflow)');
  const elemAlias =
    leftover === '' && elem.length === 1 && isLeaf(elem[0], 'bangIdent') ? resolve(elem[0].text) : undefined;
  const elemText =
    elemAlias?.text ??
    (leftover === '' ? textOf(elem) : textOf(shapeAndElem).slice((first as TokenLeaf).text.length - leftover.length));
  const elemValue = elemAlias ?? elementValue(elem, leftover);
  const tile =
    elemValue === undefined
      ? elemText.startsWith('!')
        ? { error: `unsupported element type ${elemText}` }
        : 'notTile'
      : tileOf(elemValue, elemText);
  let pageLayout: 'tile' | 'row_major';
  let dtype: DataType;
  if (tile === 'notTile') {
    const d = dataTypeFromMlirScalar(elemText);
    if (d === undefined) return unknown(`unknown element type '${elemText}'`);
    pageLayout = 'row_major';
    dtype = d;
  } else if ('error' in tile) {
    return unknown(tile.error);
  } else {
    if (tile.tileH !== 32 || tile.tileW !== 32)
      return unknown(`tile shape ${tile.tileH}x${tile.tileW} is not modeled (32x32 only)`);
    pageLayout = 'tile';
    dtype = tile.dtype;
  }
  // A shard's bytes are its pages x the page rounded up to a 64 B alignment at most: past 2^53 they would lose
  // precision, so the layout is a model overflow rather than a rounded number.
  const shardVolume = shardShape.reduce((v, d) => v * BigInt(d), 1n);
  const shardWidth = BigInt(shardShape[shardShape.length - 1] ?? 1);
  const shardBytes =
    pageLayout === 'tile'
      ? shardVolume * BigInt(alignUp(tileBytes(dtype), 64))
      : (shardWidth === 0n ? 0n : shardVolume / shardWidth) *
        (((shardWidth * BigInt(elementBytes(dtype) ?? 4) + 63n) / 64n) * 64n);
  if (shardBytes > MAX_SAFE)
    return unknown(`shard shape '${textOf(shapeAndElem)}' overflows (model overflow: shard bytes exceed 2^53)`);
  if (memoryLayout === undefined && bufferType !== 'system_memory' && syntax === 'tt_layout')
    memoryLayout = 'interleaved';
  // tt-mlir's TTNNLayoutAttr verifier (lib/Dialect/TTNN/IR/TTNNOpsAttrs.cpp@19c86fc, ttnn-ir-syntax.md §3) words these.
  if (memoryLayout === undefined && bufferType !== 'system_memory') {
    return rejected(
      'Memory layout is required for non-SystemMemory buffer type (<interleaved>, <height_sharded>, ...)',
      "a device tensor's tt-metal MemoryConfig always names a memory layout (interleaved by default); tt-mlir infers none",
    );
  }
  if (memoryLayout !== undefined && bufferType === 'system_memory' && syntax === 'ttnn_layout') {
    return rejected(
      'Memory layout is not allowed for SystemMemory buffer type',
      'a system-memory tensor lives on the host: whatever its layout it takes no L1, and a host-to-host to_layout runs no device program',
    );
  }
  if (
    memoryLayout !== undefined &&
    memoryLayout.endsWith('_sharded') &&
    coreRanges === undefined &&
    gridIsPlain &&
    syntax === 'ttnn_layout'
  ) {
    return rejected(
      `sharded TTNN layout (${memoryLayout}) must carry a core_range_set`,
      "tt-metal places shards by the memory config's shard spec (core grid and shard shape), which tt-mlir builds from core_range_set: without it there is no shard placement to allocate",
    );
  }
  const layout: TensorLayout = {
    kind: 'layout',
    pageLayout,
    dtype,
    bufferType,
    memoryLayout,
    gridShape: grid ?? [1, 1],
    coreRanges,
    shardShape,
    syntax,
  };
  return layout;
}

/** A dialect attribute or type written as text (`#ttnn.buffer_type<l1>`, `!ttcore.tile<32x32,bf16>`), parsed. */
function parsedDialectValue(text: string): DialectValue | undefined {
  const definition = parse(`${text.startsWith('!') ? '!' : '#'}decoded = ${text}\n`).file.chunks[0]?.aliases[0];
  const value = definition?.type ?? definition?.attr;
  if (value?.kind !== 'dialectType' && value?.kind !== 'dialectAttr') return undefined;
  return {
    name: value.name,
    body: value.body,
    text: value.kind === 'dialectType' ? printType(value).text : printAttr(value).text,
  };
}

/**
 * Decode a layout body written as text (without the outer `<>`) through the token decoder: for tests and text that
 * comes from outside a parsed file. `resolve` maps `#alias` / `!alias` to the text it stands for.
 */
export function decodeLayoutBody(
  dialectName: string,
  body: string,
  resolve: (alias: string) => string | undefined = () => undefined,
): LayoutInfo {
  const attr = parsedDialectValue(`#${dialectName}<${body}>`);
  if (attr?.body === undefined) return unknown(`unreadable layout '${body}'`);
  return decodeLayoutTokens(dialectName, attr.body.children, (alias) => {
    const text = resolve(alias);
    return text === undefined ? undefined : parsedDialectValue(text);
  });
}

function decodeEncoding(encoding: AttrNode | undefined, table: ChunkTables): { layout: LayoutInfo; alias: string } {
  if (encoding === undefined) return { layout: unknown('tensor type has no layout encoding'), alias: '' };
  const alias = encoding.kind === 'attrAlias' ? encoding.name : '';
  if (alias !== '') {
    const cached = table.decoded.layoutCache.get(alias);
    if (cached !== undefined) return { layout: cached, alias };
  }
  const attr = resolveAttr(encoding, table.aliases);
  let layout: LayoutInfo;
  if (attr === undefined) layout = unknown(`undefined layout alias ${alias}`);
  else if (attr.kind !== 'dialectAttr' || (attr.name !== 'ttnn.ttnn_layout' && attr.name !== 'tt.layout')) {
    layout = unknown(
      attr.kind === 'dialectAttr' ? `#${attr.name} encoding is not modeled` : 'encoding is not a TTNN layout',
    );
  } else {
    // `body` is built at each read of a shared attribute (parser/nodes.ts): read once.
    const body = attr.body;
    layout =
      body === undefined
        ? unknown(`#${attr.name} without a body`)
        : decodeLayoutTokens(attr.name, body.children, (name) => aliasValue(name, table));
  }
  if (alias !== '') table.decoded.layoutCache.set(alias, layout);
  return { layout, alias };
}

// ---------------------------------------------------------------------------------------------
// Types → value specs

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function shapeInfo(
  shape: readonly (number | null)[] | undefined,
  shapeText: readonly string[],
  layout: LayoutInfo,
  elementDtype: DataType | undefined,
): ShapeInfo {
  if (shape === undefined) return { kind: 'unknown', reason: 'unranked tensor', overflow: false };
  if (shape.some((d) => d === null)) return { kind: 'unknown', reason: 'dynamic dimension', overflow: false };
  // Exact arithmetic on the printed digits: every byte count derived from a tensor stays exact while its padded byte
  // size (tile pages, or row-major rows with a worst-case 64 B alignment) is within 2^53; past that the tensor is a
  // model overflow, never a wrapped or rounded number. The dtype is the layout's, else the element type's, else 4 B.
  const dtype = layout.kind === 'layout' ? layout.dtype : elementDtype;
  const tiled = layout.kind === 'layout' ? layout.pageLayout === 'tile' : true;
  const dims: bigint[] = [];
  for (let i = 0; i < shape.length; i++) {
    const text = shapeText[i] ?? String(shape[i]);
    try {
      dims.push(BigInt(text));
    } catch {
      return { kind: 'unknown', reason: `unreadable dimension '${text}'`, overflow: false };
    }
  }
  const padded = tiled
    ? dims.length === 0
      ? [32n, 32n]
      : dims.length === 1
        ? [32n, dims[0]]
        : dims.slice()
    : dims.slice();
  if (tiled)
    for (let i = Math.max(0, padded.length - 2); i < padded.length; i++) padded[i] = ((padded[i] + 31n) / 32n) * 32n;
  const width = padded.length === 0 ? 1n : padded[padded.length - 1];
  let vol = 1n;
  for (const d of padded) vol *= d;
  let bytes: bigint;
  if (tiled) bytes = (vol / 1024n) * BigInt(dtype === undefined ? 4096 : tileBytes(dtype));
  else {
    const rowBytes = width * BigInt((dtype === undefined ? undefined : elementBytes(dtype)) ?? 4);
    bytes = (width === 0n ? 0n : vol / width) * (((rowBytes + 63n) / 64n) * 64n);
  }
  if (bytes > MAX_SAFE)
    return { kind: 'unknown', reason: 'model overflow: tensor byte size exceeds 2^53', overflow: true };
  return { kind: 'known', dims: shape as readonly number[] };
}

function elementDtypeOf(type: TypeNode | undefined, table: ChunkTables): DataType | undefined {
  const t = resolveType(type, table.aliases);
  if (t === undefined) return undefined;
  if (t.kind === 'scalar') return dataTypeFromMlirScalar(t.name);
  // `body` is built at each read of a shared tensor's element type (parser/nodes.ts): read once.
  const body = t.kind === 'dialectType' && (t.name === 'ttcore.tile' || t.name === 'tt.tile') ? t.body : undefined;
  if (t.kind === 'dialectType' && body !== undefined) {
    const tile = tileOf({ name: t.name, body, text: '' }, '');
    return typeof tile === 'object' && 'dtype' in tile ? tile.dtype : undefined;
  }
  return undefined;
}

/** The type as written, for `{ kind: 'other' }` specs and properties (bounded: also a memoisation key). */
function typeText(type: TypeNode): string {
  return printType(type, { budgetChars: 200 }).text;
}

function valueSpec(type: TypeNode | undefined, table: ChunkTables): ValueSpec {
  const shared = type === undefined ? undefined : sharedTextOf(type);
  if (shared === undefined) return decodedValueSpec(type, table);
  let spec = table.decoded.specBySharedText.get(shared);
  if (spec === undefined) table.decoded.specBySharedText.set(shared, (spec = decodedValueSpec(type, table)));
  return spec;
}

/**
 * The spec of a value that is not a tensor, one per type text: such types (`!ttnn.device`, used by thousands of ops)
 * have no shared text to key `specBySharedText`, and a spec made per use also made its own spec list per use.
 */
function otherSpec(text: string, table: ChunkTables): ValueSpec {
  const known = table.decoded.otherSpecs.get(text);
  if (known !== undefined) return known;
  const spec: ValueSpec = { kind: 'other', typeText: text };
  if (table.decoded.otherSpecs.size < MAX_CHUNK_CACHE_ENTRIES) table.decoded.otherSpecs.set(text, spec);
  return spec;
}

/** `otherSpec` of a bodiless dialect type, looked up by its name. */
function bodilessDialectSpec(name: string, type: TypeNode, table: ChunkTables): ValueSpec {
  const specs = table.decoded.bodilessDialectSpecs;
  let spec = specs.get(name);
  if (spec === undefined) {
    spec = otherSpec(typeText(type), table);
    if (specs.size < MAX_CHUNK_CACHE_ENTRIES) specs.set(name, spec);
  }
  return spec;
}

function decodedValueSpec(type: TypeNode | undefined, table: ChunkTables): ValueSpec {
  const t = resolveType(type, table.aliases);
  if (t === undefined) return otherSpec(type === undefined ? '(missing type)' : typeText(type), table);
  if (t.kind === 'dialectType' && t.body === undefined) return bodilessDialectSpec(t.name, t, table);
  if (t.kind !== 'tensor') return otherSpec(typeText(t), table);
  // A shared tensor type makes its element and encoding nodes at each read (parser/nodes.ts): read each once.
  const { encoding, elementType } = t;
  // Cache only when the key captures everything: aliased (or absent) encoding and a scalar element type.
  let node: SpecTrie | undefined;
  if ((encoding === undefined || encoding.kind === 'attrAlias') && elementType.kind === 'scalar') {
    const create = table.decoded.specCount < MAX_CACHED_SPECS;
    node = trieStep(table.decoded.specCache, encoding?.name ?? '', create);
    node = trieStep(node, elementType.name, create);
    for (const dim of t.shapeText) node = trieStep(node, dim, create);
    if (node?.spec !== undefined) return node.spec;
  }
  const { layout, alias } = decodeEncoding(encoding, table);
  const elementDtype = elementDtypeOf(elementType, table);
  const spec: ValueSpec = {
    kind: 'tensor',
    shape: shapeInfo(t.shape, t.shapeText, layout, elementDtype),
    elementDtype,
    layout,
    layoutAlias: alias,
  };
  if (node !== undefined) {
    node.spec = spec;
    table.decoded.specCount++;
  }
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Properties

const PROP_TRUE: PropValue = { kind: 'bool', value: true };
const PROP_FALSE: PropValue = { kind: 'bool', value: false };
/** Bounds each cache of a chunk's tables (properties, spec lists, locations, name lists; shared by chunks or not): a
 *  file of distinct values gains nothing from them. */
const MAX_CHUNK_CACHE_ENTRIES = 100_000;

/** The chunk's PropValue for `key` (kind letter + text), if it has one. */
function knownProp(table: ChunkTables, key: string): PropValue | undefined {
  return table.decoded.propCache.get(key);
}

/** `value`, kept as the chunk's PropValue for `key` while the cache has room. */
function rememberProp(table: ChunkTables, key: string, value: PropValue): PropValue {
  if (table.decoded.propCache.size < MAX_CHUNK_CACHE_ENTRIES) table.decoded.propCache.set(key, value);
  return value;
}

/** The key of an array of integers (`[1 : i32, 4 : i32]`: digits as written), else undefined. */
function intArrayKey(elements: readonly AttrNode[], table: ChunkTables): string | undefined {
  let key = 'a';
  for (let i = 0; i < elements.length; i++) {
    const e = resolveAttr(elements[i], table.aliases);
    if (e?.kind !== 'integer') return undefined;
    key += i === 0 ? e.text : `,${e.text}`;
  }
  return key;
}

/**
 * Dialect attributes whose nested `#alias` references are expanded in their PropValue text: a ttnn.generic program
 * names its CB descriptors and core ranges by alias (`cbs = [#cb0, ...]`, `core_ranges = #core_ranges`), and its
 * text keys the analysis's estimate cache (analysis/estimateCache.ts `propKey`), so it must say what the program
 * holds whatever the chunk's aliases are. Other attributes keep their names.
 */
const EXPANDED_DIALECT_ATTRS: ReadonlySet<string> = new Set(['ttnn.program', 'ttnn.mesh_program_descriptor']);

// ttnn.generic's program descriptors, read from the attribute's token tree (tt-mlir TTNNOpsAttrs.td@19c86fc:
// ProgramAttr, MeshProgramAttr, MeshProgramDescriptorAttr, KernelCBAttr, KernelCBFormatAttr,
// KernelCBGlobalBufferAddressOfTensorAttr, CoreRangeSetAttr, CoreRangeAttr). Each level is one of a known few
// attributes, so the walk has a fixed depth whatever aliases name.

/**
 * The body of the attribute `name` written as `value`: `#alias` (followed to its definition), `#dialect.name<...>`,
 * or `<...>` alone (a parameter of a known attribute type, which tt-mlir prints without its name); else undefined.
 */
function attrBodyNamed(value: Tokens | undefined, name: string, table: ChunkTables): TokenGroup | undefined {
  const head = value?.[0];
  if (value === undefined || head === undefined) return undefined;
  if (value.length === 1 && isGroup(head, '<')) return head;
  if (!isLeaf(head, 'hashIdent')) return undefined;
  if (value.length === 2) return head.text === `#${name}` && isGroup(value[1], '<') ? value[1] : undefined;
  if (value.length !== 1) return undefined;
  const attr = resolveAttr(table.aliases.get(head.text)?.attr, table.aliases);
  // `body` is built at each read of a shared attribute (parser/nodes.ts): read once.
  return attr?.kind === 'dialectAttr' && attr.name === name ? attr.body : undefined;
}

/** The `key = value` items of an attribute body: value tokens by key (a repeated key: the last, as `fields`). */
function paramsOf(body: TokenGroup): Map<string, Tokens> {
  const params = new Map<string, Tokens>();
  for (const item of splitItems(body.children))
    if (isLeaf(item[0], 'ident') && isLeaf(item[1], 'punct', '=')) params.set(item[0].text, item.slice(2));
  return params;
}

/** A non-negative integer written as one token (`8192`), else undefined. */
function countIn(value: Tokens | undefined): number | undefined {
  if (value?.length !== 1 || !isLeaf(value[0], 'integer')) return undefined;
  const n = Number(value[0].text);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The one `[...]` a value consists of, else undefined. */
function soleList(value: Tokens | undefined): TokenGroup | undefined {
  return value?.length === 1 && isGroup(value[0], '[') ? value[0] : undefined;
}

/** Tokens as compact text for a reason, aliases as written. */
const quoted = (trees: Tokens): string => {
  const printed = printTokens(trees, { budgetChars: 80 });
  return printed.truncated ? `${printed.text}...` : printed.text;
};

/** The CB descriptors of a `#ttnn.program` / `#ttnn.mesh_program_descriptor` body: one list per program. */
function kernelCbPrograms(name: string, body: TokenGroup, table: ChunkTables): KernelCbPrograms {
  if (name === 'ttnn.program') {
    const cbs = programCbs(body, table);
    return typeof cbs === 'string' ? cbs : [cbs];
  }
  // `<[#ttnn.mesh_program<range = ..., program = #ttnn.program<...>>, ...], fabric_connection_config = ...>`
  const list = soleList(splitItems(body.children)[0]);
  if (list === undefined) return 'the mesh program descriptor does not start with its list of mesh programs';
  const programs: KernelCbDescriptor[][] = [];
  const meshPrograms = splitItems(list.children);
  for (let m = 0; m < meshPrograms.length; m++) {
    const meshProgram = attrBodyNamed(meshPrograms[m], 'ttnn.mesh_program', table);
    if (meshProgram === undefined) return `mesh program ${m} is not a #ttnn.mesh_program: ${quoted(meshPrograms[m]!)}`;
    const program = attrBodyNamed(paramsOf(meshProgram).get('program'), 'ttnn.program', table);
    if (program === undefined) return `mesh program ${m} has no program = #ttnn.program<...>`;
    const cbs = programCbs(program, table);
    if (typeof cbs === 'string') return `mesh program ${m}: ${cbs}`;
    programs.push(cbs);
  }
  if (programs.length === 0) return 'no mesh program in the descriptor';
  return programs;
}

/** A `#ttnn.program`'s `cbs = [...]`, in order (tt-metal creates the CBs in that order). */
function programCbs(program: TokenGroup, table: ChunkTables): KernelCbDescriptor[] | string {
  const value = paramsOf(program).get('cbs');
  if (value === undefined) return 'no cbs list in the program descriptor';
  const list = soleList(value);
  if (list === undefined) return `the program's cbs is not a list: ${quoted(value)}`;
  const items = splitItems(list.children);
  const cbs: KernelCbDescriptor[] = [];
  for (let c = 0; c < items.length; c++) {
    const cb = kernelCb(items[c]!, table);
    if (typeof cb === 'string') return `CB ${c}: ${cb}`;
    cbs.push(cb);
  }
  return cbs;
}

/** `#ttnn.kernel_cb<total_size = S, core_ranges = R, formats = [...](, buffer = B)?>`. */
function kernelCb(item: Tokens, table: ChunkTables): KernelCbDescriptor | string {
  const body = attrBodyNamed(item, 'ttnn.kernel_cb', table);
  if (body === undefined) return `not a #ttnn.kernel_cb descriptor: ${quoted(item)}`;
  const params = paramsOf(body);
  const total = params.get('total_size');
  const totalSizeBytes = countIn(total);
  if (totalSizeBytes === undefined)
    return total === undefined ? 'no total_size' : `total_size is not a byte count: ${quoted(total)}`;
  const coreRanges = cbCoreRanges(params.get('core_ranges'), table);
  if (typeof coreRanges === 'string') return coreRanges;
  const formats = cbFormats(params.get('formats'), table);
  if (typeof formats === 'string') return formats;
  const buffer = params.get('buffer');
  let globalBufferOperand: number | undefined;
  if (buffer !== undefined) {
    const address = attrBodyNamed(buffer, 'ttnn.kernel_cb_global_buffer_address_of_tensor', table);
    globalBufferOperand = address === undefined ? undefined : countIn(address.children);
    if (globalBufferOperand === undefined)
      return `buffer is not a #ttnn.kernel_cb_global_buffer_address_of_tensor<operand index>: ${quoted(buffer)}`;
  }
  return { totalSizeBytes, coreRanges, formats, globalBufferOperand };
}

/** `core_ranges = #ttnn.core_range_set<[#ttnn.core_range<(x,y), (x,y)>, ...]>`: at least one range. */
function cbCoreRanges(value: Tokens | undefined, table: ChunkTables): KernelCbDescriptor['coreRanges'] | string {
  if (value === undefined) return 'no core_ranges';
  const set = attrBodyNamed(value, 'ttnn.core_range_set', table);
  // An empty set prints as `<>`.
  const list = set === undefined ? undefined : set.children.length === 0 ? set : soleList(set.children);
  if (list === undefined) return `core_ranges is not a #ttnn.core_range_set<[...]>: ${quoted(value)}`;
  const items = splitItems(list.children);
  const ranges: { start: [number, number]; end: [number, number] }[] = [];
  for (const item of items) {
    const range = attrBodyNamed(item, 'ttnn.core_range', table);
    const [first, comma, second] = range?.children ?? [];
    const start = range?.children.length === 3 && isLeaf(comma, 'punct', ',') ? corePoint(first) : undefined;
    const end = start === undefined ? undefined : corePoint(second);
    if (start === undefined || end === undefined)
      return `core range ${quoted(item)} is not a #ttnn.core_range<(x,y), (x,y)>`;
    ranges.push({ start: [start.x, start.y], end: [end.x, end.y] });
  }
  if (ranges.length === 0) return 'no core ranges';
  return ranges;
}

/** `formats = [#ttnn.kernel_cb_format<buffer_index = i, dtype = d, page_size = p>, ...]`. */
function cbFormats(value: Tokens | undefined, table: ChunkTables): KernelCbDescriptor['formats'] | string {
  if (value === undefined) return 'no formats';
  const list = soleList(value);
  if (list === undefined) return `formats is not a list: ${quoted(value)}`;
  const formats: { bufferIndex: number; dtype: string; pageSizeBytes: number }[] = [];
  for (const item of splitItems(list.children)) {
    const body = attrBodyNamed(item, 'ttnn.kernel_cb_format', table);
    const params = body === undefined ? undefined : paramsOf(body);
    const bufferIndex = countIn(params?.get('buffer_index'));
    const dtype = params?.get('dtype');
    const pageSizeBytes = countIn(params?.get('page_size'));
    if (bufferIndex === undefined || dtype?.length !== 1 || !isLeaf(dtype[0], 'ident') || pageSizeBytes === undefined)
      return `format ${quoted(item)} is not a #ttnn.kernel_cb_format<buffer_index = i, dtype = d, page_size = p>`;
    formats.push({ bufferIndex, dtype: dtype[0].text, pageSizeBytes });
  }
  return formats;
}

function propValue(attr: AttrNode, table: ChunkTables, depth = 0): PropValue {
  const a = depth > 32 ? undefined : resolveAttr(attr, table.aliases);
  if (a === undefined) return { kind: 'other', text: attr.kind === 'attrAlias' ? attr.name : '?' };
  // Shared values are looked up before they are made: a 100k-op file writes a few thousand distinct ones.
  switch (a.kind) {
    case 'integer': {
      const key = `i${a.text}`;
      return knownProp(table, key) ?? rememberProp(table, key, { kind: 'int', value: a.value, text: a.text });
    }
    case 'float':
      return { kind: 'float', value: a.value };
    case 'bool':
      return a.value ? PROP_TRUE : PROP_FALSE;
    case 'string': {
      const key = `s${a.value}`;
      return knownProp(table, key) ?? rememberProp(table, key, { kind: 'string', value: a.value });
    }
    case 'unit':
      return PROP_TRUE;
    case 'denseArray': {
      const key = `d${a.elementTexts.join(',')}`;
      return (
        knownProp(table, key) ??
        rememberProp(table, key, {
          kind: 'ints',
          values: a.elementTexts.map((t) => (t === 'true' ? 1 : t === 'false' ? 0 : Number(t))),
        })
      );
    }
    case 'array': {
      // An array of integers (`shape = [1 : i32, ...]`) is shared like a dense array: same digits, same values.
      const intsKey = depth < 32 ? intArrayKey(a.elements, table) : undefined;
      const known = intsKey === undefined ? undefined : knownProp(table, intsKey);
      if (known !== undefined) return known;
      const elements = a.elements.map((e) => propValue(e, table, depth + 1));
      if (elements.every((e) => e.kind === 'int')) {
        const ints: PropValue = { kind: 'ints', values: elements.map((e) => (e.kind === 'int' ? e.value : 0)) };
        return intsKey === undefined ? ints : rememberProp(table, intsKey, ints);
      }
      return { kind: 'array', elements };
    }
    case 'dict':
      return { kind: 'dict', entries: dictEntries(a, table, depth + 1) };
    case 'dialectAttr': {
      const expand = EXPANDED_DIALECT_ATTRS.has(a.name);
      // `body` is built at each read of a shared attribute (parser/nodes.ts): read once.
      const body = a.body;
      const options: PrintOptions = expand
        ? { budgetChars: 200_000, aliasDefinition: (n) => table.aliases.get(n) }
        : { budgetChars: 20_000 };
      const printed = body === undefined ? undefined : printTokens(body.children, options);
      if (expand && printed?.truncated === true)
        return { kind: 'other', text: `#${a.name}<...> longer than 200,000 characters with its aliases expanded` };
      const text = `#${a.name}<${printed?.text ?? ''}>`;
      const key = `D${text}`;
      return (
        knownProp(table, key) ??
        rememberProp(table, key, dialectProp(a.name, text, body, options, printed?.truncated === true, table))
      );
    }
    case 'typeAttr':
      return { kind: 'other', text: typeText(a.type) };
    case 'opaque':
      return { kind: 'other', text: printTokens(a.tokens, { budgetChars: 2_000 }).text }; // the tokens start with the keyword
    default:
      return { kind: 'other', text: a.kind };
  }
}

/**
 * `#name<body>` as a PropValue: the body's top-level `,`-separated token lists printed one by one as `text` prints
 * them (`items`; joined by `,` they are the body's text), those written `key = value` also as fields, and a
 * ttnn.generic program's CB descriptors (`kernelCbs`). `truncated`: the body's text stopped at `options`' budget,
 * and so do the items (the one it stopped in is cut there too).
 */
function dialectProp(
  name: string,
  text: string,
  body: TokenGroup | undefined,
  options: PrintOptions,
  truncated: boolean,
  table: ChunkTables,
): PropValue {
  const items: string[] = [];
  const fields: Record<string, string> = {};
  const itemValues: DialectFieldValue[] = [];
  const fieldValues = new Map<string, DialectFieldValue>();
  const lists = body === undefined ? [] : splitItems(body.children);
  let budgetChars = options.budgetChars ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    // Past the budget by more than the comma before this item: the text printed neither.
    if (budgetChars < -1) break;
    // An item's text never exceeds the budget the whole body's did not.
    const printed = truncated ? printTokens(list, { ...options, budgetChars }) : printTokens(list, options);
    const item = printed.text;
    items.push(item);
    // A value cut at the budget is not read (its text is not all there either).
    itemValues.push(printed.truncated ? FIELD_OTHER : fieldValueOf(list));
    const key = list[0];
    if (key?.kind === 'leaf' && isLeaf(list[1], 'punct', '=') && FIELD_KEY.test(key.text)) {
      fields[key.text] = item.slice(key.text.length + 1);
      fieldValues.set(key.text, printed.truncated ? FIELD_OTHER : fieldValueOf(list.slice(2)));
    }
    if (printed.truncated) break;
    budgetChars -= item.length + 1;
  }
  const prop: DialectProp = !EXPANDED_DIALECT_ATTRS.has(name)
    ? { kind: 'dialect', name, text, items, fields }
    : {
        kind: 'dialect',
        name,
        text,
        items,
        fields,
        kernelCbs: body === undefined ? `#${name} without a body` : kernelCbPrograms(name, body, table),
      };
  viewFieldValues.set(prop, { items: itemValues, fields: fieldValues });
  return prop;
}

// ---------------------------------------------------------------------------------------------
// Dialect attributes' item and field values (ttnn/dialectFields.ts reads them for the estimators)

const FIELD_OTHER: DialectFieldValue = Object.freeze({ kind: 'other' });
const FIELD_TRUE: DialectFieldValue = Object.freeze({ kind: 'bool', value: true });
const FIELD_FALSE: DialectFieldValue = Object.freeze({ kind: 'bool', value: false });

/** A non-negative safe integer written as digits, else undefined. */
function fieldCount(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function isFieldLeaf(t: TokenTree | undefined, kind: string, text?: string): boolean {
  return t !== undefined && t.kind === 'leaf' && t.leafKind === kind && (text === undefined || t.text === text);
}

/** `axb` written as one dimension-list token, else undefined. */
function dimsPair(t: TokenTree | undefined, bracketed: boolean): DialectFieldValue | undefined {
  if (t === undefined || t.kind !== 'leaf' || t.leafKind !== 'dimensionList') return undefined;
  const parts = t.text.split('x');
  const first = parts.length === 2 ? fieldCount(parts[0]!) : undefined;
  const second = first === undefined ? undefined : fieldCount(parts[1]!);
  return second === undefined ? undefined : { kind: 'pair', first: first!, second, separator: 'x', bracketed };
}

/** The value the tokens of one item or field value (after its `=`) spell. */
function fieldValueOf(tokens: Tokens): DialectFieldValue {
  const [a, b, c] = tokens;
  if (a === undefined) return FIELD_OTHER;
  if (a.kind === 'leaf') {
    if (tokens.length === 1) {
      if (a.leafKind === 'integer') {
        const value = Number(a.text);
        return Number.isSafeInteger(value) ? { kind: 'int', value, type: undefined } : FIELD_OTHER;
      }
      if (a.leafKind === 'ident')
        return a.text === 'true' ? FIELD_TRUE : a.text === 'false' ? FIELD_FALSE : { kind: 'word', text: a.text };
      return dimsPair(a, false) ?? FIELD_OTHER;
    }
    if (tokens.length === 3 && a.leafKind === 'integer' && isFieldLeaf(b, 'punct', ','))
      return commaPair(tokens, false) ?? FIELD_OTHER;
    if (tokens.length === 3 && a.leafKind === 'integer' && isFieldLeaf(b, 'punct', ':') && isFieldLeaf(c, 'ident')) {
      const value = Number(a.text);
      return Number.isSafeInteger(value) ? { kind: 'int', value, type: (c as { text: string }).text } : FIELD_OTHER;
    }
    // `#dialect.name<body>`: a dotted name (an alias, `#grid`, names no dialect and is left as written).
    if (
      tokens.length === 2 &&
      a.leafKind === 'hashIdent' &&
      a.text.includes('.') &&
      b?.kind === 'group' &&
      b.open === '<'
    )
      return { kind: 'dialect', name: a.text.slice(1), inner: fieldValueOf(b.children) };
    return FIELD_OTHER;
  }
  if (tokens.length !== 1 || a.open !== '<') return FIELD_OTHER;
  const inner = a.children;
  if (inner.length === 1) return dimsPair(inner[0], true) ?? FIELD_OTHER;
  return commaPair(inner, true) ?? FIELD_OTHER;
}

/** `a, b`: two non-negative integers and a comma, else undefined. */
function commaPair(tokens: Tokens, bracketed: boolean): DialectFieldValue | undefined {
  const [a, comma, b] = tokens;
  if (
    tokens.length !== 3 ||
    !isFieldLeaf(a, 'integer') ||
    !isFieldLeaf(comma, 'punct', ',') ||
    !isFieldLeaf(b, 'integer')
  )
    return undefined;
  const first = fieldCount((a as { text: string }).text);
  const second = fieldCount((b as { text: string }).text);
  return first === undefined || second === undefined
    ? undefined
    : { kind: 'pair', first, second, separator: ',', bracketed };
}

// Values decided by the TTNN view from the attribute's own tokens, by PropValue object.
const viewFieldValues = new WeakMap<DialectProp, DialectFieldValues>();

// A PropValue made elsewhere: its texts read by the parser, once per distinct text (bounded).
const valueByText = new Map<string, DialectFieldValue>();
const MAX_TEXTS = 10_000;
const madeValues = new WeakMap<DialectProp, DialectFieldValues>();

/** The value an item's or field's printed text spells, read by the MLIR parser. */
function valueOfText(text: string): DialectFieldValue {
  const known = valueByText.get(text);
  if (known !== undefined) return known;
  const parsed = parse(`#field = #field.value<${text}>`);
  const attr = parsed.errors.length === 0 ? parsed.file.chunks[0]?.aliases[0]?.attr : undefined;
  const body = attr?.kind === 'dialectAttr' ? attr.body : undefined;
  const value = body === undefined ? FIELD_OTHER : fieldValueOf(body.children);
  if (valueByText.size < MAX_TEXTS) valueByText.set(text, value);
  return value;
}

/** The typed items and fields of a dialect PropValue. */
export function fieldValuesOf(prop: DialectProp): DialectFieldValues {
  const known = viewFieldValues.get(prop) ?? madeValues.get(prop);
  if (known !== undefined) return known;
  const fields = new Map<string, DialectFieldValue>();
  for (const key of Object.keys(prop.fields)) fields.set(key, valueOfText(prop.fields[key]!));
  const values: DialectFieldValues = { items: prop.items.map(valueOfText), fields };
  madeValues.set(prop, values);
  return values;
}

/** A field's key: one token of word characters and dots (`t_out_block`, `fp32_dest_acc_en`). */
const FIELD_KEY = /^[\w.]+$/;

function dictEntries(dict: DictAttr | undefined, table: ChunkTables, depth = 0): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  if (dict === undefined) return out;
  for (const e of dict.entries) out[e.name] = propValue(e.value, table, depth);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Locations

/** Stands for "no source" among the cached sources of op aliases (`sourcesByOpAlias`). */
const NO_SOURCE = Symbol('no source');

/**
 * The Python source position an op's `loc(...)` resolves to (the first file position the walk meets). Only the source:
 * the label the walk also gives (its first name) was read by nothing, and unescaping and copying each op's own
 * `loc("name")` cost 2% of a 20k-op check of the Falcon copy (docs/internals.md, ttnn).
 */
function opSource(loc: Location | undefined, table: ChunkTables): FileLineCol | undefined {
  if (loc === undefined) return undefined;
  // Dumps write `loc(#locN)`: what it resolves to depends on the chunk's aliases alone, so it is resolved once per alias.
  if (loc.kind !== 'aliasRef') return resolvedSource(loc, table);
  const known = table.sourcesByOpAlias.get(loc.name);
  if (known !== undefined) return known === NO_SOURCE ? undefined : known;
  // What is kept (file positions) is copied out of the alias nodes read here, so the slots the reads took from a lazy
  // parse's table are given back (parser/lazyAliases.ts): each of a dump's aliases is read about once.
  const def = table.aliases.get(loc.name);
  const slotMark = aliasReadSlotMark(def);
  const source = aliasOpSource(loc, def, table);
  releaseAliasReadSlots(def, slotMark);
  return source;
}

/** `opSource` of `loc(#alias)` (`def` its definition), not cached yet. */
function aliasOpSource(
  loc: Extract<Location, { kind: 'aliasRef' }>,
  def: AliasDefinition | undefined,
  table: ChunkTables,
): FileLineCol | undefined {
  // Most ops of a dump have an alias of their own, a bare `loc("name")` or `loc("name"(#locK))` with `#locK` a file
  // position many ops share: those need no walk, and no cache entry (each alias is used once). A dump-form definition's
  // child is read from its text without building its nodes (parser/lazyAliases.ts).
  const dump = dumpLocationChild(def);
  if (dump !== undefined) {
    const childAlias = dump.childAlias;
    const source = childAlias === undefined ? undefined : sourceOfAliasedLeaf(childAlias, table);
    if (source !== NEEDS_WALK) return source;
  } else {
    const target = locationOfAlias(def);
    if (target?.kind === 'name') {
      const source = sourceBehindName(target.child, table);
      if (source !== NEEDS_WALK) return source;
    }
  }
  const source = resolvedSource(loc, table);
  if (table.sourcesByOpAlias.size < MAX_CHUNK_CACHE_ENTRIES) table.sourcesByOpAlias.set(loc.name, source ?? NO_SOURCE);
  return source;
}

/** The walk of the location is needed (`sourceBehindName`, `sourceOfAliasedLeaf`). */
const NEEDS_WALK = Symbol('needs walk');

/**
 * The first file position `resolveLocation` meets after a name whose child is `child`, when the child is at most one
 * alias away from a location with no children: none, a file position, `unknown`, a bare name, or an alias to one of
 * those (its file position then shared by every op that names it). Else NEEDS_WALK (an alias that names itself is
 * a name with a child: walked).
 */
function sourceBehindName(
  child: Location | undefined,
  table: ChunkTables,
): FileLineCol | undefined | typeof NEEDS_WALK {
  if (child === undefined) return undefined;
  return child.kind === 'aliasRef' ? sourceOfAliasedLeaf(child.name, table) : sourceOfLeaf(child);
}

/** What `sourceOfLeaf` gives for the location alias `name` stands for (undefined when it stands for none). */
function sourceOfAliasedLeaf(name: string, table: ChunkTables): FileLineCol | undefined | typeof NEEDS_WALK {
  if (table.sourcesByAlias.has(name)) return table.sourcesByAlias.get(name);
  const target = locationOfAlias(table.aliases.get(name));
  // An undefined alias ends the walk there: no file position.
  const source = target === undefined ? undefined : sourceOfLeaf(target);
  if (table.sourcesByAlias.size < MAX_CHUNK_CACHE_ENTRIES) table.sourcesByAlias.set(name, source);
  return source;
}

/** The file position of a location with no children (as `resolveLocation` copies it); NEEDS_WALK for any other. */
function sourceOfLeaf(loc: Location): FileLineCol | undefined | typeof NEEDS_WALK {
  switch (loc.kind) {
    case 'unknown':
      return undefined;
    case 'fileLineCol':
      return { file: loc.file, line: loc.line, column: loc.column };
    case 'name':
      return loc.child === undefined ? undefined : NEEDS_WALK;
    default:
      return NEEDS_WALK;
  }
}

function resolvedSource(loc: Location, table: ChunkTables): FileLineCol | undefined {
  return resolveLocation(loc, (name) => locationOfAlias(table.aliases.get(name))).fileLineCol;
}

// ---------------------------------------------------------------------------------------------
// Ops, functions, module

/**
 * The chunk's one list `[name]` per SSA name: most ops have one result or one operand, and a value's defining op and
 * its users (a dump deallocates every value) would each keep a list and a string of their own (~80 B); name lists are
 * read-only, so equal ones are shared (a 100k-op view: 40 -> 27 MB with these and numeric ranges, see `SettledTtnnOp`).
 * A dump's canonical `%N` are found in an array at N (`numberAfter`); others in a bounded map. Names are scoped per
 * function, but a list is a value: functions of a chunk (or of chunks sharing `DecodedTables`) reusing `%0` share
 * `['%0']`.
 */
export class OneNameLists {
  private readonly numbered: (readonly string[] | undefined)[] = [];
  /** Lists in `numbered`: its length stays below twice this plus a gap, whatever numbers a file writes. */
  private numberedCount = 0;
  private readonly others = new Map<string, readonly string[]>();

  of(name: string): readonly string[] {
    const n = numberAfter(name, SSA_PREFIX);
    // Dumps number densely from 0; a sparse numbering would fill the array with holes, so its far names go to the map.
    if (n >= 0 && (n < this.numbered.length || n <= 2 * this.numberedCount + MAX_NUMBERED_NAME_GAP)) {
      while (this.numbered.length <= n) this.numbered.push(undefined);
      const known = this.numbered[n];
      if (known !== undefined) return known;
      this.numberedCount++;
      return (this.numbered[n] = [name]);
    }
    const known = this.others.get(name);
    if (known !== undefined) return known;
    const list = [name];
    if (this.others.size < MAX_CHUNK_CACHE_ENTRIES) this.others.set(name, list);
    return list;
  }

  /**
   * `of` the name a packed op's name code stands for (mlir/parser `packedName`): a known `%N`'s list is found by N
   * without making the name.
   */
  ofCode(code: number): readonly string[] {
    if ((code & 1) === 0) {
      const n = code >> 1;
      const known = this.numbered[n];
      if (known !== undefined) return known;
      // `of` for a `%N` it would place in `numbered`, without reading N back from the name it makes (a result's name
      // is new at its defining op: one read per value).
      if (n < this.numbered.length || n <= 2 * this.numberedCount + MAX_NUMBERED_NAME_GAP) {
        while (this.numbered.length <= n) this.numbered.push(undefined);
        this.numberedCount++;
        return (this.numbered[n] = [packedName(code)]);
      }
    }
    return this.of(packedName(code));
  }

  /** The string `name` as the chunk's lists hold it (one string per name, shared by its defining op and users). */
  interned(name: string): string {
    return this.of(name)[0]!;
  }

  /** @internal For tests: the length of the array of `%N` lists. */
  get numberedLength(): number {
    return this.numbered.length;
  }
}

const SSA_PREFIX = '%';
const MAX_NUMBERED_NAME_GAP = 1024;

// Arrays below are made at their final length: one grown by push keeps room for 17 elements (152 B), per op.

/** SSA names of an op's results: one per group, or `%0#i` per result of a multi-result group. */
function resultNamesOf(op: Operation, lists: OneNameLists): readonly string[] {
  // A packed op's one result is read without its group node and list.
  const code = packedResultCodeOf(op);
  if (code >= 0) return lists.ofCode(code);
  const groups = op.results;
  if (groups.length === 0) return NO_STRINGS;
  if (groups.length === 1 && groups[0]!.count <= 1) return lists.of(groups[0]!.name);
  let count = 0;
  for (const group of groups) count += group.count <= 1 ? 1 : Math.min(group.count, 4096);
  const names = new Array<string>(count);
  let at = 0;
  for (const group of groups) {
    if (group.count <= 1) names[at++] = lists.interned(group.name);
    else for (let i = 0; i < group.count && i < 4096; i++) names[at++] = `${group.name}#${i}`;
  }
  return names;
}

function operandNamesOf(op: Operation, lists: OneNameLists): readonly string[] {
  // A packed op's operands are read without their use nodes and list.
  const packed = packedOperandCountOf(op);
  if (packed === 1) return lists.ofCode(packedOperandCodeAt(op, 0));
  if (packed > 1) {
    const names = new Array<string>(packed);
    for (let i = 0; i < packed; i++) names[i] = lists.ofCode(packedOperandCodeAt(op, i))[0]!;
    return names;
  }
  const uses = op.operands;
  if (uses.length === 0) return NO_STRINGS;
  if (uses.length === 1 && uses[0]!.resultIndex === undefined) return lists.of(uses[0]!.name);
  const names = new Array<string>(uses.length);
  for (let i = 0; i < uses.length; i++) {
    const u = uses[i]!;
    names[i] = u.resultIndex === undefined ? lists.interned(u.name) : `${u.name}#${u.resultIndex}`;
  }
  return names;
}

interface OpSpecLists {
  readonly operands: readonly ValueSpec[];
  readonly results: readonly ValueSpec[];
}

/**
 * The spec lists of an op whose function type is packed (`fn`, as many types as the op has operand and result names):
 * a function of `fn` in the chunk's tables, made from the op's type nodes once per distinct `fn`.
 */
function packedSpecLists(op: Operation, fn: FunctionTypeTemplate, table: ChunkTables): OpSpecLists {
  const known = table.decoded.specListsByFunctionType.get(fn);
  if (known !== undefined) return known;
  const lists: OpSpecLists = {
    operands: specListOf(op.operandTypes, fn.inputCount, table),
    results: specListOf(op.resultTypes, fn.types.length - fn.inputCount, table),
  };
  table.decoded.specListsByFunctionType.set(fn, lists);
  return lists;
}

/** The specs of `count` values typed by `types` (missing types read as such), as the chunk's shared list. */
function specListOf(types: readonly TypeNode[], count: number, table: ChunkTables): readonly ValueSpec[] {
  if (count === 0) return NO_SPECS;
  const first = valueSpec(types[0], table);
  if (count === 1) return sharedSpecList(table, first, undefined) ?? [first];
  if (count === 2) {
    const second = valueSpec(types[1], table);
    return sharedSpecList(table, first, second) ?? [first, second];
  }
  const specs = new Array<ValueSpec>(count);
  specs[0] = first;
  for (let i = 1; i < count; i++) specs[i] = valueSpec(types[i], table);
  return specs;
}

/**
 * The chunk's one properties record equal to `properties` (same names in the same order, the same value objects), or
 * `properties` itself, kept when the cache has room: ops repeat a few hundred records (every deallocate writes
 * `{force = false}`). Only records of shared values are kept; one holding a value made per op (a float) is its own.
 */
function sharedProperties(
  table: ChunkTables,
  properties: Record<string, PropValue>,
): Readonly<Record<string, PropValue>> {
  let node: PropertiesTrie | undefined = table.decoded.propertiesCache;
  const create = table.decoded.propertiesCount < MAX_CHUNK_CACHE_ENTRIES;
  for (const name in properties) {
    const value = properties[name]!;
    if (!isSharedProp(value)) return properties;
    node = trieStep(trieStep(node, name, create), value, create);
  }
  if (node === undefined) return properties;
  if (node.properties !== undefined) return node.properties;
  node.properties = properties;
  table.decoded.propertiesCount++;
  return properties;
}

/** Whether fromSyntax shares `value` per distinct text (so identity stands for equality). */
function isSharedProp(value: PropValue): boolean {
  return (
    value.kind === 'int' ||
    value.kind === 'bool' ||
    value.kind === 'string' ||
    value.kind === 'ints' ||
    value.kind === 'dialect'
  );
}

/** Stands for an absent dictionary in `propertiesBySharedTexts`. */
const NO_DICTIONARY = {};

/** The op's attributes and properties as one record (properties win on equal names). */
function propertiesOf(op: Operation, table: ChunkTables): Readonly<Record<string, PropValue>> {
  const attributesKey = op.attributes === undefined ? NO_DICTIONARY : sharedTextOf(op.attributes);
  // A packed op's properties node is built at each read: its shared text is read without it.
  const packedProperties = packedPropertiesTextOf(op);
  const propertiesNode = packedProperties === undefined ? op.properties : undefined;
  const propertiesKey =
    packedProperties ?? (propertiesNode === undefined ? NO_DICTIONARY : sharedTextOf(propertiesNode));
  const byProperties =
    attributesKey === undefined ? undefined : table.decoded.propertiesBySharedTexts.get(attributesKey);
  const known = propertiesKey === undefined ? undefined : byProperties?.get(propertiesKey);
  if (known !== undefined) return known;
  const merged = dictEntries(op.attributes, table);
  for (const e of (propertiesNode ?? op.properties)?.entries ?? []) merged[e.name] = propValue(e.value, table, 0);
  const properties = sharedProperties(table, merged);
  if (attributesKey !== undefined && propertiesKey !== undefined) {
    if (byProperties === undefined)
      table.decoded.propertiesBySharedTexts.set(attributesKey, new WeakMap([[propertiesKey, properties]]));
    else byProperties.set(propertiesKey, properties);
  }
  return properties;
}

/**
 * A TtnnOp of a parse whose ranges never move (not editable: the CLI's, a lazy parse's), its ranges kept as numbers
 * and made at each read: two range objects kept per op were 80 of its ~400 B. An editable parse's ops read their
 * syntax op's range slots instead, which an in-place edit moves (`EditableTtnnOp`). `toJSON` gives the fields of a
 * plain TtnnOp.
 */
class SettledTtnnOp implements TtnnOp {
  constructor(
    readonly name: string,
    readonly resultNames: readonly string[],
    readonly operandNames: readonly string[],
    readonly operands: readonly ValueSpec[],
    readonly results: readonly ValueSpec[],
    readonly properties: Readonly<Record<string, PropValue>>,
    readonly symbolUses: readonly string[],
    private readonly start: number,
    private readonly end: number,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly source: SourcePosition | undefined,
    /** Set once by `bodyOf` (a function's get_device may follow its first ops). */
    public mesh: DeviceMesh | undefined,
  ) {}

  get range(): TextRange {
    return textRange(this.start, this.end);
  }

  get nameRange(): TextRange {
    return textRange(this.nameStart, this.nameEnd);
  }

  toJSON(): TtnnOp {
    return opWith(this, {});
  }
}

/**
 * A TtnnOp of an editable parse: its ranges are its syntax op's (slots of the parse's range table), read at each
 * access, so they move with incremental edits without a range object of its own. `toJSON` gives a plain TtnnOp.
 */
class EditableTtnnOp implements TtnnOp {
  constructor(
    readonly name: string,
    readonly resultNames: readonly string[],
    readonly operandNames: readonly string[],
    readonly operands: readonly ValueSpec[],
    readonly results: readonly ValueSpec[],
    readonly properties: Readonly<Record<string, PropValue>>,
    readonly symbolUses: readonly string[],
    readonly source: SourcePosition | undefined,
    /** The op of the syntax tree this was made from (`moduleAfterEdits` finds an edited op's view by it). */
    readonly syntax: Operation,
    /** Set once by `bodyOf` (a function's get_device may follow its first ops). */
    public mesh: DeviceMesh | undefined,
  ) {}

  get range(): TextRange {
    return this.syntax.range;
  }

  get nameRange(): TextRange {
    return this.syntax.nameRange;
  }

  toJSON(): TtnnOp {
    return opWith(this, {});
  }
}

// The four offsets of the op `toTtnnOp` is making (`opOffsetsInto`), read at once: one array for every op.
const opOffsets = new Array<number>(4).fill(0);

function toTtnnOp(op: Operation, table: ChunkTables, mesh?: DeviceMesh): SettledTtnnOp | EditableTtnnOp {
  const resultNames = resultNamesOf(op, table.decoded.oneNameLists);
  const operandNames = operandNamesOf(op, table.decoded.oneNameLists);
  const fn = packedFunctionTypeOf(op);
  let operands: readonly ValueSpec[];
  let results: readonly ValueSpec[];
  if (
    fn !== undefined &&
    fn.inputCount === operandNames.length &&
    fn.types.length - fn.inputCount === resultNames.length
  ) {
    const lists = packedSpecLists(op, fn, table);
    operands = lists.operands;
    results = lists.results;
  } else {
    operands = specListOf(op.operandTypes, operandNames.length, table);
    results = specListOf(op.resultTypes, resultNames.length, table);
  }
  const properties = propertiesOf(op, table);
  const symbolUses = op.symbolUses.length === 0 ? NO_STRINGS : op.symbolUses.map((s) => s.name);
  const source = opSource(op.location, table);
  if (rangesMoveWithEdits(op))
    return new EditableTtnnOp(
      op.name,
      resultNames,
      operandNames,
      operands,
      results,
      properties,
      symbolUses,
      source,
      op,
      mesh,
    );
  const offsets = opOffsets;
  opOffsetsInto(op, offsets);
  return new SettledTtnnOp(
    op.name,
    resultNames,
    operandNames,
    operands,
    results,
    properties,
    symbolUses,
    offsets[0]!,
    offsets[1]!,
    offsets[2]!,
    offsets[3]!,
    source,
    mesh,
  );
}

/**
 * `isConstEvalDict` by the shared text of a function's attribute dictionary (`sharedTextOf`): the answer is a function
 * of that text, and a model's thousands of const-eval functions write a few distinct dictionaries, each of which would
 * be parsed again at every read of its `entries`.
 */
const constEvalBySharedText = new WeakMap<object, boolean>();

function isConstEval(op: Operation): boolean {
  const attributes = op.attributes;
  if (attributes === undefined) return false;
  const shared = sharedTextOf(attributes);
  if (shared === undefined) return isConstEvalDict(attributes);
  let known = constEvalBySharedText.get(shared);
  if (known === undefined) constEvalBySharedText.set(shared, (known = isConstEvalDict(attributes)));
  return known;
}

function isConstEvalDict(attributes: DictAttr): boolean {
  for (const e of attributes.entries) {
    if (e.name === 'const_eval' || e.name === 'ttcore.const_eval') return true;
    if (
      (e.name === 'tt.function_type' || e.name === 'ttcore.function_type') &&
      e.value.kind === 'string' &&
      e.value.value === 'const_eval'
    )
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The device mesh (device.ts DeviceMesh)

/** A `ttnn.get_device`'s `mesh_shape` or `mesh_offset`: absent, its `RxC` dimension list, or unreadable. */
export type MeshAttrRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'dims'; readonly text: string; readonly range: TextRange }
  | { readonly kind: 'unreadable' };

const MESH_ATTR_ABSENT: MeshAttrRead = { kind: 'absent' };
const MESH_ATTR_UNREADABLE: MeshAttrRead = { kind: 'unreadable' };

/**
 * The one reader of a get_device's mesh attributes (the TTNN view's mesh and analysis/verifyTrace.ts's device check):
 * `#ttnn<mesh_shape 1x2>` / `#ttnn<mesh_offset 0x0>` (tt-mlir TTNNOpsAttrs.td@19c86fc MeshShapeAttr, MeshOffsetAttr),
 * aliases followed. The range is the dimension list's, in the tree it was read from.
 */
export function getDeviceMeshAttr(
  op: Operation,
  name: 'mesh_shape' | 'mesh_offset',
  aliases: AliasLookup,
): MeshAttrRead {
  const value =
    op.properties?.entries.find((e) => e.name === name)?.value ??
    op.attributes?.entries.find((e) => e.name === name)?.value;
  if (value === undefined) return MESH_ATTR_ABSENT;
  const attr = resolveAttr(value, aliases);
  if (attr?.kind !== 'dialectAttr' || attr.body === undefined) return MESH_ATTR_UNREADABLE;
  const children = attr.body.children;
  const first = children[0];
  const dims =
    attr.name === 'ttnn' &&
    children.length === 2 &&
    first?.kind === 'leaf' &&
    first.leafKind === 'ident' &&
    first.text === name
      ? children[1]
      : undefined;
  if (dims?.kind !== 'leaf' || dims.leafKind !== 'dimensionList') return MESH_ATTR_UNREADABLE;
  return { kind: 'dims', text: dims.text, range: dims.range };
}

/** A get_device's mesh as the ops of its function see it: one object per source, made on first use. */
interface GetDeviceMesh {
  readonly shape: readonly [number, number];
  readonly range: TextRange;
  asOperand?: DeviceMesh;
  asFunction?: DeviceMesh;
}

function getDeviceMeshOf(op: Operation, aliases: AliasLookup): GetDeviceMesh | undefined {
  const read = getDeviceMeshAttr(op, 'mesh_shape', aliases);
  const shape = read.kind === 'dims' ? meshShapeFromText(read.text) : undefined;
  if (read.kind !== 'dims' || shape === undefined) return undefined;
  if (!rangesMoveWithEdits(op)) return { shape, range: liveRangeWithin(op, read.range) };
  const opStart = liveStartOf(op);
  const range = new GetDeviceMeshRange(op, read.text, read.range.start - opStart, read.range.end - opStart);
  meshRangeOf.set(op, range);
  return { shape, range };
}

/**
 * A get_device's `mesh_shape` dimension list in an editable parse, read at its offsets from the get_device that states
 * it now: an in-place edit of that get_device that keeps the list's text and offsets re-points `owner`
 * (`repointGetDeviceMesh`), so the ops' meshes hold without rebuilding the view (the replaced op's slot is killed).
 */
class GetDeviceMeshRange implements TextRange {
  constructor(
    public owner: SlottedOp,
    readonly text: string,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): number {
    return liveStartOf(this.owner) + this.startOffset;
  }

  get end(): number {
    return liveStartOf(this.owner) + this.endOffset;
  }

  /** Plain data as every other range (the view's op records are compared and printed as JSON). */
  toJSON(): TextRange {
    return { start: this.start, end: this.end };
  }
}

const meshRangeOf = new WeakMap<Operation, GetDeviceMeshRange>();

/**
 * Whether the in-place edit of get_device `removed` into `inserted` keeps the mesh its function's ops were given (the
 * same `mesh_shape` text at the same offsets); if so its range now reads `inserted`.
 */
function repointGetDeviceMesh(removed: Operation, inserted: Operation, aliases: AliasLookup): boolean {
  const range = meshRangeOf.get(removed);
  if (range === undefined || inserted.name !== 'ttnn.get_device' || !rangesMoveWithEdits(inserted)) return false;
  const read = getDeviceMeshAttr(inserted, 'mesh_shape', aliases);
  if (read.kind !== 'dims' || read.text !== range.text) return false;
  const opStart = liveStartOf(inserted);
  if (read.range.start - opStart !== range.startOffset || read.range.end - opStart !== range.endOffset) return false;
  range.owner = inserted;
  meshRangeOf.set(inserted, range);
  return true;
}

function meshAs(mesh: GetDeviceMesh, source: MeshSource & ('device operand' | 'function get_device')): DeviceMesh {
  if (source === 'device operand') return (mesh.asOperand ??= { shape: mesh.shape, source, range: mesh.range });
  return (mesh.asFunction ??= { shape: mesh.shape, source, range: mesh.range });
}

/**
 * The `meshShape = RxC` of a `ttcore.device` / `tt.device` body (tt-mlir TTCoreOpsTypes.td DeviceAttr, printed
 * `meshShape = 1x4,`; an empty list is 1x1, as TransformUtils.cpp@19c86fc insertGetDeviceOp reads it), or undefined.
 */
function meshShapeInDeviceBody(owner: Operation, children: readonly TokenTree[]): DeviceMesh | undefined {
  for (let i = 0; i + 1 < children.length; i++) {
    const key = children[i]!;
    if (key.kind !== 'leaf' || key.leafKind !== 'ident' || key.text !== 'meshShape') continue;
    const eq = children[i + 1]!;
    if (eq.kind !== 'leaf' || eq.text !== '=') return undefined;
    const value = children[i + 2];
    const empty = value === undefined || (value.kind === 'leaf' && value.text === ',');
    const shape = empty
      ? meshShapeFromText('')
      : value.kind === 'leaf' && value.leafKind === 'dimensionList'
        ? meshShapeFromText(value.text)
        : undefined;
    if (shape === undefined) return undefined;
    const range = empty ? key.range : value.range;
    return { shape, source: 'module device', range: liveRangeWithin(owner, range) };
  }
  return undefined;
}

/** The mesh of a `ttcore.device @name = <...>` op (or `= #alias`), or of a module's `tt.device = #tt.device<...>`. */
function deviceAttrMesh(owner: Operation, value: AttrNode, aliases: AliasLookup): DeviceMesh | undefined {
  const attr = resolveAttr(value, aliases);
  if (attr?.kind === 'dialectAttr' && attr.body !== undefined) return meshShapeInDeviceBody(owner, attr.body.children);
  if (attr?.kind === 'opaque') {
    const body = attr.tokens.find((t): t is TokenGroup => t.kind === 'group' && t.open === '<');
    return body === undefined ? undefined : meshShapeInDeviceBody(owner, body.children);
  }
  return undefined;
}

const DEVICE_OPS: ReadonlySet<string> = new Set(['ttcore.device', 'tt.device']);

function deviceOpMesh(op: Operation, aliases: AliasLookup): DeviceMesh | undefined {
  for (const e of op.properties?.entries ?? []) {
    const mesh = deviceAttrMesh(op, e.value, aliases);
    if (mesh !== undefined) return mesh;
  }
  return undefined;
}

interface RawFunction {
  readonly op: Operation;
  readonly inCpuModule: boolean;
  readonly table: ChunkTables;
  readonly chunkIndex: number;
}

/** A token tree flattened in text order, groups as their opening and closing characters. */
function flatTokens(trees: Tokens, out: string[], kinds: string[], depth: number): void {
  for (const t of trees) {
    if (out.length >= 1_000_000) return;
    if (t.kind === 'leaf') {
      out.push(t.text);
      kinds.push(t.leafKind);
    } else if (depth < 200) {
      out.push(t.open);
      kinds.push('open');
      flatTokens(t.children, out, kinds, depth + 1);
      out.push(CLOSE_OF[t.open]);
      kinds.push('close');
    }
  }
}

const CLOSE_OF = { '<': '>', '(': ')', '[': ']', '{': '}' } as const;

/** Read `l1_size`, `grid`, `l1_unreserved_base`, ... of chip 0 from a system desc's body tokens. */
export function decodeSystemDescTokens(body: Tokens): SystemDescInfo {
  const words: string[] = [];
  const kinds: string[] = [];
  flatTokens(body, words, kinds, 0);
  // The chip descs follow the cpu descs: start at the first `arch =`.
  const archAt = words.findIndex((w, i) => w === 'arch' && kinds[i] === 'ident' && words[i + 1] === '=');
  const from = Math.max(archAt, 0);
  /** The first `key = value` at or after `from` that opens an entry (after `,` or `{`), its value's word. */
  const valueOf = (key: string): string | undefined => {
    for (let i = from; i < words.length - 2; i++) {
      if (words[i] !== key || kinds[i] !== 'ident' || words[i + 1] !== '=') continue;
      if (i === from || words[i - 1] === ',' || words[i - 1] === '{') return words[i + 2];
    }
    return undefined;
  };
  const int = (key: string): number | undefined => {
    const digits = /^\d+/.exec(valueOf(key) ?? '')?.[0];
    // Digits past 2^53 cannot be a real figure; treat them as absent (the preset's value) rather than round them.
    return digits === undefined || !Number.isSafeInteger(Number(digits)) ? undefined : Number(digits);
  };
  const arch =
    archAt >= 0 && words[archAt + 2] === '<' && words[archAt + 4] === '>' && /^\w+$/.test(words[archAt + 3] ?? '')
      ? words[archAt + 3]
      : undefined;
  const grid = /^(\d+)x(\d+)/.exec(valueOf('grid') ?? '');
  // A grid with no cores (or more than any chip has) would divide work by zero or by nonsense.
  const gridOk = grid !== null && [grid[1], grid[2]].every((d) => Number(d) >= 1 && Number(d) <= 1024);
  return {
    arch,
    gridRows: gridOk ? Number(grid[1]) : undefined,
    gridCols: gridOk ? Number(grid[2]) : undefined,
    l1SizeBytes: int('l1_size'),
    l1UnreservedBase: int('l1_unreserved_base'),
    numDramChannels: int('num_dram_channels'),
    numCbs: int('num_cbs'),
    l1AlignmentBytes: int('noc_l1_address_align_bytes'),
    dramAlignmentBytes: int('noc_dram_address_align_bytes'),
    pcieAlignmentBytes: int('pcie_address_align_bytes'),
  };
}

/** The system desc of a text holding `#ttcore.system_desc<...>` (or `#tt.`), e.g. a `--system-desc` file. */
export function decodeSystemDesc(text: string): SystemDescInfo {
  const found = /#(?:ttcore|tt)\.system_desc</.exec(text);
  const close = found === null ? undefined : matchingClose(text, found.index + found[0].length - 1);
  const attr =
    found === null
      ? undefined
      : parsedDialectValue(text.slice(found.index, close === undefined ? undefined : close + 1));
  return decodeSystemDescTokens(attr?.body?.children ?? []);
}

/**
 * The TTNN view after in-place edits that each replaced one op without regions: `previous` (the view of the tree
 * before them) with the edited ops' views decoded again — instead of walking every op. Undefined when an edit may
 * change more than its op's view (it names other symbols, so function roles may change): the caller rebuilds.
 */
export function moduleAfterEdits(
  previous: TtnnModule,
  parse: ParseResult,
  edits: readonly AppliedChange[],
): TtnnModule | undefined {
  // Loose ops' function spans text between other ops: its ranges are not kept across edits, so rebuild.
  if (previous.functions.some((f) => f.name === TOP_LEVEL_OPS_FUNCTION)) return undefined;
  const functions = previous.functions.slice();
  const copied = new Set<number>();
  for (const { removed, inserted, parent, block, index } of edits) {
    // A device op states the mesh of other ops: rebuild (a get_device: below, unless its mesh_shape is kept).
    if (DEVICE_OPS.has(removed.name) || DEVICE_OPS.has(inserted.name)) return undefined;
    // Ops outside function bodies have no TTNN view (module attributes, which carry the system descriptor, are on ops
    // with regions, which an in-place edit never replaces).
    if (parent.name !== 'func.func') continue;
    const parentStart = parent.range.start;
    const fnIndex = functions.findIndex((f) => f.range.start === parentStart);
    const fn = functions[fnIndex];
    const chunk = fn === undefined ? undefined : parse.file.chunks[fn.chunkIndex];
    if (fn === undefined || chunk === undefined) return undefined;
    // A function's ops are its blocks' ops, block after block.
    let opIndex = index;
    for (const b of parent.regions[0]?.blocks ?? []) {
      if (b === block) break;
      opIndex += b.operations.length;
    }
    const before = fn.ops[opIndex];
    if (!(before instanceof EditableTtnnOp) || before.syntax !== removed) return undefined;
    // Operands unchanged: the same device operand, so the same mesh; else the mesh may move with them.
    if (!sameStrings(before.operandNames, operandNamesOf(inserted, tablesOf(chunk, parse.file).decoded.oneNameLists)))
      return undefined;
    const after = toTtnnOp(inserted, tablesOf(chunk, parse.file), before.mesh);
    if (!sameStrings(before.symbolUses, after.symbolUses)) return undefined;
    // A get_device states the mesh of other ops: kept only when its results and mesh_shape are.
    if (removed.name === 'ttnn.get_device' || inserted.name === 'ttnn.get_device') {
      if (!sameStrings(before.resultNames, after.resultNames)) return undefined;
      if (!repointGetDeviceMesh(removed, inserted, tablesOf(chunk, parse.file).aliases)) return undefined;
    }
    const ops = copied.has(fnIndex) ? (fn.ops as TtnnOp[]) : fn.ops.slice();
    ops[opIndex] = after;
    copied.add(fnIndex);
    functions[fnIndex] = { ...fn, ops };
  }
  return { ...previous, functions };
}

/**
 * The TTNN view of a parsed file: every `func.func` (nested modules walked, cpu modules marked), its ops with decoded
 * tensor specs, and the first system descriptor. Layouts are decoded once per alias per chunk.
 */
/** What a function's TTNN view takes from its body. */
interface FunctionBody {
  readonly isDeclaration: boolean;
  readonly args: TtnnFunction['args'];
  readonly ops: readonly TtnnOp[];
  readonly opsWithSymbols: readonly number[];
}

function bodyOf(fn: Operation, table: ChunkTables, moduleMesh: DeviceMesh | undefined): FunctionBody {
  const ops: (SettledTtnnOp | EditableTtnnOp)[] = [];
  const opsWithSymbols: number[] = [];
  const meshes = new MeshResolver(moduleMesh);
  // Op by op: a lazily parsed body keeps no syntax of an op once its TTNN op is made.
  const shape = forEachFunctionOp(fn, (inner) => {
    const ttnnOp = toTtnnOp(inner, table);
    meshes.add(ttnnOp, inner, table.aliases);
    if (ttnnOp.symbolUses.length > 0) opsWithSymbols.push(ops.length);
    ops.push(ttnnOp);
  });
  meshes.finish();
  return {
    isDeclaration: shape.blockCount === 0,
    args: shape.entryArguments.map((a) => ({ name: a.name, spec: valueSpec(a.type, table) })),
    ops,
    opsWithSymbols,
  };
}

/**
 * Gives each op of one function the mesh it runs on (device.ts `MeshSource`): its device operand's get_device, else
 * the function's first get_device, else the module's ttcore.device. Ops before the function's first get_device are
 * given theirs at `finish`.
 */
class MeshResolver {
  private readonly byDeviceValue = new Map<string, GetDeviceMesh>();
  private functionMesh: GetDeviceMesh | undefined;
  /** Ops given the module's mesh (or none) before the function's first get_device was met. */
  private readonly early: (SettledTtnnOp | EditableTtnnOp)[] = [];

  constructor(private readonly moduleMesh: DeviceMesh | undefined) {}

  add(op: SettledTtnnOp | EditableTtnnOp, syntax: Operation, aliases: AliasLookup): void {
    if (op.name === 'ttnn.get_device') {
      const mesh = getDeviceMeshOf(syntax, aliases);
      if (mesh !== undefined) {
        for (const name of op.resultNames) this.byDeviceValue.set(name, mesh);
        this.functionMesh ??= mesh;
      }
    }
    const operandNames = op.operandNames;
    if (this.byDeviceValue.size > 0)
      for (let i = 0; i < operandNames.length; i++) {
        if (op.operands[i]?.kind !== 'other') continue;
        const mesh = this.byDeviceValue.get(operandNames[i]!);
        if (mesh !== undefined) {
          op.mesh = meshAs(mesh, 'device operand');
          return;
        }
      }
    if (this.functionMesh !== undefined) op.mesh = meshAs(this.functionMesh, 'function get_device');
    else {
      op.mesh = this.moduleMesh;
      this.early.push(op);
    }
  }

  finish(): void {
    const mesh = this.functionMesh;
    if (mesh === undefined) return;
    for (const op of this.early) op.mesh = meshAs(mesh, 'function get_device');
  }
}

export function moduleFromSyntax(parse: ParseResult): TtnnModule {
  const raw: RawFunction[] = [];
  const loose: LooseOps[] = [];
  let systemDesc: SystemDescInfo | undefined;
  let tensorL1UsageCap: number | undefined;
  // The first ttcore.device mesh of each chunk: every function of the chunk falls back to it.
  const moduleMeshes: (DeviceMesh | undefined)[] = [];
  for (const [chunkIndex, chunk] of parse.file.chunks.entries()) {
    const table = tablesOf(chunk, parse.file);
    walkChunk(chunk, {
      onFunction: (op, inCpuModule) => raw.push({ op, inCpuModule, table, chunkIndex }),
      onModuleOp: (op) => {
        if (DEVICE_OPS.has(op.name) && moduleMeshes[chunkIndex] === undefined)
          moduleMeshes[chunkIndex] = deviceOpMesh(op, table.aliases);
      },
      onSymbolTable: (op) => {
        for (const e of op.attributes?.entries ?? []) {
          if (DEVICE_OPS.has(e.name) && moduleMeshes[chunkIndex] === undefined)
            moduleMeshes[chunkIndex] = deviceAttrMesh(op, e.value, table.aliases);
          if ((e.name === 'ttcore.system_desc' || e.name === 'tt.system_desc') && systemDesc === undefined) {
            const attr = resolveAttr(e.value, table.aliases);
            if (attr !== undefined && attr.kind === 'dialectAttr' && attr.body !== undefined)
              systemDesc = decodeSystemDescTokens(attr.body.children);
          }
          if (e.name === 'ttnn.tensor_l1_usage_cap' && (e.value.kind === 'float' || e.value.kind === 'integer'))
            tensorL1UsageCap = e.value.value;
        }
      },
      // One entry function per run: a function between loose op lines (a pasted op above and below a dump's @main)
      // splits them, so the source-ordered views of the analysis keep functions disjoint.
      onLooseRun: (ops) => loose.push({ ops, table, chunkIndex }),
    });
  }
  // Each body is read once (a lazy parse parses a body at each read of `regions`, mlir/parser/lazyBodies.ts): its
  // TTNN ops are kept, and the callees that decide each function's role are read from them.
  const bodies = raw.map(({ op, table, chunkIndex }) => bodyOf(op, table, moduleMeshes[chunkIndex]));
  const called = new Set<string>();
  // Only the ops that use symbols (`opsWithSymbols`): a loop over every op made an iterator per op, old garbage at 100k.
  for (let i = 0; i < raw.length; i++) {
    const { ops, opsWithSymbols } = bodies[i]!;
    for (const k of opsWithSymbols)
      for (const callee of ops[k]!.symbolUses) called.add(`${raw[i]!.chunkIndex}|${callee}`);
  }
  const functions: TtnnFunction[] = raw.map(({ op, inCpuModule, chunkIndex }, i) => {
    const name = op.symbol?.name ?? '@?';
    const body = bodies[i]!;
    const role: FunctionRole = isConstEval(op) ? 'const_eval' : called.has(`${chunkIndex}|${name}`) ? 'other' : 'entry';
    return {
      name,
      chunkIndex,
      role,
      isDeclaration: body.isDeclaration,
      inCpuModule,
      args: body.args,
      ops: body.ops,
      opsWithSymbols: body.opsWithSymbols,
      // Kept with the module: an editable parse's must move with edits, as the op's slots do.
      range: rangesMoveWithEdits(op) ? liveRangeOf(op) : op.range,
      nameRange: op.symbol?.range ?? (rangesMoveWithEdits(op) ? liveNameRangeOf(op) : op.nameRange),
    };
  });
  const looseFunctions = loose.map((group) => topLevelFunction(group, moduleMeshes[group.chunkIndex]));
  looseFunctions.forEach((fn, k) => {
    // Results a later run of the same chunk takes as arguments (unless a run between makes them again) outlive this run.
    const namedLater = new Set<string>();
    const remade = new Set<string>();
    for (let j = k + 1; j < looseFunctions.length; j++) {
      const later = looseFunctions[j]!;
      if (later.chunkIndex !== fn.chunkIndex) break;
      for (const a of later.args) if (!remade.has(a.name)) namedLater.add(a.name);
      for (const op of later.ops) for (const n of op.resultNames) remade.add(n);
    }
    const liveOutNames = fn.ops.flatMap((op) => op.resultNames.filter((n) => namedLater.has(n)));
    functions.push(liveOutNames.length > 0 ? { ...fn, liveOutNames } : fn);
  });
  return { functions, systemDesc, tensorL1UsageCap };
}

/** What a walk of a chunk meets, in source order. */
export interface ChunkVisitor {
  /** A `func.func` (its body is not walked); `inCpuModule` when a host module holds it. */
  readonly onFunction: (op: Operation, inCpuModule: boolean) => void;
  /** A symbol-table op (a module), before its body. */
  readonly onSymbolTable?: (op: Operation) => void;
  /**
   * A run of loose device ops: `ttnn.*` ops outside every function and host module (the op lines a runtime log or an
   * issue thread prints), consecutive in source order with no function between them. A function ends a run, so no
   * run's span (first to last op) holds a function.
   */
  readonly onLooseRun?: (ops: Operation[]) => void;
  /** An op of a module's body that is neither a function nor a symbol table (`ttcore.device @default_device = <...>`,
   *  a loose `ttnn.*` op too), outside host modules. */
  readonly onModuleOp?: (op: Operation) => void;
}

/** Nesting bound of the walk (modules in modules): deeper ops are not visited. */
const MAX_WALK_DEPTH = 16;

/**
 * One walk of a chunk's ops in source order, shared by the TTNN view and the fixes' syntax view (fixes/edits.ts), so
 * both cut the device ops outside any function into the same runs.
 */
export function walkChunk(chunk: Chunk, visitor: ChunkVisitor): void {
  let run: Operation[] = [];
  const endRun = (): void => {
    if (run.length > 0) visitor.onLooseRun?.(run);
    run = [];
  };
  const visit = (op: Operation, inCpu: boolean, depth: number): void => {
    if (depth > MAX_WALK_DEPTH) return;
    if (op.name === 'func.func') {
      endRun();
      visitor.onFunction(op, inCpu);
      return;
    }
    const cpu = inCpu || isCpuModule(op);
    if (!isSymbolTable(op)) {
      if (!cpu) visitor.onModuleOp?.(op);
      if (!cpu && op.name.startsWith('ttnn.')) run.push(op);
      return;
    }
    visitor.onSymbolTable?.(op);
    for (const region of op.regions)
      for (const block of region.blocks) for (const inner of block.operations) visit(inner, cpu, depth + 1);
  };
  for (const op of chunk.operations) visit(op, false, 0);
  endRun();
}

/** A run of a chunk's device ops outside every function (in the chunk or in a module's body), in source order (`walkChunk`). */
interface LooseOps {
  readonly ops: Operation[];
  readonly table: ChunkTables;
  readonly chunkIndex: number;
}

/**
 * A run of loose device ops as one entry function, so a pasted op line (`%377 = "ttnn.avg_pool2d"(%376) <{...}> :
 * (tensor<...>) -> tensor<...>`, as tt-mlir's runtime log and issue threads print it) is analysed as it would run: the
 * operands no earlier loose op defines are its arguments, typed by the op's own signature.
 */
function topLevelFunction(group: LooseOps, moduleMesh: DeviceMesh | undefined): TtnnFunction {
  const ops: TtnnOp[] = [];
  const opsWithSymbols: number[] = [];
  const meshes = new MeshResolver(moduleMesh);
  // An operand no earlier loose op defines was made before the lines pasted: it is an argument (live from the start,
  // as a function's caller-owned argument), typed by the first op that uses it.
  const args: { name: string; spec: ValueSpec }[] = [];
  const known = new Set<string>();
  for (const op of group.ops) {
    const ttnnOp = toTtnnOp(op, group.table);
    meshes.add(ttnnOp, op, group.table.aliases);
    if (ttnnOp.symbolUses.length > 0) opsWithSymbols.push(ops.length);
    ops.push(ttnnOp);
    ttnnOp.operandNames.forEach((name, k) => {
      const spec = ttnnOp.operands[k];
      if (known.has(name) || spec === undefined) return;
      known.add(name);
      args.push({ name, spec });
    });
    for (const name of ttnnOp.resultNames) known.add(name);
  }
  meshes.finish();
  return {
    name: TOP_LEVEL_OPS_FUNCTION,
    chunkIndex: group.chunkIndex,
    role: 'entry',
    isDeclaration: false,
    inCpuModule: false,
    args,
    ops,
    opsWithSymbols,
    range: looseSpan(group),
    nameRange: group.ops[0]!.nameRange,
  };
}

/** From the first loose op's start to the last one's end. */
function looseSpan(group: LooseOps): TextRange {
  return { start: group.ops[0]!.range.start, end: group.ops[group.ops.length - 1]!.range.end };
}

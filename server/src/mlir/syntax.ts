/**
 * The MLIR syntax tree: plain data, every node with an exact UTF-16 range into the source text.
 * Knows MLIR's textual format only, nothing about TTNN or LSP.
 *
 * Attribute and type bodies that the parser does not interpret (dialect attributes such as
 * `#ttnn.ttnn_layout<...>`, dialect types such as `!ttcore.tile<32x32, bf16>`) are kept as token
 * trees: balanced `<>`, `()`, `[]`, `{}` groups over leaf tokens. Consumers (ttnn/) interpret them.
 */

import type { TextRange } from '../text/textRange';

// ---------------------------------------------------------------------------------------------
// Token trees (uninterpreted bodies)

export type TokenLeafKind =
  | 'ident' // bare identifier, keyword, or dotted name: `interleaved`, `d0`, `ttnn.core_range`
  | 'integer' // 12, -3, 0x1F
  | 'float' // 1.5, 9.99999997E-7
  | 'string' // "text" with quotes; `value` holds the unescaped contents
  | 'hashIdent' // #alias or #dialect.name
  | 'bangIdent' // !alias or !dialect.type
  | 'percentIdent' // %0, %arg1#2
  | 'atIdent' // @symbol
  | 'caretIdent' // ^bb0
  | 'dimensionList' // 4x1x768, 32x32, 1x (a shape prefix written without spaces)
  | 'punct'; // , : = -> * + - ? etc.

export interface TokenLeaf {
  readonly kind: 'leaf';
  readonly leafKind: TokenLeafKind;
  /** Exact source text. */
  readonly text: string;
  /** For strings: the unescaped contents. */
  readonly value?: string;
  readonly range: TextRange;
}

export interface TokenGroup {
  readonly kind: 'group';
  readonly open: '<' | '(' | '[' | '{';
  /** Children between the delimiters. */
  readonly children: readonly TokenTree[];
  /** Includes the delimiters. */
  readonly range: TextRange;
}

export type TokenTree = TokenLeaf | TokenGroup;

// ---------------------------------------------------------------------------------------------
// Types

/** A dimension of a ranked shape: a non-negative integer, or null for a dynamic `?` dimension. */
export type Dim = number | null;

export interface TensorType {
  readonly kind: 'tensor';
  /** Empty for a rank-0 tensor; undefined for `tensor<*xf32>` (unranked). */
  readonly shape: readonly Dim[] | undefined;
  /** Exact source text of each dimension (for shapes whose numbers exceed 2^53). */
  readonly shapeText: readonly string[];
  readonly elementType: TypeNode;
  /** The encoding attribute, e.g. `#ttnn_layout3` or an inline `#ttnn.ttnn_layout<...>`. */
  readonly encoding: AttrNode | undefined;
  readonly range: TextRange;
}

export interface MemRefType {
  readonly kind: 'memref';
  readonly shape: readonly Dim[] | undefined;
  readonly shapeText: readonly string[];
  readonly elementType: TypeNode;
  /** Layout attribute (affine map or strided) when there are two trailing attributes. */
  readonly layout: AttrNode | undefined;
  /** The last trailing attribute, e.g. `#dram`, `#ttnn.buffer_type<l1>`, `#tt.memory_space<dram>`. */
  readonly memorySpace: AttrNode | undefined;
  readonly range: TextRange;
}

/** Builtin scalar types: bf16, f32, si32, ui8, i1, index, none, ... */
export interface ScalarType {
  readonly kind: 'scalar';
  readonly name: string;
  readonly range: TextRange;
}

/** `!dialect.mnemonic<body>` such as `!ttcore.tile<32x32, bf16>` or `!ttnn.device`. */
export interface DialectType {
  readonly kind: 'dialectType';
  /** Full name without `!`, e.g. `ttcore.tile`. */
  readonly name: string;
  readonly body: TokenGroup | undefined;
  readonly range: TextRange;
}

/** `!alias` use of a type alias. */
export interface TypeAliasRef {
  readonly kind: 'typeAlias';
  /** With the `!`. */
  readonly name: string;
  readonly range: TextRange;
}

/** `(T, U) -> V` or `(T) -> (U, V)`. */
export interface FunctionType {
  readonly kind: 'function';
  readonly inputs: readonly TypeNode[];
  readonly results: readonly TypeNode[];
  readonly range: TextRange;
}

/** vector, complex, tuple and anything else kept as tokens. */
export interface OtherType {
  readonly kind: 'otherType';
  readonly name: string;
  readonly body: TokenGroup | undefined;
  readonly range: TextRange;
}

export type TypeNode = TensorType | MemRefType | ScalarType | DialectType | TypeAliasRef | FunctionType | OtherType;

// ---------------------------------------------------------------------------------------------
// Attributes

/** `#alias` use of an attribute alias. */
export interface AttrAliasRef {
  readonly kind: 'attrAlias';
  /** With the `#`. */
  readonly name: string;
  readonly range: TextRange;
}

/** `#dialect.mnemonic<body>` or `#dialect<body>` (e.g. `#ttnn<mesh_shape 1x1>`). */
export interface DialectAttr {
  readonly kind: 'dialectAttr';
  /** Full name without `#`, e.g. `ttnn.ttnn_layout`, `ttnn` for `#ttnn<...>`. */
  readonly name: string;
  readonly body: TokenGroup | undefined;
  readonly range: TextRange;
}

export interface IntegerAttr {
  readonly kind: 'integer';
  /** Exact digits as written (may exceed 2^53). */
  readonly text: string;
  readonly value: number;
  readonly type: TypeNode | undefined;
  readonly range: TextRange;
}

export interface FloatAttr {
  readonly kind: 'float';
  readonly text: string;
  readonly value: number;
  readonly type: TypeNode | undefined;
  readonly range: TextRange;
}

export interface StringAttr {
  readonly kind: 'string';
  /** Unescaped contents. */
  readonly value: string;
  readonly type: TypeNode | undefined;
  readonly range: TextRange;
}

export interface BoolAttr {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly range: TextRange;
}

/** A dictionary entry without a value: `{ttir.cpu_hoist_call}`. */
export interface UnitAttr {
  readonly kind: 'unit';
  readonly range: TextRange;
}

/** `[a, b, c]` */
export interface ArrayAttr {
  readonly kind: 'array';
  readonly elements: readonly AttrNode[];
  readonly range: TextRange;
}

/** `array<i32: 1, 0, 0>` */
export interface DenseArrayAttr {
  readonly kind: 'denseArray';
  readonly elementType: TypeNode | undefined;
  /** Exact text of each element. */
  readonly elementTexts: readonly string[];
  readonly range: TextRange;
}

export interface DictEntry {
  readonly name: string;
  readonly nameRange: TextRange;
  readonly value: AttrNode;
  readonly range: TextRange;
}

/** `{a = 1, b}` or the `<{...}>` properties of an op. */
export interface DictAttr {
  readonly kind: 'dict';
  readonly entries: readonly DictEntry[];
  readonly range: TextRange;
}

/** `affine_map<...>`, bare affine maps `(d0, d1) -> (d0, d1)`, `dense<...>`, `dense_resource<...>`, and anything else. */
export interface OpaqueAttr {
  readonly kind: 'opaque';
  /** Leading keyword if any (`dense`, `affine_map`, `dense_resource`, `sparse`), else ''. */
  readonly keyword: string;
  readonly tokens: readonly TokenTree[];
  /** The `: type` suffix of typed literals such as `dense<1.0> : tensor<2xf32>`. */
  readonly type?: TypeNode;
  readonly range: TextRange;
}

/** A type used as an attribute, e.g. `function_type = (i32) -> i32` or `tensor<...>` in an attribute. */
export interface TypeAttr {
  readonly kind: 'typeAttr';
  readonly type: TypeNode;
  readonly range: TextRange;
}

/** `loc(...)` used as an attribute value (also the value of `#locN = loc(...)`). */
export interface LocAttr {
  readonly kind: 'loc';
  readonly loc: Location;
  readonly range: TextRange;
}

export type AttrNode =
  | AttrAliasRef
  | DialectAttr
  | IntegerAttr
  | FloatAttr
  | StringAttr
  | BoolAttr
  | UnitAttr
  | ArrayAttr
  | DenseArrayAttr
  | DictAttr
  | OpaqueAttr
  | TypeAttr
  | LocAttr;

// ---------------------------------------------------------------------------------------------
// Locations
// A Location's range covers what is inside `loc(...)` (e.g. `#loc7`, `"p0.x"`, `"a"(#loc2)`), not `loc(` and `)`.

export type Location =
  | { readonly kind: 'unknown'; readonly range: TextRange }
  /** `loc("name")` or `loc("name"(child))`. */
  | { readonly kind: 'name'; readonly name: string; readonly child: Location | undefined; readonly range: TextRange }
  /** `loc("file.py":116:0)` */
  | {
      readonly kind: 'fileLineCol';
      readonly file: string;
      readonly line: number;
      readonly column: number;
      readonly range: TextRange;
    }
  /** `loc(fused[a, b])` or `loc(fused<meta>[a, b])` */
  | { readonly kind: 'fused'; readonly locations: readonly Location[]; readonly range: TextRange }
  /** `loc(callsite(callee at caller))` */
  | { readonly kind: 'callsite'; readonly callee: Location; readonly caller: Location; readonly range: TextRange }
  /** `#locN` reference (resolve through the alias table). */
  | { readonly kind: 'aliasRef'; readonly name: string; readonly range: TextRange };

// ---------------------------------------------------------------------------------------------
// Operations, regions, blocks

/** `%name` or `%name:N` defining N results. */
export interface ResultGroup {
  /** With the `%`, without `:N`. */
  readonly name: string;
  readonly count: number;
  readonly range: TextRange;
}

/** An SSA use: `%8`, `%0#2`, `%arg0`. */
export interface ValueUse {
  /** With the `%`, without `#N`. */
  readonly name: string;
  /** The `#N` suffix, if any. */
  readonly resultIndex: number | undefined;
  readonly range: TextRange;
}

export interface SymbolRef {
  /** With the `@`, e.g. `@main`. */
  readonly name: string;
  readonly range: TextRange;
}

export interface BlockArgument {
  /** With the `%`. */
  readonly name: string;
  readonly nameRange: TextRange;
  readonly type: TypeNode | undefined;
  /** Argument attributes `{ttir.name = "x"}` (function arguments). */
  readonly attributes: DictAttr | undefined;
  readonly location: Location | undefined;
  readonly range: TextRange;
}

export interface Block {
  /** `^bb0` label; undefined for an entry block without a label. */
  readonly label: SymbolLikeLabel | undefined;
  readonly arguments: readonly BlockArgument[];
  readonly operations: readonly Operation[];
  readonly range: TextRange;
}

export interface SymbolLikeLabel {
  /** With the `^`. */
  readonly name: string;
  readonly range: TextRange;
}

export interface Region {
  readonly blocks: readonly Block[];
  /** Includes the braces. */
  readonly range: TextRange;
}

export interface Operation {
  readonly kind: 'operation';
  /** Full op name: `ttnn.to_layout`, `func.func`, `builtin.module` (for `module`), `func.return` (for `return`). */
  readonly name: string;
  /** Range of the op name as written (the quoted string in generic form, the keyword in custom form). */
  readonly nameRange: TextRange;
  readonly form: 'generic' | 'custom';
  readonly results: readonly ResultGroup[];
  readonly operands: readonly ValueUse[];
  /** Block successors `[^bb1]`. */
  readonly successors: readonly SymbolLikeLabel[];
  /** Inherent attributes `<{...}>`; for `ttcore.device @d = <...>` one entry `device_attr` (tt-mlir's name) holding `<...>`. */
  readonly properties: DictAttr | undefined;
  /** Discardable attributes `{...}` (for custom-form ops: the `attributes {...}` dictionary). */
  readonly attributes: DictAttr | undefined;
  readonly regions: readonly Region[];
  /** Operand types from the trailing function type (generic form) or the custom form's types. */
  readonly operandTypes: readonly TypeNode[];
  /** Result types from the trailing function type or the custom form. */
  readonly resultTypes: readonly TypeNode[];
  /** The op's symbol name for symbol-defining custom ops (`func.func @main`, `module @Name`, `ttcore.device @default_device`). */
  readonly symbol: SymbolRef | undefined;
  /** Symbols the op refers to (`call @f`, `ttcore.load_cached(@f, ...)`, `@f` in attributes). */
  readonly symbolUses: readonly SymbolRef[];
  /** Trailing `loc(...)`. */
  readonly location: Location | undefined;
  /** Whole op including regions and trailing location. */
  readonly range: TextRange;
  /** Function-like custom ops (`func.func`, `llvm.func`): the signature; declarations have no region. */
  readonly signature?: FunctionSignature;
  /** Visibility / linkage keywords written before the symbol: `private`, `public`, `internal`, ... */
  readonly visibility?: string;
}

/** One result of a function signature: `tensor<...> {ttir.name = "out"}`. */
export interface FunctionResult {
  readonly type: TypeNode;
  readonly attributes: DictAttr | undefined;
  readonly range: TextRange;
}

/**
 * `(%arg0: T {attrs} loc(...), ...) -> (T {attrs}, ...)`. Declarations (`func.func private @f(T, U) -> V`) have
 * arguments with an empty `name`. For a definition, the entry block's arguments are the same objects.
 */
export interface FunctionSignature {
  readonly arguments: readonly BlockArgument[];
  readonly results: readonly FunctionResult[];
  /** From `(` to the end of the result list. */
  readonly range: TextRange;
}

// ---------------------------------------------------------------------------------------------
// File level

export interface AliasDefinition {
  readonly kind: 'attrAlias' | 'typeAlias';
  /** With the `#` or `!`. */
  readonly name: string;
  readonly nameRange: TextRange;
  /** For `#x = ...`: the attribute; `loc(...)` values are LocAttr. */
  readonly attr: AttrNode | undefined;
  /** For `!x = ...`: the type. */
  readonly type: TypeNode | undefined;
  readonly range: TextRange;
}

/** One `// -----`-separated chunk of a file; an unsplit file has one chunk covering everything. */
export interface Chunk {
  /** Alias definitions in this chunk, in source order (including `#locN` defined after the module). */
  readonly aliases: readonly AliasDefinition[];
  /** Top-level operations (usually one `module`, sometimes bare `func.func`s). */
  readonly operations: readonly Operation[];
  readonly range: TextRange;
}

export type ParseErrorSeverity = 'error' | 'warning';

export interface ParseError {
  readonly message: string;
  readonly range: TextRange;
  readonly severity: ParseErrorSeverity;
}

export interface SyntaxFile {
  readonly chunks: readonly Chunk[];
  /** The `{-# dialect_resources ... #-}` section, skipped without tokenising. */
  readonly resourceSections: readonly TextRange[];
  readonly range: TextRange;
}

export interface ParseResult {
  readonly file: SyntaxFile;
  readonly errors: readonly ParseError[];
}

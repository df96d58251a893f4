/**
 * Syntax-tree nodes printed back to text: token trees, types and attributes, compact (a space only between two
 * word-like tokens) or with MLIR's `, ` separators, aliases kept as written or expanded, bounded by a character budget.
 */

import type { AliasDefinition, AttrNode, TokenLeafKind, TokenTree, TypeNode } from './syntax';

export interface PrintOptions {
  /**
   * Between list elements (shapes' encodings, arrays, dictionaries, function types) and after `,` tokens: `,` (the
   * compact text that layout decoding and comparison keys read; the default) or `, ` (as MLIR prints, for messages).
   */
  readonly separator?: ',' | ', ';
  /**
   * Alias expansion: the definition to print in place of a `#name` / `!name` reference (or token), undefined to keep
   * the name. A reference met again inside its own expansion (a cycle) is kept as written.
   */
  readonly aliasDefinition?: (name: string) => AliasDefinition | undefined;
  /** Expanded text by alias name, filled and read across calls that share these options (e.g. one per chunk). */
  readonly expandedAliases?: Map<string, string>;
  /** Characters of text after which nothing more is printed. Default 1,000,000. */
  readonly budgetChars?: number;
}

export interface Printed {
  readonly text: string;
  /**
   * The budget ran out (or nesting went past 200 levels): `text` stops there, with the brackets already opened
   * closed. Callers that compare texts treat this as undecidable; callers that decode texts read the prefix.
   */
  readonly truncated: boolean;
}

/** Token trees (an uninterpreted attribute or type body) as compact text: `<32x32,bf16>`, `<1x1x!ttcore.tile<...>,#l1>`. */
export function printTokens(trees: readonly TokenTree[], options: PrintOptions = {}): Printed {
  const p = newPrinter(options);
  tokens(p, trees, 0);
  return finish(p);
}

/** A type: `tensor<1x32xbf16,#ttnn_layout>`, `!ttcore.tile<32x32,bf16>`, `(tensor<2xf32>) -> i32`. */
export function printType(type: TypeNode, options: PrintOptions = {}): Printed {
  const p = newPrinter(options);
  typeNode(p, type, 0);
  return finish(p);
}

/** An attribute: `#ttnn.buffer_type<dram>`, `[1,2]`, `{a = 1,b}`, `array<i32: 1,0>`, `3 : i64`. */
export function printAttr(attr: AttrNode, options: PrintOptions = {}): Printed {
  const p = newPrinter(options);
  attrNode(p, attr, 0);
  return finish(p);
}

// ---------------------------------------------------------------------------------------------

const WORDLIKE: ReadonlySet<TokenLeafKind> = new Set([
  'ident',
  'integer',
  'float',
  'dimensionList',
  'percentIdent',
  'atIdent',
  'caretIdent',
  'hashIdent',
  'bangIdent',
]);

const CLOSE = { '<': '>', '(': ')', '[': ']', '{': '}' } as const;

// The parser nests at most 200 levels, so only alias expansion (or a hand-made tree) reaches this.
const MAX_DEPTH = 200;

interface Printer {
  readonly parts: string[];
  readonly separator: string;
  readonly aliasDefinition: ((name: string) => AliasDefinition | undefined) | undefined;
  readonly expandedAliases: Map<string, string> | undefined;
  readonly budgetChars: number;
  /** Characters counted against the budget: all text but the spaces between words and after separators' commas. */
  usedChars: number;
  truncated: boolean;
  /** Aliases being expanded (cycle guard). */
  readonly expanding: Set<string>;
}

function newPrinter(options: PrintOptions): Printer {
  return {
    parts: [],
    separator: options.separator ?? ',',
    aliasDefinition: options.aliasDefinition,
    expandedAliases: options.expandedAliases,
    budgetChars: options.budgetChars ?? 1_000_000,
    usedChars: 0,
    truncated: false,
    expanding: new Set(),
  };
}

function finish(p: Printer): Printed {
  return { text: p.parts.join(''), truncated: p.truncated };
}

/** Whether a node at `depth` may be printed; once the budget is spent nothing more is. */
function enter(p: Printer, depth: number): boolean {
  if (p.truncated || p.usedChars > p.budgetChars || depth > MAX_DEPTH) p.truncated = true;
  return !p.truncated;
}

function emit(p: Printer, text: string): void {
  p.parts.push(text);
  p.usedChars += text.length;
}

function list<T>(p: Printer, items: readonly T[], print: (item: T) => void): void {
  for (let i = 0; i < items.length && !p.truncated; i++) {
    if (i > 0) emit(p, p.separator);
    print(items[i]!);
  }
}

/** Prints the expansion of alias `name` if there is one to print (not undefined, not in a cycle). */
function alias(p: Printer, name: string, depth: number): boolean {
  const definition = p.aliasDefinition?.(name);
  if (
    definition === undefined ||
    p.expanding.has(name) ||
    (definition.attr === undefined && definition.type === undefined)
  )
    return false;
  const memo = p.expandedAliases?.get(name);
  if (memo !== undefined) {
    emit(p, memo);
    return true;
  }
  const from = p.parts.length;
  p.expanding.add(name);
  if (definition.attr !== undefined) attrNode(p, definition.attr, depth + 1);
  else if (definition.type !== undefined) typeNode(p, definition.type, depth + 1);
  p.expanding.delete(name);
  if (!p.truncated) p.expandedAliases?.set(name, p.parts.slice(from).join(''));
  return true;
}

/** Leaves concatenated, a space only between two word-like leaves; `648x24x` (a shape prefix) glues to what follows. */
function tokens(p: Printer, trees: readonly TokenTree[], depth: number): void {
  let lastWordlike = false;
  let lastOpenDims = false;
  const visit = (tree: TokenTree, d: number): void => {
    if (!enter(p, d)) return;
    if (tree.kind === 'leaf') {
      const wordlike = WORDLIKE.has(tree.leafKind);
      if (wordlike && lastWordlike && !lastOpenDims) p.parts.push(' ');
      const aliasLike = tree.leafKind === 'hashIdent' || tree.leafKind === 'bangIdent';
      if (!aliasLike || !alias(p, tree.text, d)) emit(p, tree.text);
      if (tree.text === ',' && p.separator !== ',') p.parts.push(' ');
      lastWordlike = wordlike;
      lastOpenDims = tree.leafKind === 'dimensionList' && tree.text.endsWith('x');
      return;
    }
    p.parts.push(tree.open);
    lastWordlike = false;
    lastOpenDims = false;
    for (const child of tree.children) visit(child, d + 1);
    p.parts.push(CLOSE[tree.open]);
    lastWordlike = false;
    p.usedChars += 2;
  };
  for (const tree of trees) visit(tree, depth);
}

function shapePrefix(p: Printer, shapeText: readonly string[], ranked: boolean): void {
  emit(p, ranked ? shapeText.map((d) => `${d}x`).join('') : '*x');
}

function typeNode(p: Printer, type: TypeNode, depth: number): void {
  if (!enter(p, depth)) return;
  const sub = (t: TypeNode): void => typeNode(p, t, depth + 1);
  const trailingAttr = (a: AttrNode | undefined): void => {
    if (a === undefined) return;
    emit(p, p.separator);
    attrNode(p, a, depth + 1);
  };
  switch (type.kind) {
    case 'tensor':
      emit(p, 'tensor<');
      shapePrefix(p, type.shapeText, type.shape !== undefined);
      sub(type.elementType);
      trailingAttr(type.encoding);
      emit(p, '>');
      return;
    case 'memref':
      emit(p, 'memref<');
      shapePrefix(p, type.shapeText, type.shape !== undefined);
      sub(type.elementType);
      trailingAttr(type.layout);
      trailingAttr(type.memorySpace);
      emit(p, '>');
      return;
    case 'scalar':
      emit(p, type.name);
      return;
    case 'dialectType':
      emit(p, `!${type.name}`);
      if (type.body !== undefined) tokens(p, [type.body], depth + 1);
      return;
    case 'typeAlias':
      if (!alias(p, type.name, depth)) emit(p, type.name);
      return;
    case 'function': {
      emit(p, '(');
      list(p, type.inputs, sub);
      emit(p, ') -> ');
      const single = type.results.length === 1 && type.results[0]!.kind !== 'function';
      if (single) sub(type.results[0]!);
      else {
        emit(p, '(');
        list(p, type.results, sub);
        emit(p, ')');
      }
      return;
    }
    case 'otherType':
      emit(p, type.name);
      if (type.body !== undefined) tokens(p, [type.body], depth + 1);
      return;
  }
}

function attrNode(p: Printer, attr: AttrNode, depth: number): void {
  if (!enter(p, depth)) return;
  const sub = (a: AttrNode): void => attrNode(p, a, depth + 1);
  const typed = (t: TypeNode | undefined): void => {
    if (t === undefined) return;
    emit(p, ' : ');
    typeNode(p, t, depth + 1);
  };
  switch (attr.kind) {
    case 'attrAlias':
      if (!alias(p, attr.name, depth)) emit(p, attr.name);
      return;
    case 'dialectAttr':
      emit(p, `#${attr.name}`);
      if (attr.body !== undefined) tokens(p, [attr.body], depth + 1);
      return;
    case 'integer':
    case 'float':
      emit(p, attr.text);
      typed(attr.type);
      return;
    case 'string':
      emit(p, JSON.stringify(attr.value));
      typed(attr.type);
      return;
    case 'bool':
      emit(p, attr.value ? 'true' : 'false');
      return;
    case 'unit':
      emit(p, 'unit');
      return;
    case 'array':
      emit(p, '[');
      list(p, attr.elements, sub);
      emit(p, ']');
      return;
    case 'denseArray':
      emit(p, 'array<');
      if (attr.elementType !== undefined) typeNode(p, attr.elementType, depth + 1);
      if (attr.elementTexts.length > 0) emit(p, ': ');
      list(p, attr.elementTexts, (t) => emit(p, t));
      emit(p, '>');
      return;
    case 'dict':
      emit(p, '{');
      list(p, attr.entries, (e) => {
        emit(p, e.name);
        if (e.value.kind === 'unit') return; // `{ttir.cpu_hoist_call}`
        emit(p, ' = ');
        sub(e.value);
      });
      emit(p, '}');
      return;
    case 'opaque':
      // The tokens start with the keyword (`dense`, `affine_map`), when there is one.
      tokens(p, attr.tokens, depth + 1);
      typed(attr.type);
      return;
    case 'typeAttr':
      typeNode(p, attr.type, depth + 1);
      return;
    case 'loc':
      emit(p, 'loc');
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Operations (new IR written by quick fixes)

/**
 * An operation in MLIR's generic form, its parts already text (SSA names, attribute values and types as the file
 * writes them). The caller keeps the result names it chose, so nothing reads them back from the printed line.
 */
export interface GenericOp {
  readonly results: readonly string[];
  readonly name: string;
  readonly operands: readonly string[];
  /** Inherent attributes, printed `<{name = value, ...}>` in this order; none: no `<{}>`. */
  readonly properties?: readonly (readonly [name: string, value: string])[];
  readonly operandTypes: readonly string[];
  readonly resultTypes: readonly string[];
  /** A trailing `loc(...)`, or '' / undefined for none. */
  readonly location?: string;
}

/** `%r = "ttnn.pad"(%x) <{padding = array<i32: 0, 1>}> : (tensor<...>) -> tensor<...> loc(...)`; `-> ()` without results. */
export function printGenericOp(op: GenericOp): string {
  const results = op.results.length === 0 ? '' : `${op.results.join(', ')} = `;
  const properties =
    op.properties === undefined || op.properties.length === 0
      ? ''
      : ` <{${op.properties.map(([name, value]) => `${name} = ${value}`).join(', ')}}>`;
  const resultTypes = op.resultTypes.length === 1 ? op.resultTypes[0]! : `(${op.resultTypes.join(', ')})`;
  const location = op.location === undefined || op.location === '' ? '' : ` ${op.location}`;
  return `${results}"${op.name}"(${op.operands.join(', ')})${properties} : (${op.operandTypes.join(', ')}) -> ${resultTypes}${location}`;
}

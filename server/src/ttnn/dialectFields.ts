/**
 * Typed readers of a dialect attribute's items and `key = value` fields (`#ttnn.matmul_..._program_config<in0_block_w
 * = 2, ...>`), decided once from the parser's token tree, so no estimator parses a field's printed text. The TTNN view
 * (fromSyntax.ts `dialectProp`) decides the values of each distinct attribute as it makes its PropValue (memoised per
 * text with it) and records them here by that object; a dialect PropValue made elsewhere (a quick fix's candidate, a
 * test's hand-built op) has its item and field texts read by the same parser, once per distinct text.
 */

import type { TokenTree } from '../mlir/syntax';
import { parse } from '../mlir/parser';
import type { PropValue } from './op';

type Tokens = readonly TokenTree[];

export type DialectProp = Extract<PropValue, { kind: 'dialect' }>;

/** What one item or field value is, as its tokens say. */
export type DialectFieldValue =
  /** `2`, `2 : i64`: a safe integer, with the type written after it, if any. */
  | { readonly kind: 'int'; readonly value: number; readonly type: string | undefined }
  | { readonly kind: 'bool'; readonly value: boolean }
  /**
   * `<8, 8>` (separator ',') or `8x8` / `<8x8>` (separator 'x'): two non-negative integers. `8, 8` without brackets
   * (`bracketed` false) is never a field of the view (its top-level comma splits items) but a hand-built field's text.
   */
  | {
      readonly kind: 'pair';
      readonly first: number;
      readonly second: number;
      readonly separator: ',' | 'x';
      readonly bracketed: boolean;
    }
  /** `#ttcore.grid<8x8>`: a nested dialect attribute, its name without `#` and its body read as one value. */
  | { readonly kind: 'dialect'; readonly name: string; readonly inner: DialectFieldValue }
  /** One bare identifier other than true/false: an enum case (`height_sharded`, `ring`, `bf16`). */
  | { readonly kind: 'word'; readonly text: string }
  /** Anything else (an alias name, a list, several items, a malformed value). */
  | { readonly kind: 'other' };

export interface DialectFieldValues {
  /** One per `items` entry of the PropValue. */
  readonly items: readonly DialectFieldValue[];
  /** One per `fields` key of the PropValue. */
  readonly fields: ReadonlyMap<string, DialectFieldValue>;
}

const OTHER: DialectFieldValue = Object.freeze({ kind: 'other' });
const TRUE: DialectFieldValue = Object.freeze({ kind: 'bool', value: true });
const FALSE: DialectFieldValue = Object.freeze({ kind: 'bool', value: false });

/** A non-negative safe integer written as digits, else undefined. */
function count(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function leaf(t: TokenTree | undefined, kind: string, text?: string): boolean {
  return t !== undefined && t.kind === 'leaf' && t.leafKind === kind && (text === undefined || t.text === text);
}

/** `axb` written as one dimension-list token, else undefined. */
function dimsPair(t: TokenTree | undefined, bracketed: boolean): DialectFieldValue | undefined {
  if (t === undefined || t.kind !== 'leaf' || t.leafKind !== 'dimensionList') return undefined;
  const parts = t.text.split('x');
  const first = parts.length === 2 ? count(parts[0]!) : undefined;
  const second = first === undefined ? undefined : count(parts[1]!);
  return second === undefined ? undefined : { kind: 'pair', first: first!, second, separator: 'x', bracketed };
}

/** The value the tokens of one item or field value (after its `=`) spell. */
export function fieldValueOf(tokens: Tokens): DialectFieldValue {
  const [a, b, c] = tokens;
  if (a === undefined) return OTHER;
  if (a.kind === 'leaf') {
    if (tokens.length === 1) {
      if (a.leafKind === 'integer') {
        const value = Number(a.text);
        return Number.isSafeInteger(value) ? { kind: 'int', value, type: undefined } : OTHER;
      }
      if (a.leafKind === 'ident')
        return a.text === 'true' ? TRUE : a.text === 'false' ? FALSE : { kind: 'word', text: a.text };
      return dimsPair(a, false) ?? OTHER;
    }
    if (tokens.length === 3 && a.leafKind === 'integer' && leaf(b, 'punct', ','))
      return commaPair(tokens, false) ?? OTHER;
    if (tokens.length === 3 && a.leafKind === 'integer' && leaf(b, 'punct', ':') && leaf(c, 'ident')) {
      const value = Number(a.text);
      return Number.isSafeInteger(value) ? { kind: 'int', value, type: (c as { text: string }).text } : OTHER;
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
    return OTHER;
  }
  if (tokens.length !== 1 || a.open !== '<') return OTHER;
  const inner = a.children;
  if (inner.length === 1) return dimsPair(inner[0], true) ?? OTHER;
  return commaPair(inner, true) ?? OTHER;
}

/** `a, b`: two non-negative integers and a comma, else undefined. */
function commaPair(tokens: Tokens, bracketed: boolean): DialectFieldValue | undefined {
  const [a, comma, b] = tokens;
  if (tokens.length !== 3 || !leaf(a, 'integer') || !leaf(comma, 'punct', ',') || !leaf(b, 'integer')) return undefined;
  const first = count((a as { text: string }).text);
  const second = count((b as { text: string }).text);
  return first === undefined || second === undefined
    ? undefined
    : { kind: 'pair', first, second, separator: ',', bracketed };
}

// Values decided by the TTNN view from the attribute's own tokens, by PropValue object.
const viewValues = new WeakMap<DialectProp, DialectFieldValues>();

/** Called by the TTNN view as it makes `prop` (once per distinct attribute text). */
export function recordFieldValues(prop: DialectProp, values: DialectFieldValues): void {
  viewValues.set(prop, values);
}

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
  const value = body === undefined ? OTHER : fieldValueOf(body.children);
  if (valueByText.size < MAX_TEXTS) valueByText.set(text, value);
  return value;
}

/** The typed items and fields of a dialect PropValue. */
export function fieldValuesOf(prop: DialectProp): DialectFieldValues {
  const known = viewValues.get(prop) ?? madeValues.get(prop);
  if (known !== undefined) return known;
  const fields = new Map<string, DialectFieldValue>();
  for (const key of Object.keys(prop.fields)) fields.set(key, valueOfText(prop.fields[key]!));
  const values: DialectFieldValues = { items: prop.items.map(valueOfText), fields };
  madeValues.set(prop, values);
  return values;
}

/** The field's value, if `prop` is a dialect attribute that has the field. */
export function fieldValue(prop: PropValue | undefined, key: string): DialectFieldValue | undefined {
  return prop?.kind === 'dialect' ? fieldValuesOf(prop).fields.get(key) : undefined;
}

/** Item `index`'s value, if `prop` is a dialect attribute with that many items. */
export function itemValue(prop: PropValue | undefined, index: number): DialectFieldValue | undefined {
  return prop?.kind === 'dialect' ? fieldValuesOf(prop).items[index] : undefined;
}

/** An integer value (`2`, `2 : i64`), else undefined. */
export function intOf(v: DialectFieldValue | undefined): number | undefined {
  return v?.kind === 'int' ? v.value : undefined;
}

/** `true` / `false`, else undefined. */
export function boolOf(v: DialectFieldValue | undefined): boolean | undefined {
  return v?.kind === 'bool' ? v.value : undefined;
}

/** An enum word (`height_sharded`), else undefined. */
export function wordOf(v: DialectFieldValue | undefined): string | undefined {
  return v?.kind === 'word' ? v.text : undefined;
}

/**
 * A pair of non-negative integers, written bare or (`nested`) as a nested dialect attribute's body
 * (`#ttcore.grid<8x8>`), with one of `separators` (`<a, b>` only, if `bracketedComma`); else undefined.
 */
export function pairOf(
  v: DialectFieldValue | undefined,
  separators: readonly (',' | 'x')[],
  nested: boolean,
  bracketedComma = false,
): readonly [number, number] | undefined {
  const p = nested && v?.kind === 'dialect' ? v.inner : v;
  if (p?.kind !== 'pair' || !separators.includes(p.separator)) return undefined;
  return bracketedComma && p.separator === ',' && !p.bracketed ? undefined : [p.first, p.second];
}

/** The name of the nested dialect attribute a value is (`ttcore.grid`), else undefined. */
export function dialectNameOf(v: DialectFieldValue | undefined): string | undefined {
  return v?.kind === 'dialect' ? v.name : undefined;
}

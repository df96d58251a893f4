/**
 * Typed readers of a dialect attribute's items and `key = value` fields (`#ttnn.matmul_..._program_config<in0_block_w
 * = 2, ...>`), decided once from the parser's token tree, so no estimator parses a field's printed text. The TTNN view
 * (fromSyntax.ts `dialectProp`, the one reader of the syntax tree) decides the values of each distinct attribute as it
 * makes its PropValue (memoised per text with it) and keeps them by that object (`fieldValuesOf`); a dialect PropValue
 * made elsewhere (a quick fix's candidate, a test's hand-built op) has its item and field texts read by the same
 * parser there, once per distinct text. This file holds the value type and the accessors estimators call.
 */

import { fieldValuesOf } from './fromSyntax';
import type { PropValue } from './op';

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

/**
 * A syntax (sub)tree as plain objects: nodes that keep their range in the parse's range table (parser/nodes.ts)
 * become the `{ ..., range }` literals they stand for, so tests can compare trees with deepStrictEqual.
 */

import { SlottedNode, plainNode } from '../../server/src/mlir/parser/nodes';
import type { TextRange } from '../../server/src/text/textRange';

export function plainTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainTree);
  if (value instanceof SlottedNode) return plainTree(plainNode(value));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainTree(v);
    return out;
  }
  return value;
}

/** `value` as JSON with every `range` and `nameRange` moved by `by`: a subtree parsed alone, placed where it is used. */
export function shiftedRanges(value: unknown, by: number): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => {
    if ((key !== 'range' && key !== 'nameRange') || typeof v !== 'object' || v === null) return v;
    const r = v as TextRange;
    return { start: r.start + by, end: r.end + by };
  }) as unknown;
}

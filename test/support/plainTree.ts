/**
 * A syntax (sub)tree as plain objects: nodes that keep their range in the parse's range table (parser/nodes.ts)
 * become the `{ ..., range }` literals they stand for, so tests can compare trees with deepStrictEqual.
 */

import { SlottedNode, plainNode } from '../../server/src/mlir/parser/nodes';

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

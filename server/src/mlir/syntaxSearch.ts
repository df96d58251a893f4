/** Binary search over syntax nodes in source order (ops of a block, blocks of a region, aliases of a chunk). */

import type { TextRange } from '../text/textRange';

export interface ContainingOptions {
  /** Count a node's end offset as inside it (a cursor just after a name); by default ranges are [start, end). */
  readonly includeEnd?: boolean;
}

/**
 * The index of the node whose range holds `offset`, or -1. The nodes are in source order and do not overlap (with
 * `includeEnd`, an offset where one node ends and the next starts may give either).
 */
export function indexContaining(
  nodes: readonly { readonly range: TextRange }[],
  offset: number,
  options: ContainingOptions = {},
): number {
  const endInside = options.includeEnd === true;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = nodes[mid]!.range;
    if (offset < range.start) hi = mid - 1;
    else if (offset > range.end || (offset === range.end && !endInside)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

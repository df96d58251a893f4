/**
 * Run in a plain child `node -r tsx/cjs` (no `--expose-gc`; test/unit/cli/heap.test.ts): drops an array that V8
 * keeps in its large-object space and prints how many bytes `collectGarbage` freed from that space (JSON on stdout).
 */

import { getHeapSpaceStatistics } from 'node:v8';
import { collectGarbage } from '../../server/src/cli/heap';

function largeObjectBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')?.space_used_size ?? 0;
}

// Built in a frame of its own, so that only the holder references the array.
function filledHolder(length: number): { items: number[] | undefined } {
  return { items: new Array<number>(length).fill(0.5) };
}

// A million 8-byte slots: one object far past V8's large-object threshold.
const length = 1_000_000;
const holder = filledHolder(length);
const withItems = largeObjectBytes();
holder.items = undefined;
collectGarbage();
process.stdout.write(JSON.stringify({ arrayBytes: 8 * length, freedBytes: withItems - largeObjectBytes() }));

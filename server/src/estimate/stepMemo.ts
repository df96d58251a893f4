/**
 * A memo of what a composite estimator keeps of a step it estimates with another op's estimator (conv2d's reshard and
 * copy: to_memory_config's own estimates), so equal steps of different ops are estimated once. An entry is found by the
 * caller's key (every input of the step but the context), the device object and the build window; it replays the
 * change points the step's run reported straddled into the caller's recorder (so the registry splits the caller's
 * window as a fresh run would), and it holds for every free-L1 figure unless the run read the free L1 (then for that
 * figure only, marked read in the caller's `liveL1Read` on a hit). The same rules as the analysis's memo of whole ops
 * (analysis/estimateCache.ts), which a step made inside an estimator never reaches.
 */

import type { Device } from '../ttnn/device';
import type { ChangePointId } from './changePoints';
import type { EstimateContext } from './types';

// Entries kept per device at most (a generated 100k-op dump makes 2,276 distinct conv steps); past it the memo starts
// again empty rather than grow without bound in a long-lived server.
const MAX_ENTRIES = 8_192;

const NO_IDS: readonly ChangePointId[] = [];

interface Entry<T> {
  readonly value: T;
  /** The change points the step's run reported straddled (in the order reported). */
  readonly straddled: readonly ChangePointId[];
}

export class StepMemo<T> {
  private readonly byDevice = new WeakMap<Device, Map<string, Entry<T>>>();

  /**
   * The value `make` gives for `ctx` (called with a context of the same device, window and free L1), remembered under
   * `key`, which must say everything else `make` reads.
   */
  recall(ctx: EstimateContext, key: string, make: (ctx: EstimateContext) => T): T {
    let entries = this.byDevice.get(ctx.device);
    if (entries === undefined) this.byDevice.set(ctx.device, (entries = new Map<string, Entry<T>>()));
    const { window, straddled } = ctx.ttMetal;
    const anyFreeL1 = `${window.earliest}|${window.latest}|${key}`;
    const live = ctx.liveL1BytesPerCore ?? 0;
    let entry = entries.get(anyFreeL1);
    if (entry === undefined) {
      entry = entries.get(`${anyFreeL1}|${live}`);
      // Made reading the free L1: the caller's result depends on it too.
      if (entry !== undefined && ctx.liveL1Read !== undefined) ctx.liveL1Read.read = true;
    }
    if (entry === undefined) {
      const runStraddled = new Set<ChangePointId>();
      const liveL1Read = { read: false };
      const value = make({
        device: ctx.device,
        ttMetal: { window, straddled: runStraddled },
        liveL1BytesPerCore: live,
        liveL1Read,
      });
      if (liveL1Read.read && ctx.liveL1Read !== undefined) ctx.liveL1Read.read = true;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entry = { value, straddled: runStraddled.size === 0 ? NO_IDS : [...runStraddled] };
      entries.set(liveL1Read.read ? `${anyFreeL1}|${live}` : anyFreeL1, entry);
    }
    if (straddled !== undefined) for (let i = 0; i < entry.straddled.length; i++) straddled.add(entry.straddled[i]!);
    return entry.value;
  }
}

// Small ids of value-spec (or any) objects, by identity: a key names the caller's own specs by them.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/** A number naming `o` in memo keys (the same object, the same number). */
export function objectKey(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = nextObjectId++));
  return id;
}

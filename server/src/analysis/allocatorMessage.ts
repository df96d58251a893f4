/**
 * tt-metal's allocator out-of-memory line (tt_metal/impl/allocator/bank_manager.cpp@622c6fb allocate_buffer): "Out of
 * Memory: Not enough space to allocate T B <type> buffer across K banks, where each bank needs to store N B" and, by
 * build (change points allocator-oom-bank-size, allocator-oom-stats), ", but bank size is only M B" or ", but bank size
 * is M B (allocated: A B, free: F B, largest free block: L B)". T is the buffer's aligned size: K shards of N B for the
 * sharded buffers modeled here (allocator.cpp allocate_buffer: K = the buffer's num_cores, N = calculate_bank_size_spread).
 * The whole-buffer T is what a user finds in tt-metal's log; the per-core N is what the analysis computes.
 */

import { windowAtOrAfter, type TtMetalWindow } from '../estimate/changePoints';

export type AllocatorOomWording = 'plain' | 'bankSize' | 'stats';

export interface AllocatorOom {
  readonly bufferType: 'L1' | 'L1_SMALL';
  readonly banks: number;
  readonly bytesPerBank: number;
  /** The buffer's aligned size when not `banks` whole banks (an interleaved buffer's last round of pages). */
  readonly bufferBytes?: number;
  readonly bankBytes: number;
  readonly allocatedBeforeBytes: number;
  /** The bank's largest free block when it differs from its free bytes (holes left by freed tensors). */
  readonly largestFreeBytes?: number;
}

export function allocatorOomMessage(f: AllocatorOom, wording: AllocatorOomWording): string {
  const head = `Out of Memory: Not enough space to allocate ${f.bufferBytes ?? f.banks * f.bytesPerBank} B ${f.bufferType} buffer across ${f.banks} banks, where each bank needs to store ${f.bytesPerBank} B`;
  if (wording === 'stats') {
    const free = Math.max(0, f.bankBytes - f.allocatedBeforeBytes);
    return `${head}, but bank size is ${f.bankBytes} B (allocated: ${f.allocatedBeforeBytes} B, free: ${free} B, largest free block: ${f.largestFreeBytes ?? free} B)`;
  }
  if (wording === 'bankSize') return `${head}, but bank size is only ${f.bankBytes} B`;
  return head;
}

/** The allocator message's wording in the builds of `window` (its newest build). */
export function allocatorOomWording(window: TtMetalWindow): AllocatorOomWording {
  if (windowAtOrAfter(window, 'allocator-oom-stats')) return 'stats';
  if (windowAtOrAfter(window, 'allocator-oom-bank-size')) return 'bankSize';
  return 'plain';
}

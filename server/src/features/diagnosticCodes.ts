/**
 * Stable diagnostic codes (`source: 'ttnn-l1'`). Documented; do not change: users filter and suppress by these
 * strings, and the CLI's JSON report carries them.
 */

export const DIAGNOSTIC_SOURCE = 'ttnn-l1';

/** Every code with the one-line meaning shown in docs and hovers. */
export const DIAGNOSTIC_CODES = {
  /** The first op in execution order whose CB region end exceeds the core's L1 size: tt-metal throws here. */
  'l1-cb-overflow': 'Circular buffers grow beyond max L1 size; tt-metal throws at this op.',
  /** The first op whose CB region runs into an L1 buffer that is live on the same core: tt-metal throws here. */
  'l1-cb-clash': 'Circular buffers clash with L1 buffers; tt-metal throws at this op.',
  /** L1-resident tensors live at this op alone exceed the L1 between the base and the L1 size: the allocator throws. */
  'l1-out-of-memory': 'Live L1 tensors exceed L1; the allocator throws at this op.',
  /** A sliding-window config tensor (a conv's or halo's) does not fit in the L1_SMALL region beside those earlier cached
   *  programs keep there: the allocator throws. */
  'l1-small-out-of-memory': 'A config tensor does not fit in L1_SMALL; the allocator throws at this op.',
  /** An overflowing or clashing op after the first failure; execution never gets there. */
  'l1-overflow-not-reached': 'This op would also overflow L1, but execution stops at an earlier op.',
  /** The op's CBs plus live L1 tensors exceed the usable-L1 cap (a planning limit, not a tt-metal throw); or one of
   *  its byte figures is past 2^53 B, where a JS number is no longer exact (no figure is given). */
  'model-overflow':
    'CB region plus live L1 tensors exceed the usable-L1 cap, or a byte figure is beyond 2^53 B (no figure).',
  /** tt-metal's validation rejects the op's configuration (a TT_FATAL before any allocation): it throws here. */
  'op-illegal': 'tt-metal rejects this op configuration (TT_FATAL in its validation); quoted with its source.',
  /** The op overflows on some tt-metal builds of the window and fits on others (a factory change point inside it). */
  'l1-overflow-build-dependent': 'Whether this op overflows L1 depends on the tt-metal build within the window.',
  /** An op that runs a device program has no L1 model: an overflow there cannot be ruled out (on by default). */
  'no-l1-model': 'No L1 model for this op; its L1 use is unknown.',
  /** The MLIR text does not parse here. */
  'syntax-error': 'MLIR syntax error.',
  /** A `#ttnn.ttnn_layout` that cannot be decoded or is inconsistent with its tensor. */
  'layout-invalid': 'The TTNN layout cannot be decoded or is inconsistent.',
  /** An op breaks one of tt-mlir's op verifier rules (ttmlir-opt would reject the file); worded like tt-mlir. */
  'op-invalid': "The op fails tt-mlir's verifier (e.g. a trace op whose callees do not match it).",
  /** No system_desc in the file: device figures come from a preset, and the unreserved base is assumed. */
  'device-base-fictitious': 'No system_desc: the L1 unreserved base comes from a preset or setting.',
  /** A runtime log says tt-metal threw at this op. */
  'runtime-failure': 'tt-metal threw at this op at run time (from an imported log).',
  /** A runtime log shows this op ran to completion although the estimate flags it: the model is wrong here. */
  'runtime-contradiction': 'The imported log shows this op ran fine, but the estimate flags it.',
  /** The document needs more JavaScript heap than the server has; the message says how to raise it. */
  'too-large': "The document is too large to analyse with this process's heap.",
  /** The analysis itself failed (a bug in ttnn-l1-lens); the rest of the document is unchecked. */
  'internal-error': 'ttnn-l1-lens failed to analyse this document.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

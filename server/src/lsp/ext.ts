/**
 * Custom protocol extensions (`ttnnL1/*`): the one protocol file, compiled into both the server and the VS Code client
 * (client/src/lspExt.ts re-exports it with typed RequestTypes). Plain interfaces and strings only; it imports only
 * import-free shape files (features/fileSummaryShape.ts), so the client takes no server code with it (checked by
 * test/unit/tidy.test.ts). Documented; do not change method names.
 */

import type { FileSummary } from '../features/fileSummaryShape';

export type { FileSummary } from '../features/fileSummaryShape';

/**
 * Client command a code action may carry: set `ttnnL1.l1UnreservedBase` (workspace) to `args[0]` bytes. Offered when an
 * imported runtime log implies a different base than the one the analysis used.
 */
export const USE_L1_UNRESERVED_BASE_COMMAND = 'ttnnL1.useL1UnreservedBase';

/** Request `ttnnL1/timeline`: L1 per core over execution order, per function, for the webview. */
export const TIMELINE_METHOD = 'ttnnL1/timeline';

export interface TimelineParams {
  readonly uri: string;
}

export interface TimelineOpPoint {
  /** 0-based line of the op, for "reveal in editor". */
  readonly line: number;
  readonly character: number;
  readonly opName: string;
  /** SSA result name, e.g. `%9`, or '' for ops without results. */
  readonly result: string;
  /** CB region bytes on the worst core (without the unreserved base); null when the op is not modeled. */
  readonly cbBytesPerCore: number | null;
  /** Bytes of L1-resident tensors live on the worst core during this op. */
  readonly liveL1TensorBytesPerCore: number;
  readonly overflows: boolean;
  /** Core with the most CB bytes, [x, y]; absent when the op is not modeled. */
  readonly worstCore?: readonly [number, number];
  /** What tt-metal would print for an overflowing op (its reported core can differ from the worst one). */
  readonly overflowMessage?: string;
  /** L1 address the op's use reaches (what the chart draws): for an overflow, the CB region end tt-metal prints;
   *  else base + CBs + live L1 tensors. Null when not modeled. */
  readonly l1EndBytes: number | null;
  /** The op tt-metal throws at first. */
  readonly isFirstFailure: boolean;
}

export interface TimelineFunction {
  readonly name: string;
  /** `entry`, `const_eval` or `other`; functions come entry first, const-eval last. */
  readonly role: 'entry' | 'const_eval' | 'other';
  readonly reached: boolean;
  readonly ops: readonly TimelineOpPoint[];
}

export interface TimelineResult {
  readonly uri: string;
  /** Usable bytes per core: l1Size - l1UnreservedBase (times the usable-L1 cap). */
  readonly limitBytesPerCore: number;
  readonly l1UnreservedBase: number;
  readonly l1SizeBytes: number;
  readonly functions: readonly TimelineFunction[];
}

/**
 * Request `ttnnL1/opBreakdown`: the full L1 breakdown (Markdown) of the op at a position: every CB, tensor, citation
 * and the build window. Hovers stay short and link to it through the client command `ttnnL1.showBreakdown`
 * (arguments: uri, line, character).
 */
export const OP_BREAKDOWN_METHOD = 'ttnnL1/opBreakdown';

/** Client command a hover links to: shows `ttnnL1/opBreakdown` for `[uri, line, character]` in a read-only document. */
export const SHOW_BREAKDOWN_COMMAND = 'ttnnL1.showBreakdown';

export interface OpBreakdownParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

export interface OpBreakdownResult {
  readonly markdown: string;
}

/** Request `ttnnL1/fileSummary`: the status bar's figures for one document. */
export const FILE_SUMMARY_METHOD = 'ttnnL1/fileSummary';

export interface FileSummaryParams {
  readonly uri: string;
}

export interface FileSummaryResult extends FileSummary {
  readonly uri: string;
}

/** Request `ttnnL1/importLog`: correlate a tt-mlir runtime log with the document. */
export const IMPORT_LOG_METHOD = 'ttnnL1/importLog';

export interface ImportLogParams {
  readonly uri: string;
  /** The log's full text, read by the client from the file the user chose. */
  readonly logText: string;
  /** For messages only. */
  readonly logName: string;
}

export interface ImportLogResult {
  /** One line for the user: what was mapped, or why nothing was. */
  readonly message: string;
  readonly mapped: boolean;
}

/** Request `ttnnL1/checkFiles`: analyse a list of files (the client finds them) and summarise. */
export const CHECK_FILES_METHOD = 'ttnnL1/checkFiles';

export interface CheckFilesParams {
  readonly uris: readonly string[];
}

export interface CheckFilesResult {
  readonly files: readonly { readonly uri: string; readonly overflowCount: number; readonly error?: string }[];
}

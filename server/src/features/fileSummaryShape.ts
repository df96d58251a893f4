/**
 * The status bar's figures for one document: the shape `features/timeline.fileSummary` returns and the protocol's
 * `ttnnL1/fileSummary` result carries (lsp/ext.ts). Import-free, so the client compiles it with the protocol file.
 */

export interface FileSummary {
  /** Highest CB + live L1 tensor bytes per core over all ops; null when no op is modeled. */
  readonly peakL1BytesPerCore: number | null;
  /** The same peak as L1 in use (base + CBs + live L1 tensors, `opView.l1InUseBytes`), shown against `l1SizeBytes`.
   *  This server always sets both; optional for a client talking to an older server. */
  readonly peakL1InUseBytes?: number | null;
  readonly l1SizeBytes?: number;
  /** Usable bytes per core: (l1_size − base) times the usable-L1 cap. */
  readonly limitBytesPerCore: number;
  /** Ops that exceed tt-metal's limits on every build of the window (first failure and not-reached; usable-cap
   *  warnings, rejected configurations and build-dependent overflows excluded). */
  readonly overflowCount: number;
  /** Ops whose configuration tt-metal rejects (`op-illegal`). */
  readonly illegalOpCount: number;
  /** Ops that overflow on some builds of the window only (`l1-overflow-build-dependent`). */
  readonly buildDependentOverflowCount: number;
  /** Ops that run a device program without an L1 model (an overflow there cannot be ruled out), and their names. */
  readonly unmodeledOpCount: number;
  readonly unmodeledOpNames: readonly string[];
  /** The file's verdict in words (analysis/summary.ts verdictText): never "no op overflows" while an op is unmodeled. */
  readonly verdict: string;
  /** The tt-metal builds assumed and how they were found (`tt-metal ≈ 2025-09-17..2026-01-18, from the dump's syntax: …`). */
  readonly buildWindow: string;
  /** The op tt-metal throws at first (`%9 ttnn.to_layout`) and the figure it prints (CB region end, bytes); absent when
   *  nothing throws. */
  readonly firstFailure?: { readonly op: string; readonly figureBytes: number };
}

/**
 * Quick fixes as plain data: text edits plus the verification they passed (the fixed text was re-parsed and
 * re-analysed before the fix was offered). Shared by the LSP code actions and the CLI `fix` command.
 */

import type { AnalysisOptions, OverflowKind } from '../analysis/analyze';
import type { TextRange } from '../text/textRange';

/** An edit of the analysed document (`uri: 'self'`) or of a workspace file (`uri` = the path `env` returned). */
export interface FixEdit {
  readonly uri: string;
  /** UTF-16 offsets into that file's text. */
  readonly range: TextRange;
  readonly newText: string;
}

export type FixKind =
  | 'constantPadIr'
  | 'constantPadPython'
  | 'sliceConcatPad'
  | 'layout'
  | 'deallocate'
  | 'spillToDram'
  | 'conv3dConfig'
  | 'conv2dConfig'
  | 'configTensorsInDram'
  | 'matmulConfig';

/** How one op fares in an analysis. `cbBytesPerCore` is null when the op has no L1 model. */
export interface OpFit {
  readonly functionName: string;
  readonly opIndex: number;
  readonly opName: string;
  /** First result (`%12`), or '' for ops without results. */
  readonly resultName: string;
  readonly cbBytesPerCore: number | null;
  readonly peakL1BytesPerCore: number;
  readonly fits: boolean;
  readonly overflowKind: OverflowKind | undefined;
  /** The tt-metal rule that rejects the op in some build of the window (then `fits` is false). */
  readonly illegalRule?: string;
}

export interface FailureAfter {
  readonly functionName: string;
  readonly opIndex: number;
  readonly opName: string;
  readonly resultName: string;
  readonly kind: OverflowKind;
  readonly message: string;
}

export interface FixVerification {
  /** Parse errors of the fixed text (0 for every offered fix). */
  readonly parseErrors: number;
  /** Type-consistency problems the fix introduced (empty for every offered fix). */
  readonly newTypeProblems: readonly string[];
  /** The op the fix was asked for, before and after ('removed' when a rewrite replaced it). */
  readonly targetBefore: OpFit;
  readonly targetAfter: OpFit | 'removed';
  /** Ops the fix inserted (pad, slice, concat, ...), as analysed in the fixed text. */
  readonly replacements: readonly OpFit[];
  /** The op tt-metal would now throw at first, if any (the seed: removing the pad moves the failure to the conv3d). */
  readonly firstFailureAfter: FailureAfter | undefined;
  /** Ops that overflow after the fix but did not before, or overflow by more; empty for every offered fix. */
  readonly worsened: readonly string[];
  /** One line for titles and hovers: "fits: 35 KB/core; then %24 ttnn.conv3d fails first". */
  readonly summary: string;
  /** The part of `summary` after the fit: "then %24 ttnn.conv3d fails first", "no op overflows after this". */
  readonly afterText: string;
}

export interface Fix {
  /** Stable id, e.g. `constant-pad-ir:@main:%12`, `layout:@main:%9:out:width_sharded:1x64`. */
  readonly id: string;
  readonly title: string;
  readonly kind: 'quickfix';
  readonly fixKind: FixKind;
  readonly edits: readonly FixEdit[];
  readonly verification: FixVerification;
  /** Assumptions the fix rests on (e.g. "index pattern unknown: front padding assumed"). */
  readonly notes: readonly string[];
  /**
   * Set when the fix is only right under an assumption the IR does not prove (then its title says it, it is never
   * preferred, and `ttnn-l1 fix --apply` applies it only when picked with `--only`): "if the indices are [0, 0, 1]".
   */
  readonly assumes?: string;
  readonly isPreferred: boolean;
}

/** A fix that was built but not offered, and why (verification failed, nothing fits, ...). */
export interface RejectedFix {
  readonly fixKind: FixKind;
  readonly title: string;
  readonly reason: string;
}

export interface FixesResult {
  /** Verified fixes, best first. */
  readonly fixes: readonly Fix[];
  readonly rejected: readonly RejectedFix[];
  /** When no layout fits: why (for the diagnostic), else undefined. */
  readonly layoutReason: string | undefined;
  /** When no fix is offered: why, in one line for a disabled code action and the CLI ("No verified fix: …"). */
  readonly noFixReason?: string;
}

/** The op fixes are asked for: an index into `FunctionAnalysis.ops` of the named function. */
export interface FixTarget {
  readonly functionName: string;
  readonly opIndex: number;
  /** Index into `ModuleAnalysis.functions`; disambiguates names repeated across `// -----` chunks. */
  readonly functionIndex?: number;
}

export interface PythonFile {
  /** Path as the caller knows it; used verbatim as the edit's `uri`. */
  readonly path: string;
  readonly text: string;
}

/** What the pure core may ask the caller for. */
export interface FixEnv {
  /** A workspace file whose path ends with `pathSuffix` (e.g. `mochi/single_ops.py`), or undefined. */
  readonly pythonFiles?: (pathSuffix: string) => PythonFile | undefined;
}

export interface FixOptions {
  /** The options the analysis was computed with; re-analysis uses the same. */
  readonly analysis?: AnalysisOptions;
  /** Most layout fixes to offer (default 3). */
  readonly maxLayoutFixes?: number;
  /** Full re-analyses the layout solver may spend (default 8); candidates are pre-screened per op first. */
  readonly maxLayoutVerifications?: number;
  /** Full re-analyses one `fixesFor` call may spend in all (default 16); each re-parses the whole file. */
  readonly maxVerifications?: number;
}

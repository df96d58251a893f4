/**
 * Whole-module L1 analysis: per function, execution order (executionOrder.ts), L1-resident tensor liveness
 * (liveness.ts), per-op records with estimates (records.ts, estimateCache.ts) and overflows, and the run's first failure
 * (overflow.ts); an edit in place keeps the records it leaves alone (editReuse.ts). Plain data out, linear time.
 */

import type { ParseResult } from '../mlir/syntax';
import { FULL_WINDOW, NEWEST_MODELED_BUILD, OLDEST_MODELED_BUILD } from '../estimate/changePoints';
import { type PresetName, resolveDevice } from '../ttnn/device';
import { moduleFromSyntax } from '../ttnn/fromSyntax';
import type { TtnnModule } from '../ttnn/op';
import type { ResolvedBuildWindow } from './buildWindow';
import { buildDeviceFacts } from './deviceFacts';
import { afterOpEdits } from './editReuse';
import { type EstimateReuse, estimateCache } from './estimateCache';
import { executionSteps } from './executionOrder';
import { SharedStrings } from './flatStrings';
import { liveBytesPerOp, liveIntervalsOf, sameLivenessInputs } from './liveness';
import { withL1SmallOverflows } from './l1Small';
import { l1Limits, orderOverflows, overflowOf } from './overflow';
import { functionRecord, opRecord, unanalysedRecord, type OpRecordContext } from './records';
import type { FunctionAnalysis, ModuleAnalysis, OpAnalysis } from './types';

export type * from './types';
export { type EstimateReuse, newEstimateReuse } from './estimateCache';
export {
  buildDependence,
  cbLimitBytes,
  figureFails,
  illegalMessage,
  isL1Overflow,
  l1BufferTopBytes,
  throwsAtRunTime,
} from './overflow';
export { liveIntervalsOf, liveTensorsAt } from './liveness';

export interface AnalysisOptions {
  /** Analyse against this preset instead of the file's system descriptor. */
  readonly preset?: PresetName;
  /** Force the L1 unreserved base (bytes). */
  readonly l1UnreservedBase?: number;
  /** Force the L1_SMALL region's size (bytes; default: tt-mlir's runtime's, `L1_SMALL_DEFAULT`). */
  readonly l1SmallSizeBytes?: number;
  /** Fraction of (l1_size − base) usable before a warning (default 1.0 = tt-metal's own limit). */
  readonly usableL1Cap?: number;
  /** The tt-metal builds to estimate for (callers resolve flags/settings or infer it from the dump: buildWindow.ts);
   *  default: every modeled build. */
  readonly ttMetal?: ResolvedBuildWindow;
  /** What the earlier analyses of the same document were made for: with the same settings, `previous`'s op records give
   *  the estimates of the ops an in-place edit left alone. */
  readonly reuse?: EstimateReuse;
  /** An earlier analysis of the same document (with `reuse`): a function whose liveness inputs are unchanged keeps its intervals. */
  readonly previous?: ModuleAnalysis;
}

/** Analyse an already-extracted TTNN module. */
export function analyzeTtnnModule(module: TtnnModule, options: AnalysisOptions = {}): ModuleAnalysis {
  const ttMetal: ResolvedBuildWindow = options.ttMetal ?? {
    window: FULL_WINDOW,
    source: 'none',
    how: `any tt-metal build ${OLDEST_MODELED_BUILD}..${NEWEST_MODELED_BUILD}`,
  };
  // The build window also dates the base when the file's system desc does not give a real one, and the runtime's
  // L1_SMALL (deviceFacts.ts: change points of family `device`).
  const device = resolveDevice(module.systemDesc, {
    preset: options.preset,
    l1UnreservedBase: options.l1UnreservedBase,
    l1SmallSizeBytes: options.l1SmallSizeBytes,
    buildFacts: buildDeviceFacts(ttMetal.window),
  });
  const limits = l1Limits(device, options.usableL1Cap, ttMetal.window);
  const previous = options.previous;
  const steps = executionSteps(
    module.functions,
    previous === undefined ? undefined : { functions: previous.module.functions, steps: previous.executionSteps },
  );
  const strings = new SharedStrings();
  const cache = estimateCache(device, ttMetal.window, limits.cap, options.reuse, strings);
  const ctx: OpRecordContext = { limits, ttMetal, estimate: cache.estimate, strings };

  const functions: FunctionAnalysis[] = [];
  for (const [functionIndex, fn] of module.functions.entries()) {
    if (fn.isDeclaration || fn.inCpuModule) {
      functions.push(unanalysedRecord(fn));
      continue;
    }
    const fnSteps = steps.get(fn);
    const earlier = cache.sameSettings ? options.previous?.functions[functionIndex] : undefined;
    const edited = earlier === undefined ? undefined : afterOpEdits(earlier, fn, fnSteps, ctx);
    if (edited !== undefined) {
      functions.push(edited);
      continue;
    }
    const intervals =
      earlier !== undefined && sameLivenessInputs(earlier.fn, fn, device)
        ? earlier.liveIntervals
        : liveIntervalsOf(fn, device);
    const live = liveBytesPerOp(fn.ops.length, intervals);
    // Made at its length: grown by push, a 50k-op function's list left its outgrown copies as old garbage.
    const ops = new Array<OpAnalysis>(fn.ops.length);
    // The earlier records give the estimates of the ops an edit left alone (estimateCache.ts `EstimateReuse`).
    const earlierOps = earlier?.ops;
    for (let i = 0; i < fn.ops.length; i++)
      ops[i] = opRecord(ctx, fn.ops[i]!, i, live[i]!, fnSteps?.[i], earlierOps?.[i]);
    functions.push(functionRecord(fn, ops, intervals, fnSteps !== undefined));
  }

  // L1_SMALL fills across ops and functions in execution order: decided once every op has its estimate.
  const withSmall = withL1SmallOverflows(
    functions,
    device,
    ttMetal.window,
    (opA) => overflowOf(opA.estimate, opA.liveL1TensorBytesPerCore, limits, ttMetal, strings),
    strings,
  );
  // Op lists made by this analysis may be written in place; one kept from the previous analysis may not.
  const ordered = orderOverflows(
    withSmall,
    (i) => withSmall[i]!.ops !== functions[i]!.ops || options.previous?.functions[i]?.ops !== functions[i]!.ops,
  );
  let peak: ModuleAnalysis['peak'];
  for (const [i, f] of ordered.functions.entries()) {
    if (f.peak !== undefined && (peak === undefined || f.peak.bytesPerCore > peak.bytesPerCore)) {
      peak = { functionName: f.fn.name, functionIndex: i, opIndex: f.peak.opIndex, bytesPerCore: f.peak.bytesPerCore };
    }
  }
  return {
    device,
    ttMetal,
    usableL1Cap: limits.cap,
    limitBytesPerCore: limits.capLimit,
    functions: ordered.functions,
    overflows: ordered.overflows,
    firstFailure: ordered.firstFailure,
    peak,
    module,
    executionSteps: steps,
  };
}

/** Parse tree → analysis (the entry point for the LSP server and the CLI). Never throws on user input. */
export function analyzeModule(parse: ParseResult, options: AnalysisOptions = {}): ModuleAnalysis {
  return analyzeTtnnModule(moduleFromSyntax(parse), options);
}

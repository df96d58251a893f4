/**
 * Ops whose ttnn entry point runs several device programs in sequence (a to_layout before the kernel, a typecast
 * after it, …). tt-metal allocates each program's CBs when it runs and frees them before the next, so the op's CB
 * figure is the largest step's; graph capture's `cb_peak_size_per_core` is that maximum too (tt-mlir OpModel goldens
 * of repeat, embedding with tiled weights, rand, quantize: ttmlir-memory.md).
 *
 * Steps are estimated by the ordinary estimators on synthetic ops (`stepOp`), so a step is exactly what the lone op
 * would cost. The result keeps the op's own results (their L1 footprint) and lists every step's figure.
 */

import type { DataType } from '../../ttnn/dtype';
import type { BufferType, MemoryLayout, PageLayout, TensorLayout } from '../../ttnn/layout';
import { paddedShape } from '../../ttnn/layout';
import { opWith, type PropValue, type TensorSpec, type TtnnOp, type ValueSpec } from '../../ttnn/op';
import { outputsInL1 } from '../common';
import type { EstimateContext, L1Intermediate, OpEstimate, OpEstimateResult, WriterProgram } from '../types';
import { unmodeled } from '../types';
import { estimateToLayout } from './toLayout';

export interface SpecChanges {
  readonly dims?: readonly number[];
  readonly pageLayout?: PageLayout;
  readonly dtype?: DataType;
  readonly bufferType?: BufferType;
  /** Interleaved (the default for a changed buffer) or keep the base's. */
  readonly memoryLayout?: MemoryLayout;
}

/** A tensor like `base` with some placement fields changed; interleaved layouts get tt-mlir's canonical memref. */
export function specWith(base: TensorSpec, changes: SpecChanges): TensorSpec {
  if (base.layout.kind !== 'layout' || base.shape.kind !== 'known') return base;
  const dims = changes.dims ?? base.shape.dims;
  const pageLayout = changes.pageLayout ?? base.layout.pageLayout;
  const dtype = changes.dtype ?? base.layout.dtype;
  const bufferType = changes.bufferType ?? base.layout.bufferType;
  const memoryLayout =
    changes.memoryLayout ??
    (changes.bufferType !== undefined || changes.dims !== undefined ? 'interleaved' : base.layout.memoryLayout);
  let shardShape = base.layout.shardShape;
  let gridShape = base.layout.gridShape;
  if (memoryLayout === 'interleaved' || memoryLayout === undefined) {
    const padded = paddedShape(dims.length === 0 ? [1] : dims, pageLayout);
    const w = padded[padded.length - 1] ?? 1;
    let vol = 1;
    for (const d of padded) vol *= d;
    const rows = w === 0 ? 0 : vol / w;
    shardShape = pageLayout === 'tile' ? [rows / 32, w / 32] : [rows, w];
    gridShape = base.layout.gridShape;
  }
  const layout: TensorLayout = {
    ...base.layout,
    pageLayout,
    dtype,
    bufferType,
    memoryLayout: bufferType === 'system_memory' ? undefined : memoryLayout,
    shardShape,
    gridShape,
    coreRanges: memoryLayout === base.layout.memoryLayout ? base.layout.coreRanges : undefined,
  };
  return { kind: 'tensor', shape: { kind: 'known', dims }, elementDtype: dtype, layout, layoutAlias: '' };
}

/** A synthetic op for one step of a composite (same text range as the real op; no names). */
export function stepOp(
  op: TtnnOp,
  name: string,
  operands: readonly ValueSpec[],
  results: readonly ValueSpec[],
  properties: Record<string, PropValue> = {},
): TtnnOp {
  return opWith(op, {
    name,
    operands,
    results,
    properties,
    resultNames: results.map((_, i) => `%step${i}`),
    operandNames: operands.map((_, i) => `%in${i}`),
  });
}

export interface Step {
  /** What the step does, e.g. `untilize weights`. */
  readonly label: string;
  readonly result: OpEstimateResult;
  /** The step's result stays allocated until the composite's last program has run (an operand of that program, not
   *  only of the next one): gather's tiled copies. Absent: freed once the next program has run. */
  readonly resultHeldToLast?: boolean;
  /** The result's L1 bytes per core when they are not the step's own output figure: 0 for a result whose placement
   *  is not read (row-major reductions' tiled result before the untilize). Absent: `l1TensorBytesPerCore`. */
  readonly resultBytesPerCore?: number;
}

/**
 * The figure of a composite: an illegal step makes the op illegal; otherwise the step with the largest worst-core
 * CB region (ties: the later step) is reported, with every step's figure in the reason. Unmodeled when any step that
 * runs a program is unmodeled (its CBs could be the largest). With `firstBeyondL1`, a step whose CB region ends past
 * the L1 size is reported instead, the first such in execution order: tt-metal throws at that program, so its figure
 * is the one printed, even when a later step's CBs would be larger (tt-forge-onnx #1655's tiled reshapes: the row-major
 * reshape, not the larger tilize after it; threads-datamove.test.ts).
 *
 * Every program is also checked where it runs (`programsInTurn`): the programs before the last are `l1Intermediates`
 * whose `writerProgram` is the step's, so the analysis checks each against the L1 buffers live at its step, in order,
 * and the first that fails, past L1 or clashing, is the one reported (analysis/overflow.ts walkIntermediates).
 */
export function largestStep(
  op: TtnnOp,
  ctx: EstimateContext,
  steps: readonly Step[],
  how: {
    readonly confidence?: 'exact' | 'approx';
    readonly approxReason?: string;
    readonly citations?: readonly string[];
    readonly firstBeyondL1?: boolean;
  } = {},
): OpEstimateResult {
  for (const s of steps)
    if (s.result.kind === 'illegal') return { ...s.result, opName: op.name, rule: `${s.label}: ${s.result.rule}` };
  for (const s of steps) if (s.result.kind === 'unmodeled') return unmodeled(op.name, `${s.label}: ${s.result.reason}`);
  const chosenIndex = reportedStepIndex(steps, ctx, how.firstBeyondL1 === true);
  const chosenStep = steps[chosenIndex];
  if (chosenStep === undefined || chosenStep.result.kind !== 'estimate')
    return unmodeled(op.name, 'no step of the composite runs a device program');
  const chosen = { step: chosenStep, est: chosenStep.result };
  const summary = steps
    .map(
      (s) =>
        `${s.label}: ${s.result.kind === 'estimate' ? `${s.result.factory} ${s.result.worstCbBytesPerCore} B` : 'no program'}`,
    )
    .join('; ');
  const approxReasons = [
    how.approxReason,
    ...steps.map((s) =>
      s.result.kind === 'estimate' && s.result.confidence === 'approx'
        ? `${s.label}: ${s.result.approxReason}`
        : undefined,
    ),
  ].filter((r): r is string => r !== undefined && r !== '');
  const outputs = outputsInL1(op, ctx);
  const citations = [
    ...(how.citations ?? []),
    ...steps.flatMap((s) => (s.result.kind === 'estimate' ? s.result.citations : [])),
  ];
  const inTurn = programsInTurn(steps, chosenIndex);
  if (inTurn.heldBeyondOwnStep !== '')
    approxReasons.push(
      `the own L1 tensors of ${inTurn.heldBeyondOwnStep} are taken as held until the last program (one walk frees one tensor at a time)`,
    );
  const confidence = how.confidence === 'approx' || approxReasons.length > 0 ? 'approx' : 'exact';
  // The chosen step's own tensors and last program are replaced by those of every program in turn.
  const chosenRest: Omit<OpEstimate, OwnTensorKeys> & { -readonly [K in OwnTensorKeys]?: OpEstimate[K] } = {
    ...chosen.est,
  };
  delete chosenRest.l1Intermediates;
  delete chosenRest.l1IntermediateBytesPerCore;
  delete chosenRest.lastProgram;
  const intermediateBytes = inTurn.intermediates.reduce((n, t) => n + t.bytesPerCore, 0);
  return {
    ...chosenRest,
    ...(intermediateBytes > 0 && { l1IntermediateBytesPerCore: intermediateBytes }),
    ...(inTurn.intermediates.length > 0 && { l1Intermediates: inTurn.intermediates }),
    ...(inTurn.lastProgram !== undefined && { lastProgram: inTurn.lastProgram }),
    opName: op.name,
    factory: chosen.est.factory,
    factoryReason: `${steps.length} programs run in turn (${summary}); ${
      how.firstBeyondL1 === true && chosen.est.cbRegionEndBytes > ctx.device.l1SizeBytes
        ? 'the first past L1'
        : 'the largest'
    } is ${chosen.step.label}: ${chosen.est.factoryReason}`,
    cbBytesSummedOverRanges: chosen.est.cbBytesSummedOverRanges,
    outputs,
    l1TensorBytesPerCore: outputs.reduce((n, o) => n + o.bytesPerCore, 0),
    confidence,
    approxReason: confidence === 'approx' ? approxReasons.join('; ') : '',
    citations: [...new Set(citations)],
    notes: [...chosen.est.notes, `composite: ${steps.map((s) => s.label).join(' → ')}`],
  };
}

type OwnTensorKeys = 'l1Intermediates' | 'l1IntermediateBytesPerCore' | 'lastProgram';

/** A step's program as the analysis checks it where it runs: its worst core's CBs, the range and figure it prints. */
export function programOf(step: Step, est: OpEstimate): WriterProgram {
  if (est.lastProgram !== undefined) return { ...est.lastProgram, name: `${step.label}: ${est.lastProgram.name}` };
  // Two literals, not a conditional spread: a property after a spread in a literal is a runtime call.
  const name = `${step.label} (${est.factory})`;
  const printedRange = est.reportedRange ?? [est.reportedCore, est.reportedCore];
  const factory = est.programFactory ?? est.factory;
  return est.cbBytesPerCore === est.worstCbBytesPerCore
    ? { name, cbBytesPerCore: est.worstCbBytesPerCore, printedRange, factory }
    : {
        name,
        cbBytesPerCore: est.worstCbBytesPerCore,
        printedRange,
        printedCbBytesPerCore: est.cbBytesPerCore,
        factory,
      };
}

/**
 * The programs of a composite in the order they run, as the analysis walks an op's own L1 tensors: each program before
 * the last writes its result (in L1 or not: 0 B) and is checked right after that allocation with every tensor then
 * live (the op's inputs and the tensors around it, the earlier results not yet freed, the step's own L1 tensors). A
 * result is freed once the next program has run (`freedLeavesHole`: tt-metal's allocator moves nothing up into it),
 * the last program's input and `resultHeldToLast` ones only after the last program. The last program's own L1 tensors
 * follow, and it is `lastProgram` when the reported step (`chosenIndex`) is another. A step before the last that has
 * own L1 tensors keeps them until the last program (`heldBeyondOwnStep` names such steps: an over-estimate).
 */
function programsInTurn(
  steps: readonly Step[],
  chosenIndex: number,
): { intermediates: L1Intermediate[]; lastProgram?: WriterProgram; heldBeyondOwnStep: string } {
  const programs: { index: number; step: Step; est: OpEstimate }[] = [];
  steps.forEach((step, index) => {
    if (step.result.kind === 'estimate') programs.push({ index, step, est: step.result });
  });
  const intermediates: L1Intermediate[] = [];
  const held: string[] = [];
  const lastIndex = programs.length - 1;
  programs.forEach(({ step, est }, i) => {
    if (i === lastIndex) {
      intermediates.push(...(est.l1Intermediates ?? []));
      return;
    }
    if (est.l1Intermediates !== undefined && est.l1Intermediates.length > 0) {
      intermediates.push(...est.l1Intermediates);
      // Holding 0 B (results in DRAM: a linear's matmul before its activation) longer over-estimates nothing.
      if (est.l1Intermediates.some((t) => t.bytesPerCore > 0)) held.push(step.label);
    }
    intermediates.push({
      role: `result of ${step.label}`,
      bytesPerCore: step.resultBytesPerCore ?? est.l1TensorBytesPerCore,
      liveDuringProgram: step.resultHeldToLast === true || i === lastIndex - 1,
      freedLeavesHole: true,
      writerProgram: programOf(step, est),
    });
  });
  const last = programs[lastIndex];
  const lastProgram =
    last === undefined ? undefined : last.index !== chosenIndex ? programOf(last.step, last.est) : last.est.lastProgram;
  return { intermediates, ...(lastProgram !== undefined && { lastProgram }), heldBeyondOwnStep: held.join(', ') };
}

/**
 * The index of the step `largestStep` reports (−1 when no step runs a program): the largest worst-core CB region, ties
 * to the later step; with `firstBeyondL1`, the first step whose CB region ends past the L1 size, when one does. It
 * decides the figure shown; which program fails first is the analysis's walk over `programsInTurn`.
 */
export function reportedStepIndex(steps: readonly Step[], ctx: EstimateContext, firstBeyondL1: boolean): number {
  if (firstBeyondL1) {
    const first = steps.findIndex(
      (s) => s.result.kind === 'estimate' && s.result.cbRegionEndBytes > ctx.device.l1SizeBytes,
    );
    if (first >= 0) return first;
  }
  let chosen = -1;
  let chosenWorst = -1;
  steps.forEach((s, i) => {
    if (s.result.kind === 'estimate' && s.result.worstCbBytesPerCore >= chosenWorst) {
      chosen = i;
      chosenWorst = s.result.worstCbBytesPerCore;
    }
  });
  return chosen;
}

/** A `ttnn.to_layout` step converting `from` to `pageLayout` (same placement), as tt-metal's composites do. */
export function toLayoutStep(
  op: TtnnOp,
  ctx: EstimateContext,
  label: string,
  from: TensorSpec,
  pageLayout: PageLayout,
  changes: SpecChanges = {},
): { step: Step; to: TensorSpec } {
  const to = specWith(from, { ...changes, pageLayout });
  return { step: { label, result: estimateToLayout(stepOp(op, 'ttnn.to_layout', [from], [to]), ctx) }, to };
}

/**
 * `op` with every tensor result placed like `input` (same buffer, interleaved): for composites whose last step ignores
 * the requested memory config and keeps the input's (ttnn's default `memory_config.value_or(input.memory_config())`).
 * A sharded or host input leaves `op` as it is: its shard spec cannot describe a result of another shape.
 */
export function withResultsPlacedLike(op: TtnnOp, input: ValueSpec | undefined): TtnnOp {
  if (input?.kind !== 'tensor' || input.layout.kind !== 'layout') return op;
  const { bufferType, memoryLayout } = input.layout;
  if (bufferType === 'system_memory' || (memoryLayout !== undefined && memoryLayout !== 'interleaved')) return op;
  const results = op.results.map((r) =>
    r.kind === 'tensor' && r.layout.kind === 'layout' ? specWith(r, { bufferType, memoryLayout: 'interleaved' }) : r,
  );
  return opWith(op, { results });
}

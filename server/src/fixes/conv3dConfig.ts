/**
 * Quick fix for an overflowing `ttnn.conv3d`: a `conv3d_config` whose blocking (C_in block, C_out block, T/H/W output
 * blocks) the estimator says fits, restricted to what tt-metal's Conv3dOp::validate accepts:
 *   C_out_block divides C_out and is a multiple of 32; C_in_block divides C_in and is a multiple of the L1 alignment
 *   (we require 32, tile alignment, which every build accepts); C_in / C_in_block ≤ grid cores; grid ≤ device grid
 *   (tt-metal ttnn/cpp/ttnn/operations/experimental/conv3d/device/conv3d_device_operation.cpp@021df86, validate).
 * Search: the largest C_in block that fits with some C_out block (fewer cross-core reductions), then the largest C_out
 * block, then output blocks grown (W, H, T; divisors of the output dims) while T·H·W ≤ 32 patches (one tile row of the
 * matmul) and it still fits. Written as `#ttnn.conv3d_config<...>` with the dump's grid dialect (`#ttcore.grid` or
 * `#tt.grid`: the op's own config's, else the file's core dialect from its syntax tree, fileMarks.ts), in the field
 * order tt-mlir prints; verified by re-analysis like every fix.
 */

import type { FunctionAnalysis, OpAnalysis } from '../analysis/analyze';
import { estimateOp } from '../estimate/registry';
import type { EstimateContext } from '../estimate/types';
import { dialectNameOf, fieldValue } from '../ttnn/dialectFields';
import { opWith, type PropValue, type TtnnOp } from '../ttnn/op';
import { propertyEdit, type SyntaxFunction } from './edits';
import { fileMarks } from './fileMarks';
import type { Fix, RejectedFix } from './types';
import type { Baseline } from './verify';
import { formatBytes, verifyCandidate } from './verify';

export interface Conv3dBlocking {
  readonly tOutBlock: number;
  readonly hOutBlock: number;
  readonly wOutBlock: number;
  readonly cOutBlock: number;
  readonly cInBlock: number;
  /** Grid as tt-mlir prints it, rows x cols. */
  readonly grid: readonly [number, number];
}

const CITE_VALIDATE = 'tt-metal conv3d_device_operation.cpp@021df86 (Conv3dOp::validate)';

/** Divisors of n that are multiples of `step`, largest first (none for implausibly large n: bounded work). */
function divisorsDescending(n: number, step: number): number[] {
  const out: number[] = [];
  if (!(n > 0) || n > 1 << 20) return out;
  for (let d = n; d >= step; d--) if (n % d === 0 && d % step === 0) out.push(d);
  return out;
}

/** Why tt-metal would reject the blocking, or undefined. */
export function conv3dBlockingProblem(
  b: Conv3dBlocking,
  cIn: number,
  cOut: number,
  deviceGrid: readonly [number, number],
): string | undefined {
  if (cOut % b.cOutBlock !== 0 || b.cOutBlock % 32 !== 0)
    return `C_out_block ${b.cOutBlock} must be a multiple of 32 and divide ${cOut} output channels`;
  if (cIn % b.cInBlock !== 0 || b.cInBlock % 32 !== 0)
    return `C_in_block ${b.cInBlock} must be a multiple of 32 and divide ${cIn} input channels`;
  if (b.grid[0] > deviceGrid[0] || b.grid[1] > deviceGrid[1])
    return `grid ${b.grid[0]}x${b.grid[1]} exceeds the device grid`;
  if (cIn / b.cInBlock > b.grid[0] * b.grid[1])
    return `${cIn / b.cInBlock} C_in blocks exceed the ${b.grid[0] * b.grid[1]} cores`;
  return undefined;
}

export function conv3dConfigText(b: Conv3dBlocking, gridDialect: 'ttcore' | 'tt'): string {
  return (
    `#ttnn.conv3d_config<t_out_block = ${b.tOutBlock}, w_out_block = ${b.wOutBlock}, h_out_block = ${b.hOutBlock}, ` +
    `c_out_block = ${b.cOutBlock}, c_in_block = ${b.cInBlock}, compute_with_storage_grid_size = #${gridDialect}.grid<${b.grid[0]}x${b.grid[1]}>>`
  );
}

function withBlocking(op: TtnnOp, b: Conv3dBlocking): TtnnOp {
  const fields: Record<string, string> = {
    t_out_block: String(b.tOutBlock),
    w_out_block: String(b.wOutBlock),
    h_out_block: String(b.hOutBlock),
    c_out_block: String(b.cOutBlock),
    c_in_block: String(b.cInBlock),
    compute_with_storage_grid_size: `#ttcore.grid<${b.grid[0]}x${b.grid[1]}>`,
  };
  const cfg: PropValue = {
    kind: 'dialect',
    name: 'ttnn.conv3d_config',
    text: conv3dConfigText(b, 'ttcore'),
    items: Object.entries(fields).map(([k, v]) => `${k}=${v}`),
    fields,
  };
  return opWith(op, { properties: { ...op.properties, conv3d_config: cfg } });
}

/** CB region end of the op under a blocking, or undefined when the estimator gives no figure. */
function regionEnd(op: TtnnOp, b: Conv3dBlocking, ctx: EstimateContext): number | undefined {
  const r = estimateOp(withBlocking(op, b), ctx);
  return r.kind === 'estimate' ? r.cbRegionEndBytes : undefined;
}

/** The blocking to propose: fits under `limit` (bytes of L1 the CB region may reach), tt-metal-valid, largest blocks first. */
export function chooseConv3dBlocking(op: TtnnOp, ctx: EstimateContext, limit: number): Conv3dBlocking | string {
  const input = op.operands[0];
  const out = op.results[0];
  if (input?.kind !== 'tensor' || input.shape.kind !== 'known' || out?.kind !== 'tensor' || out.shape.kind !== 'known')
    return 'conv3d shapes unknown';
  const cIn = input.shape.dims[4];
  const cOut = out.shape.dims[4];
  const [tOut, hOut, wOut] = [out.shape.dims[1], out.shape.dims[2], out.shape.dims[3]];
  if (cIn === undefined || cOut === undefined || tOut === undefined || hOut === undefined || wOut === undefined)
    return 'conv3d expects rank-5 tensors';
  const grid = ctx.device.workerGrid;
  const base: Omit<Conv3dBlocking, 'cInBlock' | 'cOutBlock'> = { tOutBlock: 1, hOutBlock: 1, wOutBlock: 1, grid };
  const fits = (b: Conv3dBlocking): boolean =>
    conv3dBlockingProblem(b, cIn, cOut, grid) === undefined && (regionEnd(op, b, ctx) ?? Infinity) <= limit;
  const cOutBlocks = divisorsDescending(cOut, 32);
  let chosen: Conv3dBlocking | undefined;
  for (const cInBlock of divisorsDescending(cIn, 32)) {
    if (cIn / cInBlock > grid[0] * grid[1]) break;
    // The smallest C_out block is the cheapest: if it does not fit, no C_out block does with this C_in block.
    const smallest = cOutBlocks[cOutBlocks.length - 1];
    if (smallest === undefined || !fits({ ...base, cInBlock, cOutBlock: smallest })) continue;
    const cOutBlock = cOutBlocks.find((c) => fits({ ...base, cInBlock, cOutBlock: c }));
    if (cOutBlock !== undefined) {
      chosen = { ...base, cInBlock, cOutBlock };
      break;
    }
  }
  if (chosen === undefined)
    return `no tt-metal-valid blocking (C_in and C_out blocks multiples of 32 dividing ${cIn} and ${cOut}) fits`;
  let best: Conv3dBlocking = chosen;
  // Grow the output blocks while the patches stay within one tile row of the matmul and the CBs fit.
  for (const dim of ['wOutBlock', 'hOutBlock', 'tOutBlock'] as const) {
    const extent = dim === 'wOutBlock' ? wOut : dim === 'hOutBlock' ? hOut : tOut;
    for (const d of divisorsDescending(extent, 1)) {
      const next: Conv3dBlocking = { ...best, [dim]: d };
      if (next.tOutBlock * next.hOutBlock * next.wOutBlock > 32) continue;
      if (d <= best[dim]) break;
      if (fits(next)) {
        best = next;
        break;
      }
    }
  }
  return best;
}

export function conv3dConfigFixes(
  base: Baseline,
  sfn: SyntaxFunction,
  fa: FunctionAnalysis,
): { fixes: Fix[]; rejected: RejectedFix[] } {
  const target: OpAnalysis | undefined = fa.ops[base.target.opIndex];
  const sop = sfn.bodyOps[base.target.opIndex];
  if (target === undefined || sop === undefined || target.op.name !== 'ttnn.conv3d') return { fixes: [], rejected: [] };
  const title0 = 'Set conv3d_config blocking';
  const ctx: EstimateContext = {
    device: base.analysis.device,
    ttMetal: { window: base.analysis.ttMetal.window },
    liveL1BytesPerCore: target.liveL1TensorBytesPerCore,
  };
  const limit = ctx.device.l1SizeBytes - target.liveL1TensorBytesPerCore;
  const blocking = chooseConv3dBlocking(target.op, ctx, limit);
  if (typeof blocking === 'string')
    return { fixes: [], rejected: [{ fixKind: 'conv3dConfig', title: title0, reason: blocking }] };
  // The grid dialect of the op's own config if it has one (as the view read it), else the name the file's core dialect
  // goes by in its syntax tree (fileMarks: its attributes and types, not comments or strings); `ttcore`, the current
  // name, when it shows neither.
  const writtenGrid = dialectNameOf(
    fieldValue(target.op.properties['conv3d_config'], 'compute_with_storage_grid_size'),
  );
  const marks = fileMarks(sfn.file);
  const gridDialect =
    writtenGrid === 'tt.grid' || writtenGrid === 'ttcore.grid'
      ? writtenGrid === 'tt.grid'
        ? 'tt'
        : 'ttcore'
      : marks.ttDialect && !marks.ttcoreDialect
        ? 'tt'
        : 'ttcore';
  const text = conv3dConfigText(blocking, gridDialect);
  const edit = propertyEdit(sop, 'conv3d_config', text);
  if (typeof edit === 'string')
    return { fixes: [], rejected: [{ fixKind: 'conv3dConfig', title: title0, reason: edit }] };
  const cb = estimateOp(withBlocking(target.op, blocking), ctx);
  const cbText = cb.kind === 'estimate' ? `${formatBytes(cb.cbBytesPerCore)} of CBs per core` : 'fits';
  const input = target.op.operands[0];
  const cIn = input?.kind === 'tensor' && input.shape.kind === 'known' ? input.shape.dims[4] : undefined;
  const title = `${title0}: c_in_block ${blocking.cInBlock}, c_out_block ${blocking.cOutBlock}, t/h/w out blocks ${blocking.tOutBlock}/${blocking.hOutBlock}/${blocking.wOutBlock} (${cbText})`;
  const outcome = verifyCandidate(base, { edits: [edit], removesTarget: false, replacementResults: [] });
  if (!outcome.ok) return { fixes: [], rejected: [{ fixKind: 'conv3dConfig', title, reason: outcome.reason }] };
  const then = outcome.verification.afterText;
  const notes = [
    `valid for tt-metal: ${CITE_VALIDATE}`,
    ...(cIn !== undefined && blocking.cInBlock < cIn
      ? [
          `weights must be laid out for c_in_block = ${blocking.cInBlock} (ttnn.prepare_conv3d_weights / tt-mlir's --ttnn-prepare-conv3d-weights read it from this config); pre-prepared weight arguments for one C_in block need re-preparing`,
        ]
      : []),
  ];
  return {
    fixes: [
      {
        id: `conv3d-config:${fa.fn.name}:${target.op.resultNames[0] ?? target.index}:${blocking.cInBlock}x${blocking.cOutBlock}`,
        title: `${title} · ${then}`,
        kind: 'quickfix',
        fixKind: 'conv3dConfig',
        edits: [edit],
        verification: outcome.verification,
        notes,
        isPreferred: false,
      },
    ],
    rejected: [],
  };
}

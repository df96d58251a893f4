/**
 * Quick fixes for an overflowing `ttnn.matmul` / `ttnn.linear`: an explicit `matmul_program_config` with smaller blocks
 * than the config in use (the IR's, or the one tt-metal would generate: estimate/ops/matmulConfig.ts). Same factory,
 * grid and per_core_M / per_core_N (so the output blocks still cover the output on the same cores); searched:
 *   - in0_block_w: divisors of Kt up to the current one (tt-metal: "Kt must be divisible by in0_block_w");
 *   - out_block_h / out_block_w (mcast factories): divisors of per_core_M / per_core_N up to the current block
 *     ("per_core_M must be divisible by out_block_h", likewise N);
 *   - out_subblock: the first (h, w) of tt-metal's SUBBLOCK_HW_CHOICES order with h·w ≤ 8 (4 under fp32 accumulation:
 *     the dest register limit) dividing the out block; with a sharded output also out_subblock_w = per_core_N or
 *     out_subblock_h = 1, and out_block_w = per_core_N or out_block_h = 1 (the sharded-output TT_FATALs).
 * An explicit config keeps its text (fields rewritten in place: the dump's era); an auto config is printed with
 * matmulConfigAttribute. Largest out block first, then largest in0_block_w (fewest K passes); each candidate is pre-screened with the estimator
 * and the first two that fit are verified by re-analysis. Operands a or b sharded (in0_block_w is then tied to the
 * shard width), the non-reuse factory (no attribute in tt-mlir) and the DRAM-sharded factory are not searched.
 * References: tt-metal ttnn/cpp/ttnn/operations/matmul/device/matmul_device_operation.cpp (validate: divisibility and
 * sharded-output subblock rules), config/matmul_program_config.cpp@001cea9 (SUBBLOCK_HW_CHOICES).
 */

import type { FunctionAnalysis } from '../analysis/analyze';
import { estimateOp } from '../estimate/registry';
import type { EstimateContext } from '../estimate/types';
import { matmulConfigInUse } from '../estimate/ops/matmul';
import type { MatmulConfig } from '../estimate/ops/matmulConfig';
import { matmulConfigAttribute, SUBBLOCK_HW_CHOICES } from '../estimate/ops/matmulConfig';
import { opWith, type PropValue, type TtnnOp } from '../ttnn/op';
import { propertyEdit, type SyntaxFunction } from './edits';
import type { Fix, RejectedFix } from './types';
import type { Baseline } from './verify';
import { formatBytes, verifyCandidate } from './verify';

/** At most this many candidates are estimated (bounded work for huge per-core blocks). */
const MAX_SCREENED = 400;

function divisorsUpTo(n: number, max: number): number[] {
  const out: number[] = [];
  if (!(n > 0) || n > 1 << 16) return out;
  for (let d = Math.min(n, max); d >= 1; d--) if (n % d === 0) out.push(d);
  return out;
}

function subblock(bh: number, bw: number, perCoreN: number, fp32: boolean, outSharded: boolean): [number, number] {
  const dest = fp32 ? 4 : 8;
  for (const [h, w] of SUBBLOCK_HW_CHOICES) {
    if (h * w > dest || bh % h !== 0 || bw % w !== 0) continue;
    if (outSharded && w !== perCoreN && h !== 1) continue;
    return [h, w];
  }
  return [1, 1];
}

function withConfig(op: TtnnOp, c: MatmulConfig, text: string): TtnnOp {
  const fields: Record<string, string> = {
    compute_with_storage_grid_size: `${c.gridX},${c.gridY}`,
    in0_block_w: String(c.in0BlockW),
    out_subblock_h: String(c.outSubblockH),
    out_subblock_w: String(c.outSubblockW),
    out_block_h: String(c.outBlockH),
    out_block_w: String(c.outBlockW),
    per_core_m: String(c.perCoreM),
    per_core_n: String(c.perCoreN),
    fuse_batch: String(c.fuseBatch),
    mcast_in0: String(c.mcastIn0),
    transpose_mcast: String(c.transposeMcast),
  };
  const name = /^#(ttnn\.[a-z0-9_]+)</.exec(text)?.[1] ?? '';
  const cfg: PropValue = {
    kind: 'dialect',
    name,
    text,
    items: Object.entries(fields).map(([k, v]) => `${k}=${v}`),
    fields,
  };
  const props = { ...op.properties, matmul_program_config: cfg };
  delete (props as Record<string, PropValue>)['program_config'];
  return opWith(op, { properties: props });
}

/**
 * The IR's own config text with the searched fields rewritten in place, so the dump's era keeps its field set and
 * spelling; undefined when a field to change is absent (an out block left out means per_core, its default).
 */
function rewrittenText(original: string, c: MatmulConfig): string | undefined {
  let text = original;
  const changes: [string, number, number | undefined][] = [
    ['in0_block_w', c.in0BlockW, undefined],
    ['out_subblock_h', c.outSubblockH, undefined],
    ['out_subblock_w', c.outSubblockW, undefined],
    ['out_block_h', c.outBlockH, c.perCoreM],
    ['out_block_w', c.outBlockW, c.perCoreN],
  ];
  for (const [name, value, absentMeans] of changes) {
    const re = new RegExp(`(\\b${name}\\s*=\\s*)\\d+`);
    if (!re.test(text)) {
      if (absentMeans === value) continue;
      return undefined;
    }
    text = text.replace(re, `$1${value}`);
  }
  return text;
}

export function matmulConfigFixes(
  base: Baseline,
  sfn: SyntaxFunction,
  fa: FunctionAnalysis,
): { fixes: Fix[]; rejected: RejectedFix[] } {
  const target = fa.ops[base.target.opIndex];
  const sop = sfn.bodyOps[base.target.opIndex];
  if (
    target === undefined ||
    sop === undefined ||
    (target.op.name !== 'ttnn.matmul' && target.op.name !== 'ttnn.linear')
  )
    return { fixes: [], rejected: [] };
  const title0 = 'Set a smaller matmul_program_config';
  const reject = (reason: string) => ({
    fixes: [],
    rejected: [{ fixKind: 'matmulConfig' as const, title: title0, reason }],
  });
  const ctx: EstimateContext = {
    device: base.analysis.device,
    ttMetal: { window: base.analysis.ttMetal.window },
    liveL1BytesPerCore: target.liveL1TensorBytesPerCore,
  };
  const inUse = matmulConfigInUse(target.op, ctx);
  if (typeof inUse === 'string') return reject(inUse);
  const cur = inUse.config;
  if (inUse.operandsSharded) return reject('a or b is sharded: in0_block_w is tied to the shard, not searched');
  if (
    cur.kind === 'MatmulMultiCoreProgramConfig' ||
    cur.kind === 'MatmulMultiCoreNonOptimizedReuseProgramConfig' ||
    cur.kind === 'MatmulMultiCoreReuseMultiCastDRAMShardedProgramConfig'
  )
    return reject(`${cur.kind}: no smaller blocking to search`);
  const hasOutBlock = cur.kind !== 'MatmulMultiCoreReuseProgramConfig';
  const candidates: MatmulConfig[] = [];
  const hs = hasOutBlock ? divisorsUpTo(cur.perCoreM, cur.outBlockH) : [cur.perCoreM];
  const ws = hasOutBlock ? divisorsUpTo(cur.perCoreN, cur.outBlockW) : [cur.perCoreN];
  const blocks: [number, number][] = [];
  for (const h of hs) for (const w of ws) if (!inUse.outSharded || w === cur.perCoreN || h === 1) blocks.push([h, w]);
  blocks.sort((x, y) => y[0] * y[1] - x[0] * x[1] || y[0] - x[0]);
  for (const [bh, bw] of blocks) {
    for (const k of divisorsUpTo(inUse.kt, cur.in0BlockW)) {
      if (bh === cur.outBlockH && bw === cur.outBlockW && k === cur.in0BlockW) continue;
      const [sh, sw] = subblock(bh, bw, cur.perCoreN, inUse.fp32DestAcc, inUse.outSharded);
      candidates.push({ ...cur, in0BlockW: k, outBlockH: bh, outBlockW: bw, outSubblockH: sh, outSubblockW: sw });
    }
  }
  const explicit = target.op.properties['matmul_program_config'] ?? target.op.properties['program_config'];
  const entry = sop.properties?.entries.find((e) => e.name === 'matmul_program_config' || e.name === 'program_config');
  const entryValue =
    entry === undefined ? undefined : base.text.slice(entry.range.start, entry.range.end).replace(/^[^=]*=\s*/, '');
  const original =
    !inUse.auto && explicit !== undefined && explicit.kind === 'dialect' && entryValue?.startsWith('#ttnn.') === true
      ? entryValue
      : undefined;
  const limit = ctx.device.l1SizeBytes - target.liveL1TensorBytesPerCore;
  const fixes: Fix[] = [];
  const rejected: RejectedFix[] = [];
  let screened = 0;
  for (const c of candidates) {
    if (fixes.length >= 2 || screened >= MAX_SCREENED) break;
    const text = original !== undefined ? rewrittenText(original, c) : matmulConfigAttribute(c);
    if (text === undefined) continue;
    screened++;
    const r = estimateOp(withConfig(target.op, c, text), ctx);
    if (r.kind !== 'estimate' || r.cbRegionEndBytes > limit) continue;
    const what = `in0_block_w ${c.in0BlockW}${hasOutBlock ? `, out_block ${c.outBlockH}x${c.outBlockW}` : ''}, out_subblock ${c.outSubblockH}x${c.outSubblockW}`;
    const title = `${title0} (${what}; ${formatBytes(r.cbBytesPerCore)} of CBs per core${inUse.auto ? ', from the config tt-metal would pick' : ''})`;
    const edit = propertyEdit(sop, 'matmul_program_config', text, ['program_config']);
    if (typeof edit === 'string') {
      rejected.push({ fixKind: 'matmulConfig', title, reason: edit });
      break;
    }
    const outcome = verifyCandidate(base, { edits: [edit], removesTarget: false, replacementResults: [] });
    if (!outcome.ok) {
      rejected.push({ fixKind: 'matmulConfig', title, reason: outcome.reason });
      continue;
    }
    const then = outcome.verification.afterText;
    fixes.push({
      id: `matmul-config:${fa.fn.name}:${target.op.resultNames[0] ?? target.index}:${c.in0BlockW},${c.outBlockH}x${c.outBlockW}`,
      title: `${title} · ${then}`,
      kind: 'quickfix',
      fixKind: 'matmulConfig',
      edits: [edit],
      verification: outcome.verification,
      notes: ['same factory, grid and per_core_M / per_core_N; smaller K blocks and out blocks trade speed for L1'],
      isPreferred: false,
    });
  }
  if (fixes.length === 0 && rejected.length === 0) {
    rejected.push({
      fixKind: 'matmulConfig',
      title: title0,
      reason: `no in0_block_w (a divisor of Kt ${inUse.kt}) and out block of ${cur.kind} with per_core ${cur.perCoreM}x${cur.perCoreN} fits ${formatBytes(Math.max(0, limit))} of L1 beside its live tensors`,
    });
  }
  return { fixes, rejected };
}

/**
 * Fixes for overflows caused by L1 tensors held live across the op: free a tensor right after its last use
 * (`ttnn.deallocate`, moving a later deallocate up), or place it in DRAM instead (spill). One fix per tensor, largest
 * first; when no single one suffices, all of them together.
 */

import { printGenericOp } from '../mlir/print';
import type { FunctionAnalysis, LiveInterval } from '../analysis/analyze';
import { l1BufferTopBytes } from '../analysis/analyze';
import type { TensorLayout } from '../ttnn/layout';
import type { TensorSpec } from '../ttnn/op';
import {
  SyntaxFunction,
  deallocateOp,
  deletionRange,
  indentAt,
  insertLinesAfter,
  sliceOf,
  namedByLaterRun,
  valueDefs,
} from './edits';
import { aliasWriter } from './layoutText';
import { retypeBlocker, retypeEdits, writeContext } from './retype';
import type { Fix, FixEdit, FixKind, RejectedFix } from './types';
import type { Baseline } from './verify';
import { failureText, formatBytes, verifyCandidate } from './verify';

interface LiveCandidate {
  readonly interval: LiveInterval;
  /** Index of the last op that reads the value (not its deallocate), or its definition when unused. */
  readonly lastUse: number;
  readonly deallocIndex: number | undefined;
}

function liveCandidates(fa: FunctionAnalysis, opIndex: number): LiveCandidate[] {
  const target = fa.fn.ops[opIndex];
  const own = new Set([...target.operandNames, ...target.resultNames]);
  const out: LiveCandidate[] = [];
  for (const iv of fa.liveIntervals) {
    if (iv.startIndex > opIndex || iv.endIndex < opIndex || own.has(iv.valueName)) continue;
    let lastUse = iv.definedAt;
    let deallocIndex: number | undefined;
    let returned = false;
    fa.fn.ops.forEach((op, i) => {
      if (!op.operandNames.includes(iv.valueName)) return;
      if (op.name === 'ttnn.deallocate') deallocIndex = i;
      else if (op.name === 'func.return') returned = true;
      else lastUse = Math.max(lastUse, i);
    });
    if (!returned) out.push({ interval: iv, lastUse, deallocIndex });
  }
  return out.sort((a, b) => b.interval.bytesPerCore - a.interval.bytesPerCore);
}

function deallocEdits(base: Baseline, fn: SyntaxFunction, c: LiveCandidate): FixEdit[] | string {
  const name = c.interval.valueName;
  // Op lines past a function below use it (or free it): freeing it here would free it under them.
  const laterRun = namedByLaterRun(fn, name);
  if (laterRun !== undefined) return laterRun;
  const def = valueDefs(fn).get(name);
  if (def?.type === undefined) return `${name} has no written type`;
  const typeText = sliceOf(base.text, def.type.range);
  const after = c.lastUse >= 0 ? fn.bodyOps[c.lastUse] : undefined;
  const line = printGenericOp(deallocateOp(name, typeText));
  const edits: FixEdit[] = [];
  if (after === undefined) {
    const first = fn.bodyOps[0];
    if (first === undefined) return 'empty function';
    edits.push({
      uri: 'self',
      range: { start: first.range.start, end: first.range.start },
      newText: `${line}\n${indentAt(base.text, first.range.start)}`,
    });
  } else {
    edits.push(insertLinesAfter(base.text, after.range.end, [indentAt(base.text, after.range.start) + line]));
  }
  if (c.deallocIndex !== undefined) {
    const old = fn.bodyOps[c.deallocIndex];
    if (old !== undefined) edits.push({ uri: 'self', range: deletionRange(base.text, old.range), newText: '' });
  }
  return edits;
}

function spillEdits(
  base: Baseline,
  fn: SyntaxFunction,
  fa: FunctionAnalysis,
  names: readonly string[],
): FixEdit[] | string {
  const w = writeContext(fn, base.analysis.device);
  const writer = aliasWriter(base.text, fn.chunk);
  const edits: FixEdit[] = [];
  for (const name of names) {
    const blocked = retypeBlocker(fn, name);
    if (blocked !== undefined) return blocked;
    const at = fa.fn.ops.findIndex((op) => op.resultNames.includes(name));
    const op = fa.fn.ops[at];
    const spec = op?.results[op.resultNames.indexOf(name)];
    if (spec === undefined || spec.kind !== 'tensor') return `${name} is not a tensor result`;
    const e = retypeEdits(
      fn,
      name,
      spec as TensorSpec & { layout: TensorLayout },
      { kind: 'dram_interleaved', grid: [1, 1] },
      w,
      writer,
    );
    if (typeof e === 'string') return e;
    edits.push(...e);
  }
  const aliasEdit = writer.edit();
  return aliasEdit === undefined ? edits : [...edits, aliasEdit];
}

function sumBytes(cs: readonly LiveCandidate[]): number {
  return cs.reduce((n, c) => n + c.interval.bytesPerCore, 0);
}

export interface LiveFixResult {
  readonly fixes: Fix[];
  readonly rejected: RejectedFix[];
}

export function liveTensorFixes(base: Baseline, fn: SyntaxFunction, fa: FunctionAnalysis): LiveFixResult {
  const target = fa.ops[base.target.opIndex];
  const fixes: Fix[] = [];
  const rejected: RejectedFix[] = [];
  if (target.liveL1TensorBytesPerCore === 0) return { fixes, rejected };
  const all = liveCandidates(fa, base.target.opIndex);
  const early = all.filter((c) => c.lastUse < base.target.opIndex);
  const spillable = all.filter(
    (c) => c.interval.definedAt >= 0 && retypeBlocker(fn, c.interval.valueName) === undefined,
  );
  const targetName = target.op.resultNames[0] ?? target.op.name;

  // Cheap pre-screen before a full re-analysis: freeing `bytes` at the target must bring it under the limit.
  const cb = target.cbBytesPerCore ?? 0;
  const device = base.analysis.device;
  const enough = (bytes: number): boolean => {
    const live = target.liveL1TensorBytesPerCore - bytes;
    return live <= l1BufferTopBytes(device) - device.l1UnreservedBase && cb + live <= base.analysis.limitBytesPerCore;
  };
  const offer = (
    fixKind: FixKind,
    id: string,
    title: string,
    edits: FixEdit[] | string,
    freedBytes: number,
  ): boolean => {
    if (!enough(freedBytes)) {
      rejected.push({ fixKind, title, reason: `freeing ${formatBytes(freedBytes)}/core is not enough on its own` });
      return false;
    }
    if (typeof edits === 'string') {
      rejected.push({ fixKind, title, reason: edits });
      return false;
    }
    const outcome = verifyCandidate(base, { edits, removesTarget: false, replacementResults: [] });
    if (!outcome.ok) {
      rejected.push({ fixKind, title, reason: outcome.reason });
      return false;
    }
    const v = outcome.verification;
    const peak = v.targetAfter === 'removed' ? 0 : v.targetAfter.peakL1BytesPerCore;
    const then = v.firstFailureAfter === undefined ? '' : ` · then ${failureText(v.firstFailureAfter)} fails first`;
    fixes.push({
      id,
      title: `${title}: ${targetName} ${formatBytes(peak)}/core${then}`,
      kind: 'quickfix',
      fixKind,
      edits,
      verification: v,
      notes: [],
      isPreferred: false,
    });
    return true;
  };

  const MAX_EACH = 3;
  let deallocOk = 0;
  for (const c of early.slice(0, 6)) {
    if (deallocOk >= MAX_EACH) break;
    const name = c.interval.valueName;
    const where =
      c.lastUse >= 0
        ? `after its last use (${fa.fn.ops[c.lastUse]?.resultNames[0] ?? fa.fn.ops[c.lastUse]?.name})`
        : 'at the start';
    if (
      offer(
        'deallocate',
        `deallocate:${fa.fn.name}:${name}`,
        `Deallocate ${name} (${formatBytes(c.interval.bytesPerCore)}/core) ${where}`,
        deallocEdits(base, fn, c),
        c.interval.bytesPerCore,
      )
    )
      deallocOk++;
  }
  if (deallocOk === 0 && early.length > 1) {
    const edits: FixEdit[] = [];
    let failed: string | undefined;
    for (const c of early) {
      const e = deallocEdits(base, fn, c);
      if (typeof e === 'string') failed = e;
      else edits.push(...e);
    }
    offer(
      'deallocate',
      `deallocate:${fa.fn.name}:all`,
      `Deallocate ${early.map((c) => c.interval.valueName).join(', ')} after their last uses`,
      failed ?? edits,
      sumBytes(early),
    );
  }
  let spillOk = 0;
  for (const c of spillable.slice(0, 6)) {
    if (spillOk >= MAX_EACH) break;
    const name = c.interval.valueName;
    if (
      offer(
        'spillToDram',
        `spill:${fa.fn.name}:${name}`,
        `Spill ${name} (${formatBytes(c.interval.bytesPerCore)}/core) to DRAM`,
        spillEdits(base, fn, fa, [name]),
        c.interval.bytesPerCore,
      )
    )
      spillOk++;
  }
  if (spillOk === 0 && spillable.length > 1) {
    const names = spillable.map((c) => c.interval.valueName);
    offer(
      'spillToDram',
      `spill:${fa.fn.name}:all`,
      `Spill ${names.join(', ')} to DRAM`,
      spillEdits(base, fn, fa, names),
      sumBytes(spillable),
    );
  }
  return { fixes, rejected };
}

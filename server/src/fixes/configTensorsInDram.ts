/**
 * Quick fix for an op refused an L1_SMALL buffer (`l1SmallExhausted`, analysis/l1Small.ts): put its sliding-window
 * config tensors in DRAM, tt-metal's own lever for this failure (PR #27753: "Placing config tensors in L1_SMALL leads
 * to a lot of L1 memory being used, especially in large CNNs"; tt-mlir sets it on every conv since PR #6260).
 *   - conv2d / conv_transpose2d: `config_tensors_in_dram = true` in the op's `conv2d_config` (fields kept in their
 *     order, the flag replaced or appended). From change point halo-config-tensors-in-dram the halo's configs and the
 *     conv's reader indices go to DRAM, read into static CBs (estimate/ops/conv2d.ts); conv_transpose2d's halo does
 *     not take the flag (tt-metal #33284), so its halo configs stay in L1_SMALL and the verification decides.
 *   - max_pool2d / avg_pool2d: the op's own `config_tensors_in_dram = true` attribute (tt-metal PR #35212, change point
 *     pool-config-tensors-in-dram; tt-mlir models it since tt-mlir #6858).
 * Builds before the change point have no such flag: the estimators ignore it there, so a window reaching before it
 * fails verification (the op still overflows on those builds), as tt-metal would.
 * The static config CBs the flag adds are in the re-analysis, so a fix whose CBs then overflow is rejected.
 */

import type { FunctionAnalysis } from '../analysis/analyze';
import { conv2dConfigText, currentConv2dConfigFields, mergedConv2dConfigFields } from './conv2dConfig';
import { propertyEdit, type SyntaxFunction } from './edits';
import type { Fix, FixEdit, RejectedFix } from './types';
import type { Baseline } from './verify';
import { verifyCandidate } from './verify';

const CONV_OPS: ReadonlySet<string> = new Set(['ttnn.conv2d', 'ttnn.conv_transpose2d']);
const POOL_OPS: ReadonlySet<string> = new Set(['ttnn.max_pool2d', 'ttnn.avg_pool2d']);

/** The config-tensors-in-DRAM fix for the target op of `base`, when it is a conv or pool refused L1_SMALL. */
export function configTensorsInDramFixes(
  base: Baseline,
  sfn: SyntaxFunction,
  fa: FunctionAnalysis,
): { fixes: Fix[]; rejected: RejectedFix[] } {
  const target = fa.ops[base.target.opIndex];
  const sop = sfn.bodyOps[base.target.opIndex];
  if (target === undefined || sop === undefined || target.overflow?.kind !== 'l1SmallExhausted')
    return { fixes: [], rejected: [] };
  const name = target.op.name;
  let edit: FixEdit | string;
  let title: string;
  let note: string;
  if (CONV_OPS.has(name)) {
    const fields = currentConv2dConfigFields(target.op);
    const next = mergedConv2dConfigFields(fields, { config_tensors_in_dram: 'true' });
    edit = propertyEdit(sop, 'conv2d_config', conv2dConfigText(next));
    title = 'Set conv2d_config config_tensors_in_dram = true (config tensors in DRAM, not L1_SMALL)';
    note =
      name === 'ttnn.conv_transpose2d'
        ? "the conv's reader indices move to DRAM; conv_transpose2d's halo does not take the flag (tt-metal #33284), its configs stay in L1_SMALL"
        : "the halo's configs and the conv's reader indices move to DRAM and are read into static CBs (tt-metal PR #27753)";
  } else if (POOL_OPS.has(name)) {
    edit = propertyEdit(sop, 'config_tensors_in_dram', 'true');
    title = `Set config_tensors_in_dram = true on the ${name.slice('ttnn.'.length)} (config tensors in DRAM, not L1_SMALL)`;
    note =
      "the halo's configs and the pool's reader indices move to DRAM and are read into static CBs (tt-metal PR #35212); the attribute needs a tt-mlir that models it (tt-mlir #6858)";
  } else return { fixes: [], rejected: [] };
  if (typeof edit === 'string')
    return { fixes: [], rejected: [{ fixKind: 'configTensorsInDram', title, reason: edit }] };
  const outcome = verifyCandidate(base, { edits: [edit], removesTarget: false, replacementResults: [] });
  if (!outcome.ok) return { fixes: [], rejected: [{ fixKind: 'configTensorsInDram', title, reason: outcome.reason }] };
  return {
    fixes: [
      {
        id: `config-tensors-in-dram:${fa.fn.name}:${target.op.resultNames[0] ?? target.index}`,
        title: `${title} · ${outcome.verification.afterText}`,
        kind: 'quickfix',
        fixKind: 'configTensorsInDram',
        edits: [edit],
        verification: outcome.verification,
        notes: [note, 'the configs are read from DRAM by every run of the program: slower, no L1_SMALL kept'],
        isPreferred: false,
      },
    ],
    rejected: [],
  };
}

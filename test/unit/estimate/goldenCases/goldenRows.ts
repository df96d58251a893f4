/**
 * Golden rows of tt-mlir's OpModel tests and how a figure of ours compares with one. Cases live in this folder, one
 * file per op family (each exports `CASES`); golden.test.ts runs them all.
 *
 * Golden comparison against tt-mlir's OpModel unit-test figures (test/fixtures/estimate/opmodel-golden-open.tsv, a
 * copy of shared/reference; tt-mlir @b73fc81 pinning tt-metal f4163c2, Nov 2025).
 *
 * How figures compare (see opmodel-golden.md): in that tt-metal era graph capture's `cb_peak_size_per_core` summed every
 * CB the program created regardless of core range, so the TSV's cb figure is compared with
 * `cbBytesSummedOverRanges`; `tensorL1PeakSize` and `outputL1BufferSize` (output tensors resident in L1, per core)
 * with `l1TensorBytesPerCore`; `peakL1MemorySize` with their sum. Only figures the TSV marks EQ are golden; expected
 * values are read from the TSV by (file, line, field), never computed here. Ops are rebuilt from each row's shapes and
 * layouts (fixture defaults: bf16 tiles, 8x8 grid; interface tests default to L1 interleaved).
 */

import { readFileSync } from 'fs';
import { join } from 'path';
import type { OpEstimateResult } from '../../../../server/src/estimate/types';
import type { TtnnOp } from '../../../../server/src/ttnn/op';

export type Field = 'cb' | 'tensor' | 'total' | 'output';
export type File = 'Lib' | 'Iface';

export interface GoldenRow {
  readonly file: File;
  readonly line: number;
  readonly kind: string;
  readonly legal: boolean;
  readonly figures: Partial<Record<Field, number>>;
  /** Fields the test body really compares with EQ. */
  readonly eqFields: readonly Field[];
}

export const FIELDS: readonly Field[] = ['cb', 'tensor', 'total', 'output'];

export function loadGolden(): GoldenRow[] {
  const text = readFileSync(join(__dirname, '../../../fixtures/estimate/opmodel-golden-open.tsv'), 'utf8');
  const rows: GoldenRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const c = line.split('\t');
    if (c.length < 14) continue;
    const file: File = c[0].includes('TestOpModelInterface') ? 'Iface' : 'Lib';
    const figures: Partial<Record<Field, number>> = {};
    FIELDS.forEach((f, i) => {
      const v = c[9 + i].trim();
      if (v !== '') figures[f] = Number(v);
    });
    const asserted = c[13];
    let eqFields: Field[];
    if (c[2] === 'param_tuple') eqFields = FIELDS.filter((f) => new RegExp(`${f}:EQ`).test(asserted));
    else eqFields = FIELDS.filter((f) => figures[f] !== undefined && /EQ/.test(asserted));
    rows.push({ file, line: Number(c[1]), kind: c[2], legal: c[8].trim() === 'true', figures, eqFields });
  }
  return rows;
}

export interface Case {
  readonly file: File;
  readonly line: number;
  readonly fields: readonly Field[];
  readonly build: () => TtnnOp;
  /** The row says `expected_legal false`: tt-metal rejects the configuration, so the estimate must be `illegal`. */
  readonly illegal?: boolean;
  /** L1 the OpModel test allocates before the query (tensors it creates outside graph capture, e.g. a linear's
   *  bias), per core: tt-metal's get_max_l1_space sees it. Default 0. */
  readonly liveL1BytesPerCore?: number;
  /** Build date to estimate for (default: the goldens' tt-metal f4163c2, GOLDEN_BUILD_DATE). */
  readonly ttMetalDate?: string;
}

export function figureOf(r: OpEstimateResult, field: Field): number | undefined {
  if (r.kind === 'unmodeled') return undefined;
  if (r.kind === 'illegal') return undefined;
  const cb = r.kind === 'estimate' ? r.cbBytesSummedOverRanges : 0;
  switch (field) {
    case 'cb':
      return cb;
    case 'tensor':
      return r.l1TensorBytesPerCore + (r.kind === 'estimate' ? r.l1IntermediateBytesPerCore ?? 0 : 0);
    case 'output':
      // outputL1BufferSize is the first result's buffer (ops with several results, e.g. split_qkv, report q's).
      return r.outputs.find((o) => o.resultIndex === 0)?.bytesPerCore ?? 0;
    case 'total':
      return cb + r.l1TensorBytesPerCore + (r.kind === 'estimate' ? r.l1IntermediateBytesPerCore ?? 0 : 0);
  }
}


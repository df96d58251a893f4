/**
 * Golden rows of tt-mlir's OpModel tests and how a figure of ours compares with one. Cases live in this folder, one
 * file per op family (each exports `CASES`); golden.test.ts runs them all.
 *
 * Golden comparison against tt-mlir's OpModel unit-test figures (test/fixtures/estimate/opmodel-golden-open.tsv, a
 * copy of shared/reference; tt-mlir @b73fc81 pinning tt-metal f4163c2, Nov 2025).
 *
 * Figures are read from the CLI's JSON record of the op (`opReport`, server/src/cli/report.ts), never from internal
 * types. How they compare (see opmodel-golden.md): in that tt-metal era graph capture's `cb_peak_size_per_core` summed
 * every CB the program created regardless of core range, so the TSV's cb figure is compared with
 * `cbBytesSummedOverRanges`; `outputL1BufferSize` (output tensors resident in L1, per core) with `l1TensorBytesPerCore`;
 * `tensorL1PeakSize` with `l1TensorBytesPerCore + intermediateL1BytesPerCore` (outputs and the tensors the op allocates
 * inside); `peakL1MemorySize` with cb + tensor. Rows of tt-mlir HEAD (`EXPECT_EQ(HEAD)`, tt-metal d5f9bc4) were measured
 * by a graph query whose trace also holds the input tensors it materialises (tt-metal
 * ttnn/api/ttnn/graph/graph_query_op_constraints.hpp@b9dd067: the op trace is the outer capture's, which creates the
 * inputs), so there `tensorL1PeakSize` is compared with `liveL1TensorBytesPerCore + intermediateL1BytesPerCore` (the op's
 * L1 inputs and outputs; the harness passes the operands in as function arguments). Only figures the TSV marks EQ are
 * golden; expected values are read from the TSV by (file, line, field), never computed here. Ops are rebuilt from each
 * row's shapes and layouts (fixture defaults: bf16 tiles, 8x8 grid; interface tests default to L1 interleaved).
 */

import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeTtnnModule } from '../../../../server/src/analysis/analyze';
import { explicitWindow } from '../../../../server/src/analysis/buildWindow';
import { opReport, type OpReport } from '../../../../server/src/cli/report';
import { LineIndex } from '../../../../server/src/text/lineIndex';
import { estimateOp } from '../../../../server/src/estimate/registry';
import type { TtnnFunction, TtnnOp } from '../../../../server/src/ttnn/op';
import { GOLDEN_BUILD_DATE, op } from '../build';

export type Field = 'cb' | 'tensor' | 'total' | 'output';
export type File = 'Lib' | 'Iface';

export interface GoldenRow {
  readonly file: File;
  readonly line: number;
  readonly kind: string;
  readonly legal: boolean;
  /** The TSV's op column (`Relu`, `GeluBackwardOp`, `SoftmaxInterleaved`). */
  readonly op: string;
  /** A row of tt-mlir HEAD (19c86fc, tt-metal d5f9bc4) rather than b73fc81. */
  readonly head: boolean;
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
    rows.push({
      file,
      line: Number(c[1]),
      kind: c[2],
      legal: c[8].trim() === 'true',
      op: c[5].trim(),
      head: c[2] === 'EXPECT_EQ(HEAD)',
      figures,
      eqFields,
    });
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
  /** Build date to estimate for (default: the goldens' tt-metal f4163c2, GOLDEN_BUILD_DATE; HEAD rows: d5f9bc4). */
  readonly ttMetalDate?: string;
  /** The row is tt-mlir HEAD's (`EXPECT_EQ(HEAD)`, 19c86fc) where b73fc81 has a row at the same line too. */
  readonly head?: boolean;
}

/** tt-metal d5f9bc4, pinned by tt-mlir 19c86fc ("Uplift third_party/tt-metal to d5f9bc4 2026-08-20", tt-mlir #9239). */
export const HEAD_BUILD_DATE = '2026-08-20';

/** The TSV row a case names: HEAD's when the case says so, else b73fc81's, else the only one there is. */
export function rowOf(golden: readonly GoldenRow[], c: Case): GoldenRow | undefined {
  const at = golden.filter((g) => g.file === c.file && g.line === c.line);
  if (c.head === true) return at.find((g) => g.head);
  return at.find((g) => !g.head) ?? at[0];
}

/** The build date a case is estimated for. */
export function buildDateOf(c: Case, row: GoldenRow | undefined): string | undefined {
  return c.ttMetalDate ?? (row?.head === true ? HEAD_BUILD_DATE : undefined);
}

/** The figure of `field` from an op's CLI JSON record; undefined when the record has none (unmodeled, illegal). */
export function figureOf(r: OpReport, field: Field, row: GoldenRow): number | undefined {
  if (
    r.cbBytesSummedOverRanges === undefined ||
    r.l1TensorBytesPerCore === undefined ||
    r.intermediateL1BytesPerCore === undefined
  )
    return undefined;
  const tensorsBesidesIntermediates = row.head ? r.liveL1TensorBytesPerCore : r.l1TensorBytesPerCore;
  if (tensorsBesidesIntermediates === undefined) return undefined;
  const tensor = tensorsBesidesIntermediates + r.intermediateL1BytesPerCore;
  switch (field) {
    case 'cb':
      return r.cbBytesSummedOverRanges;
    case 'tensor':
      return tensor;
    case 'output':
      // outputL1BufferSize is the first result's buffer (ops with several results, e.g. split_qkv, report q's); an op
      // that updates an operand in place and returns it (KV caches: no result in the IR) reports that operand's.
      return r.l1Outputs?.find((o) => o.resultIndex === 0)?.bytesPerCore ?? r.l1InPlaceOutputs?.[0]?.bytesPerCore ?? 0;
    case 'total':
      return r.cbBytesSummedOverRanges + tensor;
  }
}

/**
 * The CLI's JSON record of `o` (cli/report.ts `opReport`): `o` is analysed as the one op of an entry function whose
 * arguments are its operands and which returns its results (Wormhole n150, the given tt-metal build date), and its
 * estimate is made as tt-mlir's OpModel test measured it: the inputs the query materialises are not allocated, only
 * the L1 the test allocated beforehand is live (`liveL1BytesPerCore`; default none). `liveL1TensorBytesPerCore` is the
 * analysis' (the L1 operands as live arguments plus the L1 results).
 */
export function reportOf(o: TtnnOp, ttMetalDate: string = GOLDEN_BUILD_DATE, liveL1BytesPerCore?: number): OpReport {
  const ret: TtnnOp = { ...op('func.return', o.results, []), operandNames: o.resultNames };
  const at = { start: 0, end: 0 };
  const fn: TtnnFunction = {
    name: '@main',
    chunkIndex: 0,
    role: 'entry',
    isDeclaration: false,
    inCpuModule: false,
    args: o.operands.map((spec, i) => ({ name: o.operandNames[i]!, spec })),
    ops: [o, ret],
    opsWithSymbols: [],
    range: at,
    nameRange: at,
  };
  const window = explicitWindow(ttMetalDate);
  if (typeof window === 'string') throw new Error(window);
  const analysis = analyzeTtnnModule(
    { functions: [fn], systemDesc: undefined, tensorL1UsageCap: undefined },
    { preset: 'wormhole_b0_n150', ttMetal: window },
  );
  const analysed = analysis.functions[0]!.ops[0]!;
  const estimate = estimateOp(o, {
    device: analysis.device,
    ttMetal: { window: window.window },
    liveL1BytesPerCore: liveL1BytesPerCore ?? 0,
  });
  return opReport(fn.name, { ...analysed, estimate }, analysis, new LineIndex(''));
}

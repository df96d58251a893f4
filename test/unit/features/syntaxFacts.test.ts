/**
 * The diagnostics made from the syntax facts alone (the CLI drops the tree before making them) must equal those of the
 * full document, which reads its tree on demand: checked on corpus files that exercise each fact — the trace verifier
 * (op-invalid), `#system_desc`'s range (device-base-fictitious), the Python source named by an op's `loc` — on a
 * generated dump with overflows at file locations, and on text with parse errors.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  analyzeDetached,
  analyzeDocument,
  DEFAULT_ANALYSIS_SETTINGS,
} from '../../../server/src/features/documentAnalysis';
import {
  detachedDiagnosticsInput,
  diagnostics,
  diagnosticsInputOf,
  type Diagnostic,
} from '../../../server/src/features/diagnostics';
import { generateTtnnModule } from '../../../bench/generate';
import { verifyTraceOps } from '../../../server/src/analysis/verifyTrace';
import { parse } from '../../../server/src/mlir/parser';

const ROOT = path.join(__dirname, '../../..');
const CORPUS = 'test/fixtures/corpus';

function corpusText(file: string): string {
  return fs.readFileSync(path.join(ROOT, CORPUS, file), 'utf8');
}

/** The full document's diagnostics, and those made from the detached facts (of the document, and of a fresh run). */
function threeWays(text: string): { full: Diagnostic[]; detachedFromDoc: Diagnostic[]; detached: Diagnostic[] } {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  return {
    full: diagnostics(doc),
    detachedFromDoc: diagnostics(detachedDiagnosticsInput(doc)),
    detached: diagnostics(analyzeDetached(text, DEFAULT_ANALYSIS_SETTINGS)),
  };
}

function assertSame(text: string): Diagnostic[] {
  const { full, detachedFromDoc, detached } = threeWays(text);
  // Compared as what they say: an overflow diagnostic makes its related information when read, and a one-shot one its
  // message too (prototype getters, which deep equality skips; the one-shot class is another), so as plain diagnostics.
  const said = (ds: readonly Diagnostic[]): Diagnostic[] =>
    ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message, related: d.related }));
  assert.deepStrictEqual(said(detachedFromDoc), said(full));
  assert.deepStrictEqual(said(detached), said(full));
  // ... and serialised alike (toJSON).
  assert.equal(JSON.stringify(detached), JSON.stringify(full));
  return full;
}

const pythonSourceTargets = (ds: readonly Diagnostic[]) =>
  ds.flatMap((d) => d.related.filter((r) => r.target.kind === 'file'));

describe('syntax facts: diagnostics without the syntax tree', () => {
  it('trace ops: the verifier findings are the same (negative_capture_or_execute_trace.mlir)', () => {
    const ds = assertSame(corpusText('test/ttmlir/Dialect/TTNN/trace/negative_capture_or_execute_trace.mlir'));
    assert.ok(
      ds.some((d) => d.code === 'op-invalid'),
      'the file has trace ops tt-mlir rejects',
    );
  });

  it('trace ops: the findings equal the verifier walking the whole file, with and without callee properties', () => {
    // The facts leave out trace ops whose view has no property of a callee's name (their function's body is not parsed
    // again); the verifier, given no starts, walks every op of the tree.
    const negative = corpusText('test/ttmlir/Dialect/TTNN/trace/negative_capture_or_execute_trace.mlir');
    const texts = {
      negative,
      // tt-mlir's older form, as the Falcon dumps print it: no `allocate_slots_callee`.
      olderForm: negative.replaceAll('allocate_slots_callee', 'allocate_slots'),
      falcon: corpusText('falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir'),
    };
    for (const [name, text] of Object.entries(texts)) {
      const walked = verifyTraceOps(parse(text));
      assert.deepStrictEqual(analyzeDetached(text, DEFAULT_ANALYSIS_SETTINGS).syntax.traceOpFindings, walked, name);
      const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
      assert.deepStrictEqual(diagnosticsInputOf(doc).syntax.traceOpFindings, walked, name);
      assert.deepStrictEqual(detachedDiagnosticsInput(doc).syntax.traceOpFindings, walked, name);
    }
    assert.ok(verifyTraceOps(parse(negative)).length > 0, 'the negative file has findings');
  });

  it("the #system_desc range and an op's Python source are the same (resnet_ttnn.mlir)", () => {
    const text = corpusText('tools/explorer/test/models/resnet_ttnn.mlir');
    const ds = assertSame(text);
    const device = ds.find((d) => d.code === 'device-base-fictitious');
    assert.ok(device !== undefined, 'the file has a fictitious system_desc');
    // The range is the alias name where the file defines it (found by searching the text, not by our parser).
    const at = text.indexOf('#system_desc = ');
    assert.deepStrictEqual(device.range, { start: at, end: at + '#system_desc'.length });
    assert.ok(pythonSourceTargets(ds).length > 0, "an op's loc names its Python source");
  });

  it('a generated dump with overflows at file locations: every overflow keeps its Python source', () => {
    const text = generateTtnnModule({ nOps: 400, seed: 7 });
    // The detached (CLI) input keeps nothing per op record; the document's diagnostics keep each message for reuse.
    assert.equal(analyzeDetached(text, DEFAULT_ANALYSIS_SETTINGS).oneShot, true);
    const ds = assertSame(text);
    const overflows = ds.filter((d) => d.code.startsWith('l1-'));
    assert.ok(overflows.length > 1, 'the generated dump overflows');
    assert.ok(pythonSourceTargets(overflows).length > 0, 'overflowing ops name their Python source');
  });

  it('parse errors are the same, in MLIR and in text that is not MLIR', () => {
    const text = corpusText('tools/explorer/test/models/resnet_ttnn.mlir');
    const broken = text.replace(/\n(\s*)%/, '\n$1%broken = ) ,\n$1%');
    const ds = assertSame(broken);
    assert.ok(
      ds.some((d) => d.code === 'syntax-error'),
      'the edit is a syntax error',
    );
    const prose = assertSame('This is a README, not a dump: {"a": [1, 2}\n');
    assert.strictEqual(prose.length, 1);
    assert.match(prose[0]!.message, /^No MLIR operations found/);
  });

  it('the detached analysis equals the document analysis', () => {
    const text = generateTtnnModule({ nOps: 200, seed: 11 });
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    assert.strictEqual(
      JSON.stringify(analyzeDetached(text, DEFAULT_ANALYSIS_SETTINGS).analysis),
      JSON.stringify(doc.analysis),
    );
  });
});

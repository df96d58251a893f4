/**
 * Reusing an earlier version's TTNN ops and estimates after in-place incremental re-parses must give exactly the analysis a
 * fresh parse gives: checked on seeded random batches of one-character edits inside ops of the seed and corpus files
 * (the fresh analysis is the oracle), including edits that change an op's shape or layout alias.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  analyzeDocument,
  analyzeParsed,
  DEFAULT_ANALYSIS_SETTINGS,
  type DocumentAnalysis,
} from '../../../server/src/features/documentAnalysis';
import { diagnostics } from '../../../server/src/features/diagnostics';
import { applyChange, type AppliedChange, type TextChange } from '../../../server/src/mlir/incrementalParse';
import { walkOperations } from '../../../server/src/features/syntaxWalk';
import type { ParseResult } from '../../../server/src/mlir/syntax';
import { generateTtnnModule } from '../../../bench/generate';
import { makeRandom as random } from '../../../bench/random';

const ROOT = path.join(__dirname, '../../..');
const FILES = [
  'examples/mochi_replicate_pad.mlir',
  'test/fixtures/corpus/tools/explorer/test/models/resnet_ttnn.mlir',
  'test/fixtures/corpus/ttnn/test_llama_attention_ttnn.mlir',
  'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/ttnn_force_final_deallocs.mlir',
];

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.newText + text.slice(c.end);
}

/** Everything the features read: the module analysis (ops, estimates, overflows, ranges) and the diagnostics. */
function canonical(doc: DocumentAnalysis): string {
  return JSON.stringify({ analysis: doc.analysis, diagnostics: diagnostics(doc) });
}

/** A random one-character edit strictly inside a leaf op; digits and `x` mostly, so shapes change. */
function randomEdit(parsed: ParseResult, next: () => number): TextChange {
  const leaves: { start: number; end: number }[] = [];
  walkOperations(parsed.file, ({ op }) => {
    if (op.regions.length === 0) leaves.push(op.range);
  });
  const leaf = leaves[Math.floor(next() * leaves.length)]!;
  const at = leaf.start + 1 + Math.floor(next() * Math.max(1, leaf.end - leaf.start - 2));
  const alphabet = ['1', '2', '0', '9', 'x', ' ', '3'];
  const letter = alphabet[Math.floor(next() * alphabet.length)]!;
  return next() < 0.5
    ? { start: at, end: at, newText: letter }
    : { start: at, end: at + 1, newText: next() < 0.3 ? '' : letter };
}

describe('features/documentAnalysis: reuse across versions', function () {
  // Whole corpus dumps parsed several times: 20-28 s on a loaded 2-core machine, past the suite default of 30 s.
  this.timeout(120_000);
  for (const file of FILES) {
    it(`equals a fresh analysis after batches of in-op edits: ${path.basename(file)}`, () => {
      let text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      let doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
      const next = random(file.length * 7);
      let reused = 0;
      // Fewer batches on the large resnet file (each fresh analysis of it takes ~100 ms).
      const nBatches = file.includes('resnet') ? 12 : 40;
      for (let batch = 0; batch < nBatches; batch++) {
        // One to three edits per analysis, as when keystrokes arrive within one debounce.
        const editable = { parse: doc.parse, ranges: doc.reuse!.ranges };
        let edited = text;
        const nEdits = 1 + Math.floor(next() * 3);
        const edits: AppliedChange[] = [];
        for (let i = 0; i < nEdits; i++) {
          const change = randomEdit(editable.parse, next);
          const applied = applyChange(editable, change, apply(edited, change));
          if (applied === undefined) continue;
          edited = apply(edited, change);
          edits.push(applied);
        }
        if (edits.length === 0) continue;
        const incremental = analyzeParsed(edited, editable.parse, DEFAULT_ANALYSIS_SETTINGS, { previous: doc, edits });
        const fresh = analyzeDocument(edited, DEFAULT_ANALYSIS_SETTINGS);
        assert.strictEqual(canonical(incremental), canonical(fresh), `batch ${batch} in ${file}`);
        reused++;
        doc = incremental;
        text = edited;
      }
      assert.ok(reused >= 4, `only ${reused} batches took the reuse path`);
    });
  }

  it('recomputes liveness when an edit changes the L1 bytes of a result (names unchanged)', () => {
    const text = generateTtnnModule({ nOps: 300, seed: 3 });
    let doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    const fa = doc.analysis.functions.find((f) => f.liveIntervals.some((iv) => iv.definedAt >= 0));
    assert.ok(fa !== undefined, 'the generated file has L1 results');
    const fnIndex = doc.analysis.functions.indexOf(fa);
    let current = text;
    let changed = 0;
    // Widen the leading dim of several L1 results: `tensor<N` -> `tensor<2N` in the result type (after `->`).
    for (const iv of fa.liveIntervals.filter((x) => x.definedAt >= 0).slice(0, 6)) {
      const op = doc.analysis.functions[fnIndex]!.ops[iv.definedAt]!.op;
      const arrow = current.lastIndexOf('-> tensor<', op.range.end);
      if (arrow < op.range.start) continue;
      const at = arrow + '-> tensor<'.length;
      const change: TextChange = { start: at, end: at, newText: '2' };
      const edited = apply(current, change);
      const applied = applyChange({ parse: doc.parse, ranges: doc.reuse!.ranges }, change, edited);
      if (applied === undefined) continue;
      const incremental = analyzeParsed(edited, doc.parse, DEFAULT_ANALYSIS_SETTINGS, {
        previous: doc,
        edits: [applied],
      });
      const fresh = analyzeDocument(edited, DEFAULT_ANALYSIS_SETTINGS);
      assert.strictEqual(canonical(incremental), canonical(fresh), `edit at ${at}`);
      if (
        JSON.stringify(incremental.analysis.functions.map((f) => f.liveIntervals)) !==
        JSON.stringify(doc.analysis.functions.map((f) => f.liveIntervals))
      ) {
        changed++;
        // The function was analysed in full, but an op the edit left alone, around the same live bytes, keeps its
        // earlier estimate object (a fresh analysis makes new ones: estimates are shared per analysis only).
        const before = doc.analysis.functions[fnIndex]!.ops;
        const after = incremental.analysis.functions[fnIndex]!.ops;
        let kept = 0;
        for (let i = 0; i < after.length; i++) {
          const [b, a] = [before[i]!, after[i]!];
          if (a.op !== b.op || a.liveL1TensorBytesPerCore !== b.liveL1TensorBytesPerCore) continue;
          assert.equal(a.estimate, b.estimate, `op ${i} after the edit at ${at}: estimated afresh`);
          kept++;
        }
        assert.ok(kept > 0, `no op left alone after the edit at ${at}`);
      }
      doc = incremental;
      current = edited;
    }
    assert.ok(changed >= 2, `only ${changed} edits changed the live intervals`);
  });

  it('re-judges every op when the usable-L1 cap changes (settings), still equal to a fresh analysis', () => {
    const text = fs.readFileSync(path.join(ROOT, FILES[0]!), 'utf8');
    const first = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    // Some of the seed's ops that fit tt-metal's limit use over 1% of usable L1: the cap turns them into warnings.
    const capped = { ...DEFAULT_ANALYSIS_SETTINGS, usableL1Cap: 0.01 };
    const again = analyzeParsed(text, first.parse, capped, { previous: first, edits: [] });
    const fresh = analyzeDocument(text, capped);
    assert.ok(fresh.analysis.overflows.length > first.analysis.overflows.length, 'the cap adds verdicts');
    assert.strictEqual(canonical(again), canonical(fresh));
  });

  it('drops reused estimates when the device changes (settings), still equal to a fresh analysis', () => {
    const text = fs.readFileSync(path.join(ROOT, FILES[0]!), 'utf8');
    const first = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    const blackhole = { ...DEFAULT_ANALYSIS_SETTINGS, arch: 'blackhole' };
    const again = analyzeParsed(text, first.parse, blackhole, { previous: first, edits: [] });
    assert.strictEqual(canonical(again), canonical(analyzeDocument(text, blackhole)));
  });
});

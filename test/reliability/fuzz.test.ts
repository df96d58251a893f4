/**
 * The seeded CI slice of the fuzzing (scripts/fuzz.ts runs the long version): mutated corpus files and generated
 * single-op modules never throw, hang or report a non-integer, negative or invented number; the layout decoder is
 * total; parse work grows linearly; and every input a fuzz run once broke stays fixed.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../server/src/features';
import { parse } from '../../server/src/mlir/parser';
import type { Operation, ParseResult } from '../../server/src/mlir/syntax';
import { decodeLayoutBody } from '../../server/src/ttnn/fromSyntax';
import { l1Footprint } from '../../server/src/ttnn/layout';
import { presetDevice } from '../../server/src/ttnn/device';
import {
  applyPlan,
  documentViolations,
  generatedModuleArb,
  loadSources,
  mutationPlanArb,
  NASTY_NUMBERS,
  nestedModuleArb,
} from './fuzzCore';

const FIXTURES = path.join(__dirname, '../fixtures/reliability');
const SEED = 20261128;

function countOps(result: ParseResult): number {
  let n = 0;
  const walk = (ops: readonly Operation[]): void => {
    for (const op of ops) {
      n++;
      for (const r of op.regions) for (const b of r.blocks) walk(b.operations);
    }
  };
  for (const c of result.file.chunks) walk(c.operations);
  return n;
}

describe('reliability: fuzzing (seeded slice)', function () {
  // Whole-corpus property runs: their time scales with the corpus and the machine's load (3-25 s on 2 cores), so the
  // 30 s hang guard of .mocharc.json is too tight for them on a loaded machine.
  this.timeout(180_000);
  const sources = loadSources();

  it('loads a corpus to mutate', () => {
    // 50-odd corpus files are under 45 KB, plus the seed example (test/fixtures/corpus/SOURCE.md).
    assert.ok(sources.length >= 40, `${sources.length} sources`);
    assert.ok(sources.some((s) => s.name.endsWith('mochi_replicate_pad.mlir')));
  });

  it('1,500 mutated corpus files: no throw, every number a non-negative safe integer, undecodable means unmodeled', () => {
    fc.assert(
      fc.property(mutationPlanArb(sources), (plan) => {
        const violations = documentViolations(applyPlan(sources, plan));
        assert.deepEqual(violations, [], `${sources[plan.source].name}: ${violations.join('\n')}`);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('300 mutated corpus files through every editor feature (hover, inlay hints, code lens, timeline, outline)', () => {
    fc.assert(
      fc.property(mutationPlanArb(sources), (plan) => {
        assert.deepEqual(documentViolations(applyPlan(sources, plan), { features: true }), []);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('1,000 generated modules over every modeled op with nasty shapes, dtypes, layouts and system descs', () => {
    fc.assert(
      fc.property(generatedModuleArb, (text) => {
        assert.deepEqual(documentViolations(text, { features: true }), []);
      }),
      { seed: SEED + 2, numRuns: 1000 },
    );
  });

  it('400 module trees with calls, load_cached and trace ops across nested device, CPU and builtin modules, empty and declared callees', () => {
    fc.assert(
      fc.property(nestedModuleArb, (text) => {
        assert.deepEqual(documentViolations(text, { features: true }), []);
      }),
      { seed: SEED + 4, numRuns: 400 },
    );
  });

  it('200 seed conv3d attributes past 2^53 (up to 10^330): every figure exact or a model overflow, never Infinity or null', () => {
    const seed = sources.find((x) => x.name.endsWith('mochi_replicate_pad.mlir'))!.text;
    const conv =
      /kernel_size = array<i32: 3, 3, 3>|in_channels = 768 : i32|out_channels = 768 : i32|input_depth = 6 : i32|batch_size = 1 : i32/g;
    const huge = fc.oneof(
      fc.constantFrom(...NASTY_NUMBERS),
      fc.bigInt({ min: 2n ** 52n, max: 10n ** 330n }).map(String),
    );
    fc.assert(
      fc.property(fc.nat({ max: 4 }), huge, (which, value) => {
        let k = 0;
        const text = seed.replace(conv, (m) =>
          k++ !== which
            ? m
            : m.startsWith('kernel_size')
              ? `kernel_size = array<i32: ${value}, 3, 3>`
              : m.replace(/\d+ : i32/, `${value} : i32`),
        );
        assert.deepEqual(documentViolations(text), []);
      }),
      { seed: SEED + 5, numRuns: 200 },
    );
  });

  it('the layout decoder is total: any body decodes to a layout with safe figures, or to unknown with a reason', () => {
    const device = presetDevice('wormhole_b0_n150');
    const dim = fc.oneof(fc.nat({ max: 5000 }).map(String), fc.constantFrom(...NASTY_NUMBERS));
    const structured = fc
      .tuple(
        fc.array(dim, { maxLength: 4 }),
        fc.constantFrom(
          '!ttcore.tile<32x32, bf16>',
          '!ttcore.tile<32x32,bfp_bf8>',
          'bf16',
          'f32',
          'ui32',
          'bf17',
          '!ttcore.tile<16x16,bf16>',
          '!tile',
        ),
        fc.constantFrom('#l1', '#dram', '#ttnn.buffer_type<l1>', '#system_memory', '#bogus', ''),
        fc.tuple(dim, dim),
        fc.constantFrom('<interleaved>', '<height_sharded>', '<block_sharded>', '<nonsense>', ''),
        fc.option(fc.tuple(dim, dim, dim, dim), { nil: undefined }),
      )
      .map(([shape, elem, space, [gr, gc], mem, cr]) => {
        const memref = `memref<${shape.map((d) => `${d}x`).join('')}${elem}${space === '' ? '' : `,${space}`}>`;
        const ranges =
          cr === undefined ? '' : `,core_ranges=<[#ttnn.core_range<(${cr[0]},${cr[1]}),(${cr[2]},${cr[3]})>]>`;
        return `(d0,d1)->(d0,d1),<${gr}x${gc}>,${memref}${mem === '' ? '' : `,${mem}`}${ranges}`;
      });
    const resolve = (alias: string): string | undefined =>
      alias === '#l1' ? '#ttnn.buffer_type<l1>' : alias === '#dram' ? '#ttnn.buffer_type<dram>' : undefined;
    fc.assert(
      fc.property(
        fc.oneof(structured, fc.string({ maxLength: 200 })),
        fc.constantFrom('ttnn.ttnn_layout', 'tt.layout'),
        (body, dialect) => {
          const layout = decodeLayoutBody(dialect, body, resolve);
          if (layout.kind === 'unknown') {
            assert.ok(layout.reason.length > 0);
            return;
          }
          for (const n of [...layout.gridShape, ...layout.shardShape])
            assert.ok(Number.isSafeInteger(n) && n >= 0, `${body}: ${n}`);
          const footprint = l1Footprint([32, 32], layout, device);
          if (footprint !== undefined) {
            assert.ok(
              Number.isSafeInteger(footprint.bytesPerCore) && footprint.bytesPerCore >= 0,
              `${body}: ${footprint.bytesPerCore}`,
            );
            assert.ok(
              Number.isSafeInteger(footprint.nCores) && footprint.nCores >= 0,
              `${body}: ${footprint.nCores} cores`,
            );
          }
        },
      ),
      { seed: SEED + 3, numRuns: 3000 },
    );
  });

  it('parse work is linear: 8 copies of a file parse to exactly 8 times its ops and errors', () => {
    for (const name of ['examples/mochi_replicate_pad.mlir', 'test/fixtures/corpus/oom_ttnn.mlir']) {
      const text = fs.readFileSync(path.join(__dirname, '../..', name), 'utf8');
      const once = parse(text);
      const eight = parse(Array.from({ length: 8 }, () => text).join('\n'));
      assert.ok(countOps(once) > 10, name);
      assert.equal(countOps(eight), 8 * countOps(once), name);
    }
    // Broken input too: a truncated op repeated. Each copy costs the same bounded recovery.
    const broken = '%1 = "ttnn.relu"(%0 : (tensor<32x32xbf16>) -> tensor<\n';
    const errorsOnce = parse(broken).errors.length;
    const errorsEight = parse(broken.repeat(8)).errors.length;
    assert.ok(
      errorsOnce >= 1 && errorsEight >= errorsOnce && errorsEight <= 8 * errorsOnce + 1,
      `${errorsOnce} vs ${errorsEight}`,
    );
  });

  it('pathological shapes of text: deep nesting, one huge line, a million brackets, NUL and lone surrogates', () => {
    const cases = [
      '('.repeat(200_000),
      '<'.repeat(200_000),
      '{'.repeat(100_000) + '}'.repeat(100_000),
      `%0 = "ttnn.relu"(${'%a, '.repeat(100_000)}%b) : () -> ()`,
      `#a = #ttnn.ttnn_layout<${'<'.repeat(50_000)}`,
      'module {\n'.repeat(20_000),
      '\0'.repeat(10_000),
      '\uD800\uDFFF\uD800'.repeat(10_000),
      `"${'\\'.repeat(100_001)}`,
      `tensor<${'1x'.repeat(50_000)}bf16>`,
      '// -----\n'.repeat(50_000),
      '{-#'.repeat(10_000),
    ];
    for (const text of cases) assert.deepEqual(documentViolations(text), [], text.slice(0, 40));
  });

  for (const file of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.mlir'))
    .sort()) {
    it(`regression: ${file}`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      assert.deepEqual(documentViolations(text, { features: true }), []);
      const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
      const ops = doc.analysis.functions.flatMap((f) => f.ops).filter((o) => o.op.name !== 'func.return');
      switch (file) {
        case 'untilize_rank0_row_major.mlir':
        case 'embedding_no_result_layout.mlir':
        case 'transpose_result_no_memref.mlir':
        case 'tilize_row_major_result.mlir':
          // Wrong input page layout / no result layout: no CB figure at all.
          for (const o of ops) assert.equal(o.estimate.kind, 'unmodeled', o.op.name);
          break;
        case 'system_desc_garbage.mlir':
          // Corrupt figures fall back to the n150 preset: 1,499,136 B of L1 from 102,656 B, 8x8 cores.
          assert.equal(doc.analysis.device.l1SizeBytes, 1_499_136);
          assert.equal(doc.analysis.device.l1UnreservedBase, 102_656);
          assert.deepEqual(doc.analysis.device.workerGrid, [8, 8]);
          assert.ok(doc.analysis.device.warnings.length > 0);
          break;
        case 'layout_overflow.mlir':
          for (const o of ops) assert.equal(o.estimate.kind, 'unmodeled', o.op.name);
          for (const o of ops) assert.equal(o.liveL1TensorBytesPerCore, 0, o.op.name);
          break;
      }
    });
  }
});

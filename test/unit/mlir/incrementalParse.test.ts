/**
 * An in-place incremental re-parse must equal a full parse of the edited text, node for node and range for range,
 * after every edit of a long sequence on one tree. Checked on seeded random one-character edits inside ops of the
 * seed and of corpus files (the full parse is the oracle).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  applyChange,
  expectedRangeCount,
  parseForEdits,
  type TextChange,
} from '../../../server/src/mlir/incrementalParse';
import { RangeTable } from '../../../server/src/text/rangeTable';
import { walkOperations } from '../../../server/src/features/syntaxWalk';
import { moduleAfterEdits, moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { parse } from '../../../server/src/mlir/parser';
import type { Operation, ParseResult } from '../../../server/src/mlir/syntax';
import { makeRandom as random } from '../../../bench/random';
import { generateTtnnModule } from '../../../bench/generate';
import fc from 'fast-check';
import { checkLeafEdits, leafEdits } from '../../support/leafEdits';

const ROOT = path.join(__dirname, '../../..');
const FILES = [
  'examples/mochi_replicate_pad.mlir',
  'test/fixtures/corpus/tools/explorer/test/models/resnet_ttnn.mlir',
  'test/fixtures/corpus/ttnn/test_llama_attention_ttnn.mlir',
  'test/fixtures/corpus/test/ttmlir/Dialect/TTNN/Transforms/ttnn_force_final_deallocs.mlir',
  'test/fixtures/corpus/test/ttmlir/Silicon/TTNN/n150/Transforms/DecomposeLayouts/decomposing_layouts_dram_sharded.mlir',
];

/** Undefined-valued keys and absent keys are the same tree. */
function canonical(result: ParseResult): string {
  return JSON.stringify(result);
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.newText + text.slice(c.end);
}

/**
 * Grows then shrinks the `1` of the first `1 : i32` in `text` (an edit inside one op): after each, the edited tree
 * equals a fresh parse and its range table holds as many live slots as a fresh editable parse's.
 */
function assertEditsBeforeMoveNodes(text: string): void {
  const editable = parseForEdits(text);
  const at = text.indexOf('1 : i32');
  for (const change of [
    { start: at, end: at + 1, newText: '12345' },
    { start: at, end: at + 5, newText: '7' },
  ]) {
    text = apply(text, change);
    assert.notStrictEqual(applyChange(editable, change, text), undefined, 'the edit stays in place');
    assert.strictEqual(canonical(editable.parse), canonical(parse(text)));
    assert.strictEqual(editable.ranges.liveCount, parseForEdits(text).ranges.liveCount);
  }
}

describe('mlir/incrementalParse', function () {
  // Whole-corpus property runs: their time scales with the corpus and the machine's load (3-25 s on 2 cores), so the
  // 30 s hang guard of .mocharc.json is too tight for them on a loaded machine.
  this.timeout(180_000);
  for (const file of FILES) {
    it(`equals a full parse after each of a sequence of random one-character edits: ${path.basename(file)}`, () => {
      let text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const editable = parseForEdits(text);
      const next = random(file.length);
      const alphabet = ['1', '0', 'x', ' ', ',', '%', '#', '"', '<', '>', '(', ')', 'a', '\n'];
      let incremental = 0;
      const trials = 40;
      for (let i = 0; i < trials; i++) {
        const leaves: { start: number; end: number }[] = [];
        walkOperations(editable.parse.file, ({ op }) => {
          if (op.regions.length === 0) leaves.push(op.range);
        });
        const leaf = leaves[Math.floor(next() * leaves.length)]!;
        const at = leaf.start + 1 + Math.floor(next() * Math.max(1, leaf.end - leaf.start - 2));
        const kind = next();
        const change: TextChange =
          kind < 0.4
            ? { start: at, end: at, newText: alphabet[Math.floor(next() * alphabet.length)]! }
            : kind < 0.7
              ? { start: at, end: at + 1, newText: '' }
              : { start: at, end: at + 1, newText: alphabet[Math.floor(next() * alphabet.length)]! };
        const edited = apply(text, change);
        const before = canonical(editable.parse);
        if (applyChange(editable, change, edited) === undefined) {
          // Declined: the tree is untouched and still the parse of the unedited text.
          assert.strictEqual(
            canonical(editable.parse),
            before,
            `declined edit ${JSON.stringify(change)} changed the tree`,
          );
          continue;
        }
        incremental++;
        text = edited;
        assert.strictEqual(
          canonical(editable.parse),
          canonical(parse(text)),
          `edit ${i} ${JSON.stringify(change)} in ${file}`,
        );
      }
      // Every range of the tree is in the table exactly once (else a later edit would miss or double-shift it).
      assert.strictEqual(editable.ranges.liveCount, parseForEdits(text).ranges.liveCount);
      // Most edits inside an op keep it parseable on its own; make sure the fast path really ran.
      assert.ok(incremental >= trials / 5, `only ${incremental} of ${trials} edits took the incremental path`);
    });
  }

  it('a table sized up front from the text length gives the tree and slots a growing table gives, denser texts included', () => {
    // Dense: ~7 characters per range (short ops, a list and a loc each), past the up-front size; sparse: a corpus file.
    const ops = [];
    for (let i = 0; i < 300; i++)
      ops.push(`  %${i} = "t.o"(%${Math.max(0, i - 1)}) {a = [1, 2, 3, 4]} : (i1) -> i1 loc("x":1:2)`);
    const dense = `module {\n${ops.join('\n')}\n}\n`;
    const sparse = fs.readFileSync(path.join(ROOT, FILES[1]!), 'utf8');
    for (const [text, grows] of [
      [dense, true],
      [sparse, false],
    ] as const) {
      const sized = parseForEdits(text);
      const growing = new RangeTable(1);
      const reference = parse(text, { rangeTable: growing });
      assert.strictEqual(canonical(sized.parse), canonical(reference));
      assert.strictEqual(sized.ranges.size, growing.size);
      assert.deepStrictEqual(
        sized.ranges.starts.subarray(0, sized.ranges.size),
        growing.starts.subarray(0, growing.size),
      );
      assert.deepStrictEqual(sized.ranges.ends.subarray(0, sized.ranges.size), growing.ends.subarray(0, growing.size));
      assert.strictEqual(sized.ranges.size > expectedRangeCount(text.length), grows);
    }
  });

  it('property: any sequence of hostile one-to-three-character edits, applied in place or declined, leaves the parse of the text', () => {
    // Generated modules (aliases, locs, nested modules) and edits anywhere inside an op, from an alphabet that opens
    // and closes groups, strings, comments and lines: an accepted edit must give exactly a fresh parse, a declined one
    // must leave the tree untouched.
    const alphabet = [
      '"',
      '{',
      '}',
      '<',
      '>',
      '(',
      ')',
      '[',
      ']',
      '\n',
      '#',
      '%',
      '@',
      '^',
      'x',
      '0',
      '9',
      ' ',
      ',',
      ':',
      '-',
      '//',
      '\\',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), leafEdits(alphabet, 12), (seed, edits) =>
        checkLeafEdits(generateTtnnModule({ nOps: 40, seed }), edits),
      ),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('declines an edit that renames an op (a custom op cut to `ttcore.lo)ad_cached` is scanned to a line break it cannot see)', () => {
    const text = fs.readFileSync(path.join(ROOT, FILES[0]!), 'utf8');
    const previous = parseForEdits(text);
    const at = text.indexOf('ttcore.load_cached(@main') + 9;
    const edited = text.slice(0, at) + ')' + text.slice(at);
    assert.strictEqual(applyChange(previous, { start: at, end: at, newText: ')' }, edited), undefined);
    const inside = text.indexOf('@main_const_eval_0, []') + 5;
    assert.notStrictEqual(
      applyChange(
        previous,
        { start: inside, end: inside, newText: 'x' },
        text.slice(0, inside) + 'x' + text.slice(inside),
      ),
      undefined,
      'an edit of its operands stays in place',
    );
  });

  it('moves ranges that nodes share with a child (type attributes, one-token attributes, unknown custom ops) after an edit before them', () => {
    // Each of these nodes once copied its child's range, a snapshot of a slotted node that the edit did not move.
    const text = [
      'module {',
      '  %0 = "test.a"() {v = 1 : i32} : () -> i32',
      '  %1 = "test.b"() {t = i32, u = tensor<2xf32>, w = (i32) -> i32, o = @sym} : () -> i32',
      '  test.custom %0, %1 [^bb1] @f : i32',
      '}',
      '',
    ].join('\n');
    assertEditsBeforeMoveNodes(text);
  });

  it('moves signatures, function and block arguments, results and unknown locations (slots of the table) with an edit', () => {
    // The edited op's own loc(unknown) is re-parsed; everything after it (block arguments of a later block, the next
    // function's signature, declaration-style arguments with empty names) only moves.
    const text = [
      'module {',
      '  func.func @a(%arg0: i32 {ttir.name = "x"} loc(unknown)) -> (i32 {ttir.name = "y"}) {',
      '    %0 = "test.a"(%arg0) {v = 1 : i32} : (i32) -> i32 loc(unknown)',
      '    "test.br"(%0)[^bb1] : (i32) -> ()',
      '  ^bb1(%x: i32 loc(unknown), %y: i32):',
      '    return %x : i32 loc(unknown)',
      '  }',
      '  func.func private @decl(i32, tensor<2xf32> loc(unknown)) -> i32',
      '  func.func @b(%arg0: i32 loc(unknown)) -> i32 {',
      '    return %arg0 : i32',
      '  }',
      '}',
      '',
    ].join('\n');
    assertEditsBeforeMoveNodes(text);
  });

  it('moves the ranges of the ops, blocks and regions it keeps (slots of the table) with an edit before, inside or after them', () => {
    let text = [
      'module {',
      '  func.func @f(%arg0: tensor<2xbf16>) -> tensor<2xbf16> {',
      '    %0 = "ttnn.abs"(%arg0) : (tensor<2xbf16>) -> tensor<2xbf16> loc("a")',
      '    %1 = "ttnn.relu"(%0) <{v = 1 : i32}> : (tensor<2xbf16>) -> tensor<2xbf16> loc("b")',
      '    %2 = "ttnn.neg"(%1) : (tensor<2xbf16>) -> tensor<2xbf16> loc("c")',
      '    return %2 : tensor<2xbf16>',
      '  }',
      '  func.func @g(%arg0: tensor<2xbf16>) -> tensor<2xbf16> {',
      '    %0 = "ttnn.exp"(%arg0) : (tensor<2xbf16>) -> tensor<2xbf16>',
      '    return %0 : tensor<2xbf16>',
      '  }',
      '}',
      '',
    ].join('\n');
    const editable = parseForEdits(text);
    const view = moduleFromSyntax(editable.parse);
    const ops = (tree: ParseResult): Operation[] => {
      const out: Operation[] = [];
      walkOperations(tree.file, ({ op }) => void out.push(op));
      return out;
    };
    // The objects kept before the edits: every op (the edited one is replaced), the functions' blocks and regions,
    // and the TTNN view's ops and functions.
    const keptOps = ops(editable.parse);
    const bodies = keptOps.filter((op) => op.name === 'func.func').map((fn) => fn.regions[0]!);
    const keptViewOps = view.functions.flatMap((fn) => fn.ops);
    const at = text.indexOf('1 : i32');
    // Offsets of a range, whatever object holds it (a snapshot, a table handle, a view's getter).
    const offsets = (r: { readonly start: number; readonly end: number }): number[] => [r.start, r.end];
    let module = view;
    for (const change of [
      // Grows inside ttnn.relu: ttnn.abs is before, ttnn.neg, @g and the block and region ends after.
      { start: at, end: at + 1, newText: '12345' },
      // Shrinks it again.
      { start: at, end: at + 5, newText: '7' },
    ]) {
      text = apply(text, change);
      const applied = applyChange(editable, change, text);
      assert.ok(applied !== undefined, 'the edit stays in place');
      const fresh = parse(text);
      const freshOps = ops(fresh);
      const liveOps = ops(editable.parse);
      assert.equal(liveOps.length, freshOps.length);
      const edited = keptOps.indexOf(applied.removed);
      assert.equal(keptOps[edited]!.name, 'ttnn.relu');
      keptOps[edited] = applied.inserted;
      keptOps.forEach((now, i) => {
        assert.strictEqual(now, liveOps[i], `op ${i} (${now.name}) keeps its identity unless edited`);
        assert.deepStrictEqual(offsets(now.range), offsets(freshOps[i]!.range), `range of op ${i} (${now.name})`);
        assert.deepStrictEqual(offsets(now.nameRange), offsets(freshOps[i]!.nameRange), `nameRange of op ${i}`);
      });
      const freshBodies = ops(fresh)
        .filter((op) => op.name === 'func.func')
        .map((fn) => fn.regions[0]!);
      bodies.forEach((region, f) => {
        assert.deepStrictEqual(offsets(region.range), offsets(freshBodies[f]!.range), `region of function ${f}`);
        assert.deepStrictEqual(
          offsets(region.blocks[0]!.range),
          offsets(freshBodies[f]!.blocks[0]!.range),
          `block ${f}`,
        );
      });
      // The TTNN view's ops read their syntax op's slots: kept ones move, and the edited one is found and replaced.
      const next = moduleAfterEdits(module, editable.parse, [applied]);
      assert.ok(next !== undefined, 'the edited op is matched in the view');
      module = next;
      const freshView = moduleFromSyntax(fresh);
      assert.strictEqual(JSON.stringify(module), JSON.stringify(freshView));
      keptViewOps.forEach((op, i) => {
        if (op.name === 'ttnn.relu') return; // replaced
        const freshOp = freshView.functions.flatMap((fn) => fn.ops)[i]!;
        assert.deepStrictEqual(offsets(op.range), offsets(freshOp.range), `view op ${i} (${op.name})`);
        assert.deepStrictEqual(offsets(op.nameRange), offsets(freshOp.nameRange), `view op ${i} (${op.name}) name`);
      });
      view.functions.forEach((fn, f) => {
        const freshFn = freshView.functions[f]!;
        assert.deepStrictEqual(offsets(fn.range), offsets(freshFn.range), `view function ${fn.name}`);
        assert.deepStrictEqual(offsets(fn.nameRange), offsets(freshFn.nameRange), `view function ${fn.name} name`);
      });
    }
  });

  it('declines edits that are not inside one op, and files with errors', () => {
    const text = fs.readFileSync(path.join(ROOT, FILES[0]!), 'utf8');
    const previous = parseForEdits(text);
    const between = text.indexOf('\n        "ttnn.deallocate"');
    assert.strictEqual(
      applyChange(
        previous,
        { start: between, end: between, newText: 'x' },
        text.slice(0, between) + 'x' + text.slice(between),
      ),
      undefined,
    );
    const alias = text.indexOf('#ttnn_layout6 =') + 3;
    assert.strictEqual(
      applyChange(previous, { start: alias, end: alias, newText: '9' }, text.slice(0, alias) + '9' + text.slice(alias)),
      undefined,
    );
    assert.strictEqual(canonical(previous.parse), canonical(parse(text)));
    const broken = parseForEdits('module {\n  %0 = "ttnn.a"( : () -> ()\n}\n');
    assert.strictEqual(applyChange(broken, { start: 14, end: 14, newText: '1' }, ''), undefined);
  });
});

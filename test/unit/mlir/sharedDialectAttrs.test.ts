/**
 * Dialect attributes looked up by their text before they are parsed (parser/attributes.ts `knownDialectAttr`): a
 * `#name<body>` whose text an earlier use parsed without errors takes that use's token tree without being parsed
 * again. Every such use must be the tree the general path builds for the text where it stands. The oracle is the
 * general path itself: the same text parsed where no earlier use primed the cache (a chunk alone, or the attribute
 * alone), moved to its offsets.
 */

import * as assert from 'node:assert/strict';
import { makeRandom } from '../../../bench/random';
import { parse, sharedTextOf } from '../../../server/src/mlir/parser';
import { SlottedDialectAttr, SlottedSharedDialectAttr } from '../../../server/src/mlir/parser/nodes';
import type { AliasDefinition, AttrNode, ParseResult } from '../../../server/src/mlir/syntax';
import { DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree, shiftedRanges } from '../../support/plainTree';

const SPLIT = '\n// -----\n';

const primerParses = new Map<string, ParseResult>();
function primedParse(primer: string): ParseResult {
  let tree = primerParses.get(primer);
  if (tree === undefined) primerParses.set(primer, (tree = parse(primer)));
  return tree;
}

/**
 * The chunks of `text` after `primer` (and a split marker) against `text` parsed alone: trees and errors, at their
 * offsets. The primer's chunks fill the caches with its texts.
 */
function assertPrimedAsAlone(primer: string, text: string, what: string): ParseResult {
  const offset = primer.length + SPLIT.length;
  const whole = parse(primer + SPLIT + text);
  const alone = parse(text);
  const primed = primedParse(primer);
  const late = whole.file.chunks.slice(primed.file.chunks.length);
  assert.equal(late[0]?.range.start, offset, `${what}: the text's chunks follow the primer's`);
  assert.deepEqual(
    shiftedRanges(plainTree(late), 0),
    shiftedRanges(plainTree(alone.file.chunks), offset),
    `${what}: trees`,
  );
  assert.deepEqual(
    shiftedRanges(whole.errors.slice(primed.errors.length), 0),
    shiftedRanges(alone.errors, offset),
    `${what}: errors`,
  );
  return whole;
}

function aliasAttr(aliases: readonly AliasDefinition[], name: string): AttrNode {
  const attr = aliases.find((a) => a.name === name)?.attr;
  assert.ok(attr !== undefined, name);
  return attr;
}

describe('mlir parser: dialect attributes looked up by their text', function () {
  // Whole corpus dumps parsed several times: 20-28 s on a loaded 2-core machine, past the suite default of 30 s.
  this.timeout(120_000);
  const layout =
    '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x4x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>';
  const quoted = '#ttcore.x<[{role = host, triple = "a>b->c<"}], <[1 : i32]>>';

  it('gives a later use the first use’s template and the tree of its own text parsed alone', () => {
    const body = [
      `#l1 = ${layout}`,
      `#q1 = ${quoted}`,
      // A dictionary with a symbol reference is not shared (attributes.ts parseDict): its entries are this parse's.
      `"t.a"() {a = ${layout}, b = [${quoted}, 1], f = @f} : () -> ()`,
      '',
    ].join('\n');
    const primer = [`#l0 = ${layout}`, `#q0 = ${quoted}`, ''].join('\n');
    const whole = assertPrimedAsAlone(primer, body, 'hand-made');
    const [first, second] = whole.file.chunks;
    for (const [early, late] of [
      ['#l0', '#l1'],
      ['#q0', '#q1'],
    ] as const) {
      const a = aliasAttr(first!.aliases, early);
      const b = aliasAttr(second!.aliases, late);
      assert.ok(a instanceof SlottedSharedDialectAttr && b instanceof SlottedSharedDialectAttr, late);
      assert.equal(sharedTextOf(b), sharedTextOf(a), `${late}: one template per text`);
    }
    const op = second!.operations[0]!;
    const attrs = op.attributes;
    assert.ok(attrs !== undefined && attrs.kind === 'dict');
    const inDict = attrs.entries[0]!.value;
    assert.equal(sharedTextOf(inDict), sharedTextOf(aliasAttr(first!.aliases, '#l0')));
  });

  it('parses a text that only starts like a known one', () => {
    const primer = `#k = ${layout}\n`;
    const near = [
      // The known text followed by more body: `>` closes the group one level deeper than it did.
      `#a = ${layout.slice(0, -1)}, extra>>`,
      // Arrows and strings around the `>` a scan of the characters would take for the end.
      `#b = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), "x>", <1x1>>`,
      `#c = #t.e<%a->b>`,
      // Unterminated at the end of the chunk.
      `#d = ${layout.slice(0, 40)}`,
    ].join('\n');
    assertPrimedAsAlone(primer, near, 'near misses');
  });

  it('reports nesting past the limit where the known body would reach it, as the general path does', () => {
    const attr = '#d.a<<<<x>>>>';
    const deep = (levels: number): string =>
      `"t.a"() {a = ${'['.repeat(levels)}${attr}${']'.repeat(levels)}} : () -> ()\n`;
    for (const levels of [190, 193, 194, 195, 196, 200]) {
      const whole = assertPrimedAsAlone(`#p = ${attr}\n`, deep(levels), `${levels} levels`);
      const expectError = parse(deep(levels)).errors.some((e) => e.message.startsWith('nesting deeper'));
      assert.equal(
        whole.errors.some((e) => e.message.startsWith('nesting deeper')),
        expectError,
        `${levels} levels`,
      );
    }
  });

  it('counts the known body’s nesting where a dictionary decides whether it is shared, as the general path does', () => {
    // A dictionary nested deeper than 64 levels inside is not shared (attributes.ts parseDict); the body's groups count.
    const attr = '#d.a<<<<x>>>>';
    for (const levels of [56, 58, 59, 60, 62]) {
      const text = `"t.a"() {a = ${'['.repeat(levels)}${attr}${']'.repeat(levels)}} : () -> ()\n`;
      const whole = assertPrimedAsAlone(`#p = ${attr}\n`, text, `${levels} levels`);
      const shared = (tree: ParseResult): boolean => {
        const attrs = tree.file.chunks[tree.file.chunks.length - 1]!.operations[0]!.attributes;
        return attrs !== undefined && sharedTextOf(attrs) !== undefined;
      };
      assert.equal(shared(whole), shared(parse(text)), `${levels} levels`);
    }
  });

  it('keeps an unshared node where errors are no longer recorded, as the general path does', () => {
    const garbage = 'x\n'.repeat(1100);
    const whole = parse(`#p = ${layout}${SPLIT}${garbage}#q = ${layout}\n`);
    const late = aliasAttr(whole.file.chunks[1]!.aliases, '#q');
    assert.ok(late instanceof SlottedDialectAttr && !(late instanceof SlottedSharedDialectAttr));
  });

  it('model dumps after a copy of themselves: each attribute as in the dump parsed alone', () => {
    for (const file of [DUMP.falcon3DecodeTraced, DUMP.resnet18]) {
      const dump = readCorpus(file);
      assertPrimedAsAlone(dump, dump, file);
    }
  });

  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`${name}: a mutated dump after the clean one parses as alone`, () => {
      const source = readCorpus(DUMP.falcon3DecodeTraced);
      const random = makeRandom(name.length * 7919);
      for (let i = 0; i < 2; i++) assertPrimedAsAlone(source, mutate(source, random), `${name} #${i}`);
    });
  }
});

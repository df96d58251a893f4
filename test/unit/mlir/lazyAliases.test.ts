/**
 * Location aliases of a lazy parse (parser/lazyAliases.ts): a `#name = loc(...)` written the way a dump writes it
 * keeps offsets and builds its value at each read. The eager parse is the oracle: every alias of the lazy parse must
 * give the eager alias's JSON and value tree (same node classes), at every read, on the corpus, on mutated copies, and
 * with the chunk cut anywhere inside a definition; the parse's errors must be the eager parse's.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeRandom } from '../../../bench/random';
import { lazyBodiesParseCleanly, parse } from '../../../server/src/mlir/parser';
import {
  DumpLocationAlias,
  EditableLocationAlias,
  LazyLocationAlias,
  aliasReadSlotMark,
  dumpLocationChild,
  releaseAliasReadSlots,
} from '../../../server/src/mlir/parser/lazyAliases';
import { applyChange, parseForEdits, type TextChange } from '../../../server/src/mlir/incrementalParse';
import type { AliasDefinition, ParseResult } from '../../../server/src/mlir/syntax';
import { allCorpusFiles, DUMP, readCorpus } from '../../support/corpus';
import { MUTATIONS } from '../../support/mutations';
import { plainTree } from '../../support/plainTree';
import { definitionsOf, nameErrors, occurrencesOf } from '../../../server/src/mlir/scopes';
import { occurrenceAt } from '../../../server/src/mlir/occurrences';
import { foldingRanges } from '../../../server/src/features/folding';
import { LineIndex } from '../../../server/src/text/lineIndex';

function lazily(text: string): ParseResult {
  return parse(text, { lazyFunctionBodies: true });
}

function editably(text: string): ParseResult {
  return parseForEdits(text).parse;
}

/** The classes of a value's nodes, outermost first (attribute, location, child). */
function classes(attr: AliasDefinition['attr']): string[] {
  const out: string[] = [];
  let node: unknown = attr;
  while (node !== undefined && node !== null) {
    out.push((node as object).constructor.name);
    const n = node as { loc?: unknown; child?: unknown };
    node = n.loc ?? n.child;
  }
  return out;
}

/**
 * Asserts `offsets` (a parse's aliases) equal `eager`'s alias by alias: JSON, ranges, and the value tree with the same
 * node classes at every read; returns how many kept offsets (DumpLocationAlias).
 */
function assertAliasListsEqual(offsets: ParseResult, eager: ParseResult, what: string): number {
  assert.equal(offsets.file.chunks.length, eager.file.chunks.length, what);
  let offsetCount = 0;
  for (const [c, chunk] of offsets.file.chunks.entries()) {
    const expected = eager.file.chunks[c]!.aliases;
    assert.equal(chunk.aliases.length, expected.length, `${what}: chunk ${c} aliases`);
    for (const [i, alias] of chunk.aliases.entries()) {
      const other = expected[i]!;
      const at = `${what}: ${other.name} at ${other.range.start}`;
      assert.equal(JSON.stringify(alias), JSON.stringify(other), at);
      if (!(alias instanceof DumpLocationAlias)) continue;
      offsetCount++;
      assert.equal(alias.kind, other.kind, at);
      assert.equal(alias.type, undefined, at);
      assert.deepEqual(alias.nameRange, other.nameRange, at);
      assert.deepEqual(alias.range, other.range, at);
      // The child the TTNN view reads from the text is the eager value's `loc("name"(#child))`.
      const named = dumpLocationChild(alias);
      const eagerAttr = other.attr;
      const eagerLoc = eagerAttr?.kind === 'loc' ? eagerAttr.loc : undefined;
      if (eagerLoc?.kind === 'name') {
        assert.ok(named !== undefined, `${at}: a name location`);
        const child = eagerLoc.child;
        assert.equal(named.childAlias, child?.kind === 'aliasRef' ? child.name : child?.kind, `${at}: child`);
      } else {
        assert.equal(named, undefined, `${at}: not a name location`);
      }
      // Each read builds the eager value again: equal trees, the same classes.
      for (let read = 0; read < 2; read++) {
        assert.deepEqual(plainTree(alias.attr), plainTree(other.attr), `${at}: read ${read}`);
        assert.deepEqual(classes(alias.attr), classes(other.attr), `${at}: read ${read}`);
      }
    }
  }
  return offsetCount;
}

/**
 * Asserts the lazy and the editable parse of `text` equal the eager one alias by alias; returns how many aliases kept
 * offsets. A lazy parse whose bodies do not parse cleanly is not used (its callers parse again eagerly): it is skipped.
 */
function assertAliasesAsEager(text: string, what: string): number {
  const eager = parse(text);
  const editable = editably(text);
  assert.deepEqual(editable.errors, eager.errors, `${what}: editable errors`);
  let count = assertAliasListsEqual(editable, eager, `${what} (editable)`);
  const lazy = lazily(text);
  if (!lazyBodiesParseCleanly(lazy)) return count;
  assert.deepEqual(lazy.errors, eager.errors, `${what}: errors`);
  count += assertAliasListsEqual(lazy, eager, `${what} (lazy)`);
  return count;
}

describe('lazy and editable location aliases: equal to the eager parse', function () {
  // Whole-corpus property runs: their time scales with the corpus and the machine's load (3-25 s on 2 cores), so the
  // 30 s hang guard of .mocharc.json is too tight for them on a loaded machine.
  this.timeout(180_000);
  it('every corpus file', () => {
    let lazyCount = 0;
    for (const file of allCorpusFiles()) lazyCount += assertAliasesAsEager(fs.readFileSync(file, 'utf8'), file);
    // The corpus's model dumps define their op locations this way.
    assert.ok(lazyCount > 2_000, `lazy aliases: ${lazyCount}`);
  });

  it('mutated copies of the corpus files', () => {
    const random = makeRandom(51205);
    let lazyCount = 0;
    for (let round = 0; round < 2; round++) {
      for (const file of allCorpusFiles()) {
        const text = fs.readFileSync(file, 'utf8');
        if (!text.includes(' = loc(')) continue;
        for (const [name, mutate] of Object.entries(MUTATIONS))
          lazyCount += assertAliasesAsEager(mutate(text, random), `${file} ${name}`);
      }
    }
    assert.ok(lazyCount > 0);
  });

  it('every form cut at every offset, as a chunk end and as the end of the file', () => {
    const lines = [
      '#loc1 = loc("p0.1")',
      '#loc2 = loc(#loc1)',
      '#loc3 = loc("add.5"(#loc1))',
      '#loc4 = loc("esc\\"aped\\22"(#loc-1.a$))',
      '#loc5 = loc("")',
      '#loc6 = loc(#-})',
      '#loc7 = loc("n"(#l) )',
      '#loc8 = loc( "n")',
      '#loc9 = loc("f.py":3:4)',
      '#loc10 = loc("n"("m"))',
      '#loc11 = loc(unknown)',
      '#loc12 = loc("unterminated)',
      '#loc13 = loc("n")  // comment',
      '#loc14 =  loc("n")',
    ];
    let lazyCount = 0;
    for (const line of lines) {
      for (let cut = 1; cut <= line.length; cut++) {
        const head = line.slice(0, cut);
        lazyCount += assertAliasesAsEager(`${head}\n// -----\n#loc = loc(unknown)\n`, JSON.stringify(head));
        lazyCount += assertAliasesAsEager(head, JSON.stringify(head));
      }
      lazyCount += assertAliasesAsEager(`${line}\n"t.a"() : () -> () loc(#loc1)\n`, line);
    }
    assert.ok(lazyCount >= 6 * 2 * 2, `lazy aliases: ${lazyCount}`);
  });

  it('a dump keeps its location aliases lazy, and its other aliases as the eager parse makes them', () => {
    const text = readCorpus(DUMP.resnet18);
    const aliases = lazily(text).file.chunks.flatMap((c) => c.aliases);
    const lazy = aliases.filter((a) => a instanceof LazyLocationAlias);
    assert.ok(lazy.length > 100, `${lazy.length} of ${aliases.length}`);
    assert.ok(aliases.some((a) => a.name.startsWith('#ttnn_layout') && !(a instanceof LazyLocationAlias)));
    // An eager parse has none.
    assert.equal(
      parse(text)
        .file.chunks.flatMap((c) => c.aliases)
        .filter((a) => a instanceof LazyLocationAlias).length,
      0,
    );
  });

  it("an editable parse keeps a dump's location aliases as offsets, with one range-table slot each", () => {
    const text = readCorpus(DUMP.resnet18);
    const editable = parseForEdits(text);
    const aliases = editable.parse.file.chunks.flatMap((c) => c.aliases);
    const kept = aliases.filter((a) => a instanceof EditableLocationAlias);
    assert.ok(kept.length > 100, `${kept.length} of ${aliases.length}`);
    // Reads take no slot of the range table, so no read grows what every edit shifts.
    const size = editable.ranges.size;
    for (const alias of kept) void JSON.stringify(alias);
    assert.equal(editable.ranges.size, size);
    assert.equal(aliasReadSlotMark(kept[0]), -1);
  });

  it("edits inside ops before a dump's aliases move them: the aliases equal a fresh eager parse after every edit", () => {
    const random = makeRandom(18001);
    for (const file of [DUMP.resnet18, DUMP.falcon3Decode]) {
      let text = readCorpus(file);
      const editable = parseForEdits(text);
      const leaves = editable.parse.file.chunks[0]!.operations.flatMap((op) =>
        op.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations)),
      );
      let applied = 0;
      for (let round = 0; round < 12; round++) {
        const leaf = leaves[Math.floor(random() * leaves.length)]!;
        const { start, end } = leaf.range;
        // Inside a shape or name: grows, shrinks or replaces, so later offsets move both ways.
        const at = start + 1 + Math.floor(random() * (end - start - 2));
        const options: TextChange[] = [
          { start: at, end: at, newText: ' ' },
          { start: at, end: at + 1, newText: '' },
          { start: at, end: at + 1, newText: 'xx' },
        ];
        const change = options[Math.floor(random() * options.length)]!;
        const edited = text.slice(0, change.start) + change.newText + text.slice(change.end);
        if (applyChange(editable, change, edited) === undefined) continue;
        applied++;
        text = edited;
        const counted = assertAliasListsEqual(editable.parse, parse(text), `${file} edit ${round}`);
        assert.ok(counted > 50, `${file}: ${counted}`);
      }
      assert.ok(applied >= 3, `${file}: ${applied} edits applied`);
    }
  });

  it("the editor's readers of `#locN` (definitions, references, name errors, folding) answer as on the eager parse", () => {
    const text = readCorpus(DUMP.resnet18);
    const editable = editably(text);
    const eager = parse(text);
    const answers = (tree: ParseResult, offset: number): string => {
      const at = occurrenceAt(tree.file, offset);
      return JSON.stringify(at === undefined ? null : [at.occurrence, definitionsOf(at), occurrencesOf(at)]);
    };
    // Every 7th `#loc` mention: in definitions (their names and the aliases they use) and in ops' `loc(#locN)`.
    let checked = 0;
    for (let at = text.indexOf('#loc'), n = 0; at >= 0; at = text.indexOf('#loc', at + 1), n++) {
      if (n % 7 !== 0) continue;
      const answer = answers(editable, at + 2);
      assert.equal(answer, answers(eager, at + 2), `#loc at ${at}`);
      if (answer !== 'null') checked++;
    }
    assert.ok(checked > 50, `${checked}`);
    assert.deepEqual(nameErrors(editable.file), nameErrors(eager.file));
    const lines = new LineIndex(text);
    assert.deepEqual(foldingRanges(editable.file, lines), foldingRanges(eager.file, lines));
  });

  it('an edit inside an alias definition is declined (the whole text is parsed again)', () => {
    const text = `#loc1 = loc("a")\n"t.a"() : () -> () loc(#loc1)\n#loc2 = loc("b"(#loc1))\n`;
    const editable = parseForEdits(text);
    const at = text.indexOf('"b"') + 1;
    assert.equal(
      applyChange(editable, { start: at, end: at, newText: 'z' }, text.slice(0, at) + 'z' + text.slice(at)),
      undefined,
    );
    assert.ok(editable.parse.file.chunks[0]!.aliases[1] instanceof EditableLocationAlias);
  });

  it('reads between aliasReadSlotMark and releaseAliasReadSlots leave the parse its slots, and read as the eager ones', () => {
    const text = readCorpus(DUMP.falcon3Decode);
    const lazy = lazily(text);
    const eager = parse(text);
    const aliases = lazy.file.chunks[0]!.aliases;
    const lazyAliases = aliases.filter((a) => a instanceof LazyLocationAlias);
    assert.ok(lazyAliases.length > 50, `lazy aliases: ${lazyAliases.length}`);
    const table = (lazyAliases[0] as unknown as { $in: { slots: { size: number } } }).$in.slots;
    const before = table.size;
    for (const [i, alias] of aliases.entries()) {
      const mark = aliasReadSlotMark(alias);
      assert.equal(mark, alias instanceof LazyLocationAlias ? before : -1);
      // Two reads, as a walk through an alias chain makes: both taken back.
      const read = JSON.stringify([alias.attr, alias.attr]);
      const other = eager.file.chunks[0]!.aliases[i]!;
      assert.equal(read, JSON.stringify([other.attr, other.attr]), other.name);
      releaseAliasReadSlots(alias, mark);
      assert.equal(table.size, before, other.name);
    }
    // Without the release, each read keeps its slots.
    void lazyAliases[0]!.attr;
    assert.ok(table.size > before);
  });
});

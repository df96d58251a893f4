/**
 * The typed readers of a dialect attribute's items and fields (ttnn/dialectFields.ts): decided from the parser's
 * tokens by the TTNN view, and the same for a PropValue made elsewhere from its texts; a malformed value reads as
 * undefined (the estimators' unmodeled or default path), never a throw.
 */

import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../server/src/mlir/parser';
import { fieldValuesOf, moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import {
  boolOf,
  dialectNameOf,
  fieldValue,
  intOf,
  itemValue,
  pairOf,
  wordOf,
  type DialectProp,
} from '../../../server/src/ttnn/dialectFields';
import type { PropValue } from '../../../server/src/ttnn/op';
import { parseMatmulConfig } from '../../../server/src/estimate/ops/matmul';
import { allCorpusFiles } from '../../support/corpus';

/** The `config` property of a one-op function whose attribute is written `attr`, as the TTNN view decodes it. */
function viewProp(attr: string): PropValue | undefined {
  const text = `func.func @f() {\n  "ttnn.x"() <{config = ${attr}}> : () -> ()\n  return\n}\n`;
  return moduleFromSyntax(parse(text)).functions[0]?.ops[0]?.properties['config'];
}

/** The same attribute as a hand-built PropValue (as quick fixes and tests make them): fields by their texts. */
function madeProp(fields: Record<string, string>, items: string[] = []): DialectProp {
  return { kind: 'dialect', name: 'ttnn.made', text: '#ttnn.made<...>', items, fields };
}

describe('dialect attribute field readers', () => {
  const config =
    '#ttnn.matmul_multi_core_reuse_multi_cast_program_config<compute_with_storage_grid_size = #ttnn.core_coord<8, 6>, ' +
    'in0_block_w = 2 : i64, out_subblock_h = 4, fuse_batch = true, mcast_in0 = false, shard = height_sharded, ' +
    'grid = #ttcore.grid<7x5>, bare = <3, 4>, dims = 2x9, neg = -3, big = 123456789012345678901, frac = 1.5, ' +
    'alias = #grid, list = [1, 2], wide = <1, 2, 3>, flag = True>';

  it('reads integers (with or without a type), booleans, enum words and pairs from the view', () => {
    const p = viewProp(config);
    assert.equal(p?.kind, 'dialect');
    assert.equal(intOf(fieldValue(p, 'in0_block_w')), 2);
    assert.deepEqual(fieldValue(p, 'in0_block_w'), { kind: 'int', value: 2, type: 'i64' });
    assert.equal(intOf(fieldValue(p, 'out_subblock_h')), 4);
    assert.equal(intOf(fieldValue(p, 'neg')), -3);
    assert.equal(boolOf(fieldValue(p, 'fuse_batch')), true);
    assert.equal(boolOf(fieldValue(p, 'mcast_in0')), false);
    assert.equal(wordOf(fieldValue(p, 'shard')), 'height_sharded');
    // `#ttnn.core_coord<8, 6>`: read through the nested attribute only when asked to.
    assert.deepEqual(pairOf(fieldValue(p, 'compute_with_storage_grid_size'), [','], true), [8, 6]);
    assert.equal(pairOf(fieldValue(p, 'compute_with_storage_grid_size'), [','], false), undefined);
    assert.equal(pairOf(fieldValue(p, 'compute_with_storage_grid_size'), ['x'], true), undefined);
    assert.equal(dialectNameOf(fieldValue(p, 'compute_with_storage_grid_size')), 'ttnn.core_coord');
    assert.deepEqual(pairOf(fieldValue(p, 'grid'), ['x'], true), [7, 5]);
    assert.equal(dialectNameOf(fieldValue(p, 'grid')), 'ttcore.grid');
    assert.deepEqual(pairOf(fieldValue(p, 'bare'), [','], false), [3, 4]);
    assert.deepEqual(pairOf(fieldValue(p, 'dims'), ['x'], false), [2, 9]);
  });

  it('reads malformed values as undefined, not as a number or a default', () => {
    const p = viewProp(config);
    // 123456789012345678901 is past 2^53: no exact integer.
    for (const key of ['big', 'frac', 'alias', 'list', 'wide', 'flag', 'shard', 'fuse_batch'])
      assert.equal(intOf(fieldValue(p, key)), undefined, key);
    for (const key of ['in0_block_w', 'flag', 'shard', 'wide'])
      assert.equal(boolOf(fieldValue(p, key)), undefined, key);
    for (const key of ['wide', 'list', 'alias', 'neg', 'in0_block_w'])
      assert.equal(pairOf(fieldValue(p, key), [',', 'x'], true), undefined, key);
    assert.equal(fieldValue(p, 'absent'), undefined);
    assert.equal(fieldValue(undefined, 'in0_block_w'), undefined);
    assert.equal(fieldValue({ kind: 'int', value: 2, text: '2' }, 'in0_block_w'), undefined);
  });

  it('reads items: `#ttnn.conv2d_slice_config<dram_height, 4>`', () => {
    const p = viewProp('#ttnn.conv2d_slice_config<dram_height, 4>');
    assert.equal(wordOf(itemValue(p, 0)), 'dram_height');
    assert.equal(intOf(itemValue(p, 1)), 4);
    assert.equal(itemValue(p, 2), undefined);
  });

  it('reads a hand-built PropValue the same as the view reads the attribute', () => {
    const made = madeProp(
      {
        in0_block_w: '2:i64',
        fuse_batch: 'true',
        grid: '#ttcore.grid<7x5>',
        compute_with_storage_grid_size: '#ttnn.core_coord<8,6>',
        frac: '1.5',
        broken: '<8,',
        shard: 'height_sharded',
      },
      ['dram_width', '3'],
    );
    assert.equal(intOf(fieldValue(made, 'in0_block_w')), 2);
    assert.equal(boolOf(fieldValue(made, 'fuse_batch')), true);
    assert.deepEqual(pairOf(fieldValue(made, 'grid'), ['x'], true), [7, 5]);
    assert.deepEqual(pairOf(fieldValue(made, 'compute_with_storage_grid_size'), [','], true), [8, 6]);
    assert.equal(intOf(fieldValue(made, 'frac')), undefined);
    // Text the parser cannot read as one value (an unclosed group) is no value at all.
    assert.deepEqual(fieldValue(made, 'broken'), { kind: 'other' });
    assert.equal(wordOf(fieldValue(made, 'shard')), 'height_sharded');
    assert.equal(wordOf(itemValue(made, 0)), 'dram_width');
    assert.equal(intOf(itemValue(made, 1)), 3);
  });

  it('a matmul program config read from the view: its counts and grid, or why it is malformed (never a throw)', () => {
    const written = (in0BlockW: string, grid: string): PropValue | undefined =>
      viewProp(
        `#ttnn.matmul_multi_core_reuse_multi_cast_program_config<compute_with_storage_grid_size = ${grid}, ` +
          `in0_block_w = ${in0BlockW}, out_subblock_h = 1, out_subblock_w = 2, per_core_m = 4, per_core_n = 8, ` +
          `fuse_batch = true>`,
      );
    const ok = written('2 : i64', '#ttnn.core_coord<8, 6>');
    assert.ok(ok?.kind === 'dialect');
    const config = parseMatmulConfig(ok, [10, 12]);
    assert.ok(typeof config !== 'string', typeof config === 'string' ? config : '');
    assert.deepEqual(
      [config.gridX, config.gridY, config.in0BlockW, config.perCoreM, config.perCoreN, config.outSubblockW],
      [8, 6, 2, 4, 8, 2],
    );
    assert.equal(config.fuseBatch, true);
    // A grid that is no pair: the device's (10 rows x 12 columns → x 12, y 10).
    const alias = written('2', '#grid');
    assert.ok(alias?.kind === 'dialect');
    const fromDevice = parseMatmulConfig(alias, [10, 12]);
    assert.ok(typeof fromDevice !== 'string');
    assert.deepEqual([fromDevice.gridX, fromDevice.gridY], [12, 10]);
    for (const bad of ['1.5', '0', '-2', 'two', '123456789012345678901']) {
      const p = written(bad, '#ttnn.core_coord<8, 6>');
      assert.ok(p?.kind === 'dialect');
      const why = parseMatmulConfig(p, [10, 12]);
      assert.equal(typeof why, 'string', bad);
      assert.match(why as string, /in0_block_w = .* is not a positive integer/, bad);
    }
  });

  it('the view decides from the tokens what the parser reads from each printed text, on every corpus and thread file', () => {
    const fixtures = path.resolve(__dirname, '../../fixtures');
    const threads = fs
      .readdirSync(path.join(fixtures, 'threads'))
      .filter((name) => name.endsWith('.mlir'))
      .map((name) => path.join(fixtures, 'threads', name));
    const kinds = new Map<string, number>();
    for (const file of [...allCorpusFiles(), ...threads]) {
      const m = moduleFromSyntax(parse(fs.readFileSync(file, 'utf8')));
      for (const f of m.functions)
        for (const o of f.ops)
          for (const v of Object.values(o.properties)) {
            // A ttnn.generic program's texts expand its aliases, its tokens do not: not the same input.
            if (v.kind !== 'dialect' || v.name === 'ttnn.program' || v.name === 'ttnn.mesh_program_descriptor')
              continue;
            const fromTokens = fieldValuesOf(v);
            // A copy is not the view's object: its item and field texts are read by the parser.
            const fromTexts = fieldValuesOf({ ...v });
            assert.deepEqual(fromTokens, fromTexts, `${file}: ${v.text.slice(0, 200)}`);
            for (const value of fromTokens.fields.values()) kinds.set(value.kind, (kinds.get(value.kind) ?? 0) + 1);
          }
    }
    for (const kind of ['int', 'bool', 'pair', 'dialect', 'word'])
      assert.ok((kinds.get(kind) ?? 0) > 0, `no ${kind} field on the corpus: ${JSON.stringify([...kinds])}`);
  });
});

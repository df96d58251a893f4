/** Layout text written by the fixes reproduces tt-mlir's printed forms (seed aliases, HEAD sharded test layouts). */

import { strict as assert } from 'assert';
import { decodeLayoutBody } from '../../../server/src/ttnn/fromSyntax';
import { printTokens } from '../../../server/src/mlir/print';
import {
  layoutAttrText,
  layoutEraOf,
  linearMapText,
  memrefElementText,
  physicalUnits,
} from '../../../server/src/fixes/layoutText';
import { attrOf } from '../../support/syntax';
import { parse } from '../../../server/src/mlir/parser';
import { typeProblems } from '../../../server/src/fixes/typeCheck';
import { read } from './harness';

const TILE = '!ttcore.tile<32x32, bf16>';
const WH = { era: 'coreRanges' as const, deviceGrid: [8, 8] as const, dramSpace: '#dram', l1Space: '#l1' };

describe('fixes/layoutText', () => {
  it('reproduces the seed aliases #ttnn_layout2 (row-major) and #ttnn_layout3 (tile) for 1x768x4x60x106', () => {
    assert.equal(
      linearMapText([1, 768, 4, 60, 106], 'row_major'),
      '(d0, d1, d2, d3, d4) -> (d0 * 184320 + d1 * 240 + d2 * 60 + d3, d4)',
    );
    const seed = read('examples/mochi_replicate_pad.mlir');
    const l3 = /#ttnn_layout3 = (.*)/.exec(seed)![1];
    assert.equal(
      layoutAttrText([1, 768, 4, 60, 106], 'tile', TILE, { kind: 'dram_interleaved', grid: [1, 1] }, WH),
      l3,
    );
    const l6 = /#ttnn_layout6 = (.*)/.exec(seed)![1];
    assert.equal(layoutAttrText([4, 4884480], 'row_major', 'bf16', { kind: 'dram_interleaved', grid: [1, 1] }, WH), l6);
  });

  it('height-sharded over 8 cores like tt-mlir HEAD nlp_concat_heads_decode.mlir (pipeline core_ranges form)', () => {
    // #ttnn_layout_8heads_in: (d0 * 256 + d1 * 32 + d2, d3), <8x1>, memref<1x4 tiles>, height_sharded, cores (0,0)-(7,0).
    assert.equal(
      layoutAttrText([1, 8, 32, 128], 'tile', TILE, { kind: 'height_sharded', grid: [8, 1] }, WH),
      '#ttnn.ttnn_layout<(d0, d1, d2, d3) -> (d0 * 256 + d1 * 32 + d2, d3), <8x1>, memref<1x4x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>, core_ranges = <[#ttnn.core_range<(0,0), (7,0)>]>>',
    );
  });

  it('L1 interleaved uses the worker grid and <1 x ceil(tiles / cores)> (ttnn-ir-syntax.md §3)', () => {
    // 4480x5120 bf16: 140 x 160 = 22,400 tiles over 64 cores = 350 per core.
    assert.equal(
      layoutAttrText([4480, 5120], 'tile', TILE, { kind: 'l1_interleaved', grid: [8, 8] }, WH),
      '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x350x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>',
    );
  });

  it('40 cores on an 8-wide grid: five full rows as one range', () => {
    const t = layoutAttrText([1280, 64], 'tile', TILE, { kind: 'height_sharded', grid: [40, 1] }, WH)!;
    assert.ok(t.endsWith('core_ranges = <[#ttnn.core_range<(0,0), (7,4)>]>>'), t);
    const t2 = layoutAttrText([1344, 64], 'tile', TILE, { kind: 'height_sharded', grid: [42, 1] }, WH)!;
    assert.ok(t2.endsWith('core_ranges = <[#ttnn.core_range<(0,0), (7,4)>, #ttnn.core_range<(0,5), (1,5)>]>>'), t2);
  });

  it('older eras print grid maps instead of core ranges', () => {
    const single = layoutAttrText(
      [32, 2048],
      'tile',
      TILE,
      { kind: 'width_sharded', grid: [1, 64] },
      { ...WH, era: 'singleMap' },
    )!;
    assert.ok(single.includes('<1x64, (d0, d1) -> (0, d1 floordiv 8, d1 mod 8)>'), single);
    const named = layoutAttrText(
      [32, 2048],
      'tile',
      TILE,
      { kind: 'width_sharded', grid: [1, 64] },
      { ...WH, era: 'namedMaps' },
    )!;
    assert.ok(
      named.includes(
        'virt_to_physical_map = (d0, d1) -> (0, d1 floordiv 8, d1 mod 8), physical_to_virt_map = (d0, d1, d2) -> (0, d1 * 8 + d2)',
      ),
      named,
    );
    assert.equal(layoutEraOf(parse(read('examples/mochi_replicate_pad.mlir')).file), 'singleMap');
    assert.equal(
      layoutEraOf(
        parse(
          '#l = #ttnn.ttnn_layout<(d0) -> (0, d0), <8x1>, memref<1x1xbf16, #l1>, <height_sharded>, core_ranges = <[]>>\n',
        ).file,
      ),
      'coreRanges',
    );
  });

  it('what it writes decodes back to the intended placement', () => {
    const text = layoutAttrText([1, 8, 32, 128], 'tile', TILE, { kind: 'width_sharded', grid: [1, 4] }, WH)!;
    const p = parse(`#l = ${text}\n`);
    const attr = p.file.chunks[0].aliases[0].attr!;
    assert.equal(attr.kind, 'dialectAttr');
    const body = attr.kind === 'dialectAttr' && attr.body !== undefined ? printTokens(attr.body.children).text : '';
    const layout = decodeLayoutBody('ttnn.ttnn_layout', body);
    assert.equal(layout.kind, 'layout');
    if (layout.kind !== 'layout') return;
    assert.deepEqual(
      [layout.memoryLayout, layout.bufferType, layout.gridShape, layout.shardShape],
      ['width_sharded', 'l1', [1, 4], [8, 1]],
    );
    assert.deepEqual(layout.coreRanges, [{ start: { x: 0, y: 0 }, end: { x: 3, y: 0 } }]);
  });

  it('physical units and memref element text', () => {
    assert.deepEqual(physicalUnits([4, 4884480], 'tile'), { rows: 1, cols: 152640 });
    assert.deepEqual(physicalUnits([1, 768, 4, 60, 106], 'row_major'), { rows: 184320, cols: 106 });
    assert.equal(
      memrefElementText(
        attrOf(
          '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<648x24x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>',
        ),
      ),
      TILE,
    );
    assert.equal(
      memrefElementText(
        attrOf('#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x4884480xbf16, #dram>, <interleaved>>'),
      ),
      'bf16',
    );
    // Read from the token tree: spacing as written does not matter, a memref without a shape prefix still has an element.
    assert.equal(
      memrefElementText(
        attrOf(
          '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref< 2x2x!ttcore.tile<32x32,bf16> , #dram>, <interleaved>>',
        ),
      ),
      TILE,
    );
    assert.equal(memrefElementText(attrOf('#ttnn.buffer_type<dram>')), undefined);
  });
});

describe('fixes/typeCheck', () => {
  const ok = [
    '#a = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>, <interleaved>>',
    'func.func @f(%arg0: tensor<32x32xbf16, #a>) -> tensor<32x32xbf16, #a> {',
    '  %0 = "ttnn.relu"(%arg0) : (tensor<32x32xbf16, #a>) -> tensor<32x32xbf16, #a>',
    '  return %0 : tensor<32x32xbf16, #a>',
    '}',
  ].join('\n');

  it('a consistent function has no problems', () => {
    assert.deepEqual([...typeProblems(ok, parse(ok))], []);
  });

  it('finds a use typed differently from its definition, an undefined alias and a use after deallocate', () => {
    const bad = ok
      .replace('"ttnn.relu"(%arg0) : (tensor<32x32xbf16, #a>)', '"ttnn.relu"(%arg0) : (tensor<32x32xbf16, #b>)')
      .replace('  return', '  "ttnn.deallocate"(%0) <{force = false}> : (tensor<32x32xbf16, #a>) -> ()\n  return');
    const problems = [...typeProblems(bad, parse(bad))];
    assert.ok(
      problems.some((p) => /type differs from its definition/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /#b\|undefined alias/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /used after ttnn.deallocate/.test(p)),
      problems.join('\n'),
    );
  });

  it('an inline layout equal to an alias is the same type', () => {
    const inline = ok.replace(
      '"ttnn.relu"(%arg0) : (tensor<32x32xbf16, #a>)',
      '"ttnn.relu"(%arg0) : (tensor<32x32xbf16, #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>, <interleaved>>>)',
    );
    assert.deepEqual([...typeProblems(inline, parse(inline))], []);
  });
});

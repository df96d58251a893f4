/** The era marks the fixes read from the syntax tree: grid forms of layouts and the device, shard-spec modes. */

import { strict as assert } from 'assert';
import { parse } from '../../../server/src/mlir/parser';
import { fileMarks } from '../../../server/src/fixes/fileMarks';
import { layoutEraOf } from '../../../server/src/fixes/layoutText';

const marksOf = (text: string) => fileMarks(parse(text).file);

describe('fixes/fileMarks', () => {
  it('reads the device grid form from the ttcore.device op: named maps, or one unnamed map', () => {
    const named = parse(`module {
  ttcore.device @default_device = <workerGrid = #ttcore.grid<8x8, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0] -> (0, 0, d0), meshShape = , chipIds = [0]>
}
`);
    assert.equal(layoutEraOf(named.file), 'namedMaps');
    const single =
      parse(`#device = #tt.device<workerGrid = #tt.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1)[s0, s1] -> (0, d0, d1), meshShape = , chipIds = [0]>
module attributes {tt.device = #device} {}
`);
    assert.equal(layoutEraOf(single.file), 'singleMap');
  });

  it('a layout grid with core_ranges is the current era, and words in comments or strings do not count', () => {
    assert.equal(
      layoutEraOf(
        parse(`// virt_to_physical_map in a comment
#l = #ttnn.ttnn_layout<(d0) -> (0, d0), <8x1>, memref<1x1xbf16, #ttnn.buffer_type<l1>>, <height_sharded>, core_ranges = <[#ttnn.core_range<(0,0), (0,7)>]>>
`).file,
      ),
      'coreRanges',
    );
    assert.equal(layoutEraOf(parse('module attributes {note = "virt_to_physical_map"} {}\n').file), 'coreRanges');
  });

  it('finds a shard mode at the end of a shard spec in an op property, only there', () => {
    const withMode = `func.func @f(%arg0: tensor<1x256xf32>) -> tensor<1x256xf32> {
  %0 = "ttnn.to_memory_config"(%arg0) <{memory_config = #ttnn.memory_config<#l1, <block_sharded>, #ttnn.shard_spec<<[#ttnn.core_range<(0,0), (7,0)>]>, <32x32>, <row_major>, <physical>>>}> : (tensor<1x256xf32>) -> tensor<1x256xf32>
  return %0 : tensor<1x256xf32>
}
`;
    assert.equal(marksOf(withMode).shardSpecMode, true);
    assert.equal(marksOf(withMode.replace(', <physical>', '')).shardSpecMode, false);
    assert.equal(marksOf(withMode.replace('<row_major>, <physical>', '<physical>, <row_major>')).shardSpecMode, false);
  });

  it('reads a properties text shared by many ops once, and still reads the next, different one', () => {
    const op = (n: number, mode: string) =>
      `  %${n} = "ttnn.to_memory_config"(%arg0) <{memory_config = #ttnn.memory_config<#l1, <block_sharded>, #ttnn.shard_spec<<[#ttnn.core_range<(0,0), (7,0)>]>, <32x32>, ${mode}>>}> : (tensor<1x256xf32>) -> tensor<1x256xf32>`;
    const text = (last: string) =>
      [
        'func.func @f(%arg0: tensor<1x256xf32>) -> tensor<1x256xf32> {',
        op(0, '<physical>, <row_major>'),
        op(1, '<physical>, <row_major>'),
        op(2, last),
        '  return %2 : tensor<1x256xf32>',
        '}',
      ].join('\n');
    assert.equal(marksOf(text('<row_major>, <physical>')).shardSpecMode, true);
    assert.equal(marksOf(text('<physical>, <row_major>')).shardSpecMode, false);
  });
});

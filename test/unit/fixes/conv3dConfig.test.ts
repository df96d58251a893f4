/**
 * The conv3d_config quick fix writes its grid in the dump's core dialect (`#ttcore.grid` since tt-mlir renamed `tt`,
 * `#tt.grid` before), read from the syntax tree (fixes/fileMarks.ts) when the op has no config of its own: never from
 * the document's text, where a comment or a string would count.
 */

import { strict as assert } from 'assert';
import { chooseConv3dBlocking, conv3dConfigText } from '../../../server/src/fixes/conv3dConfig';
import { fileMarks } from '../../../server/src/fixes/fileMarks';
import type { Fix } from '../../../server/src/fixes/types';
import { parse } from '../../../server/src/mlir/parser';
import { fixesAt, load, read } from './harness';

const conv3dFix = (text: string): Fix | undefined => {
  const l = load(text);
  const fa = l.analysis.functions.find((f) => f.fn.name === '@main')!;
  const index = fa.ops.findIndex((o) => o.op.name === 'ttnn.conv3d');
  assert.ok(fa.ops[index]?.overflow !== undefined, 'the conv3d overflows (the fix is asked for)');
  return fixesAt(l, '@main', index).fixes.find((f) => f.fixKind === 'conv3dConfig');
};

// The mochi conv3d of the fix fixtures (768 → 768 channels, 3x3x3 kernel over 6x60x106, no conv3d_config) in a dump of
// the `tt` dialect's era: `!tt.tile` memrefs and `#tt.supportedDataTypes`, no `#tt.grid` anywhere.
const TT_ERA = `#dram = #ttnn.buffer_type<dram>
#w = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<648x24x!tt.tile<32x32, bf16>, #dram>, <interleaved>>
#b = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x24x!tt.tile<32x32, bf16>, #dram>, <interleaved>>
#in = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 38160 + d1 * 6360 + d2 * 106 + d3, d4), <1x1>, memref<38160x768xbf16, #dram>, <interleaved>>
#out = #ttnn.ttnn_layout<(d0, d1, d2, d3, d4) -> (d0 * 30720 + d1 * 7680 + d2 * 128 + d3, d4), <1x1>, memref<960x24x!tt.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%arg0: tensor<20736x768xbf16, #w>, %arg1: tensor<1x768xbf16, #b>, %arg2: tensor<1x6x60x106x768xbf16, #in>) -> tensor<1x4x60x106x768xbf16, #out> {
    %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
    %1 = "ttnn.conv3d"(%arg2, %arg0, %arg1, %0) <{batch_size = 1 : i32, dtype = #tt.supportedDataTypes<bf16>, groups = 1 : i32, in_channels = 768 : i32, input_depth = 6 : i32, input_height = 60 : i32, input_width = 106 : i32, kernel_size = array<i32: 3, 3, 3>, out_channels = 768 : i32, padding = array<i32: 0, 1, 1>, padding_mode = "zeros", stride = array<i32: 1, 1, 1>}> : (tensor<1x6x60x106x768xbf16, #in>, tensor<20736x768xbf16, #w>, tensor<1x768xbf16, #b>, !ttnn.device) -> tensor<1x4x60x106x768xbf16, #out>
    return %1 : tensor<1x4x60x106x768xbf16, #out>
  }
}
`;

describe('fixes/conv3dConfig: the grid dialect of a conv3d without a config', () => {
  it('fileMarks tells the core dialect by its attributes and types, not by comments or strings', () => {
    const tt = fileMarks(parse(TT_ERA).file);
    assert.deepEqual([tt.ttDialect, tt.ttcoreDialect], [true, false]);
    const commented = `// #ttcore.grid<8x8> in a comment\n${TT_ERA.replace('module {', 'module attributes {note = "#ttcore.grid"} {')}`;
    const c = fileMarks(parse(commented).file);
    assert.deepEqual([c.ttDialect, c.ttcoreDialect], [true, false]);
    const current = fileMarks(parse(TT_ERA.replaceAll('!tt.', '!ttcore.').replaceAll('#tt.', '#ttcore.')).file);
    assert.deepEqual([current.ttDialect, current.ttcoreDialect], [false, true]);
  });

  it('a tt-era dump gets #tt.grid, a ttcore word in a comment or string notwithstanding', () => {
    // The regex this replaced read `#ttcore.` anywhere in the text, or no `#tt.grid`, as ttcore: both wrong here.
    for (const text of [TT_ERA, `// #ttcore.grid<8x8> in a comment\n${TT_ERA}`]) {
      const fix = conv3dFix(text);
      assert.ok(fix !== undefined, 'a conv3d_config fix is offered');
      assert.equal(fix.edits.length, 1);
      assert.match(
        fix.edits[0]!.newText,
        /^conv3d_config = #ttnn\.conv3d_config<.*compute_with_storage_grid_size = #tt\.grid<8x8>>, $/,
      );
    }
  });

  it('on the fix fixtures (ttcore dumps, no conv3d_config) the edit is the blocking written with #ttcore.grid', () => {
    // Each of these files prints `#ttcore.` attributes and `!ttcore.tile` types and no `#tt.` ones (read by eye), so the
    // edit is exactly conv3dConfigText of the chosen blocking in the ttcore dialect, inserted as the op's first property
    // (alphabetical: before `dtype`), as before the syntax-tree read.
    const files = [
      'examples/mochi_replicate_pad.mlir',
      'test/fixtures/fixes/mochi_runtime_indices.mlir',
      'test/fixtures/fixes/pad_front_indices.mlir',
      'test/fixtures/fixes/pad_back_indices.mlir',
      'test/fixtures/fixes/gather_not_pad.mlir',
    ];
    let checked = 0;
    for (const file of files) {
      const l = load(read(file));
      for (const [fi, fa] of l.analysis.functions.entries()) {
        for (const [oi, o] of fa.ops.entries()) {
          if (o.op.name !== 'ttnn.conv3d' || o.overflow === undefined) continue;
          const fix = fixesAt(l, fa.fn.name, oi, {}, fi).fixes.find((f) => f.fixKind === 'conv3dConfig');
          assert.ok(fix !== undefined, `${file}: a conv3d_config fix`);
          const ctx = {
            device: l.analysis.device,
            ttMetal: { window: l.analysis.ttMetal.window },
            liveL1BytesPerCore: o.liveL1TensorBytesPerCore,
          };
          const blocking = chooseConv3dBlocking(o.op, ctx, ctx.device.l1SizeBytes - o.liveL1TensorBytesPerCore);
          assert.ok(typeof blocking !== 'string', file);
          assert.deepEqual(
            fix.edits.map((e) => e.newText),
            [`conv3d_config = ${conv3dConfigText(blocking, 'ttcore')}, `],
            file,
          );
          checked++;
        }
      }
    }
    // Not vacuous: every file has at least one overflowing conv3d the fix is asked for.
    assert.ok(checked >= files.length, `${checked} conv3d fixes checked`);
  });
});

/**
 * `op-illegal`: a configuration tt-metal's validation rejects is reported as an Error with the rule, for the build the
 * user names; the layout solver never offers a placement that makes an op illegal (same check: estimateOp).
 */

import * as assert from 'assert';
import { diagnostics } from '../../../server/src/features/diagnostics';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { rangeOf } from './fixture';
import { checkDiagnostics, checkHover, markedAt } from '../../support/checks';

// 256x64 bf16: 16 tiles. L1 interleaved on the 8x8 grid holds ceil(16/64) = 1 tile per bank; height-sharded on 8x1
// cores holds one 32-row band of 2 tiles per core.
const TEXT = `#l1 = #ttnn.buffer_type<l1>
#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 102656, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, supported_data_types = [<f32>, <bf16>], supported_tile_sizes = [ 32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>
#interleaved = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
#sharded = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x1>, memref<1x2x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>, core_ranges = <[#ttnn.core_range<(0,0), (0,7)>]>>
module attributes {ttcore.system_desc = #system_desc} {
  func.func @main(%arg0: tensor<256x64xbf16, #interleaved>) -> tensor<256x64xbf16, #sharded> {
    %0 = "ttnn.relu"(%arg0) : (tensor<256x64xbf16, #interleaved>) -> tensor<256x64xbf16, #sharded>
    return %0 : tensor<256x64xbf16, #sharded>
  }
}
`;

describe('features/op-illegal', () => {
  it('a unary op from L1 interleaved into height-sharded is an Error for a 2025 build, worded like tt-metal', () => {
    const doc = analyzeDocument(TEXT, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2025-11-27' });
    const found = diagnostics(doc).filter((d) => d.code === 'op-illegal');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0]!.severity, 'error');
    assert.deepStrictEqual(found[0]!.range, rangeOf(TEXT, '%0 = "ttnn.relu"'));
    assert.match(found[0]!.message, /Unary operation requires Input and Output memory layout to match/);
  });

  it('diagnostics and hover texts for the 2025 build (gold files; the rule is checked above)', () => {
    checkDiagnostics(TEXT, { gold: 'diagnostics/op-illegal-unary-2025.txt' }, { ttMetalDate: '2025-11-27' });
    checkHover(
      markedAt(TEXT, TEXT.indexOf('%0 =') + 1),
      { gold: 'hover/op-illegal-unary-2025.md' },
      { ttMetalDate: '2025-11-27' },
    );
  });

  it('is not reported for a build that accepts mixed layouts', () => {
    const doc = analyzeDocument(TEXT, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-07' });
    assert.strictEqual(diagnostics(doc).filter((d) => d.code === 'op-illegal').length, 0);
  });
});

/**
 * ttnn.generic (ops/generic.ts): the CBs are the program attribute's `#ttnn.kernel_cb` descriptors (tt-mlir
 * TTNNOpsAttrs.td@19c86fc), created in order by tt-metal's Program(ProgramDescriptor)
 * (generic_op_program_factory.cpp@0125a91). Figures are sums of the descriptors' total_size on each core, CBs aligned
 * to the 32 B DRAM alignment (every size below is a multiple of it). Device: Wormhole n150, 8x8 workers.
 * The fixtures are written here in tt-mlir's printed syntax (aliases for CBs, formats and core range sets, as the
 * tt-mlir generic tests write them, and inline `<...>` descriptors, as the D2M lowering prints them).
 */

import { strict as assert } from 'assert';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import type { OpEstimateResult } from '../../../server/src/estimate/types';

function estimateOf(r: OpEstimateResult): Extract<OpEstimateResult, { kind: 'estimate' }> {
  assert.equal(r.kind, 'estimate', r.kind === 'unmodeled' ? r.reason : r.kind === 'illegal' ? r.rule : r.kind);
  return r;
}

const LAYOUTS = `#dram = #ttnn.buffer_type<dram>
#l1 = #ttnn.buffer_type<l1>
#lay = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<4x8x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
`;

function genericOf(aliases: string, programAttr: string): OpEstimateResult {
  const text = `${LAYOUTS}${aliases}
module {
  func.func @main(%arg0: tensor<128x256xbf16, #lay>, %arg1: tensor<128x256xbf16, #lay>) {
    "ttnn.generic"(%arg0, %arg1) <{program = ${programAttr}, operandSegmentSizes = array<i32: 2, 0>}> : (tensor<128x256xbf16, #lay>, tensor<128x256xbf16, #lay>) -> ()
    return
  }
}
`;
  const { analysis } = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  return analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.generic')!.estimate;
}

const READER =
  '#ttnn.read_kernel<symbol_ref = @reader, core_ranges = #grid, ct_args = [], common_rt_args = [], rt_args = []>';

describe('estimate/generic', () => {
  it('CB descriptors by alias on (0,0)-(3,1), one on (0,0) only, one on an operand: 12,288 B on (0,0), 8,192 B on the other 7', () => {
    // c_0 8,192 B on 8 cores; c_1 6,144 B bound to operand 1's buffer (no CB-region bytes); c_2 4,096 B on (0,0):
    // core (0,0) = 8,192 + 4,096 = 12,288 B; the others 8,192 B.
    const aliases = `#grid = #ttnn.core_range_set<[#ttnn.core_range<(0,0), (3,1)>]>
#fmt0 = #ttnn.kernel_cb_format<buffer_index = 0, dtype = bf16, page_size = 2048>
#cb0 = #ttnn.kernel_cb<total_size = 8192, core_ranges = #grid, formats = [#fmt0]>
#cb1 = #ttnn.kernel_cb<total_size = 6144, core_ranges = #grid, formats = [#ttnn.kernel_cb_format<buffer_index = 1, dtype = bf16, page_size = 2048>], buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<1>>
#prog = #ttnn.program<kernels = [${READER}], cbs = [#cb0, #cb1, <total_size = 4096, core_ranges = <[#ttnn.core_range<(0,0), (0,0)>]>, formats = [<buffer_index = 2, dtype = f32, page_size = 4096>]>], semaphores = []>`;
    const e = estimateOf(genericOf(aliases, '#prog'));
    assert.equal(e.worstCbBytesPerCore, 12_288);
    assert.deepEqual(e.worstCore, [0, 0]);
    assert.equal(e.nCoresUsed, 8);
    const others = e.coreGroups.find((g) => g.nCores === 7);
    assert.equal(others?.cbBytesPerCore, 8192);
    assert.equal(e.confidence, 'exact');
    const bound = e.cbs.find((cb) => cb.cbIndex === 'c_1');
    assert.equal(bound?.tensorBacked, true);
    assert.equal(bound?.totalBytes, 0);
  });

  it('a 1,536,000 B CB on the full 8x8 grid overflows Wormhole L1 (1,499,136 B) wherever the base lies', () => {
    const aliases = `#grid = #ttnn.core_range_set<[#ttnn.core_range<(0,0), (7,7)>]>
#prog = #ttnn.program<kernels = [${READER}], cbs = [#ttnn.kernel_cb<total_size = 1536000, core_ranges = #grid, formats = [#ttnn.kernel_cb_format<buffer_index = 0, dtype = bf16, page_size = 2048>]>], semaphores = []>`;
    const e = estimateOf(genericOf(aliases, '#prog'));
    assert.equal(e.cbBytesPerCore, 1_536_000);
    assert.equal(e.nCoresUsed, 64);
    assert.ok(e.cbRegionEndBytes > 1_499_136);
  });

  it("a CB shared by cores whose earlier CBs differ: tt-metal's one address is the higher end, so the figure is approx", () => {
    // c_0 1,024 B on (0,0) only; c_1 2,048 B on (0,0)-(1,0): tt-metal places c_1 at 1,024 on both cores (the highest
    // end among them); per-group placement puts it at 0 on (1,0). Worst core (0,0): 1,024 + 2,048 = 3,072 B either way.
    const aliases = `#grid = #ttnn.core_range_set<[#ttnn.core_range<(0,0), (1,0)>]>
#prog = #ttnn.program<kernels = [${READER}], cbs = [<total_size = 1024, core_ranges = <[#ttnn.core_range<(0,0), (0,0)>]>, formats = [<buffer_index = 0, dtype = bf16, page_size = 1024>]>, <total_size = 2048, core_ranges = #grid, formats = [<buffer_index = 1, dtype = bf16, page_size = 2048>]>], semaphores = []>`;
    const e = estimateOf(genericOf(aliases, '#prog'));
    assert.equal(e.worstCbBytesPerCore, 3072);
    assert.equal(e.confidence, 'approx');
  });

  it('a mesh program descriptor: each device runs one program, the larger is reported (20,480 B over 4,096 B)', () => {
    // Program 0: 4,096 B on (0,0); program 1: 16,384 + 4,096 = 20,480 B on (0,0).
    const one = `#ttnn.core_range_set<[#ttnn.core_range<(0,0), (0,0)>]>`;
    const cb = (size: number, index: number) =>
      `#ttnn.kernel_cb<total_size = ${size}, core_ranges = ${one}, formats = [#ttnn.kernel_cb_format<buffer_index = ${index}, dtype = bf16, page_size = 2048>]>`;
    const kernel = `#ttnn.read_kernel<symbol_ref = @reader, core_ranges = ${one}, ct_args = [], common_rt_args = [], rt_args = []>`;
    const program = (cbs: string) => `#ttnn.program<kernels = [${kernel}], cbs = [${cbs}], semaphores = []>`;
    const aliases = `#mesh = #ttnn.mesh_program_descriptor<[#ttnn.mesh_program<range = #ttnn.mesh_range<(0,0), (0,0)>, program = ${program(cb(4096, 0))}>, #ttnn.mesh_program<range = #ttnn.mesh_range<(0,1), (0,1)>, program = ${program(`${cb(16384, 0)}, ${cb(4096, 1)}`)}>], fabric_connection_config = #ttcore.fabric_connection_config<noc_index = noc0, topology = ring, cluster_axis = 1, routing_mode = unidirectional, num_links = 1>>`;
    const e = estimateOf(genericOf(aliases, '#mesh'));
    assert.equal(e.worstCbBytesPerCore, 20_480);
    assert.match(e.factoryReason, /mesh program 1/);
  });

  it('a core range beyond the 8x8 worker grid gives no number', () => {
    const aliases = `#prog = #ttnn.program<kernels = [], cbs = [<total_size = 4096, core_ranges = <[#ttnn.core_range<(0,0), (10,9)>]>, formats = [<buffer_index = 0, dtype = bf16, page_size = 2048>]>], semaphores = []>`;
    const r = genericOf(aliases, '#prog');
    assert.equal(r.kind, 'unmodeled');
    assert.match(r.kind === 'unmodeled' ? r.reason : '', /larger chip/);
  });
});

/**
 * ttnn.generic (ops/generic.ts): the CBs are the program attribute's `#ttnn.kernel_cb` descriptors (tt-mlir
 * TTNNOpsAttrs.td@19c86fc), created in order by tt-metal's Program(ProgramDescriptor)
 * (generic_op_program_factory.cpp@0125a91). Figures are sums of the descriptors' total_size on each core, CBs aligned
 * to the 32 B DRAM alignment (every size below is a multiple of it). Device: Wormhole n150, 8x8 workers.
 * The fixtures are written here in tt-mlir's printed syntax (aliases for CBs, formats and core range sets, as the
 * tt-mlir generic tests write them, and inline `<...>` descriptors, as the D2M lowering prints them), and two tt-mlir
 * test files are read as they are (test/fixtures/estimate/generic/SOURCE.md).
 */

import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** The estimate of the (first) ttnn.generic of a text, undefined when the text has none. */
function genericIn(text: string): OpEstimateResult | undefined {
  // A build the mirror reaches (622c6fb, 2026-06-23): the descriptors' figures hold on any, `exact` only up to it.
  const { analysis } = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-06-23' });
  for (const f of analysis.functions) for (const o of f.ops) if (o.op.name === 'ttnn.generic') return o.estimate;
  return undefined;
}

function genericOf(aliases: string, programAttr: string): OpEstimateResult {
  const text = `${LAYOUTS}${aliases}
module {
  func.func @main(%arg0: tensor<128x256xbf16, #lay>, %arg1: tensor<128x256xbf16, #lay>) {
    "ttnn.generic"(%arg0, %arg1) <{program = ${programAttr}, operandSegmentSizes = array<i32: 2, 0>}> : (tensor<128x256xbf16, #lay>, tensor<128x256xbf16, #lay>) -> ()
    return
  }
}
`;
  // A build the mirror reaches (622c6fb, 2026-06-23): the descriptors' figures hold on any, `exact` only up to it.
  const { analysis } = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-06-23' });
  return analysis.functions[0]!.ops.find((o) => o.op.name === 'ttnn.generic')!.estimate;
}

const FIXTURES = path.resolve(__dirname, '../../fixtures/estimate/generic');

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
  it("tt-mlir's n150 generic_op test: two 4,096 B CBs on core (0,0), named through aliases of aliases (8,192 B)", () => {
    // #program's cbs = [#in_cb, #out_cb]: each total_size = 4096 on #core_ranges = core_range_set<[#core_range]>,
    // #core_range = (0,0)-(0,0); neither has a buffer, so both take CB-region bytes: 4,096 + 4,096 = 8,192 B.
    const text = fs.readFileSync(path.join(FIXTURES, 'generic_op.mlir'), 'utf8');
    const e = estimateOf(genericIn(text)!);
    assert.equal(e.worstCbBytesPerCore, 8192);
    assert.equal(e.nCoresUsed, 1);
    assert.deepEqual(e.worstCore, [0, 0]);
    assert.deepEqual(
      e.cbs.map((cb) => [cb.cbIndex, cb.totalBytes]),
      [
        ['c_0', 4096],
        ['c_1', 4096],
      ],
    );
    assert.equal(e.confidence, 'exact');
  });

  it("tt-mlir's fabric unicast snippet: a multi-line mesh descriptor whose two CBs live in the operands' buffers (0 B)", () => {
    // One mesh program; both CBs (2,048 B on (0,0)) carry buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<0>
    // and <1>: globally allocated on operands 0 and 1, so no CB-region bytes.
    const text = fs.readFileSync(path.join(FIXTURES, 'test_generic_op_unicast.mlir'), 'utf8');
    const e = estimateOf(genericIn(text)!);
    assert.equal(e.worstCbBytesPerCore, 0);
    assert.equal(e.nCoresUsed, 1);
    assert.deepEqual(
      e.cbs.map((cb) => [cb.cbIndex, cb.tensorBacked]),
      [
        ['c_0', true],
        ['c_1', true],
      ],
    );
    assert.match(e.cbs[0]!.role, /on operand 0's buffer/);
  });

  describe('malformed or partial program attributes: unmodeled with the field named, never a number or a throw', () => {
    const one = '<[#ttnn.core_range<(0,0), (0,0)>]>';
    const fmt = '[<buffer_index = 0, dtype = bf16, page_size = 2048>]';
    const prog = (cbs: string): string => `#ttnn.program<kernels = [], cbs = [${cbs}], semaphores = []>`;
    const fabric =
      'fabric_connection_config = #ttcore.fabric_connection_config<noc_index = noc0, topology = ring, cluster_axis = 1, routing_mode = unidirectional, num_links = 1>';
    const cases: { what: string; aliases?: string; program: string; reason: RegExp }[] = [
      {
        what: 'no total_size',
        program: prog(`<core_ranges = ${one}, formats = ${fmt}>`),
        reason: /CB 0: no total_size/,
      },
      {
        what: 'a total_size that is a word',
        program: prog(`<total_size = big, core_ranges = ${one}, formats = ${fmt}>`),
        reason: /CB 0: total_size is not a byte count: big/,
      },
      {
        what: 'a negative total_size',
        program: prog(`<total_size = -4096, core_ranges = ${one}, formats = ${fmt}>`),
        reason: /total_size is not a byte count: -4096/,
      },
      {
        what: 'the second CB without core_ranges',
        program: prog(`<total_size = 64, core_ranges = ${one}, formats = ${fmt}>, <total_size = 64, formats = ${fmt}>`),
        reason: /CB 1: no core_ranges/,
      },
      {
        what: 'a core range with one corner',
        program: prog(`<total_size = 4096, core_ranges = <[#ttnn.core_range<(0,0)>]>, formats = ${fmt}>`),
        reason: /core range #ttnn\.core_range<\(0,0\)> is not a #ttnn\.core_range<\(x,y\), \(x,y\)>/,
      },
      {
        what: 'an empty core range set',
        program: prog(`<total_size = 4096, core_ranges = #ttnn.core_range_set<>, formats = ${fmt}>`),
        reason: /CB 0: no core ranges/,
      },
      {
        what: 'a format without page_size',
        program: prog(`<total_size = 4096, core_ranges = ${one}, formats = [<buffer_index = 0, dtype = bf16>]>`),
        reason: /format <buffer_index=0,dtype=bf16> is not a #ttnn\.kernel_cb_format/,
      },
      { what: 'no formats', program: prog(`<total_size = 4096, core_ranges = ${one}>`), reason: /CB 0: no formats/ },
      {
        what: 'a buffer that names no operand',
        program: prog(
          `<total_size = 4096, core_ranges = ${one}, formats = ${fmt}, buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<x>>`,
        ),
        reason: /buffer is not a #ttnn\.kernel_cb_global_buffer_address_of_tensor<operand index>/,
      },
      {
        what: 'cbs that is not a list',
        aliases: `#cb = #ttnn.kernel_cb<total_size = 4096, core_ranges = ${one}, formats = ${fmt}>`,
        program: '#ttnn.program<kernels = [], cbs = #cb, semaphores = []>',
        reason: /the program's cbs is not a list: #cb/,
      },
      {
        what: 'no cbs',
        program: '#ttnn.program<kernels = [], semaphores = []>',
        reason: /no cbs list in the program descriptor/,
      },
      {
        what: 'an undefined CB alias',
        program: prog('#nope'),
        reason: /CB 0: not a #ttnn\.kernel_cb descriptor: #nope/,
      },
      {
        what: 'a CB alias to a format',
        aliases: '#f = #ttnn.kernel_cb_format<buffer_index = 0, dtype = bf16, page_size = 2048>',
        program: prog('#f'),
        reason: /CB 0: not a #ttnn\.kernel_cb descriptor: #f/,
      },
      {
        what: 'a CB whose core_ranges names the CB itself',
        aliases: `#a = #ttnn.kernel_cb<total_size = 4096, core_ranges = #a, formats = ${fmt}>`,
        program: prog('#a'),
        reason: /core_ranges is not a #ttnn\.core_range_set<\[\.\.\.\]>: #a/,
      },
      {
        what: 'a mesh descriptor without mesh programs',
        program: `#ttnn.mesh_program_descriptor<[], ${fabric}>`,
        reason: /no mesh program in the descriptor/,
      },
      {
        what: 'a mesh program without its program',
        program: `#ttnn.mesh_program_descriptor<[#ttnn.mesh_program<range = #ttnn.mesh_range<(0,0), (0,0)>>], ${fabric}>`,
        reason: /mesh program 0 has no program = #ttnn\.program/,
      },
      {
        what: 'a mesh program whose program misses a total_size',
        program: `#ttnn.mesh_program_descriptor<[#ttnn.mesh_program<range = #ttnn.mesh_range<(0,0), (0,0)>, program = ${prog(`<core_ranges = ${one}, formats = ${fmt}>`)}>], ${fabric}>`,
        reason: /mesh program 0: CB 0: no total_size/,
      },
      { what: 'a program without a body', program: '#ttnn.program', reason: /#ttnn\.program without a body/ },
      {
        what: 'another dialect attribute',
        program: '#ttnn.layout<tile>',
        reason: /the program attribute is #ttnn\.layout, not a #ttnn\.program/,
      },
    ];
    for (const c of cases)
      it(c.what, () => {
        const r = genericOf(c.aliases ?? '', c.program);
        assert.equal(r.kind, 'unmodeled');
        assert.match(r.kind === 'unmodeled' ? r.reason : '', c.reason);
      });

    it('a program attribute cut at every character, the rest of the file kept: no throw, no figure but the whole one', () => {
      // The whole attribute: c_0 (4,096 B on (0,0)-(1,0)) is on operand 1's buffer, c_1 is 2,048 B on (0,0): 2,048 B.
      const whole = `#ttnn.program<kernels = [], cbs = [#ttnn.kernel_cb<total_size = 4096, core_ranges = #ttnn.core_range_set<[#ttnn.core_range<(0,0), (1,0)>]>, formats = [#ttnn.kernel_cb_format<buffer_index = 0, dtype = bf16, page_size = 2048>], buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<1>>, <total_size = 2048, core_ranges = <[#ttnn.core_range<(0,0), (0,0)>]>, formats = [<buffer_index = 1, dtype = bf16, page_size = 2048>]>], semaphores = []>`;
      let unmodeledCount = 0;
      for (let k = 0; k <= whole.length; k++) {
        const r = genericOf('', whole.slice(0, k));
        if (k === whole.length) assert.equal(estimateOf(r).worstCbBytesPerCore, 2048);
        else {
          assert.equal(r.kind, 'unmodeled', `cut at ${k}: ${whole.slice(0, k)}`);
          assert.ok(r.kind === 'unmodeled' && r.reason.length > 0);
          unmodeledCount++;
        }
      }
      assert.equal(unmodeledCount, whole.length);
    });
  });
});

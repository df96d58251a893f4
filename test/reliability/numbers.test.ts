/**
 * Byte counts at the edge of exact JS arithmetic: tensors up to 2^53 bytes give exact integers, larger ones are a
 * model overflow (no number), and 64-bit-sized dimensions never wrap. Expected values are worked out by hand below.
 */

import * as assert from 'node:assert/strict';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS, diagnostics, opBreakdownAt } from '../../server/src/features';

// One core, one L1 bank: an interleaved L1 tensor's per-core bytes are its whole size, so the boundary is reachable.
const SYSTEM_DESC =
  '#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 1x1, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 102656, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, num_cbs = 32}], [0], [1 : i32], [ 0x0x0x0]>';

/** `%1 = relu(%0)`, both 1x32xW tiled L1 interleaved tensors of `dtype`, memref in tiles (1 x W/32). */
function reluModule(width: string, dtype: string): string {
  const wTiles = (BigInt(width) + 31n) / 32n;
  return [
    SYSTEM_DESC,
    `#l1 = #ttnn.buffer_type<l1>`,
    `#lay = #ttnn.ttnn_layout<(d0, d1, d2) -> (d0 * 32 + d1, d2), <1x1>, memref<1x${wTiles}x!ttcore.tile<32x32, ${dtype}>, #l1>, <interleaved>>`,
    `module attributes {ttcore.system_desc = #system_desc} {`,
    `  func.func @main(%arg0: tensor<1x32x${width}x${dtype}, #lay>) -> tensor<1x32x${width}x${dtype}, #lay> {`,
    `    %1 = "ttnn.relu"(%arg0) : (tensor<1x32x${width}x${dtype}, #lay>) -> tensor<1x32x${width}x${dtype}, #lay>`,
    `    return %1 : tensor<1x32x${width}x${dtype}, #lay>`,
    `  }`,
    `}`,
    '',
  ].join('\n');
}

function reluOf(text: string) {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const fn = doc.analysis.functions.find((f) => f.fn.name === '@main');
  assert.ok(fn !== undefined);
  const relu = fn.ops.find((o) => o.op.name === 'ttnn.relu');
  assert.ok(relu !== undefined);
  return { doc, relu };
}

describe('reliability: byte counts at 2^53', () => {
  it('a bf16 tensor of 2^53 - 2,048 B is exact to the byte', () => {
    // W = 2^47 - 32: pages = (32/32) x (W/32) = 2^42 - 1 tiles of 2,048 B = 2^53 - 2,048 = 9,007,199,254,738,944 B.
    // Argument and result are both live during the relu on the single bank: 2 x that.
    const width = String(2n ** 47n - 32n);
    const { doc, relu } = reluOf(reluModule(width, 'bf16'));
    const tensorBytes = 9_007_199_254_738_944;
    assert.equal(tensorBytes, Number(2n ** 53n - 2048n));
    assert.equal(relu.op.results[0].kind === 'tensor' && relu.op.results[0].shape.kind, 'known');
    assert.ok(relu.estimate.kind === 'estimate', relu.estimate.kind === 'unmodeled' ? relu.estimate.reason : '');
    assert.equal(relu.estimate.l1TensorBytesPerCore, tensorBytes);
    // Both tensors live at once: 2 x (2^53 - 2,048) = 2^54 - 4,096, a multiple of 4 and so still exact in a double.
    assert.equal(BigInt(relu.liveL1TensorBytesPerCore), 2n ** 54n - 4096n);
    assert.ok(relu.overflow !== undefined);
    const breakdown = opBreakdownAt(doc, relu.op.range.start);
    assert.ok(breakdown !== undefined);
    assert.match(breakdown, /9,007,199,254,738,944/);
  });

  it('one tile more (exactly 2^53 B) is a model overflow, not a number', () => {
    // W = 2^47: 2^42 tiles x 2,048 B = 2^53 B, past Number.MAX_SAFE_INTEGER.
    const { doc, relu } = reluOf(reluModule(String(2n ** 47n), 'bf16'));
    const result = relu.op.results[0];
    assert.ok(result.kind === 'tensor' && result.shape.kind === 'unknown' && result.shape.overflow);
    assert.equal(relu.estimate.kind, 'unmodeled');
    assert.equal(relu.cbBytesPerCore, null);
    const d = diagnostics(doc);
    assert.ok(
      !d.some((x) => /9,007,199,254,740,992|9007199254740992/.test(x.message)),
      d.map((x) => x.message).join('\n'),
    );
  });

  it('f32 halves the boundary: 2^46 - 32 columns fit exactly, 2^46 do not', () => {
    // f32 tile = 4,096 B. W = 2^46 - 32: 2^41 - 1 tiles x 4,096 = 2^53 - 4,096 B.
    const fits = reluOf(reluModule(String(2n ** 46n - 32n), 'f32')).relu;
    assert.ok(fits.estimate.kind === 'estimate');
    assert.equal(fits.estimate.l1TensorBytesPerCore, Number(2n ** 53n - 4096n));
    const over = reluOf(reluModule(String(2n ** 46n), 'f32')).relu;
    assert.equal(over.estimate.kind, 'unmodeled');
  });

  it('64-bit dimensions never wrap: 2^64 + 32 is not 32', () => {
    const { relu } = reluOf(reluModule(String(2n ** 64n + 32n), 'bf16'));
    const result = relu.op.results[0];
    assert.ok(result.kind === 'tensor' && result.shape.kind === 'unknown' && result.shape.overflow);
    assert.equal(relu.estimate.kind, 'unmodeled');
    for (const w of ['99999999999999999999', '18446744073709551616', '9223372036854775808']) {
      const r = reluOf(reluModule(w, 'bf16')).relu;
      assert.equal(r.estimate.kind, 'unmodeled', w);
      assert.equal(r.liveL1TensorBytesPerCore, 0, w);
    }
  });

  it('a shard whose bytes pass 2^53 is a model overflow, not a huge per-core figure', () => {
    // memref 2^30 x 2^30 tiles per shard: 2^60 tiles, far past 2^53 B.
    const text = [
      '#l1 = #ttnn.buffer_type<l1>',
      '#s = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1073741824x1073741824x!ttcore.tile<32x32, bf16>, #l1>, <height_sharded>>',
      'module {',
      '  func.func @main(%arg0: tensor<32x32xbf16, #s>) -> tensor<32x32xbf16, #s> {',
      '    %1 = "ttnn.relu"(%arg0) : (tensor<32x32xbf16, #s>) -> tensor<32x32xbf16, #s>',
      '    return %1 : tensor<32x32xbf16, #s>',
      '  }',
      '}',
    ].join('\n');
    const { relu } = reluOf(text);
    assert.equal(relu.estimate.kind, 'unmodeled');
    assert.ok(relu.op.operands[0].kind === 'tensor' && relu.op.operands[0].layout.kind === 'unknown');
    assert.match(
      relu.op.operands[0].layout.kind === 'unknown' ? relu.op.operands[0].layout.reason : '',
      /model overflow/,
    );
    assert.equal(relu.liveL1TensorBytesPerCore, 0);
  });

  it('a system desc with figures past 2^53, zero cores or no room above the base falls back to the preset', () => {
    const base = (l1: string, b: string, grid: string) =>
      SYSTEM_DESC.replace('l1_size = 1499136', `l1_size = ${l1}`)
        .replace('l1_unreserved_base = 102656', `l1_unreserved_base = ${b}`)
        .replace('grid = 1x1', `grid = ${grid}`) +
      '\nmodule attributes {ttcore.system_desc = #system_desc} {\n  func.func @main() {\n    return\n  }\n}\n';
    for (const [l1, b, grid] of [
      ['99999999999999999999', '102656', '8x8'],
      ['1499136', '99999999999999999999', '8x8'],
      ['4096', '102656', '8x8'],
      ['1499136', '102656', '0x8'],
      ['1499136', '102656', '18446744073709551616x8'],
    ]) {
      const doc = analyzeDocument(base(l1, b, grid), DEFAULT_ANALYSIS_SETTINGS);
      const device = doc.analysis.device;
      // Wormhole n150 preset: 1,499,136 B L1, base 102,656 B, 8x8 grid (ttmetal-l1-model.md).
      assert.ok(
        Number.isSafeInteger(device.l1SizeBytes) && device.l1SizeBytes > device.l1UnreservedBase,
        `${l1} ${b} ${grid}`,
      );
      assert.ok(device.nWorkerCores >= 1 && Number.isSafeInteger(device.nWorkerCores));
      assert.ok(doc.analysis.limitBytesPerCore > 0 && Number.isSafeInteger(doc.analysis.limitBytesPerCore));
    }
  });
});

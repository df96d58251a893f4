/**
 * Variants of the seed example (examples/mochi_replicate_pad.mlir) for reporting tests, made by small text edits so the
 * ops, shapes and tt-metal figures stay the seed's.
 */

import * as fs from 'fs';
import * as path from 'path';

export const SEED_PATH = path.resolve(__dirname, '../../examples/mochi_replicate_pad.mlir');
export const SEED = fs.readFileSync(SEED_PATH, 'utf8');

/** An op name no estimator knows: stands in for an op without an L1 model now that every op of the seed has one. */
export const UNMODELED_OP = 'ttnn.op_without_a_model';

/** The seed with its tiled permute %7 renamed to `UNMODELED_OP` (a device program with no L1 model). */
export function seedWithUnmodeledOp(text: string = SEED): string {
  return replaceOnce(text, '%7 = "ttnn.permute"', `%7 = "${UNMODELED_OP}"`);
}

function replaceOnce(text: string, needle: string, replacement: string): string {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`seed variant: "${needle}" must occur exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

/**
 * The seed with `%4 = "ttnn.relu"` on a host (system memory) argument before the untilize `%6`: tt-metal's unary
 * validation rejects it (unary_device_operation.cpp@019b681: "Unary operation requires input to be on Device"), so the
 * run throws at %4 and the overflow at %9 is never reached.
 */
export function seedWithIllegalRelu(): string {
  let t = replaceOnce(
    SEED,
    '#dram = #ttnn.buffer_type<dram>\n',
    '#dram = #ttnn.buffer_type<dram>\n#system_memory = #ttnn.buffer_type<system_memory>\n#host = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<64x1024xbf16, #system_memory>>\n',
  );
  t = replaceOnce(t, 'loc("p0.x")) ->', 'loc("p0.x"), %arg9: tensor<64x1024xbf16, #host> loc("p9.h")) ->');
  t = replaceOnce(
    t,
    '        %6 = "ttnn.to_layout"',
    '        %4 = "ttnn.relu"(%arg9) : (tensor<64x1024xbf16, #host>) -> tensor<64x1024xbf16, #host> loc(#loc)\n        %6 = "ttnn.to_layout"',
  );
  return t;
}

/** A module whose only device op is that illegal relu (nothing overflows). */
export const ILLEGAL_RELU_ONLY = `#system_memory = #ttnn.buffer_type<system_memory>
#dram = #ttnn.buffer_type<dram>
#host = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<64x1024xbf16, #system_memory>>
#tile = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x32x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
module {
  func.func @main(%arg0: tensor<64x1024xbf16, #host>) -> tensor<64x1024xbf16, #tile> {
    %0 = "ttnn.relu"(%arg0) : (tensor<64x1024xbf16, #host>) -> tensor<64x1024xbf16, #tile>
    return %0 : tensor<64x1024xbf16, #tile>
  }
}
`;

/**
 * The seed with syntax that dates it to tt-metal builds 2025-12-29..2026-05-15 (analysis/buildWindow.ts): a
 * `tt.function_type` function attribute (printed since tt-mlir 2026-01-19, minus 21 days of uplift lag) and a
 * `memory_config` op attribute (printed until 2026-05-16). That window straddles tt-metal PR #35806 (changePoints.ts), which
 * makes the untilize of %9 fit (analysis test "a build after tt-metal PR #35806"), so %9 overflows on part of it only.
 * Its permute %7 is `UNMODELED_OP`, so the file also has an op without an L1 model.
 */
export function seedInStraddlingWindow(): string {
  let t = replaceOnce(
    seedWithUnmodeledOp(),
    '{ttir.name = "CogVideoXCausalConv3d.output"}) {',
    '{ttir.name = "CogVideoXCausalConv3d.output"}) attributes {tt.function_type = "forward_device"} {',
  );
  t = replaceOnce(
    t,
    '"ttnn.deallocate"(%arg2) <{force = false}>',
    '"ttnn.deallocate"(%arg2) <{force = false, memory_config = #ttnn.memory_config<#dram, <interleaved>>}>',
  );
  return t;
}

/** `ttnn.gelu_bw` of 64x1024 bf16, grad and input L1 interleaved arguments, output L1 interleaved (tt-mlir's OpModel
 *  GeluBackwardOp test, TestOpModelInterface.cpp@19c86fc lines 4070–4121). */
export const GELU_BW_L1 = `#l1 = #ttnn.buffer_type<l1>
#L = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x32x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>
module {
  func.func @main(%arg0: tensor<64x1024xbf16, #L>, %arg1: tensor<64x1024xbf16, #L>) -> tensor<64x1024xbf16, #L> {
    %0 = "ttnn.gelu_bw"(%arg0, %arg1) <{approximate = "tanh"}> : (tensor<64x1024xbf16, #L>, tensor<64x1024xbf16, #L>) -> tensor<64x1024xbf16, #L>
    return %0 : tensor<64x1024xbf16, #L>
  }
}
`;

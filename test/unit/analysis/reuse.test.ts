/**
 * Estimate reuse never returns a stale result: the analysis caches estimates by what each registry entry declares it
 * reads, so an op that differs only in a property must still get its own estimate.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeTtnnModule } from '../../../server/src/analysis/analyze';
import { estimateOp } from '../../../server/src/estimate/registry';
import { parse } from '../../../server/src/mlir/parser';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { PropValue, TtnnFunction, TtnnModule, TtnnOp } from '../../../server/src/ttnn/op';

const ROOT = join(__dirname, '../../..');
const WINDOW = { window: { earliest: '2025-11-27', latest: '2025-11-27' }, source: 'configured' as const, how: 'test' };

function moduleOf(ops: readonly TtnnOp[]): TtnnModule {
  const fn: TtnnFunction = {
    name: '@main',
    chunkIndex: 0,
    role: 'entry',
    isDeclaration: false,
    inCpuModule: false,
    args: [],
    ops,
    opsWithSymbols: [],
    range: { start: 0, end: 0 },
    nameRange: { start: 0, end: 0 },
  };
  return { functions: [fn], systemDesc: undefined, tensorL1UsageCap: undefined };
}

/** Another value of the same kind, so the op stays well-formed but reads differently. */
function mutated(p: PropValue): PropValue | undefined {
  switch (p.kind) {
    case 'int':
      return { kind: 'int', value: p.value + 1, text: String(p.value + 1) };
    case 'ints':
      return p.values.length === 0
        ? undefined
        : { kind: 'ints', values: [...p.values.slice(0, -1), p.values[p.values.length - 1]! + 1] };
    case 'bool':
      return { kind: 'bool', value: !p.value };
    case 'float':
      return { kind: 'float', value: p.value + 1 };
    default:
      return undefined;
  }
}

function sameResult(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('analysis/reuse', () => {
  it('two ttnn.sum ops with equal types over different dims each get their own estimate (the ESTIMATE_INPUTS bug)', () => {
    const text = `
#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>, <interleaved>>
#o = #ttnn.ttnn_layout<(d0) -> (0, d0), <1x1>, memref<1x2x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>, <interleaved>>
func.func @main(%arg0: tensor<64x64xbf16, #l>) -> tensor<64xbf16, #o> {
  %0 = "ttnn.sum"(%arg0) <{dim_arg = [0 : i32], keep_dim = false}> : (tensor<64x64xbf16, #l>) -> tensor<64xbf16, #o>
  %1 = "ttnn.sum"(%arg0) <{dim_arg = [1 : i32], keep_dim = false}> : (tensor<64x64xbf16, #l>) -> tensor<64xbf16, #o>
  return %1 : tensor<64xbf16, #o>
}`;
    const module = moduleFromSyntax(parse(text));
    const analysis = analyzeTtnnModule(module, { ttMetal: WINDOW });
    const ops = analysis.functions[0]!.ops;
    for (const i of [0, 1]) {
      const fresh = estimateOp(ops[i]!.op, { device: analysis.device, ttMetal: { window: WINDOW.window } });
      assert.ok(
        sameResult(ops[i]!.estimate, fresh),
        `op ${i}: cached ${JSON.stringify(ops[i]!.estimate).slice(0, 200)} vs fresh ${JSON.stringify(fresh).slice(0, 200)}`,
      );
    }
  });

  it("changing any one property of any corpus op never returns the unchanged op's cached estimate", () => {
    const files = [
      'examples/mochi_replicate_pad.mlir',
      'test/fixtures/corpus/ttnn/test_llama_attention_ttnn.mlir',
      'test/fixtures/corpus/test/ttmlir/Transforms/memory_management.mlir',
      'test/fixtures/corpus/test/ttmlir/EmitC/TTNN/conv/conv3d_with_config.mlir',
      'test/fixtures/corpus/test/ttmlir/Conversion/TTNNToTTIR/reduction_op.mlir',
    ];
    let checked = 0;
    for (const file of files) {
      const module = moduleFromSyntax(parse(readFileSync(join(ROOT, file), 'utf8')));
      for (const fn of module.functions) {
        for (const op of fn.ops) {
          for (const name of Object.keys(op.properties)) {
            const changed = mutated(op.properties[name]!);
            if (changed === undefined) continue;
            // Same operand/result spec objects: only the property differs, as after an edit of that attribute.
            const variant: TtnnOp = { ...op, properties: { ...op.properties, [name]: changed } };
            const analysis = analyzeTtnnModule(moduleOf([op, variant]), { ttMetal: WINDOW });
            const got = analysis.functions[0]!.ops[1]!.estimate;
            const fresh = estimateOp(variant, {
              device: analysis.device,
              ttMetal: { window: WINDOW.window },
              liveL1BytesPerCore: analysis.functions[0]!.ops[1]!.liveL1TensorBytesPerCore,
            });
            assert.ok(sameResult(got, fresh), `${file}: ${op.name} with ${name} changed got a stale estimate`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} property variants checked`);
  });
});

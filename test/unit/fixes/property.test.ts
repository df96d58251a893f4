/**
 * Property: over generated functions whose ops overflow L1 (large L1-interleaved tensors held live, wide untilizes),
 * every offered fix, applied and re-analysed here, parses, makes its op fit and worsens no other op; when nothing is
 * offered, the result says why.
 */

import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { AnalysisOptions } from '../../../server/src/analysis/analyze';
import type { Fix } from '../../../server/src/fixes/types';
import { checkIrFix, fixesAt, functionIndexOf, load } from './harness';

const SYSTEM_DESC =
  '#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 102656, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, num_cbs = 32}], [0], [1 : i32], [ 0x0x0x0]>';

interface LiveCase {
  readonly hTiles: number;
  readonly wTiles: number;
  /** Per tensor: ops until its consumer runs, and whether its deallocate comes late. */
  readonly tensors: readonly { readonly delay: number; readonly late: boolean }[];
}

/** k adds into L1-interleaved tensors, each consumed by a relu into DRAM `delay` steps later, freed after (or late). */
function liveModule(c: LiveCase): string {
  const h = c.hTiles * 32;
  const w = c.wTiles * 32;
  const perCore = Math.ceil((c.hTiles * c.wTiles) / 64);
  const t = `tensor<${h}x${w}xbf16, #l1l>`;
  const d = `tensor<${h}x${w}xbf16, #dl>`;
  const events: { at: number; order: number; line: string }[] = [];
  c.tensors.forEach((x, i) => {
    const def = 2 * i;
    const use = def + 1 + 2 * x.delay;
    events.push({ at: def, order: 0, line: `%t${i} = "ttnn.add"(%arg0, %arg0) : (${d}, ${d}) -> ${t}` });
    events.push({ at: use, order: 1, line: `%r${i} = "ttnn.relu"(%t${i}) : (${t}) -> ${d}` });
    events.push({ at: use, order: 2, line: `"ttnn.deallocate"(%r${i}) <{force = false}> : (${d}) -> ()` });
    events.push({
      at: use + (x.late ? 5 : 0),
      order: 3,
      line: `"ttnn.deallocate"(%t${i}) <{force = false}> : (${t}) -> ()`,
    });
  });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  return [
    '#dram = #ttnn.buffer_type<dram>',
    '#l1 = #ttnn.buffer_type<l1>',
    SYSTEM_DESC,
    `#dl = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<${c.hTiles}x${c.wTiles}x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>`,
    `#l1l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x${perCore}x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>`,
    'module attributes {ttcore.system_desc = #system_desc} {',
    `  func.func @main(%arg0: ${d}) {`,
    ...events.map((e) => `    ${e.line}`),
    '    return',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** One untilize of a tiled DRAM tensor, output row-major in DRAM or L1 interleaved. */
function untilizeModule(hTiles: number, wTiles: number, outL1: boolean): string {
  const h = hTiles * 32;
  const w = wTiles * 32;
  const out = outL1
    ? `#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x${Math.ceil((h * w) / 64)}xbf16, #l1>, <interleaved>>`
    : `#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<${h}x${w}xbf16, #dram>, <interleaved>>`;
  return [
    '#dram = #ttnn.buffer_type<dram>',
    '#l1 = #ttnn.buffer_type<l1>',
    SYSTEM_DESC,
    `#tl = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<${hTiles}x${wTiles}x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>`,
    `#rl = ${out}`,
    'module attributes {ttcore.system_desc = #system_desc} {',
    `  func.func @main(%arg0: tensor<${h}x${w}xbf16, #tl>) {`,
    `    %0 = "ttnn.to_layout"(%arg0) : (tensor<${h}x${w}xbf16, #tl>) -> tensor<${h}x${w}xbf16, #rl>`,
    `    %1 = "ttnn.relu"(%0) : (tensor<${h}x${w}xbf16, #rl>) -> tensor<${h}x${w}xbf16, #rl>`,
    `    "ttnn.deallocate"(%0) <{force = false}> : (tensor<${h}x${w}xbf16, #rl>) -> ()`,
    `    "ttnn.deallocate"(%1) <{force = false}> : (tensor<${h}x${w}xbf16, #rl>) -> ()`,
    '    return',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A unary op on f32 tiles from DRAM into DRAM (4 KiB tiles: 2 input + 2 output CB pages = 16 KiB). */
function unaryModule(hTiles: number, wTiles: number): string {
  const h = hTiles * 32;
  const w = wTiles * 32;
  const t = `tensor<${h}x${w}xf32, #dl>`;
  return [
    '#dram = #ttnn.buffer_type<dram>',
    SYSTEM_DESC,
    `#dl = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<${hTiles}x${wTiles}x!ttcore.tile<32x32, f32>, #dram>, <interleaved>>`,
    'module attributes {ttcore.system_desc = #system_desc} {',
    `  func.func @main(%arg0: ${t}) -> ${t} {`,
    `    %0 = "ttnn.cos"(%arg0) : (${t}) -> ${t}`,
    `    %1 = "ttnn.relu"(%0) : (${t}) -> ${t}`,
    `    "ttnn.deallocate"(%0) <{force = false}> : (${t}) -> ()`,
    `    return %1 : ${t}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** tt-metal builds from `earliest` to `latest` (as `--tt-metal-date` would give). */
function builds(earliest: string, latest: string): AnalysisOptions['ttMetal'] {
  return { window: { earliest, latest }, source: 'configured', how: 'test' };
}

/** The property itself, for one module: returns how many fixes were offered. */
function everyOfferedFixFits(
  text: string,
  usableL1Cap?: number,
  ttMetal?: AnalysisOptions['ttMetal'],
  onFix?: (f: Fix) => void,
): number {
  const l = load(text, {
    ...(usableL1Cap !== undefined && { usableL1Cap }),
    ...(ttMetal !== undefined && { ttMetal }),
  });
  assert.deepEqual(
    l.parse.errors.map((e) => e.message),
    [],
    'generated module parses',
  );
  let offered = 0;
  for (const o of l.analysis.overflows.slice(0, 4)) {
    const functionIndex = functionIndexOf(l, o);
    const r = fixesAt(l, o.functionName, o.opIndex, {}, functionIndex);
    for (const f of r.fixes) {
      checkIrFix(l, f, o.functionName, o.opIndex, { removed: false, functionIndex });
      onFix?.(f);
      offered++;
    }
    if (r.fixes.length === 0)
      assert.ok(r.rejected.length > 0 || (r.layoutReason ?? '') !== '', 'says why nothing is offered');
  }
  return offered;
}

describe('fixes/property', () => {
  it('L1 tensors held live: every offered fix fits; none that does not', () => {
    let total = 0;
    let overflowing = 0;
    fc.assert(
      fc.property(
        fc.record({
          hTiles: fc.integer({ min: 8, max: 200 }),
          wTiles: fc.integer({ min: 8, max: 200 }),
          tensors: fc.array(fc.record({ delay: fc.integer({ min: 0, max: 2 }), late: fc.boolean() }), {
            minLength: 2,
            maxLength: 4,
          }),
        }),
        (c) => {
          const text = liveModule(c);
          if (load(text).analysis.overflows.length > 0) overflowing++;
          total += everyOfferedFixFits(text);
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
    assert.ok(overflowing > 5, `enough generated cases overflow (${overflowing})`);
    assert.ok(total > 0, 'some fixes were offered');
  });

  // On unary_ng builds (change point unary-ng-first-ops, tt-metal PR #40294) the CBs alias the shards only when input
  // and output are both sharded (unary_program_factory.cpp@622c6fb: has_sharding), so a sharded output of an
  // interleaved-input unary keeps c_0 and c_2 at 2 tiles each: where those CBs alone pass the cap, no output layout fits.
  it('small unary ops under a tight cap, builds that accept mixed layouts: no output layout is offered when the CBs alone overflow, and each overflow says why', () => {
    let total = 0;
    let overflowing = 0;
    const window = builds('2026-06-01', '2026-06-30');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 16 }),
        fc.constantFrom(0.01, 0.012, 0.02),
        (h, w, cap) => {
          const text = unaryModule(h, w);
          overflowing += load(text, { usableL1Cap: cap, ttMetal: window }).analysis.overflows.length;
          total += everyOfferedFixFits(text, cap, window);
        },
      ),
      { numRuns: 30, seed: 8127 },
    );
    // f32 tiles of 4,096 B: c_0 + c_2 = 4 tiles = 16,384 B on every core, over 0.01 · 1,499,136 = 14,991 B.
    assert.ok(overflowing > 0, 'some generated cases overflow');
    assert.equal(total, 0, 'no layout fix is offered');
  });

  // Issue #16: "Put output %0 in height_sharded 16x1" for a unary op with an interleaved input is rejected by tt-metal
  // before the relaxation ("Unary operation requires Input and Output memory layout to match"; tt-mlir OpModel
  // golden TestOpModelLib.cpp@b73fc81:308 expects tanh L1 interleaved → height-sharded illegal).
  it('the same ops on earlier builds (and on an unknown build): no interleaved → sharded placement of a unary op is offered', () => {
    for (const window of [builds('2025-11-01', '2026-01-31'), undefined]) {
      let rejectedForRule = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 16 }),
          fc.integer({ min: 1, max: 16 }),
          fc.constantFrom(0.01, 0.012, 0.02),
          (h, w, cap) => {
            const text = unaryModule(h, w);
            everyOfferedFixFits(text, cap, window, (f) => assert.doesNotMatch(f.title, /sharded/, f.title));
            const l = load(text, { usableL1Cap: cap, ...(window !== undefined && { ttMetal: window }) });
            for (const o of l.analysis.overflows) {
              const r = fixesAt(l, o.functionName, o.opIndex, {}, functionIndexOf(l, o));
              rejectedForRule += r.rejected.filter(
                (x) =>
                  /sharded/.test(x.title) &&
                  /Unary operation requires Input and Output memory layout to match/.test(x.reason),
              ).length;
            }
          },
        ),
        { numRuns: 12, seed: 8127 },
      );
      assert.ok(rejectedForRule > 0, 'sharded placements were found and rejected for the rule');
    }
  });

  it('wide untilizes and capped L1: every offered fix fits; none that does not', () => {
    let overflowing = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1_000, max: 200_000 }),
        fc.boolean(),
        fc.constantFrom(undefined, 0.2, 0.05),
        (h, w, outL1, cap) => {
          if (
            load(untilizeModule(h, w, outL1), cap === undefined ? {} : { usableL1Cap: cap }).analysis.overflows.length >
            0
          )
            overflowing++;
          everyOfferedFixFits(untilizeModule(h, w, outL1), cap);
        },
      ),
      { numRuns: 25, seed: 6536 },
    );
    assert.ok(overflowing > 5, `enough generated cases overflow (${overflowing})`);
  });
});

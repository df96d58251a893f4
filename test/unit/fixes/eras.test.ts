/**
 * Every fix kind applied to fixtures of each supported tt-mlir era: the fixed text re-parses clean, types stay
 * consistent, new ops are written the way that era's tt-mlir prints them (`ttnn.slice` before tt-mlir PR #4340,
 * 2025-08-19; `ttnn.slice_static` after), every place that states a placement follows a retype (result and operand
 * types, the signature's result type, a `memory_config` attribute where the era has one), the re-analysis verdict,
 * and for rewrites that claim equal values a numeric run of the original and the rewritten function on small shapes
 * (interpreter.ts).
 */

import { strict as assert } from 'assert';
import { applyEdits, syntaxFunctionAt } from '../../../server/src/fixes/edits';
import { memoryConfigText, memorySpaceText } from '../../../server/src/fixes/layoutText';
import { attrOf } from '../../support/syntax';
import { constantPadRewrite, findPadChain, sliceConcatRewrite } from '../../../server/src/fixes/replicatePad';
import { typeProblems } from '../../../server/src/fixes/typeCheck';
import { parse } from '../../../server/src/mlir/parser';
import { moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import { checkIrFix, fixesAt, load } from './harness';
import { Tensor, pad as padRef, run } from './interpreter';

interface Era {
  readonly name: string;
  /** System desc attribute (its dialect prefix and fields date the dump). */
  readonly systemDesc: string;
  readonly loadCached: string;
  readonly constEvalAttr: string;
  readonly slice: 'ttnn.slice' | 'ttnn.slice_static';
  /** Ops take a `memory_config` attribute (before tt-mlir PR #7548, 2026-05-16). */
  readonly memoryConfigAttr: boolean;
}

const CHIP =
  'arch = <wormhole_b0>, grid = 8x8, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 102656, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064';

// Dated by ttnn-ir-syntax.md §8: `tt.` prefix until 2025-06-17 (PR #3772); `dst_physical_size_tiles` since
// 2025-10-08 (PR #5206); `dram_grid` since 2026-04-28 (PR #8146) and `tt.function_type` since 2026-01-19 (PR #6502).
const ERAS: readonly Era[] = [
  {
    name: '2025-05 (tt. prefix)',
    systemDesc: `#tt.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{${CHIP}, num_cbs = 32}], [0], [1 : i32], [ 0x0x0x0]>`,
    loadCached: 'tt.load_cached',
    constEvalAttr: 'const_eval',
    slice: 'ttnn.slice',
    memoryConfigAttr: true,
  },
  {
    name: '2025-12 (ttcore, const_eval attribute)',
    systemDesc: `#ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{${CHIP}, dst_physical_size_tiles = 16, num_cbs = 32}], [0], [1 : i32], [ 0x0x0x0]>`,
    loadCached: 'ttcore.load_cached',
    constEvalAttr: 'const_eval',
    slice: 'ttnn.slice_static',
    memoryConfigAttr: true,
  },
  {
    name: '2026-06 (dram_grid, tt.function_type)',
    systemDesc: `#ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{${CHIP}, dst_physical_size_tiles = 16, num_cbs = 32, dram_grid = 1x12}], [0], [1 : i32], [ 0x0x0x0]>`,
    loadCached: 'ttcore.load_cached',
    constEvalAttr: 'tt.function_type = "const_eval"',
    slice: 'ttnn.slice_static',
    memoryConfigAttr: false,
  },
];

/** Row-major DRAM interleaved layout text for `shape` (all dims but the last collapse into rows). */
function rmLayout(shape: readonly number[]): string {
  const n = shape.length;
  const terms: string[] = [];
  for (let i = 0; i < n - 1; i++) {
    const stride = shape.slice(i + 1, n - 1).reduce((a, b) => a * b, 1);
    terms.push(stride === 1 ? `d${i}` : `d${i} * ${stride}`);
  }
  const rows = shape.slice(0, n - 1).reduce((a, b) => a * b, 1);
  const dims = shape.map((_, i) => `d${i}`).join(', ');
  return `#ttnn.ttnn_layout<(${dims}) -> (${n === 1 ? '0' : terms.join(' + ')}, d${n - 1}), <1x1>, memref<${rows}x${shape[n - 1]}xbf16, #dram>, <interleaved>>`;
}

function idxLayout(k: number): string {
  return `#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x${k}xui32, #dram>, <interleaved>>`;
}

type IndexKind = 'constant' | 'constEval' | 'argument';

/**
 * The replicate-pad chain tt-mlir emits (permute the padded dim first, flatten, embedding, reshape, permute back) on a
 * small [1, C, T, H, W] bf16 tensor, padded along T to K rows by `indices`.
 */
function smallChain(era: Era, kind: IndexKind, indices: readonly number[], [C, T, H, W]: readonly number[]): string {
  const K = indices.length;
  const x = [1, C, T, H, W];
  const xp = [T, 1, C, H, W];
  const flat = [T, C * H * W];
  const emb = [1, K, C * H * W];
  const yp = [K, 1, C, H, W];
  const y = [1, C, K, H, W];
  const ty = (shape: readonly number[]): string => `tensor<${shape.join('x')}xbf16, ${rmLayout(shape)}>`;
  const ti = `tensor<1x${K}xui32, ${idxLayout(K)}>`;
  const dense = `dense<[[${indices.join(', ')}]]> : tensor<1x${K}xui32>`;
  const lines = [
    '#dram = #ttnn.buffer_type<dram>',
    `#system_desc = ${era.systemDesc}`,
    `module attributes {${era.systemDesc.startsWith('#tt.') ? 'tt' : 'ttcore'}.system_desc = #system_desc} {`,
  ];
  if (kind === 'constEval') {
    lines.push(
      `  func.func @main_const_eval_0() -> ${ti} attributes {${era.constEvalAttr}} {`,
      '    %0 = "ttnn.get_device"() <{mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device',
      `    %1 = "ttnn.constant"(%0) <{layout = #ttnn.layout<row_major>, value = ${dense}}> : (!ttnn.device) -> ${ti}`,
      `    return %1 : ${ti}`,
      '  }',
    );
  }
  const idxArg = kind === 'argument' ? `, %arg1: ${ti}` : '';
  lines.push(`  func.func @main(%arg0: ${ty(x)}${idxArg}) -> ${ty(y)} {`);
  if (kind === 'constEval') lines.push(`    %idx = ${era.loadCached}(@main_const_eval_0, []) : () -> ${ti}`);
  if (kind === 'constant') {
    lines.push('    %dev = "ttnn.get_device"() <{mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device');
    lines.push(
      `    %idx = "ttnn.constant"(%dev) <{layout = #ttnn.layout<row_major>, value = ${dense}}> : (!ttnn.device) -> ${ti}`,
    );
  }
  const idx = kind === 'argument' ? '%arg1' : '%idx';
  lines.push(
    `    %1 = "ttnn.permute"(%arg0) <{permutation = array<i64: 2, 0, 1, 3, 4>}> : (${ty(x)}) -> ${ty(xp)}`,
    `    %2 = "ttnn.reshape"(%1) <{shape = [${flat.map((d) => `${d} : i32`).join(', ')}]}> : (${ty(xp)}) -> ${ty(flat)}`,
    `    "ttnn.deallocate"(%1) <{force = false}> : (${ty(xp)}) -> ()`,
    `    %3 = "ttnn.embedding"(${idx}, %2) : (${ti}, ${ty(flat)}) -> ${ty(emb)}`,
    `    "ttnn.deallocate"(%2) <{force = false}> : (${ty(flat)}) -> ()`,
    `    %4 = "ttnn.reshape"(%3) <{shape = [${yp.map((d) => `${d} : i32`).join(', ')}]}> : (${ty(emb)}) -> ${ty(yp)}`,
    `    "ttnn.deallocate"(%3) <{force = false}> : (${ty(emb)}) -> ()`,
    `    %5 = "ttnn.permute"(%4) <{permutation = array<i64: 1, 2, 0, 3, 4>}> : (${ty(yp)}) -> ${ty(y)}`,
    `    "ttnn.deallocate"(%4) <{force = false}> : (${ty(yp)}) -> ()`,
    `    return %5 : ${ty(y)}`,
    '  }',
    '}',
    '',
  );
  return lines.join('\n');
}

const SHAPE = [2, 3, 2, 3]; // C, T, H, W: 1x2x3x2x3 padded along T
const INPUT: Tensor = { shape: [1, 2, 3, 2, 3], data: Array.from({ length: 36 }, (_, i) => i + 1) };

/** Run @main of `text` on the small input (indices given when they are an argument). */
function runMain(text: string, indices?: readonly number[]): Tensor {
  const mod = moduleFromSyntax(parse(text));
  const main = mod.functions.find((f) => f.name === '@main')!;
  const constants = new Map<string, Tensor>();
  const idxValues = /dense<\[\[([\d, ]+)\]\]>/.exec(text)?.[1].split(',').map(Number);
  if (idxValues !== undefined) {
    constants.set('%1', { shape: [1, idxValues.length], data: idxValues });
    constants.set('%idx', { shape: [1, idxValues.length], data: idxValues });
  }
  const args: Tensor[] = [INPUT];
  if (indices !== undefined) args.push({ shape: [1, indices.length], data: [...indices] });
  return run(mod, main, args, constants)[0];
}

interface Rewritten {
  readonly text: string;
  readonly proven: boolean;
}

function rewrite(text: string, which: 'sliceConcat' | 'constantPad'): Rewritten {
  const p = parse(text);
  const mod = moduleFromSyntax(p);
  const fn = mod.functions.find((f) => f.name === '@main')!;
  const at = fn.ops.findIndex((o) => o.name === 'ttnn.embedding');
  const chain = findPadChain(fn, at, mod);
  assert.ok(chain !== undefined, 'the chain is recognised');
  const sfn = syntaxFunctionAt(p, fn.range.start)!;
  const r =
    which === 'sliceConcat'
      ? sliceConcatRewrite(text, sfn, chain, [8, 8])
      : constantPadRewrite(text, sfn, chain, [8, 8]);
  assert.ok(typeof r !== 'string', typeof r === 'string' ? r : '');
  const fixed = applyEdits(text, r.edits);
  assert.ok(fixed !== undefined);
  return { text: fixed, proven: chain.indexPattern === 'proven' };
}

/** Re-parse clean, no new type problems, every op modeled or free of programs, nothing tt-metal rejects. */
function checkFixedText(before: string, fixed: string): void {
  const p = parse(fixed);
  assert.deepEqual(
    p.errors.map((e) => e.message),
    [],
    'the fixed text parses',
  );
  const problemsBefore = typeProblems(before, parse(before));
  const newProblems = [...typeProblems(fixed, p)].filter((x) => !problemsBefore.has(x));
  assert.deepEqual(newProblems, [], 'types stay consistent');
  const a = load(fixed).analysis;
  const main = a.functions.find((f) => f.fn.name === '@main')!;
  for (const o of main.ops) {
    assert.notEqual(o.estimate.kind, 'illegal', `${o.op.name} is legal`);
    if (['ttnn.slice', 'ttnn.slice_static', 'ttnn.concat', 'ttnn.pad'].includes(o.op.name)) {
      assert.equal(o.estimate.kind, 'estimate', `${o.op.name} is modeled`);
      assert.equal(o.overflow, undefined, `${o.op.name} fits`);
    }
  }
}

describe('fixes/eras: every fix kind, every supported era', () => {
  for (const era of ERAS) {
    describe(era.name, () => {
      const cases: { label: string; kind: IndexKind; indices: number[] }[] = [
        { label: 'front pad, const-eval indices', kind: 'constEval', indices: [0, 0, 1, 2] },
        { label: 'back pad, constant indices', kind: 'constant', indices: [0, 1, 2, 2, 2] },
        { label: 'both sides, const-eval indices', kind: 'constEval', indices: [0, 0, 1, 2, 2] },
      ];
      for (const c of cases) {
        it(`slice + concat, ${c.label}: ${era.slice}, same values as the gather`, () => {
          const text = smallChain(era, c.kind, c.indices, SHAPE);
          const r = rewrite(text, 'sliceConcat');
          assert.equal(r.proven, true);
          checkFixedText(text, r.text);
          assert.ok(r.text.includes(`"${era.slice}"(%arg0)`), `written as ${era.slice}`);
          const other = era.slice === 'ttnn.slice' ? '"ttnn.slice_static"' : '"ttnn.slice"';
          assert.ok(!r.text.includes(other), `not as ${other}`);
          assert.deepEqual(runMain(r.text), runMain(text), 'same values as the gather chain');
        });
      }

      it('constant pad of a rank-5 tensor (reshape, pad, reshape): zeros where the gather replicates, the rest equal', () => {
        const text = smallChain(era, 'constEval', [0, 0, 1, 2, 2], SHAPE);
        const r = rewrite(text, 'constantPad');
        checkFixedText(text, r.text);
        assert.match(r.text, /"ttnn\.reshape"\(%arg0\) <\{shape = \[2 : i32, 3 : i32, 6 : i32\]\}>/);
        // The expected result, by the reference pad on the 5-D input: 1 zero row in front of T, 1 behind.
        assert.deepEqual(runMain(r.text), padRef(INPUT, [0, 0, 0, 0, 1, 1, 0, 0, 0, 0], 0));
      });

      it('runtime indices: the rewrite equals the gather only for the indices it assumes', () => {
        const text = smallChain(era, 'argument', [0, 0, 1, 2], SHAPE);
        const r = rewrite(text, 'sliceConcat');
        assert.equal(r.proven, false);
        checkFixedText(text, r.text);
        assert.deepEqual(runMain(r.text), runMain(text, [0, 0, 1, 2]), 'equal under the assumed front pad');
        assert.notDeepEqual(runMain(r.text), runMain(text, [0, 1, 2, 2]), 'a back pad at run time gives other values');
      });
    });
  }
});

/** An L1 relu whose input comes to the device with to_device: both tensors live at the relu exceed L1 (allocator throws). */
function l1Relu(era: Era): string {
  // 6144x4096 bf16 = 24,576 tiles; L1 interleaved over 64 cores: 384 tiles x 2,048 B = 786,432 B per core each.
  // Input and output live together: 1,572,864 B > 1,499,136 − 102,656 = 1,396,480 B.
  const dl = '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<6144x4096xbf16, #system_memory>>';
  const l1 =
    '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <8x8>, memref<1x384x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>';
  const tile = era.systemDesc.startsWith('#tt.') ? '!tt.tile' : '!ttcore.tile';
  const fix = (s: string): string => s.replace(/!ttcore\.tile/g, tile);
  const mc = era.memoryConfigAttr ? ' <{memory_config = #ttnn.memory_config<#l1, <interleaved>>}>' : '';
  return fix(
    [
      '#dram = #ttnn.buffer_type<dram>',
      '#l1 = #ttnn.buffer_type<l1>',
      '#system_memory = #ttnn.buffer_type<system_memory>',
      `#system_desc = ${era.systemDesc}`,
      `#dl = ${dl}`,
      `#l1l = ${l1}`,
      `module attributes {${era.systemDesc.startsWith('#tt.') ? 'tt' : 'ttcore'}.system_desc = #system_desc} {`,
      '  func.func @main(%arg0: tensor<6144x4096xbf16, #dl>) -> tensor<6144x4096xbf16, #l1l> {',
      '    %0 = "ttnn.get_device"() <{mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device',
      `    %1 = "ttnn.to_device"(%arg0, %0)${mc} : (tensor<6144x4096xbf16, #dl>, !ttnn.device) -> tensor<6144x4096xbf16, #l1l>`,
      '    %2 = "ttnn.relu"(%1) : (tensor<6144x4096xbf16, #l1l>) -> tensor<6144x4096xbf16, #l1l>',
      '    "ttnn.deallocate"(%1) <{force = false}> : (tensor<6144x4096xbf16, #l1l>) -> ()',
      '    return %2 : tensor<6144x4096xbf16, #l1l>',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
}

describe('fixes/eras: layout and spill fixes state the placement everywhere', () => {
  for (const era of ERAS) {
    it(`${era.name}: input moved to DRAM at its producer rewrites ${era.memoryConfigAttr ? 'its memory_config attribute' : 'its type (no attribute in this era)'}`, () => {
      const l = load(l1Relu(era));
      const o = l.analysis.overflows[0];
      assert.ok(o !== undefined, 'the relu overflows');
      const r = fixesAt(l, '@main', o.opIndex, {}, o.functionIndex);
      const input = r.fixes.find((f) => f.fixKind === 'layout' && /input %1/.test(f.title));
      assert.ok(input !== undefined, r.fixes.map((f) => f.title).join('\n'));
      const { fixedText } = checkIrFix(l, input, '@main', o.opIndex, {
        removed: false,
        functionIndex: o.functionIndex,
      });
      const producer = fixedText.split('\n').find((x) => x.includes('%1 = "ttnn.to_device"'))!;
      if (era.memoryConfigAttr)
        assert.ok(producer.includes('memory_config = #ttnn.memory_config<#dram, <interleaved>>'), producer);
      assert.ok(!/memory_config<#l1/.test(fixedText), 'no attribute still says L1');
    });

    it(`${era.name}: a returned output moved to DRAM changes the signature's result type with it`, () => {
      const l = load(l1Relu(era));
      const o = l.analysis.overflows[0];
      const r = fixesAt(l, '@main', o.opIndex, {}, o.functionIndex);
      const output = r.fixes.find((f) => f.fixKind === 'layout' && /output %2/.test(f.title));
      assert.ok(output !== undefined, r.fixes.map((f) => f.title).join('\n'));
      const { fixedText } = checkIrFix(l, output, '@main', o.opIndex, {
        removed: false,
        functionIndex: o.functionIndex,
      });
      const sig = /func\.func @main\([^)]*\) -> tensor<6144x4096xbf16, (#[\w]+)>/.exec(fixedText)?.[1];
      const ret = /return %2 : tensor<6144x4096xbf16, (#[\w]+)>/.exec(fixedText)?.[1];
      const def = /%2 = "ttnn\.relu"\(%1\) : \(tensor<6144x4096xbf16, #l1l>\) -> tensor<6144x4096xbf16, (#[\w]+)>/.exec(
        fixedText,
      )?.[1];
      assert.ok(def !== undefined && def !== '#l1l', 'the result type moved');
      assert.deepEqual([sig, ret], [def, def], 'signature and return say the same placement');
    });
  }
});

describe('fixes/eras: memory_config text', () => {
  const w = { era: 'coreRanges' as const, deviceGrid: [8, 8] as const, dramSpace: '#dram', l1Space: '#l1' };
  it('DRAM and L1 interleaved in the shard-spec era form (ttnn-ir-syntax.md §6)', () => {
    assert.equal(
      memoryConfigText(
        attrOf('#ttnn.memory_config<#l1, <interleaved>>'),
        [64, 64],
        'tile',
        { kind: 'dram_interleaved', grid: [1, 1] },
        w,
      ),
      '#ttnn.memory_config<#dram, <interleaved>>',
    );
    assert.equal(
      memoryConfigText(
        attrOf('#ttnn.memory_config<#dram, <interleaved>>'),
        [64, 64],
        'tile',
        { kind: 'l1_interleaved', grid: [8, 8] },
        w,
      ),
      '#ttnn.memory_config<#l1, <interleaved>>',
    );
  });

  it('height-sharded 256x64 bf16 tiles on 8 cores: shard 32x64 elements on cores (0,0)-(7,0)', () => {
    // 8 x 2 tiles; ceil(8/8) = 1 tile row = 32 elements, 2 tiles = 64; 8 cores fill row 0 of the 8-wide grid.
    assert.equal(
      memoryConfigText(
        attrOf('#ttnn.memory_config<#dram, <interleaved>>'),
        [256, 64],
        'tile',
        { kind: 'height_sharded', grid: [8, 1] },
        w,
      ),
      '#ttnn.memory_config<#l1, <height_sharded>, #ttnn.shard_spec<<[#ttnn.core_range<(0,0), (7,0)>]>, <32x64>, <row_major>>>',
    );
  });

  it('keeps the shard mode of the sharded attribute it replaces (read from its token tree, spacing as written)', () => {
    const sharded = attrOf(
      '#ttnn.memory_config<#l1,<height_sharded>,#ttnn.shard_spec<<[#ttnn.core_range<(0,0), (7,0)>]>,<32x64>,<row_major>,<physical>>>',
    );
    assert.equal(
      memoryConfigText(sharded, [256, 64], 'tile', { kind: 'height_sharded', grid: [8, 1] }, w),
      '#ttnn.memory_config<#l1, <height_sharded>, #ttnn.shard_spec<<[#ttnn.core_range<(0,0), (7,0)>]>, <32x64>, <row_major>, <physical>>>',
    );
  });

  it('the memory space alias of the chunk when it has one', () => {
    const chunk = parse('#dram = #ttnn.buffer_type<dram>\n#other = #ttnn.buffer_type< l1 >\n').file.chunks[0]!;
    assert.equal(memorySpaceText(chunk, 'dram'), '#dram');
    assert.equal(memorySpaceText(chunk, 'l1'), '#other');
    const withoutDram = parse('#x = #ttnn.buffer_type<l1>\n').file.chunks[0]!;
    assert.equal(memorySpaceText(withoutDram, 'dram'), '#ttnn.buffer_type<dram>');
  });

  it('refuses the 2024-11 and 2025-01 forms rather than mixing syntaxes', () => {
    for (const old of [
      '#ttnn.memory_config<<interleaved>, <dram>>',
      '#ttnn.memory_config<#dram, <<1x100>>, <interleaved>>',
    ]) {
      const r = memoryConfigText(attrOf(old), [64, 64], 'tile', { kind: 'l1_interleaved', grid: [8, 8] }, w);
      assert.equal(typeof r, 'object', old);
    }
  });
});

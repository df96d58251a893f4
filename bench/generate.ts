/**
 * Deterministic generator of realistic printed TTNN IR (tt-xla pipeline style, 2026 syntax): system desc, hundreds of
 * layout aliases (DRAM/L1 interleaved, L1 height/width/block sharded with core_ranges), device_module nesting, a
 * const-eval function, ops with `loc(#locN)` and `#locN` defined after the module. For benchmarks and scale tests.
 */

import { makeRandom } from './random';

export interface GenerateOptions {
  /** Number of `"ttnn.*"` generic ops in the file (get_device and deallocates included). */
  readonly nOps: number;
  readonly seed: number;
}

const TILE = 32;
const WORKER_GRID_ROWS = 8;
const WORKER_GRID_COLS = 8;

type LayoutKind =
  'dramRowMajor' | 'dramTile' | 'l1Interleaved' | 'l1HeightSharded' | 'l1WidthSharded' | 'l1BlockSharded';

interface TensorKind {
  readonly shape: readonly number[];
  readonly layoutName: string;
  readonly type: string;
}

function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

function roundUp(a: number, b: number): number {
  return ceilDiv(a, b) * b;
}

/** `(d0, d1, d2) -> (d0 * 64 + d1, d2)`: all dims but the last collapse into rows; tile layouts pad dim -2 to 32. */
function linearMap(shape: readonly number[], tiled: boolean): { map: string; rows: number; cols: number } {
  const rank = shape.length;
  const dims = shape.map((_, i) => `d${i}`);
  const padded = shape.slice();
  if (tiled && rank >= 2) padded[rank - 2] = roundUp(padded[rank - 2], TILE);
  const terms: string[] = [];
  let rows = 1;
  for (let i = 0; i < rank - 1; i++) {
    let stride = 1;
    for (let j = i + 1; j < rank - 1; j++) stride *= padded[j];
    terms.push(stride === 1 ? `d${i}` : `d${i} * ${stride}`);
    rows *= padded[i];
  }
  const cols = shape[rank - 1];
  const rowExpr = terms.length === 0 ? '0' : terms.join(' + ');
  return { map: `(${dims.join(', ')}) -> (${rowExpr}, d${rank - 1})`, rows, cols };
}

function coreRanges(nCores: number): string {
  // Row-major fill of an 8-wide grid: full rows, then a partial row.
  const ranges: string[] = [];
  const fullRows = Math.floor(nCores / WORKER_GRID_COLS);
  if (fullRows > 0) ranges.push(`#ttnn.core_range<(0,0), (${WORKER_GRID_COLS - 1},${fullRows - 1})>`);
  const rest = nCores % WORKER_GRID_COLS;
  if (rest > 0) ranges.push(`#ttnn.core_range<(0,${fullRows}), (${rest - 1},${fullRows})>`);
  return `<[${ranges.join(', ')}]>`;
}

function layoutBody(shape: readonly number[], kind: LayoutKind, random: () => number): string {
  const tiled = kind !== 'dramRowMajor';
  const { map, rows, cols } = linearMap(shape, tiled);
  const tile = '!ttcore.tile<32x32, bf16>';
  const rowTiles = ceilDiv(rows, TILE);
  const colTiles = ceilDiv(cols, TILE);
  switch (kind) {
    case 'dramRowMajor':
      return `${map}, <1x1>, memref<${rows}x${cols}xbf16, #dram>, <interleaved>`;
    case 'dramTile':
      return `${map}, <1x1>, memref<${rowTiles}x${colTiles}x${tile}, #dram>, <interleaved>`;
    case 'l1Interleaved': {
      const nCores = WORKER_GRID_ROWS * WORKER_GRID_COLS;
      return `${map}, <${WORKER_GRID_ROWS}x${WORKER_GRID_COLS}>, memref<1x${ceilDiv(rowTiles * colTiles, nCores)}x${tile}, #l1>, <interleaved>`;
    }
    case 'l1HeightSharded': {
      const nCores = Math.max(1, Math.min(rowTiles, 1 + Math.floor(random() * 64)));
      return `${map}, <${nCores}x1>, memref<${ceilDiv(rowTiles, nCores)}x${colTiles}x${tile}, #l1>, <height_sharded>, core_ranges = ${coreRanges(nCores)}`;
    }
    case 'l1WidthSharded': {
      const nCores = Math.max(1, Math.min(colTiles, 1 + Math.floor(random() * 64)));
      return `${map}, <1x${nCores}>, memref<${rowTiles}x${ceilDiv(colTiles, nCores)}x${tile}, #l1>, <width_sharded>, core_ranges = ${coreRanges(nCores)}`;
    }
    case 'l1BlockSharded': {
      const gridRows = Math.max(1, Math.min(rowTiles, WORKER_GRID_ROWS));
      const gridCols = Math.max(1, Math.min(colTiles, WORKER_GRID_COLS));
      const ranges = `<[#ttnn.core_range<(0,0), (${gridCols - 1},${gridRows - 1})>]>`;
      return `${map}, <${gridRows}x${gridCols}>, memref<${ceilDiv(rowTiles, gridRows)}x${ceilDiv(colTiles, gridCols)}x${tile}, #l1>, <block_sharded>, core_ranges = ${ranges}`;
    }
  }
}

const SYSTEM_DESC =
  '#ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, ' +
  'l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, ' +
  'noc_dram_address_align_bytes = 32, l1_unreserved_base = 103712, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, ' +
  'dram_unreserved_end = 1073158336, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], ' +
  'supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 64, num_compute_threads = 1, ' +
  'num_datamovement_threads = 2, dram_grid = 1x12, dram_bank_to_logical_worker_noc0 = [(0, 0), (0, 4), (0, 5), (4, 0), (4, 4), (4, 5), (5, 0), (5, 4), (5, 5), (9, 0), (9, 4), (9, 5)], ' +
  'dram_bank_to_logical_worker_noc1 = [(0, 0), (0, 4), (0, 5), (4, 0), (4, 4), (4, 5), (5, 0), (5, 4), (5, 5), (9, 0), (9, 4), (9, 5)]}], [0], [1 : i32], [ 0x0x0x0]>';

const DEVICE =
  '<workerGrid = #ttcore.grid<8x8, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, ' +
  'l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ' +
  '((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv (s4 * 12) + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = 1x1, chipIds = [0]>';

/** Builds the file text. Returns ~1.3 KB per 4 ops plus a fixed header. */
export function generateTtnnModule(options: GenerateOptions): string {
  const random = makeRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const nOps = Math.max(2, Math.floor(options.nOps));

  // Shapes: 4-d activations and 2-d weights, bf16. Four layout variants per shape.
  const nShapes = Math.max(8, Math.min(150, Math.floor(nOps / 60)));
  const kinds: LayoutKind[] = [
    'dramRowMajor',
    'dramTile',
    'l1Interleaved',
    'l1HeightSharded',
    'l1WidthSharded',
    'l1BlockSharded',
  ];
  const header: string[] = ['#dram = #ttnn.buffer_type<dram>', '#l1 = #ttnn.buffer_type<l1>', '#loc = loc(unknown)'];
  const nArgs = 4;
  for (let i = 0; i < nArgs; i++) header.push(`#loc${i + 1} = loc("p${i}.${i * 4 + 1}")`);
  header.push(`#system_desc = ${SYSTEM_DESC}`);
  const byShape: TensorKind[][] = [];
  let layoutIndex = 0;
  const layoutLines: string[] = [];
  for (let s = 0; s < nShapes; s++) {
    const rank = random() < 0.7 ? 4 : 2;
    const shape =
      rank === 4
        ? [1, pick([1, 2, 4, 8]), pick([32, 64, 128, 196, 784, 3136]), pick([64, 128, 256, 512, 768, 1024])]
        : [pick([32, 64, 128, 1024]), pick([256, 768, 1024, 3072, 4096])];
    const group: TensorKind[] = [];
    const chosen = [kinds[0], kinds[1], kinds[2], kinds[3 + Math.floor(random() * 3)]];
    for (const kind of chosen) {
      const name = layoutIndex === 0 ? '#ttnn_layout' : `#ttnn_layout${layoutIndex}`;
      layoutIndex++;
      layoutLines.push(`${name} = #ttnn.ttnn_layout<${layoutBody(shape, kind, random)}>`);
      group.push({ shape, layoutName: name, type: `tensor<${shape.join('x')}xbf16, ${name}>` });
    }
    byShape.push(group);
  }
  // Printed aliases are sorted by name; numeric suffixes sort as strings in the printer, close enough here.
  header.push(...layoutLines);

  const body: string[] = [];
  const tailLocs: string[] = [];
  let nextLoc = nArgs + 1;
  const fileLocs: string[] = [];
  for (let i = 0; i < 8; i++) {
    const name = `#loc${nextLoc++}`;
    fileLocs.push(name);
    tailLocs.push(`${name} = loc("tests/torch/models/generated/model.py":${100 + i * 7}:0)`);
  }
  const newLoc = (opName: string): string => {
    const name = `#loc${nextLoc++}`;
    tailLocs.push(`${name} = loc("${opName}.${nextLoc}"(${pick(fileLocs)}))`);
    return name;
  };

  let nextValue = 1;
  let emitted = 0;
  const indent = '        ';
  body.push(
    `${indent}%0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device loc(#loc)`,
  );
  emitted++;

  interface Live {
    readonly name: string;
    readonly kind: TensorKind;
    readonly shapeIndex: number;
  }
  const args: Live[] = [];
  const argTexts: string[] = [];
  for (let i = 0; i < nArgs; i++) {
    const shapeIndex = Math.floor(random() * nShapes);
    const kind = byShape[shapeIndex][0];
    args.push({ name: `%arg${i}`, kind, shapeIndex });
    argTexts.push(
      `%arg${i}: ${kind.type} {ttcore.argument_type = #ttcore.argument_type<input>, ttir.name = "args_${i}"} loc("p${i}.${i * 4 + 1}")`,
    );
  }
  const live: Live[] = args.slice();
  const fresh = (kind: TensorKind, shapeIndex: number): Live => ({ name: `%${nextValue++}`, kind, shapeIndex });
  const cached = fresh(args[1].kind, args[1].shapeIndex);
  body.push(
    `${indent}${cached.name} = ttcore.load_cached(@main_const_eval_0, [${args[1].name}]) : (${args[1].kind.type}) -> ${cached.kind.type} loc(#loc)`,
  );
  live.push(cached);
  const dealloc = (v: Live): void => {
    if (v.name.startsWith('%arg') || emitted >= nOps) return;
    body.push(`${indent}"ttnn.deallocate"(${v.name}) <{force = false}> : (${v.kind.type}) -> () loc(#loc)`);
    emitted++;
  };

  let guard = nOps * 4 + 16;
  while (emitted < nOps - 1 && guard-- > 0) {
    const a = live[Math.floor(random() * live.length)];
    const roll = random();
    let result: Live;
    let line: string;
    if (roll < 0.25) {
      const target = byShape[a.shapeIndex][1 + Math.floor(random() * 3)];
      result = fresh(target, a.shapeIndex);
      line = `${result.name} = "ttnn.to_layout"(${a.name}) <{layout = #ttnn.layout<tile>}> : (${a.kind.type}) -> ${target.type} loc(${newLoc('to_layout')})`;
    } else if (roll < 0.45) {
      const b = live[Math.floor(random() * live.length)];
      const out = byShape[a.shapeIndex][1 + Math.floor(random() * 3)];
      result = fresh(out, a.shapeIndex);
      line = `${result.name} = "ttnn.add"(${a.name}, ${b.name}) <{dtype = #ttcore.supportedDataTypes<bf16>}> : (${a.kind.type}, ${b.kind.type}) -> ${out.type} loc(${newLoc('add')})`;
    } else if (roll < 0.6) {
      const b = live[Math.floor(random() * live.length)];
      const outShape = Math.floor(random() * nShapes);
      const out = byShape[outShape][1 + Math.floor(random() * 3)];
      result = fresh(out, outShape);
      line =
        `${result.name} = "ttnn.matmul"(${a.name}, ${b.name}) <{compute_config = #ttnn.device_compute_kernel_config<math_fidelity = hifi4, fp32_dest_acc_en = true>, transpose_a = false, transpose_b = true}> ` +
        `: (${a.kind.type}, ${b.kind.type}) -> ${out.type} loc(${newLoc('matmul')})`;
    } else if (roll < 0.75) {
      const outShape = Math.floor(random() * nShapes);
      const out = byShape[outShape][Math.floor(random() * 2)];
      result = fresh(out, outShape);
      const dims = out.shape.map((d) => `${d} : i32`).join(', ');
      line = `${result.name} = "ttnn.reshape"(${a.name}) <{shape = [${dims}]}> : (${a.kind.type}) -> ${out.type} loc(${newLoc('reshape')})`;
    } else if (roll < 0.88) {
      const rank = a.kind.shape.length;
      const perm = rank === 4 ? '0, 2, 1, 3' : '1, 0';
      const out = byShape[a.shapeIndex][Math.floor(random() * 4)];
      result = fresh(out, a.shapeIndex);
      line = `${result.name} = "ttnn.permute"(${a.name}) <{permutation = array<i64: ${perm}>}> : (${a.kind.type}) -> ${out.type} loc(${newLoc('permute')})`;
    } else {
      const w = args[Math.floor(random() * args.length)];
      const outShape = Math.floor(random() * nShapes);
      const out = byShape[outShape][1 + Math.floor(random() * 3)];
      result = fresh(out, outShape);
      const k = pick([1, 3]);
      line =
        `${result.name} = "ttnn.conv2d"(${a.name}, ${w.name}, %0) <{batch_size = 1 : i32, conv2d_config = #ttnn.conv2d_config<weights_dtype = bf16, activation = <op_type = relu>, ` +
        `deallocate_activation = false, act_block_h_override = 0, shard_layout = height_sharded, enable_kernel_stride_folding = false, config_tensors_in_dram = true>, ` +
        `conv2d_slice_config = #ttnn.conv2d_slice_config<l1_full, 0>, dilation = array<i32: 1, 1>, groups = 1 : i32, in_channels = ${a.kind.shape[a.kind.shape.length - 1]} : i32, ` +
        `input_height = 56 : i32, input_width = 56 : i32, kernel_size = array<i32: ${k}, ${k}>, out_channels = ${out.shape[out.shape.length - 1]} : i32, ` +
        `padding = array<i32: ${k >> 1}, ${k >> 1}, ${k >> 1}, ${k >> 1}>, stride = array<i32: 1, 1>}> : (${a.kind.type}, ${w.kind.type}, !ttnn.device) -> ${out.type} loc(${newLoc('conv2d')})`;
    }
    body.push(indent + line);
    emitted++;
    live.push(result);
    // Keep a bounded working set: deallocate the oldest non-argument value.
    if (live.length > nArgs + 6) {
      const victim = live.splice(nArgs, 1)[0];
      dealloc(victim);
    }
  }
  const last = live[live.length - 1];
  body.push(`${indent}return ${last.name} : ${last.kind.type} loc(#loc)`);

  const constEvalArg = args[1];
  const lines: string[] = [
    ...header,
    'module @SyncTensorsGraph.1 attributes {ttcore.meshes = #ttcore.meshes<[<"mesh" = 1x1>]>} {',
    '  ttcore.device_module {',
    '    builtin.module @SyncTensorsGraph.1 attributes {ttcore.meshes = #ttcore.meshes<[<"mesh" = 1x1>]>, ttcore.system_desc = #system_desc} {',
    `      ttcore.device @default_device = ${DEVICE} loc(#loc)`,
    `      func.func private @main_const_eval_0(%arg0: ${constEvalArg.kind.type} loc(unknown)) -> ${constEvalArg.kind.type} attributes {tt.function_type = "const_eval"} {`,
    `        return %arg0 : ${constEvalArg.kind.type} loc(#loc)`,
    '      } loc(#loc)',
    `      func.func @main(${argTexts.join(', ')}) -> (${last.kind.type} {ttir.name = "out"}) attributes {tt.function_type = "forward_device"} {`,
    ...body,
    '      } loc(#loc)',
    '    } loc(#loc)',
    '  } loc(#loc)',
    '} loc(#loc)',
    ...tailLocs,
    '',
  ];
  return lines.join('\n');
}

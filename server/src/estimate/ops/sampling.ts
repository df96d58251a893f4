/**
 * L1 estimate for `ttnn.sampling`: ttnn::sampling's fused top-k / top-p / multinomial program, one core per user.
 *
 * Formula (bytes per core; U = users = the input's dims but the last, Ht = ⌊U / 32⌋, Wt = W / 32 candidate tiles,
 * T = the values' tile (bf16 2,048), I = a UInt16 index tile (2,048), e = the indices' element bytes (4)):
 *   c_0 = 4·T input values, c_2 = 4·I indices, c_3 = one bf16 tile (scaler), c_4 = 4·T top-k mask,
 *   c_5 = Wt·T transposed values, c_6 = Wt·I transposed indices, c_7 = 2·T values out, c_1 = 2·T local values,
 *   c_8 = 2·I local indices, c_9 = c_10 = Ht·T running max / sum, c_11 = one bf16 tile (random numbers),
 *   c_12 = Ht·32 rows of Wt·32·e (row-major final indices), c_13 = Ht·32·4 (output row), c_14 = 4·cores (k),
 *   c_15 = c_16 = 2·cores (p, temp); cores = Ht·32, num_cores_to_corerangeset row-wise                            [1]
 *   = 45,440 + 8,192·Wt B for 32 users of bf16 values and 32-bit indices
 *
 * The factory sizes by ⌊U / 32⌋ tiles of users (32 users: one tile); U not a multiple of 32 gives no number here.
 * tt-metal's validate (legality in the estimator): bf16 TILE interleaved values, UINT32/INT32 ROW_MAJOR interleaved
 * indices [2]. tt-mlir's workarounds give the indices, k, p and temp row-major and k and the result uint32 [3].
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/reduction/sampling/device/sampling_program_factory.cpp@465a425 (the same CBs
 *       at @0055520)
 *   [2] tt-metal ttnn/cpp/ttnn/operations/reduction/sampling/device/sampling_device_operation.cpp@01c8afe
 *   [3] tt-mlir lib/Dialect/TTNN/IR/TTNNWorkaroundsPass.cpp@19c86fc (createSamplingOpOperandsWorkarounds);
 *       runtime/lib/ttnn/operations/reduction/sampling.cpp@19c86fc (ttnn::sampling, no sub_core_grids)
 */

import { elementBytes, tileBytes } from '../../ttnn/dtype';
import type { TtnnOp } from '../../ttnn/op';
import { finishProgram, resolveTensor, type CbSpec } from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';

const CITES = {
  factory: 'tt-metal ttnn/cpp/ttnn/operations/reduction/sampling/device/sampling_program_factory.cpp@465a425',
  validate:
    'tt-metal ttnn/cpp/ttnn/operations/reduction/sampling/device/sampling_device_operation.cpp@01c8afe (validate_on_program_cache_miss)',
} as const;

/** tt-metal's tile_size(UInt16): the index CBs' format whatever the index tensor's dtype. */
const UINT16_TILE_BYTES = tileBytes('u16');
const BF16_TILE_BYTES = tileBytes('bf16');

export function estimateSampling(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const values = resolveTensor(op.operands[0], 'input_values');
  if (typeof values === 'string') return unmodeled(op.name, values);
  const indices = resolveTensor(op.operands[1], 'input_indices');
  if (typeof indices === 'string') return unmodeled(op.name, indices);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (values.layout.memoryLayout !== 'interleaved' || indices.layout.memoryLayout !== 'interleaved')
    return illegal(op.name, 'Only INTERLEAVED memory layout is supported for inputs!', CITES.validate);
  if (values.dtype !== 'bf16') return illegal(op.name, 'Only BFLOAT16 is supported for inputs!', CITES.validate);
  if (values.layout.pageLayout !== 'tile')
    return illegal(op.name, 'Only TILE_LAYOUT is supported for inputs!', CITES.validate);
  if (indices.dtype !== 'u32' && indices.dtype !== 'si32')
    return illegal(op.name, 'Only UINT32 & INT32 dtypes are supported for input indices!', CITES.validate);
  if (indices.layout.pageLayout !== 'row_major')
    return illegal(op.name, 'Only ROW_MAJOR is supported for input indices!', CITES.validate);
  const dims = values.logical;
  const width = dims[dims.length - 1] ?? 0;
  const users = dims.slice(0, -1).reduce((n, d) => n * d, 1);
  if (width === 0 || width % 32 !== 0)
    return illegal(
      op.name,
      `Input inner dim (${width}) must be non-zero and divisible by 32, pad if needed!`,
      CITES.validate,
    );
  if (users === 0 || users % 32 !== 0)
    return unmodeled(
      op.name,
      `${users} users: the factory read (sampling_program_factory.cpp@465a425) sizes its CBs and cores by ⌊users / 32⌋ tiles of 32 users; other user counts were not read`,
    );
  const ht = users / 32;
  const wt = width / 32;
  const cores = ht * 32;
  const [rows, cols] = ctx.device.workerGrid;
  if (cores > rows * cols)
    return unmodeled(op.name, `${cores} users need ${cores} cores; the device has ${rows * cols}`);
  const t = tileBytes(values.dtype);
  const indexBytes = elementBytes(indices.dtype) ?? 4; // u32 / si32, checked above
  const outputBytes = elementBytes(output.dtype);
  if (outputBytes === undefined) return unmodeled(op.name, `result dtype ${output.dtype} has no element size`);
  const indexRowBytes = wt * 32 * indexBytes;
  const cbs: CbSpec[] = [
    { index: 0, role: 'input values', nPages: 4, pageBytes: t },
    { index: 2, role: 'indices (UInt16)', nPages: 4, pageBytes: UINT16_TILE_BYTES },
    { index: 3, role: 'identity scaler (bf16)', nPages: 1, pageBytes: BF16_TILE_BYTES },
    { index: 4, role: 'top-k mask', nPages: 4, pageBytes: t },
    { index: 5, role: 'transposed values', nPages: wt, pageBytes: t },
    { index: 6, role: 'transposed indices (UInt16)', nPages: wt, pageBytes: UINT16_TILE_BYTES },
    { index: 7, role: 'output values', nPages: 2, pageBytes: t },
    { index: 1, role: 'local values', nPages: 2, pageBytes: t },
    { index: 8, role: 'local indices (UInt16)', nPages: 2, pageBytes: UINT16_TILE_BYTES },
    { index: 9, role: 'running max', nPages: ht, pageBytes: t },
    { index: 10, role: 'running sum', nPages: ht, pageBytes: t },
    { index: 11, role: 'random numbers (bf16)', nPages: 1, pageBytes: BF16_TILE_BYTES },
    { index: 12, role: 'final indices (row-major)', nPages: ht * 32, pageBytes: indexRowBytes },
    { index: 13, role: 'output indices row', nPages: 1, pageBytes: ht * 32 * outputBytes },
    { index: 14, role: 'k (4 B per core)', nPages: 1, pageBytes: cores * 4 },
    { index: 15, role: 'p (2 B per core)', nPages: 1, pageBytes: cores * 2 },
    { index: 16, role: 'temp (2 B per core)', nPages: 1, pageBytes: cores * 2 },
  ];
  return finishProgram({
    op,
    ctx,
    factory: 'SamplingProgramFactory',
    factoryReason: `${users} users on ${cores} cores (one per user, row-wise), ${wt} candidate tiles each`,
    groups: [{ name: 'users', nCores: cores, firstCore: [0, 0] }],
    cbs,
    confidence: 'exact',
    citations: [CITES.factory],
  });
}

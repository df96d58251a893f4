/**
 * L1 estimate for element-wise ops: unary (`ttnn.relu`, `ttnn.exp`, ...), binary through binary_ng
 * (`ttnn.add`, `ttnn.multiply`, ...) and `ttnn.typecast`.
 *
 * Formula (bytes per core):
 *   unary:    c_0 = 2·T(in), c_2 = 2·T(out); a sharded input/output CB aliases its shard (0 B): always on the
 *             old UnaryShardedProgramFactory, under unary_ng (change points unary-ng-first-ops,
 *             unary-mixed-memory-layouts) only when is_native_L1_sharding holds, else 2-tile CBs     [1][16]
 *   binary:   c_0 = 2·T(a), c_1 = 2·T(b) (1 tile for a scalar b, Float16_b on legacy builds), c_2 = 2·T(c);
 *             the subtile broadcast type (get_subtile_broadcast_type) adds c_5 = 2·T(a) or c_6 = 2·T(b) as the
 *             build's factory does (change points binary-ng-*-cb); before change point binary-ng-default (and
 *             where is_legacy_only says so) the legacy broadcast factories and, for same-H/W interleaved operands,
 *             ElementWiseMultiCore(Sfpu): c_0, c_1, c_2 of 2 tiles, each in its tensor's format [15]; from change
 *             point binary-ng-sharded-native-l1 a sharded tensor's CB is its shard (0 B) exactly when the build's
 *             is_native_L1_sharding and get_shard_specs hold, else every CB its 2-tile ring; before it the
 *             legacy ElementWiseMultiCore where dispatch sends a same-H/W op there (a sharded input's CB its
 *             shard, else 2·find_max_block_size(shard tiles); c_2 the shard tiles for a width/block-sharded
 *             source), binary_ng binding every sharded tensor before binary-ng-native-l1-first and, from
 *             it, under #27989's is_native_L1_sharding (c_2 c's whole shard when c is sharded); binary_ng's
 *             validate_sharding rejections to binary-ng-native-same-layout-l1 are `illegal`          [2][15]
 *   typecast: c_0 = 2·page(in), c_2 = 2·page(out); page = tile bytes, or one full row for row-major;
 *             a sharded input's TypecastShardedProgramFactory binds both to the shards when
 *             can_use_sharded_optimized_factory holds (change point typecast-sharded-fallback)       [3]
 *   cores:    split_work_to_cores(worker grid, output pages), or the shard grid                       [4]
 *   where:    c_0 predicate, c_1/c_2 tensor values, c_3 output, 2 tiles each, on the whole grid       [5]
 *   asinh:    unary from change point `asinh-unary-sfpu`; before, its composite's largest step (binary)   [6]
 *   dropout:  c_0 = 2·T(in), c_2 = 2·T(out) on split_work_to_cores over the tiles, cores in column order; a
 *             sharded input gets the same CBs (the factory binds none to a shard)                       [7]
 *   clamp_tensor: ttnn::clamp with tensor bounds is a composite: minimum, eq (tensor-scalar), relu,
 *             maximum, where, gt, where; its largest program is a where (4 CBs of 2 tiles); the
 *             intermediates live in the output's memory config                                         [8]
 *   mish:     unary from change point `mish-unary-device-op`; before, a unary chain (exp, +1, log, tanh) into a
 *             tensor in the output's memory config, then multiply(x, chain result): that result is live while
 *             the multiply allocates its own                                                           [9]
 *   log1p:    unary from change point `log1p-unary-sfpu`; before, add(x, 1) into a tensor in the output's
 *             memory config (c_0 2, c_1 1 scalar tile, c_2 2), then log of it: that tensor is live while the
 *             log allocates its result                                                                 [10]
 *   hardsigmoid: unary from change point `hardsigmoid-unary-sfpu`; before, multiply by a scalar, add a scalar,
 *             relu_max, every result placed like the input (no memory config passed): the product is live
 *             through the add, the sum through relu_max                                               [12]
 *   clamp_scalar: unary from change point `clamp-scalar-unary-sfpu`; before, minimum(a, max) into a tensor in
 *             the output's memory config, then relu (min 0) or maximum(., min), that tensor live through
 *             the second; an int32 input typecast to f32 first                                          [13]
 *   cbrt:     unary plus c_1 = the input CB's size from change point `cbrt-unary-sfpu` [11]; before, abs, log,
 *             ×1/3, exp, sign, multiply into tensors in the output's memory config, the exp result live to
 *             the last multiply                                                                         [11]
 *   pow_scalar: unary for an integer exponent, and for any from change point `pow-scalar-unary-sfpu`; before, a
 *             non-integer exponent runs log, ×fraction, exp, power(floor), multiply, ltz, where, each into the
 *             output's memory config (exp and product held to the where); a negative exponent is illegal      [14]
 *
 * Symbols: T(x) = tile bytes of x's dtype (bf16 2,048, f32 4,096, bfp8 1,088).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_program_factory.cpp@019b681
 *   [2] tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@5eb4ca2
 *   [3] tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_program_factory.cpp@0021b0d
 *   [4] tt-metal tt_metal/common/work_split.cpp (split_work_to_cores)
 *   [5] tt-metal ttnn/cpp/ttnn/operations/eltwise/ternary/device/ternary_program_factory.cpp (index id 10062551432)
 *   [6] tt-metal PR #23576 (asinh as an SFPU unary op); unary_composite_op.cpp _asinh before it (index id 6710124477)
 *   [7] tt-metal ttnn/cpp/ttnn/operations/experimental/dropout/device/dropout_program_factory.cpp@0252a1e
 *       (DropoutProgramFactory; DropoutMeshWorkloadFactory runs it once per device); validate in
 *       dropout_device_operation.cpp@005723d
 *   [8] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@001a9c0 and @9d2e6ed
 *       (ExecuteUnaryCompositeClamp::invoke with optional Tensor min/max: the same steps at both); tt-mlir runtime
 *       runtime/lib/ttnn/operations/eltwise/unary/unary_composite.cpp@19c86fc calls ttnn::clamp(in, min, max, memcfg)
 *   [9] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@dec1dc2 (ExecuteMish::invoke,
 *       PR #14270) to the parent of 476062d (PR #19113, which made mish a unary device op)
 *   [10] tt-metal unary_composite_op.cpp _log1p at d9304dd and at the parent of 7ba089f (PR #20502, which made log1p an
 *       SFPU unary op); the scalar add: broadcast_height_and_width_multi_core_program_factory.cpp@d9304dd
 *   [11] tt-metal unary_composite_op.cpp@7003188 (_cbrt, the parent of 11de0e3); unary_program_factory.cpp@11de0e3 and
 *       unary_sharded_program_factory.cpp@11de0e3 (PR #28170: c_1 for CBRT, two input tiles / the shard's tiles)
 *   [12] tt-metal unary_composite_op.cpp@26c0f92 (_hardsigmoid, the parent of 852431e, PR #24923) and
 *       ternary_composite_op.cpp@26c0f92 (_mac_overload); the scalar c_1 of one tile: binary_ng_program_factory.cpp@26c0f92
 *   [13] tt-metal unary_composite_op.cpp@f34fc81 (ExecuteUnaryCompositeClamp, the parent of 2a88382, PR #27012);
 *       binary_composite_op.cpp@f34fc81 (minimum / maximum with a scalar: unary programs; minimum from PR #20242)
 *   [14] tt-metal binary_composite_op.cpp@d43dc8d and the parent of 2fc9b5a (ExecutePower::invoke, float exponent);
 *       PR #33182 (2fc9b5a) made it one unary program; tt-mlir runtime binary_composite.cpp@19c86fc runPowScalarOp
 *   [15] tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/element_wise_multi_core_program_factory.cpp@1d923b2
 *   [16] tt-metal ttnn/cpp/ttnn/operations/eltwise/unary_ng/common/unary_ng_utils.cpp@55e065a (is_native_L1_sharding,
 *       get_shard_specs), unary_ng/device/unary_ng_program_factory.cpp@55e065a; unary/common/unary_utils.cpp@622c6fb
 *
 * Assumptions: activations fused into binary ops (c_3/c_4 interim tiles) are not visible in the IR and ignored; the
 *   op's own pre-activations (logical ops, divide before change point binary-ng-divide-sfpu) make the estimate approx; LOGIT's
 *   extra unary CB ignored. binary_ng creates its CBs on the whole worker grid (get_worker_grid); the cores named are
 *   the output's shard grid when its CB is bound, else split_work_to_cores' (the per-core figure is the same on each).
 *   The stand-in where the sharded rule is not modeled ("all sharded alike") matches the tt-mlir OpModel figures (a
 *   height-sharded a with a DRAM b costs 6 tiles).
 * Worked example: relu of 64x1024 bf16 DRAM → DRAM: 2·2,048 + 2·2,048 = 8,192 B; add: 12,288 B; typecast bf16→f32
 *   32768x32: 2·2,048 + 2·4,096 = 12,288 B (tt-mlir OpModel golden rows); asserted in test/unit/estimate/golden.test.ts.
 */

import { elementBytes, isBlockFloat, TILE_HW, tileBytes } from '../../ttnn/dtype';
import { alignUp, isSharded, shardCoreCount, volume } from '../../ttnn/layout';
import type { TensorLayout } from '../../ttnn/layout';
import type { TtnnOp } from '../../ttnn/op';
import {
  CITE,
  outputsInL1,
  ResolvedTensor,
  finishProgram,
  gridArea,
  propNumber,
  groupsFromSplit,
  resolveTensor,
  splitWorkToCores,
} from '../common';
import type { EstimateContext, OpEstimateResult } from '../types';
import { illegal, unmodeled } from '../types';
import { atOrAfter, readSpanUnreadReason, readSpanCite, windowReadableWithinReadSpan } from '../changePoints';
import type { L1Intermediate } from '../types';
import type { TensorSpec, ValueSpec } from '../../ttnn/op';
import { Step, largestStep, specWith, stepOp, withResultsPlacedLike } from './composite';
import { noProgram } from './noProgram';

const CITES = {
  powComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/binary_composite_op.cpp@d43dc8d and at the parent of 2fc9b5a (ExecutePower::invoke, float exponent; PR #33182 made it one unary program)',
  legacyElementWise:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/element_wise_multi_core_program_factory.cpp and element_wise_multi_core_sfpu_pgm_factory.cpp@1d923b2 (the CB sizes the same from @91e3f22, 2024-12-19, to the parent of 0fca1ed: the later commits 76f5736, 6131bec, 0741d5c, c262c36 are style only); binary_device_operation.cpp@1d923b2 (select_program_factory, validate)',
  binaryNativeL1Sharding:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@af6910e, @6132b08, @8096aa6 (is_native_L1_sharding, the shard-bound c_0/c_1/c_2), binary_ng_utils.cpp@31570cf, @ad5f256, @0fca1ed (the same at @622c6fb); get_shard_specs @154ae51, @0fca1ed; change points binary-ng-sharded-native-l1 .. binary-ng-native-sharded-a-broadcast',
  binaryNgNativeL1First:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@629ddfc (is_native_L1_sharding, get_shard_specs, c_0/c_1/c_2; the CB lines the same to af6910e~1); change point binary-ng-native-l1-first',
  binaryNgValidateSharding:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp@629ddfc, @af6910e, @6f9c404 (validate_on_program_cache_miss: sharded tensors in L1; validate_sharding); change points binary-ng-native-l1-first, binary-ng-sharding-layout-test-dropped, binary-ng-native-same-layout-l1',
  unary: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_program_factory.cpp@019b681',
  unarySharded:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_sharded_program_factory.cpp@aa5af61 and @aaca681 (c_0 / c_2 on the input and output buffers; TT_FATALs on core count, tile size, L1); unary_device_operation.cpp (select_program_factory: a sharded input)',
  unaryNgSharding:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary_ng/common/unary_ng_utils.cpp@55e065a (is_native_L1_sharding, get_shard_specs) and unary_ng/device/unary_ng_program_factory.cpp@55e065a (c_0 / c_2 the shards when get_shard_specs holds, else 2 tiles); as unary/common/unary_utils.cpp and unary/device/unary_program_factory.cpp@622c6fb',
  binaryNg: 'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@5eb4ca2',
  binaryNgSubtile:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_device_operation.cpp@2feb3d4 (get_subtile_broadcast_type, unchanged since @2e97074); c_5/c_6 per change points binary-ng-row-bcast-cb, binary-ng-row-col-bcast-cb, binary-ng-col-scalar-bcast-cb',
  binaryLegacyBroadcast:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/binary_device_operation.cpp@1d923b2 (select_program_factory); broadcast_height_multi_core_program_factory.cpp, broadcast_width_multi_core_program_factory.cpp, broadcast_height_and_width_multi_core_program_factory.cpp@1d923b2',
  binaryDispatch:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/binary.cpp (invoke_binary_ng_impl, is_legacy_only) @f1d7b9a, @60f878c, @8096aa6, @0fca1ed',
  binaryPreActivations:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_utils.cpp@622c6fb (OpConfig: LOGICAL_* process_lhs / process_rhs NEZ; DIV on the FPU process_rhs RECIP) and binary_ng_program_factory.cpp@622c6fb (c_3 / c_4 when PROCESS_LHS / RHS_ACTIVATIONS); element_wise_multi_core_program_factory.cpp@1d923b2 (interim c_3 / c_4 for SFPU_OP_INIT_PRE_IN0_0 / _IN1_0)',
  typecast: 'tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_program_factory.cpp@0021b0d',
  typecastSelect:
    'tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_device_op.cpp@4d50a84 (select_program_factory, can_use_sharded_optimized_factory; unchanged to @34187b6); typecast_sharded_program_factory.cpp@4d50a84 (c_0/c_2 on the shards)',
  typecastValidate:
    'tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_device_op.cpp@d6e9bf6 and @34187b6 (validate: input and output memory layouts match)',
  typecastShardedBefore:
    'tt-metal ttnn/cpp/ttnn/operations/copy/typecast/device/typecast_sharded_program_factory.cpp@f011e63 (TT_FATAL input_tile_size == output_tile_size; every sharded input, typecast_device_op.cpp@f011e63)',
  where:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/ternary/device/ternary_program_factory.cpp (WhereProgramFactory, index id 10062551432)',
  asinhComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp (_asinh before PR #23576, index id 6710124477)',
  dropout: 'tt-metal ttnn/cpp/ttnn/operations/experimental/dropout/device/dropout_program_factory.cpp@0252a1e',
  clampTensor:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@9d2e6ed (ExecuteUnaryCompositeClamp::invoke, tensor min/max; same at @001a9c0)',
  mishComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@dec1dc2 (ExecuteMish::invoke: unary_chain then multiply; same at 51bc24e, 2024-12-03)',
  mishMultiplyFactory:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/element_wise_multi_core_program_factory.cpp@d9304dd (the 2025-01 multiply of two interleaved tensors: c_0, c_1, c_2 of two tiles each, the figure estimateBinary gives)',
  log1pComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@d9304dd (_log1p: add(x, 1.0f) then log, the same at the parent of 7ba089f)',
  scalarAddFactory:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/broadcast_height_and_width_multi_core_program_factory.cpp@d9304dd (tensor-scalar add: c_0 2 tiles, c_1 one Float16_b scalar tile, c_2 2 tiles; the same lines at every commit 72322bd .. f1d7b9a)',
  cbrtComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@7003188 (_cbrt: abs, log, multiply 1/3, exp, sign, multiply; parent of 11de0e3, PR #28170)',
  cbrtUnary:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_program_factory.cpp@11de0e3 and unary_sharded_program_factory.cpp@11de0e3 (c_1 temporary CB for HARDSHRINK and CBRT)',
  hardsigmoidComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@26c0f92 (_hardsigmoid: ttnn::mac then relu_max, no memory config) and ternary/ternary_composite_op.cpp@26c0f92 (_mac_overload: multiply then add, each by a scalar)',
  binaryNgScalar:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary_ng/device/binary_ng_program_factory.cpp@26c0f92 (a scalar b: c_1 of one tile)',
  clampScalarComposite:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/unary/device/unary_composite_op.cpp@f34fc81 (ExecuteUnaryCompositeClamp::invoke with float min/max: minimum, then relu or maximum; the parent of 2a88382, PR #27012)',
  minimumScalarUnary:
    'tt-metal ttnn/cpp/ttnn/operations/eltwise/binary/device/binary_composite_op.cpp@f34fc81 (ExecuteMinimum / ExecuteMaximum with a scalar: one unary program, UnaryOpType::MINIMUM / MAXIMUM)',
  clampTensorRuntime:
    'tt-mlir runtime/lib/ttnn/operations/eltwise/unary/unary_composite.cpp@19c86fc (runEltwiseUnaryCompositeClampTensorOp)',
} as const;

export const UNARY_OPS: readonly string[] = [
  'abs',
  'acos',
  'asin',
  'atan',
  'bitwise_not',
  'cbrt',
  'ceil',
  'cos',
  'elu',
  'erf',
  'erfc',
  'exp',
  'expm1',
  'floor',
  'gelu',
  'hardsigmoid',
  'isfinite',
  'leaky_relu',
  'log',
  'log1p',
  'logical_not',
  'mish',
  'neg',
  'reciprocal',
  'relu',
  'relu6',
  'rsqrt',
  'sigmoid',
  'sign',
  'silu',
  'sin',
  'sqrt',
  'square',
  'tan',
  'tanh',
  'clamp_scalar',
  'clamp',
  'pow_scalar',
  'exp2',
  'gelu_tanh',
].map((n) => `ttnn.${n}`);

/** The comparison ops, under their short and long names; a list shared by BINARY_OPS and the legacy SFPU test. */
const RELATIONAL_NAMES = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'equal',
  'not_equal',
  'greater_than',
  'greater_equal',
  'less_than',
  'less_equal',
] as const;
const LOGICAL_NAMES = ['logical_and', 'logical_or', 'logical_xor'] as const;

export const BINARY_OPS: readonly string[] = [
  'add',
  'subtract',
  'multiply',
  'divide',
  'maximum',
  'minimum',
  'pow',
  'pow_tensor',
  'remainder',
  'atan2',
  ...RELATIONAL_NAMES,
  ...LOGICAL_NAMES,
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
  'logical_left_shift',
  'logical_right_shift',
  'squared_difference',
].map((n) => `ttnn.${n}`);

function sameSharding(a: ResolvedTensor, b: ResolvedTensor): boolean {
  return (
    isSharded(a.layout) &&
    isSharded(b.layout) &&
    a.layout.memoryLayout === b.layout.memoryLayout &&
    a.layout.gridShape[0] === b.layout.gridShape[0] &&
    a.layout.gridShape[1] === b.layout.gridShape[1]
  );
}

/** Cores of an eltwise program: the shard grid when sharded, else split_work_to_cores over the output pages. */
function cores(
  ctx: EstimateContext,
  out: ResolvedTensor,
  shardSource: ResolvedTensor | undefined,
  pages = out.geometry.nPages,
) {
  if (shardSource !== undefined) {
    const n = shardCoreCount(shardSource.layout);
    const start = shardSource.layout.coreRanges?.[0]?.start;
    const firstCore: readonly [number, number] = start === undefined ? [0, 0] : [start.x, start.y];
    return {
      groups: [{ name: 'shards', nCores: n, firstCore }],
      why: `one shard per core on the ${shardSource.layout.gridShape.join('x')} shard grid`,
    };
  }
  const split = splitWorkToCores(gridArea(ctx), pages);
  return {
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'row'),
    why: `${pages} pages over ${split.nCores} cores`,
  };
}

/** The pages the program splits: a tensor's own, or the tiles of a 2024 `#tt.layout` device tensor (pageIsTile). */
function runtimePages(t: ResolvedTensor): number {
  if (t.layout.pageLayout === 'tile' || !pageIsTile(t.layout)) return t.geometry.nPages;
  const h = t.logical[t.logical.length - 2] ?? 1;
  const w = t.logical[t.logical.length - 1] ?? 1;
  const outer = t.logical.slice(0, -2).reduce((n, d) => n * d, 1);
  return outer * Math.ceil(h / TILE_HW) * Math.ceil(w / TILE_HW);
}

/**
 * `ttnn.asinh`: one unary SFPU program from change point `asinh-unary-sfpu` on; before it, ttnn::asinh was the composite
 * log(|x| + sqrt(x² + 1))·sign(x) of unary and tensor-tensor binary programs on tensors of the input's shape, each
 * allocating its CBs in turn: the largest is a binary program's (c_0, c_1, c_2 two tiles each).
 */
export function estimateAsinh(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'asinh-unary-sfpu')) return estimateUnaryOp(op, ctx);
  const input = op.operands[0];
  if (input === undefined) return unmodeled(op.name, 'asinh without an input');
  return largestStep(
    op,
    ctx,
    [
      {
        label: 'unary steps (abs, square, sqrt, log, sign)',
        result: estimateUnary(stepOp(op, 'ttnn.abs', [input], op.results), ctx),
      },
      {
        label: 'binary steps (add, multiply)',
        result: estimateBinary(stepOp(op, 'ttnn.add', [input, input], op.results), ctx),
      },
    ],
    {
      confidence: 'approx',
      approxReason: 'composite asinh: the intermediate tensors it allocates between programs are not counted',
      citations: [CITES.asinhComposite],
    },
  );
}

/**
 * `ttnn.mish`: one unary program (UnaryProgramFactory with the mish kernel) from change point `mish-unary-device-op` on;
 * before it, ExecuteMish ran unary_chain(exp, +1, log, tanh) into a tensor in the output's memory config, then
 * multiply(x, that tensor): the chain's result is live while the multiply allocates its own (three tensors of the
 * input's size at once when all three are in L1: tt-metal #15686).
 */
export function estimateMish(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'mish-unary-device-op')) return estimateUnaryOp(op, ctx);
  const input = op.operands[0];
  const result = op.results[0];
  if (input === undefined || result === undefined) return unmodeled(op.name, 'mish without an input or a result');
  return largestStep(
    op,
    ctx,
    [
      {
        label: 'unary chain (exp, add 1, log, tanh)',
        result: estimateUnary(stepOp(op, 'ttnn.tanh', [input], [result]), ctx),
      },
      {
        label: 'multiply (x by the chain result)',
        result: estimateBinary(stepOp(op, 'ttnn.multiply', [input, result], op.results), ctx),
      },
    ],
    { citations: [CITES.mishComposite, CITES.mishMultiplyFactory] },
  );
}

/**
 * `ttnn.log1p`: one unary SFPU program from change point `log1p-unary-sfpu` on; before it, _log1p ran add(x, 1) into a
 * tensor in the output's memory config, then log of that tensor: it is live while the log allocates its result.
 */
export function estimateLog1p(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'log1p-unary-sfpu')) return estimateUnaryOp(op, ctx);
  const input = op.operands[0];
  const result = op.results[0];
  if (input === undefined || result === undefined) return unmodeled(op.name, 'log1p without an input or a result');
  return largestStep(
    op,
    ctx,
    [
      { label: 'add 1 (tensor-scalar)', result: estimateBinary(stepOp(op, 'ttnn.add', [input], [result]), ctx) },
      { label: 'log', result: estimateUnary(stepOp(op, 'ttnn.log', [result], op.results), ctx) },
    ],
    { citations: [CITES.log1pComposite, CITES.scalarAddFactory] },
  );
}

/**
 * The unary ops whose dispatch was read at every commit of read spans unary-tile-interleaved / unary-tile-sharded
 * (unary.hpp / unary.cpp / unary_ng.hpp / unary_ng.cpp, git log -G over each name and UnaryOpType): each is one unary
 * program of its op type, its output in the input's dtype. hardsigmoid from change point hardsigmoid-unary-sfpu (its
 * estimator runs the composite before). Not read: abs, exp, log, sigmoid, tanh (TanhAccurate from tt-metal PR #20331),
 * reciprocal, floor, ceil and the composite-backed ops.
 */
const UNARY_DISPATCH_READ: ReadonlySet<string> = new Set(
  [
    'relu',
    'relu6',
    'cos',
    'sin',
    'silu',
    'sqrt',
    'rsqrt',
    'neg',
    'gelu',
    'sign',
    'tan',
    'erf',
    'erfc',
    'exp2',
    'expm1',
    'isfinite',
    'logical_not',
    'bitwise_not',
    'leaky_relu',
    'elu',
    'acos',
    'asin',
    'atan',
    'square',
    'hardsigmoid',
  ].map((n) => `ttnn.${n}`),
);

/**
 * The modeled unary ops tt-metal PR #40294 moved to unary_ng (DECLARE_UNARY_NG_OP in unary_ng.hpp@55e065a): they run
 * UnaryNgDeviceOperation from change point unary-ng-first-ops, the others from unary-mixed-memory-layouts (PR #41001).
 */
export const UNARY_NG_FIRST_OPS: ReadonlySet<string> = new Set(
  [
    'abs',
    'neg',
    'acos',
    'asin',
    'asinh',
    'atan',
    'cos',
    'exp2',
    'expm1',
    'isfinite',
    'logical_not',
    'reciprocal',
    'relu',
    'relu6',
    'sign',
    'silu',
    'sin',
    'square',
    'tan',
    'bitwise_not',
    'floor',
    'ceil',
    'hardsigmoid',
    'cbrt',
  ].map((n) => `ttnn.${n}`),
);

/** Whether the op runs UnaryNgDeviceOperation on this build (change points unary-ng-first-ops, -mixed-memory-layouts). */
export function unaryRunsNg(opName: string, ctx: EstimateContext): boolean {
  return UNARY_NG_FIRST_OPS.has(opName)
    ? atOrAfter(ctx, 'unary-ng-first-ops')
    : atOrAfter(ctx, 'unary-mixed-memory-layouts');
}

/**
 * unary_ng's is_native_L1_sharding and get_shard_specs' output test (unary_ng_utils.cpp@55e065a, the same for TILE at
 * @f1eecc0 and as unary_utils.cpp@468245b to @622c6fb): both sharded, the input evenly, neither in DRAM, one shard grid,
 * the output evenly. Only then are c_0 / c_2 the shards.
 */
function unaryNgNativeL1Sharding(input: ResolvedTensor, output: ResolvedTensor): boolean {
  return (
    isSharded(input.layout) &&
    isSharded(output.layout) &&
    !unevenShards(input) &&
    !inDram(input) &&
    !inDram(output) &&
    sameShardGrid(input, output) &&
    !unevenShards(output)
  );
}

/**
 * The program of one unary op: UnaryProgramFactory (interleaved) or UnaryShardedProgramFactory (sharded input) on builds
 * before the op moved to unary_ng (unaryRunsNg), then unary_ng's one program (c_0 / c_2 bound to the shards only under
 * unaryNgNativeL1Sharding). The figure of the program; `estimateUnaryOp` says whether the op's dispatch and programs
 * were read for every build of the window. Also the unary step of composites and other ops' programs (they answer for
 * their own reading).
 * `tmpCb`: the op's kernel gets a c_1 temporary CB of the input CB's size (CBRT from change point cbrt-unary-sfpu to
 * cbrt-unary-no-tmp-cb): two input tiles, or the whole shard in 32-byte-aligned tiles (factories at 11de0e3) [11].
 */
export function estimateUnary(
  op: TtnnOp,
  ctx: EstimateContext,
  how: { readonly tmpCb?: boolean } = {},
): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  const inShard = isSharded(input.layout);
  const outShard = isSharded(output.layout);
  // Only a sharded tensor's program differs between unary_ng and the old programs; an interleaved op asks nothing.
  const ng = (inShard || outShard) && unaryRunsNg(op.name, ctx);
  let boundIn = inShard;
  let boundOut = outShard;
  let factory = inShard ? 'UnaryShardedProgramFactory' : 'UnaryProgramFactory';
  const notes: string[] = [];
  if (ng) {
    boundIn = boundOut = unaryNgNativeL1Sharding(input, output);
    factory = 'UnaryProgramFactory';
    notes.push(
      boundIn
        ? "unary_ng's is_native_L1_sharding holds: c_0 and c_2 are the input and output shards"
        : "unary_ng's is_native_L1_sharding does not hold: 2-tile CBs, the shards read and written through TensorAccessor",
    );
  } else if (inShard) {
    const rejected = unaryShardedRejection(input, output);
    if (rejected !== undefined) return illegal(op.name, rejected, CITES.unarySharded);
  }
  const c = cores(ctx, output, boundIn ? input : boundOut ? output : undefined, runtimePages(output));
  const cbs = [
    { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype), tensorBacked: boundIn },
    { index: 2, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype), tensorBacked: boundOut },
  ];
  const tmpCb = how.tmpCb === true && !atOrAfter(ctx, 'cbrt-unary-no-tmp-cb');
  if (tmpCb) {
    const tmpPages = inShard ? shardTilesPerCore(input) : 2;
    if (tmpPages === undefined) return unmodeled(op.name, 'the input shard has no tile count (element size unknown)');
    const tmpPageBytes = inShard ? alignUp(tileBytes(input.dtype), 32) : tileBytes(input.dtype);
    cbs.push({ index: 1, role: 'temporary', nPages: tmpPages, pageBytes: tmpPageBytes, tensorBacked: false });
  }
  return finishProgram({
    op,
    ctx,
    factory,
    factoryReason: c.why,
    groups: c.groups,
    cbs,
    confidence: 'exact',
    citations: [
      CITES.unary,
      ...(tmpCb ? [CITES.cbrtUnary] : []),
      ...(ng ? [CITES.unaryNgSharding] : inShard ? [CITES.unarySharded] : []),
      CITE.workSplit,
    ],
    notes,
  });
}

/**
 * UnaryShardedProgramFactory's TT_FATALs (unary_sharded_program_factory.cpp@aa5af61 … @aaca681): the output's shard
 * grid must have the input's core count, the tiles one size, both buffers in L1.
 */
function unaryShardedRejection(input: ResolvedTensor, output: ResolvedTensor): string | undefined {
  const inCores = shardCoreCount(input.layout);
  const outCores = isSharded(output.layout) ? shardCoreCount(output.layout) : inCores;
  if (outCores !== inCores)
    return `Output tensor should have same number of cores ${outCores} as input tensor ${inCores}`;
  if (tileBytes(input.dtype) !== tileBytes(output.dtype)) return 'Input and output tile size should be same';
  if (inDram(input)) return 'Input buffer should be in L1';
  if (inDram(output)) return 'Output buffer should be in L1';
  return undefined;
}

/**
 * A unary op as the registry runs it: `estimateUnary`'s program, `exact` only when the op's dispatch was read
 * (UNARY_DISPATCH_READ), its tensors are tiles and the window's readable builds lie inside read span
 * unary-tile-interleaved (unary-tile-sharded when a tensor is sharded).
 */
export function estimateUnaryOp(
  op: TtnnOp,
  ctx: EstimateContext,
  how: { readonly tmpCb?: boolean } = {},
): OpEstimateResult {
  const r = estimateUnary(op, ctx, how);
  if (r.kind !== 'estimate' || r.confidence !== 'exact') return r;
  const [input, output] = [op.operands[0], op.results[0]];
  const sharded = [input, output].some(
    (t) => t?.kind === 'tensor' && t.layout.kind === 'layout' && isSharded(t.layout),
  );
  const span = sharded ? 'unary-tile-sharded' : 'unary-tile-interleaved';
  const tiles = [input, output].every(
    (t) => t?.kind === 'tensor' && t.layout.kind === 'layout' && pageIsTile(t.layout),
  );
  let approxReason = '';
  if (!UNARY_DISPATCH_READ.has(op.name))
    approxReason = `ttnn's dispatch of ${op.name.slice('ttnn.'.length)} (unary.cpp / unary_ng.cpp) was not read build by build: one unary program of the op is taken`;
  else if (!tiles) approxReason = UNARY_ROW_MAJOR_UNREAD;
  else if (!windowReadableWithinReadSpan(ctx, span))
    approxReason = readSpanUnreadReason('the unary programs were', span, 'before');
  if (approxReason !== '') return { ...r, confidence: 'approx', approxReason };
  return { ...r, citations: [...r.citations, readSpanCite(span)] };
}

const UNARY_ROW_MAJOR_UNREAD =
  'a row-major unary: the interleaved factory rejects it before tt-metal PR #34796 (2026-01) and then pages it by rows, unary_ng by tile-sized chunks (PR #41185): not read as a span, two tile pages per CB stand in';

/**
 * Whether a tensor's pages are tiles at run time: a TILE layout, or a device tensor in tt-mlir's 2024 `#tt.layout`
 * syntax, whose memref printed scalars for tiled tensors too (such dumps type their own `ttnn.to_layout <tile>` results
 * so) and whose eltwise programs of those builds reject a row-major operand.
 */
function pageIsTile(layout: TensorLayout): boolean {
  return layout.pageLayout === 'tile' || (layout.syntax === 'tt_layout' && layout.bufferType !== 'system_memory');
}

/**
 * binary_ng's subtile broadcast type from the last two logical dims of a and b (get_subtile_broadcast_type in
 * binary_ng_device_operation.cpp, unchanged since it was written: @2e97074 .. @2feb3d4).
 */
export type SubtileBroadcast =
  'NONE' | 'SCALAR_A' | 'SCALAR_B' | 'ROW_A_COL_B' | 'ROW_B_COL_A' | 'ROW_A' | 'COL_A' | 'ROW_B' | 'COL_B' | 'invalid';

export function subtileBroadcast(aH: number, aW: number, bH: number, bW: number): SubtileBroadcast {
  if (aH === bH && aW === bW) return 'NONE';
  if (aH === 1 && aW === 1) return 'SCALAR_A';
  if (bH === 1 && bW === 1) return 'SCALAR_B';
  if (aH === 1 && bW === 1) return 'ROW_A_COL_B';
  if (aW === 1 && bH === 1) return 'ROW_B_COL_A';
  if (aH === 1) return 'ROW_A';
  if (aW === 1) return 'COL_A';
  if (bH === 1) return 'ROW_B';
  if (bW === 1) return 'COL_B';
  return 'invalid';
}

const BINARY_NG_FACTORY = 'BinaryNgDeviceOperation::ProgramFactory';

const ADD_SUB_MUL: ReadonlySet<string> = new Set(['ttnn.add', 'ttnn.subtract', 'ttnn.multiply']);

/**
 * Which program ttnn's binary entry point (binary.cpp, invoke_binary_ng_impl) runs for a broadcast: the legacy
 * BinaryDeviceOperation before change point binary-ng-default (and between binary-ng-default-first and its revert),
 * binary_ng from binary-ng-col-scalar-bcast-cb on; between, is_legacy_only unless is_binary_ng_only:
 *   from binary-legacy-only-block-format (binary.cpp@7219e97 .. @ffdcf4b, the parent of 0fca1ed): legacy for a
 *     sharded block-format operand or a block-format operand broadcast within its tile (H or W of 1 against more),
 *     unless an integer dtype, rank > 4 or a row/col mixed broadcast (is_binary_ng_only);
 *   before it, its row-broadcast test is read at each version (any_row_broadcasted from binary-ng-default, a one-row
 *     side wider than 1 only under binary-row-bcast-wide-only-first .. -reverted and from binary-row-bcast-wide-only; with the
 *     LLK row broadcast any_non_llk_row_broadcasted, bf16 pairs to binary_ng; is_binary_ng_only sends other ops and the
 *     row/col mixed shapes to binary_ng from binary-legacy-only-narrowed), but its block-format, sharding and f32 tests
 *     changed in PRs not all dated here (#24255, #26224, #27794): such an operand gives 'unknown'.
 */
function binaryProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  a: ResolvedTensor,
  b: ResolvedTensor,
  c: ResolvedTensor,
): 'legacy' | 'binary_ng' | 'unknown' {
  if (!binaryNgDefault(ctx)) return 'legacy';
  if (atOrAfter(ctx, 'binary-ng-col-scalar-bcast-cb')) return 'binary_ng';
  // is_binary_ng_only's row/col mixed test: one side a row (H 1, W > 1), the other a column (W 1, H > 1).
  const mixed = rowColMixed(a, b);
  if (atOrAfter(ctx, 'binary-legacy-only-block-format')) {
    const ngOnly = [a, b].some((t) => INTEGER_DTYPES.has(t.dtype) || t.logical.length > 4) || mixed;
    const legacyOnly =
      [a, b].some((t) => isBlockFloat(t.dtype) && isSharded(t.layout)) ||
      (isBlockFloat(a.dtype) && broadcastWithinTile(a, b)) ||
      (isBlockFloat(b.dtype) && broadcastWithinTile(b, a));
    return legacyOnly && !ngOnly ? 'legacy' : 'binary_ng';
  }
  if ([a, b, c].some((t) => isBlockFloat(t.dtype) || isSharded(t.layout))) return 'unknown';
  const [aH, aW, bH, bW] = [lastDim(a, 2), lastDim(a, 1), lastDim(b, 2), lastDim(b, 1)];
  // any_row_broadcasted: H of 1 against more, whatever W (a scalar or row-col broadcast counts); in the builds of tt-metal
  // PR #23686 only a side wider than 1 (binary.cpp@56351ca, @40e485d).
  const anyRow = rowBroadcastWideOnly(ctx)
    ? (aH === 1 && bH > 1 && aW > 1) || (bH === 1 && aH > 1 && bW > 1)
    : (aH === 1 && bH > 1) || (bH === 1 && aH > 1);
  const ngOnly =
    atOrAfter(ctx, 'binary-legacy-only-narrowed') &&
    ([a, b].some((t) => INTEGER_DTYPES.has(t.dtype) || t.logical.length > 4) ||
      mixed ||
      (anyRow && !ADD_SUB_MUL.has(op.name)));
  if (ngOnly) return 'binary_ng';
  if (!rowBroadcastCbs(ctx)) return anyRow ? 'legacy' : 'binary_ng';
  // any_non_llk_row_broadcasted: a row (W > 1) against more rows, unless a bf16 pair (and an f32 pair at some later
  // version, binary.cpp@8096aa6; not at @60f878c).
  const rowNotLlk = (aH === 1 && bH > 1 && aW > 1) || (bH === 1 && aH > 1 && bW > 1);
  if (!rowNotLlk || (a.dtype === 'bf16' && b.dtype === 'bf16')) return 'binary_ng';
  return a.dtype === 'f32' && b.dtype === 'f32' ? 'unknown' : 'legacy';
}

const INTEGER_DTYPES: ReadonlySet<string> = new Set(['si32', 'u32', 'u16', 'u8']);

/** Whether any_row_broadcasted asks W > 1 of the one-row side (tt-metal PR #23686, reverted and reapplied). */
function rowBroadcastWideOnly(ctx: EstimateContext): boolean {
  return (
    atOrAfter(ctx, 'binary-row-bcast-wide-only') ||
    (atOrAfter(ctx, 'binary-row-bcast-wide-only-first') && !atOrAfter(ctx, 'binary-row-bcast-wide-only-reverted'))
  );
}

/**
 * The k-th logical dim from the right. ttnn's ShapeBase reads a dim left of a short shape's rank as 1 (init pads to 4
 * dims with ones: tt_metal/common/shape_base.cpp@b552fb8, moved from ttnn unchanged), so a rank-1 b of W has H 1.
 */
const lastDim = (t: ResolvedTensor, k: number): number => t.logical[t.logical.length - k] ?? 1;

/** binary.cpp's any_subtile_broadcasted_block_format test for one side: x has H 1 or W 1 where other has more. */
function broadcastWithinTile(x: ResolvedTensor, other: ResolvedTensor): boolean {
  return (lastDim(x, 2) === 1 && lastDim(other, 2) > 1) || (lastDim(x, 1) === 1 && lastDim(other, 1) > 1);
}

function rowColMixed(a: ResolvedTensor, b: ResolvedTensor): boolean {
  const row = (x: ResolvedTensor, y: ResolvedTensor) =>
    lastDim(x, 2) === 1 && lastDim(y, 2) > 1 && lastDim(x, 1) > 1 && lastDim(y, 1) === 1;
  return row(a, b) || row(b, a);
}

/** ttnn's binary ops run binary_ng by default (else the legacy BinaryDeviceOperation). */
function binaryNgDefault(ctx: EstimateContext): boolean {
  return (
    atOrAfter(ctx, 'binary-ng-default') ||
    (atOrAfter(ctx, 'binary-ng-default-first') && !atOrAfter(ctx, 'binary-ng-default-reverted'))
  );
}

/** The sharded unary factory's num_tile_per_core: the shard's tiles (a row-major shard: its bytes over a tile's). */
function shardTilesPerCore(t: ResolvedTensor): number | undefined {
  const shardVolume = volume(t.layout.shardShape);
  if (t.layout.pageLayout === 'tile') return shardVolume;
  const elem = elementBytes(t.dtype);
  return elem === undefined ? undefined : Math.ceil((shardVolume * elem) / tileBytes(t.dtype));
}

/**
 * `ttnn.cbrt`: one unary program with a c_1 temporary CB from change point `cbrt-unary-sfpu` on; before it, _cbrt ran
 * abs, log (the abs result freed after it), multiply by 1/3 (the log result freed), exp (the product freed), sign of
 * x and multiply(exp result, sign result), every result in the output's memory config: the exp result is live until
 * the last multiply, beside the sign result and the multiply's own.
 */
export function estimateCbrt(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'cbrt-unary-sfpu')) return estimateUnaryOp(op, ctx, { tmpCb: true });
  const input = op.operands[0];
  const result = op.results[0];
  if (input === undefined || result === undefined) return unmodeled(op.name, 'cbrt without an input or a result');
  const unary = (name: string, from: ValueSpec) => estimateUnary(stepOp(op, name, [from], [result]), ctx);
  return largestStep(
    op,
    ctx,
    [
      { label: 'abs', result: unary('ttnn.abs', input) },
      { label: 'log', result: unary('ttnn.log', result) },
      {
        label: 'multiply by 1/3 (tensor-scalar)',
        result: estimateBinary(stepOp(op, 'ttnn.multiply', [result], [result]), ctx),
      },
      { label: 'exp', result: unary('ttnn.exp', result), resultHeldToLast: true },
      { label: 'sign of x', result: unary('ttnn.sign', input) },
      {
        label: 'multiply (exp result by sign)',
        result: estimateBinary(stepOp(op, 'ttnn.multiply', [result, result], op.results), ctx),
      },
    ],
    { citations: [CITES.cbrtComposite, CITES.binaryNgScalar] },
  );
}

/**
 * `ttnn.pow_scalar` (tt-mlir's runtime calls ttnn::pow(tensor, float or int)): one unary program for an integer
 * exponent, and from change point `pow-scalar-unary-sfpu` for any. Before it, ExecutePower with a non-integer exponent
 * ran log, multiply by the fractional part, exp (its result held to the end), power by the floor, multiply, ltz, and
 * where(ltz, NaN, product), every result in the output's memory config; a negative exponent was a TT_FATAL.
 */
export function estimatePowScalar(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'pow-scalar-unary-sfpu')) return estimateUnaryOp(op, ctx);
  const input = op.operands[0];
  const result = op.results[0];
  if (input === undefined || result === undefined) return unmodeled(op.name, 'pow_scalar without an input or a result');
  const exponent = propNumber(op, 'rhs');
  if (exponent === undefined)
    return unmodeled(op.name, 'pow_scalar without a numeric exponent (rhs): integer power or composite not known');
  if (exponent < 0) return illegal(op.name, 'works for positive exponents only', CITES.powComposite);
  if (Number.isInteger(exponent)) return estimateUnaryOp(op, ctx);
  const unary = (name: string, from: ValueSpec) => estimateUnary(stepOp(op, name, [from], [result]), ctx);
  return largestStep(
    op,
    ctx,
    [
      { label: 'log', result: unary('ttnn.log', input) },
      {
        label: 'multiply by the fractional exponent (tensor-scalar)',
        result: estimateBinary(stepOp(op, 'ttnn.multiply', [result], [result]), ctx),
      },
      { label: 'exp', result: unary('ttnn.exp', result), resultHeldToLast: true },
      { label: 'power by the integer floor', result: unary('ttnn.pow_scalar', input) },
      {
        label: 'multiply (power by exp result)',
        result: estimateBinary(stepOp(op, 'ttnn.multiply', [result, result], [result]), ctx),
        resultHeldToLast: true,
      },
      { label: 'ltz', result: unary('ttnn.ltz', input) },
      {
        label: 'where (ltz, NaN, product)',
        result: estimateWhere(stepOp(op, 'ttnn.where', [result, result], op.results), ctx),
      },
    ],
    {
      confidence: 'approx',
      approxReason:
        "the where step is taken as the ternary WhereProgramFactory's tensor-scalar variant; where's own program at builds before 2026-01 was not read",
      citations: [CITES.powComposite, CITES.binaryNgScalar, CITES.where],
    },
  );
}

/**
 * The legacy BinaryDeviceOperation's broadcast: binary.cpp's preprocess_inputs (stable from @1e18401 to @1d923b2)
 * repeats a smaller dim 0 (rank 4) or dim -3 with ttnn::repeat, then swaps a and b for an associative op when a has
 * the smaller volume; select_program_factory then takes BroadcastHeightAndWidth / BroadcastHeight / BroadcastWidth
 * MultiCore for b's H and/or W of 1. Their interleaved CBs are c_0 and c_1 of 2 tiles and c_2 of 2 tiles
 * (broadcast_height_multi_core_program_factory.cpp, broadcast_width_…, broadcast_height_and_width_…@1d923b2), the
 * binary_ng set without a broadcast CB. The factory when that is the program; else why not.
 */
function legacyBroadcast(
  op: TtnnOp,
  a: ResolvedTensor,
  b: ResolvedTensor,
  c: ResolvedTensor,
): { factory: string } | { approx: string } {
  const legacy = "the legacy BinaryDeviceOperation runs on these builds (binary.cpp's dispatch)";
  if ([a, b, c].some((t) => isSharded(t.layout)))
    return { approx: `${legacy}: its sharded broadcast factories are not modeled, binary_ng's CB set stands in` };
  const ra = a.logical;
  const rb = b.logical;
  if (legacyRepeats(ra, rb))
    return { approx: `${legacy}: it first repeats the smaller operand (ttnn::repeat), not modeled` };
  const volume = (d: readonly number[]) => d.reduce((n, x) => n * x, 1);
  const swapped = (op.name === 'ttnn.add' || op.name === 'ttnn.multiply') && volume(ra) < volume(rb);
  const bcast = swapped ? ra : rb;
  const full = swapped ? rb : ra;
  const h = (d: readonly number[]) => d[d.length - 2];
  const w = (d: readonly number[]) => d[d.length - 1];
  const fullHW = h(full) === h(c.logical) && w(full) === w(c.logical);
  if (!fullHW || (h(bcast) !== 1 && w(bcast) !== 1))
    return { approx: `${legacy}: a broadcast of the first operand it does not swap away is not modeled` };
  const which = h(bcast) === 1 ? (w(bcast) === 1 ? 'HeightAndWidth' : 'Height') : 'Width';
  return { factory: `BinaryDeviceOperation::Broadcast${which}MultiCore` };
}

/** binary.cpp's preprocess_inputs (legacy path) repeats the operand whose dim 0 (both rank 4) or dim -3 is smaller. */
function legacyRepeats(ra: readonly number[], rb: readonly number[]): boolean {
  return (
    (ra.length === 4 && rb.length === 4 && ra[0] !== rb[0]) ||
    (ra.length >= 3 && rb.length >= 3 && ra[ra.length - 3] !== rb[rb.length - 3])
  );
}

/** Ops whose is_binary_sfpu_op entry is "both f32" at every legacy build read (binary_device_operation.cpp@72322bd,
 *  @1d923b2; integer pairs were added to some of them in between). */
const SFPU_WHEN_F32: ReadonlySet<string> = new Set(
  ['add', 'subtract', 'multiply', 'squared_difference', ...LOGICAL_NAMES, ...RELATIONAL_NAMES].map((n) => `ttnn.${n}`),
);

/**
 * The legacy same-H/W factory select_program_factory picks (binary_device_operation.cpp@72322bd, @1d923b2):
 * ElementWiseMultiCoreSfpu when is_binary_sfpu_op holds, else ElementWiseMultiCore; both make the same CBs. Named
 * exactly where the test reads the same at both builds (a float pair of an op in SFPU_WHEN_F32), else both are named.
 */
function legacyElementWiseFactory(op: TtnnOp, a: ResolvedTensor, b: ResolvedTensor): string {
  const integer = INTEGER_DTYPES.has(a.dtype) || INTEGER_DTYPES.has(b.dtype);
  if (!SFPU_WHEN_F32.has(op.name) || integer)
    return 'ElementWiseMultiCore or ElementWiseMultiCoreSfpu (is_binary_sfpu_op)';
  return a.dtype === 'f32' && b.dtype === 'f32' ? 'ElementWiseMultiCoreSfpu' : 'ElementWiseMultiCore';
}

/** binary_ng's LLK row broadcast (c_5 / c_6 for ROW_A / ROW_B) is in the build. */
function rowBroadcastCbs(ctx: EstimateContext): boolean {
  return (
    atOrAfter(ctx, 'binary-ng-row-bcast-cb') ||
    (atOrAfter(ctx, 'binary-ng-row-bcast-cb-first') && !atOrAfter(ctx, 'binary-ng-row-bcast-cb-reverted'))
  );
}

/** Which operand's broadcast CB binary_ng makes (c_5 for a, c_6 for b, two tiles of it), per build. */
function broadcastCbOperand(ctx: EstimateContext, sub: SubtileBroadcast): 'a' | 'b' | undefined {
  const side = sub.endsWith('_A') || sub === 'ROW_A_COL_B' ? 'a' : 'b';
  switch (sub) {
    case 'NONE':
    case 'invalid':
      return undefined;
    case 'ROW_A':
    case 'ROW_B':
      return rowBroadcastCbs(ctx) ? side : undefined;
    case 'ROW_A_COL_B':
    case 'ROW_B_COL_A':
      return atOrAfter(ctx, 'binary-ng-row-col-bcast-cb') ? side : undefined;
    case 'COL_A':
    case 'COL_B':
    case 'SCALAR_A':
    case 'SCALAR_B':
      return atOrAfter(ctx, 'binary-ng-col-scalar-bcast-cb') ? side : undefined;
  }
}

/**
 * `ttnn.clamp_scalar`: one unary SFPU program from change point `clamp-scalar-unary-sfpu` on; before it,
 * ExecuteUnaryCompositeClamp ran minimum(a, max) into a tensor in the output's memory config, then relu of it (min 0)
 * or maximum(it, min): that tensor is live while the second program allocates the result. An int32 input is first
 * typecast to f32 (placed like the input, held to the end). min > max runs full_like instead (unmodeled).
 */
export function estimateClampScalar(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'clamp-scalar-unary-sfpu')) return estimateUnaryOp(op, ctx);
  const input = op.operands[0];
  const result = op.results[0];
  if (input?.kind !== 'tensor' || result?.kind !== 'tensor')
    return unmodeled(op.name, 'clamp_scalar without an input or a result tensor');
  const min = propNumber(op, 'min');
  const max = propNumber(op, 'max');
  if (min === undefined || max === undefined) return unmodeled(op.name, 'clamp_scalar without numeric min and max');
  if (min > max) return unmodeled(op.name, 'clamp_scalar with min > max runs full_like (not modeled)');
  const steps: Step[] = [];
  let a: TensorSpec = input;
  let aMax: TensorSpec = result;
  if (input.layout.kind === 'layout' && input.layout.dtype === 'si32') {
    a = specWith(input, { dtype: 'f32' });
    aMax = specWith(result, { dtype: 'f32' });
    steps.push({
      label: 'typecast to f32',
      result: estimateTypecast(stepOp(op, 'ttnn.typecast', [input], [a]), ctx),
      resultHeldToLast: true,
    });
  }
  steps.push({ label: 'minimum (max)', result: estimateUnary(stepOp(op, 'ttnn.minimum', [a], [aMax]), ctx) });
  steps.push(
    min === 0
      ? { label: 'relu', result: estimateUnary(stepOp(op, 'ttnn.relu', [aMax], op.results), ctx) }
      : { label: 'maximum (min)', result: estimateUnary(stepOp(op, 'ttnn.maximum', [aMax], op.results), ctx) },
  );
  const minimumComposite = !atOrAfter(ctx, 'minimum-scalar-unary-sfpu');
  return largestStep(op, ctx, steps, {
    ...(minimumComposite && {
      confidence: 'approx' as const,
      approxReason:
        'minimum with a scalar is itself subtract then where before change point minimum-scalar-unary-sfpu (taken as one unary program)',
    }),
    citations: [CITES.clampScalarComposite, CITES.minimumScalarUnary],
  });
}

/**
 * `ttnn.hardsigmoid`: one unary SFPU program from change point `hardsigmoid-unary-sfpu` on; before it, _hardsigmoid ran
 * mac(x, scale, shift) = add(multiply(x, scale), shift) and relu_max(., 1), passing no memory config to any of them:
 * each result, the op's own included, is placed like the input (the IR's result placement is not what ran).
 */
export function estimateHardsigmoid(opAsWritten: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  if (atOrAfter(ctx, 'hardsigmoid-unary-sfpu')) return estimateUnaryOp(opAsWritten, ctx);
  const input = opAsWritten.operands[0];
  if (input === undefined || opAsWritten.results[0] === undefined)
    return unmodeled(opAsWritten.name, 'hardsigmoid without an input or a result');
  const op = withResultsPlacedLike(opAsWritten, input);
  const scalarStep = (name: string) => estimateBinary(stepOp(op, name, [input], [input]), ctx);
  return largestStep(
    op,
    ctx,
    [
      { label: 'multiply by scale (tensor-scalar)', result: scalarStep('ttnn.multiply') },
      { label: 'add shift (tensor-scalar)', result: scalarStep('ttnn.add') },
      { label: 'relu_max 1', result: estimateUnary(stepOp(op, 'ttnn.relu_max', [input], op.results), ctx) },
    ],
    { citations: [CITES.hardsigmoidComposite, CITES.binaryNgScalar] },
  );
}

/** is_uneven (binary_ng_utils.cpp): the padded shape's rows (all dims but the last) or width not a whole number of
 *  shards. A tiled layout's shard shape is in tiles here. */
function unevenShards(t: ResolvedTensor): boolean {
  if (!isSharded(t.layout)) return false;
  const [shardRows, shardCols] = t.layout.shardShape;
  if (shardRows === undefined || shardCols === undefined) return true;
  const width = t.padded[t.padded.length - 1] ?? 1;
  const rows = volume(t.padded) / width;
  return rows % (shardRows * TILE_HW) !== 0 || width % (shardCols * TILE_HW) !== 0;
}

/** Shard grids compared as tt-metal's CoreRangeSet equality would (the printed ranges, else the grid shape). */
function sameShardGrid(x: ResolvedTensor, y: ResolvedTensor): boolean {
  const rx = x.layout.coreRanges;
  const ry = y.layout.coreRanges;
  if (rx !== undefined && ry !== undefined) return JSON.stringify(rx) === JSON.stringify(ry);
  return x.layout.gridShape[0] === y.layout.gridShape[0] && x.layout.gridShape[1] === y.layout.gridShape[1];
}

/** MemoryConfig equality: layout, buffer and, when sharded, the shard spec (grid and shape; orientation row-major). */
function sameMemoryConfig(x: ResolvedTensor, y: ResolvedTensor): boolean {
  if (x.layout.memoryLayout !== y.layout.memoryLayout || x.layout.bufferType !== y.layout.bufferType) return false;
  if (!isSharded(x.layout)) return true;
  return sameShardSpec(x, y);
}

function sameShardSpec(x: ResolvedTensor, y: ResolvedTensor): boolean {
  return (
    isSharded(x.layout) &&
    isSharded(y.layout) &&
    sameShardGrid(x, y) &&
    x.layout.shardShape.length === y.layout.shardShape.length &&
    x.layout.shardShape.every((d, i) => d === y.layout.shardShape[i])
  );
}

const inL1 = (t: ResolvedTensor): boolean => t.layout.bufferType === 'l1';
const inDram = (t: ResolvedTensor): boolean => t.layout.bufferType === 'dram';

/**
 * Whether binary_ng binds each sharded tensor's CB to its shard on this build: is_native_L1_sharding, then
 * get_shard_specs' output test, as read at each change point binary-ng-sharded-native-l1 .. binary-ng-native-sharded-a-
 * broadcast (binary_ng_program_factory.cpp / binary_ng_utils.cpp, @af6910e to @622c6fb). Asked only from change point
 * binary-ng-sharded-native-l1 on, for a tiled program; `sub` is the subtile broadcast type (NONE without one).
 */
function binaryNgNativeL1Sharding(
  ctx: EstimateContext,
  a: ResolvedTensor,
  b: ResolvedTensor | undefined,
  c: ResolvedTensor,
  sub: SubtileBroadcast,
): boolean {
  if (!isSharded(c.layout)) return false;
  const broadcastA = atOrAfter(ctx, 'binary-ng-native-sharded-a-broadcast');
  // get_shard_specs' output test: from #37229 an uneven c is interleaved; from #37996 unless a, b, c share one spec.
  const outputOk = (): boolean =>
    !unevenShards(c) ||
    !atOrAfter(ctx, 'binary-ng-native-even-output') ||
    (broadcastA && b !== undefined && sameShardSpec(a, b) && sameShardSpec(a, c));
  if (b === undefined)
    return atOrAfter(ctx, 'binary-ng-native-scalar') && isSharded(a.layout) && !unevenShards(a) && outputOk();
  if (broadcastA && isSharded(a.layout) && !isSharded(b.layout) && !unevenShards(a)) {
    const aUnbroadcast = c.logical.length === a.logical.length && c.logical.every((d, i) => d === a.logical[i]);
    const colOrScalar = sub === 'COL_A' || sub === 'COL_B' || sub === 'SCALAR_A' || sub === 'SCALAR_B';
    if (aUnbroadcast && colOrScalar) return a.layout.memoryLayout === 'height_sharded' && outputOk();
  }
  const sameShape = a.logical.length === b.logical.length && a.logical.every((d, i) => d === b.logical[i]);
  if (!sameShape) return false;
  if (atOrAfter(ctx, 'binary-ng-native-same-memory-config')) {
    if (!sameMemoryConfig(a, b)) return false;
  } else if (atOrAfter(ctx, 'binary-ng-native-same-layout-l1') && a.layout.memoryLayout !== b.layout.memoryLayout)
    return false;
  const gridTest = atOrAfter(ctx, 'binary-ng-native-grid-match');
  if (unevenShards(a) || unevenShards(b) || (!gridTest && unevenShards(c))) {
    if (!broadcastA) return false;
    return inL1(a) && inL1(b) && inL1(c) && sameShardSpec(c, a) && outputOk();
  }
  if (atOrAfter(ctx, 'binary-ng-native-same-layout-l1') && [a, b, c].some(inDram)) return false;
  if (gridTest && [a, b].some((x) => isSharded(x.layout) && !sameShardGrid(x, c))) return false;
  return [a, b, c].some((x) => isSharded(x.layout) && inL1(x)) && outputOk();
}

/**
 * is_native_L1_sharding as PR #27989 first wrote it (binary_ng_program_factory.cpp@629ddfc; the same to af6910e~1), the
 * test of change point binary-ng-native-l1-first's builds: a tensor-scalar op with a sharded a, or a and b of one
 * logical shape with one of a, b, c sharded in L1.
 */
function binaryNgNativeL1ShardingFirst(a: ResolvedTensor, b: ResolvedTensor | undefined, c: ResolvedTensor): boolean {
  if (b === undefined) return isSharded(a.layout);
  const sameShape = a.logical.length === b.logical.length && a.logical.every((d, i) => d === b.logical[i]);
  return sameShape && [a, b, c].some((x) => isSharded(x.layout) && inL1(x));
}

/**
 * tt-metal's message when binary_ng's validate_on_program_cache_miss rejects the sharded tensors, on builds before
 * change point binary-ng-native-same-layout-l1 (binary_ng_device_operation.cpp@27d4416, @629ddfc~1, @629ddfc, @af6910e,
 * @6f9c404): from binary-ng-native-l1-first a sharded a, c or b outside L1; then validate_sharding of sharded a/b, a/c,
 * else b/c — one memory layout (to binary-ng-sharding-layout-test-dropped) and, under no subtile broadcast, one shard
 * spec (the same tests from 27d4416, 2025-02, for no subtile broadcast; git log -G finds no change between).
 */
function binaryNgShardingRejected(
  ctx: EstimateContext,
  a: ResolvedTensor,
  b: ResolvedTensor | undefined,
  c: ResolvedTensor,
  sub: SubtileBroadcast,
): string | undefined {
  if (atOrAfter(ctx, 'binary-ng-native-same-layout-l1')) return undefined;
  const l1Tests = atOrAfter(ctx, 'binary-ng-native-l1-first');
  // Before #27989 a subtile broadcast had rules of its own (COL height-sharded alike, others thrown): not modeled.
  if (!l1Tests && sub !== 'NONE') return undefined;
  const bSharded = b !== undefined && isSharded(b.layout);
  if (l1Tests && isSharded(a.layout) && !inL1(a)) return 'Sharded input tensor A memory config must be in L1';
  if (l1Tests && isSharded(c.layout) && !inL1(c)) return 'Sharded output memory config must be in L1';
  if (l1Tests && b !== undefined && bSharded && !inL1(b)) return 'Sharded input tensor B memory config must be in L1';
  const mismatch = (x: ResolvedTensor, y: ResolvedTensor): string | undefined => {
    if (x.layout.memoryLayout !== y.layout.memoryLayout && !atOrAfter(ctx, 'binary-ng-sharding-layout-test-dropped'))
      return 'Operands to eltwise binary need to have the same memory layout';
    if (sub === 'NONE' && !sameShardSpec(x, y)) return 'Operands to eltwise binary need to have the same shard spec';
    return undefined;
  };
  if (isSharded(a.layout))
    return (
      (b !== undefined && bSharded ? mismatch(a, b) : undefined) ?? (isSharded(c.layout) ? mismatch(a, c) : undefined)
    );
  return b !== undefined && bSharded && isSharded(c.layout) ? mismatch(b, c) : undefined;
}

/** find_max_block_size (tt_metal/common/work_split.cpp): the largest divisor of `tiles` up to 8. */
function maxBlockSize(tiles: number): number {
  for (let d = 8; d > 1; d--) if (tiles % d === 0) return d;
  return 1;
}

/**
 * Whether binary.cpp's dispatch sends a tensor-tensor op of one shape with a sharded operand to the legacy
 * BinaryDeviceOperation: always before change point binary-ng-default (undefined inside binary-ng-default-first's
 * window, whose is_legacy_only was not read); then is_legacy_only's sharding tests as read at binary.cpp@f1d7b9a
 * (any_non_height_sharded of the first sharded of a, b, c; any_uneven of a and b; any_sharded_block_format), @629ddfc
 * (no layout test), @af6910e (block formats only), none from @0fca1ed; is_binary_ng_only (integer dtypes, rank > 4)
 * overrides it from binary-legacy-only-narrowed.
 */
function elementWiseRunsLegacy(
  ctx: EstimateContext,
  a: ResolvedTensor,
  b: ResolvedTensor | undefined,
  c: ResolvedTensor,
) {
  const inputs = b === undefined ? [a] : [a, b];
  if (!binaryNgDefault(ctx)) return true;
  if (!atOrAfter(ctx, 'binary-ng-default')) return undefined;
  if (atOrAfter(ctx, 'binary-ng-col-scalar-bcast-cb')) return false;
  if (
    atOrAfter(ctx, 'binary-legacy-only-narrowed') &&
    inputs.some((t) => INTEGER_DTYPES.has(t.dtype) || t.logical.length > 4)
  )
    return false;
  const blockFormat = inputs.some((t) => isSharded(t.layout) && isBlockFloat(t.dtype));
  if (atOrAfter(ctx, 'binary-ng-sharded-native-l1')) return blockFormat;
  const uneven = inputs.some(unevenShards);
  if (atOrAfter(ctx, 'binary-ng-native-l1-first')) return blockFormat || uneven;
  const first = [...inputs, c].find((t) => isSharded(t.layout));
  const nonHeight = first !== undefined && first.layout.memoryLayout !== 'height_sharded';
  return blockFormat || uneven || nonHeight;
}

/** a, b and c's sharded ones share one memory layout and shard spec (the legacy validate and binary_ng's
 *  validate_sharding before #27989 reject other pairs; the legacy output takes the input's spec). */
function shardedAlike(ts: readonly ResolvedTensor[]): boolean {
  const sharded = ts.filter((t) => isSharded(t.layout));
  return sharded.every((t) => t.layout.memoryLayout === sharded[0].layout.memoryLayout && sameShardSpec(t, sharded[0]));
}

export function estimateBinary(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const a = resolveTensor(op.operands[0], 'lhs');
  if (typeof a === 'string') return unmodeled(op.name, a);
  const bSpec = op.operands[1];
  const b = bSpec === undefined || bSpec.kind !== 'tensor' ? undefined : resolveTensor(bSpec, 'rhs');
  if (typeof b === 'string') return unmodeled(op.name, b);
  const c = resolveTensor(op.results[0], 'result');
  if (typeof c === 'string') return unmodeled(op.name, c);
  const notes: string[] = [];
  let approx = '';
  const citations: string[] = [CITES.binaryNg, CITE.workSplit];
  let factory = BINARY_NG_FACTORY;
  const sub: SubtileBroadcast =
    b === undefined ? 'NONE' : subtileBroadcast(lastDim(a, 2), lastDim(a, 1), lastDim(b, 2), lastDim(b, 1));
  let side: 'a' | 'b' | undefined;
  if (b !== undefined && sub !== 'NONE') {
    const program = sub === 'invalid' ? 'invalid' : binaryProgram(op, ctx, a, b, c);
    if (program === 'legacy') {
      const legacy = legacyBroadcast(op, a, b, c);
      if ('factory' in legacy) {
        factory = legacy.factory;
        citations.push(CITES.binaryLegacyBroadcast);
      } else approx = legacy.approx;
    } else if (program === 'invalid') approx = 'no binary_ng subtile broadcast type fits these shapes';
    else if (program === 'unknown')
      approx =
        "binary.cpp's is_legacy_only block-format/sharding/dtype tests changed between 2025-06 and 2026-04 in PRs not all dated: legacy binary or binary_ng not known, binary_ng's CB set stands in";
    side = program === 'legacy' ? undefined : broadcastCbOperand(ctx, sub);
    notes.push(`subtile broadcast ${sub} (binary_ng's get_subtile_broadcast_type)`);
    citations.push(CITES.binaryNgSubtile, CITES.binaryDispatch);
  }
  // needs_typecast_to_bfloat16 (binary.cpp from tt-metal PR #20792 to @ffdcf4b): a block-format operand of an op other
  // than add/subtract/multiply, or one broadcast within its tile, is typecast to bf16 before binary_ng.
  const typecastToBf16 = (x: ResolvedTensor, other: ResolvedTensor | undefined) =>
    isBlockFloat(x.dtype) && (!ADD_SUB_MUL.has(op.name) || (other !== undefined && broadcastWithinTile(x, other)));
  if (
    approx === '' &&
    factory === BINARY_NG_FACTORY &&
    (typecastToBf16(a, b) || (b !== undefined && typecastToBf16(b, a))) &&
    binaryNgDefault(ctx) &&
    !atOrAfter(ctx, 'binary-ng-col-scalar-bcast-cb')
  ) {
    approx =
      'a block-format operand is typecast to bf16 around binary_ng on these builds (needs_typecast_to_bfloat16): the typecast programs are not modeled';
    citations.push(CITES.binaryDispatch);
  }
  // Which CBs bind to shards: binaryNgNativeL1Sharding from change point binary-ng-sharded-native-l1 on; before it
  // binary_ng bound every sharded tensor (to binary-ng-native-l1-first), and the legacy element-wise factory runs where
  // elementWiseRunsLegacy says so. Other sharded cases are approx with a stand-in.
  const anySharded = [a, b, c].some((t) => t !== undefined && isSharded(t.layout));
  // The stand-in binds all three CBs when a, b and c are sharded alike, else none.
  let native = b !== undefined && sameSharding(a, b) && sameSharding(a, c);
  let legacyRing = 2;
  let outputCbTiles: number | undefined;
  // The shard grid the work is split over, when it is not the bound shards' (#27989's get_shard_specs).
  let workShardSource: ResolvedTensor | undefined;
  if (anySharded && approx === '') {
    citations.push(CITES.binaryNativeL1Sharding);
    const tiled = [a, b, c].every((t) => t === undefined || !isSharded(t.layout) || t.layout.pageLayout === 'tile');
    const sameShape =
      b !== undefined && a.logical.length === b.logical.length && a.logical.every((d, i) => d === b.logical[i]);
    // A subtile broadcast's program is binaryProgram's (the factory above); only a same-H/W op asks here.
    const legacy = sub === 'NONE' ? elementWiseRunsLegacy(ctx, a, b, c) : false;
    const rejected =
      factory === BINARY_NG_FACTORY && tiled && legacy === false
        ? binaryNgShardingRejected(ctx, a, b, c, sub)
        : undefined;
    if (factory !== BINARY_NG_FACTORY)
      approx =
        "the legacy BinaryDeviceOperation's sharded broadcast factories are not modeled; the stand-in binds all three CBs when a, b and c are sharded alike, else none";
    else if (!tiled) approx = 'a sharded row-major operand: binary_ng on row-major shards is not modeled';
    else if (legacy === undefined)
      approx =
        "is_legacy_only of change point binary-ng-default-first's builds was not read for sharded operands; the stand-in binds all three CBs when a, b and c are sharded alike, else none";
    else if (legacy) {
      // ElementWiseMultiCore / ElementWiseMultiCoreSfpu (element_wise_multi_core_program_factory.cpp and
      // element_wise_multi_core_sfpu_pgm_factory.cpp, the same CB rule @91e3f22 to @76f5736): the first sharded of a,
      // b, c gives num_tiles_per_shard and max_block_size = find_max_block_size(it); a sharded input's CB is its shard,
      // an interleaved one 2·max_block_size tiles; c_2 is c's shard, else num_tiles_per_shard tiles when that first
      // sharded tensor is width- or block-sharded, else 2·max_block_size.
      if (b === undefined || !sameShape)
        approx =
          "the legacy BinaryDeviceOperation's sharded tensor-scalar / repeated-operand path is not modeled; the stand-in binds all three CBs when a, b and c are sharded alike, else none";
      else if (!shardedAlike([a, b, c]))
        approx =
          'the legacy BinaryDeviceOperation with sharded tensors of different memory layouts or shard specs (its validate and output spec) is not modeled; the stand-in binds all three CBs when a, b and c are sharded alike, else none';
      else {
        const first = [a, b, c].find((t) => isSharded(t.layout)) ?? a;
        const shardTiles = volume(first.layout.shardShape);
        legacyRing = 2 * maxBlockSize(shardTiles);
        if (!isSharded(c.layout) && first.layout.memoryLayout !== 'height_sharded') outputCbTiles = shardTiles;
        native = true;
        factory = 'BinaryDeviceOperation::ElementWiseMultiCore';
        citations.push(CITES.legacyElementWise);
        notes.push(
          `the legacy element-wise factory: ${shardTiles} tiles per shard, max_block_size ${legacyRing / 2}; each sharded tensor's CB is its shard`,
        );
      }
    } else if (rejected !== undefined) return illegal(op.name, rejected, CITES.binaryNgValidateSharding);
    else if (!atOrAfter(ctx, 'binary-ng-native-l1-first')) {
      if (!shardedAlike([a, ...(b === undefined ? [] : [b]), c]))
        approx =
          "binary_ng's validate_sharding rules for a subtile broadcast on these builds (before change point binary-ng-native-l1-first) are not modeled";
      else {
        native = true;
        notes.push("binary_ng binds each sharded tensor's CB to its shard on these builds (before #27989)");
      }
    } else if (!atOrAfter(ctx, 'binary-ng-sharded-native-l1')) {
      // #27989's factory (629ddfc): get_shard_specs splits the work over a's shard grid (else c's, else b's) whenever one
      // is sharded; c_0/c_1 bind to a/b's shards under is_native_L1_sharding, and c_2 is c's whole shard, bound to it
      // only then. An uneven width/block shard TT_FATALs in its ShardShapeGenerator (uneven a, b run the legacy op).
      native = binaryNgNativeL1ShardingFirst(a, b, c);
      workShardSource = [a, c, b].find((t) => t !== undefined && isSharded(t.layout));
      if (isSharded(c.layout) && unevenShards(c) && c.layout.memoryLayout !== 'height_sharded')
        approx =
          "an unevenly width- or block-sharded output on #27989's builds (binary_ng's ShardShapeGenerator TT_FATALs on it): not modeled";
      else if (isSharded(c.layout) && !native) outputCbTiles = volume(c.layout.shardShape);
      citations.push(CITES.binaryNgNativeL1First);
      notes.push(
        native
          ? "is_native_L1_sharding (#27989's) holds: each sharded tensor's CB is its shard"
          : `is_native_L1_sharding (#27989's) does not hold: 2-tile input CBs${outputCbTiles === undefined ? '' : `, c_2 c's whole shard (${outputCbTiles} tiles) unbound`}`,
      );
    } else {
      native = binaryNgNativeL1Sharding(ctx, a, b, c, sub);
      notes.push(
        native
          ? "is_native_L1_sharding holds: each sharded tensor's CB is its shard"
          : 'is_native_L1_sharding does not hold: 2-tile CBs, the shards read and written through TensorAccessor',
      );
    }
  }
  // Before change point binary-ng-default (and outside binary-ng-default-first's window) binary.cpp runs the legacy
  // BinaryDeviceOperation: a same-H/W pair of interleaved operands runs ElementWiseMultiCore (ElementWiseMultiCoreSfpu for
  // is_binary_sfpu_op's pairs), whose c_0, c_1, c_2 are 2·max_block_size tiles with max_block_size 1 unsharded, each in
  // its own tensor's format: binary_ng's figure. Its interim c_3 / c_4 come only with PRE_IN defines (divide, logical
  // ops: approx below).
  if (b !== undefined && sub === 'NONE' && !anySharded && approx === '' && !binaryNgDefault(ctx)) {
    if (legacyRepeats(a.logical, b.logical))
      approx =
        "the legacy BinaryDeviceOperation runs on these builds (binary.cpp's dispatch): it first repeats the operand with the smaller batch or channel dim (ttnn::repeat), not modeled";
    else {
      factory = `BinaryDeviceOperation::${legacyElementWiseFactory(op, a, b)}`;
      citations.splice(citations.indexOf(CITES.binaryNg), 1, CITES.legacyElementWise, CITES.binaryDispatch);
      notes.push("the legacy element-wise program (binary.cpp's use_legacy default on these builds)");
    }
  }
  // A tensor-scalar add/subtract/multiply there is prim::binary with the scalar (binary.cpp@72322bd, @1d923b2):
  // BroadcastHeightAndWidthMultiCore, whose c_1 is one Float16_b tile whatever a's dtype
  // (broadcast_height_and_width_multi_core_program_factory.cpp, the same at every commit 72322bd .. f1d7b9a).
  let scalarCbDtype = a.dtype;
  if (b === undefined && ADD_SUB_MUL.has(op.name) && !anySharded && approx === '' && !binaryNgDefault(ctx)) {
    factory = 'BinaryDeviceOperation::BroadcastHeightAndWidthMultiCore';
    scalarCbDtype = 'bf16';
    citations.splice(citations.indexOf(CITES.binaryNg), 1, CITES.scalarAddFactory, CITES.binaryDispatch);
  }
  const preActivation = preActivationCbs(op, ctx, a, b);
  if (approx === '' && preActivation !== undefined) {
    approx = preActivation;
    citations.push(CITES.binaryPreActivations);
  }
  // TILE operands: the dispatch and CB lines read at every commit of read span binary-interleaved-tile-cbs
  // (interleaved) or binary-sharded-tile-cbs (a sharded tensor). A row-major operand's programs were not read.
  if (approx === '') {
    const span = anySharded ? 'binary-sharded-tile-cbs' : 'binary-interleaved-tile-cbs';
    if (![a, b, c].every((t) => t === undefined || pageIsTile(t.layout))) approx = BINARY_ROW_MAJOR_UNREAD;
    else if (windowReadableWithinReadSpan(ctx, span)) citations.push(readSpanCite(span));
    else
      approx = readSpanUnreadReason(
        `the binary programs and their CBs${anySharded ? ' for sharded tensors' : ''} were`,
        span,
        'before',
      );
  }
  const bound = (t: ResolvedTensor | undefined) => native && t !== undefined && isSharded(t.layout);
  const cbs = [
    { index: 0, role: 'lhs', nPages: legacyRing, pageBytes: tileBytes(a.dtype), tensorBacked: bound(a) },
    {
      index: 1,
      role: 'rhs',
      nPages: b === undefined ? 1 : legacyRing,
      pageBytes: tileBytes(b?.dtype ?? scalarCbDtype),
      tensorBacked: bound(b),
    },
    {
      index: 2,
      role: 'output',
      nPages: outputCbTiles ?? legacyRing,
      pageBytes: tileBytes(c.dtype),
      tensorBacked: bound(c),
    },
  ];
  if (side === 'a')
    cbs.push({ index: 5, role: 'broadcast lhs', nPages: 2, pageBytes: tileBytes(a.dtype), tensorBacked: false });
  if (side === 'b' && b !== undefined)
    cbs.push({ index: 6, role: 'broadcast rhs', nPages: 2, pageBytes: tileBytes(b.dtype), tensorBacked: false });
  const k = cores(
    ctx,
    c,
    workShardSource ?? (native ? [c, a, b].find((t) => t !== undefined && isSharded(t.layout)) : undefined),
    runtimePages(c),
  );
  return finishProgram({
    op,
    ctx,
    factory,
    factoryReason: k.why,
    groups: k.groups,
    cbs,
    confidence: approx === '' ? 'exact' : 'approx',
    approxReason: approx,
    citations,
    notes,
  });
}

/**
 * Binary ops whose program runs a unary on an input before the binary one (binary_ng's OpConfig process_lhs /
 * process_rhs; the legacy element-wise factory's SFPU_OP_INIT_PRE_IN0_0 / _IN1_0 defines): each such input passes through
 * an interim CB, c_3 for a and c_4 for b (one tile, or num_tiles_per_cycle for all-sharded operands from tt-metal PR
 * #37996; the legacy factory max_block_size tiles, some in Float16_b). The logical ops apply NEZ to both inputs;
 * divide applies RECIP to b on the FPU before change point binary-ng-divide-sfpu (after it, SFPU DIV). Not
 * modeled: the reason says the interims may be missing from the figure (binary_ng's logical_or / logical_xor process
 * both inputs from tt-metal PR #16153, logical_and from PR #25802, before it a post-activation only; the legacy op's
 * logical defines not read one by one).
 */
function preActivationCbs(
  op: TtnnOp,
  ctx: EstimateContext,
  a: ResolvedTensor,
  b: ResolvedTensor | undefined,
): string | undefined {
  if (LOGICAL_OPS.has(op.name))
    return "binary_ng's NEZ pre-activations on a and b (logical_or / logical_xor from tt-metal PR #16153, logical_and from PR #25802; binary_ng_utils.cpp OpConfig) pass through interim CBs c_3 and c_4, and the legacy op's logical defines were not read build by build: not modeled, the figure is without them";
  if (op.name === 'ttnn.divide' && !(a.dtype === 'f32' && b?.dtype === 'f32' && binaryNgDefault(ctx)))
    if (!atOrAfter(ctx, 'binary-ng-divide-sfpu'))
      return "divide on these builds runs the FPU multiply with a RECIP pre-activation on b through interim CB c_4 (binary_ng's is_binary_sfpu_op takes DIV as SFPU for f32 pairs only before tt-metal PR #26614; the legacy op not read), not modeled: the figure is without it";
  return undefined;
}

const BINARY_ROW_MAJOR_UNREAD =
  'a row-major operand: binary.cpp tilizes it around the program (and from tt-metal PR #32813 binary_ng has row-major kernels of its own), not read as a span: the tile CB set stands in';

const LOGICAL_OPS: ReadonlySet<string> = new Set(LOGICAL_NAMES.map((n) => `ttnn.${n}`));

/**
 * `ttnn.where` (WhereProgramFactory [5]): c_0 predicate, c_1 true-or-false tensor, c_2 false tensor (TTT only),
 * c_3 output, two tiles each, created on every core of the worker grid.
 */
export function estimateWhere(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const pred = resolveTensor(op.operands[0], 'predicate');
  if (typeof pred === 'string') return unmodeled(op.name, pred);
  const out = resolveTensor(op.results[0], 'result');
  if (typeof out === 'string') return unmodeled(op.name, out);
  const values = [op.operands[1], op.operands[2]]
    .filter((s) => s !== undefined && s.kind === 'tensor')
    .map((s, i) => resolveTensor(s, `value ${i}`));
  for (const v of values) if (typeof v === 'string') return unmodeled(op.name, v);
  if ([pred, out, ...values].some((t) => typeof t !== 'string' && isSharded(t.layout)))
    return unmodeled(op.name, 'sharded where is not modeled');
  const cbs = [{ index: 0, role: 'predicate', nPages: 2, pageBytes: tileBytes(pred.dtype) }];
  values.forEach((v, i) => {
    if (typeof v !== 'string')
      cbs.push({
        index: 1 + i,
        role: i === 0 ? 'value (true or false)' : 'value false',
        nPages: 2,
        pageBytes: tileBytes(v.dtype),
      });
  });
  cbs.push({ index: 3, role: 'output', nPages: 2, pageBytes: tileBytes(out.dtype) });
  return finishProgram({
    op,
    ctx,
    factory: 'WhereDeviceOperation::WhereProgramFactory',
    factoryReason: `${values.length === 2 ? 'tensor-tensor-tensor' : 'tensor-scalar'} variant; CBs on every worker core`,
    groups: [{ name: 'all', nCores: ctx.device.workerGrid[0] * ctx.device.workerGrid[1], firstCore: [0, 0] }],
    cbs,
    confidence: 'exact',
    citations: [CITES.where],
  });
}

/**
 * `ttnn.typecast` [3]. A sharded input runs TypecastShardedProgramFactory, whose c_0 and c_2 are bound to the input and
 * output shards (tensor-backed), only when typecast_device_op.cpp's can_use_sharded_optimized_factory holds (from change
 * point typecast-sharded-fallback): equal tile sizes, input and output in L1, and for a non-block-format input a shard
 * row of whole L1-aligned bytes and a shard of whole tiles; otherwise TypecastProgramFactory, whose two-page c_0 and c_2
 * are ordinary CBs, the shards read through a TensorAccessor. Before it every sharded input ran the sharded factory,
 * which rejected differing tile sizes (TT_FATAL "Input and output tile size should be same").
 */
export function estimateTypecast(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  if (input.layout.bufferType === 'system_memory')
    return noProgram(op, ctx, 'typecast of a host tensor runs on the host');
  if (input.layout.memoryLayout !== output.layout.memoryLayout)
    return illegal(
      op.name,
      `Typecast operation requires Input and Output memory layout to match. Input layout: ${input.layout.memoryLayout}, Output layout: ${output.layout.memoryLayout}`,
      CITES.typecastValidate,
    );
  const inShard = isSharded(input.layout);
  const sameTileBytes = tileBytes(input.dtype) === tileBytes(output.dtype);
  let shardedFactory = inShard;
  if (inShard && atOrAfter(ctx, 'typecast-sharded-fallback'))
    shardedFactory =
      sameTileBytes &&
      input.layout.bufferType === 'l1' &&
      output.layout.bufferType === 'l1' &&
      (isBlockFloat(input.dtype) || shardOfAlignedRowsAndWholeTiles(input, ctx));
  else if (inShard && !sameTileBytes)
    return illegal(op.name, 'Input and output tile size should be same', CITES.typecastShardedBefore);
  const c = cores(ctx, output, shardedFactory ? input : undefined);
  const rm = input.layout.pageLayout === 'row_major';
  return finishProgram({
    ...typecastConfidence(inShard, rm, ctx),
    op,
    ctx,
    factory: shardedFactory ? 'TypecastShardedProgramFactory' : 'TypecastProgramFactory',
    factoryReason: `${c.why}${rm ? '; row-major pages are whole rows' : ''}`,
    groups: c.groups,
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: input.geometry.pageBytes, tensorBacked: shardedFactory },
      { index: 2, role: 'output', nPages: 2, pageBytes: output.geometry.pageBytes, tensorBacked: shardedFactory },
    ],
    citations: inShard
      ? [CITES.typecast, CITES.typecastSelect, CITE.workSplit]
      : [CITES.typecast, CITE.workSplit, ...(rm ? [] : [readSpanCite('typecast-tile-interleaved')])],
  });
}

/**
 * An interleaved TILE typecast is `exact` on the builds of read span typecast-tile-interleaved. An interleaved row-major
 * one runs TypecastRowMajorChunkedProgramFactory (typecast_device_op.cpp@544e13f, PR #34596, the PR that let typecast
 * take row-major input; the same at 622c6fb): CB pages of up to 1,024 elements per row chunk, not modeled. A sharded
 * input's factory choice rests on change point typecast-sharded-fallback.
 */
function typecastConfidence(
  inShard: boolean,
  rowMajor: boolean,
  ctx: EstimateContext,
): { confidence: 'exact' } | { confidence: 'approx'; approxReason: string } {
  if (inShard) return { confidence: 'exact' };
  if (rowMajor) return { confidence: 'approx', approxReason: TYPECAST_RM_CHUNKED };
  if (windowReadableWithinReadSpan(ctx, 'typecast-tile-interleaved')) return { confidence: 'exact' };
  return { confidence: 'approx', approxReason: TYPECAST_TILE_UNREAD };
}

const TYPECAST_RM_CHUNKED =
  'a row-major interleaved typecast runs TypecastRowMajorChunkedProgramFactory (tt-metal PR #34596), whose row-chunk CBs are not modeled: the figure is two whole-row pages per CB';
const TYPECAST_TILE_UNREAD = readSpanUnreadReason('the typecast program was', 'typecast-tile-interleaved', 'before');

/**
 * can_use_sharded_optimized_factory's shard test for a non-block-format input: the shard row's bytes a multiple of the
 * L1 alignment and the shard's bytes a multiple of the tile's. A tiled shard is whole tiles (32·k datums a row).
 */
function shardOfAlignedRowsAndWholeTiles(t: ResolvedTensor, ctx: EstimateContext): boolean {
  if (t.layout.pageLayout === 'tile') return true;
  const element = elementBytes(t.dtype);
  const [rows, cols] = [t.layout.shardShape[0] ?? 0, t.layout.shardShape[t.layout.shardShape.length - 1] ?? 0];
  if (element === undefined) return false;
  return (cols * element) % ctx.device.l1AlignmentBytes === 0 && (rows * cols * element) % tileBytes(t.dtype) === 0;
}

/**
 * `ttnn.dropout` (ttnn::experimental::dropout [7]): DropoutProgramFactory, or with `use_per_device_seed` (tt-mlir's
 * default) DropoutMeshWorkloadFactory, which builds the same program once per device. c_0 and c_2 hold two tiles
 * each, created on every core of split_work_to_cores over the input's tiles (cores walked down columns). The factory
 * reads and writes through TensorAccessor whatever the placement, so a sharded tensor still takes both CBs.
 * tt-metal's validate rejects (legality.ts) a dtype change, differing memory layouts and a non-sharded input that is
 * not tiled and interleaved.
 */
export function estimateDropout(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const input = resolveTensor(op.operands[0], 'input');
  if (typeof input === 'string') return unmodeled(op.name, input);
  const output = resolveTensor(op.results[0], 'result');
  if (typeof output === 'string') return unmodeled(op.name, output);
  // num_tiles = physical_volume / TILE_HW: the tiles of the padded input.
  const split = splitWorkToCores(gridArea(ctx), input.geometry.nPages);
  return finishProgram({
    op,
    ctx,
    factory: 'DropoutProgramFactory',
    factoryReason: `${input.geometry.nPages} tiles over ${split.nCores} cores (split_work_to_cores)`,
    groups: groupsFromSplit(split, ctx.device.workerGrid, 'col'),
    cbs: [
      { index: 0, role: 'input', nPages: 2, pageBytes: tileBytes(input.dtype) },
      { index: 2, role: 'output', nPages: 2, pageBytes: tileBytes(output.dtype) },
    ],
    confidence: 'exact',
    citations: [CITES.dropout, CITE.workSplit],
  });
}

/**
 * `ttnn.clamp_tensor`: tt-mlir's runtime calls ttnn::clamp(input, min, max, memory_config) with both bounds as
 * tensors, which ttnn runs as a composite of seven programs [8], each allocating its CBs in turn:
 *   a_max = minimum(input, max); temp = where(eq(min, 0), relu(a_max), maximum(a_max, min));
 *   result = where(gt(min, max), max, temp).
 * The where programs (predicate, two value CBs, output: 2 tiles each) are the largest. Every intermediate is allocated
 * in the output's memory config: in L1, a_max, temp and gt's predicate are held while the last where runs.
 */
export function estimateClampTensor(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const [input, min, max] = op.operands;
  const out = op.results[0];
  const tensors: TensorSpec[] = [];
  for (const s of [input, min, max, out]) {
    if (s?.kind !== 'tensor') return unmodeled(op.name, 'clamp_tensor needs input, min and max tensors and a result');
    tensors.push(s);
  }
  const [inT, minT, maxT, outT] = tensors as [TensorSpec, TensorSpec, TensorSpec, TensorSpec];
  if (outT.layout.kind !== 'layout') return unmodeled(op.name, 'result layout unknown');
  if (outT.layout.memoryLayout !== undefined && outT.layout.memoryLayout !== 'interleaved')
    return unmodeled(
      op.name,
      'sharded clamp_tensor: its where steps would run on sharded intermediates (sharded where is not modeled)',
    );
  // Intermediates take the output's memory config (interleaved, its buffer): a_max and temp have the result's shape,
  // eq's predicate min's, gt's the broadcast of min and max (min's when they agree, as tt-mlir emits them).
  const placed = (like: TensorSpec): TensorSpec =>
    specWith(like, {
      bufferType: outT.layout.kind === 'layout' ? outT.layout.bufferType : undefined,
      memoryLayout: 'interleaved',
    });
  const aMax = placed(outT);
  const eqPred = placed(minT);
  const relu = placed(outT);
  const maximum = placed(outT);
  const temp = placed(outT);
  const gtPred = placed(minT);
  const steps = [
    { label: 'minimum(input, max)', result: estimateBinary(stepOp(op, 'ttnn.minimum', [inT, maxT], [aMax]), ctx) },
    { label: 'eq(min, 0)', result: estimateBinary(stepOp(op, 'ttnn.eq', [minT], [eqPred]), ctx) },
    { label: 'relu(a_max)', result: estimateUnary(stepOp(op, 'ttnn.relu', [aMax], [relu]), ctx) },
    { label: 'maximum(a_max, min)', result: estimateBinary(stepOp(op, 'ttnn.maximum', [aMax, minT], [maximum]), ctx) },
    {
      label: 'where(eq, relu, maximum)',
      result: estimateWhere(stepOp(op, 'ttnn.where', [eqPred, relu, maximum], [temp]), ctx),
    },
    { label: 'gt(min, max)', result: estimateBinary(stepOp(op, 'ttnn.gt', [minT, maxT], [gtPred]), ctx) },
    {
      label: 'where(gt, max, temp)',
      result: estimateWhere(stepOp(op, 'ttnn.where', [gtPred, maxT, temp], op.results), ctx),
    },
  ];
  const result = largestStep(op, ctx, steps, {
    confidence: 'approx',
    approxReason:
      'composite clamp: the L1 intermediates are those held by the last where (a_max, temp, gt); the first where holds a_max, eq, relu, maximum and temp at once',
    citations: [CITES.clampTensor, CITES.clampTensorRuntime],
  });
  if (result.kind !== 'estimate') return result;
  const held: L1Intermediate[] = [];
  const roles: [string, TensorSpec][] = [
    ['a_max = minimum(input, max)', aMax],
    ['temp = where(eq, relu, maximum)', temp],
    ['gt(min, max) predicate', gtPred],
  ];
  for (const [role, spec] of roles) {
    const inL1 = outputsInL1(stepOp(op, 'ttnn.relu', [spec], [spec]), ctx)[0];
    if (inL1 !== undefined) held.push({ role, bytesPerCore: inL1.bytesPerCore, liveDuringProgram: true });
  }
  if (held.length === 0) return result;
  return {
    ...result,
    l1Intermediates: held,
    l1IntermediateBytesPerCore: held.reduce((n, h) => n + h.bytesPerCore, 0),
  };
}

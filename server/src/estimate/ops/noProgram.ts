/**
 * Ops that run no device program: device handles, deallocation, host transfers, allocations and fills whose
 * tt-metal implementation writes from the host. They allocate no circular buffers; results placed in L1 still occupy
 * L1 (tt-mlir OpModel golden figures for full/empty/constant/arange report 0 B of CBs).
 */

import type { TtnnOp } from '../../ttnn/op';
import { outputsInL1 } from '../common';
import type { EstimateContext, NoProgram } from '../types';

const REASONS: Readonly<Record<string, string>> = {
  'ttnn.get_device': 'returns the device handle',
  'ttnn.deallocate': 'frees a buffer',
  'ttnn.to_device': 'host → device copy (no kernels, no circular buffers)',
  'ttnn.from_device': 'device → host copy',
  'ttnn.empty': 'allocates the output buffer only',
  'ttnn.full': 'output filled from the host (0 B of CBs in tt-mlir OpModel)',
  'ttnn.zeros': 'output filled from the host',
  'ttnn.ones': 'output filled from the host',
  'ttnn.constant': 'constant written from the host',
  'ttnn.arange': 'output written from the host (0 B of CBs in tt-mlir OpModel)',
  'ttnn.to_tensor_spec': 'retypes a tensor spec',
  'ttnn.write_tensor': 'host → device write',
  'ttnn.dump_tensor': 'host-side dump',
  'ttnn.load_tensor': 'host-side load',
  'ttnn.mesh_shard':
    'distributes / aggregates a host tensor over the mesh (identity: no-op); tt-mlir runtime/lib/ttnn/operations/ccl/mesh_shard.cpp@0918c63',
  'ttnn.begin_trace_capture': 'starts recording a trace (the traced ops are analysed where they are written)',
  'ttnn.end_trace_capture': 'ends a trace recording',
  'ttnn.execute_trace': 'replays a recorded trace (its programs are the traced ops)',
  'ttnn.capture_or_execute_trace': 'captures or replays a trace of the callee (analysed on its own)',
  'ttnn.to_dtype': 'host-side dtype conversion',
  'ttnn.alloc': 'allocates the result buffer at a given address (TTNNOps.td@19c86fc AllocOp)',
  'ttnn.distribute_tensor':
    'host-side: maps a host tensor onto the mesh devices (TTNNOps.td@19c86fc DistributeTensorOp)',
  'ttnn.aggregate_tensor':
    'host-side: gathers a multi-device tensor back into one host tensor (TTNNOps.td@19c86fc AggregateTensorOp)',
  'ttnn.create_global_semaphore':
    'creates a global semaphore: one small L1 word per core of its range, written from the host (not counted)',
  'ttnn.reset_global_semaphore': 'host write of a global semaphore value',
  'ttnn.allocate_moe_compute_semaphore':
    "creates moe_compute's global semaphore (one small L1 word per core, not counted)",
  'func.return': 'function return',
  'func.call': 'call (the callee is analysed on its own)',
  'ttcore.load_cached': 'cached const-eval call (the callee is analysed on its own)',
  'tt.load_cached': 'cached const-eval call (the callee is analysed on its own)',
};

export const NO_PROGRAM_OPS: readonly string[] = Object.keys(REASONS);

/**
 * `ttcore.composite` (a named composite whose `decomposition = @f` body holds TTNN ops) never reaches the runtime:
 * tt-mlir's TTNNResolveComposites pass, run on the device module in every TTIR→TTNN pipeline before the flatbuffer,
 * inlines the body (the default "inline" mode, and the fallback of "validate") or, with the optimizer and OpModel,
 * promotes it to a typed op (tt-mlir lib/Dialect/TTNN/Pipelines/TTNNPipelines.cpp createTTNNResolveCompositesPass and
 * include/ttmlir/Dialect/TTNN/Transforms/Passes.td TTNNResolveComposites@19c86fc; the flatbuffer emitter has no
 * composite op). Like a call: the op itself runs nothing and the body's ops are estimated in the decomposition function,
 * which the execution order runs where the composite stands (analysis/executionOrder.ts).
 */
export function compositeNoProgram(op: TtnnOp, ctx: EstimateContext): NoProgram {
  const nameProp = op.properties['composite_name'];
  const compositeName = nameProp?.kind === 'string' ? ` "${nameProp.value}"` : '';
  const decomposition = op.symbolUses[0];
  const body = decomposition === undefined ? 'its decomposition function' : decomposition;
  return noProgram(
    op,
    ctx,
    `composite${compositeName}: tt-mlir's TTNNResolveComposites inlines ${body} (or promotes it to a typed op) before the flatbuffer; ${body}'s ops are estimated there`,
  );
}

export function noProgram(op: TtnnOp, ctx: EstimateContext, reason?: string): NoProgram {
  const outputs = outputsInL1(op, ctx);
  return {
    kind: 'noProgram',
    opName: op.name,
    reason: reason ?? REASONS[op.name] ?? 'no device program',
    l1TensorBytesPerCore: outputs.reduce((n, o) => n + o.bytesPerCore, 0),
    outputs,
  };
}

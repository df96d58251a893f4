/**
 * L1 estimate for `ttnn.generic`: a program built by a compiler (tt-mlir's D2M, or a hand-written descriptor) whose
 * CBs are written out in the op's `program` attribute, so they are read, not derived.
 *
 * Formula (bytes per core):
 *   each `#ttnn.kernel_cb<total_size = S, core_ranges = R, formats = [...]>` is one CB of S bytes on every core of R,
 *   in the order listed (tt-metal's Program(ProgramDescriptor) creates them in that order)                   [1][2]
 *   a CB with `buffer = #ttnn.kernel_cb_global_buffer_address_of_tensor<i>` is globally allocated on operand i's
 *   buffer: it takes no CB-region bytes (that tensor is counted as an L1 tensor)                            [1][3]
 *   cores: grouped by the set of CBs they carry; each group's CBs are placed in creation order
 *   `#ttnn.mesh_program_descriptor`: one program per device range, each device runs one: the largest is reported [1]
 *
 * Worked example: CBs of 8,192 B and 4,096 B on (0,0)-(3,1) and a 6,144 B CB on (0,0) only → cores (0,0): 18,432 B,
 *   the other seven 12,288 B (test/unit/estimate/generic.test.ts).
 *
 * Confidence: exact when every CB spans the same cores, or the CBs' core sets nest so that each CB starts at the same
 *   region end on all its cores; otherwise approx (tt-metal gives a CB one address on all its cores, the highest end
 *   among them, which per-group placement can undercount).
 *
 * References:
 *   [1] tt-metal ttnn/cpp/ttnn/operations/generic/device/generic_op_program_factory.cpp@0125a91
 *       (GenericMeshProgram::create_mesh_workload / create_at: Program{program_descriptor} per mesh range)
 *   [2] tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOpsAttrs.td@19c86fc (ProgramAttr, KernelCBAttr, KernelCBFormatAttr,
 *       KernelCBGlobalBufferAddressOfTensorAttr, MeshProgramDescriptorAttr)
 *   [3] tt-mlir runtime/lib/ttnn/operations/generic/generic_op.cpp@19c86fc (a CB descriptor's buffer is the io tensor)
 */

import type { KernelCbDescriptor, TtnnOp } from '../../ttnn/op';
import { finishProgram, type CbSpec, type GroupSpec } from '../common';
import type { CoreXY, EstimateContext, OpEstimate, OpEstimateResult } from '../types';
import { unmodeled } from '../types';

const CITES = {
  factory:
    'tt-metal ttnn/cpp/ttnn/operations/generic/device/generic_op_program_factory.cpp@0125a91 (Program{program_descriptor} per mesh range)',
  attrs:
    'tt-mlir include/ttmlir/Dialect/TTNN/IR/TTNNOpsAttrs.td@19c86fc (KernelCBAttr: total_size, core_ranges, formats, buffer)',
} as const;

export function estimateGeneric(op: TtnnOp, ctx: EstimateContext): OpEstimateResult {
  const program = op.properties['program'];
  if (program === undefined) return unmodeled(op.name, 'no program attribute (or one with a syntax error)');
  if (program.kind !== 'dialect')
    return unmodeled(
      op.name,
      `program descriptor not readable (${program.kind === 'other' ? program.text : program.kind})`,
    );
  const programs = program.kernelCbs;
  if (programs === undefined)
    return unmodeled(
      op.name,
      `the program attribute is #${program.name}, not a #ttnn.program or #ttnn.mesh_program_descriptor`,
    );
  if (typeof programs === 'string') return unmodeled(op.name, `program descriptor not readable: ${programs}`);
  let worst: OpEstimate | undefined;
  for (let i = 0; i < programs.length; i++) {
    const one = estimateProgram(op, ctx, programs[i]!, programs.length > 1 ? i : undefined);
    if (typeof one === 'string') return unmodeled(op.name, one);
    if (worst === undefined || one.worstCbBytesPerCore > worst.worstCbBytesPerCore) worst = one;
  }
  return worst ?? unmodeled(op.name, 'no program in the descriptor');
}

/** One program's CBs, on core groups that carry the same CBs. */
function estimateProgram(
  op: TtnnOp,
  ctx: EstimateContext,
  cbs: readonly KernelCbDescriptor[],
  meshIndex: number | undefined,
): OpEstimate | string {
  const [rows, cols] = ctx.device.workerGrid;
  // CB positions each core carries, keyed by the core; cores of the device grid only.
  const carried = new Map<string, { core: CoreXY; cbs: number[] }>();
  for (let c = 0; c < cbs.length; c++) {
    for (const r of cbs[c]!.coreRanges) {
      const [x0, y0] = r.start;
      const [x1, y1] = r.end;
      if (x1 < x0 || y1 < y0) return `CB ${c}'s core range (${x0},${y0})-(${x1},${y1}) is empty`;
      if (x1 >= cols || y1 >= rows)
        return `CB ${c}'s core range reaches (${x1},${y1}) but the device's worker grid is ${cols}x${rows} (x by y): a program built for a larger chip?`;
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          const key = `${x},${y}`;
          const entry = carried.get(key) ?? { core: [x, y] as CoreXY, cbs: [] };
          // A core listed twice in one CB's ranges still holds the CB once.
          if (entry.cbs[entry.cbs.length - 1] !== c) entry.cbs.push(c);
          carried.set(key, entry);
        }
    }
  }
  // Groups: cores with the same CB list, named by their first core (row-major order).
  const bySignature = new Map<string, { core: CoreXY; nCores: number; cbs: number[] }>();
  const cores = [...carried.values()].sort((a, b) => a.core[1] - b.core[1] || a.core[0] - b.core[0]);
  for (const { core, cbs: list } of cores) {
    const signature = list.join(',');
    const g = bySignature.get(signature);
    if (g === undefined) bySignature.set(signature, { core, nCores: 1, cbs: list });
    else g.nCores++;
  }
  const groups: GroupSpec[] = [];
  const groupNamesOf: string[][] = cbs.map(() => []);
  for (const g of bySignature.values()) {
    const name = `cores from (${g.core[0]},${g.core[1]})`;
    groups.push({ name, nCores: g.nCores, firstCore: g.core });
    for (const c of g.cbs) groupNamesOf[c]!.push(name);
  }
  const cbSpecs: CbSpec[] = cbs.map((cb, c) => {
    const indices = cb.formats.map((f) => f.bufferIndex);
    const page = cb.formats[0]?.pageSizeBytes ?? cb.totalSizeBytes;
    const pages = page > 0 && cb.totalSizeBytes % page === 0 ? cb.totalSizeBytes / page : 1;
    return {
      index: indices[0] ?? c,
      role: `${indices.length > 1 ? `c_${indices.join('/c_')} ` : ''}${cb.formats.map((f) => f.dtype).join('/') || 'CB'}${cb.globalBufferOperand !== undefined ? ` on operand ${cb.globalBufferOperand}'s buffer` : ''}`,
      nPages: pages,
      pageBytes: pages === 1 ? cb.totalSizeBytes : page,
      groups: groupNamesOf[c]!,
      tensorBacked: cb.globalBufferOperand !== undefined,
    };
  });
  const sharedAddressGap = perGroupPlacementDiffers(cbs, cbSpecs, groups, ctx.device.dramAlignmentBytes);
  return finishProgram({
    op,
    ctx,
    factory: 'GenericMeshProgram (program descriptor)',
    factoryReason: `${cbs.length} CB descriptors read from the program attribute on ${carried.size} cores (${groups.length} core group${groups.length === 1 ? '' : 's'})${meshIndex === undefined ? '' : `; mesh program ${meshIndex}, the largest of the descriptor's programs`}`,
    groups,
    cbs: cbSpecs,
    confidence: sharedAddressGap ? 'approx' : 'exact',
    approxReason: sharedAddressGap
      ? 'a CB spans core groups whose earlier CBs end at different offsets: tt-metal gives it one address (the highest end), here each group places it after its own CBs'
      : '',
    citations: [CITES.factory, CITES.attrs],
  });
}

/**
 * Whether tt-metal's rule (a CB's address is the highest aligned region end among all its cores) gives some group a
 * different region end than placing each group's CBs one after another.
 */
function perGroupPlacementDiffers(
  cbs: readonly KernelCbDescriptor[],
  specs: readonly CbSpec[],
  groups: readonly GroupSpec[],
  alignBytes: number,
): boolean {
  const alignUp = (n: number): number => Math.ceil(n / alignBytes) * alignBytes;
  const shared = new Map<string, number>(groups.map((g) => [g.name, 0]));
  const own = new Map<string, number>(groups.map((g) => [g.name, 0]));
  for (let c = 0; c < cbs.length; c++) {
    const spec = specs[c]!;
    if (spec.tensorBacked === true) continue;
    const names = spec.groups ?? [];
    const at = alignUp(Math.max(...names.map((n) => shared.get(n) ?? 0)));
    for (const n of names) {
      shared.set(n, at + cbs[c]!.totalSizeBytes);
      own.set(n, alignUp(own.get(n) ?? 0) + cbs[c]!.totalSizeBytes);
    }
  }
  return groups.some((g) => shared.get(g.name) !== own.get(g.name));
}

/**
 * The halo op's output shard (ttnn::halo, run by conv2d, conv_transpose2d and pool2d before their own program): how many
 * padded-input sticks one core holds.
 *
 * Rule: the output sticks (N·OH·OW, batch-major) are split into shards of `outputSticksPerShard`; a core holds the padded
 *   input (N·Hp·Wp, batch-major) from its first output's window origin to its last output's window end; the halo shard is
 *   the widest such span over cores (tt-metal ttnn/cpp/ttnn/operations/sliding_window/sliding_window.cpp,
 *   generate_shard_boundaries; not read at a commit here). The rule reproduces, to the byte, the halo allocations
 *   tt-metal printed for max_pool2d in threads #35223, #35261/#35431 and #36803 and for conv2d in tt-mlir #5771 /
 *   tt-metal #13324 (test/unit/analysis/threads*.test.ts).
 */

export interface HaloGeometry {
  readonly batch: number;
  /** Input image before padding. */
  readonly inputH: number;
  readonly inputW: number;
  /** Total padding added to each dimension (both sides, including pool ceil-mode padding). */
  readonly padH: number;
  readonly padW: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly outputH: number;
  readonly outputW: number;
}

/** Padded-input sticks of the widest core's halo shard, for output shards of `outputSticksPerShard` sticks. */
export function haloSticksPerCore(g: HaloGeometry, outputSticksPerShard: number): number {
  const hp = g.inputH + g.padH;
  const wp = g.inputW + g.padW;
  const effH = (g.kernel[0] - 1) * g.dilation[0] + 1;
  const effW = (g.kernel[1] - 1) * g.dilation[1] + 1;
  const perImage = g.outputH * g.outputW;
  const total = g.batch * perImage;
  const shard = Math.max(1, outputSticksPerShard);
  const origin = (o: number): number => {
    const b = Math.floor(o / perImage);
    const r = Math.floor((o % perImage) / g.outputW);
    const c = o % g.outputW;
    return b * hp * wp + r * g.stride[0] * wp + c * g.stride[1];
  };
  let worst = 0;
  for (let first = 0; first < total; first += shard) {
    const last = Math.min(first + shard, total) - 1;
    worst = Math.max(worst, origin(last) + (effH - 1) * wp + effW - origin(first));
  }
  return worst;
}

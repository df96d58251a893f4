/**
 * The tiled reshape's segment-map width (reshape.ts `reshapeSegmentMapWidth`, walked by runs with memoized tiles)
 * against a plain element-by-element trace written here from the rule as docs/estimators.md and reshape.ts [3] state it
 * (tt-metal reshape_tiled_program_factory.cpp, reshape_map_output_page / compute_reshape_mapping_host_tensor, the same
 * from ed0a405 to fdefd7c):
 *   - every output tile's valid elements are walked row by row; element (h, w) of a tile sits at faced offset
 *     face·256 + (h mod 16)·16 + (w mod 16), face = 2·⌊(h mod 32)/16⌋ + ⌊(w mod 32)/16⌋;
 *   - output element i of the flat (row-major) output is flat input element i; input tiles are numbered plane by plane,
 *     row of tiles by row of tiles;
 *   - an element extends the current segment when the previous element of the walk came from the same input tile and
 *     both its input and its output faced offsets are one past the previous element's; else it opens a segment of its
 *     input tile;
 *   - a tile's entries = (most segments of one input tile) × (input tiles touched); the width is the largest over all
 *     output tiles.
 * The reference walks every element of every output tile, with no memo, no runs and no plane periodicity, so it shares
 * nothing with the code under test but the rule. Shape pairs are drawn from a seeded generator and include 16-wide
 * tiles (segments running on across face rows), widths that are not multiples of 32 (padded tiles), 16-wide inputs,
 * input planes smaller than a tile, and more output planes than the input-plane period.
 */

import { strict as assert } from 'assert';
import { reshapeSegmentMapWidth } from '../../../server/src/estimate/ops/reshape';
import { makeRandom } from '../../../bench/random';

interface Shape3 {
  c: number;
  h: number;
  w: number;
}

function facedOffset(h: number, w: number): number {
  const hInTile = h % 32;
  const wInTile = w % 32;
  const face = 2 * Math.floor(hInTile / 16) + Math.floor(wInTile / 16);
  return face * 256 + (hInTile % 16) * 16 + (wInTile % 16);
}

function referenceWidth(input: Shape3, output: Shape3): number {
  const inPlane = input.h * input.w;
  const inTilesAcross = Math.ceil(input.w / 32);
  const inTilesDown = Math.ceil(input.h / 32);
  let widest = 0;
  for (let plane = 0; plane < output.c; plane++)
    for (let tileRow = 0; tileRow < Math.ceil(output.h / 32); tileRow++)
      for (let tileCol = 0; tileCol < Math.ceil(output.w / 32); tileCol++) {
        const segmentsByInputTile = new Map<number, number>();
        let prev: { tile: number; inOffset: number; outOffset: number } | undefined;
        for (let r = 0; r < 32; r++)
          for (let c = 0; c < 32; c++) {
            const oh = tileRow * 32 + r;
            const ow = tileCol * 32 + c;
            if (oh >= output.h || ow >= output.w) continue;
            const flat = (plane * output.h + oh) * output.w + ow;
            const ic = Math.floor(flat / inPlane);
            const ih = Math.floor((flat % inPlane) / input.w);
            const iw = flat % input.w;
            const tile = (ic * inTilesDown + Math.floor(ih / 32)) * inTilesAcross + Math.floor(iw / 32);
            const inOffset = facedOffset(ih, iw);
            const outOffset = facedOffset(oh, ow);
            const extends_ =
              prev !== undefined &&
              prev.tile === tile &&
              inOffset === prev.inOffset + 1 &&
              outOffset === prev.outOffset + 1;
            if (!extends_) segmentsByInputTile.set(tile, (segmentsByInputTile.get(tile) ?? 0) + 1);
            prev = { tile, inOffset, outOffset };
          }
        const most = Math.max(...segmentsByInputTile.values());
        widest = Math.max(widest, most * segmentsByInputTile.size);
      }
  return widest;
}

const divisorsOf = (n: number): number[] => {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
};

/** Elements per pair at most, so the element-by-element reference stays quick. */
const MAX_ELEMENTS = 24_576;

function randomPair(rand: () => number): [Shape3, Shape3] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const dim = (): number =>
    rand() < 0.5 ? pick([1, 2, 3, 8, 15, 16, 17, 24, 31, 32, 33, 48, 64, 80, 96, 128]) : 1 + Math.floor(rand() * 100);
  for (;;) {
    // One pair in five from tile-multiple dims, so whole-tile outputs come up too.
    const tiled = rand() < 0.2;
    const input = {
      c: 1 + Math.floor(rand() * 4),
      h: tiled ? pick([16, 32, 48, 64, 96]) : dim(),
      w: tiled ? pick([16, 32, 48, 64, 128]) : dim(),
    };
    const total = input.c * input.h * input.w;
    if (total > MAX_ELEMENTS) continue;
    const widths = divisorsOf(total);
    // Favour the widths whose tiles behave differently: 16 wide (or 16 past a multiple of 32), the input width less 16,
    // whole tiles; and heights of whole tiles.
    const special = widths.filter((w) => w % 16 === 0 || w === input.w - 16 || w === input.w);
    const outW = special.length > 0 && rand() < 0.5 ? pick(special) : pick(widths);
    const heights = divisorsOf(total / outW);
    const wholeTileHeights = heights.filter((h) => h % 32 === 0);
    const outH = wholeTileHeights.length > 0 && rand() < 0.3 ? pick(wholeTileHeights) : pick(heights);
    const output = { c: total / outW / outH, h: outH, w: outW };
    return [input, output];
  }
}

describe('estimate/reshape: the traced segment-map width equals a plain element-by-element trace', () => {
  it('over 1,000 seeded random shape pairs (16-wide, padded, face-crossing, small-plane, repeating-plane cases)', () => {
    const rand = makeRandom(20261207);
    const seen = {
      sixteenWide: 0,
      paddedCols: 0,
      paddedRowsOnly: 0,
      aligned: 0,
      inputSixteen: 0,
      smallPlane: 0,
      repeatingPlanes: 0,
      merging: 0,
    };
    for (let i = 0; i < 1000; i++) {
      const [input, output] = randomPair(rand);
      const expected = referenceWidth(input, output);
      assert.equal(
        reshapeSegmentMapWidth(input, output),
        expected,
        `[${input.c}, ${input.h}, ${input.w}] → [${output.c}, ${output.h}, ${output.w}]`,
      );
      if (output.w % 32 === 16) seen.sixteenWide++;
      if (output.w % 32 !== 0) seen.paddedCols++;
      else if (output.h % 32 !== 0) seen.paddedRowsOnly++;
      else seen.aligned++;
      if (input.w === 16) seen.inputSixteen++;
      if (input.h * input.w < 32 * output.w) seen.smallPlane++;
      if (output.c > 1 && (output.h * output.w) % (input.h * input.w) !== 0) seen.repeatingPlanes++;
      if (output.w % 32 === 16 || input.w === 16) seen.merging++;
    }
    // The generator must keep reaching the cases the memo and the run walk treat specially.
    for (const [name, n] of Object.entries(seen)) assert.ok(n >= 10, `${name}: ${n} pairs`);
  });

  it('the reference reproduces the hand-derived widths of reshapeTiled.test.ts', () => {
    // Worked out by hand there: [1,20,16] → [1,40,8] 32; [2,20,16] → [1,40,16] 4; [1,3,3] → [1,1,9] 3;
    // [1,64,1024] → [1,256,256] 64.
    assert.equal(referenceWidth({ c: 1, h: 20, w: 16 }, { c: 1, h: 40, w: 8 }), 32);
    assert.equal(referenceWidth({ c: 2, h: 20, w: 16 }, { c: 1, h: 40, w: 16 }), 4);
    assert.equal(referenceWidth({ c: 1, h: 3, w: 3 }, { c: 1, h: 1, w: 9 }), 3);
    assert.equal(referenceWidth({ c: 1, h: 64, w: 1024 }, { c: 1, h: 256, w: 256 }), 64);
  });
});

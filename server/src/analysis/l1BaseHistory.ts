/**
 * The L1 unreserved base (where circular buffers start) of tt-metal builds by date, per arch. The base is
 * `align(MEM_MAP_END + 69 KiB, …)` (device.ts) and moves whenever the firmware map grows, which is not an op-factory
 * change: each step is a `device` change point (estimate/changePoints.ts, `l1-base-…`: the PR that moved the firmware map,
 * or the first sighting when none was traced), which dates the entry; the entries hold the figures and how they were
 * derived. Used when nothing better gives the base (no real system desc, no `ttnnL1.l1UnreservedBase` /
 * `--l1-unreserved-base`, no runtime log): the analysis's tt-metal build window picks the entry, and the device model
 * gets the plain figure (deviceFacts.ts; ttnn/ knows no dates).
 *
 * Each entry is a base some tt-metal build printed, derived as "tt-metal's printed figure − CB bytes known exactly"
 * (the arithmetic is in the cited thread test), as "L1 size − L1_SMALL − the bank size an allocator OOM line printed"
 * (the L1_SMALL of the build's tt-mlir runtime, change point tt-mlir-runtime-l1-small-64k), or read from a real system desc in a tt-mlir dump. An entry holds from
 * its first sighting until the next entry's (a step function): between two sightings the build's base lies between
 * the two bases, and no two neighbours differ by 6 KiB (the largest steps: Blackhole's 105,344 → 111,104, 5,760 B
 * merged 2026-01-29, the firmware regions' growth; Wormhole's 102,112 → 97,248 between 2025-03-25
 * and 2025-04-01, 4,864 B), so a build in a gap is off by less than that. Before the first entry of an arch nothing is
 * known (the preset base stays).
 *
 * Wormhole tt-mlir test system descs, not used (a test's commit date only bounds its capture from above, and where it
 * contradicts a dated thread figure the thread wins): 97,248 B (docs/src/builder/ttir-builder.md, ≤ 2025-04-25: agrees
 * with the 2025-06 entry), 99,104 B (tt-mlir b8f6d2e, ≤ 2025-02-05: agrees with the 2024-12 entry), 101,152 B (82d424f,
 * ≤ 2025-10-29: PR #28672's base of 2025-10-04..10-16), 102,656 B (a2358ea, ≤ 2026-01-29: agrees with 2025-12's), 103,712 B
 * (013ad92, ≤ 2026-03-20: agrees), 104,224 B (e9b87da, ≤ 2026-07-15: agrees with tt-metal #47735's, 2026-06-22).
 */

import {
  CHANGE_POINTS,
  dayBefore,
  type ChangePointId,
  type IsoDate,
  type TtMetalWindow,
} from '../estimate/changePoints';
import { formatInteger as fmt } from '../text/numbers';
import type { Arch, DatedBaseChoice } from '../ttnn/device';

export interface ObservedL1Base {
  readonly arch: Arch;
  readonly l1UnreservedBaseBytes: number;
  /** The change point that dates it (its first build): the entry holds from there to the next entry's. */
  readonly since: ChangePointId;
  /** When it was seen, for messages: a month, or a range of days or months. */
  readonly seen: string;
  /** Short citations, e.g. `tt-metal #16348`. */
  readonly sources: readonly string[];
  /** How each source gives the base: printed figure − CB bytes (the thread tests hold the CB arithmetic), or
   *  `L1 size − N L1_SMALL − M bank` from an allocator OOM line's bank size. */
  readonly derivation: string;
}

/** Per arch, oldest first. */
export const L1_BASE_HISTORY: readonly ObservedL1Base[] = [
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 98_848,
    since: 'l1-base-wh-seen-15732',
    seen: '2024-12-05',
    sources: ['tt-metal #15732'],
    derivation: '#15732: 6,148,640 − 2,954 bf16 tiles (6,049,792)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_104,
    since: 'l1-base-wh-seen-15950',
    seen: '2024-12',
    sources: ['tt-metal #15950', 'tt-metal #16348', 'tt-metal #16288'],
    derivation:
      '#15950 (2024-12-12): 6,538,016 − 6,438,912; #16348 (n300): 1,671,968 − 1,572,864; #16288 (2024-12-23): 10,105,632 − 10,006,528',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_488,
    since: 'l1-base-wh-seen-17869',
    seen: '2025-02-13..2025-02-26',
    sources: ['tt-metal #17869', 'tt-metal #17947', 'tt-metal #18286', 'tt-metal #18642'],
    // #17869 gives the value; #17947 (a different conv, settings read from tt-metal's own test) gives it again, and the
    // two YOLOv10x convs (configs read from the model code; #18642's branch sits on main c17e35a of 2025-02-18) too.
    derivation:
      '#17869 (2025-02-13, unet_brain conv, height sharded on 64 cores): 296,160 − 196,672; corroborated by #17947 (2025-02-18, test_conv_mem_config_wh): 1,741,152 − 1,641,664, #18286 (2025-02-25, YOLOv10x SCDown conv): 1,656,032 − 1,556,544 and #18642 (2025-03-05, YOLOv10x 1x1 matmul conv): 1,862,048 − 1,762,560',
  },
  // 2025-02-27..03-11: tt-metal main's wormhole/dev_mem_map.h at each first-parent change (nyoshifujiTT/tt-metal mirror),
  // MEM_MAP_END evaluated with the header's own defines, base align32(MEM_MAP_END + 69 KiB).
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_048,
    since: 'l1-base-pr-17307',
    seen: '2025-02-27..2025-03-03',
    sources: ['tt-metal PR #17307 (3682cba)', 'tt-forge-fe test_alexnet.py 754b717e0'],
    derivation:
      'PR #17307 (merged 2025-02-27 05:07 UTC, NCRISC firmware run from L1): MEM_MAP_END 28,816 → 31,376 B, align32(31,376 + 70,656); tt-forge-fe test_alexnet.py xfail of 754b717e0 (2025-03-07; its tt-mlir cc6f36d pins tt-metal 9b3d855 of 02-27 23:51 UTC): 1,191,648 − 1,089,600 (the alexnet conv1 CBs with its bias, threads-conv2d.test.ts)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_112,
    since: 'l1-base-pr-18486',
    seen: '2025-03-04..2025-03-11',
    sources: ['tt-metal PR #18486 (6908e8a)'],
    derivation:
      "PR #18486 (merged 2025-03-03 22:56 UTC, the day's last 2 h, so from the next day; dynamic NoC barrier types): MEM_MAP_END 31,440 B, align32(31,440 + 70,656), main to 2025-03-28 (no thread sighting; #18997 of 03-12, next entry, prints it)",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_112,
    since: 'l1-base-wh-seen-18997',
    seen: '2025-03',
    sources: ['tt-metal #18997', 'tt-metal #19606'],
    derivation:
      '#18997 (2025-03-12): 2,287,328 − 2,185,216; #19606 (2025-03-25): 1,458,144 − 1,356,032 = 1,724,384 − 1,622,272',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 97_248,
    since: 'l1-base-wh-seen-7598b7e',
    seen: '2025-04-01..2025-06-26',
    sources: [
      'tt-forge-fe test_softmax.py / test_reshape.py c92a65b88 (tt-metal 7598b7e, 2025-04-01)',
      'tt-metal #19762',
      'tt-forge-fe test_conv2d.py bc7d00334',
      'tt-forge-fe test_conv2d.py f96d63a9a',
      'tt-mlir #3643',
      'tt-metal #22891',
    ],
    derivation:
      "tt-forge-fe models-ops xfail reasons of c92a65b88 (2025-04-04; its tt-mlir a2b2c5de pins tt-metal 7598b7e, uplifted 2025-04-01): Softmax0 (1, 1, 512, 50176) f32 3,445,728 − 3,348,480 and Reshape216 (1, 596, 4096) → (2441216,) 9,895,024 − 9,797,776 (the row-major reshape program), both 4,864 B under the same cases' figures of 14243328e (tt-metal 7d60ca2, 2025-03-25: 102,112); tt-metal #19762 (2025-04-14, tt-metal's conv2d sweep on main of that day, RMBG convs): 203,808 − 106,560, 588,832 − 491,584 and 1,100,832 − 1,003,584, each clash address exact from the top; tt-forge-fe models-ops xfail reasons, each clash address exact from the top: Conv2D452 and Conv2D1311 (first in bc7d00334, 2025-05-02): 728,096 − 630,848 and 760,864 − 663,616; Conv2D1441 / Conv2D765 (f96d63a9a, 2025-05-20): 654,368 − 557,120; tt-mlir #3643 (2025-06-01 nightly): 465,952 − 368,704 (the conv's CBs with the runtime's packer_l1_acc partials; the clash address 351,360 is exact from the top); #22891 (2025-06-02): 2,251,808 − 2,154,560",
  },
  // 2025-06-27..2025-11-11: each step dated by its merge into tt-metal main, read as below for 2025-11..2026-01
  // (first-parent log of wormhole dev_mem_map.h in nyoshifujiTT/tt-metal, MEM_MAP_END computed at each merge commit,
  // base = align32(MEM_MAP_END + 69 KiB), wh_hal_tensix.cpp): the merge day, or the next day where a dated build of the
  // merge day precedes it or the merge came in the day's last 2 h (after 22:00 UTC). Not an entry: PR #23613's first
  // landing (418b8fe, 06-20 21:11 → its revert PR #23877, 06-22 06:34; 99,296 B for 33 h, no pin or sighting in it).
  // The bank-size sightings come from the allocator's OOM line ("bank size is only N B"): the L1 bank manager gets
  // l1_size − base − l1_small_size (device.ts L1_SMALL_DEFAULT), so base = 1,499,136 − L1_SMALL − bank. L1_SMALL is
  // tt-mlir's runtime default of the build (32 KiB before tt-mlir PR #5557, 2025-11-04, 64 KiB after), printed as
  // "bank size is only 32768 B" for L1_SMALL in tt-xla #1722's nightly; 2026-01's tt-xla bank (#3054, 1,330,048 B)
  // with 64 KiB gives the 103,552 B the CB figures of that month give, so tt-xla ran the default then too. tt-xla's
  // threads ran the tt-metal of tt-xla's tt-mlir pin (tt-xla third_party/CMakeLists.txt TT_MLIR_VERSION, then that
  // tt-mlir commit's TT_METAL_VERSION), days to weeks older than the thread; their tests give the pinned build's date.
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_296,
    // Re-landed 17:04 UTC; tt-mlir's pins of 06-26 (284285a) and 06-30 (7a44fb2) bracket it: 97,248 and 99,296 B.
    since: 'l1-base-pr-24013',
    seen: '2025-06-27..2025-07-05',
    sources: ['tt-metal PR #24013 (c5f93d4)'],
    derivation:
      'PR #24013 (merged 2025-06-27 17:04 UTC, re-landing PR #23613, the routing table copied to Tensix L1): MEM_MAP_END 26,576 → 28,640 B, align32(28,640 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_904,
    since: 'l1-base-pr-24322',
    seen: '2025-07-06..2025-07-18',
    sources: ['tt-metal PR #24322 (8cf8c0d)', 'tt-forge-fe test_conv2d.py 7cd6058b0'],
    derivation:
      "PR #24322 (merged 2025-07-06 21:10 UTC, the fabric connection info copied to Tensix): MEM_MAP_END 29,232 B, align32(29,232 + 70,656); tt-forge-fe models-ops xfail reason of Conv2D777 (7cd6058b0, 2025-07-22; its tt-mlir pins tt-metal 8141206 of 2025-07-18 03:59 UTC): 788,096 − 688,192 (the conv's CBs; the clash address 411,648 is exact from the top)",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 100_352,
    // Merged 16:36 UTC, after tt-mlir's tt-metal pin 8141206 of 07-18 03:59 (99,904 B, Conv2D777's build).
    since: 'l1-base-pr-24673',
    seen: '2025-07-19..2025-07-23',
    sources: ['tt-metal PR #24673 (7a40cbe)'],
    derivation:
      "PR #24673 (merged 2025-07-18 16:36 UTC, the Tensix flow-control semaphores in static L1): MEM_MAP_END 29,680 B, align32(29,680 + 70,656) (no thread sighting); from the next day: the build of the merge day before it, tt-mlir's pin 81412069 (main of 07-18 03:59 UTC, Conv2D777's), has 99,904 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 100_000,
    // Merged 23:10 UTC, the day's last hour.
    since: 'l1-base-pr-25572',
    seen: '2025-07-24',
    sources: ['tt-metal PR #25572 (f294181)'],
    derivation:
      'PR #25572 (merged 2025-07-23 23:10 UTC, the Tensix connection info region shrunk): MEM_MAP_END 29,328 B, align32(29,328 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_744,
    since: 'l1-base-pr-25131',
    seen: '2025-07-25..2025-08-13',
    sources: ['tt-metal PR #25131 (73a8f19)'],
    derivation:
      'PR #25131 (merged 2025-07-25 15:25 UTC, the pre-allocated packet header on workers): MEM_MAP_END 29,072 B, align32(29,072 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_776,
    // Merged 15:50 UTC, after tt-mlir's pin 180c867 of 08-13 04:23 (99,744 B); tt-mlir's next pin, 3250801 of 08-13
    // 17:59 UTC (after the merge), its uplift PR #4470 labels 2025-08-14.
    since: 'l1-base-pr-26665',
    seen: '2025-08-14..2025-08-25',
    sources: ['tt-metal PR #26665 (23f6e49)'],
    derivation:
      "PR #26665 (merged 2025-08-13 15:50 UTC, the connection info size aligned to 4 B): MEM_MAP_END 29,104 B, align32(29,104 + 70,656) (no thread sighting); from the next day: the build of the merge day before it, tt-mlir's pin 180c867 (main of 08-13 04:23 UTC), has 99,744 B, and tt-mlir labels its next pin (3250801, 17:59 UTC, after the merge) 2025-08-14",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_712,
    since: 'l1-base-pr-27139',
    seen: '2025-08-26..2025-08-29',
    sources: ['tt-metal PR #27139 (aa8bce0)'],
    derivation:
      'PR #27139 (merged 2025-08-26 20:06 UTC): MEM_MAP_END 29,040 B, align32(29,040 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_776,
    since: 'l1-base-pr-27547',
    seen: '2025-08-30..2025-09-04',
    sources: ['tt-metal PR #27547 (4d03a31)'],
    derivation:
      'PR #27547 (merged 2025-08-30 06:53 UTC, the multi-erisc debug and profiler regions): MEM_MAP_END 29,104 B, align32(29,104 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_808,
    // Merged 22:21 UTC, the day's last 2 h.
    since: 'l1-base-pr-27790',
    seen: '2025-09-05..2025-09-10',
    sources: ['tt-metal PR #27790 (222fa2f)', 'tt-xla #1458'],
    derivation:
      "PR #27790 (merged 2025-09-04 22:21 UTC, watcher_kernel_id per processor): MEM_MAP_END 29,136 B, align32(29,136 + 70,656); tt-xla #1458 (2025-09-24): 1,499,136 − 32,768 L1_SMALL − 1,366,560 bank, main's base only from 09-04 22:21 to 09-10 04:50 UTC and of none of tt-xla's pinned builds but tt-mlir's tt-metal 41fa92a (pinned 09-16..09-19, not on main, labelled 2025-09-10 by tt-mlir's uplift PR #4824): its build",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 99_840,
    // Merged 04:50 UTC; tt-metal 41fa92a (labelled 2025-09-10), the build tt-xla #1458 ran, still has 99,808 B.
    since: 'l1-base-pr-28078',
    seen: '2025-09-11..2025-09-12',
    sources: ['tt-metal PR #28078 (d695359)'],
    derivation:
      "PR #28078 (merged 2025-09-10 04:50 UTC): MEM_MAP_END 29,168 B, align32(29,168 + 70,656) (no thread sighting); from the next day: tt-mlir's tt-metal 41fa92a, labelled 2025-09-10 by its uplift PR #4824 and run by tt-xla #1458, has 99,808 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 100_352,
    // Merged 22:14 UTC, the day's last 2 h.
    since: 'l1-base-pr-27660',
    seen: '2025-09-13..2025-09-16',
    sources: ['tt-metal PR #27660 (c73b4fb)'],
    derivation:
      'PR #27660 (merged 2025-09-12 22:14 UTC, precalculated fabric routing): MEM_MAP_END 29,696 B, align32(29,696 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 100_416,
    since: 'l1-base-pr-28555',
    seen: '2025-09-17..2025-09-26',
    sources: ['tt-metal PR #28555 (26415d1)'],
    derivation:
      'PR #28555 (merged 2025-09-17 15:38 UTC, the 1D route queryable by hops): MEM_MAP_END 29,744 B, align32(29,744 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 101_440,
    // Merged 16:50 UTC, after tt-mlir's pin 5be2f8a of 09-26 12:48 (100,416 B; its uplift PR #5121 labels it
    // 2025-09-27, tt-mlir's day, not the commit's: this table dates a build by its tt-metal commit, UTC).
    since: 'l1-base-pr-28769',
    seen: '2025-09-27..2025-10-03',
    sources: ['tt-metal PR #28769 (db1fdd0)', 'tt-xla #1588', 'tt-xla #1722'],
    derivation:
      "PR #28769 (merged 2025-09-26 16:50 UTC, the inter-mesh routing table in Tensix L1): MEM_MAP_END 30,768 B, align32(30,768 + 70,656), from the next day (tt-mlir's pin 5be2f8a, main of 09-26 12:48 UTC, before the merge, has 100,416 B); tt-xla #1588 (2025-10-06, tt-xla's pin: tt-metal ce7d0b2 of 10-01) and #1722 (2025-10-17, tt-xla's pin: tt-metal aba1b93 of 10-02; the run printed the 32,768 B L1_SMALL bank): 1,499,136 − 32,768 L1_SMALL − 1,364,928 bank",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 101_152,
    since: 'l1-base-pr-28672',
    seen: '2025-10-04..2025-10-16',
    sources: ['tt-metal PR #28672 (aeec510)'],
    derivation:
      'PR #28672 (merged 2025-10-04 03:42 UTC, the routing table moved to the Ethernet cores): MEM_MAP_END 30,480 B, align32(30,480 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 101_664,
    since: 'l1-base-pr-23491',
    seen: '2025-10-17..2025-11-11',
    sources: ['tt-metal PR #23491 (25f28fe)', 'tt-metal #31889', 'tt-mlir #5771'],
    derivation:
      "PR #23491 (merged 2025-10-17 18:12 UTC): MEM_MAP_END 30,992 B, align32(30,992 + 70,656); tt-metal #31889 (2025-11-05, tt-train on main): 2,198,944 − 2,097,280 (the fused embedding's CBs); tt-mlir #5771 (2025-11-10, after PR #5557): 1,499,136 − 65,536 L1_SMALL − 1,331,936 bank",
  },
  // 2025-11-12..2026-01-30: each step dated by the merge into main (committer date, UTC) of the commit whose
  // wormhole dev_mem_map.h moves MEM_MAP_END, read in the main history of nyoshifujiTT/tt-metal (first-parent log of
  // the file; base = align32(MEM_MAP_END + 69 KiB), wh_hal_tensix.cpp): its merge day, or the next day where a dated
  // build of the merge day (a tt-mlir pin) precedes it. Threads on tt-metal main agree to the byte
  // (#34306, #34811); tt-xla / tt-mlir threads ran the tt-metal their tt-mlir pinned, weeks older (tt-xla #2659 and
  // tt-mlir #6441 of 12-23/25 print 102,208 B, main's base only from 11-18 07:50 to 12-03 20:31 UTC, which tt-mlir
  // pinned until 12-08 (tt-metal 39590dfd of 12-02, its last such pin); tt-xla #3054 of 01-30 prints 103,552 B, main's
  // from 01-15 to 01-28, tt-mlir's pin b8fe1f04 of 01-28 14:24 UTC): their tests give the pinned build's date. tt-mlir's pins are read in its
  // third_party/CMakeLists.txt history ("Uplift third_party/tt-metal to <hash> <date>"), each hash's base in the fork. Not entries: 102,400 B
  // (PR #32575, 4cc80ce, 12-03 20:31 → PR #32395 12-04 17:25, 21 h).
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 101_952,
    since: 'l1-base-pr-31704',
    seen: '2025-11-12..2025-11-17',
    sources: ['tt-metal PR #31704 (c960d4f)'],
    derivation:
      'PR #31704 (merged 2025-11-12 15:02 UTC): MEM_MAP_END 30,992 → 31,280 B, align32(31,280 + 70,656) (no thread sighting)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_208,
    since: 'l1-base-pr-30176',
    seen: '2025-11-18..2025-12-03',
    sources: ['tt-metal PR #30176 (2e69521)', 'tt-xla #2659', 'tt-mlir #6441'],
    derivation:
      "PR #30176 (merged 2025-11-18 07:50 UTC): MEM_MAP_END 31,536 B, align32(31,536 + 70,656); tt-xla #2659 (2025-12-23, a pinned tt-metal of this window): 1,499,136 − 65,536 L1_SMALL − 1,331,392 bank; tt-mlir #6441 (2025-12-25, likewise): 102,464 − 256 (the pool halo's two pad sticks, clashing with the L1 buffer at 102,400)",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_656,
    since: 'l1-base-pr-32395',
    seen: '2025-12-04..2025-12-16',
    sources: ['tt-metal PR #32395 (ce239e5)', 'tt-metal #34306', 'tt-xla #2710'],
    derivation:
      'PR #32395 (merged 2025-12-04 17:25 UTC): MEM_MAP_END 31,984 B, align32(31,984 + 70,656); #34306 (2025-12-12, tt-metal main, DeepSeek-V3 lm_head prefill): 2,150,656 − 2,048,000; tt-xla #2710 (its pin d711cca, 2025-12-16 15:18 UTC, before PR #34336): 2,003,264 − 1,900,608 (the PointPillars conv_transpose2d)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_688,
    since: 'l1-base-pr-34336',
    seen: '2025-12-17..2025-12-21',
    sources: ['tt-metal PR #34336 (e863609)', 'tt-metal #34811'],
    derivation:
      "PR #34336 (merged 2025-12-16 18:59 UTC): MEM_MAP_END 32,016 B, align32(32,016 + 70,656); #34811 (2025-12-19, tt-train on main): 1,528,096 − 1,425,408; from the next day: the build of the merge day before it, tt-mlir's pin d711cca (main of 12-16 15:18 UTC, tt-xla #2710's), has 102,656 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_656,
    since: 'l1-base-pr-34868',
    seen: '2025-12-22..2026-01-12',
    sources: ['tt-metal PR #34868 (67a8bd0)', 'tt-mlir #6536'],
    derivation:
      'PR #34868 (merged 2025-12-22 08:53 UTC) restores MEM_MAP_END 31,984 B; tt-mlir #6536 (tt-xla, 2025-12; the seed examples/mochi_replicate_pad.mlir, whose real n150 system desc agrees): 9,990,400 − 9,887,744 (2 × 2,414 bf16 tiles)',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 102_784,
    // Merged 20:17 UTC, after tt-mlir's tt-metal pin 8f16e2b8 of 2026-01-13 18:17 (102,656 B; tt-xla #2846 and #2872):
    // dated the next day, like PR #45505 below. Likewise PR #35494 (17:06) after the pin acd0707a of 01-15 15:52.
    since: 'l1-base-pr-35327',
    seen: '2026-01-14..2026-01-15',
    sources: ['tt-metal PR #35327 (71a9d48)'],
    derivation:
      "PR #35327 (merged 2026-01-13 20:17 UTC, the 144 B fabric connection lock): MEM_MAP_END 32,128 B, align32(32,128 + 70,656) (no thread sighting); from the next day: tt-mlir's pin 8f16e2b8 (main of 01-13 18:17 UTC, tt-xla #2846 and #2872's build) has 102,656 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_552,
    since: 'l1-base-pr-35494',
    seen: '2026-01-16..2026-01-28',
    sources: ['tt-metal PR #35494 (9fa927f)', 'tt-mlir #6754', 'tt-metal #36426', 'tt-xla #3054'],
    derivation:
      "PR #35494 (merged 2026-01-15 17:06 UTC): MEM_MAP_END 32,896 B, align32(32,896 + 70,656), from the next day (tt-mlir's pin acd0707a, main of 01-15 15:52 UTC, before the merge, has 102,784 B); tt-mlir #6754 (2026-01-22): 1,528,960 − 1,425,408; #36426 (2026-01-23): 1,721,472 − 1,617,920; tt-xla #3054 (2026-01-30, a pinned tt-metal of this window): 1,499,136 − 65,536 L1_SMALL − 1,330,048 bank",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_584,
    // Merged 14:34 UTC, after tt-mlir's tt-metal pin b8fe1f04 of 2026-01-28 14:24 (103,552 B, tt-xla #3054's build):
    // dated the next day; PR #35963 (01-29 22:17 UTC, the last 2 h of that day) the day after it.
    since: 'l1-base-pr-36013',
    seen: '2026-01-29',
    sources: ['tt-metal PR #36013 (c2e8b6d)'],
    derivation:
      "PR #36013 (merged 2026-01-28 14:34 UTC): MEM_MAP_END 32,928 B, align32(32,928 + 70,656) (no thread sighting); from the next day: tt-mlir's pin b8fe1f04 (main of 01-28 14:24 UTC, tt-xla #3054's build) has 103,552 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_712,
    // PR #35963 merged 2026-01-29 22:17 UTC (MEM_MAP_END 33,056 B): dated the next day (above). tt-xla
    // #3369 (2026-02-19) prints 1,738,528 B, tt-metal #42146's conv3d over this base, but its CB config is not pinned
    // (SOURCE.md): consistent, not a source.
    since: 'l1-base-pr-35963',
    seen: '2026-01-30..2026-04-23',
    sources: [
      'tt-metal PR #35963 (f671f2d)',
      'tt-metal #37745',
      'tt-metal #38364',
      'tt-mlir #7351',
      'tt-metal #39875',
      'tt-metal #42146',
      'tt-metal #42434',
      'tt-metal #42882',
      'tt-mlir #8044',
    ],
    derivation:
      '#37745 (2026-02-12, tt-metal main): 1,170,784 − 1,067,072 (the DRAM-sliced conv_transpose2d); #38364 (2026-02-23): 2,966,816 − 2,863,104; #39875 (2026-03-13): 6,395,936 − 6,292,224; tt-mlir #7351 (2026-03-05) and #42146 (2026-04-15): 1,738,528 − 1,634,816; #42434 (2026-04-16): 3,249,696 − 3,145,984; #42882 (2026-04-22): 2,168,608 − 2,064,896; tt-mlir #8044 (2026-04-21, tt-xla falcon3_7b benchmark): 1,499,136 − 65,536 L1_SMALL − 1,329,888 bank',
  },
  // 2026-04-24..06-12: Wormhole's MEM_BRISC_FIRMWARE_SIZE (dev_mem_map.h) changed six times, each moving MEM_MAP_END
  // and with it the allocator base (wh_hal_tensix.cpp's DEFAULT_UNRESERVED = align32(MEM_MAP_END + 69 KiB)) by the same
  // bytes. Merge commits and UTC times read in the main history of a tt-metal fork (nyoshifujiTT/tt-metal), the base
  // computed from each commit's dev_mem_map.h: PR #41021 (84c0174, 04-24 09:48) 6 KiB → 6 KiB + 2,560 B, 106,272 B;
  // PR #43082 (4919a5a, 04-25 00:09) back to 6 KiB, 103,712 B; PR #43570 (a1449a0, 05-05 19:19) + 32 B, 103,744 B;
  // PR #44545 (3363681, 05-16 19:46) + 64 B, 103,776 B; PR #45505 (0080d14, 05-29 16:10) + 128 B, 103,840 B; PR #46821
  // (ca254cb, 06-12 07:59) + 256 B, 103,968 B; PR #46526 (05cca6a, 06-12 14:49) MEM_MAILBOX_SIZE 12,912 → 13,168 B,
  // 104,224 B. An entry starts on its merge day, except where a dated build of that day precedes the merge (PR #43570:
  // tt-mlir's pin 61e690c of 05-05 13:09 UTC, so 05-06; PR #41021 stays on 04-24, see its change point). Threads
  // run through tt-xla or tt-mlir use the tt-metal those pinned, often days older than the thread (their tests give the
  // pinned build's date).
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 106_272,
    since: 'l1-base-pr-41021',
    seen: '2026-04-24',
    sources: ['tt-metal PR #41021 (84c0174)', 'tt-mlir PR #8237'],
    derivation:
      "PR #41021: 103,712 + 2,560 (BRISC firmware region 6 KiB + 2,560 B); tt-mlir PR #8237 (runtime log of 2026-04-28, tt-metal 2a9cc7c of 2026-04-24 18:41 UTC, between 84c0174 and 4919a5a): 16,056,096 − 15,949,824 (the unaligned int32 concat's two transposed row pages of 1,993,728 · 4 B)",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_712,
    since: 'l1-base-pr-43082',
    seen: '2026-04-25..2026-05-05',
    sources: ['tt-metal PR #43082 (4919a5a)', 'tt-xla #4583', 'tt-mlir PR #8412'],
    derivation:
      "PR #43082 restores the 6 KiB BRISC region; tt-xla #4583 (2026-05-08, its pinned tt-metal older than PR #43570): 1,843,040 − 1,739,328 (two transposed f32 row pages of 217,413 · 4 B, 32 B aligned); tt-mlir PR #8412 (2026-05-13, its branch's pin likewise): 1,498,912 − 1,395,200 (two 174,400-row si32 chunk pages)",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_744,
    since: 'l1-base-pr-43570',
    seen: '2026-05-06..2026-05-15',
    sources: ['tt-metal PR #43570 (a1449a0)', 'tt-metal #43893'],
    derivation:
      "PR #43570 (merged 2026-05-05 19:19 UTC): BRISC firmware region 6 KiB + 32 B, 103,712 + 32; tt-metal #43893 (2026-05-08, tt-metal main): 1,843,072 − 1,739,328 (the tt-xla #4583 concat); from the next day: tt-mlir's pin 61e690c (main of 05-05 13:09 UTC, tt-mlir PR #8272) has 103,712 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_776,
    since: 'l1-base-pr-44545',
    seen: '2026-05-16..2026-05-29',
    sources: ['tt-metal PR #44545 (3363681)', 'tt-metal #45331', 'tt-metal #45543'],
    // TilizeMultiCoreDefaultProgramFactory makes only c_0 and c_16, one tile row each (read at
    // tilize_multi_core_default_program_factory.cpp@050f24f and @cf8e2a8), so the 64 B these two threads print above
    // 103,712 + Wt·4,096 is the base, not a CB: the same 64 B for rows of 256, 512 and 1,336 tiles.
    derivation:
      'PR #44545: BRISC firmware region 6 KiB + 64 B, 103,712 + 64; #45331 (2026-05-27, a build of ≤ 05-26): 5,576,032 − 5,472,256 (1,336 × 4,096); #45543 (2026-05-29, main 5cbb689 of 04:08 UTC, before PR #45505): 1,152,352 − 1,048,576 = 2,200,928 − 2,097,152',
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 103_840,
    // PR #45505 merged 2026-05-29 16:10 UTC; #45543's build of 04:08 that day still has 103,776 B.
    since: 'l1-base-pr-45505',
    seen: '2026-05-30..2026-06-11',
    sources: ['tt-metal PR #45505 (0080d14)'],
    derivation:
      "PR #45505 (merged 2026-05-29 16:10 UTC): BRISC firmware region 6 KiB + 128 B, 103,712 + 128 (no thread sighting); from the next day: #45543's build of the merge day, main 5cbb689 of 04:08 UTC, has 103,776 B",
  },
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 104_224,
    // PR #46821's 103,968 B held for 7 h of 2026-06-12, until PR #46526: not an entry.
    since: 'l1-base-pr-46526',
    seen: '2026-06-12..2026-07',
    sources: [
      'tt-metal PR #46821 (ca254cb)',
      'tt-metal PR #46526 (05cca6a)',
      'tt-metal #47735',
      'tt-mlir e9b87da',
      'tt-xla #5438',
    ],
    derivation:
      "PR #46821: BRISC firmware region 6 KiB + 256 B, + PR #46526's 256 B mailbox growth: 103,712 + 256 + 256; #47735 (2026-06-22): 5,576,480 − 5,472,256 (1,336 × 4,096, tilize_with_val_padding's whole-row c_0 + c_16); the n150 system desc of tt-mlir e9b87da (≤ 2026-07-15) prints the same base; tt-xla #5438 (2026-06-30, a ttnn::sum clash): 124,704 − 20,480 (a float32 W reduce's c_0 + c_2 + c_3, five 4,096 B tiles)",
  },
  // tt-metal PR #49417 ("Bringup basic profiler on quasar", opened 2026-07-08, last reviewed 2026-07-14) widened the
  // profiler's L1 control vector inside dev_msgs_t, growing the Wormhole and Blackhole Tensix mailbox
  // (MEM_MAILBOX_SIZE, dev_mem_map.h) by 128 B, and everything after it with it: PR #52549 (2026-08-07), bisecting
  // tt-metal #51415 on a T3K, prints MEM_MAP_END 0x8840 → 0x88C0 (34,880 → 35,008 B) and the L1 allocator base
  // 0x19C40 → 0x19CC0 (105,536 → 105,664 B = align32(35,008 + 69 KiB), wh_hal_tensix.cpp). Its merge day is not in the
  // corpus: tt-metal #51127 (2026-07-26, main 02246470f99) already quotes its 24-slot control vector, so the entry is
  // dated 2026-07-26, the first day known to run it. The 105,536 B before it (104,224 B + 1,312, a change between
  // 2026-06-23, the newest day of the fork's history, and PR #49417 not identified) has no dated sighting, so builds of 2026-06-12..07-25 keep 104,224 B.
  {
    arch: 'wormhole_b0',
    l1UnreservedBaseBytes: 105_664,
    since: 'l1-base-pr-49417',
    seen: '2026-07..2026-09',
    sources: [
      'tt-metal PR #49417',
      'tt-metal PR #52549',
      'tt-metal PR #53399',
      'tt-metal PR #54698',
      'tt-metal #55075',
    ],
    derivation:
      'PR #52549: PR #49417 moves the allocator base 105,536 → 105,664 (MEM_MAP_END 35,008 + 70,656, 32 B aligned); PR #53399 (2026-08-17, N150): 914,752 − 809,088 (the untilize codegen CBs); PR #54698 (2026-08-28): 1,684,672 − 1,579,008; #55075 (2026-09-01): 1,725,632 − 1,619,968',
  },
  // Blackhole 2025-07..09: tt-metal main's blackhole/dev_mem_map.h at each first-parent change (nyoshifujiTT/tt-metal
  // mirror), MEM_MAP_END evaluated with the header's own defines and the base bh_hal_tensix.cpp computes from it,
  // align64(MEM_MAP_END + 69 KiB) (DEFAULT_UNRESERVED, max(DRAM, L1) alignment 64). Dated as the Wormhole steps of the
  // same PRs above. tt-xla #1066 (2025-08-20, tt-xla's tt-mlir b3b1bea pins tt-metal 6f9186c of 08-19): its
  // "grow to 2101768 B" is a row-major repeat's two CBs over 101,440 B exactly (threads-datamove.test.ts). The 09-27
  // step's 103,040 B is also tt-mlir #5343's (below), an independent check of the formula.
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_120,
    since: 'l1-base-pr-25572',
    seen: '2025-07-24',
    sources: ['tt-metal PR #25572 (f294181)'],
    derivation:
      'PR #25572 (merged 2025-07-23 23:10 UTC, the Tensix connection info region shrunk): MEM_MAP_END 30,416 B, align64(30,416 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_376,
    since: 'l1-base-pr-25131',
    seen: '2025-07-25..2025-08-13',
    sources: ['tt-metal PR #25131 (73a8f19)'],
    derivation:
      'PR #25131 (merged 2025-07-25 15:25 UTC): MEM_MAP_END 30,672 B (30,704 B from PR #21300, 08-11, the same base), align64(30,672 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_440,
    since: 'l1-base-pr-26665',
    seen: '2025-08-14..2025-08-25',
    sources: ['tt-metal PR #26665 (23f6e49)', 'tt-xla #1066'],
    derivation:
      "PR #26665 (merged 2025-08-13 15:50 UTC): MEM_MAP_END 30,736 B, align64(30,736 + 70,656), unchanged at 6f9186c (08-19), from the next day: the build of the merge day before it, tt-mlir's pin 180c867 (main of 08-13 04:23 UTC), has 101,376 B; tt-xla #1066 (2025-08-20, tt-metal 6f9186c): 2,101,768 − 2,000,328 (the row-major repeat's CBs, 1,000,136 B aligned up to 1,000,192 + 1,000,136)",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_376,
    since: 'l1-base-pr-27139',
    seen: '2025-08-26..2025-09-04',
    sources: ['tt-metal PR #27139 (aa8bce0)'],
    derivation:
      'PR #27139 (merged 2025-08-26 20:06 UTC): MEM_MAP_END 30,672 B (30,704 B from PR #27547, 08-30, the same base), align64(30,672 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_440,
    since: 'l1-base-pr-27790',
    seen: '2025-09-05..2025-09-12',
    sources: ['tt-metal PR #27790 (222fa2f)'],
    derivation:
      'PR #27790 (merged 2025-09-04 22:21 UTC): MEM_MAP_END 30,768 B, align64(30,768 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 101_952,
    since: 'l1-base-pr-27660',
    seen: '2025-09-13..2025-09-16',
    sources: ['tt-metal PR #27660 (c73b4fb)'],
    derivation:
      'PR #27660 (merged 2025-09-12 22:14 UTC): MEM_MAP_END 31,296 B, align64(31,296 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 102_016,
    since: 'l1-base-pr-28555',
    seen: '2025-09-17..2025-09-26',
    sources: ['tt-metal PR #28555 (26415d1)'],
    derivation:
      'PR #28555 (merged 2025-09-17 15:38 UTC): MEM_MAP_END 31,344 B, align64(31,344 + 70,656) (no thread sighting)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 103_040,
    since: 'l1-base-pr-28769',
    seen: '2025-09-27..2025-10-03',
    sources: ['tt-metal PR #28769 (db1fdd0)'],
    derivation:
      "PR #28769 (merged 2025-09-26 16:50 UTC, the inter-mesh routing table in Tensix L1): MEM_MAP_END 32,368 B, align64(32,368 + 70,656), from the next day (tt-mlir's pin 5be2f8a, main of 09-26 12:48 UTC, before the merge, has 102,016 B); the base tt-mlir #5343 printed (the 2025-10-14 entry)",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 102_784,
    since: 'l1-base-pr-28672',
    seen: '2025-10-04..2025-10-13',
    sources: ['tt-metal PR #28672 (aeec510)'],
    derivation:
      "PR #28672 (merged 2025-10-04 03:42 UTC, the routing table moved to the Ethernet cores): MEM_MAP_END 32,080 B, align64(32,080 + 70,656), main's map to 2025-11-12 (no thread sighting); tt-mlir #5343's 103,040 B (2025-10-14, next entry) is the base of a build before this PR",
  },
  // Blackhole 2025-10: the allocator's OOM line of a tt-forge Blackhole benchmark through tt-mlir's runtime (L1_SMALL
  // 32 KiB before tt-mlir PR #5557, 2025-11-04, as for Wormhole above): L1 1,572,864 − 32,768 − the printed 1,437,056 B
  // bank = 103,040 B, a multiple of Blackhole's 64 B alignment (64 KiB of L1_SMALL would give 70,272, far below any
  // Blackhole base). One sighting; before it nothing is known.
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 103_040,
    since: 'l1-base-bh-seen-tt-mlir-5343',
    seen: '2025-10..2026-01-06',
    sources: ['tt-mlir #5343'],
    derivation:
      'tt-mlir #5343 (2025-10-14, MobilenetV2 / ResNet50 with the optimizer): 1,572,864 − 32,768 L1_SMALL − 1,437,056 bank',
  },
  // Blackhole 2026-01: each thread figure less its CBs by hand (threads-matmul.test.ts) is a base some version of
  // tt-metal's blackhole dev_mem_map.h gives exactly, align64(MEM_MAP_END + 69 KiB) (bh_hal_tensix.cpp computes the
  // unreserved base from MEM_MAP_END; tt-metal PR #43516 describes the same cascade on Wormhole). 104,128: the map
  // before the fabric connection lock (mailbox 12,768 B, BRISC firmware 7 KiB and the other four 1.5 KiB, 768 B routing
  // paths, 112 B packet headers; Codys12/tt-metal@26b0775's copy) ends at 33,456 B. 105,280: the map with tt-metal
  // PR #35327's 144 B fabric connection lock and PR #35494's 1 KiB routing paths and 144 B packet headers, firmware
  // still 7 KiB / 1.5 KiB, ends at 34,624 B. The step to 111,104 B is the firmware regions growing to 8.5 KiB / 2.5 KiB
  // (+5,632 B), a 12,912 B mailbox (+160) and the 516 B routing-table header (+32): that map (DPS0340/tt-metal@2d1438e's
  // copy) ends at 40,448 B (40,416 B at PR #35963, the same base). The main history of nyoshifujiTT/tt-metal (first-parent
  // log of blackhole/dev_mem_map.h, committer dates UTC, base = align64(MEM_MAP_END + 69 KiB)) dates each step:
  // PR #35327 (71a9d48, 01-13 20:17) 104,256 B; PR #35494 (9fa927f, 01-15 17:06) 105,280 B; PR #36013 (c2e8b6d,
  // 01-28 14:34) 105,344 B; PR #35963 (f671f2d, 01-29 22:17, MEM_MAP_END 40,416 B) 111,104 B. #36316 (01-22) is main
  // between the second and third.
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 104_128,
    since: 'l1-base-bh-seen-35410',
    seen: '2026-01-07..2026-01-12',
    sources: ['tt-metal #35410', 'blackhole dev_mem_map.h'],
    derivation:
      "#35410 (2026-01-07, main after 8f36e2a8, P100): 1,574,080 − 1,469,952 (the 2D matmul's CBs); dev_mem_map.h without the fabric connection lock: align64(33,456 + 70,656)",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 104_256,
    // Dated like the Wormhole rows of the same merges: the day after, tt-mlir's pins of 01-13 and 01-15 preceding them.
    since: 'l1-base-pr-35327',
    seen: '2026-01-14..2026-01-15',
    sources: ['tt-metal PR #35327 (71a9d48)'],
    derivation:
      "PR #35327 (merged 2026-01-13 20:17 UTC, the 144 B fabric connection lock): MEM_MAP_END 33,600 B, align64(33,600 + 70,656) (no thread sighting); from the next day: tt-mlir's pin 8f16e2b8 (main of 01-13 18:17 UTC) precedes the merge",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 105_280,
    since: 'l1-base-pr-35494',
    seen: '2026-01-16..2026-01-28',
    sources: ['tt-metal PR #35494 (9fa927f)', 'tt-metal #36316'],
    derivation:
      "PR #35494 (merged 2026-01-15 17:06 UTC; 1 KiB routing paths, 144 B packet headers): align64(34,624 + 70,656), from the next day (tt-mlir's pin acd0707a, main of 01-15 15:52 UTC, precedes the merge); #36316 (2026-01-22, tt-train on main): 1,596,224 − 1,490,944 (the fused-bias linear's CBs)",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 105_344,
    since: 'l1-base-pr-36013',
    seen: '2026-01-29',
    sources: ['tt-metal PR #36013 (c2e8b6d)'],
    derivation:
      "PR #36013 (merged 2026-01-28 14:34 UTC): MEM_MAP_END 34,656 B, align64(34,656 + 70,656) (no thread sighting); from the next day: tt-mlir's pin b8fe1f04 (main of 01-28 14:24 UTC, tt-xla #3054's build) precedes the merge",
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 111_104,
    // PR #35963 (f671f2d, merged 2026-01-29 22:17 UTC) grows the firmware regions: MEM_MAP_END 40,416 B. tt-mlir #7153's p150 ran tt-mlir's tt-metal pin 5280a9c (2026-02-17); its IR prints the real system desc
    // (tt-mlir's mock Blackhole desc says 98,304), and the rms_norm CBs by hand (threads.test.ts) end where tt-metal's
    // clash message says.
    since: 'l1-base-pr-35963',
    seen: '2026-01-30..2026-06-11',
    sources: ['tt-metal PR #35963 (f671f2d)', 'tt-mlir #7153', 'tt-mlir 123d0c1'],
    derivation:
      'tt-mlir #7153 (tt-metal 5280a9c, 2026-02-17): its system desc, and 1,192,448 − 1,081,344 (the rms_norm CBs); system desc of the dump oom_ttnn.mlir (tt-mlir 123d0c1, 2026-04-16)',
  },
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 111_360,
    // PR #46526 (05cca6a, merged 2026-06-12 14:49 UTC: MEM_MAILBOX_SIZE 12,912 → 13,168 B) moves blackhole's
    // MEM_MAP_END 40,448 → 40,704 B (PR #46117, d92b6c9, 06-08, left the Tensix map's end where it was).
    since: 'l1-base-pr-46526',
    seen: '2026-06-12..2026-07',
    sources: ['tt-metal PR #46526 (05cca6a)', 'tt-metal #47317', 'tt-xla #5440', 'tt-mlir a3bafe1', 'tt-mlir 16a977e'],
    derivation:
      'align64(40,704 + 70,656); #47317 (2026-06-17, tt-metal main CI, Kimi shared-expert matmul): 1,524,480 − 1,413,120; tt-xla #5440 (2026-06-30, QB2 vllm gemma-4-31B reshard, a fragmented bank): 1,572,864 − 65,536 L1_SMALL − 1,395,968 bank; system desc of the Falcon3 dumps (tt-mlir a3bafe1, 2026-07-23); tt-mlir 16a977e (2026-07-25, QB2 vllm_qwen2_5_coder_32b clash on [0-0 - 0-0]): the commit\'s 471,808 − 360,448 ("the CB total the runtime tripped over", with the QB2 system desc\'s base)',
  },
  // The same PR #49417 mailbox growth on Blackhole (128 B, a multiple of its 64 B alignment): 111,360 → 111,488 B.
  // PR #52980 (2026-08-12) gives the Tensix MEM_MAILBOX_SIZE of its day, 13,296 B ("exactly sizeof(mailboxes_t)"):
  // over the 2026-02 map above (a 12,912 B mailbox at 96, ending at 40,448 B) the map ends at 40,832 B, and
  // align64(40,832 + 69 KiB) = 111,488 (2026-07's 111,360 is the 13,168 B mailbox before PR #49417). Dated like the
  // Wormhole entry. tt-xla #6069 (2026-09-10) ran a pinned build with this base (threads.test.ts), and tt-metal #54621
  // (2026-08-27) a checkout from before the next growth (threads-datamove.test.ts).
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 111_488,
    since: 'l1-base-pr-49417',
    seen: '2026-07-26..2026-08-24',
    sources: ['tt-metal PR #49417', 'tt-metal PR #52980', 'tt-metal PR #53319', 'tt-metal #54621', 'tt-xla #6069'],
    derivation:
      'dev_mem_map.h with the 13,296 B mailbox: align64(40,832 + 70,656); PR #53319 (2026-08-17, p150a): 1,422,208 − 1,310,720 (the untilize codegen CBs); #54621 (2026-08-27, P100): 1,430,656 − 1,319,168 (interleaved_to_sharded); tt-xla #6069 (its pinned build): 1,957,632 − 1,846,144',
  },
  // The next 128 B (111,488 → 111,616) is Blackhole's alone (Wormhole keeps 105,664 B from 2026-08-17 to 09-01): the
  // Tensix mailbox grows again, 13,296 → 13,424 B. A copy of blackhole dev_mem_map.h in a fork of tt-metal
  // (PageDevv/tt-metal@f1a8385) has MEM_MAILBOX_SIZE 13,424 next to MEM_DRISC_MAILBOX_SIZE 4,416, PR #52980's exact
  // 4,288 B DRISC mailbox plus the same 128 B, so mailboxes_t itself grew by 128 B, a member that does not scale with
  // the processor count; over the 13,296 B map above (ending at 40,832 B) the 32 B-aligned region after the mailbox
  // moves 128 B, the map ends at 40,960 B and align64(40,960 + 69 KiB) = 111,616. The tt-metal PR was not found (searched: dev_msgs.h
  // / mailboxes_t / MEM_MAILBOX_SIZE / MEM_DRISC_MAILBOX_SIZE threads of 2026-08; the fork's commit is undated); its window is after PR #52980
  // (2026-08-12) and no later than tt-metal PR #54274 (2026-08-25, "measured on blackhole hardware"), whose 1,690,624 B
  // is #54697's op to the byte, so the entry is dated 2026-08-25, its first sighting. tt-metal #54621 (2026-08-27) printed
  // the older base (1,430,656 − 1,319,168 = 111,488): its checkout (4a5bfad, linked in the thread) is not dated in the
  // corpus; like tt-xla #6069's pinned build it ran a tt-metal from before the growth.
  // Not a later revert: tenstorrent/tt-metal's stored blackhole dev_mem_map.h at 0079e942 has MEM_MAILBOX_SIZE 13,168
  // ("back to the pre-#49417 value now that PROFILER_CONTROL_RISC_SLOTS is 5 again (issue #51415)"), whose map ends at
  // 40,704 B: align64(40,704 + 69 KiB) = 111,360. That commit is the branch of tt-metal PR #52549 ("[Diagnostic]
  // Restore pre-#49417 WH/BH L1 map to confirm #51415 root cause", 2026-08-07, closed unmerged, "DIAGNOSTIC PATCH ...
  // do not merge as-is"; its review threads quote the new PROFILER_CONTROL_RISC_SLOTS and a one-line-longer hunk
  // "@@ -110,7 +110,8 @@" of blackhole/dev_mem_map.h, which is where the stored copy adds that comment above
  // MEM_MAILBOX_SIZE), and its DRISC mailbox is still MEM_ERISC_MAILBOX_SIZE (12,768 B), which PR #52980
  // (merged, 2026-08-12) had cut to 4,288 B on main: a diagnostic build of before 08-12, not a main build after the
  // 13,424 B sightings. So 111,616 B stays the newest Blackhole base.
  {
    arch: 'blackhole',
    l1UnreservedBaseBytes: 111_616,
    since: 'l1-base-bh-seen-54274',
    seen: '2026-08-25..2026-09',
    sources: ['tt-metal PR #54274', 'tt-metal #54697', 'tt-metal #56133', 'blackhole dev_mem_map.h'],
    derivation:
      'PR #54274 (2026-08-25) and #54697 (2026-08-28): 1,690,624 − 1,579,008 (rms_norm_pre_all_gather, a 1x1x32x4096 row with fp32 accumulation); #56133 (2026-09-10): 1,957,760 − 1,846,144; dev_mem_map.h with a 13,424 B mailbox: align64(40,960 + 70,656)',
  },
];

/** One stretch of a window and the entry its builds have (undefined: before the arch's first sighting). */
export interface BaseSpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly entry: ObservedL1Base | undefined;
}

/** The first build date an entry holds for: its change point's. */
export function firstSeenOf(entry: ObservedL1Base): IsoDate {
  return CHANGE_POINTS[entry.since].mergedOn;
}

/** The stretches of `window` that map to one entry each, oldest first (a step function over `L1_BASE_HISTORY`). */
export function baseSpans(arch: Arch, window: TtMetalWindow): BaseSpan[] {
  const entries = L1_BASE_HISTORY.filter((e) => e.arch === arch);
  const spans: BaseSpan[] = [];
  let from = window.earliest;
  let current = entries.filter((e) => firstSeenOf(e) <= from).pop();
  for (const next of entries) {
    const nextFrom = firstSeenOf(next);
    if (nextFrom <= from) continue;
    if (nextFrom > window.latest) break;
    spans.push({ from, to: dayBefore(nextFrom), entry: current });
    from = nextFrom;
    current = next;
  }
  spans.push({ from, to: window.latest, entry: current });
  return spans;
}

/** The base of a window whose builds all have one observed base; undefined when it spans several, or none is known. */
export function observedBaseFor(arch: Arch, window: TtMetalWindow): ObservedL1Base | undefined {
  const spans = baseSpans(arch, window);
  return spans.length === 1 ? spans[0]!.entry : undefined;
}

/**
 * The base for a window, given the preset's. One entry covers the window: that entry. Part of the window before the
 * arch's first sighting: the preset base. Several entries: the preset base, moved into the range of the window's
 * observed bases when it lies outside (every build of the window has a base in that range, so a preset outside it is
 * wrong for all of them). The
 * preset is kept rather than the window's newest base because the default window (a dump without dated syntax) spans
 * 2025-01..2026-11, whose newest base (105,664 B) is 6,560 B above its oldest (99,104 B), while the presets'
 * (102,656 B on Wormhole) is within 5.5 KiB of every Wormhole base seen (97,248..105,664 B); it also keeps the figures
 * of undated dumps unchanged.
 */
export function datedBase(arch: Arch, window: TtMetalWindow, presetBaseBytes: number): DatedBaseChoice {
  const spans = baseSpans(arch, window);
  const entry = spans.length === 1 ? spans[0]!.entry : undefined;
  if (entry !== undefined) {
    return {
      l1UnreservedBaseBytes: entry.l1UnreservedBaseBytes,
      fromTable: true,
      why: `base ${fmt(entry.l1UnreservedBaseBytes)} B: tt-metal builds of ${entry.seen} (${entry.sources.join(', ')})`,
    };
  }
  if (spans.some((s) => s.entry === undefined)) {
    return {
      l1UnreservedBaseBytes: presetBaseBytes,
      fromTable: false,
      why: `default base ${fmt(presetBaseBytes)} B (no base observed for some tt-metal builds of the window)`,
    };
  }
  const bases = spans.map((s) => s.entry!.l1UnreservedBaseBytes);
  const lo = Math.min(...bases);
  const hi = Math.max(...bases);
  const base = Math.min(Math.max(presetBaseBytes, lo), hi);
  return {
    l1UnreservedBaseBytes: base,
    fromTable: base !== presetBaseBytes,
    why:
      base === presetBaseBytes
        ? `default base ${fmt(base)} B (the window's builds have ${fmt(lo)}..${fmt(hi)} B)`
        : `base ${fmt(base)} B: the preset's ${fmt(presetBaseBytes)} B moved into the ${fmt(lo)}..${fmt(hi)} B the window's builds have`,
  };
}

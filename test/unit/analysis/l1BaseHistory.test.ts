/**
 * The dated L1-base table (analysis/l1BaseHistory.ts, dated by `device` change points) and the device's use of it. Expected bases are tt-metal's printed
 * figures less the CB bytes the thread tests derive by hand (test/unit/analysis/threads*.test.ts), quoted per case.
 */

import { strict as assert } from 'assert';
import { resolveDevice } from '../../../server/src/ttnn/device';
import { MOCK_WORMHOLE_DESC } from '../../support/systemDescs';
import {
  baseSpans,
  datedBase,
  firstSeenOf,
  L1_BASE_HISTORY,
  observedBaseFor,
} from '../../../server/src/analysis/l1BaseHistory';
import { buildDeviceFacts } from '../../../server/src/analysis/deviceFacts';
import {
  CHANGE_POINTS,
  changePointText,
  type ChangePoint,
  type ChangePointId,
} from '../../../server/src/estimate/changePoints';
import { formatInteger as fmt } from '../../../server/src/text/numbers';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';

const WH_PRESET = 102_656;
const BH_PRESET = 111_616;
const day = (d: string) => ({ earliest: d, latest: d });

describe('analysis/l1BaseHistory', () => {
  it('every entry is dated by a `device` change point that names its PR or first sighting; every l1-base point dates an entry', () => {
    const used = new Set<string>();
    for (const e of L1_BASE_HISTORY) {
      const cp: ChangePoint = CHANGE_POINTS[e.since];
      used.add(e.since);
      assert.equal(cp.family, 'device', e.since);
      // Exactly one of a PR (the merge that moved the firmware map) and a first sighting.
      assert.equal((cp.pr === undefined) !== (cp.seenIn === undefined), true, e.since);
      if (cp.pr !== undefined) {
        assert.ok(
          e.sources.some((s) => s.includes(`PR #${cp.pr}`)) || e.derivation.includes(`PR #${cp.pr}`),
          `${e.since}: the entry cites PR #${cp.pr}`,
        );
      }
      assert.ok(cp.what.includes(fmt(e.l1UnreservedBaseBytes)), `${e.since}: ${cp.what}`);
    }
    // Messages name a point by its PR, or by its first sighting when no PR was traced.
    assert.equal(changePointText('l1-base-pr-17307'), 'tt-metal PR #17307 (2025-02-27)');
    assert.equal(changePointText('l1-base-wh-seen-17869'), 'tt-metal #17869 (≈2025-02-13)');
    const l1BasePoints = (Object.keys(CHANGE_POINTS) as ChangePointId[]).filter((id) => id.startsWith('l1-base-'));
    assert.deepEqual(
      l1BasePoints.filter((id) => !used.has(id)),
      [],
    );
  });

  it('every derivation "printed − CB bytes" comes out at the entry base; entries are dated in order per arch', () => {
    const num = (s: string) => Number(s.replace(/,/g, ''));
    for (const e of L1_BASE_HISTORY) {
      // Bank-size derivations: L1 size − L1_SMALL − the printed bank size (the arch's L1: Wormhole 1,499,136 B,
      // Blackhole 1,572,864 B).
      const banks = [...e.derivation.matchAll(/([\d,]+) − ([\d,]+) L1_SMALL − ([\d,]+) bank/g)];
      for (const m of banks) {
        assert.equal(num(m[1]!), e.arch === 'blackhole' ? 1_572_864 : 1_499_136, m[0]);
        assert.ok([32_768, 65_536].includes(num(m[2]!)), `${m[0]}: a tt-mlir runtime L1_SMALL default`);
        assert.equal(num(m[1]!) - num(m[2]!) - num(m[3]!), e.l1UnreservedBaseBytes, `${e.derivation}: ${m[0]}`);
      }
      const rest = e.derivation.replace(/([\d,]+) − ([\d,]+) L1_SMALL − ([\d,]+) bank/g, '');
      const pairs = [...rest.matchAll(/([\d,]+) − (?:[\d,]+ bf16 tiles \()?([\d,]+)/g)];
      for (const m of pairs) {
        assert.equal(num(m[1]!) - num(m[2]!), e.l1UnreservedBaseBytes, `${e.derivation}: ${m[0]}`);
      }
      // A thread's or a build's sighting needs its arithmetic; a merge commit alone (`PR #N (hash)`) is the mem-map test's.
      const sightings = e.sources.filter((s) => !/PR #\d+ \([0-9a-f]{7}\)$/.test(s));
      if (sightings.some((s) => s.startsWith('tt-metal') || s.startsWith('tt-xla')))
        assert.ok(pairs.length + banks.length > 0, e.derivation);
    }
    for (const arch of ['wormhole_b0', 'blackhole'] as const) {
      const dates = L1_BASE_HISTORY.filter((e) => e.arch === arch).map((e) => firstSeenOf(e));
      assert.deepEqual(dates, [...dates].sort());
    }
  });

  it('neighbouring bases differ by less than 6 KiB, so a build between two sightings is off by less than that', () => {
    // The largest step: Blackhole 105,280 (2026-01-22) → 111,104 (2026-02-17), 5,824 B = the firmware regions growing
    // from 7 KiB + 4 · 1.5 KiB to 8.5 KiB + 4 · 2.5 KiB (5,632) + the mailbox's 12,768 → 12,912 B (+160 once aligned to
    // 32) + the routing-table header's 484 → 516 B (+32).
    for (const arch of ['wormhole_b0', 'blackhole'] as const) {
      const bases = L1_BASE_HISTORY.filter((e) => e.arch === arch).map((e) => e.l1UnreservedBaseBytes);
      for (let i = 1; i < bases.length; i++)
        assert.ok(Math.abs(bases[i]! - bases[i - 1]!) < 6 * 1024, `${bases[i - 1]} → ${bases[i]}`);
    }
  });

  it('Blackhole 2026-01: 104,128 B (#35410, 01-07), then the merges of PRs #35327, #35494, #36013 and #35963 (01-30: 111,104 B)', () => {
    // #35410: 1,574,080 − 1,469,952; #36316: 1,596,224 − 1,490,944 (threads-matmul.test.ts holds the CB arithmetic).
    // Before them, tt-mlir #5343's 2025-10 bank: 1,572,864 − 32,768 L1_SMALL − 1,437,056 = 103,040 (2025-07..10:
    // the next test).
    // The steps after #35410 are blackhole dev_mem_map.h's MEM_MAP_END at each merge into nyoshifujiTT/tt-metal's main
    // (committer dates): align64(end + 69 KiB) for ends 33,600 (PR #35327, 01-13 20:17 UTC), 34,624 (PR #35494, 01-15
    // 17:06), 34,656 (PR #36013, 01-28 14:34) and 40,416 B (PR #35963, 01-29 22:17 UTC), each dated the day after:
    // tt-mlir's tt-metal pins of 01-13 18:17, 01-15 15:52 and 01-28 14:24 precede the first three, and 01-29's builds
    // were PR #36013's but for its last 2 h.
    const base = (mapEnd: number) => Math.ceil((mapEnd + 69 * 1024) / 64) * 64;
    assert.equal(observedBaseFor('blackhole', day('2025-10-13'))?.l1UnreservedBaseBytes, base(32_080));
    assert.equal(
      observedBaseFor('blackhole', day('2025-10-14'))?.l1UnreservedBaseBytes,
      1_572_864 - 32_768 - 1_437_056,
    );
    assert.equal(observedBaseFor('blackhole', day('2026-01-06'))?.l1UnreservedBaseBytes, 103_040);
    assert.equal(observedBaseFor('blackhole', day('2026-01-07'))?.l1UnreservedBaseBytes, 104_128);
    assert.equal(observedBaseFor('blackhole', day('2026-01-13'))?.l1UnreservedBaseBytes, 104_128);
    assert.equal(observedBaseFor('blackhole', day('2026-01-14'))?.l1UnreservedBaseBytes, base(33_600));
    assert.equal(observedBaseFor('blackhole', day('2026-01-16'))?.l1UnreservedBaseBytes, base(34_624));
    assert.equal(observedBaseFor('blackhole', day('2026-01-22'))?.l1UnreservedBaseBytes, 1_596_224 - 1_490_944);
    assert.equal(observedBaseFor('blackhole', day('2026-01-29'))?.l1UnreservedBaseBytes, base(34_656));
    assert.equal(observedBaseFor('blackhole', day('2026-01-30'))?.l1UnreservedBaseBytes, base(40_416));
    // tt-mlir #7153 (tt-metal 5280a9c, 2026-02-17): 1,192,448 − 1,081,344 (threads.test.ts).
    assert.equal(observedBaseFor('blackhole', day('2026-02-17'))?.l1UnreservedBaseBytes, 1_192_448 - 1_081_344);
    // A window over 2026-01-22..2026-02-28 straddles the firmware growth: every build has 105,280..111,104 B, and the
    // preset's 111,616 B lies above, so it is moved to 111,104 B.
    const feb = datedBase('blackhole', { earliest: '2026-01-22', latest: '2026-02-28' }, BH_PRESET);
    assert.deepEqual([feb.l1UnreservedBaseBytes, feb.fromTable], [111_104, true]);
  });

  it('tt-metal PR #49417 (the 128 B mailbox growth, dated 2026-07-26): 105,664 B on Wormhole, 111,488 B on Blackhole', () => {
    // PR #52549 (2026-08-07) prints the Wormhole allocator base before and after PR #49417: 0x19C40 = 105,536 and
    // 0x19CC0 = 105,664 = align32(MEM_MAP_END 0x88C0 = 35,008 + 69 · 1,024 = 70,656). The threads of 2026-08 print it:
    // PR #53399 (2026-08-17, N150) 914,752 − 809,088 of untilize codegen CBs (2 · 129 · (1,088 + 2,048)).
    assert.equal(0x88c0 + 69 * 1024, 105_664);
    assert.equal(observedBaseFor('wormhole_b0', day('2026-07-25'))?.l1UnreservedBaseBytes, 104_224);
    assert.equal(observedBaseFor('wormhole_b0', day('2026-07-26'))?.l1UnreservedBaseBytes, 105_664);
    assert.equal(observedBaseFor('wormhole_b0', day('2026-08-17'))?.l1UnreservedBaseBytes, 914_752 - 2 * 129 * 3_136);
    // Blackhole: the 2026-02 map ends at 40,448 B with a 12,912 B mailbox; PR #52980 (2026-08-12) gives the Tensix
    // mailbox as 13,296 B → 40,832 B, align64(40,832 + 70,656) = 111,488 (a multiple of 64 already). Printed by
    // PR #53319 (2026-08-17): 1,422,208 − 2 · 2 · 160 · 2,048 (and tt-metal #54621, 2026-08-27, on an older checkout:
    // 1,430,656 − (640 · 2,048 + 4 · 2,112)).
    assert.equal(40_448 + (13_296 - 12_912) + 69 * 1024, 111_488);
    assert.equal(observedBaseFor('blackhole', day('2026-07-25'))?.l1UnreservedBaseBytes, 111_360);
    assert.equal(observedBaseFor('blackhole', day('2026-08-17'))?.l1UnreservedBaseBytes, 1_422_208 - 4 * 160 * 2_048);
    assert.equal(observedBaseFor('blackhole', day('2026-08-24'))?.l1UnreservedBaseBytes, 111_488);
    assert.equal(1_430_656 - (640 * 2_048 + 4 * 2_112), 111_488);
  });

  it("Wormhole's BRISC firmware steps of 2026-04-24..06-12 (tt-metal's dev_mem_map.h history), each on its merge day", () => {
    // MEM_MAP_END of wormhole/dev_mem_map.h with a 6 KiB BRISC firmware region and a 12,912 B mailbox: 33,056 B;
    // DEFAULT_UNRESERVED = align32(MEM_MAP_END + 69 KiB) (wh_hal_tensix.cpp). Merge commits in nyoshifujiTT/tt-metal's
    // main: PR #41021 84c0174 (04-24) + 2,560; PR #43082 4919a5a (04-25) + 0; PR #43570 a1449a0 (05-05 19:19 UTC, dated 05-06: tt-mlir's pin 61e690c of 05-05 13:09 UTC precedes it) + 32; PR #44545
    // 3363681 (05-16) + 64; PR #45505 0080d14 (05-29 16:10 UTC) + 128; PR #46821 ca254cb + PR #46526 05cca6a (06-12)
    // + 256 and a mailbox of 13,168 B (+ 256).
    const base = (mapEnd: number) => Math.ceil((mapEnd + 69 * 1024) / 32) * 32;
    const wh = (d: string) => observedBaseFor('wormhole_b0', day(d))?.l1UnreservedBaseBytes;
    assert.equal(base(33_056), 103_712);
    assert.equal(wh('2026-04-23'), 103_712);
    // tt-mlir PR #8237's concat (tt-metal 2a9cc7c, 2026-04-24): 16,056,096 − 2 · 1,993,728 · 4.
    assert.equal(wh('2026-04-24'), base(33_056 + 2_560));
    assert.equal(wh('2026-04-24'), 16_056_096 - 2 * 1_993_728 * 4);
    assert.equal(wh('2026-05-05'), 103_712);
    // tt-metal #43893 (main of 2026-05-08): 1,843,072 − 2 · 869,664.
    assert.equal(wh('2026-05-06'), base(33_056 + 32));
    assert.equal(wh('2026-05-08'), 1_843_072 - 2 * 869_664);
    assert.equal(wh('2026-05-15'), 103_744);
    // tt-metal #45331 (2026-05-27) and #45543 (main 5cbb689, 2026-05-29 04:08 UTC, before PR #45505).
    assert.equal(wh('2026-05-16'), base(33_056 + 64));
    assert.equal(wh('2026-05-29'), 5_576_032 - 1_336 * 4_096);
    assert.equal(wh('2026-05-30'), base(33_056 + 128));
    assert.equal(wh('2026-06-11'), 103_840);
    // tt-metal #47735 (2026-06-22): 5,576,480 − 1,336 · 4,096.
    assert.equal(wh('2026-06-12'), base(33_056 + 256 + 256));
    assert.equal(wh('2026-06-22'), 5_576_480 - 1_336 * 4_096);
  });

  it("Blackhole's own 128 B (a 13,424 B Tensix mailbox): 111,616 B from tt-metal PR #54274 (2026-08-25)", () => {
    // blackhole dev_mem_map.h as PageDevv/tt-metal@f1a8385 copies it: MEM_MAILBOX_SIZE 13,424 at 96 → mailbox end
    // 13,520, zeros at align32 = 13,536 (13,408 with the 13,296 B mailbox: +128), so the map ends at 40,832 + 128 =
    // 40,960 B and align64(40,960 + 69 KiB) = 111,616. The fork's DRISC mailbox, 4,416 = PR #52980's 4,288 + 128, puts
    // it after PR #52980 (2026-08-12).
    const align = (n: number, a: number) => Math.ceil(n / a) * a;
    assert.equal(align(96 + 13_424, 32) - align(96 + 13_296, 32), 128);
    assert.equal(align(40_832 + 128 + 69 * 1024, 64), 111_616);
    // PR #54274 (2026-08-25, "measured on blackhole hardware") and #54697 (2026-08-28) print "grow to 1690624 B" for
    // the same 1x1x32x4096 rms_norm_pre_all_gather with fp32 accumulation: 2 · 128 bf16 input tiles + 2 · 128 f32 x^2
    // tiles + one f32 scaler tile + one bf16 output tile (test/unit/estimate/normPreAllGather.test.ts) = 1,579,008 B of
    // CBs; PR #54698 prints the same op at 1,684,672 B on Wormhole, whose base (105,664) did not move.
    const cbBytes = 2 * 128 * 2_048 + 2 * 128 * 4_096 + 4_096 + 2_048;
    assert.equal(cbBytes, 1_579_008);
    assert.equal(observedBaseFor('blackhole', day('2026-08-25'))?.l1UnreservedBaseBytes, 1_690_624 - cbBytes);
    assert.equal(observedBaseFor('blackhole', day('2026-08-28'))?.l1UnreservedBaseBytes, 1_690_624 - cbBytes);
    assert.equal(observedBaseFor('wormhole_b0', day('2026-08-28'))?.l1UnreservedBaseBytes, 1_684_672 - cbBytes);
  });

  it("tt-metal@0079e942's 13,168 B Blackhole mailbox (111,360 B) is PR #52549's unmerged diagnostic: later builds keep 111,616 B", () => {
    // blackhole dev_mem_map.h@0079e942 by hand: mailbox 96 + 13,168 = 13,264 → zeros at align32 = 13,280, + 512 zeros
    // + 1,024 LLK debug + 8,704 BRISC + 4 · 2,560 NCRISC/TRISC firmware + 80 NoC counters + 32 fabric counters + 144
    // connection lock = 34,016; routing table 516 + 1,024 + 1,024 + 12, fabric connections 656, packet headers
    // 144 · 6 · 2 · 2 = 3,456 → MEM_MAP_END 40,704, align64(40,704 + 69 KiB) = 111,360: the pre-#49417 base.
    const align = (n: number, a: number) => Math.ceil(n / a) * a;
    const zeros = align(96 + 13_168, 32);
    const mapEnd = zeros + 512 + 1_024 + 8_704 + 4 * 2_560 + 80 + 32 + 144 + 516 + 1_024 + 1_024 + 12 + 656 + 3_456;
    assert.equal(mapEnd, 40_704);
    assert.equal(align(mapEnd + 69 * 1024, 64), 111_360);
    // The same file's DRISC mailbox is MEM_ERISC_MAILBOX_SIZE (12,768 B), which PR #52980 (merged 2026-08-12) cut to
    // 4,288 B on main, and the comment over MEM_MAILBOX_SIZE is PR #52549's ("[Diagnostic] ... do not merge", closed
    // 2026-08-07): a diagnostic branch, not a revert on main. So no Blackhole entry after PR #49417 holds 111,360 B,
    // and a build of 2026-10..11 has the newest sighting's base (#56133, 2026-09-10: 1,957,760 − 1,846,144).
    const afterGrowth = L1_BASE_HISTORY.filter((e) => e.arch === 'blackhole' && firstSeenOf(e) >= '2026-07-26');
    assert.ok(afterGrowth.length > 0);
    assert.ok(afterGrowth.every((e) => e.l1UnreservedBaseBytes !== 111_360));
    assert.equal(
      observedBaseFor('blackhole', { earliest: '2026-10-01', latest: '2026-11-30' })?.l1UnreservedBaseBytes,
      1_957_760 - 1_846_144,
    );
  });

  it('a date inside an entry gets its base', () => {
    // tt-metal #15732 (2024-12-05): 6,148,640 − 6,049,792 = 98,848.
    assert.equal(observedBaseFor('wormhole_b0', day('2024-12-05'))?.l1UnreservedBaseBytes, 98_848);
    // #16288 (2024-12-23): 10,105,632 − 10,006,528 = 99,104 (sighted from #15950, 2024-12-12).
    assert.equal(
      observedBaseFor('wormhole_b0', { earliest: '2024-12-12', latest: '2024-12-31' })?.l1UnreservedBaseBytes,
      99_104,
    );
    // #19606 (2025-03-25): 1,458,144 − 1,356,032 = 102,112.
    assert.equal(observedBaseFor('wormhole_b0', day('2025-03-25'))?.l1UnreservedBaseBytes, 102_112);
    // #38364 (2026-02-23) .. #42882 (2026-04-22): 103,712; the month of #39875 (2026-03) lies inside.
    assert.equal(
      observedBaseFor('wormhole_b0', { earliest: '2026-03-01', latest: '2026-03-31' })?.l1UnreservedBaseBytes,
      103_712,
    );
    // Blackhole #56133 (2026-09-10): 1,957,760 − 1,846,144 = 111,616.
    assert.equal(observedBaseFor('blackhole', day('2026-09-10'))?.l1UnreservedBaseBytes, 111_616);
  });

  it('a date between two sightings keeps the earlier base (a step function)', () => {
    // 2025-04-01: tt-metal 7598b7e's 97,248 (tt-forge-fe c92a65b88's Softmax0 (1, 1, 512, 50176) f32: 3,445,728 −
    // 3,348,480 by hand, threads.test.ts); the day before keeps 2025-03's 102,112 (the same softmax in tt-metal 7d60ca2
    // of 2025-03-25: 3,450,592 − 3,348,480). 97,248 holds until PR #24013's merge (2025-06-27).
    assert.equal(observedBaseFor('wormhole_b0', day('2025-04-01'))?.l1UnreservedBaseBytes, 97_248);
    assert.equal(observedBaseFor('wormhole_b0', day('2025-03-31'))?.l1UnreservedBaseBytes, 102_112);
    assert.equal(observedBaseFor('wormhole_b0', day('2025-06-26'))?.l1UnreservedBaseBytes, 97_248);
    // 2025-11-11: tt-mlir #5771's (2025-11-10) 101,664 = 1,499,136 − 65,536 − 1,331,936, until PR #31704's merge.
    assert.equal(observedBaseFor('wormhole_b0', day('2025-11-11'))?.l1UnreservedBaseBytes, 101_664);
    // tt-mlir #6754's day (2026-01-22) has the base of PR #35494's merge (2026-01-15): 1,528,960 − 1,425,408.
    assert.equal(observedBaseFor('wormhole_b0', day('2026-01-22'))?.l1UnreservedBaseBytes, 1_528_960 - 1_425_408);
    // After the newest sighting the newest base holds (Wormhole 105,664 since PR #49417, dated 2026-07-26).
    assert.equal(observedBaseFor('wormhole_b0', day('2026-11-30'))?.l1UnreservedBaseBytes, 105_664);
  });

  it("Wormhole 2025-06-27..11-11: each tt-metal merge that moved MEM_MAP_END, threads at their build's pin", () => {
    // MEM_MAP_END of wormhole dev_mem_map.h at each merge into nyoshifujiTT/tt-metal's main (committer dates, UTC),
    // base = align32(end + 69 KiB) (wh_hal_tensix.cpp): PR #24013 (06-27) 28,640; PR #24322 (07-06) 29,232; PR #24673
    // (07-18 16:36) 29,680; PR #25572 (07-23 23:10) 29,328; PR #25131 (07-25) 29,072; PR #26665 (08-13 15:50) 29,104;
    // PR #27139 (08-26) 29,040; PR #27547 (08-30) 29,104; PR #27790 (09-04 22:21) 29,136; PR #28078 (09-10 04:50)
    // 29,168; PR #27660 (09-12 22:14) 29,696; PR #28555 (09-17) 29,744; PR #28769 (09-26 16:50) 30,768; PR #28672
    // (10-04) 30,480; PR #23491 (10-17) 30,992 B.
    const base = (mapEnd: number) => Math.ceil((mapEnd + 69 * 1024) / 32) * 32;
    const wh = (d: string) => observedBaseFor('wormhole_b0', day(d))?.l1UnreservedBaseBytes;
    const steps: readonly (readonly [string, number])[] = [
      ['2025-06-27', 28_640],
      ['2025-07-06', 29_232],
      ['2025-07-19', 29_680],
      ['2025-07-24', 29_328],
      ['2025-07-25', 29_072],
      ['2025-08-14', 29_104],
      ['2025-08-26', 29_040],
      ['2025-08-30', 29_104],
      ['2025-09-05', 29_136],
      ['2025-09-11', 29_168],
      ['2025-09-13', 29_696],
      ['2025-09-17', 29_744],
      ['2025-09-27', 30_768],
      ['2025-10-04', 30_480],
      ['2025-10-17', 30_992],
    ];
    for (const [date, mapEnd] of steps) assert.equal(wh(date), base(mapEnd), date);
    // Sightings at their build: Conv2D777 (tt-forge-fe 7cd6058b0, tt-metal 8141206 of 07-18 03:59 UTC, before PR
    // #24673): 788,096 − 688,192 (threads-conv2d.test.ts).
    assert.equal(wh('2025-07-18'), 788_096 - 688_192);
    // tt-xla #1458 (2025-09-24): 1,499,136 − 32,768 − 1,366,560 = 99,808, main's base only from PR #27790 to PR #28078
    // (09-04 22:21 .. 09-10 04:50 UTC); of tt-xla's pinned builds only tt-metal 41fa92a (tt-mlir's pin of 09-16..09-19,
    // labelled 2025-09-10, not on main) can have it: asserted at that label's day. The pin of 09-24 itself, aa1920c
    // ("Uplift tt-metal to 449ce376 2025-09-15"; 449ce376 has 100,352 B), would print a 1,366,016 B bank.
    assert.equal(wh('2025-09-10'), 1_499_136 - 32_768 - 1_366_560);
    assert.equal(wh('2025-09-15'), 100_352);
    // tt-xla #1588 (2025-10-06) and #1722 (2025-10-17): tt-xla's tt-mlir pins of those days pin tt-metal ce7d0b2 (10-01)
    // and aba1b93 (10-02), both before PR #28672: 1,499,136 − 32,768 − 1,364,928 = 101,440. Main's own base on the
    // threads' days was 101,152 and 101,664: the threads ran older builds.
    assert.equal(wh('2025-10-01'), 1_499_136 - 32_768 - 1_364_928);
    assert.equal(wh('2025-10-02'), 101_440);
    assert.deepEqual([wh('2025-10-06'), wh('2025-10-17')], [101_152, 101_664]);
  });

  it("Wormhole 2025-02-27..03-11: main's dev_mem_map.h after PR #17307 and PR #18486; tt-forge-fe's AlexNet at 9b3d855", () => {
    // MEM_MAP_END of wormhole/dev_mem_map.h (nyoshifujiTT/tt-metal first-parent history): 28,816 until PR #17307 (NCRISC
    // firmware in L1, 2025-02-27 05:07 UTC), 31,376 to PR #18486 (6908e8a, 03-03 22:56 UTC, 17:56 −05:00: after 22:00, so
    // from 03-04), 31,440 to 2025-03-28.
    const base = (mapEnd: number) => Math.ceil((mapEnd + 69 * 1024) / 32) * 32;
    const wh = (d: string) => observedBaseFor('wormhole_b0', day(d))?.l1UnreservedBaseBytes;
    assert.deepEqual(
      ['2025-02-26', '2025-02-27', '2025-03-03', '2025-03-04', '2025-03-11'].map(wh),
      [28_816, 31_376, 31_376, 31_440, 31_440].map(base),
    );
    // tt-forge-fe test_alexnet.py / test_rcnn xfails of 754b717e0 (tt-metal 9b3d855, 02-27): 1,191,648 − 1,089,600.
    assert.equal(wh('2025-02-27'), 1_191_648 - 1_089_600);
  });

  it("Blackhole 2025-07..10: main's dev_mem_map.h at each merge; tt-xla #1066's repeat on tt-metal 6f9186c (08-19)", () => {
    // MEM_MAP_END of blackhole/dev_mem_map.h at each first-parent change (nyoshifujiTT/tt-metal), evaluated from the
    // header's defines: 30,416 (PR #25572, 07-23 23:10 UTC), 30,672 (PR #25131, 07-25), 30,736 (PR #26665, 08-13 15:50,
    // still 30,736 at 6f9186c), 30,672 (PR #27139, 08-26), 30,768 (PR #27790, 09-04 22:21), 31,296 (PR #27660,
    // 09-12 22:14), 31,344 (PR #28555, 09-17), 32,368 (PR #28769, 09-26 16:50), 32,080 (PR #28672, 10-04).
    const base = (mapEnd: number) => Math.ceil((mapEnd + 69 * 1024) / 64) * 64;
    const bh = (d: string) => observedBaseFor('blackhole', day(d))?.l1UnreservedBaseBytes;
    assert.equal(bh('2025-07-23'), undefined);
    assert.deepEqual(
      ['2025-07-24', '2025-07-25', '2025-08-13', '2025-08-14', '2025-08-26', '2025-09-05', '2025-09-13'].map(bh),
      [30_416, 30_672, 30_672, 30_736, 30_672, 30_768, 31_296].map(base),
    );
    assert.deepEqual(['2025-09-17', '2025-09-27', '2025-10-04'].map(bh), [31_344, 32_368, 32_080].map(base));
    // tt-xla #1066 (tt-metal 6f9186c, 2025-08-19): 2,101,768 − (1,000,192 + 1,000,136), the repeat's two CBs
    // (threads-datamove.test.ts), is 101,440 = base(30,736).
    assert.equal(bh('2025-08-19'), 2_101_768 - 1_000_192 - 1_000_136);
    // PR #28769's 103,040 B is also the bank tt-mlir #5343 printed (2025-10-14 entry), a build before PR #28672.
    assert.equal(base(32_368), 1_572_864 - 32_768 - 1_437_056);
  });

  it('a row that starts the day after a daytime merge names the build of the merge day before it, and that day keeps the older base', () => {
    // The rule (l1BaseHistory.ts): a merge starts its base on its own day unless it came after 22:00 UTC or a dated
    // build of that day precedes it. Each such row's derivation says which build ("from the next day: … has N B"), and
    // N is the base the table gives the merge day. Pins read in tt-mlir's third_party/CMakeLists.txt history, their
    // commit times in nyoshifujiTT/tt-metal: e.g. PR #26665 (08-13 15:50 UTC) after tt-mlir's pin 180c867 (08-13 04:23,
    // 99,744 B), PR #36013 (01-28 14:34) after pin b8fe1f04 (01-28 14:24, 103,552 B).
    const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    let checked = 0;
    for (const e of L1_BASE_HISTORY) {
      const m = /merged (\d{4}-\d\d-\d\d) (\d\d):\d\d UTC/.exec(e.derivation);
      if (m === null || Number(m[2]) >= 22 || firstSeenOf(e) !== next(m[1]!)) continue;
      checked++;
      assert.match(e.derivation, /from the next day/, `${e.arch} ${firstSeenOf(e)}: names no build of the merge day`);
      const named = /from the next day[^;]*?has ([\d,]+) B/.exec(e.derivation);
      if (named !== null) {
        const onMergeDay = observedBaseFor(e.arch, day(m[1]!))?.l1UnreservedBaseBytes;
        assert.equal(onMergeDay, Number(named[1]!.replace(/,/g, '')), `${e.arch} ${m[1]}`);
      }
    }
    // Wormhole: PRs #24673, #26665, #28078, #28769, #34336, #35327, #35494, #36013, #43570, #45505; Blackhole: #26665,
    // #28769, #35327, #35494, #36013.
    assert.equal(checked, 15);
  });

  it('before the first sighting nothing is known: the preset base stays', () => {
    assert.equal(observedBaseFor('wormhole_b0', day('2024-11-30')), undefined);
    // 2025-07: 07-01..07-23 come before Blackhole's first entry (tt-metal PR #25572's map, 2025-07-24).
    const bh = datedBase('blackhole', { earliest: '2025-07-01', latest: '2025-07-31' }, BH_PRESET);
    assert.deepEqual([bh.l1UnreservedBaseBytes, bh.fromTable], [BH_PRESET, false]);
    // 2026-01 is covered (103,040 to 01-06, 104,128 from #35410, then the merges up to PR #35963's 111,104 B, 01-30):
    // every build is below the preset's 111,616 B, which moves to the highest of them.
    const jan = datedBase('blackhole', { earliest: '2026-01-01', latest: '2026-01-31' }, BH_PRESET);
    assert.deepEqual([jan.l1UnreservedBaseBytes, jan.fromTable], [111_104, true]);
    // Straddling the first sighting (2024-11-20..2024-12-10: unknown, then 98,848): still the preset.
    const wh = datedBase('wormhole_b0', { earliest: '2024-11-20', latest: '2024-12-10' }, WH_PRESET);
    assert.deepEqual([wh.l1UnreservedBaseBytes, wh.fromTable], [WH_PRESET, false]);
  });

  it('a window straddling entries keeps the preset base when it lies between their bases, else the nearest of them', () => {
    // 2025-12..2026-01, Wormhole dev_mem_map.h's MEM_MAP_END at each merge into tt-metal main (nyoshifujiTT/tt-metal,
    // committer dates), base align32(end + 69 KiB): 31,536 B (PR #30176, 11-18) 102,208; 31,984 B (PR #32395, 12-04)
    // 102,656, printed by #34306 (12-12: 2,150,656 − 2,048,000); 32,016 B (PR #34336, 12-16 18:59, dated the day after:
    // tt-xla #2710's pin d711cca of 12-16 15:18 has 102,656) 102,688, printed by #34811 (12-19: 1,528,096 − 1,425,408); 31,984 B again (PR #34868, 12-22); 32,128 B (PR #35327, 01-13) 102,784; 32,896 B
    // (PR #35494, 01-15) 103,552; 32,928 B (PR #36013, 01-28) 103,584; 33,056 B (PR #35963, 01-29 22:17) 103,712
    // (the last four dated the day after, l1BaseHistory.ts): the preset's lies between.
    assert.deepEqual(
      baseSpans('wormhole_b0', { earliest: '2025-12-01', latest: '2026-01-31' }).map((s) => [
        s.from,
        s.to,
        s.entry?.l1UnreservedBaseBytes,
      ]),
      [
        ['2025-12-01', '2025-12-03', 102_208],
        ['2025-12-04', '2025-12-16', 2_150_656 - 2_048_000],
        ['2025-12-17', '2025-12-21', 1_528_096 - 1_425_408],
        ['2025-12-22', '2026-01-13', 102_656],
        ['2026-01-14', '2026-01-15', 102_784],
        ['2026-01-16', '2026-01-28', 103_552],
        ['2026-01-29', '2026-01-29', 103_584],
        ['2026-01-30', '2026-01-31', 103_712],
      ],
    );
    const jan = datedBase('wormhole_b0', { earliest: '2025-12-01', latest: '2026-01-31' }, WH_PRESET);
    assert.deepEqual([jan.l1UnreservedBaseBytes, jan.fromTable], [WH_PRESET, false]);
    assert.match(jan.why, /102,208\.\.103,712 B/);
    // 2026-07: 104,224 (tt-metal #47735, 2026-06-22) then 105,664 (tt-metal PR #49417's map, from 2026-07-26): every
    // build is at least 104,224, above the preset's 102,656.
    const jul = datedBase('wormhole_b0', { earliest: '2026-07-01', latest: '2026-07-31' }, WH_PRESET);
    assert.deepEqual([jul.l1UnreservedBaseBytes, jul.fromTable], [104_224, true]);
    // Blackhole 2026-05..2026-08-10: 111,104, 111,360 (PR #46526, 2026-06-12), then 111,488 (PR #49417): all
    // below the preset's 111,616, which moves to the highest of them.
    const bh = datedBase('blackhole', { earliest: '2026-05-01', latest: '2026-08-10' }, BH_PRESET);
    assert.deepEqual([bh.l1UnreservedBaseBytes, bh.fromTable], [111_488, true]);
    // The default window (every modeled build, 2025-01..2026-11) spans 99,104..105,664 B: the preset's stays.
    const all = datedBase('wormhole_b0', { earliest: '2025-01-01', latest: '2026-11-30' }, WH_PRESET);
    assert.deepEqual([all.l1UnreservedBaseBytes, all.fromTable], [WH_PRESET, false]);
  });
});

describe('ttnn/device: the dated base', () => {
  const whDesc = MOCK_WORMHOLE_DESC;
  const dec2024 = { earliest: '2024-12-12', latest: '2024-12-31' };

  it('no system desc: the window picks the base and says where it came from', () => {
    const d = resolveDevice(undefined, { buildFacts: buildDeviceFacts(dec2024) });
    assert.deepEqual([d.l1UnreservedBase, d.baseSource, d.source], [99_104, 'build_date', 'preset']);
    assert.match(
      d.sourceDetail,
      /base 99,104 B: tt-metal builds of 2024-12 \(tt-metal #15950, tt-metal #16348, tt-metal #16288\)/,
    );
  });

  it("a mock desc's base and a chosen preset take the dated base too", () => {
    const mock = resolveDevice(whDesc, { buildFacts: buildDeviceFacts(dec2024) });
    assert.deepEqual([mock.l1UnreservedBase, mock.baseSource], [99_104, 'build_date']);
    assert.match(mock.warnings[0]!, /mock default .*using base 99,104 B: tt-metal builds of 2024-12/);
    const bh = resolveDevice(undefined, { preset: 'blackhole_p150', buildFacts: buildDeviceFacts(day('2026-07-23')) });
    assert.deepEqual([bh.l1UnreservedBase, bh.baseSource], [111_360, 'build_date']);
  });

  it('a real system desc, a setting and no window win over the table', () => {
    const real = resolveDevice({ ...whDesc, l1UnreservedBase: 103_712 }, { buildFacts: buildDeviceFacts(dec2024) });
    assert.deepEqual([real.l1UnreservedBase, real.baseSource], [103_712, 'system_desc']);
    const set = resolveDevice(undefined, { buildFacts: buildDeviceFacts(dec2024), l1UnreservedBase: 100_000 });
    assert.deepEqual([set.l1UnreservedBase, set.baseSource], [100_000, 'override']);
    assert.deepEqual(
      [resolveDevice(undefined).l1UnreservedBase, resolveDevice(undefined).baseSource],
      [WH_PRESET, 'preset'],
    );
  });

  it('the analysis passes its build window (--tt-metal-date / ttnnL1.ttMetalDate) to the device', () => {
    const text = `func.func @f() {\n  return\n}\n`;
    const dated = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2025-03' }).analysis.device;
    // 2025-03 holds 102,048 (to the 2nd) and 102,112 (from PR #18486, the 3rd): the preset's 102,656 is above both.
    assert.deepEqual([dated.l1UnreservedBase, dated.baseSource], [102_112, 'build_date']);
    const day0 = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, ttMetalDate: '2026-04-15' }).analysis.device;
    assert.deepEqual([day0.l1UnreservedBase, day0.baseSource], [103_712, 'build_date']);
    const undated = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS).analysis.device;
    assert.deepEqual([undated.l1UnreservedBase, undated.baseSource], [WH_PRESET, 'preset']);
  });
});

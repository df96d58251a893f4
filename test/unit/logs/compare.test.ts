import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareFailure,
  compareReached,
  formatBytes,
  observeOps,
  type EstimateForComparison,
} from '../../../server/src/logs/compare';
import { correlate } from '../../../server/src/logs/correlate';
import { parseLog, type LogFailure } from '../../../server/src/logs/parseLog';
import { parse } from '../../../server/src/mlir/parser';

const failureOf = (name: string): LogFailure => {
  const failure = parseLog(readFileSync(join(__dirname, '../../fixtures/logs', name), 'utf8')).failure;
  assert.ok(failure !== undefined, name);
  return failure;
};

// The seed's untilize on its cliff core (7,6), reference ttmetal-l1-model.md §3.4:
// 2 CBs x 2,414 tiles x 2,048 B = 9,887,744 B of CBs; + base 102,656 = 9,990,400 B.
const seedEstimate: EstimateForComparison = {
  cbRegionEndBytes: 9_990_400,
  cbBytesPerCore: 9_887_744,
  worstCore: [7, 6],
  l1UnreservedBase: 102_656,
  overflows: true,
  l1SizeBytes: 1_499_136,
};

// tt-metal #38364, same reference §3.4: cliff_row = 466 tiles x (4,096 B f32 in + 2,048 B bf16 out) = 2,863,104 B.
// With our base 102,656 the region ends at 2,965,760 B; tt-metal printed 2,966,816 B, i.e. a base of 103,712 B.
const tilizeEstimate: EstimateForComparison = {
  cbRegionEndBytes: 2_965_760,
  cbBytesPerCore: 2_863_104,
  worstCore: [7, 6],
  l1UnreservedBase: 102_656,
  overflows: true,
};

describe('compareFailure', () => {
  it('says "exact" for the seed failure', () => {
    const c = compareFailure(failureOf('seed_mochi.log'), seedEstimate);
    assert.equal(c.kind, 'compared');
    if (c.kind !== 'compared') return;
    assert.equal(c.text, 'tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact');
    assert.equal(c.deltaBytes, 0);
    assert.equal(c.coreAgreement, 'same');
    assert.equal(c.suggestedL1UnreservedBase, undefined);
    assert.equal(c.missedOverflow, false);
    assert.deepEqual(c.notes, []);
  });

  it("suggests the l1_unreserved_base that tt-metal issue #38364's number implies", () => {
    const c = compareFailure(failureOf('tilize_38364.log'), tilizeEstimate);
    assert.equal(c.kind, 'compared');
    if (c.kind !== 'compared') return;
    assert.equal(c.deltaBytes, 1_056);
    assert.equal(c.suggestedL1UnreservedBase, 103_712);
    // 1,056 / 2,966,816 = 0.0356 %.
    assert.equal(
      c.text,
      'tt-metal: 2,966,816 B at (7,6); estimate: 2,965,760 B — 1,056 B under (0.04 %); use l1_unreserved_base = 103712 from this log',
    );
  });

  it('does not blame the base for a gap larger than any base varies, or for another core', () => {
    const farOff = compareFailure(failureOf('tilize_38364.log'), {
      ...tilizeEstimate,
      cbRegionEndBytes: 2_000_000,
      cbBytesPerCore: 1_897_344,
    });
    assert.equal(farOff.kind === 'compared' && farOff.suggestedL1UnreservedBase, undefined);
    // Implied base 2,966,816 − 1,897,344 = 1,069,472 B: no plausible base. 966,816 / 2,966,816 = 32.59 %.
    assert.equal(
      farOff.kind === 'compared' && farOff.text,
      'tt-metal: 2,966,816 B at (7,6); estimate: 2,000,000 B — 966,816 B under (32.6 %)',
    );

    const otherCore = compareFailure(failureOf('tilize_38364.log'), { ...tilizeEstimate, worstCore: [0, 0] });
    assert.equal(otherCore.kind, 'compared');
    if (otherCore.kind !== 'compared') return;
    assert.equal(otherCore.coreAgreement, 'different');
    assert.equal(otherCore.suggestedL1UnreservedBase, undefined);
    assert.deepEqual(otherCore.notes, ['tt-metal reports core range [(x=7,y=6) - (x=7,y=6)], the estimate core (0,0)']);
  });

  it('marks an overflow the estimate missed, and a device with another L1 size', () => {
    const c = compareFailure(failureOf('pad_dataflow_56133.log'), {
      cbRegionEndBytes: 1_957_760,
      cbBytesPerCore: 1_846_400,
      worstCore: [0, 0],
      l1UnreservedBase: 111_360,
      overflows: false,
      l1SizeBytes: 1_499_136,
    });
    assert.equal(c.kind, 'compared');
    if (c.kind !== 'compared') return;
    assert.equal(c.missedOverflow, true);
    assert.equal(c.text, 'tt-metal: 1,957,760 B at (0,0); estimate: 1,957,760 B — exact');
    assert.deepEqual(c.notes, [
      'tt-metal overflowed L1 here but the estimate says the op fits: our model is wrong for this op',
      "tt-metal's max L1 size is 1,572,864 B, the device setting 1,499,136 B: wrong device?",
    ]);
  });

  it('compares a clash by the CB region end, with the estimate core inside the reported range', () => {
    const c = compareFailure(failureOf('clash_7899.log'), {
      cbRegionEndBytes: 890_144,
      cbBytesPerCore: 787_488,
      worstCore: [2, 5],
      l1UnreservedBase: 102_656,
      overflows: true,
    });
    assert.equal(c.kind, 'compared');
    if (c.kind !== 'compared') return;
    assert.equal(c.coreAgreement, 'inRange');
    assert.equal(c.text, 'tt-metal: 890,144 B at (0,0)-(3,7); estimate: 890,144 B — exact');
  });

  it('does not compare allocator out-of-memory or unmodeled ops', () => {
    const oom = compareFailure(failureOf('oom_5771.log'), seedEstimate);
    assert.equal(oom.kind, 'notComparable');
    assert.equal(
      oom.text,
      // 304,864 B free for a 780,800 B share (the log's statistics): out of space, not fragmentation.
      'tt-metal: 780,800 B per bank (bank size 1,331,936 B); not comparable: the allocator ran out of space for buffers; the estimate models circular buffers',
    );
    const unmodeled = compareFailure(failureOf('seed_mochi.log'), undefined);
    assert.equal(unmodeled.text, 'tt-metal: 9,990,400 B at (7,6); estimate: none (op not modeled)');
  });
});

describe('compareFailure: a fragmented bank', () => {
  it("tt-xla #5440 (2026-06-30, Blackhole QB2 reshard): names the fragmentation with the thread's figures", () => {
    // The thread's statistics: 938,048 B free ≥ the 487,424 B share, largest free block 480,448 B < the share; the
    // allocated and free bytes add up to the printed bank size, 457,920 + 938,048 = 1,395,968 B.
    const f = failureOf('oom_fragmented_5440.log');
    assert.equal(457_920 + 938_048, f.outOfMemory?.bankSizeBytes);
    const c = compareFailure(f, seedEstimate);
    assert.equal(c.kind, 'notComparable');
    assert.equal(
      c.text,
      "tt-metal: 487,424 B per bank (bank size 1,395,968 B); not comparable: the bank's free space is fragmented: " +
        '938,048 B free would hold the 487,424 B per bank, but the largest free block is 480,448 B (457,920 B allocated); ' +
        'the estimate packs L1 tensors and does not model the free-block layout',
    );
  });
});

describe('compareReached', () => {
  it('calls an op we flag that ran fine a contradiction', () => {
    assert.deepEqual(compareReached('%6 (ttnn.to_layout)', { ...seedEstimate, overflows: false }), {
      kind: 'consistent',
    });
    assert.deepEqual(compareReached('%6 (ttnn.to_layout)', undefined), { kind: 'consistent' });
    assert.deepEqual(compareReached('%6 (ttnn.to_layout)', seedEstimate), {
      kind: 'contradiction',
      text: '%6 (ttnn.to_layout) ran fine in this log, but the estimate flags it (CB region ends at 9,990,400 B): our model is wrong here',
    });
  });
});

describe('formatBytes', () => {
  it('groups thousands independently of the locale', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1_499_136), '1,499,136 B');
    assert.equal(formatBytes(-1_056), '-1,056 B');
  });
});

describe('observeOps', () => {
  it("lists the seed log's completed ops and the op that threw, each next to its estimate", () => {
    const mochi = parse(readFileSync(join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8'));
    const correlation = correlate(
      parseLog(readFileSync(join(__dirname, '../../fixtures/logs/seed_mochi.log'), 'utf8')),
      mochi,
    );
    // Pretend we (wrongly) flag %7 and model %9 exactly; %6 and %8 are unmodeled here.
    const observed = observeOps(correlation, (op) =>
      op.resultName === '%9'
        ? seedEstimate
        : op.resultName === '%7'
          ? { ...seedEstimate, cbRegionEndBytes: 1_600_000 }
          : undefined,
    );
    assert.deepEqual(
      observed.map((o) => [o.kind, o.op.resultName, o.comparison.kind]),
      [
        ['completed', '%6', 'consistent'],
        ['completed', '%7', 'contradiction'],
        ['completed', '%8', 'consistent'],
        ['threw', '%9', 'compared'],
      ],
    );
    const contradiction = observed[1]!.comparison;
    assert.equal(
      contradiction.kind === 'contradiction' && contradiction.text,
      '%7 (ttnn.permute) ran fine in this log, but the estimate flags it (CB region ends at 1,600,000 B): our model is wrong here',
    );
    assert.deepEqual(
      observeOps(correlate(parseLog('nothing'), mochi), () => seedEstimate),
      [],
    );
  });
});

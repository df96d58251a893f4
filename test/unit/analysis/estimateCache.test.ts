/**
 * Estimate caching: a repeated op pattern is estimated once, keyed by exactly what its registry entry reads; estimates
 * carried across analyses are dropped when the device, build window or cap changes.
 */

import { strict as assert } from 'assert';
import { estimateCache, newEstimateReuse, propKey } from '../../../server/src/analysis/estimateCache';
import { FULL_WINDOW } from '../../../server/src/estimate/changePoints';
import { estimateOp, estimatorReads } from '../../../server/src/estimate/registry';
import { presetDevice } from '../../../server/src/ttnn/device';
import { serverCodeLines } from '../../support/sourceLines';
import type { TensorLayout } from '../../../server/src/ttnn/layout';
import type { PropValue, TensorSpec } from '../../../server/src/ttnn/op';
import { DEVICE_VALUE, dialect, int, ints, op, tensor } from '../estimate/build';

const DEVICE = presetDevice('wormhole_b0_n150');
const WINDOW = { earliest: '2025-11-27', latest: '2025-11-27' };
const IN = tensor([64, 64]);
const OUT = tensor([64]);

describe('analysis/estimateCache', () => {
  it('an op whose estimator reads no properties shares one estimate across property values; one that does, does not', () => {
    assert.deepEqual(estimatorReads('ttnn.relu'), { properties: false, liveL1: false });
    assert.equal(estimatorReads('ttnn.sum').properties, true);
    const cache = estimateCache(DEVICE, WINDOW, 1, undefined);
    const a = cache.estimate(op('ttnn.relu', [IN], [IN], { x: int(1) }), 0);
    assert.equal(cache.estimate(op('ttnn.relu', [IN], [IN], { x: int(2) }), 0), a);
    const dim0 = cache.estimate(
      op('ttnn.sum', [IN], [OUT], { dim_arg: ints(0), keep_dim: { kind: 'bool', value: false } }),
      0,
    );
    const dim1 = cache.estimate(
      op('ttnn.sum', [IN], [OUT], { dim_arg: ints(1), keep_dim: { kind: 'bool', value: false } }),
      0,
    );
    assert.notEqual(dim1, dim0);
    assert.equal(
      cache.estimate(op('ttnn.sum', [IN], [OUT], { dim_arg: ints(1), keep_dim: { kind: 'bool', value: false } }), 0),
      dim1,
    );
  });

  it('live L1 is part of the key only for estimators that read it', () => {
    assert.equal(estimatorReads('ttnn.relu').liveL1, false);
    assert.equal(estimatorReads('ttnn.to_layout').liveL1, true);
    const cache = estimateCache(DEVICE, WINDOW, 1, undefined);
    const relu = op('ttnn.relu', [IN], [IN]);
    assert.equal(cache.estimate(relu, 1_000), cache.estimate(relu, 2_000));
    const toLayout = op('ttnn.to_layout', [tensor([64, 64], { page: 'row_major' })], [IN]);
    assert.notEqual(cache.estimate(toLayout, 1_000), cache.estimate(toLayout, 2_000));
    assert.equal(cache.estimate(toLayout, 1_000), cache.estimate(toLayout, 1_000));
  });

  it('an estimator that reads free L1 notes it, through every sub-window run of a window that straddles change points', () => {
    const rowMajor = tensor([64, 64], { page: 'row_major' });
    const tilize = op('ttnn.to_layout', [rowMajor], [IN]);
    const unchanged = op('ttnn.to_layout', [IN], [IN]);
    for (const window of [WINDOW, FULL_WINDOW]) {
      const reading = { read: false };
      const ctx = { device: DEVICE, ttMetal: { window }, liveL1BytesPerCore: 1_000 };
      assert.equal(estimateOp(tilize, { ...ctx, liveL1Read: reading }).kind, 'estimate');
      assert.equal(reading.read, true, `tilize in ${window.earliest}..${window.latest}`);
      const notReading = { read: false };
      assert.equal(estimateOp(unchanged, { ...ctx, liveL1Read: notReading }).kind, 'noProgram');
      assert.equal(notReading.read, false, `unchanged layout in ${window.earliest}..${window.latest}`);
    }
  });

  it('estimators read free L1 only through liveL1Of (which notes the read)', () => {
    const sources = serverCodeLines('estimate');
    assert.ok(sources.length > 40, `${sources.length} estimator sources`);
    const readers: string[] = [];
    for (const { file, lines } of sources) {
      for (const line of lines) if (/\.liveL1BytesPerCore\b/.test(line)) readers.push(`${file}: ${line.trim()}`);
    }
    assert.deepEqual(readers, [
      'common.ts: return ctx.liveL1BytesPerCore ?? 0;',
      // The registry hands the figure on to each run's context (contextFor), reading nothing of it.
      'registry.ts: return { device: ctx.device, ttMetal, liveL1BytesPerCore: ctx.liveL1BytesPerCore, liveL1Read: ctx.liveL1Read };',
      // The step memo hands the figure on to the step's run and keys by it only an entry whose run read it (noted then).
      'stepMemo.ts: const live = ctx.liveL1BytesPerCore ?? 0;',
    ]);
  });

  it("estimators (and the ttnn/ helpers they call) never read a tensor's layoutAlias: the memo keys specs without it", () => {
    const readers: string[] = [];
    let files = 0;
    for (const dir of ['estimate', 'ttnn']) {
      for (const { file, lines } of serverCodeLines(dir)) {
        files++;
        // `layoutAlias: ...` is a key written into a spec (or declared): no read.
        for (const line of lines) if (/layoutAlias(?!:)/.test(line)) readers.push(`${dir}/${file}: ${line.trim()}`);
      }
    }
    assert.ok(files > 60, `${files} sources`);
    assert.deepEqual(readers, []);
  });

  it('ops differing only in a layout alias share an estimate; one differing in any other spec field does not', () => {
    // A sharded L1 to_layout (tilize) reads free L1, every layout field and the shape: each field below changed alone
    // must make a fresh estimate (an under-specified key would hand it the first op's).
    const input = tensor([256, 256], { page: 'row_major', buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const output = tensor([256, 256], { buffer: 'l1', mem: 'height_sharded', grid: [2, 1] });
    const layout = input.layout as TensorLayout;
    const variants: [string, TensorSpec][] = [
      ['shape', { ...input, shape: { kind: 'known', dims: [128, 256] } }],
      ['element dtype', { ...input, elementDtype: 'f32' }],
      ['page layout', { ...input, layout: { ...layout, pageLayout: 'tile' } }],
      ['dtype', { ...input, layout: { ...layout, dtype: 'f32' } }],
      ['buffer type', { ...input, layout: { ...layout, bufferType: 'dram' } }],
      ['memory layout', { ...input, layout: { ...layout, memoryLayout: 'block_sharded' } }],
      ['grid', { ...input, layout: { ...layout, gridShape: [1, 2] } }],
      [
        'core ranges',
        { ...input, layout: { ...layout, coreRanges: [{ start: { x: 0, y: 0 }, end: { x: 0, y: 1 } }] } },
      ],
      ['shard shape', { ...input, layout: { ...layout, shardShape: [64, 256] } }],
      ['syntax era', { ...input, layout: { ...layout, syntax: 'tt_layout' } }],
    ];
    for (const live of [0, 700_000]) {
      const cache = estimateCache(DEVICE, WINDOW, 1, undefined);
      const first = cache.estimate(op('ttnn.to_layout', [input], [output]), live);
      const renamed = op(
        'ttnn.to_layout',
        [{ ...input, layoutAlias: '#ttnn_layout7' }],
        [{ ...output, layoutAlias: '#ttnn_layout9' }],
      );
      assert.equal(cache.estimate(renamed, live), first);
      assert.equal(cache.freshEstimates(), 1);
      for (const [i, [field, spec]] of variants.entries()) {
        const o = op('ttnn.to_layout', [spec], [output]);
        assert.deepStrictEqual(
          cache.estimate(o, live),
          estimateOp(o, { device: DEVICE, ttMetal: { window: WINDOW }, liveL1BytesPerCore: live }),
          field,
        );
        assert.equal(cache.freshEstimates(), 2 + i, `${field} changed: a fresh estimate`);
      }
    }
  });

  it("the conv family reads of its weights operand only its kind, layout dtype, buffer and a [1, 1, C_in, C_out] shape's page and memory layout (and an L1 layout's grid)", () => {
    // The memo keys the weights by convWeightsRead (registry.ts `partlyRead`), so every read must be one of these
    // lines: readConvProblem's (kind, dtype) and weightsPreparedOnDevice's (buffer); the registry's shard-grid check
    // reads every operand's L1 layout, which convWeightsRead keeps whole.
    const lines = serverCodeLines('estimate/ops').find((f) => f.file === 'conv2d.ts')!.lines;
    // Every read of an op's operands (`{ ...op, operands }` in the auto-sharded matmul conv's linear replaces them).
    const operandReads = lines.filter((l) => /\.operands\b/.test(l)).map((l) => l.trim());
    assert.deepEqual(operandReads, [
      "const input = resolveTensor(op.operands[0], 'input');",
      'const weight = op.operands[CONV_WEIGHTS_OPERAND];',
      'const third = op.operands[2];',
      // autoShardedMmNotRead's: the [1, 1, C_in, C_out] shape and page / memory layout (convWeightsRead's asPrepared).
      'if (!isDramTileTensor(op.operands[1], [1, 1, p.inChannels, p.outChannels], p.weightsDtype))',
      'if (p.hasBias && !isDramTileTensor(op.operands[2], [1, 1, 1, p.outChannels], p.weightsDtype))',
      'const weights = op.operands[CONV_WEIGHTS_OPERAND];',
      'const flat = specWith(op.operands[0] as TensorSpec, { dims: [1, 1, p.batch * p.inputH * p.inputW, p.inChannels] });',
      'const input = op.operands[0];',
      // estimatePrepareConv2d: another op (its operand 0), not in the conv family.
      'const weights = op.operands[0];',
    ]);
    const weightReads = lines.filter((l) => /\bweights?\??\.\w/.test(l)).map((l) => l.trim());
    assert.deepEqual(weightReads, [
      "if (weight === undefined || weight.kind !== 'tensor') return 'weight operand missing';",
      "const weightDtype = weight.layout.kind === 'layout' ? weight.layout.dtype : undefined;",
      "if (p.transposed || weights?.kind !== 'tensor' || weights.layout.kind !== 'layout') return undefined;",
      "if (weights.layout.bufferType !== 'system_memory') return undefined;",
      // estimatePrepareConv2d's (its operand 0).
      "if (weights === undefined || weights.kind !== 'tensor' || weights.layout.kind !== 'layout')",
      "if (weights.layout.bufferType === 'system_memory') {",
    ]);
    for (const name of ['ttnn.conv2d', 'ttnn.conv_transpose2d', 'ttnn.conv1d'])
      assert.equal(estimatorReads(name).partlyRead?.operandIndex, 1, name);
  });

  it('convs differing only in what is not read of DRAM or host weights share an estimate; dtype or buffer, not', () => {
    // A 3x3 stride-2 depthwise conv (convSteps.test.ts's, its input L1 interleaved) on weights written several ways.
    const input = tensor([1, 1, 12544, 64], { buffer: 'l1' });
    const result = tensor([1, 1, 3136, 64]);
    // OIHW weights: a [1, 1, C_in, C_out] shape is read (a 1x1 matmul conv takes such DRAM tiles as they are).
    const weights = tensor([64, 1, 3, 3]);
    const wLayout = weights.layout as TensorLayout;
    const properties = {
      batch_size: int(1),
      conv2d_config: dialect('ttnn.conv2d_config', { shard_layout: 'height_sharded', config_tensors_in_dram: 'true' }),
      dilation: ints(1, 1),
      groups: int(64),
      in_channels: int(64),
      input_height: int(112),
      input_width: int(112),
      kernel_size: ints(3, 3),
      out_channels: int(64),
      padding: ints(1, 1, 1, 1),
      stride: ints(2, 2),
    };
    const conv = (w: TensorSpec) => op('ttnn.conv2d', [input, w, DEVICE_VALUE], [result], properties);
    const unread: [string, TensorSpec][] = [
      ['shape', tensor([576, 64])],
      ['element dtype', { ...weights, elementDtype: 'f32' }],
      ['page layout', tensor([64, 1, 3, 3], { page: 'row_major' })],
      ['shard shape and grid', { ...weights, layout: { ...wLayout, gridShape: [2, 2], shardShape: [9, 1] } }],
    ];
    const read: [string, TensorSpec][] = [
      ['dtype', { ...weights, layout: { ...wLayout, dtype: 'f32' } }],
      ['the prepared shape [1, 1, C_in, C_out]', tensor([1, 1, 64, 64])],
      ['host buffer', tensor([64, 1, 3, 3], { buffer: 'system_memory', page: 'row_major' })],
      ['L1 buffer', tensor([1, 1, 576, 64], { buffer: 'l1' })],
      ['L1 buffer, another shape', tensor([1, 1, 608, 64], { buffer: 'l1' })],
    ];
    const ctx = { device: DEVICE, ttMetal: { window: WINDOW }, liveL1BytesPerCore: 0 };
    const cache = estimateCache(DEVICE, WINDOW, 1, undefined);
    const first = cache.estimate(conv(weights), 0);
    assert.equal(first.kind, 'estimate');
    for (const [field, w] of unread) {
      assert.equal(cache.estimate(conv(w), 0), first, field);
      // The estimate made afresh for this op is the same value.
      assert.deepStrictEqual(estimateOp(conv(w), ctx), first, field);
    }
    assert.equal(cache.freshEstimates(), 1);
    for (const [i, [field, w]] of read.entries()) {
      assert.deepStrictEqual(cache.estimate(conv(w), 0), estimateOp(conv(w), ctx), field);
      assert.equal(cache.freshEstimates(), 2 + i, `${field}: a fresh estimate`);
    }
  });

  it('a result made without reading free L1 is made once for every free-L1 figure; one made reading it, per figure', () => {
    const lives = [0, 1_000, 700_000, 1_450_000];
    for (const window of [WINDOW, FULL_WINDOW]) {
      const cache = estimateCache(DEVICE, window, 1, undefined);
      // Same layout: no program, whatever the free L1.
      const unchanged = op('ttnn.to_layout', [IN], [IN]);
      // Tilize: the factory's block sizes follow the free L1 (get_max_l1_space).
      const tilize = op('ttnn.to_layout', [tensor([64, 64], { page: 'row_major' })], [IN]);
      for (const live of lives) {
        for (const o of [unchanged, tilize]) {
          const fresh = estimateOp(o, { device: DEVICE, ttMetal: { window }, liveL1BytesPerCore: live });
          assert.deepStrictEqual(cache.estimate(o, live), fresh, `${o.name} at ${live} B`);
        }
      }
      assert.equal(cache.freshEstimates(), 1 + lives.length, `${window.earliest}..${window.latest}`);
    }
  });

  it('a program on one core group reads no free L1 (its group is the one reported either way); one on two, does', () => {
    // to_memory_config DRAM interleaved → L1 height sharded over 64 cores: interleaved_to_sharded, CBs on the shard
    // cores alone. 65 tiles into L1 interleaved: the copy program over split_work_to_cores(64 cores, 65 tiles), a group
    // of 1 core with 2 tiles and one of 63 with 1, where the free L1 picks the first group past it. (The analysis's
    // memo then keeps an estimate of the first kind once for every free-L1 figure, as the test above shows.)
    const sharded = op(
      'ttnn.to_memory_config',
      [tensor([64 * 32, 32])],
      [tensor([64 * 32, 32], { buffer: 'l1', mem: 'height_sharded', grid: [64, 1] })],
    );
    const split = op('ttnn.to_memory_config', [tensor([65 * 32, 32])], [tensor([65 * 32, 32], { buffer: 'l1' })]);
    for (const [o, groups] of [
      [sharded, 1],
      [split, 2],
    ] as const) {
      const made = [0, 1_000, 1_450_000].map((live) => {
        const reading = { read: false };
        const e = estimateOp(o, {
          device: DEVICE,
          ttMetal: { window: WINDOW },
          liveL1BytesPerCore: live,
          liveL1Read: reading,
        });
        assert.ok(e.kind === 'estimate' && e.coreGroups.length === groups, JSON.stringify(e).slice(0, 200));
        assert.equal(reading.read, groups > 1, `${groups} groups at ${live} B`);
        return e;
      });
      if (groups === 1) for (const e of made) assert.deepStrictEqual(e, made[0]);
    }
  });

  it("an op's earlier record gives its estimate under the same settings, and only for that op object and free L1", () => {
    const reuse = newEstimateReuse();
    const relu = op('ttnn.relu', [IN], [IN]);
    const first = estimateCache(DEVICE, WINDOW, 1, reuse);
    assert.equal(first.sameSettings, false, 'a fresh reuse was filled for no settings');
    const estimate = first.estimate(relu, 0);
    // A record holding a marker object: whatever the estimate returns is taken from the record, never recomputed.
    const marker = { ...estimate };
    const record = { op: relu, liveL1TensorBytesPerCore: 0, estimate: marker };
    // The first analysis under these settings has no earlier record of them.
    assert.equal(first.estimate(relu, 0, record), estimate);
    const second = estimateCache(DEVICE, WINDOW, 1, reuse);
    assert.equal(second.sameSettings, true);
    assert.equal(second.estimate(relu, 0, record), marker);
    // relu reads no free L1 (its entry declares none): another live figure keeps the record's estimate.
    assert.equal(second.estimate(relu, 4096, record), marker);
    // Another op object with the same properties object and another operand spec: not the record's op.
    const other = { ...relu, operands: [tensor([64, 64])] };
    assert.notEqual(second.estimate(other, 0, record), marker);
    assert.notEqual(second.estimate(other, 0, record), estimate);
    const otherCap = estimateCache(DEVICE, WINDOW, 0.5, reuse);
    assert.equal(otherCap.sameSettings, false);
    assert.notEqual(otherCap.estimate(relu, 0, record), marker);
    assert.equal(
      estimateCache(DEVICE, { earliest: '2026-01-01', latest: '2026-01-01' }, 0.5, reuse).sameSettings,
      false,
    );
  });

  it('an earlier record of an op whose estimator reads free L1 holds only at the same free L1', () => {
    const reuse = newEstimateReuse();
    estimateCache(DEVICE, WINDOW, 1, reuse);
    const cache = estimateCache(DEVICE, WINDOW, 1, reuse);
    assert.equal(cache.sameSettings, true);
    const a = tensor([1024, 1024]);
    const matmul = op('ttnn.matmul', [a, a], [a]);
    const made = cache.estimate(matmul, 65536);
    const marker = { ...made };
    const record = { op: matmul, liveL1TensorBytesPerCore: 65536, estimate: marker };
    assert.equal(cache.estimate(matmul, 65536, record), marker);
    assert.notEqual(cache.estimate(matmul, 131072, record), marker);
  });

  it('property keys tell apart values of different kinds and nestings', () => {
    const values: PropValue[] = [
      int(1),
      int(2),
      ints(1, 2),
      ints(12),
      ints(1),
      { kind: 'float', value: 1 },
      { kind: 'float', value: 0.5 },
      { kind: 'bool', value: true },
      { kind: 'string', value: 'true' },
      { kind: 'string', value: '1' },
      { kind: 'other', text: '1' },
      { kind: 'array', elements: [int(1), ints(2, 3)] },
      { kind: 'array', elements: [ints(1, 2), int(3)] },
      { kind: 'dict', entries: { a: int(1) } },
      { kind: 'dict', entries: { b: int(1) } },
    ];
    const keys = values.map((v) => propKey(v));
    assert.equal(new Set(keys).size, keys.length, keys.join(' | '));
    // Past the nesting the key spells out, two different values never share a key (nor do two equal ones).
    const nested = (leaf: number): PropValue => {
      let v: PropValue = int(leaf);
      for (let i = 0; i < 12; i++) v = { kind: 'array', elements: [v] };
      return v;
    };
    assert.notEqual(propKey(nested(1)), propKey(nested(2)));
    assert.equal(propKey(int(7)), propKey(int(7)));
  });
});

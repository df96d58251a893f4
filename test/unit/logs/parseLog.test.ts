import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLog, parseOpText } from '../../../server/src/logs/parseLog';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/logs', name), 'utf8');

describe('parseLog', () => {
  it("reads the seed's excerpt: four ops (one wrapped over three lines) and the wrapped TT_THROW", () => {
    const log = parseLog(fixture('seed_mochi.log'));
    assert.deepEqual(
      log.ops.map((op) => [op.resultNames, op.opName, op.operandNames, op.line]),
      [
        [['%6'], 'ttnn.to_layout', ['%arg2'], 1],
        [['%7'], 'ttnn.permute', ['%6'], 4],
        [['%8'], 'ttnn.reshape', ['%7'], 7],
        [['%9'], 'ttnn.to_layout', ['%8'], 10],
      ],
    );
    const last = log.ops[3]!;
    assert.equal(last.endLine, 12, 'the `:` and `loc(` lines continue %9; the annotation line after them does not');
    assert.deepEqual(last.propertyNames, ['layout']);
    assert.deepEqual(last.operandTypes, ['tensor<4x4884480xbf16, tile>']);
    assert.deepEqual(last.resultTypes, ['tensor<4x4884480xbf16, row_major>']);
    assert.deepEqual(last.locStrings, ['5|.../aten__index_workaround']);
    assert.equal(last.cut, false);
    assert.equal(log.ops[1]!.operandTypes, undefined, 'abridged records show no types');

    const failure = log.failure!;
    assert.equal(failure.kind, 'cbExceedsL1');
    assert.equal(failure.line, 16, 'the line where the message text starts, after the `TT_THROW:` line');
    assert.equal(failure.bufferWord, 'circular');
    assert.equal(failure.coreRangeText, '[(x=7,y=6) - (x=7,y=6)]');
    assert.deepEqual(failure.coreRanges, [{ startX: 7, startY: 6, endX: 7, endY: 6 }]);
    assert.equal(failure.bytes, 9_990_400);
    assert.equal(failure.limitBytes, 1_499_136);
    assert.equal(
      failure.message,
      'Statically allocated circular buffers on core range [(x=7,y=6) - (x=7,y=6)] grow to 9990400 B which is beyond max L1 size of 1499136 B',
    );
  });

  it('reads a real-format log with ANSI colours, CRLF, interleaved noise and binary junk', () => {
    const log = parseLog(fixture('mochi_ansi_crlf.log'));
    // get_device, to_layout, deallocate, permute, deallocate, reshape, deallocate, to_layout.
    assert.equal(log.ops.length, 8);
    assert.deepEqual(
      log.ops.map((op) => op.opName),
      [
        'ttnn.get_device',
        'ttnn.to_layout',
        'ttnn.deallocate',
        'ttnn.permute',
        'ttnn.deallocate',
        'ttnn.reshape',
        'ttnn.deallocate',
        'ttnn.to_layout',
      ],
    );
    assert.ok(log.ops.every((op) => op.program === 'main' && op.runId === log.ops[0]!.runId));
    const last = log.ops[7]!;
    assert.deepEqual(last.resultNames, ['%9']);
    assert.equal(last.operandTypes!.length, 1);
    assert.ok(last.operandTypes![0]!.startsWith('tensor<4x4884480xbf16, #ttnn.ttnn_layout<(d0, d1) -> (d0, d1)'));
    assert.ok(last.resultTypes![0]!.includes('memref<4x4884480xbf16'));
    assert.deepEqual(last.locStrings, ['aten__index_workaround', 'tests/torch/models/mochi/single_ops.py']);
    assert.ok(!last.text.includes('\u001b') && !last.text.includes('\r'));
    assert.deepEqual(log.ops[2]!.resultNames, [], 'deallocate has no result');
    assert.deepEqual(log.ops[2]!.operandNames, ['%arg2']);

    const failure = log.failure!;
    assert.equal(failure.kind, 'cbExceedsL1');
    assert.equal(failure.line, 14, 'the first report (spdlog critical line) wins over the repeated exception text');
    assert.equal(failure.bytes, 9_990_400);
    assert.equal(failure.limitBytes, 1_499_136);
  });

  it('reports a truncated log (cut inside the last op) as having no failure', () => {
    const log = parseLog(fixture('mochi_truncated.log'));
    assert.equal(log.failure, undefined);
    assert.equal(log.ops.length, 8);
    assert.equal(log.ops[7]!.cut, true);
    assert.deepEqual(log.ops[7]!.resultNames, ['%9']);
    assert.ok(log.notes.some((note) => note.includes('truncated')));
  });

  it("reads tt-metal issue #38364's message in the older `date | critical | Always |` format with pytest prefixes", () => {
    const log = parseLog(fixture('tilize_38364.log'));
    assert.equal(log.ops.length, 2);
    assert.equal(log.ops[1]!.program, 'forward');
    const failure = log.failure!;
    assert.equal(failure.kind, 'cbExceedsL1');
    assert.equal(failure.line, 5);
    assert.deepEqual(failure.coreRanges, [{ startX: 7, startY: 6, endX: 7, endY: 6 }]);
    assert.equal(failure.bytes, 2_966_816);
    assert.equal(failure.limitBytes, 1_499_136);
  });

  it('reads the Metal 2.0 "dataflow buffers" wording and the `[0-0 - 0-0]` core range format', () => {
    const failure = parseLog(fixture('pad_dataflow_56133.log')).failure!;
    assert.equal(failure.kind, 'cbExceedsL1');
    assert.equal(failure.bufferWord, 'dataflow');
    assert.equal(failure.coreRangeText, '[0-0 - 0-0]');
    assert.deepEqual(failure.coreRanges, [{ startX: 0, startY: 0, endX: 0, endY: 0 }]);
    assert.equal(failure.bytes, 1_957_760);
    assert.equal(failure.limitBytes, 1_572_864);
  });

  it('reads a clash with L1 buffers wrapped over two lines: bytes = region end, limit = buffer address', () => {
    const failure = parseLog(fixture('clash_7899.log')).failure!;
    assert.equal(failure.kind, 'cbClashesWithL1Buffer');
    assert.equal(failure.programId, 288);
    assert.deepEqual(failure.coreRanges, [{ startX: 0, startY: 0, endX: 3, endY: 7 }]);
    assert.equal(failure.bytes, 890_144);
    assert.equal(failure.limitBytes, 665_600);
  });

  it('reads the newer clash form with the `[0-0 - 7-6]` range and the dataflow wording', () => {
    const text = [
      'Executing operation: %1 = "ttnn.conv2d"(%0)',
      'TT_THROW @ program.cpp:1366:',
      'Statically allocated dataflow buffers in program 60394 clash with L1 buffers on core range [0-0 - 7-6]. L1 buffer allocated at 171520 and static dataflow buffer region ends at 177440',
    ].join('\n');
    const failure = parseLog(text).failure!;
    assert.equal(failure.kind, 'cbClashesWithL1Buffer');
    assert.equal(failure.bufferWord, 'dataflow');
    assert.equal(failure.line, 3);
    assert.deepEqual(failure.coreRanges, [{ startX: 0, startY: 0, endX: 7, endY: 6 }]);
    assert.equal(failure.bytes, 177_440);
    assert.equal(failure.limitBytes, 171_520);
  });

  it('reads the allocator out-of-memory message with its newer allocation statistics', () => {
    const failure = parseLog(fixture('oom_5771.log')).failure!;
    assert.equal(failure.kind, 'outOfMemory');
    assert.equal(failure.bytes, 780_800);
    assert.equal(failure.limitBytes, 1_331_936);
    assert.deepEqual(failure.outOfMemory, {
      totalBytes: 49_971_200,
      bufferType: 'L1',
      bankCount: 64,
      bytesPerBank: 780_800,
      bankSizeBytes: 1_331_936,
      allocatedBytes: 1_057_792,
      freeBytes: 304_864,
      largestFreeBlockBytes: 304_864,
    });
  });

  it('keeps an unknown throw as kind "other" with its message', () => {
    const log = parseLog(
      'Executing operation: %1 = "ttnn.add"(%0, %0)\nRuntimeError: Bad StatusOr access: INTERNAL: Error code: 13\n',
    );
    assert.equal(log.failure!.kind, 'other');
    assert.equal(log.failure!.message, 'RuntimeError: Bad StatusOr access: INTERNAL: Error code: 13');
    assert.equal(log.failure!.bytes, undefined);
  });

  it('does not treat a failure followed by more executed ops as terminating', () => {
    const log = parseLog(
      [
        'Executing operation: %1 = "ttnn.add"(%0, %0)',
        'Statically allocated circular buffers on core range [(x=0,y=0) - (x=0,y=0)] grow to 2000000 B which is beyond max L1 size of 1499136 B',
        'Executing operation: %2 = "ttnn.relu"(%1)',
      ].join('\n'),
    );
    assert.equal(log.failure, undefined);
    assert.ok(log.notes.some((note) => note.includes('line 2') && note.includes('1 op(s) executed after it')));
  });

  it('tracks nested programs and starts a new run when a result name repeats', () => {
    const log = parseLog(
      [
        'Starting execution of program: main',
        'Executing operation: %0 = "ttnn.get_device"()',
        'Starting execution of program: main_const_eval_0',
        'Executing operation: %0 = "ttnn.full"(%arg0)',
        'Finished execution of program: main_const_eval_0',
        'Executing operation: %1 = ttcore.load_cached(@main_const_eval_0, [%arg1]) : (tensor<4xbf16>) -> tensor<4xbf16>',
        'Executing operation: %0 = "ttnn.get_device"()',
      ].join('\n'),
    );
    assert.deepEqual(
      log.ops.map((op) => [op.program, op.runId]),
      [
        ['main', 0],
        ['main_const_eval_0', 1],
        ['main', 0],
        ['main', 2],
      ],
    );
    assert.equal(log.ops[2]!.opName, 'ttcore.load_cached');
    assert.deepEqual(log.ops[2]!.operandNames, ['%arg1']);
  });

  it('stays bounded on a long log with many throws and finds a message deep inside a very long line', () => {
    const lines: string[] = [];
    for (let k = 0; k < 20_000; k++)
      lines.push(`Executing operation: %${k} = "ttnn.add"(%arg0, %arg0)`, 'TT_THROW @ x.cpp:1: tt::exception');
    lines.push(
      `${'x'.repeat(50_000)} Statically allocated circular buffers on core range [(x=1,y=2) - (x=3,y=4)] grow to 1600000 B which is beyond max L1 size of 1499136 B`,
    );
    const log = parseLog(lines.join('\n'));
    assert.equal(log.ops.length, 20_000);
    assert.equal(log.failure?.kind, 'cbExceedsL1', 'a known message wins over the generic TT_THROW line before it');
    assert.equal(log.failure?.line, 40_001);
    assert.deepEqual(log.failure?.coreRanges, [{ startX: 1, startY: 2, endX: 3, endY: 4 }]);
    assert.ok(
      log.notes.some((note) => note.startsWith('a failure was logged at line 2 but 19999 op(s) executed after it')),
    );
  });

  it('never throws on junk, empty text or huge unbalanced records', () => {
    for (const text of [
      '',
      '\u0000\u0001\ufffd',
      'Executing operation:',
      'Executing operation: %1 = "ttnn.x"((((<<<',
      'x\r\r\n\n'.repeat(1000),
    ]) {
      const log = parseLog(text);
      assert.ok(Array.isArray(log.ops));
    }
    const unbalanced = `Executing operation: %1 = "ttnn.x"(${'('.repeat(10)}\n${'noise line\n'.repeat(200)}`;
    const log = parseLog(unbalanced);
    assert.equal(log.ops.length, 1);
    assert.equal(log.ops[0]!.endLine, 65, 'continuation stops after 64 lines');
    assert.equal(log.ops[0]!.cut, true);
  });
});

describe('parseOpText', () => {
  it('reads multi-result groups, result indices and a function type with results in parentheses', () => {
    const fields = parseOpText(
      '%3:2 = "ttnn.split"(%1#0, %2) : (tensor<2x4xf32>, !ttnn.device) -> (tensor<1x4xf32>, tensor<1x4xf32>) loc("s")',
    );
    assert.deepEqual(fields.resultNames, ['%3']);
    assert.deepEqual(fields.operandNames, ['%1#0', '%2']);
    assert.deepEqual(fields.operandTypes, ['tensor<2x4xf32>', '!ttnn.device']);
    assert.deepEqual(fields.resultTypes, ['tensor<1x4xf32>', 'tensor<1x4xf32>']);
    assert.deepEqual(fields.locStrings, ['s']);
  });
});

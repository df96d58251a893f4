import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareOp,
  correlate,
  describeCorrelation,
  type Correlation,
  type MappedOp,
} from '../../../server/src/logs/correlate';
import { parseOpText } from '../../../server/src/logs/opText';
import { parseLog, type ExecutedOp } from '../../../server/src/logs/parseLog';
import { parse } from '../../../server/src/mlir/parser';

const root = join(__dirname, '../../..');
const logFixture = (name: string): string => readFileSync(join(root, 'test/fixtures/logs', name), 'utf8');
const mochiText = readFileSync(join(root, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const mochi = parse(mochiText);

/** The range of the op whose text starts with `head`, through its trailing `loc(...)`, found by plain text search. */
function opRange(text: string, head: string, locText: string): { start: number; end: number } {
  const start = text.indexOf(head);
  assert.ok(start >= 0, head);
  const loc = text.indexOf(locText, start);
  return { start, end: loc + locText.length };
}

const labels = (ops: readonly MappedOp[]): string[] => ops.map((op) => op.resultName ?? `${op.opName}`);

function expectKind<K extends Correlation['kind']>(c: Correlation, kind: K): Extract<Correlation, { kind: K }> {
  assert.equal(c.kind, kind, JSON.stringify(c.kind === 'mismatch' || c.kind === 'unparseable' ? c.reason : c.kind));
  return c as Extract<Correlation, { kind: K }>;
}

describe('correlate', () => {
  it("maps the seed's excerpt to %9 of examples/mochi_replicate_pad.mlir exactly", () => {
    const c = expectKind(correlate(parseLog(logFixture('seed_mochi.log')), mochi), 'mapped');
    assert.deepEqual(c.failingOp.range, opRange(mochiText, '%9 = "ttnn.to_layout"(%8)', 'loc(#loc7)'));
    assert.equal(c.failingOp.resultName, '%9');
    assert.equal(c.failingOp.opName, 'ttnn.to_layout');
    assert.equal(c.failingOp.functionName, '@main');
    assert.equal(c.failingOp.logLine, 10);
    assert.equal(
      mochiText.slice(c.failingOp.nameRange.start, c.failingOp.nameRange.end).replace(/"/g, ''),
      'ttnn.to_layout',
    );
    assert.deepEqual(labels(c.reachedOps), ['%6', '%7', '%8']);
    assert.deepEqual(c.reachedOps[0]!.range, opRange(mochiText, '%6 = "ttnn.to_layout"(%arg2)', 'loc(#loc4)'));
    assert.equal(c.orderConsistent, true);
    assert.equal(c.failure.kind, 'cbExceedsL1');
    assert.deepEqual(c.failure.coreRange, { startX: 7, startY: 6, endX: 7, endY: 6 });
    assert.equal(c.failure.bytes, 9_990_400);
    assert.equal(c.failure.limitBytes, 1_499_136);
    assert.match(describeCorrelation(c), /^tt-metal threw on %9 \(ttnn\.to_layout\) in @main: Statically allocated/);
  });

  it('maps the full-format log (ANSI, CRLF, inline layouts and locations) to %9, with the deallocates as reached', () => {
    const c = expectKind(correlate(parseLog(logFixture('mochi_ansi_crlf.log')), mochi), 'mapped');
    assert.equal(c.failingOp.resultName, '%9');
    assert.deepEqual(c.failingOp.range, opRange(mochiText, '%9 = "ttnn.to_layout"(%8)', 'loc(#loc7)'));
    assert.deepEqual(labels(c.reachedOps), [
      '%5',
      '%6',
      'ttnn.deallocate',
      '%7',
      'ttnn.deallocate',
      '%8',
      'ttnn.deallocate',
    ]);
    assert.deepEqual(c.reachedOps[2]!.range, opRange(mochiText, '"ttnn.deallocate"(%arg2)', 'loc(#loc)'));
    assert.equal(c.orderConsistent, true);
  });

  it('reports the log of a different compile (other shapes, same names) as a mismatch with the reason', () => {
    const c = expectKind(correlate(parseLog(logFixture('mochi_other_version.log')), mochi), 'mismatch');
    // %5 (get_device) agrees; %6 is the first op whose types differ: 8 frames in the log, 4 in the file.
    assert.match(c.reason, /^log line 3: %6 \(ttnn\.to_layout\) differs from the file: /);
    assert.match(
      c.reason,
      /operand 0 type tensor<1x768x8x60x106xbf16> in the log, tensor<1x768x4x60x106xbf16> in the file/,
    );
    assert.match(c.reason, /\(in @main\)$/);
    assert.equal(c.failure?.bytes, 9_990_400, 'the failure is still reported');
  });

  it('reports a truncated log as noFailure with %9 in progress', () => {
    const c = expectKind(correlate(parseLog(logFixture('mochi_truncated.log')), mochi), 'noFailure');
    assert.equal(c.inProgressOp?.resultName, '%9');
    assert.deepEqual(labels(c.reachedOps), [
      '%5',
      '%6',
      'ttnn.deallocate',
      '%7',
      'ttnn.deallocate',
      '%8',
      'ttnn.deallocate',
    ]);
  });

  it('counts the last op as reached when its program finished', () => {
    const log = parseLog(
      [
        'Starting execution of program: main',
        'Executing operation: %5 = "ttnn.get_device"()',
        'Executing operation: %6 = "ttnn.to_layout"(%arg2)',
        'Finished execution of program: main',
      ].join('\n'),
    );
    const c = expectKind(correlate(log, mochi), 'noFailure');
    assert.equal(c.inProgressOp, undefined);
    assert.deepEqual(labels(c.reachedOps), ['%5', '%6']);
  });

  for (const [what, opLine, reason] of [
    [
      'an SSA name the function does not define',
      'Executing operation: %42 = "ttnn.to_layout"(%8)',
      /%42 is not defined in @main/,
    ],
    [
      'a different op name',
      'Executing operation: %9 = "ttnn.typecast"(%8)',
      /op is ttnn\.typecast in the log, ttnn\.to_layout in the file/,
    ],
    [
      'different operands',
      'Executing operation: %9 = "ttnn.to_layout"(%7)',
      /operands \(%7\) in the log, \(%8\) in the file/,
    ],
    [
      'a different location',
      'Executing operation: %9 = "ttnn.to_layout"(%8) loc("aten__pad")',
      /loc "aten__pad" in the log, "aten__index_workaround" in the file/,
    ],
  ] as const) {
    it(`does not map a failing op with ${what}`, () => {
      const log = parseLog(
        `${opLine}\nStatically allocated circular buffers on core range [(x=7,y=6) - (x=7,y=6)] grow to 9990400 B which is beyond max L1 size of 1499136 B\n`,
      );
      const c = expectKind(correlate(log, mochi), 'mismatch');
      assert.match(c.reason, reason);
    });
  }

  it('reports a program the file does not define as a mismatch', () => {
    const c = expectKind(correlate(parseLog(logFixture('tilize_38364.log')), mochi), 'mismatch');
    assert.match(
      c.reason,
      /program "forward", which this file does not define \(it defines @main_const_eval_0, @main\)/,
    );
  });

  it("maps tt-metal issue #38364's log to %1 of its IR", () => {
    const text = logFixture('tilize_38364.mlir');
    const c = expectKind(correlate(parseLog(logFixture('tilize_38364.log')), parse(text)), 'mapped');
    assert.equal(c.failingOp.resultName, '%1');
    assert.equal(c.failingOp.functionName, '@forward');
    assert.deepEqual(c.failingOp.range, opRange(text, '%1 = "ttnn.to_layout"(%arg0)', 'loc(#loc1)'));
    assert.deepEqual(labels(c.reachedOps), ['%0']);
    assert.equal(c.failure.bytes, 2_966_816);
  });

  it('flags an execution order that contradicts the file', () => {
    const log = parseLog(
      ['Executing operation: %8 = "ttnn.reshape"(%7)', 'Executing operation: %7 = "ttnn.permute"(%6)'].join('\n'),
    );
    const c = expectKind(correlate(log, mochi), 'noFailure');
    assert.equal(c.orderConsistent, false);
    assert.ok(c.notes.some((note) => note.includes('log line 2 (%7) ran after log line 1 (%8)')));
  });

  it('says why a log is unusable instead of mapping it', () => {
    const onlyFailure = correlate(
      parseLog(
        'Statically allocated circular buffers on core range [(x=0,y=0) - (x=0,y=0)] grow to 2 B which is beyond max L1 size of 1 B',
      ),
      mochi,
    );
    assert.equal(expectKind(onlyFailure, 'unparseable').failure?.bytes, 2);
    assert.match(
      expectKind(correlate(parseLog('hello\nworld'), mochi), 'unparseable').reason,
      /not a tt-mlir runtime log/,
    );
    const noFunctions = correlate(parseLog(logFixture('seed_mochi.log')), parse('#a = loc(unknown)\n'));
    assert.match(expectKind(noFunctions, 'unparseable').reason, /defines no func\.func/);
  });
});

describe('correlate, failures outside ops', () => {
  it('does not blame the last op when its program had finished before the throw', () => {
    const log = parseLog(
      [
        'Starting execution of program: main',
        'Executing operation: %5 = "ttnn.get_device"()',
        'Finished execution of program: main',
        'Out of Memory: Not enough space to allocate 21139292160 B DRAM buffer across 12 banks, where each bank needs to store 1761607680 B, but bank size is 1071821792 B',
      ].join('\n'),
    );
    const c = correlate(log, mochi);
    assert.equal(c.kind, 'unparseable');
    assert.match(c.kind === 'unparseable' ? c.reason : '', /after program "main" finished, outside any op/);
    assert.equal(c.kind === 'unparseable' && c.failure?.outOfMemory?.bufferType, 'DRAM');
  });
});

describe('correlate, nested const-eval programs (corpus oom_ttnn.mlir)', () => {
  const wanText = readFileSync(join(root, 'test/fixtures/corpus/oom_ttnn.mlir'), 'utf8');
  const wan = parse(wanText);

  it('maps each op to the function its program names, although %0..%3 exist in several functions', () => {
    const c = expectKind(correlate(parseLog(logFixture('wan_const_eval_nested.log')), wan), 'noFailure');
    assert.equal(c.orderConsistent, true);
    assert.equal(c.inProgressOp?.resultName, '%3');
    assert.equal(c.inProgressOp?.functionName, '@main');
    assert.deepEqual(c.inProgressOp?.range, opRange(wanText, '%3 = "ttnn.typecast"(%2)', 'loc(#loc17)'));
    const functionsInOrder = c.reachedOps.map((op) => `${op.functionName} ${op.resultName ?? op.opName}`);
    // main's load_cached runs const_eval_0's 25 ops (get_device, call, to_layout, to_device, 6 slice_static,
    // 6 reshape, 9 deallocate; counted in the file) before main continues.
    assert.equal(functionsInOrder[0], '@main %0');
    assert.equal(functionsInOrder[1], '@main_const_eval_0 %0');
    assert.equal(functionsInOrder[2], '@main_const_eval_0 %1');
    assert.deepEqual(functionsInOrder.slice(-8), [
      '@main ttnn.deallocate',
      '@main %1',
      '@main_const_eval_1 %0',
      '@main_const_eval_1 %1',
      '@main_const_eval_1 %2',
      '@main_const_eval_1 ttnn.deallocate',
      '@main %2',
      '@main ttnn.deallocate',
    ]);
    const constEval0 = c.reachedOps.filter((op) => op.functionName === '@main_const_eval_0');
    assert.equal(constEval0.length, 25);
  });
});

describe('compareOp: property keys', () => {
  // Two ops with the same properties text (the parser keeps it once) and one with other keys.
  const text = [
    'func.func @f(%arg0: tensor<2xbf16>) -> tensor<2xbf16> {',
    '  %0 = "ttnn.t"(%arg0) <{b = 1 : i32, a = false}> : (tensor<2xbf16>) -> tensor<2xbf16>',
    '  %1 = "ttnn.t"(%0) <{b = 1 : i32, a = false}> : (tensor<2xbf16>) -> tensor<2xbf16>',
    '  %2 = "ttnn.t"(%1) <{c = 1 : i32, a = false}> : (tensor<2xbf16>) -> tensor<2xbf16>',
    '  return %2 : tensor<2xbf16>',
    '}',
  ].join('\n');
  const ops = parse(text).file.chunks[0]!.operations[0]!.regions[0]!.blocks[0]!.operations;
  const logOp = (opText: string): ExecutedOp => ({
    ...parseOpText(opText),
    index: 0,
    line: 1,
    endLine: 1,
    text: opText,
    program: undefined,
    runId: 0,
    cut: false,
  });
  const printed = logOp('%0 = "ttnn.t"(%arg0) <{a = false, b = 1 : i32}> : (tensor<2xbf16>) -> tensor<2xbf16>');

  it('agrees on the same keys in another order, at every op holding the text', () => {
    assert.deepEqual(compareOp(printed, ops[0]!, new Map()), []);
    assert.deepEqual(compareOp({ ...printed, resultNames: ['%1'], operandNames: ['%0'] }, ops[1]!, new Map()), []);
  });

  it('names both key sets when they differ', () => {
    assert.deepEqual(compareOp({ ...printed, resultNames: ['%2'], operandNames: ['%1'] }, ops[2]!, new Map()), [
      'properties {a, b} vs {a, c}',
    ]);
  });
});

/**
 * tt-mlir's capture_or_execute_trace verifier rules as `op-invalid` diagnostics. Expected lines and wording come from
 * the corpus negative test's own `// CHECK: error:` comments (tt-mlir's FileCheck expectations) and, for the small
 * hand-written modules, from the rule text in tt-mlir lib/Dialect/TTNN/IR/TTNNOps.cpp@19c86fc.
 */

import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { diagnostics } from '../../../server/src/features/diagnostics';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { parse } from '../../../server/src/mlir/parser';
import { verifyTraceOps } from '../../../server/src/analysis/verifyTrace';

const CORPUS = join(__dirname, '../../fixtures/corpus');
const NEGATIVE = 'test/ttmlir/Dialect/TTNN/trace/negative_capture_or_execute_trace.mlir';

function opInvalid(text: string): { line: number; message: string }[] {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  return diagnostics(doc)
    .filter((d) => d.code === 'op-invalid')
    .map((d) => {
      assert.equal(d.severity, 'error');
      return { line: doc.lineIndex.position(d.range.start).line + 1, message: d.message };
    });
}

function mlirFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) mlirFiles(p, out);
    else if (name.endsWith('.mlir')) out.push(p);
  }
  return out;
}

describe('trace verifier rules (corpus negative_capture_or_execute_trace.mlir, a tt-mlir negative test)', () => {
  const text = readFileSync(join(CORPUS, NEGATIVE), 'utf8');
  const lines = text.split('\n');
  // Per `// -----` chunk: the CHECK's op and message, and the 1-based line of the first use of that op after it.
  const expected: { line: number; message: string }[] = [];
  let pending: { op: string; message: string } | undefined;
  lines.forEach((l, i) => {
    if (/^\/\/ -----/.test(l)) {
      assert.equal(pending, undefined, `CHECK before line ${i + 1} names no op in its chunk`);
      return;
    }
    const check = /^\/\/ CHECK: error: '([\w.]+)' op (.*)$/.exec(l);
    if (check !== null) {
      pending = { op: check[1]!, message: `'${check[1]}' op ${check[2]}` };
      return;
    }
    if (pending !== undefined && l.includes(`"${pending.op}"(`)) {
      expected.push({ line: i + 1, message: pending.message });
      pending = undefined;
    }
  });

  it("reports each chunk's CHECK error on the line of the op it names, in tt-mlir's words", () => {
    assert.equal(expected.length, 14); // 14 cases, one per chunk
    const found = opInvalid(text);
    assert.deepEqual(
      found.map((f) => f.line),
      expected.map((e) => e.line),
    );
    found.forEach((f, k) =>
      assert.ok(f.message.startsWith(expected[k]!.message), `${f.message}\n  expected: ${expected[k]!.message}`),
    );
  });

  it('gives no other corpus file an op-invalid diagnostic (the traced falcon3 dump predates allocate_slots_callee)', function () {
    this.timeout(120_000);
    for (const file of mlirFiles(CORPUS)) {
      const rel = relative(CORPUS, file).split('\\').join('/');
      if (rel === NEGATIVE) continue;
      assert.deepEqual(opInvalid(readFileSync(file, 'utf8')), [], rel);
    }
  });

  it('never throws on truncated or mangled copies of the file', function () {
    // 603 parses of the file: 5-9 s alone, past 30 s on a loaded 2-core machine.
    this.timeout(120_000);
    for (let k = 0; k <= 200; k++) {
      const cut = Math.floor((text.length * k) / 200);
      verifyTraceOps(parse(text.slice(0, cut)));
      verifyTraceOps(parse(text.slice(cut)));
      verifyTraceOps(parse(text.slice(0, cut) + ' } ) > ' + text.slice(cut + 7)));
    }
  });
});

// One host-staged input (%h, system memory) and one device-resident input (%w, its own slot), one result. Slots:
// 2 inputs + 1 output = 3; the capture function takes 1 host-staged input + 3 slots + 0 semaphores = 4 arguments.
// Types are written three ways (alias `#layout`, type alias `!dev`, inline layout) that MLIR unifies.
const VALID = `#dram = #ttnn.buffer_type<dram>
#system_memory = #ttnn.buffer_type<system_memory>
#layout = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>
#host = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #system_memory>>
!dev = tensor<32x32xbf16, #layout>
func.func private @trace(%a: tensor<32x32xbf16, #layout>, %b: tensor<32x32xbf16, #layout>, %out: tensor<32x32xbf16, #layout>) {
  %0 = "ttnn.add"(%a, %b) : (tensor<32x32xbf16, #layout>, tensor<32x32xbf16, #layout>) -> tensor<32x32xbf16, #layout>
  "ttnn.copy"(%0, %out) : (tensor<32x32xbf16, #layout>, tensor<32x32xbf16, #layout>) -> ()
  return
}
func.func private @alloc(%w: !dev) -> (!dev, !dev, !dev) {
  %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
  %1 = "ttnn.empty"(%0) <{layout = #ttnn.layout<tile>, shape = #ttnn.shape<32x32>}> : (!ttnn.device) -> !dev
  %2 = "ttnn.empty"(%0) <{layout = #ttnn.layout<tile>, shape = #ttnn.shape<32x32>}> : (!ttnn.device) -> !dev
  return %1, %w, %2 : !dev, !dev, !dev
}
func.func private @capture(%h: tensor<32x32xbf16, #host>, %s0: tensor<32x32xbf16, #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #ttnn.buffer_type<dram>>, <interleaved>>>, %s1: !dev, %s2: !dev) -> tensor<ui32, #ttnn.trace_id> {
  %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
  "ttnn.write_tensor"(%h, %s1) <{blocking = false, cq_id = 0 : ui32}> : (tensor<32x32xbf16, #host>, !dev) -> ()
  call @trace(%s0, %s1, %s2) : (!dev, !dev, !dev) -> ()
  %1 = "ttnn.begin_trace_capture"(%0) <{cq_id = 0 : ui32}> : (!ttnn.device) -> tensor<ui32, #ttnn.trace_id>
  "ttnn.end_trace_capture"(%0, %1) <{cq_id = 0 : ui32}> : (!ttnn.device, tensor<ui32, #ttnn.trace_id>) -> ()
  return %1 : tensor<ui32, #ttnn.trace_id>
}
func.func private @execute(%id: tensor<ui32, #ttnn.trace_id>) {
  return
}
func.func @main(%h: tensor<32x32xbf16, #host>, %w: !dev) -> !dev {
  %0 = "ttnn.get_device"() <{mesh_offset = #ttnn<mesh_offset 0x0>, mesh_shape = #ttnn<mesh_shape 1x1>}> : () -> !ttnn.device
  %1 = "ttnn.capture_or_execute_trace"(%0, %h, %w) <{allocate_slots_callee = @alloc, capture_callee = @capture, execute_callee = @execute, operandSegmentSizes = array<i32: 1, 2, 0>}> : (!ttnn.device, tensor<32x32xbf16, #host>, !dev) -> !dev
  return %1 : !dev
}
`;

const TRACE_OP_LINE = VALID.split('\n').findIndex((l) => l.includes('"ttnn.capture_or_execute_trace"')) + 1;

function variant(from: string, to: string, base = VALID): string {
  assert.ok(base.includes(from), from);
  return base.replace(from, to);
}

describe('trace verifier rules (hand-written modules)', () => {
  it('accepts a valid trace whose types are written as aliases, type aliases and inline layouts', () => {
    assert.deepEqual(opInvalid(VALID), []);
  });

  it('reaches the last rule on the valid module: only the execute argument is wrong', () => {
    // Every earlier rule (slots, capture arguments, trace function walk, device configuration) must pass to get here.
    const text = variant('@execute(%id: tensor<ui32, #ttnn.trace_id>)', '@execute(%id: tensor<32x32xbf16, #layout>)');
    assert.deepEqual(opInvalid(text), [
      {
        line: TRACE_OP_LINE,
        message:
          "'ttnn.capture_or_execute_trace' op Execute function 'execute' argument must be a trace_id tensor (scalar ui32 with TraceIdAttr encoding)",
      },
    ]);
  });

  it('counts only device-resident inputs as slot allocation arguments', () => {
    const text = variant('@alloc(%w: !dev)', '@alloc()').replace('return %1, %w, %2', 'return %1, %1, %2');
    assert.deepEqual(
      opInvalid(text).map((f) => f.message),
      [
        "'ttnn.capture_or_execute_trace' op Slot allocation function 'alloc' must take 1 arguments (the device-resident inputs), but has 0",
      ],
    );
  });

  it('compares a host-staged capture argument with the op input, printing both types as written', () => {
    const text = variant('@capture(%h: tensor<32x32xbf16, #host>', '@capture(%h: tensor<32x32xf32, #host>');
    assert.deepEqual(
      opInvalid(text).map((f) => f.message),
      [
        "'ttnn.capture_or_execute_trace' op Capture function host-staged input argument 0 type mismatch: expected tensor<32x32xbf16, #host>, but got tensor<32x32xf32, #host>",
      ],
    );
  });

  it('tells a layout in another buffer type apart from the same alias spelled inline', () => {
    const l1 = variant(
      '#ttnn.buffer_type<dram>>, <interleaved>>>, %s1',
      '#ttnn.buffer_type<l1>>, <interleaved>>>, %s1',
    );
    assert.match(
      opInvalid(l1)[0]?.message ?? '',
      /op Capture function slot argument 0 type mismatch: expected !dev from slot allocation function, but got tensor<32x32xbf16, #ttnn\.ttnn_layout<.*l1/,
    );
  });

  it('requires trace function arguments on device', () => {
    const text = variant('@trace(%a: tensor<32x32xbf16, #layout>', '@trace(%a: tensor<32x32xbf16, #host>');
    assert.deepEqual(
      opInvalid(text).map((f) => f.message),
      [
        "'ttnn.capture_or_execute_trace' op All input arguments of trace function must be on device.<block argument> of type 'tensor<32x32xbf16, #host>' at index: 0 is not on device.",
      ],
    );
  });

  it('rejects a load_cached nested in the trace function', () => {
    const text = variant(
      '  "ttnn.copy"(%0, %out)',
      '  %c = ttcore.load_cached(@alloc, [%a]) : (tensor<32x32xbf16, #layout>) -> tensor<32x32xbf16, #layout>\n  "ttnn.copy"(%0, %out)',
    );
    assert.deepEqual(
      opInvalid(text).map((f) => f.message),
      ["'ttnn.capture_or_execute_trace' op LoadCached op must not be nested within trace function"],
    );
  });

  it("looks symbols up in the op's own // ----- chunk", () => {
    const main = VALID.slice(VALID.indexOf('func.func @main'));
    const aliases = VALID.slice(0, VALID.indexOf('func.func private @trace'));
    const split = `${VALID}\n// -----\n${aliases}${main}`;
    const found = opInvalid(split);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.message, "'ttnn.capture_or_execute_trace' op 'alloc' does not reference a function");
    assert.equal(
      found[0]!.line,
      split.split('\n').findIndex((l, i) => i >= TRACE_OP_LINE && l.includes('"ttnn.capture_or_execute_trace"')) + 1,
    );
  });

  it('looks symbols up in the nearest enclosing module', () => {
    const nested = `module {\n${VALID.slice(VALID.indexOf('func.func private @trace'))}}\n`;
    const aliases = VALID.slice(0, VALID.indexOf('func.func private @trace'));
    assert.deepEqual(opInvalid(aliases + nested), []);
    const apart = `${aliases}module {\n${VALID.slice(VALID.indexOf('func.func @main'))}}\nmodule {\n${VALID.slice(VALID.indexOf('func.func private @trace'), VALID.indexOf('func.func @main'))}}\n`;
    assert.deepEqual(
      opInvalid(apart).map((f) => f.message),
      ["'ttnn.capture_or_execute_trace' op 'alloc' does not reference a function"],
    );
  });

  it('leaves the older form without allocate_slots_callee (and undecodable layouts) unverified', () => {
    assert.deepEqual(opInvalid(variant('allocate_slots_callee = @alloc, ', '')), []);
    // An input without a TTNN layout: tt-mlir casts it unchecked when splitting the inputs, so no rule is decided here.
    const noLayout = variant('@alloc, capture', '@nope, capture').replace(
      '(!ttnn.device, tensor<32x32xbf16, #host>, !dev) -> !dev',
      '(!ttnn.device, tensor<32x32xbf16>, !dev) -> !dev',
    );
    assert.deepEqual(opInvalid(noLayout), []);
    assert.equal(opInvalid(variant('@alloc, capture', '@nope, capture')).length, 1);
  });
});

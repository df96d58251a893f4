/**
 * tt-mlir's verifier rules for `ttnn.capture_or_execute_trace`: the slot allocation, capture, trace and execute
 * functions it names must exist and agree with the op in count and type. Only the ops it is given are looked at.
 */

import { aliasesByName, resolveAttr, resolveType } from '../mlir/aliases';
import { printAttr, printType, type PrintOptions } from '../mlir/print';
import { isSymbolTable } from '../mlir/opTraits';
import type {
  AliasDefinition,
  AttrNode,
  Block,
  Chunk,
  Operation,
  ParseResult,
  SyntaxFile,
  TypeNode,
} from '../mlir/syntax';
import { indexContaining } from '../mlir/syntaxSearch';
import type { TextRange } from '../text/textRange';
import { splitTopLevel } from '../mlir/textScan';
import { getDeviceMeshAttr } from '../ttnn/fromSyntax';

/** A verifier error, worded as tt-mlir's `emitOpError` prints it (`'<op>' op <message>`). */
export interface OpFinding {
  readonly range: TextRange;
  readonly message: string;
}

export const CAPTURE_OR_EXECUTE_TRACE = 'ttnn.capture_or_execute_trace';

/**
 * The properties naming a trace op's callees. An op without all three gets no finding (the verifier stops at once), so
 * a caller may leave it out of `opStarts` without finding its syntax node (its function's body parsed again).
 */
export const TRACE_CALLEE_PROPERTIES = ['allocate_slots_callee', 'capture_callee', 'execute_callee'] as const;

export interface VerifyTraceOptions {
  /** Start offsets of the trace ops to verify, as the caller's own walk found them; omitted: the file is walked. */
  readonly opStarts?: readonly number[];
}

/**
 * The verifier errors of the `ttnn.capture_or_execute_trace` ops in `parse`, at most one per op (tt-mlir stops at the
 * first failed rule). An op whose rules cannot be decided (an undecodable layout, a missing property, the older form
 * without `allocate_slots_callee`) gets no finding. Total and bounded on any input.
 */
export function verifyTraceOps(parse: ParseResult, options: VerifyTraceOptions = {}): OpFinding[] {
  const starts = options.opStarts ?? traceOpStarts(parse.file);
  const contexts = new Map<Chunk, ChunkContext>();
  const out: OpFinding[] = [];
  for (const start of starts) {
    const chunk = parse.file.chunks.find((c) => c.range.start <= start && start < c.range.end);
    if (chunk === undefined) continue;
    const path = pathTo(chunk, start);
    const op = path[path.length - 1]?.op;
    if (op === undefined || op.range.start !== start || op.name !== CAPTURE_OR_EXECUTE_TRACE) continue;
    let ctx = contexts.get(chunk);
    if (ctx === undefined) {
      ctx = chunkContext(chunk);
      contexts.set(chunk, ctx);
    }
    const verdict = verifyCaptureOrExecuteTrace(ctx, path);
    if (verdict.kind === 'invalid')
      out.push({
        range: { start: op.range.start, end: Math.max(op.nameRange.end, op.range.start) },
        message: `'${op.name}' op ${verdict.message}`,
      });
  }
  return out;
}

type Verdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'unknown'; readonly why: string };

const VALID: Verdict = { kind: 'valid' };
const invalid = (message: string): Verdict => ({ kind: 'invalid', message });
const unknown = (why: string): Verdict => ({ kind: 'unknown', why });

// Walks stop here: a trace function beyond this many ops is not verified (unknown), never half-verified.
const MAX_WALK_OPS = 1_000_000;
const MAX_DEPTH = 64;

// ---------------------------------------------------------------------------------------------
// Finding the ops and their ancestors

function traceOpStarts(file: SyntaxFile): number[] {
  const starts: number[] = [];
  for (const chunk of file.chunks) {
    walkPostOrder(chunk.operations, (op) => {
      if (op.name === CAPTURE_OR_EXECUTE_TRACE) starts.push(op.range.start);
      return true;
    });
  }
  return starts.sort((a, b) => a - b);
}

/** One level of the path from a chunk down to an op: the op, the block holding it and its index there. */
interface Frame {
  readonly op: Operation;
  readonly siblings: readonly Operation[];
  readonly index: number;
}

/** Ops from the chunk's top level down to the op containing `offset` most deeply (binary search per level). */
function pathTo(chunk: Chunk, offset: number): Frame[] {
  const path: Frame[] = [];
  let level: readonly (readonly Operation[])[] = [chunk.operations];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let found: Frame | undefined;
    for (const ops of level) {
      const i = indexContaining(ops, offset);
      if (i >= 0) {
        found = { op: ops[i]!, siblings: ops, index: i };
        break;
      }
    }
    if (found === undefined || found.op.range.start === offset) {
      if (found !== undefined) path.push(found);
      return path;
    }
    path.push(found);
    level = found.op.regions.flatMap((r) => r.blocks.map((b) => b.operations));
  }
  return path;
}

/** Post-order (regions before their op, as MLIR's default walk); `visit` returns false to stop. False if stopped or too big. */
function walkPostOrder(ops: readonly Operation[], visit: (op: Operation) => boolean): boolean {
  const stack: { op: Operation; expanded: boolean }[] = [];
  for (let i = ops.length - 1; i >= 0; i--) stack.push({ op: ops[i]!, expanded: false });
  let visited = 0;
  while (stack.length > 0) {
    if (++visited > 2 * MAX_WALK_OPS) return false;
    const top = stack[stack.length - 1]!;
    if (top.expanded || top.op.regions.length === 0) {
      stack.pop();
      if (!visit(top.op)) return false;
      continue;
    }
    top.expanded = true;
    const inner = top.op.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations));
    for (let i = inner.length - 1; i >= 0; i--) stack.push({ op: inner[i]!, expanded: false });
  }
  return true;
}

/** The ops of the nearest symbol table around the op at the end of `path` (the chunk itself is the implicit module). */
function symbolScope(chunk: Chunk, path: readonly Frame[]): readonly Operation[] {
  for (let i = path.length - 2; i >= 0; i--) {
    const op = path[i]!.op;
    if (isSymbolTable(op)) return op.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations));
  }
  return chunk.operations;
}

/** Like SymbolTable::lookupNearestSymbolFrom<func::FuncOp>: the first op named `@name` there, if it is a func.func. */
function lookupFunction(scope: readonly Operation[], name: string): Operation | undefined {
  const op = scope.find((o) => o.symbol?.name === `@${name}`);
  return op !== undefined && op.name === 'func.func' ? op : undefined;
}

// ---------------------------------------------------------------------------------------------
// Types: comparison keys (aliases expanded) and display text (as written)

interface ChunkContext {
  readonly chunk: Chunk;
  readonly aliases: ReadonlyMap<string, AliasDefinition>;
  /** How comparison keys are printed: aliases expanded (memoised per chunk), compact, bounded. */
  readonly keyOptions: PrintOptions;
  /** Whether a layout (by expanded text) is on device: trace functions repeat a few layouts over many ops. */
  readonly onDevice: Map<string, Tri>;
}

// Types in tt-mlir files are well under 1 kB; anything longer (alias bombs) is not compared.
const MAX_TEXT = 64 * 1024;

function chunkContext(chunk: Chunk): ChunkContext {
  const aliases = aliasesByName(chunk);
  const keyOptions: PrintOptions = {
    separator: ',',
    aliasDefinition: (name) => aliases.get(name),
    expandedAliases: new Map(),
    budgetChars: MAX_TEXT,
  };
  return { chunk, aliases, keyOptions, onDevice: new Map() };
}

/** Text equal for equal types: aliases expanded, no layout whitespace; undefined when too large to compare. */
function typeKey(ctx: ChunkContext, type: TypeNode): string | undefined {
  const printed = printType(type, ctx.keyOptions);
  return printed.truncated ? undefined : printed.text;
}

function attrKey(ctx: ChunkContext, attr: AttrNode): string | undefined {
  const printed = printAttr(attr, ctx.keyOptions);
  return printed.truncated ? undefined : printed.text;
}

/** The type as written, for messages (`tensor<32x32xbf16, #layout>`). */
function typeDisplay(type: TypeNode): string {
  const printed = printType(type, { separator: ', ', budgetChars: MAX_TEXT });
  return printed.truncated ? '<type too long to print>' : printed.text;
}

// ---------------------------------------------------------------------------------------------
// Type predicates (tenstorrent/tt-mlir lib/Dialect/TTNN/Utils/Utils.cpp@19c86fc isTensorOnDevice; TTNNOps.cpp's trace_id checks)

type Tri = boolean | 'unknown';

function isRankedTensor(ctx: ChunkContext, type: TypeNode | undefined): Tri {
  const t = resolveType(type, ctx.aliases);
  if (t === undefined) return 'unknown';
  return t.kind === 'tensor' && t.shape !== undefined;
}

/**
 * A ranked tensor whose TTNN layout is not in system memory. tt-mlir casts the encoding to a TTNN layout without a
 * check, so anything else (no encoding, another attribute) is undecidable here rather than "not on device".
 */
function isOnDevice(ctx: ChunkContext, type: TypeNode | undefined): Tri {
  const t = resolveType(type, ctx.aliases);
  if (t === undefined || t.kind !== 'tensor' || t.encoding === undefined) return 'unknown';
  const enc = resolveAttr(t.encoding, ctx.aliases);
  if (enc === undefined || enc.kind !== 'dialectAttr' || enc.name !== 'ttnn.ttnn_layout') return 'unknown';
  const key = attrKey(ctx, enc);
  if (key === undefined) return 'unknown';
  const known = ctx.onDevice.get(key);
  if (known !== undefined) return known;
  const onDevice = layoutOnDevice(key);
  ctx.onDevice.set(key, onDevice);
  return onDevice;
}

/** From the expanded `#ttnn.ttnn_layout<...>` text: the memref's memory space is not system memory. */
function layoutOnDevice(key: string): Tri {
  const body = /^#ttnn\.ttnn_layout<(.*)>$/s.exec(key)?.[1];
  const memref =
    body === undefined
      ? undefined
      : splitTopLevel(body).find((item) => item.startsWith('memref<') && item.endsWith('>'));
  if (memref === undefined) return 'unknown';
  const parts = splitTopLevel(memref.slice('memref<'.length, -1));
  const space = parts.length < 2 ? undefined : /^#ttnn\.buffer_type<(\w+)>$/.exec(parts[parts.length - 1]!)?.[1];
  if (space === undefined) return 'unknown';
  return space !== 'system_memory';
}

/** A rank-0 ranked tensor with the `#ttnn.trace_id` encoding (the element type is not part of tt-mlir's check). */
function isTraceIdTensor(ctx: ChunkContext, type: TypeNode | undefined): Tri {
  const t = resolveType(type, ctx.aliases);
  if (t === undefined) return 'unknown';
  if (t.kind !== 'tensor' || t.shape === undefined || t.shape.length !== 0 || t.encoding === undefined) return false;
  const enc = resolveAttr(t.encoding, ctx.aliases);
  if (enc === undefined) return 'unknown';
  return enc.kind === 'dialectAttr' && enc.name === 'ttnn.trace_id' && enc.body === undefined;
}

function sameType(ctx: ChunkContext, a: TypeNode, b: TypeNode): Tri {
  const ka = typeKey(ctx, a);
  const kb = typeKey(ctx, b);
  return ka === undefined || kb === undefined ? 'unknown' : ka === kb;
}

// ---------------------------------------------------------------------------------------------
// The rules

/** The single `@name` of a FlatSymbolRefAttr property, without the `@`. */
function flatSymbol(op: Operation, name: string): string | undefined {
  const value = op.properties?.entries.find((e) => e.name === name)?.value;
  if (value === undefined || value.kind !== 'opaque' || value.keyword !== '' || value.tokens.length !== 1)
    return undefined;
  const token = value.tokens[0]!;
  return token.kind === 'leaf' && token.leafKind === 'atIdent' && !token.text.startsWith('@"')
    ? token.text.slice(1)
    : undefined;
}

function segmentSizes(op: Operation): number[] | undefined {
  const value = op.properties?.entries.find((e) => e.name === 'operandSegmentSizes')?.value;
  if (value === undefined || value.kind !== 'denseArray') return undefined;
  const sizes = value.elementTexts.map((t) => (/^\d{1,6}$/.test(t) ? Number(t) : NaN));
  return sizes.every(Number.isInteger) ? sizes : undefined;
}

interface Signature {
  readonly inputs: readonly TypeNode[];
  readonly results: readonly TypeNode[];
}

function signatureOf(fn: Operation): Signature | undefined {
  const sig = fn.signature;
  if (sig === undefined) return undefined;
  const inputs = sig.arguments.map((a) => a.type);
  if (inputs.some((t) => t === undefined)) return undefined;
  return { inputs: inputs as TypeNode[], results: sig.results.map((r) => r.type) };
}

/** Checks run in order; the first undecidable one stops the verification quietly, as a failure would in tt-mlir. */
function decided(value: Tri): value is boolean {
  return value !== 'unknown';
}

/**
 * CaptureOrExecuteTraceOp::verify (tenstorrent/tt-mlir lib/Dialect/TTNN/IR/TTNNOps.cpp@19c86fc), rule by rule in its
 * order, stopping at the first failure:
 *  - inputs split into device-resident ones (their own slots) and host-staged ones (system memory);
 *  - the slot allocation function exists, takes the device-resident inputs (count, then each type) and returns one
 *    slot per op input plus one per op result, the result slots typed like the op's results;
 *  - the capture function exists and takes the host-staged inputs, then every slot, then the semaphore inputs (count,
 *    then each type), and returns exactly one trace_id tensor (rank 0, `#ttnn.trace_id` encoding);
 *  - the first `func.call` in the capture function names the trace function, which exists and returns nothing; its
 *    arguments are ranked tensors on device (or global semaphores), and no op in it is a nested trace op or a
 *    load_cached, has a `get_device` configured unlike the trace op's device, or takes or yields a tensor off device;
 *  - the execute function exists and takes exactly one argument, a trace_id tensor.
 */
function verifyCaptureOrExecuteTrace(ctx: ChunkContext, path: readonly Frame[]): Verdict {
  const op = path[path.length - 1]!.op;
  // Before tt-mlir split slot allocation out (files without allocate_slots_callee), the rules were others.
  const [allocateName, captureName, executeName] = TRACE_CALLEE_PROPERTIES.map((name) => flatSymbol(op, name));
  if (allocateName === undefined || captureName === undefined || executeName === undefined)
    return unknown('callee properties missing or not flat symbols');
  const segments = segmentSizes(op);
  if (segments === undefined || segments.length !== 3 || segments[0] !== 1)
    return unknown('operandSegmentSizes is not [1, inputs, semaphores]');
  const [, nInputs, nSemaphores] = segments as [number, number, number];
  if (op.operands.length !== 1 + nInputs + nSemaphores || op.operandTypes.length !== op.operands.length)
    return unknown('operands do not match their segments or types');
  const inputTypes = op.operandTypes.slice(1, 1 + nInputs);
  const semaphoreTypes = op.operandTypes.slice(1 + nInputs);
  const resultTypes = op.resultTypes;

  const deviceResident: TypeNode[] = [];
  const hostStaged: TypeNode[] = [];
  for (const t of inputTypes) {
    const onDevice = isOnDevice(ctx, t);
    if (!decided(onDevice)) return unknown('an input layout is not a decodable TTNN layout');
    (onDevice ? deviceResident : hostStaged).push(t);
  }
  const scope = symbolScope(ctx.chunk, path);

  // Slot allocation function.
  const allocateFn = lookupFunction(scope, allocateName);
  if (allocateFn === undefined) return invalid(`'${allocateName}' does not reference a function`);
  const allocate = signatureOf(allocateFn);
  if (allocate === undefined) return unknown('slot allocation signature unreadable');
  if (allocate.inputs.length !== deviceResident.length) {
    return invalid(
      `Slot allocation function '${allocateName}' must take ${deviceResident.length} arguments (the device-resident inputs), but has ${allocate.inputs.length}`,
    );
  }
  for (let i = 0; i < deviceResident.length; i++) {
    const same = sameType(ctx, allocate.inputs[i]!, deviceResident[i]!);
    if (!decided(same)) return unknown('type too large');
    if (!same)
      return invalid(
        `Slot allocation function argument ${i} type mismatch: expected ${typeDisplay(deviceResident[i]!)}, but got ${typeDisplay(allocate.inputs[i]!)}`,
      );
  }
  const slots = allocate.results;
  const expectedSlots = inputTypes.length + resultTypes.length;
  if (slots.length !== expectedSlots) {
    return invalid(
      `Slot allocation function '${allocateName}' must return ${expectedSlots} slots (${inputTypes.length} input slots + ${resultTypes.length} output slots), but returns ${slots.length}`,
    );
  }
  for (let i = 0; i < resultTypes.length; i++) {
    const slot = slots[inputTypes.length + i]!;
    const same = sameType(ctx, slot, resultTypes[i]!);
    if (!decided(same)) return unknown('type too large');
    if (!same)
      return invalid(
        `Slot allocation function output slot ${i} type mismatch: expected ${typeDisplay(resultTypes[i]!)}, but got ${typeDisplay(slot)}`,
      );
  }

  // Capture function.
  const captureFn = lookupFunction(scope, captureName);
  if (captureFn === undefined) return invalid(`'${captureName}' does not reference a function`);
  const capture = signatureOf(captureFn);
  if (capture === undefined) return unknown('capture signature unreadable');
  const expectedCaptureInputs = hostStaged.length + slots.length + semaphoreTypes.length;
  if (capture.inputs.length !== expectedCaptureInputs) {
    return invalid(
      `Capture function '${captureName}' must take ${expectedCaptureInputs} arguments (${hostStaged.length} host-staged inputs + ${slots.length} slots + ${semaphoreTypes.length} semaphores), but has ${capture.inputs.length}`,
    );
  }
  for (let i = 0; i < hostStaged.length; i++) {
    const same = sameType(ctx, capture.inputs[i]!, hostStaged[i]!);
    if (!decided(same)) return unknown('type too large');
    if (!same)
      return invalid(
        `Capture function host-staged input argument ${i} type mismatch: expected ${typeDisplay(hostStaged[i]!)}, but got ${typeDisplay(capture.inputs[i]!)}`,
      );
  }
  for (let i = 0; i < slots.length; i++) {
    const arg = capture.inputs[hostStaged.length + i]!;
    const same = sameType(ctx, arg, slots[i]!);
    if (!decided(same)) return unknown('type too large');
    if (!same)
      return invalid(
        `Capture function slot argument ${i} type mismatch: expected ${typeDisplay(slots[i]!)} from slot allocation function, but got ${typeDisplay(arg)}`,
      );
  }
  for (let i = 0; i < semaphoreTypes.length; i++) {
    const arg = capture.inputs[hostStaged.length + slots.length + i]!;
    const same = sameType(ctx, arg, semaphoreTypes[i]!);
    if (!decided(same)) return unknown('type too large');
    if (!same)
      return invalid(
        `Semaphore input argument ${i} type mismatch: expected ${typeDisplay(arg)} from capture function, but got ${typeDisplay(semaphoreTypes[i]!)}`,
      );
  }
  if (capture.results.length !== 1)
    return invalid(
      `Capture function '${captureName}' must return exactly one trace_id value, but returns ${capture.results.length}`,
    );
  const capturedId = isTraceIdTensor(ctx, capture.results[0]);
  if (!decided(capturedId)) return unknown('capture result type unreadable');
  if (!capturedId)
    return invalid(
      `Capture function '${captureName}' must return a trace_id tensor (scalar ui32 with TraceIdAttr encoding)`,
    );

  // Trace function: the callee of the first call in the capture function.
  let call: Operation | undefined;
  const walked = walkPostOrder(
    captureFn.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations)),
    (inner) => {
      if (inner.name === 'func.call') call = inner;
      return call === undefined;
    },
  );
  if (call === undefined && !walked) return unknown('capture function too large to walk');
  const callee =
    call === undefined
      ? undefined
      : call.form === 'custom'
        ? call.symbolUses[0]?.name
        : symbolOfProperty(call, 'callee');
  if (call !== undefined && (callee === undefined || callee.startsWith('@"')))
    return unknown('call without a readable callee');
  const traceName = callee?.slice(1);
  if (traceName === undefined) return invalid('No trace function found in capture function');
  const traceFn = lookupFunction(scope, traceName);
  if (traceFn === undefined) return invalid(`'${traceName}' does not reference a function`);
  const trace = signatureOf(traceFn);
  if (trace === undefined) return unknown('trace signature unreadable');
  if (trace.results.length !== 0)
    return invalid(
      `Trace function '${traceName}' must return no results; it stores its outputs into the output slot arguments`,
    );
  const body = traceFn.regions[0]?.blocks[0];
  if (body === undefined) return unknown('trace function has no body');
  const traceArgs = verifyTraceArguments(ctx, body);
  if (traceArgs.kind !== 'valid') return traceArgs;
  const traceBody = verifyTraceBody(ctx, path, traceFn);
  if (traceBody.kind !== 'valid') return traceBody;

  // Execute function.
  const executeFn = lookupFunction(scope, executeName);
  if (executeFn === undefined) return invalid(`'${executeName}' does not reference a function`);
  const execute = signatureOf(executeFn);
  if (execute === undefined) return unknown('execute signature unreadable');
  if (execute.inputs.length !== 1)
    return invalid(
      `Execute function '${executeName}' must take exactly one trace_id argument, but has ${execute.inputs.length} arguments`,
    );
  const executeId = isTraceIdTensor(ctx, execute.inputs[0]);
  if (!decided(executeId)) return unknown('execute argument type unreadable');
  if (!executeId)
    return invalid(
      `Execute function '${executeName}' argument must be a trace_id tensor (scalar ui32 with TraceIdAttr encoding)`,
    );
  return VALID;
}

function symbolOfProperty(op: Operation, name: string): string | undefined {
  const s = flatSymbol(op, name);
  return s === undefined ? undefined : `@${s}`;
}

function isGlobalSemaphore(ctx: ChunkContext, type: TypeNode | undefined): boolean {
  const t = resolveType(type, ctx.aliases);
  return t !== undefined && t.kind === 'dialectType' && t.name === 'ttnn.global_semaphore';
}

/** MLIR prints a block argument operand like this in the verifier's message. */
function blockArgumentText(type: TypeNode, index: number): string {
  return `<block argument> of type '${typeDisplay(type)}' at index: ${index}`;
}

function verifyTraceArguments(ctx: ChunkContext, body: Block): Verdict {
  for (const [i, arg] of body.arguments.entries()) {
    if (arg.type === undefined) return unknown('trace argument without a type');
    const ranked = isRankedTensor(ctx, arg.type);
    if (!decided(ranked)) return unknown('trace argument type unreadable');
    if (!ranked) {
      if (isGlobalSemaphore(ctx, arg.type)) continue;
      return invalid('All input arguments of trace function must be ranked tensors or global semaphores');
    }
    const onDevice = isOnDevice(ctx, arg.type);
    if (!decided(onDevice)) return unknown('trace argument layout unreadable');
    if (!onDevice)
      return invalid(
        `All input arguments of trace function must be on device.${blockArgumentText(arg.type, i)} is not on device.`,
      );
  }
  return VALID;
}

/** The op that defines SSA value `name` before the trace op, in its block or an enclosing one up to its function. */
function definingOpBefore(path: readonly Frame[], name: string): Operation | undefined {
  for (let level = path.length - 1; level >= 0; level--) {
    const frame = path[level]!;
    for (let i = frame.index - 1; i >= 0; i--) {
      const candidate = frame.siblings[i]!;
      if (candidate.results.some((g) => g.name === name)) return candidate;
    }
    if (level > 0 && path[level - 1]!.op.signature !== undefined) break; // a function body is isolated from above
  }
  return undefined;
}

/** A get_device's `mesh_shape` / `mesh_offset` as compared: its `RxC` list, '' when absent (MLIR's absent optional
 *  attribute), undefined when unreadable (the one reader, ttnn/fromSyntax.ts `getDeviceMeshAttr`). */
function meshProperty(ctx: ChunkContext, op: Operation, name: 'mesh_shape' | 'mesh_offset'): string | undefined {
  const read = getDeviceMeshAttr(op, name, ctx.aliases);
  return read.kind === 'dims' ? read.text : read.kind === 'absent' ? '' : undefined;
}

/** The walk of TTNNOps.cpp over the trace function: nested trace ops and load_cached, device configuration, tensors on device. */
function verifyTraceBody(ctx: ChunkContext, path: readonly Frame[], traceFn: Operation): Verdict {
  const traceOp = path[path.length - 1]!.op;
  let verdict: Verdict = VALID;
  let traceDevice: { shape: string | undefined; offset: string | undefined } | 'unknown' | undefined;
  const valueOnDevice = (type: TypeNode, name: string, what: 'input' | 'output'): boolean => {
    const ranked = isRankedTensor(ctx, type);
    if (ranked === false) return true;
    const onDevice = ranked === 'unknown' ? 'unknown' : isOnDevice(ctx, type);
    if (onDevice === 'unknown') verdict = unknown(`${what} layout unreadable`);
    else if (!onDevice)
      verdict = invalid(`All ${what} tensors of trace function must be on device.${name} is not on device.`);
    return verdict.kind === 'valid';
  };
  const completed = walkPostOrder(
    traceFn.regions.flatMap((r) => r.blocks.flatMap((b) => b.operations)),
    (op) => {
      if (op.name === CAPTURE_OR_EXECUTE_TRACE) {
        verdict = invalid('CaptureOrExecuteTraceOp op must not be nested within trace function');
        return false;
      }
      if (op.name === 'ttcore.load_cached' || op.name === 'tt.load_cached') {
        verdict = invalid('LoadCached op must not be nested within trace function');
        return false;
      }
      if (op.name === 'ttnn.get_device') {
        if (traceDevice === undefined) {
          const device = traceOp.operands[0];
          const definer =
            device === undefined || device.resultIndex !== undefined ? undefined : definingOpBefore(path, device.name);
          traceDevice =
            definer?.name === 'ttnn.get_device'
              ? { shape: meshProperty(ctx, definer, 'mesh_shape'), offset: meshProperty(ctx, definer, 'mesh_offset') }
              : 'unknown';
        }
        const shape = meshProperty(ctx, op, 'mesh_shape');
        const offset = meshProperty(ctx, op, 'mesh_offset');
        if (
          traceDevice === 'unknown' ||
          traceDevice.shape === undefined ||
          traceDevice.offset === undefined ||
          shape === undefined ||
          offset === undefined
        ) {
          verdict = unknown('device configuration undecidable');
          return false;
        }
        if (traceDevice.shape !== shape || traceDevice.offset !== offset) {
          verdict = invalid(
            'Device configuration of get_device op in callee must match device configuration of trace op',
          );
          return false;
        }
        return true;
      }
      if (
        op.operandTypes.length !== op.operands.length ||
        op.resultTypes.length !== op.results.reduce((n, g) => n + g.count, 0)
      ) {
        verdict = unknown(`${op.name}: operand or result types not all written`);
        return false;
      }
      for (const [i, t] of op.operandTypes.entries())
        if (!valueOnDevice(t, op.operands[i]!.name, 'input')) return false;
      for (const [i, t] of op.resultTypes.entries()) if (!valueOnDevice(t, resultName(op, i), 'output')) return false;
      return true;
    },
  );
  if (!completed && verdict.kind === 'valid') return unknown('trace function too large to walk');
  return verdict;
}

function resultName(op: Operation, index: number): string {
  let i = index;
  for (const g of op.results) {
    if (i < g.count) return g.count === 1 ? g.name : `${g.name}#${i}`;
    i -= g.count;
  }
  return `result ${index}`;
}

/**
 * Shared by the reliability property tests and `scripts/fuzz.ts`: fast-check arbitraries that mutate real TTNN files
 * (truncation, byte flips, line edits, brackets, giant and negative numbers, unknown dtypes) or generate single-op
 * modules, module trees with symbols and calls across nested modules, non-MLIR inputs, and `documentViolations`, the
 * invariants every analysed document must satisfy ("nothing crashes, nothing lies"), and `expectedCheckExit`, the CLI
 * exit code the README documents for an input.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  analyzeDocument,
  codeLenses,
  DEFAULT_ANALYSIS_SETTINGS,
  definitionAt,
  diagnostics,
  documentSymbols,
  fileSummary,
  foldingRanges,
  hasMlirOperations,
  hoverAt,
  inlayHints,
  referencesAt,
  timeline,
  type DocumentAnalysis,
} from '../../server/src/features';
import { modeledOpNames } from '../../server/src/estimate/registry';
import type { OpEstimateResult } from '../../server/src/estimate/types';
import { decodeSource } from '../../server/src/text/decode';

const ROOT = path.join(__dirname, '../..');

/** Corpus files small enough to analyse thousands of times a second or so (whole-file fuzzing), plus the seed. */
export function loadSources(maxBytes = 45_000): readonly { readonly name: string; readonly text: string }[] {
  const out: { name: string; text: string }[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.mlir') && fs.statSync(full).size <= maxBytes)
        out.push({ name: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  visit(path.join(ROOT, 'test/fixtures/corpus'));
  visit(path.join(ROOT, 'examples'));
  out.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations: plain data, so fast-check can shrink a failing list of them.

export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flipByte'; readonly at: number; readonly bit: number }
  | { readonly kind: 'deleteLine'; readonly at: number }
  | { readonly kind: 'duplicateLine'; readonly at: number }
  | { readonly kind: 'deleteBracket'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'replaceNumber'; readonly at: number; readonly text: string }
  | { readonly kind: 'replaceDtype'; readonly at: number; readonly text: string }
  | { readonly kind: 'crlf' };

/** Numbers that break naive arithmetic: zero, negative, 2^31/2^32/2^53 edges, 64-bit overflow, floats. */
export const NASTY_NUMBERS = [
  '0',
  '-1',
  '-32',
  '1',
  '31',
  '33',
  '4294967295',
  '4294967296',
  '2147483648',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '18446744073709551616',
  '99999999999999999999',
  '1e309',
  '0x7fffffffffffffff',
  '1.5',
  '00000000000000000001',
];

const INSERTS = [
  '<',
  '>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '"',
  '%',
  '#',
  '!',
  '@',
  '^',
  ':',
  '=',
  '->',
  '{-#',
  '#-}',
  '// -----\n',
  '((((((((',
  '<<<<<<<<',
  '\u{1F600}',
  '\0',
  '\uFFFD',
  '\uD800',
  'loc(',
  'tensor<',
  '\\',
  '\n',
  '\r',
  '\t',
  'x',
  '?x',
  '*x',
  'memref<',
  '#ttnn.ttnn_layout<',
  'dense_resource<',
];

const DTYPES = [
  'bf16',
  'f32',
  'u8',
  'si32',
  'i1',
  'bfp_bf8',
  'bf17',
  'f64',
  'i64',
  'q8',
  'f8E4M3FN',
  'complex<f32>',
  'index',
  '!ttcore.tile<32x32, bf17>',
  '!ttcore.tile<16x16, bf16>',
];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('flipByte' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: position }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: position }),
  fc.record({ kind: fc.constant('deleteBracket' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 8, unit: 'binary' })),
  }),
  fc.record({
    kind: fc.constant('replaceNumber' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String)),
  }),
  fc.record({ kind: fc.constant('replaceDtype' as const), at: position, text: fc.constantFrom(...DTYPES) }),
  fc.constant({ kind: 'crlf' as const }),
);

function nthMatch(text: string, re: RegExp, at: number): RegExpExecArray | undefined {
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && matches.length < 100_000; m = re.exec(text)) {
    matches.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return matches.length === 0 ? undefined : matches[Math.floor(at * matches.length)];
}

export function applyMutation(text: string, m: Mutation): string {
  const i = 'at' in m ? Math.floor(m.at * (text.length + 1)) : 0;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, i);
    case 'flipByte': {
      // At the byte level, then decoded like a file from disk: may produce invalid UTF-8 or a NUL byte.
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      const b = Math.floor(m.at * bytes.length);
      bytes[b] ^= 1 << m.bit;
      const decoded = decodeSource(bytes);
      return decoded.kind === 'text' ? decoded.text : new TextDecoder('utf-8').decode(bytes);
    }
    case 'deleteLine':
    case 'duplicateLine': {
      const lines = text.split('\n');
      const l = Math.floor(m.at * lines.length);
      if (m.kind === 'deleteLine') lines.splice(l, 1);
      else lines.splice(l, 0, lines[l]);
      return lines.join('\n');
    }
    case 'deleteBracket': {
      const hit = nthMatch(text, /[<>(){}[\]]/g, m.at);
      return hit === undefined ? text : text.slice(0, hit.index) + text.slice(hit.index + 1);
    }
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'replaceNumber': {
      const hit = nthMatch(text, /\d+/g, m.at);
      return hit === undefined ? text : text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length);
    }
    case 'replaceDtype': {
      const hit = nthMatch(text, /\b(?:bf16|f32|ui32|si32|u8|bfp_bf8)\b/g, m.at);
      return hit === undefined ? text : text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

/** Which source and which mutations (small, so a failing case prints and shrinks well). */
export interface MutationPlan {
  readonly source: number;
  readonly mutations: readonly Mutation[];
}

export function mutationPlanArb(sources: readonly { readonly text: string }[]): fc.Arbitrary<MutationPlan> {
  return fc.record({
    source: fc.nat({ max: sources.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  });
}

export function applyPlan(sources: readonly { readonly text: string }[], plan: MutationPlan): string {
  return plan.mutations.reduce(applyMutation, sources[plan.source].text);
}

export function mutatedSourceArb(sources: readonly { readonly text: string }[]): fc.Arbitrary<string> {
  return mutationPlanArb(sources).map((plan) => applyPlan(sources, plan));
}

// ---------------------------------------------------------------------------------------------
// Generated single-op modules: every modeled op over random shapes, dtypes and layouts (incl. broken ones).

const DIM = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4096 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('1', '32', '33', '64', '0') },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
);

const SHAPE = fc.array(DIM, { minLength: 0, maxLength: 5 });

const LAYOUT_MEMORY = fc.constantFrom(
  '#dram',
  '#l1',
  '#ttnn.buffer_type<l1>',
  '#ttnn.buffer_type<dram>',
  '#system_memory',
  '#nowhere',
  '',
);
const LAYOUT_KIND = fc.constantFrom(
  '<interleaved>',
  '<height_sharded>',
  '<width_sharded>',
  '<block_sharded>',
  '<single_bank>',
  '<bogus>',
  '',
);

interface GeneratedTensor {
  readonly shape: string[];
  readonly dtype: string;
  readonly tile: boolean;
  readonly memory: string;
  readonly kind: string;
  readonly grid: [string, string];
  readonly memref: string[] | undefined;
  readonly encoding: 'alias' | 'none' | 'inline' | 'undefinedAlias';
}

const tensorArb: fc.Arbitrary<GeneratedTensor> = fc.record({
  shape: SHAPE,
  dtype: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('bf16', 'f32', 'si32', 'ui32', 'u8') },
    { weight: 1, arbitrary: fc.constantFrom(...DTYPES) },
  ),
  tile: fc.boolean(),
  memory: LAYOUT_MEMORY,
  kind: LAYOUT_KIND,
  grid: fc.tuple(fc.oneof(fc.constantFrom('1', '8'), DIM), fc.oneof(fc.constantFrom('1', '8'), DIM)),
  // undefined: the canonical memref derived from the shape; otherwise a random (possibly inconsistent) one
  memref: fc.option(fc.array(DIM, { minLength: 0, maxLength: 3 }), { nil: undefined }),
  encoding: fc.constantFrom(
    'alias' as const,
    'alias' as const,
    'alias' as const,
    'none' as const,
    'inline' as const,
    'undefinedAlias' as const,
  ),
});

function canonicalMemref(shape: readonly string[], tile: boolean): string[] {
  // Collapse to 2-D [rows, cols] using BigInt so nasty dims stay exact text; tiles when tiled.
  try {
    const dims = shape.map((d) => BigInt(d));
    if (dims.length === 0) return tile ? ['1', '1'] : ['1', '1'];
    const cols = dims[dims.length - 1];
    let rows = 1n;
    for (let k = 0; k < dims.length - 1; k++)
      rows *= k === dims.length - 2 && tile ? ((dims[k] + 31n) / 32n) * 32n : dims[k];
    return tile ? [String((rows + 31n) / 32n), String((cols + 31n) / 32n)] : [String(rows), String(cols)];
  } catch {
    return ['1', '1'];
  }
}

function tensorText(t: GeneratedTensor, aliasName: string): { type: string; aliasDef: string } {
  const elem = t.dtype.startsWith('!') || t.dtype.includes('<') ? 'bf16' : t.dtype;
  const memref = t.memref ?? canonicalMemref(t.shape, t.tile);
  const memrefElem = t.tile ? `!ttcore.tile<32x32, ${elem}>` : elem;
  const memrefText = `memref<${memref.map((d) => `${d}x`).join('')}${memrefElem}${t.memory === '' ? '' : `, ${t.memory}`}>`;
  const rank = Math.max(t.shape.length, 1);
  const dims = Array.from({ length: rank }, (_, k) => `d${k}`).join(', ');
  const body = `(${dims}) -> (${dims}), <${t.grid[0]}x${t.grid[1]}>, ${memrefText}${t.kind === '' ? '' : `, ${t.kind}`}`;
  const layout = `#ttnn.ttnn_layout<${body}>`;
  const shapeText = t.shape.map((d) => `${d}x`).join('');
  const tensorElem = t.dtype.startsWith('!') ? t.dtype : elem;
  switch (t.encoding) {
    case 'none':
      return { type: `tensor<${shapeText}${tensorElem}>`, aliasDef: '' };
    case 'inline':
      return { type: `tensor<${shapeText}${tensorElem}, ${layout}>`, aliasDef: '' };
    case 'undefinedAlias':
      return { type: `tensor<${shapeText}${tensorElem}, #missing_${aliasName}>`, aliasDef: '' };
    case 'alias':
      return { type: `tensor<${shapeText}${tensorElem}, #${aliasName}>`, aliasDef: `#${aliasName} = ${layout}\n` };
  }
}

const PROP_VALUES = fc.oneof(
  DIM.map((d) => `${d} : i32`),
  fc.array(DIM, { maxLength: 5 }).map((ds) => `array<i64: ${ds.join(', ')}>`),
  fc.array(DIM, { maxLength: 5 }).map((ds) => `[${ds.map((d) => `${d} : i32`).join(', ')}]`),
  fc.constantFrom(
    'true',
    'false',
    '1.0 : f32',
    '#ttnn.layout<tile>',
    '#ttnn.layout<row_major>',
    '#ttcore.supportedDataTypes<bf16>',
    '"zeros"',
    '#ttnn.shard_spec<>',
  ),
);

const PROP_NAMES = [
  'dim',
  'dims',
  'shape',
  'permutation',
  'padding',
  'begins',
  'ends',
  'step',
  'layout',
  'dtype',
  'keep_dim',
  'value',
  'transpose_a',
  'transpose_b',
  'kernel_size',
  'stride',
  'in_channels',
  'out_channels',
  'batch_size',
  'input_height',
  'input_width',
  'input_depth',
  'groups',
  'use_multicore',
  'padded_shape',
  'output_shape',
  'dimension',
];

export const generatedModuleArb: fc.Arbitrary<string> = fc
  .record({
    ops: fc.array(
      fc.record({
        name: fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...modeledOpNames()) },
          { weight: 1, arbitrary: fc.constantFrom('ttnn.not_an_op', 'tosa.add', 'ttnn.') },
        ),
        operands: fc.array(tensorArb, { minLength: 0, maxLength: 3 }),
        results: fc.array(tensorArb, { minLength: 0, maxLength: 2 }),
        props: fc.dictionary(fc.constantFrom(...PROP_NAMES), PROP_VALUES, { maxKeys: 5 }),
        dealloc: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    systemDesc: fc.option(fc.record({ l1: DIM, base: DIM, grid: fc.tuple(DIM, DIM) }), { nil: undefined }),
  })
  .map(({ ops, systemDesc }) => {
    let aliases = '';
    let body = '';
    let nAlias = 0;
    let nValue = 0;
    const args: string[] = [];
    const live: { name: string; type: string }[] = [];
    for (const op of ops) {
      const operandNames: string[] = [];
      const operandTypes: string[] = [];
      for (const t of op.operands) {
        const tt = tensorText(t, `l${nAlias++}`);
        aliases += tt.aliasDef;
        // Reuse an earlier result half of the time so liveness sees chains; otherwise a new argument.
        const earlier = live.length > 0 && nValue % 2 === 0 ? live[nValue % live.length] : undefined;
        if (earlier !== undefined) {
          operandNames.push(earlier.name);
          operandTypes.push(earlier.type);
        } else {
          const name = `%arg${args.length}`;
          args.push(`${name}: ${tt.type}`);
          operandNames.push(name);
          operandTypes.push(tt.type);
        }
        nValue++;
      }
      const resultTypes = op.results.map((t) => tensorText(t, `l${nAlias++}`));
      for (const r of resultTypes) aliases += r.aliasDef;
      const resultNames = resultTypes.map(() => `%${nValue++}`);
      const props = Object.entries(op.props)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ');
      const lhs = resultNames.length === 0 ? '' : `${resultNames.join(', ')} = `;
      body += `    ${lhs}"${op.name}"(${operandNames.join(', ')})${props === '' ? '' : ` <{${props}}>`} : (${operandTypes.join(', ')}) -> (${resultTypes.map((r) => r.type).join(', ')})\n`;
      resultNames.forEach((name, k) => live.push({ name, type: resultTypes[k].type }));
      if (op.dealloc && operandNames.length > 0)
        body += `    "ttnn.deallocate"(${operandNames[0]}) <{force = false}> : (${operandTypes[0]}) -> ()\n`;
    }
    const desc =
      systemDesc === undefined
        ? ''
        : `#system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux"}], [{arch = <wormhole_b0>, grid = ${systemDesc.grid[0]}x${systemDesc.grid[1]}, l1_size = ${systemDesc.l1}, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = ${systemDesc.base}, erisc_l1_unreserved_base = 98304, dram_unreserved_base = 32, dram_unreserved_end = 1073064064, num_cbs = 32}], [0], [1 : i32], [ 0x0x0x0]>\n`;
    const attrs = systemDesc === undefined ? '' : ' attributes {ttcore.system_desc = #system_desc}';
    return `#dram = #ttnn.buffer_type<dram>\n#l1 = #ttnn.buffer_type<l1>\n#system_memory = #ttnn.buffer_type<system_memory>\n${desc}${aliases}module${attrs} {\n  func.func @main(${args.join(', ')}) {\n${body}    return\n  }\n}\n`;
  });

// ---------------------------------------------------------------------------------------------
// Symbols across nested modules: functions (some with empty bodies, some declarations) inside builtin.module,
// ttcore.device_module and ttcore.cpu_module, called with func.call, ttcore.load_cached and trace ops, from the same
// module, another one, or nowhere (undefined symbols). Issue #15's crash: a func.func in a cpu_module using a symbol.

const WRAPPERS = ['builtin.module', 'ttcore.device_module', 'ttcore.cpu_module', 'module', 'tt.cpu_module'] as const;

interface GeneratedFunction {
  readonly body: 'ops' | 'empty' | 'declaration' | 'returnOnly';
  /** Indices (mod the function count) of the functions this one refers to, and how. */
  readonly calls: readonly { readonly target: number; readonly how: 'call' | 'load_cached' | 'trace' | 'undefined' }[];
}

interface GeneratedScope {
  readonly wrappers: readonly (typeof WRAPPERS)[number][];
  readonly functions: readonly GeneratedFunction[];
}

const functionArb: fc.Arbitrary<GeneratedFunction> = fc.record({
  body: fc.constantFrom(
    'ops' as const,
    'ops' as const,
    'empty' as const,
    'declaration' as const,
    'returnOnly' as const,
  ),
  calls: fc.array(
    fc.record({
      target: fc.nat({ max: 7 }),
      how: fc.constantFrom(
        'call' as const,
        'call' as const,
        'load_cached' as const,
        'trace' as const,
        'undefined' as const,
      ),
    }),
    { maxLength: 3 },
  ),
});

const scopeArb: fc.Arbitrary<GeneratedScope> = fc.record({
  wrappers: fc.array(fc.constantFrom(...WRAPPERS), { minLength: 0, maxLength: 3 }),
  functions: fc.array(functionArb, { minLength: 1, maxLength: 4 }),
});

const T = 'tensor<64x64xbf16, #l1_tile>';
const LAYOUT_HEADER =
  '#dram = #ttnn.buffer_type<dram>\n#l1 = #ttnn.buffer_type<l1>\n' +
  '#l1_tile = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<2x2x!ttcore.tile<32x32, bf16>, #l1>, <interleaved>>\n';

/** Text of one generated module tree; `truncateAt` (0..1) cuts it like a half-written file. */
export const nestedModuleArb: fc.Arbitrary<string> = fc
  .record({
    scopes: fc.array(scopeArb, { minLength: 1, maxLength: 3 }),
    truncateAt: fc.option(position, { nil: undefined, freq: 4 }),
  })
  .map(({ scopes, truncateAt }) => {
    let text = LAYOUT_HEADER + 'module {\n';
    scopes.forEach((scope, s) => {
      const names = scope.functions.map((_, f) => `@f${s}_${f}`);
      let inner = '';
      scope.functions.forEach((fn, f) => {
        const name = names[f]!;
        if (fn.body === 'declaration') {
          inner += `func.func private ${name}(${T}) -> ${T}\n`;
          return;
        }
        if (fn.body === 'empty') {
          inner += `func.func ${name}() {\n}\n`;
          return;
        }
        let body = '';
        let last = '%arg0';
        fn.calls.forEach((c, k) => {
          const target = c.how === 'undefined' ? `@missing${k}` : (names[c.target % names.length] ?? '@nowhere');
          const result = `%c${k}`;
          switch (c.how) {
            case 'call':
            case 'undefined':
              body += `  ${result} = func.call ${target}(${last}) : (${T}) -> ${T}\n`;
              break;
            case 'load_cached':
              body += `  ${result} = ttcore.load_cached(${target}, [${last}]) : (${T}) -> ${T}\n`;
              break;
            case 'trace':
              body += `  ${result} = "ttnn.capture_or_execute_trace"(${last}) <{capture_callee = ${target}, execute_callee = ${target}}> : (${T}) -> ${T}\n`;
              break;
          }
          last = result;
        });
        if (fn.body === 'ops') {
          body += `  %r = "ttnn.relu"(${last}) : (${T}) -> ${T}\n`;
          last = '%r';
        }
        inner += `func.func ${name}(%arg0: ${T}) -> ${T} {\n${body}  return ${last} : ${T}\n}\n`;
      });
      for (const w of [...scope.wrappers].reverse()) inner = `${w} {\n${inner}}\n`;
      text += inner;
    });
    text += '}\n';
    return truncateAt === undefined ? text : text.slice(0, Math.floor(truncateAt * text.length));
  });

// ---------------------------------------------------------------------------------------------
// What the CLI must answer (README "Exit codes"): 0 nothing overflows, 1 an op overflows, 2 unusable input.

/** The exit code `ttnn-l1 check` must give for these bytes, from the core in-process (the CLI adds only I/O). */
export function expectedCheckExit(bytes: Uint8Array): 0 | 1 | 2 {
  const decoded = decodeSource(bytes);
  if (decoded.kind === 'rejected') return 2;
  const doc = analyzeDocument(decoded.text, DEFAULT_ANALYSIS_SETTINGS);
  if (!hasMlirOperations(doc.parse)) return 2;
  // README: 1 when an op overflows or tt-metal rejects an op's configuration (`op-illegal`: the run throws there too);
  // a usable-L1 cap excess is a planning warning, not a tt-metal throw.
  const summary = fileSummary(doc);
  return summary.overflowCount > 0 || summary.illegalOpCount > 0 ? 1 : 0;
}

/** Text that is not MLIR though it has quotes, dots, braces and `return`s (issue #15 item 5). */
export const NON_MLIR_TEXTS: readonly string[] = [
  '""',
  '{"name": "ttnn-l1-lens", "main": "./dist/extension.js", "ttnn.add": 1}\n',
  '# Title\n\nUse `"ttnn.to_layout"` here: `%9 = "ttnn.to_layout"` fails.\n',
  'import torch\n\ndef f(x):\n    return torch.nn.functional.pad(x, (1, 1), mode="replicate")\n',
  'int main() { return 0; }\n',
  'see "ttnn.conv3d" and "func.func" in the docs\n',
];

/** Non-MLIR inputs as bytes: the texts above, random non-NUL bytes, UTF-16 of a real dump. */
export const nonMlirBytesArb = (sources: readonly { readonly text: string }[]): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.constantFrom(...NON_MLIR_TEXTS).map((t) => Buffer.from(t, 'utf8') as Uint8Array),
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((b) => b.map((x) => (x === 0 ? 1 : x))),
    fc
      .nat({ max: sources.length - 1 })
      .map(
        (i) =>
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from(sources[i]!.text.slice(0, 2000), 'utf16le'),
          ]) as Uint8Array,
      ),
  );

// ---------------------------------------------------------------------------------------------
// Invariants

// `undefined layout alias #x` is a real reason; a bare `undefined` is a missing value printed.
const BAD_TEXT = /\bNaN\b|Infinity|\bundefined\b(?! layout alias)|\[object Object\]/;

function checkCount(out: string[], where: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    out.push(`${where} = ${String(value)} is not a non-negative safe integer`);
}

function checkEstimate(out: string[], where: string, e: OpEstimateResult): void {
  if (e.kind === 'illegal') {
    if (BAD_TEXT.test(e.rule)) out.push(`${where}: rule says ${JSON.stringify(e.rule)}`);
    return;
  }
  if (e.kind === 'unmodeled') {
    if (/internal estimator error/.test(e.reason)) out.push(`${where}: estimator threw: ${e.reason}`);
    if (BAD_TEXT.test(e.reason)) out.push(`${where}: reason says ${JSON.stringify(e.reason)}`);
    return;
  }
  checkCount(out, `${where}.l1TensorBytesPerCore`, e.l1TensorBytesPerCore);
  for (const o of e.outputs) checkCount(out, `${where}.outputs.bytesPerCore`, o.bytesPerCore);
  if (e.kind === 'noProgram') return;
  for (const key of [
    'nCoresUsed',
    'cbBytesPerCore',
    'cbRegionEndBytes',
    'worstCbBytesPerCore',
    'cbBytesSummedOverRanges',
  ] as const)
    checkCount(out, `${where}.${key}`, e[key]);
  for (const n of [...e.grid, ...e.reportedCore, ...e.worstCore]) checkCount(out, `${where} core/grid`, n);
  for (const g of e.coreGroups)
    for (const key of ['nCores', 'cbBytesPerCore', 'cbRegionEndBytes'] as const)
      checkCount(out, `${where}.coreGroups.${key}`, g[key]);
  for (const cb of e.cbs)
    for (const key of ['nPages', 'pageBytes', 'totalBytes'] as const) checkCount(out, `${where}.cbs.${key}`, cb[key]);
  if (BAD_TEXT.test(e.factoryReason)) out.push(`${where}: factoryReason says ${JSON.stringify(e.factoryReason)}`);
  for (const n of e.notes) if (BAD_TEXT.test(n)) out.push(`${where}: note says ${JSON.stringify(n)}`);
}

export interface CheckOptions {
  /** Also compute every hover, inlay hint, code lens, outline and timeline (slower; the CI slice does it). */
  readonly features?: boolean;
}

/** Every invariant violated by the analysis of `text` (empty when all hold). Exceptions are violations too. */
export function documentViolations(text: string, options: CheckOptions = {}): string[] {
  const out: string[] = [];
  let doc: DocumentAnalysis;
  try {
    doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  } catch (e) {
    return [`analyzeDocument threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  try {
    for (const e of doc.parse.errors) {
      if (!(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length))
        out.push(`parse error range ${JSON.stringify(e.range)} outside the text`);
      if (/internal parser error/.test(e.message)) out.push(`parser threw: ${e.message}`);
    }
    const a = doc.analysis;
    checkCount(out, 'limitBytesPerCore', a.limitBytesPerCore);
    for (const fa of a.functions) {
      for (const op of fa.ops) {
        const where = `${fa.fn.name}/${op.index} ${op.op.name}`;
        checkEstimate(out, where, op.estimate);
        if (op.cbBytesPerCore !== null) checkCount(out, `${where}.cbBytesPerCore`, op.cbBytesPerCore);
        if (op.estimate.kind === 'unmodeled' && op.cbBytesPerCore !== null)
          out.push(`${where}: unmodeled op reports ${op.cbBytesPerCore} CB bytes`);
        checkCount(out, `${where}.liveL1TensorBytesPerCore`, op.liveL1TensorBytesPerCore);
        checkCount(out, `${where}.peakL1BytesPerCore`, op.peakL1BytesPerCore);
        if (op.overflow !== undefined) {
          checkCount(out, `${where}.overflow.cbRegionEndBytes`, op.overflow.cbRegionEndBytes);
          checkCount(out, `${where}.overflow.limitBytes`, op.overflow.limitBytes);
          if (BAD_TEXT.test(op.overflow.message))
            out.push(`${where}: overflow message says ${JSON.stringify(op.overflow.message)}`);
        }
        // An op whose main input or output cannot be decoded has no number (extra operands, e.g. an unused bias, may be
        // ignored by a model that does not need them).
        if (op.estimate.kind === 'estimate') {
          for (const spec of [op.op.operands[0], op.op.results[0]]) {
            if (spec === undefined || spec.kind !== 'tensor') continue;
            if (spec.layout.kind === 'unknown' || spec.shape.kind === 'unknown') {
              const why =
                spec.layout.kind === 'unknown'
                  ? spec.layout.reason
                  : spec.shape.kind === 'unknown'
                    ? spec.shape.reason
                    : '';
              out.push(`${where}: estimated ${op.estimate.cbBytesPerCore} B although a tensor is undecodable (${why})`);
            }
          }
        }
      }
      for (const li of fa.liveIntervals) checkCount(out, `${fa.fn.name} live ${li.valueName}`, li.bytesPerCore);
      if (fa.peak !== undefined) checkCount(out, `${fa.fn.name}.peak`, fa.peak.bytesPerCore);
    }
    for (const d of diagnostics(doc)) {
      if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length))
        out.push(`diagnostic range ${JSON.stringify(d.range)} outside the text`);
      if (d.message.trim() === '') out.push('empty diagnostic message');
      else if (d.code !== 'syntax-error' && BAD_TEXT.test(d.message))
        out.push(`diagnostic says ${JSON.stringify(d.message)}`);
    }
    if (options.features === true) {
      for (const entry of doc.opsInOrder) {
        const h = hoverAt(doc, entry.op.op.range.start);
        if (h !== undefined && BAD_TEXT.test(h.markdown.replace(/```mlir[\s\S]*?```/g, ''))) {
          const line = h.markdown.split('\n').find((l) => BAD_TEXT.test(l)) ?? '';
          out.push(
            `hover on ${entry.op.op.name} says ${JSON.stringify(line.match(BAD_TEXT)?.[0])}: ${line.slice(0, 300)}`,
          );
        }
      }
      for (const hint of inlayHints(doc, { start: 0, end: text.length }))
        if (BAD_TEXT.test(hint.label)) out.push(`inlay hint says ${hint.label}`);
      for (const lens of codeLenses(doc)) if (BAD_TEXT.test(lens.title)) out.push(`code lens says ${lens.title}`);
      for (const f of timeline(doc).functions) {
        for (const p of f.ops) {
          if (p.cbBytesPerCore !== null) checkCount(out, 'timeline cb', p.cbBytesPerCore);
          checkCount(out, 'timeline live', p.liveL1TensorBytesPerCore);
        }
      }
      documentSymbols(doc.parse.file);
      foldingRanges(doc.parse.file, doc.lineIndex);
      // Navigation from every symbol use of every function (calls across nested modules).
      for (const fa of doc.analysis.functions) {
        for (const index of fa.fn.opsWithSymbols) {
          const op = fa.fn.ops[index];
          if (op === undefined) continue;
          definitionAt(doc.parse.file, op.range.start);
          referencesAt(doc.parse.file, op.range.start, { includeDeclaration: true });
        }
      }
    }
  } catch (e) {
    out.push(`feature threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return out;
}

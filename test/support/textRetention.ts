/**
 * Run in a child `node --expose-gc -r tsx/cjs` (test/unit/features/textRetention.test.ts): analyses a generated
 * document, drops the text, and prints how many bytes that freed (JSON on stdout), so the test can see whether anything
 * the one-shot analysis keeps is a slice of the text (text/detachedCopy.ts).
 */

import { analyzeDetached, DEFAULT_ANALYSIS_SETTINGS } from '../../server/src/features/documentAnalysis';
import { diagnostics } from '../../server/src/features/diagnostics';
import { getHeapSpaceStatistics } from 'node:v8';
import type { ModuleAnalysis } from '../../server/src/analysis/analyze';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

// Long op names, labels, file names and callee names: every kind of token text the TTNN view keeps.
function documentText(functions: number, opsPerFunction: number): string {
  const lines = ['#dram = #ttnn.buffer_type<dram>'];
  const layout =
    '#ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>';
  const type = `tensor<32x32xbf16, ${layout}>`;
  lines.push('module {');
  for (let f = 0; f < functions; f++) {
    lines.push(`  func.func @a_rather_long_function_name_${f}(%arg0: ${type}) -> ${type} {`);
    let last = '%arg0';
    for (let i = 0; i < opsPerFunction; i++) {
      const source = `loc("a_long_python_source_file_name.py":${i + 1}:7)`;
      // Long labels are copied out of the text; short ones (under 13 characters) are never views of it.
      const label = i % 2 === 0 ? `loc("a_long_op_label_${f}_${i}"(${source}))` : `loc("m${i}"(${source}))`;
      lines.push(`    %${i} = "ttnn.multiply"(${last}, ${last}) : (${type}, ${type}) -> ${type} ${label}`);
      last = `%${i}`;
    }
    if (f > 0) lines.push(`    %c = func.call @a_rather_long_function_name_${f - 1}(${last}) : (${type}) -> ${type}`);
    lines.push(`    return ${last} : ${type}`, '  }');
  }
  lines.push('}', '');
  return lines.join('\n');
}

/**
 * Bytes in V8's large-object space after a full GC: a string of a megabyte or more lives there alone, so the figure
 * moves by the text and not by the noise of the other spaces (compiled code, caches).
 */
function largeObjectBytes(): number {
  // V8 keeps the subject of the last regular-expression match alive (the legacy `RegExp.lastMatch` statics).
  /x/.exec('x');
  gc!();
  gc!();
  return getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')?.space_used_size ?? 0;
}

/**
 * Analyses a generated text; returns the analysis, and the text in a holder the caller empties (the caller never
 * reads the text itself: a register of its frame could keep it alive).
 */
function analyse(): {
  readonly analysis: ModuleAnalysis;
  readonly textLength: number;
  readonly holder: { text: string | undefined };
} {
  // Read as a file would be: one flat string with no other reference to it.
  const text = Buffer.from(documentText(20, 200), 'utf8').toString('utf8');
  const input = analyzeDetached(text, DEFAULT_ANALYSIS_SETTINGS);
  diagnostics(input);
  return { analysis: input.analysis, textLength: text.length, holder: { text } };
}

// Everything but the analysis and the text is garbage at the first measurement; the second drops the text only.
const { analysis, textLength, holder } = analyse();
const withText = largeObjectBytes();
holder.text = undefined;
const freedBytes = withText - largeObjectBytes();
const keptOps = analysis.functions.reduce((n, f) => n + f.ops.length, 0);
process.stdout.write(JSON.stringify({ textLength, freedBytes, keptOps }));

/**
 * The timeline webview's markup (client/src/timelineSvg.ts, a pure function of the `ttnnL1/timeline` result): one chart
 * at a time behind a function picker, bars whose figures are the diagnostics', overflow bars drawn above the L1 line.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { defaultFunction, renderTimelineHtml } from '../../../client/src/timelineSvg';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { timeline } from '../../../server/src/features/timeline';
import * as toProto from '../../../server/src/lsp/toProto';
import type { TimelineResult } from '../../../server/src/lsp/ext';

const ROOT = join(__dirname, '../../..');

function timelineOf(file: string): TimelineResult {
  const doc = analyzeDocument(readFileSync(join(ROOT, file), 'utf8'), {
    arch: 'auto',
    l1UnreservedBase: undefined,
    l1SmallSizeBytes: undefined,
    usableL1Cap: 1,
    ttMetalDate: 'auto',
    ttMetalEra: 'default',
    notReachedSeverity: 'warning',
    noModelInfo: false,
  });
  return toProto.timeline(doc.lineIndex, `file:///${file}`, timeline(doc));
}

/** The y of every `<rect class="CLS"` inside the `<g>` of the op labelled `label`. */
function rectYs(html: string, label: string, cls: string): number[] {
  const g = new RegExp(`<g class="op[^"]*"[^>]*aria-label="${label.replace(/[%.]/g, '\\$&')}[^"]*">(.*?)</g>`).exec(
    html,
  );
  assert.ok(g !== null, `no bar for ${label}`);
  return [...g[1]!.matchAll(new RegExp(`<rect class="${cls}" x="[^"]*" y="([^"]*)"`, 'g'))].map((m) => Number(m[1]));
}

describe('client/timeline markup', () => {
  it("seed: %9 is the first failure, its bar reads tt-metal's 9,990,400 B and rises above the L1 line", () => {
    const t = timelineOf('examples/mochi_replicate_pad.mlir');
    const html = renderTimelineHtml(t, 'mochi_replicate_pad.mlir');
    assert.equal(defaultFunction(t), '@main');
    // The bar of %9: aria-label and tooltip carry the region end tt-metal prints ("grow to 9990400 B").
    assert.match(html, /aria-label="%9 to_layout: 9,990,400 B, overflows"/);
    assert.match(html, />9\.99 MB<\/text>/);
    // The conv3d needs ~33 MB, over 3 x L1: a log axis, and the %9 bar's top is above the L1 line (not clipped).
    assert.match(html, />log scale</);
    const limitY = Number(/<line class="limit"[^>]*y1="([^"]*)"/.exec(html)![1]);
    const cbTop = Math.min(...rectYs(html, '%9 to_layout', 'cb over'));
    assert.ok(cbTop < limitY - 20, `%9 bar top ${cbTop} vs L1 line ${limitY}`);
    assert.match(html, /✗ tt-metal throws at %9 to_layout: 9,990,400 B/);
  });

  it('no analysis: "Analysing" while the file is open, a note naming the closed file once it is closed', () => {
    assert.match(renderTimelineHtml(null, 'model.mlir'), /Analysing model\.mlir…/);
    const closed = renderTimelineHtml(null, 'a<b>.mlir', undefined, true);
    assert.match(closed, /a&lt;b&gt;\.mlir is closed/);
    assert.doesNotMatch(closed, /Analysing/);
  });

  it('Falcon3-7B decode (145 functions): one chart, entry functions first, const-eval grouped in the picker', () => {
    const t = timelineOf('test/fixtures/corpus/falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir');
    const withOps = t.functions.filter((f) => f.ops.length > 0);
    assert.ok(withOps.length > 100, `${withOps.length} functions`);
    const html = renderTimelineHtml(t, 'falcon3.mlir');
    assert.equal((html.match(/<section class="function">/g) ?? []).length, 1);
    // The summary's peak is the function's own, not the axis top (the L1 size line).
    const main = t.functions.find((f) => f.name === '@main')!;
    const peak = Math.max(...main.ops.map((op) => op.l1EndBytes ?? t.l1UnreservedBase + op.liveL1TensorBytesPerCore));
    assert.ok(peak < t.l1SizeBytes);
    assert.match(html, new RegExp(`peak ${peak.toLocaleString('en-US')} B per core`));
    const constEval = withOps.filter((f) => f.role === 'const_eval').length;
    assert.ok(constEval > 100);
    assert.match(html, new RegExp(`<optgroup label="const-eval functions \\(${constEval}\\)">`));
    // Entry functions are listed before every other function.
    const firstConstEval = t.functions.findIndex((f) => f.role === 'const_eval');
    assert.ok(t.functions.slice(0, firstConstEval).every((f) => f.role !== 'const_eval'));
    assert.equal(t.functions[0]!.role, 'entry');
    // A pick draws that function only.
    const picked = withOps.find((f) => f.role === 'const_eval')!.name;
    const pickedHtml = renderTimelineHtml(t, 'falcon3.mlir', picked);
    assert.match(pickedHtml, new RegExp(`<h2>${picked}</h2>`));
    assert.match(pickedHtml, new RegExp(`<option value="${picked}" selected>`));
  });

  it('never says "no overflow" while an op of the function has no L1 figure', () => {
    // A relu (modeled, fits) then a ttnn.moe_gpt (a device program without an L1 model: unmodeledReasons.ts).
    const layout =
      '#l = #ttnn.ttnn_layout<(d0, d1) -> (d0, d1), <1x1>, memref<1x1x!ttcore.tile<32x32, bf16>, #dram>, <interleaved>>';
    const t = '(tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #l>';
    const text = [
      '#dram = #ttnn.buffer_type<dram>',
      layout,
      'module {',
      '  func.func @main(%arg0: tensor<32x32xbf16, #l>) -> tensor<32x32xbf16, #l> {',
      `    %0 = "ttnn.relu"(%arg0) : ${t}`,
      `    %1 = "ttnn.moe_gpt"(%0) : ${t}`,
      '    return %1 : tensor<32x32xbf16, #l>',
      '  }',
      '}',
      '',
    ].join('\n');
    const doc = analyzeDocument(text, { ...DEFAULT_ANALYSIS_SETTINGS, noModelInfo: false });
    const html = renderTimelineHtml(toProto.timeline(doc.lineIndex, 'file:///x.mlir', timeline(doc)), 'x.mlir');
    assert.match(html, /no modeled op overflows · 1 without an L1 figure/);
    assert.doesNotMatch(html, /no overflow</);
  });

  it('no analysis yet: says so instead of showing another file', () => {
    assert.match(renderTimelineHtml(null, 'b.mlir'), /Analysing b\.mlir/);
  });
});

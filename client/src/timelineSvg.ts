/**
 * Renders a `ttnnL1/timeline` result as HTML: a function picker (entry functions first, const-eval functions grouped)
 * and one inline SVG bar chart for the selected function — L1 per core over execution order as addresses from 0: the
 * reserved base, the CB region and the live L1 tensors stacked, the L1 size as a line, overflowing ops marked. A bar's
 * figure is the diagnostic's (for an overflow, the CB region end tt-metal prints). When a bar is more than a few times
 * the L1 size the axis turns logarithmic so every bar stays visible.
 * Plain SVG rather than a charting library: one chart type, no dependency to bundle or audit, and the markup is a pure
 * function of the data (no vscode import). Only the selected function is drawn: a 145-function dump costs one chart.
 * The webview script (client/media/timeline.js) adds the tooltip, click-to-reveal and the picker's messages.
 */
import { formatBytesExact, formatBytesShort, formatPercent } from './format';
import type { TimelineFunction, TimelineOpPoint, TimelineResult } from './lspExt';

const PLOT_HEIGHT_PX = 240;
const AXIS_WIDTH_PX = 78;
const TOP_MARGIN_PX = 64;
const LABEL_HEIGHT_PX = 96;
const MAX_X_LABELS = 60;
const MAX_LABEL_CHARS = 18;
/** Past this many L1 sizes the linear axis would flatten every other bar: switch to a log axis. */
const LOG_AXIS_AT_L1_SIZES = 3;
const LOG_AXIS_FLOOR_BYTES = 10_000;

/** The function shown when the user has not picked one: where tt-metal throws first, else the first entry function. */
export function defaultFunction(timeline: TimelineResult): string | undefined {
  const withOps = timeline.functions.filter((f) => f.ops.length > 0);
  return (withOps.find((f) => f.ops.some((op) => op.isFirstFailure)) ?? withOps[0])?.name;
}

/**
 * HTML for the webview body: the picker and the chart of `selected` (or the default), or a one-line note (`closed`:
 * the file was closed before its analysis arrived).
 */
export function renderTimelineHtml(
  timeline: TimelineResult | null,
  fileName: string,
  selected?: string,
  closed = false,
): string {
  if (timeline === null && closed)
    return `<p class="note">${escapeXml(fileName)} is closed: open a .mlir file to see its timeline.</p>`;
  if (timeline === null) return `<p class="note">Analysing ${escapeXml(fileName)}…</p>`;
  const withOps = timeline.functions.filter((f) => f.ops.length > 0);
  if (withOps.length === 0) return `<p class="note">${escapeXml(fileName)} has no TTNN ops to chart.</p>`;
  const fn =
    withOps.find((f) => f.name === selected) ??
    withOps.find((f) => f.name === defaultFunction(timeline)) ??
    withOps[0]!;
  const legend =
    '<p class="legend"><span class="swatch base"></span>reserved base <span class="swatch cb"></span>CB region ' +
    '<span class="swatch tensor"></span>live L1 tensors <span class="swatch over"></span>overflows ' +
    `<span class="swatch limit"></span>L1 size ${escapeXml(formatBytesExact(timeline.l1SizeBytes))} per core</p>`;
  return picker(withOps, fn.name) + legend + renderFunction(fn, timeline);
}

function picker(functions: readonly TimelineFunction[], selected: string): string {
  const option = (f: TimelineFunction): string => {
    const overflows = f.ops.filter((op) => op.overflows).length;
    const mark = f.ops.some((op) => op.isFirstFailure) ? '✗ ' : overflows > 0 ? '! ' : '';
    const detail = `${f.ops.length} op${f.ops.length === 1 ? '' : 's'}${overflows > 0 ? `, ${overflows} overflow${overflows === 1 ? '' : 's'}` : ''}${f.reached ? '' : ', not called'}`;
    return `<option value="${escapeXml(f.name)}"${f.name === selected ? ' selected' : ''}>${escapeXml(`${mark}${f.name} (${detail})`)}</option>`;
  };
  const constEval = functions.filter((f) => f.role === 'const_eval');
  const others = functions.filter((f) => f.role !== 'const_eval');
  const groups =
    others.map(option).join('') +
    (constEval.length === 0
      ? ''
      : `<optgroup label="const-eval functions (${constEval.length})">${constEval.map(option).join('')}</optgroup>`);
  return `<p class="picker"><label for="fn-picker">Function</label> <select id="fn-picker">${groups}</select> <span class="count">${functions.length} function${functions.length === 1 ? '' : 's'}</span></p>`;
}

/** Top of an op's bar: the diagnostic's figure for an overflow, else base + CBs + live tensors (0 when unmodeled). */
export function barTopBytes(op: TimelineOpPoint, baseBytes: number): number {
  return op.l1EndBytes ?? baseBytes + op.liveL1TensorBytesPerCore;
}

function renderFunction(fn: TimelineFunction, timeline: TimelineResult): string {
  const base = timeline.l1UnreservedBase;
  const l1Size = timeline.l1SizeBytes;
  const nOps = fn.ops.length;
  // Narrower bars for long functions keep a 4,000-op decode graph scrollable rather than megapixels wide.
  const barWidthPx = nOps > 600 ? 3 : nOps > 150 ? 7 : 18;
  const gapPx = nOps > 600 ? 1 : 4;
  const peakBytes = Math.max(0, ...fn.ops.map((op) => barTopBytes(op, base)));
  const axisTopBytes = Math.max(l1Size, peakBytes);
  const nOverflows = fn.ops.filter((op) => op.overflows).length;
  // Ops without an L1 figure (unmodeled, or rejected by tt-metal): never "no overflow" while one is there.
  const nWithoutFigure = fn.ops.filter((op) => op.cbBytesPerCore === null).length;
  const logAxis = axisTopBytes > LOG_AXIS_AT_L1_SIZES * l1Size;
  const plotBottom = TOP_MARGIN_PX + PLOT_HEIGHT_PX;
  const yTop = logAxis ? 10 ** Math.ceil(Math.log10(axisTopBytes * 1.05)) : axisTopBytes * 1.08;
  const y = logAxis
    ? (nBytes: number): number => {
        const v = Math.log10(Math.max(LOG_AXIS_FLOOR_BYTES, nBytes));
        const lo = Math.log10(LOG_AXIS_FLOOR_BYTES);
        return plotBottom - (PLOT_HEIGHT_PX * (v - lo)) / (Math.log10(yTop) - lo);
      }
    : (nBytes: number): number => plotBottom - (PLOT_HEIGHT_PX * Math.max(0, nBytes)) / yTop;
  const width = AXIS_WIDTH_PX + nOps * (barWidthPx + gapPx) + 90;
  const height = plotBottom + LABEL_HEIGHT_PX;
  const labelEvery = Math.max(1, Math.ceil(nOps / MAX_X_LABELS));

  const bars = fn.ops.map((op, opIdx) => {
    const x = AXIS_WIDTH_PX + opIdx * (barWidthPx + gapPx);
    const top = barTopBytes(op, base);
    const tensorBottom = top - op.liveL1TensorBytesPerCore;
    const parts: string[] = [];
    parts.push(rect('hit', x - gapPx / 2, TOP_MARGIN_PX, barWidthPx + gapPx, PLOT_HEIGHT_PX));
    parts.push(rect('base', x, y(base), barWidthPx, plotBottom - y(base)));
    if (op.l1EndBytes !== null)
      parts.push(rect(op.overflows ? 'cb over' : 'cb', x, y(tensorBottom), barWidthPx, y(base) - y(tensorBottom)));
    if (op.liveL1TensorBytesPerCore > 0)
      parts.push(rect(op.overflows ? 'tensor over' : 'tensor', x, y(top), barWidthPx, y(tensorBottom) - y(top)));
    if (op.l1EndBytes === null) parts.push(text('unmodeled', x + barWidthPx / 2, y(base) - 4, '?'));
    if (op.overflows) {
      parts.push(
        `<path class="over-marker" d="M${fmt(x)} ${fmt(y(top) - 10)}h${fmt(barWidthPx)}l${fmt(-barWidthPx / 2)} 8z"/>`,
      );
      if (barWidthPx >= 7 || op.isFirstFailure) {
        // Vertical, so neighbouring overflows' figures never overlap.
        const vx = x + barWidthPx / 2 + 3.5;
        const vy = y(top) - 13;
        parts.push(
          `<text class="value${op.isFirstFailure ? ' first' : ''}" x="${fmt(vx)}" y="${fmt(vy)}" transform="rotate(-90 ${fmt(vx)} ${fmt(vy)})">${escapeXml(formatBytesShort(top))}</text>`,
        );
      }
    }
    if (opIdx % labelEvery === 0 || op.overflows) {
      const lx = x + barWidthPx / 2;
      parts.push(
        `<text class="xlabel${op.overflows ? ' over' : ''}" x="${fmt(lx)}" y="${fmt(plotBottom + 12)}" transform="rotate(-40 ${fmt(lx)} ${fmt(plotBottom + 12)})" text-anchor="end">${escapeXml(shortLabel(op))}</text>`,
      );
    }
    return (
      `<g class="op${op.overflows ? ' overflows' : ''}${op.isFirstFailure ? ' first' : ''}" tabindex="0" data-line="${op.line}" data-character="${op.character}" ` +
      `data-tip="${escapeXml(tooltip(op, timeline))}" aria-label="${escapeXml(`${opLabel(op)}: ${formatBytesExact(top)}${op.overflows ? ', overflows' : ''}`)}">${parts.join('')}</g>`
    );
  });

  const tickValues = logAxis
    ? Array.from(
        { length: Math.round(Math.log10(yTop) - Math.log10(LOG_AXIS_FLOOR_BYTES)) + 1 },
        (_, i) => LOG_AXIS_FLOOR_BYTES * 10 ** i,
      )
    : [0, yTop / 2, base];
  const ticks: string[] = [];
  const placed: number[] = [y(l1Size)];
  for (const v of tickValues) {
    if (placed.some((p) => Math.abs(p - y(v)) < 14)) continue;
    placed.push(y(v));
    ticks.push(
      `<text class="ylabel" x="${AXIS_WIDTH_PX - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${escapeXml(formatBytesShort(v))}</text>`,
    );
  }
  const limitLine =
    `<line class="limit" x1="${AXIS_WIDTH_PX}" x2="${fmt(width - 8)}" y1="${fmt(y(l1Size))}" y2="${fmt(y(l1Size))}"/>` +
    `<text class="limit-label" x="${AXIS_WIDTH_PX + 4}" y="${fmt(y(l1Size) - 4)}">L1 ${escapeXml(formatBytesShort(l1Size))}</text>`;
  const axis =
    `<line class="axis" x1="${AXIS_WIDTH_PX - 2}" x2="${AXIS_WIDTH_PX - 2}" y1="${TOP_MARGIN_PX}" y2="${plotBottom}"/>` +
    `<line class="axis" x1="${AXIS_WIDTH_PX - 2}" x2="${fmt(width - 8)}" y1="${plotBottom}" y2="${plotBottom}"/>` +
    (logAxis ? `<text class="axis-note" x="4" y="${TOP_MARGIN_PX - 8}">log scale</text>` : '');

  const first = fn.ops.find((op) => op.isFirstFailure);
  const summary =
    (first !== undefined
      ? `✗ tt-metal throws at ${escapeXml(opLabel(first))}: ${escapeXml(formatBytesExact(barTopBytes(first, base)))} · `
      : '') +
    `peak ${escapeXml(formatBytesExact(peakBytes))} per core (${formatPercent(peakBytes, l1Size)} of L1) · ` +
    `${nOps} op${nOps === 1 ? '' : 's'} · ${overflowText(nOverflows, nWithoutFigure)}` +
    (fn.reached ? '' : ' · never called from an entry function');
  return (
    `<section class="function"><h2>${escapeXml(fn.name)}</h2><p class="summary${nOverflows > 0 ? ' has-overflow' : ''}">${summary}</p>` +
    `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${height}" viewBox="0 0 ${fmt(width)} ${height}" role="img" aria-label="L1 per core over execution order for ${escapeXml(fn.name)}">` +
    `${axis}${ticks.join('')}${bars.join('')}${limitLine}</svg></div></section>`
  );
}

function opLabel(op: TimelineOpPoint): string {
  const shortName = op.opName.replace(/^ttnn\./, '');
  return op.result === '' ? shortName : `${op.result} ${shortName}`;
}

function shortLabel(op: TimelineOpPoint): string {
  const label = opLabel(op);
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

function tooltip(op: TimelineOpPoint, timeline: TimelineResult): string {
  const base = timeline.l1UnreservedBase;
  const top = barTopBytes(op, base);
  const lines = [
    `${op.result === '' ? '' : `${op.result} = `}${op.opName}  (line ${op.line + 1})`,
    op.cbBytesPerCore === null
      ? 'CB region: no L1 model for this op'
      : `CB region: ${formatBytesExact(op.cbBytesPerCore)}${op.worstCore ? ` on the worst core (${op.worstCore[0]},${op.worstCore[1]})` : ''}, from the base ${formatBytesExact(base)}`,
    `live L1 tensors: ${formatBytesExact(op.liveL1TensorBytesPerCore)}`,
    `reaches ${formatBytesExact(top)} of ${formatBytesExact(timeline.l1SizeBytes)} (${formatPercent(top, timeline.l1SizeBytes)})`,
  ];
  if (op.overflows)
    lines.push(
      op.overflowMessage !== undefined ? `OVERFLOWS — tt-metal: ${op.overflowMessage}` : 'OVERFLOWS the L1 per core',
    );
  if (op.isFirstFailure) lines.push('tt-metal throws here first: the run stops at this op');
  return lines.join('\n');
}

function rect(cls: string, x: number, y: number, width: number, height: number): string {
  return `<rect class="${cls}" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(Math.max(0, width))}" height="${fmt(Math.max(0, height))}"/>`;
}

function text(cls: string, x: number, y: number, content: string): string {
  return `<text class="${cls}" x="${fmt(x)}" y="${fmt(y)}" text-anchor="middle">${escapeXml(content)}</text>`;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}

/** Escapes text for XML/HTML content and double-quoted attributes (newlines kept; the tooltip splits on them). */
function overflowText(nOverflows: number, nWithoutFigure: number): string {
  if (nOverflows > 0) return `${nOverflows} overflow${nOverflows === 1 ? '' : 's'}`;
  return nWithoutFigure === 0 ? 'no overflow' : `no modeled op overflows · ${nWithoutFigure} without an L1 figure`;
}

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

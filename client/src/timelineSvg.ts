/**
 * Renders a `ttnnL1/timeline` result as HTML with one inline SVG bar chart per function: L1 per core over execution
 * order, the CB region stacked under the live L1 tensors, the usable limit as a line, overflowing ops marked.
 * Plain SVG rather than a charting library: one chart type, a few hundred bars, no dependency to bundle or audit, and
 * the markup is a pure function of the data (no vscode import), so it can be checked without an editor. The webview
 * script (client/media/timeline.js) only adds the tooltip and click-to-reveal through the data-* attributes.
 */
import { formatBytesExact, formatBytesShort, formatPercent } from './format';
import type { TimelineFunction, TimelineOpPoint, TimelineResult } from './lspExt';

const PLOT_HEIGHT_PX = 220;
const AXIS_WIDTH_PX = 78;
const TOP_MARGIN_PX = 16;
const LABEL_HEIGHT_PX = 56;
const MAX_X_LABELS = 60;
const CLIP_AT_LIMITS = 3;

/** HTML for the webview body: a heading and a chart per function, or a one-line note when there is nothing to draw. */
export function renderTimelineHtml(timeline: TimelineResult | null, fileName: string): string {
  if (timeline === null) return `<p class="note">No L1 analysis for ${escapeXml(fileName)} yet.</p>`;
  const withOps = timeline.functions.filter((f) => f.ops.length > 0);
  if (withOps.length === 0) return `<p class="note">${escapeXml(fileName)} has no TTNN ops to chart.</p>`;
  const legend =
    '<p class="legend"><span class="swatch cb"></span>CB region <span class="swatch tensor"></span>live L1 tensors ' +
    '<span class="swatch over"></span>overflows <span class="swatch limit"></span>usable limit ' +
    `${escapeXml(formatBytesExact(timeline.limitBytesPerCore))} per core (above the ${escapeXml(formatBytesExact(timeline.l1UnreservedBase))} reserved base)</p>`;
  return legend + withOps.map((f, functionIdx) => renderFunction(f, functionIdx, timeline.limitBytesPerCore)).join('\n');
}

/** Total L1 bytes per core an op point stands for: CB region (0 when unmodeled) plus live L1 tensors. */
export function totalBytesPerCore(op: TimelineOpPoint): number {
  return (op.cbBytesPerCore ?? 0) + op.liveL1TensorBytesPerCore;
}

function renderFunction(fn: TimelineFunction, functionIdx: number, limitBytes: number): string {
  const nOps = fn.ops.length;
  // Narrower bars for long functions keep a 4,000-op decode graph scrollable rather than megapixels wide.
  const barWidthPx = nOps > 600 ? 3 : nOps > 150 ? 7 : 18;
  const gapPx = nOps > 600 ? 1 : 4;
  const peakBytes = Math.max(0, ...fn.ops.map(totalBytesPerCore));
  const nOverflows = fn.ops.filter((op) => op.overflows).length;
  // A 33 MB op next to a 1.3 MB limit would flatten every other bar, so the axis stops at CLIP_AT_LIMITS x the limit
  // and taller bars are cut (a gap near the top, their total written inside); the tooltip keeps the exact numbers.
  const clipBytes = limitBytes * CLIP_AT_LIMITS;
  const isClipped = limitBytes > 0 && peakBytes > clipBytes * 1.15;
  const axisTopBytes = isClipped ? clipBytes : Math.max(limitBytes, peakBytes, 1);
  const yMaxBytes = axisTopBytes * 1.08;
  const plotBottom = TOP_MARGIN_PX + PLOT_HEIGHT_PX;
  const y = (nBytes: number): number => plotBottom - (PLOT_HEIGHT_PX * Math.min(nBytes, yMaxBytes)) / yMaxBytes;
  const width = AXIS_WIDTH_PX + nOps * (barWidthPx + gapPx) + 24;
  const height = plotBottom + LABEL_HEIGHT_PX;
  const labelEvery = Math.max(1, Math.ceil(nOps / MAX_X_LABELS));

  const bars = fn.ops.map((op, opIdx) => {
    const x = AXIS_WIDTH_PX + opIdx * (barWidthPx + gapPx);
    const cbBytes = op.cbBytesPerCore ?? 0;
    const parts: string[] = [];
    parts.push(rect('hit', x - gapPx / 2, TOP_MARGIN_PX, barWidthPx + gapPx, PLOT_HEIGHT_PX));
    if (op.cbBytesPerCore !== null) parts.push(rect(op.overflows ? 'cb over' : 'cb', x, y(cbBytes), barWidthPx, plotBottom - y(cbBytes)));
    if (op.liveL1TensorBytesPerCore > 0) {
      parts.push(rect(op.overflows ? 'tensor over' : 'tensor', x, y(cbBytes + op.liveL1TensorBytesPerCore), barWidthPx, y(cbBytes) - y(cbBytes + op.liveL1TensorBytesPerCore)));
    }
    if (op.cbBytesPerCore === null) parts.push(text('unmodeled', x + barWidthPx / 2, plotBottom - 4, '?'));
    if (totalBytesPerCore(op) > yMaxBytes) {
      parts.push(rect('break', x - 1, TOP_MARGIN_PX + 10, barWidthPx + 2, 3));
      if (barWidthPx >= 12) {
        const lx = x + barWidthPx / 2 + 3.5;
        const ly = TOP_MARGIN_PX + 18;
        parts.push(`<text class="clip-label" x="${fmt(lx)}" y="${fmt(ly)}" transform="rotate(90 ${fmt(lx)} ${fmt(ly)})">${escapeXml(formatBytesShort(totalBytesPerCore(op)))}</text>`);
      }
    }
    if (op.overflows) parts.push(`<path class="over-marker" d="M${fmt(x)} ${fmt(TOP_MARGIN_PX - 10)}h${fmt(barWidthPx)}l${fmt(-barWidthPx / 2)} 8z"/>`);
    if (opIdx % labelEvery === 0 || op.overflows) {
      const lx = x + barWidthPx / 2;
      parts.push(`<text class="xlabel${op.overflows ? ' over' : ''}" x="${fmt(lx)}" y="${fmt(plotBottom + 12)}" transform="rotate(-40 ${fmt(lx)} ${fmt(plotBottom + 12)})" text-anchor="end">${escapeXml(opLabel(op))}</text>`);
    }
    return (
      `<g class="op${op.overflows ? ' overflows' : ''}" tabindex="0" data-line="${op.line}" data-character="${op.character}" ` +
      `data-tip="${escapeXml(tooltip(op, limitBytes))}" aria-label="${escapeXml(opLabel(op))}">${parts.join('')}</g>`
    );
  });

  // Labels closer than a text line to an earlier one are dropped (a small limit under a tall peak).
  const tickValues: number[] = [];
  for (const v of [limitBytes, 0, axisTopBytes, axisTopBytes / 2]) {
    if (tickValues.every((t) => Math.abs(y(t) - y(v)) >= 14)) tickValues.push(v);
  }
  const ticks = tickValues.map(
    (v) => `<text class="ylabel" x="${AXIS_WIDTH_PX - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${escapeXml(formatBytesShort(v))}</text>`,
  );
  const limitLine =
    `<line class="limit" x1="${AXIS_WIDTH_PX}" x2="${fmt(width - 8)}" y1="${fmt(y(limitBytes))}" y2="${fmt(y(limitBytes))}"/>` +
    `<text class="limit-label" x="${fmt(width - 10)}" y="${fmt(y(limitBytes) - 4)}" text-anchor="end">limit ${escapeXml(formatBytesShort(limitBytes))}</text>`;
  const axis = `<line class="axis" x1="${AXIS_WIDTH_PX - 2}" x2="${AXIS_WIDTH_PX - 2}" y1="${TOP_MARGIN_PX}" y2="${plotBottom}"/>` +
    `<line class="axis" x1="${AXIS_WIDTH_PX - 2}" x2="${fmt(width - 8)}" y1="${plotBottom}" y2="${plotBottom}"/>`;

  const summary =
    `peak ${escapeXml(formatBytesExact(peakBytes))} per core (${formatPercent(peakBytes, limitBytes)} of the limit) · ` +
    `${nOps} op${nOps === 1 ? '' : 's'} · ${nOverflows === 0 ? 'no overflow' : `${nOverflows} overflow${nOverflows === 1 ? '' : 's'}`}`;
  return (
    `<section class="function" id="fn-${functionIdx}"><h2>${escapeXml(fn.name)}</h2><p class="summary${nOverflows > 0 ? ' has-overflow' : ''}">${summary}</p>` +
    `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${height}" viewBox="0 0 ${fmt(width)} ${height}" role="img" aria-label="L1 per core over execution order for ${escapeXml(fn.name)}">` +
    `${axis}${ticks.join('')}${bars.join('')}${limitLine}</svg></div></section>`
  );
}

function opLabel(op: TimelineOpPoint): string {
  const shortName = op.opName.replace(/^ttnn\./, '');
  return op.result === '' ? shortName : `${op.result} ${shortName}`;
}

function tooltip(op: TimelineOpPoint, limitBytes: number): string {
  const total = totalBytesPerCore(op);
  const lines = [
    `${op.result === '' ? '' : `${op.result} = `}${op.opName}  (line ${op.line + 1})`,
    op.cbBytesPerCore === null
      ? 'CB region: no L1 model for this op'
      : `CB region: ${formatBytesExact(op.cbBytesPerCore)}${op.worstCore ? ` on the worst core (${op.worstCore[0]},${op.worstCore[1]})` : ''}`,
    `live L1 tensors: ${formatBytesExact(op.liveL1TensorBytesPerCore)}`,
    `total: ${formatBytesExact(total)} of ${formatBytesExact(limitBytes)} (${formatPercent(total, limitBytes)})`,
  ];
  if (op.overflows) lines.push(op.overflowMessage !== undefined ? `OVERFLOWS — tt-metal: ${op.overflowMessage}` : 'OVERFLOWS the usable L1 per core');
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
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

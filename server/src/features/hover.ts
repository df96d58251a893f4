/**
 * Hovers, in the clangd / rust-analyzer style: on an op (its result, name or anywhere in it) a few lines that answer
 * "does it fit, by how much, on which core, why", with the full breakdown (every CB, tensor, citation, build window)
 * one command away (`opBreakdownAt`, shown by the client as a read-only document); on an operand, the producing op's
 * hover; on an alias use, the alias definition.
 */

import type { OpAnalysis } from '../analysis/analyze';
import type { OpEstimate } from '../estimate/types';
import { aliasesByName } from '../mlir/aliases';
import type { AliasDefinition } from '../mlir/syntax';
import { meshText } from '../ttnn/device';
import { paddedShape, volume } from '../ttnn/layout';
import type { ValueSpec } from '../ttnn/op';
import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis, OpEntry } from './documentAnalysis';
import { formatBytes, formatInteger, formatOpModelTerms, formatPercent } from './format';
import { windowText } from '../estimate/changePoints';
import { opModelTerms } from '../estimate/opModelTerms';
import { buildWindowText, versionRangeText } from './buildText';
import { definitionAt, occurrenceAt } from './navigation';
import { l1InUseBytes, l1Share, opEntryAt, opHeadRange, opTitle } from './opView';
import { tensorText } from './producers';

export interface Hover {
  readonly markdown: string;
  readonly range: TextRange;
  /** Offset of the op whose full breakdown (`opBreakdownAt`) the client may link to. */
  readonly breakdownAt?: number;
}

/** The `reason` shown in a hover is cut here; the breakdown has all of it. */
const MAX_WHY_CHARS = 110;

// Long alias values (system descs run to kilobytes) are cut; the definition is one click away.
const MAX_ALIAS_CHARS = 600;
const TILE_ELEMENTS = 32 * 32;

export interface HoverOptions {
  /** Lines from an imported runtime log, keyed by op start offset (see runtimeLog.ts). */
  readonly opNotes?: ReadonlyMap<number, string>;
}

/** The hover at `offset`, or undefined when there is nothing to say. */
export function hoverAt(doc: DocumentAnalysis, offset: number, options: HoverOptions = {}): Hover | undefined {
  const at = occurrenceAt(doc.parse.file, offset);
  if (at !== undefined && at.occurrence.nameKind === 'alias')
    return aliasHover(doc, at.occurrence.name, at.occurrence.range, aliasesByName(at.chunk));
  if (at !== undefined && at.occurrence.nameKind === 'value' && !at.occurrence.isDefinition) {
    const def = definitionAt(doc.parse.file, offset)[0];
    const producer = def === undefined ? undefined : opEntryAt(doc, def.start);
    if (
      producer !== undefined &&
      producer.op.op.resultNames.some((n) => n === at.occurrence.name || n.startsWith(`${at.occurrence.name}#`))
    ) {
      return {
        markdown: opSummaryMarkdown(doc, producer, options),
        range: at.occurrence.range,
        breakdownAt: producer.op.op.range.start,
      };
    }
  }
  if (at !== undefined && at.occurrence.nameKind === 'value') {
    const arg = argumentHover(doc, at.occurrence.name, at.occurrence.range, offset);
    if (arg !== undefined) return arg;
  }
  const entry = opEntryAt(doc, offset);
  return entry === undefined
    ? undefined
    : {
        markdown: opSummaryMarkdown(doc, entry, options),
        range: opHeadRange(entry.op),
        breakdownAt: entry.op.op.range.start,
      };
}

/** The full breakdown of the op at `offset` (every CB, tensor, citation, the build window), or undefined. */
export function opBreakdownAt(doc: DocumentAnalysis, offset: number, options: HoverOptions = {}): string | undefined {
  const entry = opEntryAt(doc, offset);
  return entry === undefined ? undefined : opMarkdown(doc, entry, options);
}

/**
 * The hover of one op: the verdict with its figures and core, why (the factory's reason, cut short), the factory,
 * cores and confidence, and the build window in a few words: it fits VS Code's default hover without scrolling.
 */
export function opSummaryMarkdown(doc: DocumentAnalysis, entry: OpEntry, options: HoverOptions = {}): string {
  const op = entry.op;
  const note = options.opNotes?.get(op.op.range.start);
  const est = op.estimate;
  const lines = [headline(doc, op), ...(note === undefined ? [] : [`Runtime log — ${note}`])];
  // Months are enough here; the breakdown gives the days and how the window was found.
  const build = `tt-metal ${windowText(doc.analysis.ttMetal.window, 'month')} (${doc.analysis.ttMetal.source === 'dump' ? 'from the dump' : doc.analysis.ttMetal.source === 'configured' ? 'as configured' : 'no build information'})`;
  if (est.kind === 'estimate') {
    // An overflowing op's diagnostic, shown in the same box by editors, already says why (its factory and CBs).
    if (op.overflow === undefined) {
      const why =
        est.factoryReason.length > MAX_WHY_CHARS
          ? `${est.factoryReason.slice(0, MAX_WHY_CHARS - 1)}…`
          : est.factoryReason;
      lines.push('', `Why: ${why}`);
    }
    lines.push('', `${subline(doc, op)} · ${build}`);
  } else {
    lines.push('', build);
  }
  if (est.kind === 'estimate' && est.versionRange !== undefined) {
    const text = versionRangeText(est.versionRange, doc.analysis.device, op.liveL1TensorBytesPerCore);
    if (text !== undefined) lines.push('', text);
  }
  return lines.join('\n');
}

/** A function argument (its definition or a use): the tensor and whether it holds L1 for the whole function. */
function argumentHover(doc: DocumentAnalysis, name: string, range: TextRange, offset: number): Hover | undefined {
  const fa = doc.analysis.functions.find((f) => f.fn.range.start <= offset && offset <= f.fn.range.end);
  const arg = fa?.fn.args.find((a) => a.name === name);
  if (fa === undefined || arg === undefined) return undefined;
  const live = fa.liveIntervals.find((iv) => iv.definedAt === -1 && iv.valueName === name);
  const residency =
    live === undefined
      ? 'not resident in L1'
      : `${formatBytes(live.bytesPerCore)} of L1 per core, live until op ${live.endIndex + 1} of ${fa.ops.length}`;
  return { markdown: `**${name}** — argument of \`${fa.fn.name}\`: ${tensorText(arg.spec)}\n\n${residency}`, range };
}

function aliasHover(
  doc: DocumentAnalysis,
  name: string,
  range: TextRange,
  aliases: ReadonlyMap<string, AliasDefinition>,
): Hover | undefined {
  const def = aliases.get(name);
  if (def === undefined) return { markdown: `\`${name}\`: no definition in this file`, range };
  let text = doc.lineIndex.slice(def.range.start, Math.min(def.range.end, def.range.start + MAX_ALIAS_CHARS));
  if (def.range.end - def.range.start > MAX_ALIAS_CHARS) text += ' …';
  return { markdown: '```mlir\n' + text + '\n```', range };
}

/** The whole breakdown of one op: verdict, OpModel terms, build window and a table of every figure. */
export function opMarkdown(doc: DocumentAnalysis, entry: OpEntry, options: HoverOptions = {}): string {
  const op = entry.op;
  const note = options.opNotes?.get(op.op.range.start);
  const terms = opModelTerms(op.estimate);
  const lines = [
    headline(doc, op),
    ...(note === undefined ? [] : [`Runtime log — ${note}`]),
    subline(doc, op),
    ...(terms === undefined ? [] : ['', formatOpModelTerms(terms)]),
    ...buildLines(doc, op),
    '',
    '| | |',
    '|---|---|',
    ...tableRows(doc, op).map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
  ];
  return lines.join('\n');
}

/** Build window lines: the tt-metal builds assumed and how they were found; an op's figures across them. */
function buildLines(doc: DocumentAnalysis, op: OpAnalysis): string[] {
  const lines = ['', buildWindowText(doc.analysis.ttMetal)];
  const est = op.estimate;
  if (est.kind === 'estimate' && est.versionRange !== undefined) {
    const text = versionRangeText(est.versionRange, doc.analysis.device, op.liveL1TensorBytesPerCore);
    if (text !== undefined) lines.push('', text);
  }
  return lines;
}

function headline(doc: DocumentAnalysis, op: OpAnalysis): string {
  const title = `**${opTitle(op)}**`;
  const o = op.overflow;
  if (o !== undefined && o.kind === 'opIllegal' && op.estimate.kind === 'illegal') {
    const verdict = o.status === 'first' ? 'tt-metal throws here' : 'tt-metal would throw here (not reached)';
    return `${title} — ${verdict}: its validation rejects this configuration: ${op.estimate.rule}`;
  }
  if (o !== undefined) {
    const verdict =
      o.status === 'first'
        ? 'tt-metal throws here'
        : o.status === 'notReached'
          ? 'would overflow (not reached)'
          : o.buildDependent !== undefined
            ? 'overflows on some tt-metal builds of the window'
            : 'over the usable-L1 cap';
    const what =
      o.kind === 'cbClashesWithL1Buffers'
        ? 'CB region clashes with L1 buffers'
        : o.kind === 'l1BuffersExhausted'
          ? 'L1 tensors exceed L1'
          : o.kind === 'l1SmallExhausted'
            ? 'L1_SMALL config tensors per bank exceed the L1_SMALL bank'
            : 'CB region';
    const where = o.kind === 'l1SmallExhausted' ? '' : ` on core (${o.core[0]},${o.core[1]})`;
    return `${title} — ${verdict}: ${what} ${formatInteger(o.cbRegionEndBytes)} B > ${formatInteger(o.limitBytes)} B${where}`;
  }
  switch (op.estimate.kind) {
    case 'estimate':
      return `${title} — L1 ${formatPercent(l1Share(doc, op.peakL1BytesPerCore))} of L1: ${formatInteger(op.estimate.worstCbBytesPerCore)} B CBs + ${formatInteger(op.liveL1TensorBytesPerCore)} B L1 tensors per core`;
    case 'unmodeled':
      return `${title} — no L1 model: ${op.estimate.reason}`;
    case 'noProgram':
      return `${title} — no device program (${op.estimate.reason}); ${formatInteger(op.liveL1TensorBytesPerCore)} B of L1 tensors live per core`;
    case 'illegal':
      return `${title} — tt-metal rejects this configuration: ${op.estimate.rule}`;
  }
}

function subline(doc: DocumentAnalysis, op: OpAnalysis): string {
  const est = op.estimate;
  const device = doc.analysis.device;
  if (est.kind !== 'estimate') return `Device: ${device.sourceDetail}`;
  return `\`${est.factory}\` on ${est.nCoresUsed} cores · ${est.confidence}${est.approxReason === '' ? '' : ` (${est.approxReason})`}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tensorRow(name: string | undefined, spec: ValueSpec | undefined): string {
  if (spec === undefined || spec.kind !== 'tensor') return tensorText(spec);
  let text = tensorText(spec);
  if (spec.shape.kind === 'known' && spec.layout.kind === 'layout') {
    const padded = paddedShape(spec.shape.dims, spec.layout.pageLayout);
    if (padded.join('x') !== spec.shape.dims.join('x')) text += `; padded ${padded.join('x')}`;
    if (spec.layout.pageLayout === 'tile') text += `; ${formatInteger(volume(padded) / TILE_ELEMENTS)} tiles`;
  }
  if (spec.layoutAlias !== '') text += ` (${spec.layoutAlias})`;
  return name === undefined ? text : `\`${name}\` ${text}`;
}

function tableRows(doc: DocumentAnalysis, op: OpAnalysis): [string, string][] {
  const rows: [string, string][] = [['op', `\`${op.op.name}\``]];
  op.op.operands.forEach((spec, i) => {
    if (spec.kind === 'tensor') rows.push([`input ${i}`, tensorRow(op.op.operandNames[i], spec)]);
  });
  op.op.results.forEach((spec, i) => rows.push([`output ${i}`, tensorRow(op.op.resultNames[i], spec)]));
  const est = op.estimate;
  if (est.kind === 'estimate') rows.push(...estimateRows(doc, op, est));
  else if (est.kind === 'illegal') rows.push(['tt-metal rule', est.rule], ['rule source', est.citation]);
  else rows.push(['L1 tensors per core', `${formatBytes(op.liveL1TensorBytesPerCore)} live`]);
  const device = doc.analysis.device;
  rows.push([
    'device',
    `${device.sourceDetail}; L1 ${formatInteger(device.l1SizeBytes)} B, base ${formatInteger(device.l1UnreservedBase)} B (${device.baseSource})`,
  ]);
  const mesh = op.op.mesh;
  if (mesh !== undefined)
    rows.push(['device mesh', `${meshText(mesh)}, line ${doc.lineIndex.position(mesh.range.start).line + 1}`]);
  if (est.kind === 'estimate')
    rows.push(
      ['confidence', `${est.confidence}${est.approxReason === '' ? '' : ` — ${est.approxReason}`}`],
      ['citation', est.citations.join('; ')],
    );
  return rows;
}

function estimateRows(doc: DocumentAnalysis, op: OpAnalysis, est: OpEstimate): [string, string][] {
  const rows: [string, string][] = [];
  if (est.tiles !== undefined) {
    const t = est.tiles;
    const total = t.widthTiles * t.tileRowsTotal;
    const perCore = est.nCoresUsed > 0 ? Math.ceil(total / est.nCoresUsed) : total;
    rows.push([
      'tiles',
      `${formatInteger(t.widthTiles)} wide x ${formatInteger(t.tileRowsTotal)} tile rows = ${formatInteger(total)}; ~${formatInteger(perCore)} per core`,
    ]);
  }
  rows.push(['grid', `${est.grid[0]}x${est.grid[1]}, ${est.nCoresUsed} cores used`]);
  rows.push(['factory', `\`${est.factory}\` — ${est.factoryReason}`]);
  for (const cb of est.cbs) {
    const group = est.coreGroups.find((g) => g.name === cb.coreGroup);
    const where =
      group === undefined ? '' : ` on ${cb.coreGroup} (${group.nCores} ${group.nCores === 1 ? 'core' : 'cores'})`;
    rows.push([
      `CB ${cb.cbIndex} (${cb.role})`,
      `${formatInteger(cb.nPages)} x ${formatInteger(cb.pageBytes)} B = ${formatInteger(cb.totalBytes)} B${cb.tensorBacked ? ' (tensor-backed: no CB L1)' : ''}${where}`,
    ]);
  }
  rows.push([
    'CB bytes per core',
    `${formatBytes(est.cbBytesPerCore)} on (${est.reportedCore[0]},${est.reportedCore[1]}); worst ${formatBytes(est.worstCbBytesPerCore)}`,
  ]);
  rows.push([
    'L1 tensors per core',
    `${formatBytes(op.liveL1TensorBytesPerCore)} live (outputs in L1: ${formatInteger(est.l1TensorBytesPerCore)} B)`,
  ]);
  if (est.l1IntermediateBytesPerCore !== undefined)
    rows.push([
      'intermediate L1 tensors',
      `${formatBytes(est.l1IntermediateBytesPerCore)} per core, allocated and freed by the op (summed, not a peak)`,
    ]);
  const l1 = doc.analysis.device.l1SizeBytes;
  rows.push(['CB region end', `${formatInteger(est.cbRegionEndBytes)} B of L1 size ${formatInteger(l1)} B`]);
  rows.push([
    'L1 in use',
    `${formatInteger(l1InUseBytes(doc, op.peakL1BytesPerCore))} B (${formatPercent(l1Share(doc, op.peakL1BytesPerCore))} of L1): base + CBs + live L1 tensors`,
  ]);
  rows.push(['worst core', `(${est.worstCore[0]},${est.worstCore[1]})`]);
  return rows;
}

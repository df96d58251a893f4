/** Status bar item: peak L1 per core and overflow count of the active `mlir` document, from `ttnnL1/fileSummary`. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatBytesExact, formatBytesShort, formatPercent } from './format';
import { fileSummaryRequest, type FileSummaryResult } from './lspExt';
import { enableFor } from './languageClient';

const REFRESH_DELAY_MS = 300;

/** Shows the item while an `mlir` editor is active and refreshes it when the document or its diagnostics change. */
export function registerStatusBar(client: LanguageClient, showTimelineCommand: string): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ttnnL1.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'TTNN L1';
  item.command = showTimelineCommand;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.document.languageId !== 'mlir') {
      item.hide();
      return;
    }
    const requestGeneration = ++generation;
    // Off is shown, never silent: a file with overflows must not look clean.
    const enable = enableFor(editor.document.uri, undefined);
    if (!enable.enable) {
      item.text = '$(circle-slash) L1 off';
      item.tooltip = `TTNN L1: analysis is off (ttnnL1.enable is false in the ${enable.offBy ?? 'settings'}); overflows are not checked.`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.show();
      return;
    }
    const uri = editor.document.uri.toString();
    let summary: FileSummaryResult | null = null;
    try {
      if (client.isRunning()) summary = await client.sendRequest(fileSummaryRequest, { uri });
    } catch {
      summary = null; // An older server, or one restarting: show the item as unknown rather than failing.
    }
    if (requestGeneration !== generation) return;
    render(item, summary);
    item.show();
  };
  const schedule = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };
  const isActive = (uri: vscode.Uri): boolean =>
    vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();

  schedule();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => isActive(e.document.uri) && schedule()),
    // Diagnostics arrive after each analysis, so they mark when a fresh summary is available.
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.some(isActive) && schedule()),
    client.onDidChangeState(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ttnnL1.enable') && schedule()),
    { dispose: () => pending !== undefined && clearTimeout(pending) },
  );
}

function render(item: vscode.StatusBarItem, summary: FileSummaryResult | null): void {
  if (summary === null) {
    item.text = '$(circuit-board) L1 —';
    item.tooltip = 'TTNN L1: no analysis yet';
    item.backgroundColor = undefined;
    return;
  }
  // The server words the verdict (never "no overflow" while an op is unmodeled); older servers send none.
  const verdict = summary.verdict ?? `${summary.overflowCount} op${summary.overflowCount === 1 ? '' : 's'} overflow`;
  const unmodeled = summary.unmodeledOpCount ?? 0;
  const failures = summary.overflowCount + (summary.illegalOpCount ?? 0);
  const unmodeledText = unmodeled > 0 ? ` · ${unmodeled} without model` : '';
  const build = summary.buildWindow === undefined ? '' : `\n\n${summary.buildWindow}`;
  if (summary.peakL1BytesPerCore === null) {
    item.text = `$(${failures > 0 ? 'error' : unmodeled > 0 ? 'warning' : 'circuit-board'}) L1 —${unmodeledText}`;
    item.tooltip = new vscode.MarkdownString(`**TTNN L1** no op in this file has an L1 figure\n\n${verdict}${build}`);
    item.backgroundColor = failures > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    return;
  }
  // One definition with the hover, code lens and timeline: L1 in use (base + CBs + live tensors) of L1 size.
  // Older servers send only the figure above the base and the usable limit.
  const peak = summary.peakL1InUseBytes ?? summary.peakL1BytesPerCore;
  const limit = summary.l1SizeBytes ?? summary.limitBytesPerCore;
  const overflows = summary.overflowCount;
  // The op that throws first (what the run will hit) before the peak, which may come from an op never reached.
  const first =
    summary.firstFailure === undefined
      ? ''
      : `✗ ${summary.firstFailure.op.split(' ')[0]} ${formatBytesShort(summary.firstFailure.figureBytes)} · peak `;
  item.text =
    `$(${failures > 0 ? 'error' : unmodeled > 0 ? 'warning' : 'circuit-board'}) L1 ${first}${formatBytesShort(peak)} (${formatPercent(peak, limit)} of L1)` +
    (overflows > 0 ? ` · ${overflows} overflow${overflows === 1 ? '' : 's'}` : '') +
    ((summary.illegalOpCount ?? 0) > 0 ? ` · ${summary.illegalOpCount} illegal` : '') +
    unmodeledText;
  item.tooltip = new vscode.MarkdownString(
    (summary.firstFailure === undefined
      ? ''
      : `**TTNN L1** tt-metal throws first at ${summary.firstFailure.op}: ${formatBytesExact(summary.firstFailure.figureBytes)}\n\n`) +
      `**TTNN L1** peak L1 in use per core ${formatBytesExact(peak)} of ${formatBytesExact(limit)} (L1 size; base + CBs + live L1 tensors)\n\n` +
      `${verdict}. Click to show the memory timeline.${build}`,
  );
  item.backgroundColor = failures > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
}

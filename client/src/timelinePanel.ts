/**
 * The "TTNN L1: Show memory timeline" webview: one panel that always shows the active `mlir` editor (cleared at once
 * when it changes, so it never shows the previous file), re-rendered from `ttnnL1/timeline` after edits, one function
 * at a time from a picker, with click-to-reveal. Strict CSP: only our own stylesheet and the nonce'd script.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { timelineRequest, type TimelineResult } from './lspExt';
import { renderTimelineHtml } from './timelineSvg';

const REFRESH_DELAY_MS = 400;

/** Messages the webview script posts (client/media/timeline.js). */
type WebviewMessage =
  | { readonly kind: 'reveal'; readonly line: number; readonly character: number }
  | { readonly kind: 'select'; readonly functionName: string }
  | { readonly kind: 'ready' };

export interface TimelineView extends vscode.Disposable {
  /** Opens (or focuses) the panel for the active `mlir` document. */
  show(): void;
}

export function createTimelineView(context: vscode.ExtensionContext, client: LanguageClient): TimelineView {
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
  let panel: vscode.WebviewPanel | undefined;
  let documentUri: vscode.Uri | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  /** The picked function per document; the last timeline, so a pick re-renders without a request. */
  const selectedByUri = new Map<string, string>();
  let last: { readonly uri: string; readonly timeline: TimelineResult | null } | undefined;

  const render = (uri: vscode.Uri, timeline: TimelineResult | null, closed = false): void => {
    if (panel === undefined) return;
    const fileName = uri.path.split('/').pop() ?? uri.toString();
    panel.title = `L1 timeline: ${fileName}`;
    last = { uri: uri.toString(), timeline };
    void panel.webview.postMessage({
      kind: 'render',
      html: renderTimelineHtml(timeline, fileName, selectedByUri.get(uri.toString()), closed),
    });
  };

  const refresh = async (): Promise<void> => {
    if (panel === undefined || documentUri === undefined) return;
    const requestGeneration = ++generation;
    const uri = documentUri;
    // A closed file has no analysis on the server: keep its last chart (it describes the file as saved) instead of
    // "Analysing…" for ever; VS Code closes a preview tab as soon as another file is opened from the explorer.
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      if (last?.uri !== uri.toString() || last.timeline === null) render(uri, null, true);
      return;
    }
    let timeline: TimelineResult | null = null;
    try {
      if (client.isRunning()) timeline = await client.sendRequest(timelineRequest, { uri: uri.toString() });
    } catch {
      timeline = null; // Shown as "no analysis yet"; the next edit or restart tries again.
    }
    if (panel === undefined || requestGeneration !== generation || uri.toString() !== documentUri?.toString()) return;
    render(uri, timeline);
  };
  const schedule = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };
  const followActiveEditor = (): boolean => {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== 'mlir') return false;
    if (document.uri.toString() !== documentUri?.toString()) {
      documentUri = document.uri;
      // Drop the previous file's chart now: the new one may take a while to analyse.
      generation++;
      render(document.uri, null);
    }
    return true;
  };

  const reveal = async (line: number, character: number): Promise<void> => {
    if (documentUri === undefined) return;
    const position = new vscode.Position(line, character);
    await vscode.window.showTextDocument(documentUri, {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  };

  const open = (): void => {
    panel = vscode.window.createWebviewPanel(
      'ttnnL1.timeline',
      'L1 timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [mediaRoot],
        retainContextWhenHidden: false,
      },
    );
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'icon.png');
    panel.webview.html = shellHtml(panel.webview, mediaRoot);
    panel.webview.onDidReceiveMessage((message: WebviewMessage) => {
      if (message.kind === 'ready') void refresh();
      else if (message.kind === 'select' && typeof message.functionName === 'string' && documentUri !== undefined) {
        selectedByUri.set(documentUri.toString(), message.functionName);
        if (last !== undefined && last.uri === documentUri.toString()) render(documentUri, last.timeline);
      } else if (message.kind === 'reveal' && Number.isInteger(message.line) && Number.isInteger(message.character)) {
        void reveal(message.line, message.character);
      }
    });
    panel.onDidDispose(() => {
      panel = undefined;
      last = undefined;
    });
  };

  const subscriptions = vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(() => panel !== undefined && followActiveEditor() && schedule()),
    vscode.workspace.onDidChangeTextDocument(
      (e) => e.document.uri.toString() === documentUri?.toString() && schedule(),
    ),
    vscode.languages.onDidChangeDiagnostics(
      (e) => e.uris.some((u) => u.toString() === documentUri?.toString()) && schedule(),
    ),
    client.onDidChangeState(schedule),
  );

  return {
    show(): void {
      if (!followActiveEditor() && documentUri === undefined) {
        void vscode.window.showInformationMessage('TTNN L1: open a .mlir file to see its memory timeline.');
        return;
      }
      if (panel === undefined) open();
      else panel.reveal(vscode.ViewColumn.Beside, true);
      schedule();
    },
    dispose(): void {
      if (pending !== undefined) clearTimeout(pending);
      subscriptions.dispose();
      panel?.dispose();
    },
  };
}

/** The static page: CSP with a per-load nonce, our stylesheet and script; the chart arrives by postMessage. */
function shellHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'timeline.css'));
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'timeline.js'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>L1 timeline</title>
</head>
<body>
<main id="root"><p class="note">Loading…</p></main>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

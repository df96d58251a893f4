/** The palette commands other than the timeline: import a runtime log, check every .mlir file, restart the server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkFilesRequest, importLogRequest } from './lspExt';

/** Above this a log is not sent to the server: it would stall the connection to the server, and tt-mlir logs that matter are far smaller. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;
const MAX_WORKSPACE_FILES = 5000;

export const COMMANDS = {
  showTimeline: 'ttnnL1.showTimeline',
  importLog: 'ttnnL1.importLog',
  checkWorkspace: 'ttnnL1.checkWorkspace',
  restartServer: 'ttnnL1.restartServer',
} as const;

/** Asks for a log file and sends its text with the active `mlir` document to `ttnnL1/importLog`. */
export async function importLog(client: LanguageClient): Promise<void> {
  const document = targetMlirDocument();
  if (document === undefined) {
    void vscode.window.showWarningMessage('TTNN L1: open the .mlir file the log belongs to, then import the log.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import runtime log',
    filters: { Logs: ['log', 'txt', 'out'], 'All files': ['*'] },
  });
  const logUri = picked?.[0];
  if (logUri === undefined) return;
  const stat = await vscode.workspace.fs.stat(logUri);
  // Regular files only (the server's open-input rule): a FIFO or device would block or never end (its size reads 0).
  if ((stat.type & vscode.FileType.File) === 0) {
    void vscode.window.showErrorMessage(`TTNN L1: ${logUri.path} is not a regular file; only log files are imported.`);
    return;
  }
  if (stat.size > MAX_LOG_BYTES) {
    void vscode.window.showErrorMessage(
      `TTNN L1: ${logUri.path} is ${stat.size} B; logs above ${MAX_LOG_BYTES} B are not imported.`,
    );
    return;
  }
  const logText = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(logUri));
  const logName = logUri.path.split('/').pop() ?? logUri.toString();
  const result = await client.sendRequest(importLogRequest, { uri: document.uri.toString(), logText, logName });
  if (result.mapped) void vscode.window.showInformationMessage(`TTNN L1: ${result.message}`);
  else void vscode.window.showWarningMessage(`TTNN L1: ${result.message}`);
}

/** Finds every .mlir file in the workspace, has the server analyse them, and lists the ones that overflow. */
export async function checkWorkspace(client: LanguageClient, outputChannel: vscode.OutputChannel): Promise<void> {
  const uris = await vscode.workspace.findFiles('**/*.mlir', '**/{node_modules,.git,.rig}/**', MAX_WORKSPACE_FILES);
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('TTNN L1: no .mlir files in this workspace.');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `TTNN L1: checking ${uris.length} .mlir files` },
    () => client.sendRequest(checkFilesRequest, { uris: uris.map((u) => u.toString()) }),
  );
  const flagged = result.files.filter((f) => f.overflowCount > 0 || f.error !== undefined);
  const nOverflowing = result.files.filter((f) => f.overflowCount > 0).length;
  outputChannel.appendLine(`Check workspace: ${result.files.length} files, ${nOverflowing} with L1 overflows.`);
  for (const file of flagged) {
    outputChannel.appendLine(
      `  ${file.error !== undefined ? `error: ${file.error}` : `${file.overflowCount} overflow(s)`}  ${file.uri}`,
    );
  }
  if (flagged.length === 0) {
    void vscode.window.showInformationMessage(`TTNN L1: ${result.files.length} .mlir files checked, no L1 overflow.`);
    return;
  }
  const items = [...flagged]
    .sort((a, b) => b.overflowCount - a.overflowCount || a.uri.localeCompare(b.uri))
    .map((f) => {
      const uri = vscode.Uri.parse(f.uri);
      return {
        label: vscode.workspace.asRelativePath(uri),
        description:
          f.error !== undefined
            ? `not checked: ${f.error}`
            : `${f.overflowCount} overflow${f.overflowCount === 1 ? '' : 's'}`,
        uri,
      };
    });
  const choice = await vscode.window.showQuickPick(items, {
    title: `TTNN L1: ${nOverflowing} of ${result.files.length} .mlir files overflow L1`,
    placeHolder: 'Open a file',
  });
  if (choice !== undefined) await vscode.window.showTextDocument(choice.uri);
}

/** Restarts the server process, e.g. after rebuilding it; settings changes do not need this. */
export async function restartServer(client: LanguageClient, outputChannel: vscode.OutputChannel): Promise<void> {
  outputChannel.appendLine('Restarting the TTNN L1 language server.');
  await client.restart();
}

/** The active editor's document if it is `mlir`, else a visible `mlir` editor's (the timeline may have focus). */
function targetMlirDocument(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'mlir') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'mlir')?.document;
}

/** Sets `ttnnL1.l1UnreservedBase` for the workspace (from a runtime-log code action); the server re-analyses on change. */
export async function useL1UnreservedBase(bytes: unknown): Promise<void> {
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0)
    throw new Error(`not a byte count: ${String(bytes)}`);
  await vscode.workspace
    .getConfiguration('ttnnL1')
    .update('l1UnreservedBase', bytes, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`TTNN L1: l1UnreservedBase set to ${bytes} B for this workspace.`);
}

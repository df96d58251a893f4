// VS Code entry point: starts the bundled language server and wires the status bar, timeline and commands to it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBreakdown } from './breakdown';
import { COMMANDS, checkWorkspace, importLog, restartServer, useL1UnreservedBase } from './commands';
import { USE_L1_UNRESERVED_BASE_COMMAND } from './lspExt';
import { createLanguageClient } from './languageClient';
import { registerStatusBar } from './statusBar';
import { createTimelineView } from './timelinePanel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('TTNN L1 Lens', { log: true });
  const languageClient = createLanguageClient(context, outputChannel);
  client = languageClient;
  const timeline = createTimelineView(context, languageClient);
  const report = (what: string) => (error: unknown) => {
    outputChannel.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(`TTNN L1: ${what} failed. See the "TTNN L1 Lens" output.`);
  };
  context.subscriptions.push(
    outputChannel,
    timeline,
    registerStatusBar(languageClient, COMMANDS.showTimeline),
    registerBreakdown(languageClient),
    vscode.commands.registerCommand(COMMANDS.showTimeline, () => timeline.show()),
    vscode.commands.registerCommand(COMMANDS.importLog, () =>
      importLog(languageClient).catch(report('Import runtime log')),
    ),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, () =>
      checkWorkspace(languageClient, outputChannel).catch(report('Check workspace')),
    ),
    vscode.commands.registerCommand(USE_L1_UNRESERVED_BASE_COMMAND, (bytes: unknown) =>
      useL1UnreservedBase(bytes).catch(report('Set l1UnreservedBase')),
    ),
    vscode.commands.registerCommand(COMMANDS.restartServer, () =>
      restartServer(languageClient, outputChannel).catch(report('Restart server')),
    ),
  );
  // Trust granted: a workspace's `ttnnL1.enable` counts from now on; the server re-reads its settings.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.isRunning())
        void languageClient.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
  // A server that fails to start must not fail activation: the grammar and commands still work without it.
  await languageClient.start().catch(report('Starting the language server'));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

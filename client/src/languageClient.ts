/** Builds the language client for the bundled server (dist/server.js, node IPC) on every `mlir` document. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const SETTINGS_SECTION = 'ttnnL1';

/** A client that is not started yet; `trace.server` and the output channel follow the `ttnnL1` id. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server only reads the text the editor sends, so untitled and virtual documents work too.
    // The language id is shared with LLVM's vscode-mlir and tt-mlir's ttmlir-lsp-server; each server adds its own
    // diagnostics (source 'ttnn-l1' for ours) and VS Code merges them.
    documentSelector: [{ language: 'mlir' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Plain values (the configuration object also carries methods); the server re-reads them via workspace/configuration.
    initializationOptions: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) as unknown,
    outputChannel,
  };
  return new LanguageClient(SETTINGS_SECTION, 'TTNN L1 Lens', serverOptions, clientOptions);
}

/**
 * Builds the language client for the bundled server (dist/server.js over stdio) on every `mlir` document. Stdio, not
 * node IPC: over IPC Node serializes each message itself as one string (a 100k-op dump's publish is 17.6 MB of JSON,
 * two-byte), while over stdio the server encodes it piece by piece (server/src/lsp/jsonEncoding.ts). The server's
 * console output reaches the output channel as window/logMessage (lsp/server.ts routeConsoleTo), stderr as error lines.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SHOW_BREAKDOWN_COMMAND } from './lspExt';
import { effectiveEnable, withEffectiveEnable, type EffectiveEnable } from './trust';

export const SETTINGS_SECTION = 'ttnnL1';

/** A client that is not started yet; `trace.server` and the output channel follow the `ttnnL1` id. */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server only reads the text the editor sends, so untitled and virtual documents work too.
    // The language id is shared with LLVM's vscode-mlir and tt-mlir's ttmlir-lsp-server; each server adds its own
    // diagnostics (source 'ttnn-l1' for ours) and VS Code merges them.
    documentSelector: [{ language: 'mlir' }],
    // Changes to .mlir files on disk: a closed dump's diagnostics in its Python source are withdrawn when its file changes.
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watchDumps(context) },
    // Plain values (the configuration object also carries methods); the server re-reads them via workspace/configuration.
    initializationOptions: withEffectiveEnable(
      JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) as unknown,
      enableFor(undefined, outputChannel),
    ),
    outputChannel,
    // Hovers link to the op's full breakdown through this one command; no other command runs from server Markdown.
    markdown: { isTrusted: { enabledCommands: [SHOW_BREAKDOWN_COMMAND] } },
    middleware: {
      workspace: {
        // Every `ttnnL1` section the server reads passes the trust rule for `enable` (client/src/trust.ts).
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return answer.map((value: unknown, i) => {
            const item = params.items[i];
            if (item?.section !== SETTINGS_SECTION) return value;
            return withEffectiveEnable(
              value,
              enableFor(item.scopeUri === undefined ? undefined : vscode.Uri.parse(item.scopeUri), outputChannel),
            );
          });
        },
      },
    },
  };
  return new LanguageClient(SETTINGS_SECTION, 'TTNN L1 Lens', serverOptions, clientOptions);
}

/** `ttnnL1.enable` for a resource under the workspace-trust rule; says so in the log when a workspace's `false` is ignored. */
export function enableFor(resource: vscode.Uri | undefined, log: vscode.LogOutputChannel | undefined): EffectiveEnable {
  const effective = effectiveEnable(
    vscode.workspace.getConfiguration(SETTINGS_SECTION, resource).inspect('enable'),
    vscode.workspace.isTrusted,
  );
  if (effective.ignoredWorkspaceValue)
    log?.warn(
      "ttnnL1.enable is false in this untrusted workspace's settings; analysis stays on (trust the workspace to let it turn the analysis off).",
    );
  return effective;
}

function watchDumps(context: vscode.ExtensionContext): vscode.FileSystemWatcher {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.mlir');
  context.subscriptions.push(watcher);
  return watcher;
}

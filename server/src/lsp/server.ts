/** The language server: capabilities, and one line per method wiring it to its handler. */

import * as fs from 'fs';
import * as lsp from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { DEFAULT_SERVER_SETTINGS, parseSettings, SETTINGS_SECTION, type ServerSettings } from './config';
import { createDocumentStore } from './documents';
import type { RemoteMethod } from './background';
import * as ext from './ext';
import * as handlers from './handlers';

// Short enough that edit-to-diagnostics stays well under 100 ms, long enough to coalesce a burst of keystrokes.
const DEBOUNCE_MS = 15;

/** Starts the server on the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=N`). */
export function startServer(): void {
  const connection = lsp.createConnection(lsp.ProposedFeatures.all);
  let workspaceFolders: string[] = [];
  let ctx: handlers.HandlerContext | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let refreshDiagnostics = false;
  let refreshInlayHints = false;
  let markSettingsReady: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (markSettingsReady = resolve));

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    configurationRequests = caps.workspace?.configuration === true;
    refreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    refreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri !== null) workspaceFolders = [params.rootUri];
    const initialSettings = parseSettings((params.initializationOptions as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] ?? params.initializationOptions);
    const store = createDocumentStore(connection, initialSettings, {
      debounceMs: DEBOUNCE_MS,
      eager: !pullDiagnostics,
      progress: caps.window?.workDoneProgress === true,
      onAnalyzed: (analyzed) => void publish(analyzed.uri, analyzed.version),
      onClosed: (uri) => void (pullDiagnostics ? undefined : connection.sendDiagnostics({ uri, diagnostics: [] })),
      settingsReady,
    });
    ctx = {
      store,
      workspaceFolders: () => workspaceFolders,
      hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      readFile: (uri) => fs.readFileSync(URI.parse(uri).fsPath, 'utf8'),
      onDiagnosticsChanged: (uri) => {
        if (!pullDiagnostics) {
          const version = store.documents.get(uri)?.version;
          if (version !== undefined) void publish(uri, version);
        } else if (refreshDiagnostics) {
          connection.languages.diagnostics.refresh().catch(() => undefined);
        }
      },
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'TTNN L1' },
        foldingRangeProvider: true,
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix], resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'ttnn-l1', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ttnn-l1-lsp', version: '0.1.0' },
    };
  });

  const publish = async (uri: string, version: number): Promise<void> => {
    const result = ctx === undefined ? undefined : await handlers.diagnosticItems(ctx, uri);
    if (result !== undefined && result.version === version) await connection.sendDiagnostics({ uri, version, diagnostics: result.items });
  };

  const reloadSettings = async (): Promise<void> => {
    if (ctx === undefined) return;
    const settings: ServerSettings = configurationRequests ? parseSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION)) : ctx.store.settings();
    ctx.store.invalidateAll(settings);
    // Ask clients that support it to re-pull what the new settings change.
    if (pullDiagnostics && refreshDiagnostics) await connection.languages.diagnostics.refresh().catch(() => undefined);
    if (refreshInlayHints) await connection.languages.inlayHint.refresh().catch(() => undefined);
  };

  connection.onInitialized(() => {
    if (!configurationRequests) markSettingsReady();
    else reloadSettings().catch((e: unknown) => connection.console.error(`settings: ${String(e)}`)).finally(markSettingsReady);
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspaceFolders = [...workspaceFolders.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((a) => a.uri)];
    });
  });
  connection.onDidChangeConfiguration((change) => {
    if (!configurationRequests && ctx !== undefined) ctx.store.invalidateAll(parseSettings((change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] ?? DEFAULT_SERVER_SETTINGS));
    reloadSettings().catch((e: unknown) => connection.console.error(`settings: ${String(e)}`));
  });

  // Every handler is guarded: a bug in one feature logs and answers empty instead of taking the server down.
  // A request on a document analysed in a background worker is answered there, by the same handler (`remote`).
  const on = <P, R>(handler: (c: handlers.HandlerContext, p: P, t: lsp.CancellationToken) => Promise<R>, empty: R, remote?: { method: RemoteMethod; uri: (p: P) => string }) => async (p: P, t: lsp.CancellationToken): Promise<R> => {
    if (ctx === undefined) return empty;
    try {
      const answered = remote === undefined ? undefined : await handlers.answerInBackground(ctx, remote.uri(p), remote.method, p, t);
      if (answered !== undefined) return (answered.value ?? empty) as R;
      return await handler(ctx, p, t);
    } catch (error) {
      if (error instanceof lsp.ResponseError) throw error;
      connection.console.error(`request failed: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}`);
      return empty;
    }
  };

  const inDocument = (method: RemoteMethod) => ({ method, uri: (p: { textDocument: { uri: string } }) => p.textDocument.uri });
  const byUri = (method: RemoteMethod) => ({ method, uri: (p: { uri: string }) => p.uri });
  connection.onHover(on(handlers.onHover, null, inDocument('hover')));
  connection.onDefinition(on(handlers.onDefinition, [], inDocument('definition')));
  connection.onReferences(on(handlers.onReferences, [], inDocument('references')));
  connection.onDocumentSymbol(on(handlers.onDocumentSymbol, [], inDocument('documentSymbol')));
  connection.onFoldingRanges(on(handlers.onFoldingRanges, [], inDocument('foldingRange')));
  connection.onCodeLens(on(handlers.onCodeLens, [], inDocument('codeLens')));
  connection.onCodeAction(on(handlers.onCodeAction, [], inDocument('codeAction')));
  connection.languages.inlayHint.on(on(handlers.onInlayHint, [], inDocument('inlayHint')));
  // Pull diagnostics go through diagnosticItems, which forwards itself (push diagnostics use it too).
  connection.languages.diagnostics.on(on((c, p: lsp.DocumentDiagnosticParams) => handlers.onDiagnostic(c, p), { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] }));
  connection.onRequest(ext.TIMELINE_METHOD, on(handlers.onTimeline, null, byUri('timeline')));
  connection.onRequest(ext.FILE_SUMMARY_METHOD, on(handlers.onFileSummary, null, byUri('fileSummary')));
  connection.onRequest(ext.IMPORT_LOG_METHOD, on(handlers.onImportLog, { message: 'import failed', mapped: false }, byUri('importLog')));
  connection.onRequest(ext.CHECK_FILES_METHOD, on(handlers.onCheckFiles, { files: [] }));

  connection.listen();
}

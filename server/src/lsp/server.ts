/** The language server: capabilities, and one line per method wiring it to its handler. */

import { inspect } from 'util';
import * as lsp from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { DEFAULT_SERVER_SETTINGS, parseSettings, SETTINGS_SECTION, type ServerSettings } from './config';
import { createDocumentStore, type DocumentStore } from './documents';
import type { RemoteMethod } from './outcome';
import * as ext from './ext';
import * as handlers from './handlers';
import { SourceDiagnostics } from './sourceDiagnostics';
import { encodeJsonChunks } from './jsonEncoding';
import { PresizedStreamMessageReader } from './messageReader';
import { readInputText, type InputText } from '../host/openInput';

// Short enough that edit-to-diagnostics stays well under 100 ms, long enough to coalesce a burst of keystrokes.
const DEBOUNCE_MS = 15;

/** Starts the server on the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=N`). */
export function startServer(): void {
  const connection = createConnection();
  const logError = (message: string): void => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(message + '\n');
    }
  };
  // Process-wide guard: whatever escapes a handler, a notification or a timer is logged with its stack; it never ends
  // the server (Node's default for both is to exit). Failures on a document's diagnostics path are caught earlier and
  // become one internal-error diagnostic (handlers.diagnosticItems).
  process.on('uncaughtException', (error) => logError(`uncaught exception: ${handlers.stackOf(error)}`));
  process.on('unhandledRejection', (reason) => logError(`unhandled rejection: ${handlers.stackOf(reason)}`));
  let workspaceFolders: string[] = [];
  let ctx: handlers.HandlerContext | undefined;
  let store: DocumentStore | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let refreshDiagnostics = false;
  let refreshInlayHints = false;
  let markSettingsReady: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (markSettingsReady = resolve));

  let workspaceFolderEvents = false;

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    configurationRequests = caps.workspace?.configuration === true;
    refreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    refreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri !== null) workspaceFolders = [params.rootUri];
    const initialSettings = parseSettings(
      (params.initializationOptions as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] ??
        params.initializationOptions,
    );
    store = createDocumentStore(connection, initialSettings, {
      debounceMs: DEBOUNCE_MS,
      eager: !pullDiagnostics,
      progress: caps.window?.workDoneProgress === true,
      onAnalyzed: (analyzed) => void publish(analyzed.uri, analyzed.version),
      onClosed: (uri, lastText) => {
        // A dump closed as saved still describes its file on disk, so what it says about the Python source stays:
        // VS Code closes the dump's preview tab when the .py is single-clicked in the explorer. Unsaved edits are gone
        // with the editor, and so is what they said.
        if (!sourceDiagnostics.has(uri) || lastText === undefined || !sameAsOnDisk(uri, lastText))
          publishSourceLines(uri, undefined);
        if (!pullDiagnostics)
          connection
            .sendDiagnostics({ uri, diagnostics: [] })
            .catch((e: unknown) => logError(`clearing diagnostics of ${uri}: ${handlers.stackOf(e)}`));
      },
      settingsReady,
    });
    const documents = store;
    ctx = {
      documents,
      workspaceFolders: () => workspaceFolders,
      hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      readFile: (uri) => readUri(uri),
      // A dump "Check workspace" analysed without opening: its failures go to the Python source lines too, until
      // its file changes on disk (onDidChangeWatchedFiles) or it is opened (then its editor speaks for it).
      onClosedFileChecked: (uri, items) => {
        if (documents.version(uri) === undefined) publishSourceLines(uri, items);
      },
      logError,
      onDiagnosticsChanged: (uri) => {
        if (!pullDiagnostics) {
          const version = documents.version(uri);
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
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'ttnn-l1', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ttnn-l1-lsp', version: '0.1.0' },
    };
  });

  // A dump's failures also go to the Python source lines its locs name (pushed, in pull mode too: clients pull only
  // documents of our language).
  const sourceDiagnostics = new SourceDiagnostics();
  const publishSourceLines = (uri: string, items: readonly lsp.Diagnostic[] | undefined): void => {
    for (const file of sourceDiagnostics.update(uri, items)) {
      connection
        .sendDiagnostics({ uri: file, diagnostics: sourceDiagnostics.forFile(file) })
        .catch((e: unknown) => logError(`diagnostics of ${file}: ${handlers.stackOf(e)}`));
    }
  };

  // Push: the same guarded items the pull handler answers with; never rejects.
  const publish = async (uri: string, version: number): Promise<void> => {
    try {
      const result = ctx === undefined ? undefined : await handlers.diagnosticItems(ctx, uri);
      if (result !== undefined && result.version === version) {
        await connection.sendDiagnostics({ uri, version, diagnostics: result.items });
        publishSourceLines(uri, result.items);
      }
    } catch (error) {
      logError(`publishing diagnostics of ${uri} failed: ${handlers.stackOf(error)}`);
    }
  };

  /** Takes the client's current settings (asked for, else `pushed` with the change notification); a no-op when equal. */
  const reloadSettings = async (pushed?: ServerSettings): Promise<void> => {
    if (store === undefined) return;
    const settings: ServerSettings = configurationRequests
      ? parseSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION))
      : (pushed ?? store.settings());
    if (!store.invalidateAll(settings)) return;
    // Ask clients that support it to re-pull what the new settings change.
    if (pullDiagnostics && refreshDiagnostics) await connection.languages.diagnostics.refresh().catch(() => undefined);
    if (refreshInlayHints) await connection.languages.inlayHint.refresh().catch(() => undefined);
  };

  // A closed dump whose source-file diagnostics were kept changed or went away on disk: withdraw them (reopening it
  // says them again). Open dumps follow their editor, not the disk.
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (store?.version(change.uri) === undefined && sourceDiagnostics.has(change.uri))
        publishSourceLines(change.uri, undefined);
    }
  });

  connection.onInitialized(() => {
    if (!configurationRequests) markSettingsReady();
    else
      reloadSettings()
        .catch((e: unknown) => logError(`settings: ${handlers.stackOf(e)}`))
        .finally(markSettingsReady);
    // Only a client that has workspace folders sends their changes (asking others logs an error on every start).
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspaceFolders = [
          ...workspaceFolders.filter((u) => !e.removed.some((r) => r.uri === u)),
          ...e.added.map((a) => a.uri),
        ];
      });
    }
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = configurationRequests
      ? undefined
      : parseSettings(
          (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] ?? DEFAULT_SERVER_SETTINGS,
        );
    reloadSettings(pushed).catch((e: unknown) => logError(`settings: ${handlers.stackOf(e)}`));
  });

  // Every handler is guarded: a bug in one feature logs and answers empty instead of taking the server down.
  // A request on a document analysed in a background worker is answered there, by the same handler (`remote`).
  // Params that do not have the shape the method needs are the client's error (-32602), not ours (-32603).
  const on =
    <P, R>(
      handler: (c: handlers.HandlerContext, p: P, t: lsp.CancellationToken) => Promise<R>,
      empty: R,
      remote?: { method: RemoteMethod; uri: (p: P) => string },
      valid: (p: unknown) => boolean = isObject,
    ) =>
    async (p: P, t: lsp.CancellationToken): Promise<R> => {
      if (!valid(p)) throw new lsp.ResponseError(lsp.ErrorCodes.InvalidParams, 'invalid params');
      if (ctx === undefined) return empty;
      try {
        const answered =
          remote === undefined ? undefined : await handlers.answerInBackground(ctx, remote.uri(p), remote.method, p, t);
        if (answered !== undefined) return (answered.value ?? empty) as R;
        return await handler(ctx, p, t);
      } catch (error) {
        if (error instanceof lsp.ResponseError) throw error;
        logError(`request failed: ${handlers.stackOf(error)}`);
        return empty;
      }
    };

  const inDocument = (method: RemoteMethod) => ({
    method,
    uri: (p: { textDocument: { uri: string } }) => p.textDocument.uri,
  });
  const byUri = (method: RemoteMethod) => ({ method, uri: (p: { uri: string }) => p.uri });
  connection.onHover(on(handlers.onHover, null, inDocument('hover'), atPosition));
  connection.onDefinition(on(handlers.onDefinition, [], inDocument('definition'), atPosition));
  connection.onReferences(
    on(
      handlers.onReferences,
      [],
      inDocument('references'),
      (p) => atPosition(p) && isObject((p as { context?: unknown }).context),
    ),
  );
  connection.onDocumentSymbol(on(handlers.onDocumentSymbol, [], inDocument('documentSymbol'), ofDocument));
  connection.onFoldingRanges(on(handlers.onFoldingRanges, [], inDocument('foldingRange'), ofDocument));
  connection.onCodeLens(on(handlers.onCodeLens, [], inDocument('codeLens'), ofDocument));
  connection.onCodeAction(
    on(
      handlers.onCodeAction,
      [],
      inDocument('codeAction'),
      (p) => inRange(p) && isObject((p as { context?: unknown }).context),
    ),
  );
  connection.languages.inlayHint.on(on(handlers.onInlayHint, [], inDocument('inlayHint'), inRange));
  // Pull diagnostics go through diagnosticItems, which forwards itself (push diagnostics use it too).
  connection.languages.diagnostics.on(
    on(
      async (c, p: lsp.DocumentDiagnosticParams) => {
        const report = await handlers.onDiagnostic(c, p);
        if (report.kind === lsp.DocumentDiagnosticReportKind.Full) publishSourceLines(p.textDocument.uri, report.items);
        return report;
      },
      { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] },
      undefined,
      ofDocument,
    ),
  );
  connection.onRequest(ext.TIMELINE_METHOD, on(handlers.onTimeline, null, byUri('timeline'), withUri));
  connection.onRequest(ext.FILE_SUMMARY_METHOD, on(handlers.onFileSummary, null, byUri('fileSummary'), withUri));
  connection.onRequest(
    ext.OP_BREAKDOWN_METHOD,
    on(
      handlers.onOpBreakdown,
      null,
      byUri('opBreakdown'),
      (p) => withUri(p) && isObject((p as { position?: unknown }).position),
    ),
  );
  connection.onRequest(
    ext.IMPORT_LOG_METHOD,
    on(
      handlers.onImportLog,
      { message: 'import failed', mapped: false },
      byUri('importLog'),
      (p) => withUri(p) && typeof (p as { logText?: unknown }).logText === 'string',
    ),
  );
  connection.onRequest(
    ext.CHECK_FILES_METHOD,
    on(
      handlers.onCheckFiles,
      { files: [] },
      undefined,
      (p) => isObject(p) && Array.isArray(p.uris) && p.uris.every((u) => typeof u === 'string'),
    ),
  );

  connection.listen();
}

/**
 * The connection on the command line's transport. Over stdio, outgoing messages are encoded piece by piece
 * (jsonEncoding.ts: the same JSON in ASCII bytes, no message-sized string or buffer), and incoming bodies are read
 * into buffers of their length as they arrive (messageReader.ts). The library uses as a reader and a writer what is not a stream (it checks
 * for `addListener`), and ends the connection and exits when its input ends if that input has `read` and `on`: our
 * reader passes those two on to stdin, so the server still exits when stdin ends (with 0 only after a shutdown
 * request); its typings list only streams or only reader and writer. Node IPC serializes in Node's channel, which we
 * cannot reach (so VS Code's client uses stdio too); sockets and pipes keep the library's reader and writer.
 */
function createConnection(): lsp.Connection {
  if (!process.argv.slice(2).includes('--stdio')) return lsp.createConnection(lsp.ProposedFeatures.all);
  const reader = Object.assign(new PresizedStreamMessageReader(process.stdin), {
    read: (): unknown => process.stdin.read() as unknown,
    on: (event: 'end' | 'close', listener: () => void) => process.stdin.on(event, listener),
  });
  const writer = new ChunkedStreamMessageWriter(process.stdout);
  const connection = lsp.createConnection(
    lsp.ProposedFeatures.all,
    reader as unknown as NodeJS.ReadableStream,
    writer as unknown as NodeJS.WritableStream,
  );
  routeConsoleTo(connection);
  return connection;
}

/**
 * vscode-jsonrpc's stream writer, for one encoding: each message is its Content-Length header, then the chunks the
 * piecewise encoder wrote, handed to the stream one by one. The library's writer takes one buffer per message, and
 * joining the chunks of the 100k-op dump's publish (17.9 MB) cost ~85 ms, mostly first touches of the fresh memory.
 * Encoding and writing are one synchronous step, so messages never interleave (the library's writer needs a lock
 * because its encoder may be asynchronous); the promise settles when the stream has taken the last chunk.
 */
class ChunkedStreamMessageWriter extends lsp.AbstractMessageWriter implements lsp.MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: lsp.Message): Promise<void> {
    let chunks: Buffer[];
    try {
      chunks = encodeJsonChunks(message);
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    let bytes = 0;
    for (const chunk of chunks) bytes += chunk.length;
    return new Promise((resolve, reject) => {
      const written = (error?: Error | null): void => {
        if (error === undefined || error === null) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      };
      this.stream.write(`Content-Length: ${bytes}\r\n\r\n`, 'ascii');
      for (let i = 0; i < chunks.length - 1; i++) this.stream.write(chunks[i]!);
      this.stream.write(chunks[chunks.length - 1]!, written);
    });
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * What the library does for `--stdio` when it builds the transport itself: console output goes to the client's log,
 * never into stdout, where it would corrupt the protocol stream (Node's count, table, time*, trace and assert write
 * through these).
 */
function routeConsoleTo(connection: lsp.Connection): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  /* eslint-disable no-console -- replacing the console's writers is what keeps console output out of stdout */
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.dir = (item: unknown, options?: object) => connection.console.log(inspect(item, options));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  /* eslint-enable no-console */
}

function isObject(p: unknown): p is Record<string, unknown> {
  return typeof p === 'object' && p !== null;
}

function isPosition(p: unknown): boolean {
  return isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function ofDocument(p: unknown): boolean {
  return isObject(p) && isObject(p.textDocument) && typeof p.textDocument.uri === 'string';
}

function atPosition(p: unknown): boolean {
  return ofDocument(p) && isPosition((p as { position?: unknown }).position);
}

function inRange(p: unknown): boolean {
  const range = (p as { range?: unknown }).range;
  return ofDocument(p) && isObject(range) && isPosition(range.start) && isPosition(range.end);
}

function withUri(p: unknown): boolean {
  return isObject(p) && typeof p.uri === 'string';
}

/** Whether a closed document's last text is what its file holds (false when it cannot be read). */
function sameAsOnDisk(uri: string, text: string): boolean {
  const onDisk = readUri(uri);
  return onDisk.kind === 'text' && onDisk.text === text;
}

/** A file "Check workspace" analyses: on disk only, through the shared open-input routine (regular, capped, heap-checked). */
function readUri(uri: string): InputText {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return { kind: 'unusable', reason: `${uri} is not a file on disk` };
  return readInputText(parsed.fsPath, { analysed: true });
}

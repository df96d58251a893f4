/**
 * Worker-thread entry (bundled to dist/analysisWorker.js): analyses one large document and answers requests on it
 * with the same handlers the main thread uses, so results are those of an in-process analysis.
 */

import { parentPort } from 'worker_threads';
import * as lsp from 'vscode-languageserver';
import * as features from '../features';
import type { FromWorker, RemoteEnv, ToWorker } from './background';
import { guardedAnalysis, type AnalyzedDocument, type DocumentStore, type ImportedLog } from './documents';
import { REMOTE_HANDLERS, type HandlerContext } from './handlers';

const port = parentPort;
let analyzed: AnalyzedDocument | undefined;
// The same log object across calls, so the handlers' per-log cache of runtime findings holds.
let lastLog: ImportedLog | undefined;

const post = (message: FromWorker): void => port?.postMessage(message);

function contextFor(env: RemoteEnv, stored: { log: ImportedLog | undefined }): HandlerContext {
  const log = env.importedLog === undefined ? undefined : lastLog?.serial === env.importedLog.serial && lastLog.name === env.importedLog.name ? lastLog : env.importedLog;
  lastLog = log;
  const store: DocumentStore = {
    documents: { get: () => undefined, editsSince: () => undefined, forgetThrough: () => undefined },
    get: () => Promise.resolve(analyzed),
    invalidateAll: () => undefined,
    settings: () => env.settings,
    importedLog: () => stored.log ?? log,
    setImportedLog: (_uri, next) => void (stored.log = next),
  };
  return {
    store,
    workspaceFolders: () => env.workspaceFolders,
    hierarchicalSymbols: env.hierarchicalSymbols,
    // checkFiles is answered on the main thread; nothing here reads files by uri.
    readFile: () => '',
    onDiagnosticsChanged: () => undefined,
  };
}

async function answer(message: Extract<ToWorker, { kind: 'call' }>): Promise<void> {
  if (analyzed?.version !== message.version) return post({ kind: 'answer', id: message.id, value: undefined, storedLog: undefined });
  const stored: { log: ImportedLog | undefined } = { log: undefined };
  try {
    const value = await REMOTE_HANDLERS[message.method](contextFor(message.env, stored), message.params as never, lsp.CancellationToken.None);
    post({ kind: 'answer', id: message.id, value, storedLog: stored.log });
  } catch (error) {
    post({ kind: 'log', message: `request ${message.method} failed in the background analysis: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}` });
    post({ kind: 'answer', id: message.id, value: undefined, storedLog: undefined });
  }
}

port?.on('message', (message: ToWorker) => {
  if (message.kind === 'call') {
    void answer(message);
    return;
  }
  const { uri, version, text, settings } = message;
  analyzed = undefined;
  const outcome = settings.enable
    ? guardedAnalysis(text, { analyse: () => features.analyzeDocument(text, settings.analysis), logError: (m) => post({ kind: 'log', message: m }) })
    : { kind: 'disabled' as const };
  analyzed = { uri, version, settingsGeneration: 0, outcome };
  post({ kind: 'analyzed', version });
});

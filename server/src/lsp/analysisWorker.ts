/**
 * Worker-thread entry (bundled to dist/analysisWorker.js): analyses one large document and answers requests on it
 * with the same handlers the main thread uses, so results are those of an in-process analysis.
 */

import { parentPort } from 'worker_threads';
import * as lsp from 'vscode-languageserver';
import * as features from '../features';
import type { TextChange } from '../mlir/incrementalParse';
import { LineIndex } from '../text/lineIndex';
import type { FromWorker, RemoteEnv, ToWorker } from './background';
import type { ServerSettings } from './config';
import { guardedAnalysis, type AnalyzedDocument, type DocumentStore, type ImportedLog } from './documents';
import { REMOTE_HANDLERS, type HandlerContext } from './handlers';

const port = parentPort;
let analyzed: AnalyzedDocument | undefined;
// The analysis settings `analyzed` was made with (JSON): edits are applied in place only under the same ones.
let analyzedSettings = '';
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
    readFile: () => ({ kind: 'unusable', reason: 'not read in a background analysis' }),
    onDiagnosticsChanged: () => undefined,
    logError: (message) => post({ kind: 'log', message }),
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
  const { uri, version, text, settings, edits } = message;
  const previous = analyzed;
  const previousSettings = analyzedSettings;
  const settingsKey = JSON.stringify(settings.analysis);
  analyzed = undefined;
  let fresh: LineIndex | undefined;
  const lineIndex = (): LineIndex => (fresh ??= new LineIndex(text));
  const outcome = settings.enable
    ? guardedAnalysis({ length: text.length, lineIndex }, {
        analyse: () => {
          const sameSettings = previousSettings === settingsKey;
          const derived = sameSettings && previous?.outcome.kind === 'ok' && edits !== undefined && edits.fromVersion === previous.version ? afterEdits(previous.outcome.doc, edits.changes, text, settings) : undefined;
          if (derived !== undefined) post({ kind: 'log', message: `background analysis of ${uri} version ${version}: ${edits?.changes.length ?? 0} edits applied in place` });
          return derived ?? features.analyzeDocument(text, settings.analysis, { forEdits: true, lineIndex: lineIndex() });
        },
        logError: (m) => post({ kind: 'log', message: m }),
      })
    : { kind: 'disabled' as const };
  analyzed = { uri, version, settingsGeneration: 0, outcome };
  analyzedSettings = settingsKey;
  post({ kind: 'analyzed', version });
});

/** `previous` with `changes` applied in place, when that gives exactly `text` and every change is local enough. */
function afterEdits(previous: features.DocumentAnalysis, changes: readonly TextChange[], text: string, settings: ServerSettings): features.DocumentAnalysis | undefined {
  let lineIndex = previous.lineIndex;
  const edits: features.DocumentEdit[] = [];
  for (const change of changes) {
    lineIndex = LineIndex.edited(lineIndex, change);
    edits.push({ change, lineIndex });
  }
  // The main thread's text is the truth; a mismatch would be a bug in the edit log, never worth a wrong answer.
  if (lineIndex.text !== text) return undefined;
  return features.analyzeAfterEdits(previous, edits, settings.analysis);
}

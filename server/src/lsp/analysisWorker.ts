/**
 * Worker-thread entry (bundled to dist/analysisWorker.js): holds one large document's text and analysis, follows its
 * versions by their edits (applied in place when they are local, as on the main thread), and answers requests on it
 * with the same handlers the main thread uses, over the same document interface, so results are those of an
 * in-process analysis.
 */

import { parentPort } from 'worker_threads';
import * as lsp from 'vscode-languageserver';
import * as features from '../features';
import { LineIndex } from '../text/lineIndex';
import type { FromWorker, ToWorker, WorkerSource } from './background';
import { diagnosticsDelta } from './diagnosticsDelta';
import { guardedAnalysis, type AnalyzedDocument, type ImportedLog, type RemoteEnv } from './outcome';
import { REMOTE_HANDLERS, type DocumentContext, type HandlerDocuments } from './handlers';

const port = parentPort;

/** The version this worker holds: its text, and its analysis under `settingsKey` (the analysis settings as JSON). */
interface Held {
  readonly analyzed: AnalyzedDocument;
  readonly lineIndex: LineIndex;
  readonly settingsKey: string;
}

let held: Held | undefined;
// The same log object across calls, so the handlers' per-log cache of runtime findings holds.
let lastLog: ImportedLog | undefined;
// The diagnostics last posted to the main thread, which holds the same list: the next ones cross as the change.
let sentDiagnosticItems: readonly lsp.Diagnostic[] = [];

const post = (message: FromWorker): void => port?.postMessage(message);

/** The held document as the handlers read it; the runtime log and settings come from the main thread with each call. */
function documentsFor(env: RemoteEnv, answer: { storedLog: ImportedLog | undefined }): HandlerDocuments {
  const log =
    env.importedLog === undefined
      ? undefined
      : lastLog?.serial === env.importedLog.serial && lastLog.name === env.importedLog.name
        ? lastLog
        : env.importedLog;
  lastLog = log;
  return {
    analyzed: (uri) => Promise.resolve(held?.analyzed.uri === uri ? held.analyzed : undefined),
    version: (uri) => (held?.analyzed.uri === uri ? held.analyzed.version : undefined),
    settings: () => env.settings,
    importedLog: () => answer.storedLog ?? log,
    setImportedLog: (_uri, next) => void (answer.storedLog = next),
  };
}

async function answer(message: Extract<ToWorker, { kind: 'call' }>): Promise<void> {
  if (held?.analyzed.version !== message.version)
    return post({ kind: 'answer', id: message.id, value: undefined, storedLog: undefined, diagnosticsChanged: false });
  const result = { storedLog: undefined as ImportedLog | undefined, diagnosticsChanged: false };
  const ctx: DocumentContext = {
    documents: documentsFor(message.env, result),
    workspaceFolders: () => message.env.workspaceFolders,
    hierarchicalSymbols: message.env.hierarchicalSymbols,
    // The main thread re-publishes (or asks the client to re-pull) when the answer says so.
    onDiagnosticsChanged: () => void (result.diagnosticsChanged = true),
    logError: (m) => post({ kind: 'log', message: m }),
  };
  try {
    const value = await REMOTE_HANDLERS[message.method](ctx, message.params as never, lsp.CancellationToken.None);
    const items =
      message.method === 'diagnosticItems' ? (value as { items?: lsp.Diagnostic[] } | undefined)?.items : undefined;
    if (items === undefined) return post({ kind: 'answer', id: message.id, value, ...result });
    post({
      kind: 'answer',
      id: message.id,
      value: { ...(value as object), items: undefined },
      itemsDelta: diagnosticsDelta(sentDiagnosticItems, items),
      ...result,
    });
    // Only once posted: an answer that failed to cross leaves the main thread's list as it was.
    sentDiagnosticItems = items;
  } catch (error) {
    post({
      kind: 'log',
      message: `request ${message.method} failed in the background analysis: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}`,
    });
    post({ kind: 'answer', id: message.id, value: undefined, storedLog: undefined, diagnosticsChanged: false });
  }
}

/** The text of the version `source` leads to, as the held text edited, or undefined when this worker cannot follow. */
function textOf(
  source: WorkerSource,
): { lineIndex: LineIndex; edits: features.DocumentEdit[] | undefined } | undefined {
  if (source.kind === 'text') return { lineIndex: new LineIndex(source.text), edits: undefined };
  if (held === undefined || held.analyzed.version !== source.fromVersion) return undefined;
  let lineIndex = held.lineIndex;
  const edits: features.DocumentEdit[] = [];
  for (const change of source.changes) {
    lineIndex = LineIndex.edited(lineIndex, change);
    edits.push({ change, lineIndex });
  }
  // The main thread's text is the truth; a length that differs would be a bug in the edit log: ask for the text.
  return lineIndex.length === source.length ? { lineIndex, edits } : undefined;
}

port?.on('message', (message: ToWorker) => {
  if (message.kind === 'call') {
    void answer(message);
    return;
  }
  const { uri, version, settings } = message;
  const next = textOf(message.source);
  if (next === undefined) return post({ kind: 'needText', version });
  const previous = held;
  const settingsKey = JSON.stringify(settings.analysis);
  held = undefined;
  const { lineIndex, edits } = next;
  const outcome = settings.enable
    ? guardedAnalysis(
        { length: lineIndex.length, lineIndex: () => lineIndex },
        {
          analyse: () => {
            const inPlace =
              edits !== undefined && previous?.settingsKey === settingsKey && previous.analyzed.outcome.kind === 'ok';
            const derived = inPlace
              ? features.analyzeAfterEdits(
                  (previous.analyzed.outcome as { doc: features.DocumentAnalysis }).doc,
                  edits,
                  settings.analysis,
                )
              : undefined;
            if (derived !== undefined)
              post({
                kind: 'log',
                message: `background analysis of ${uri} version ${version}: ${edits?.length ?? 0} edits applied in place`,
              });
            return (
              derived ?? features.analyzeDocument(lineIndex.text, settings.analysis, { forEdits: true, lineIndex })
            );
          },
          logError: (m) => post({ kind: 'log', message: m }),
        },
      )
    : { kind: 'disabled' as const };
  held = { analyzed: { uri, version, settingsGeneration: 0, outcome }, lineIndex, settingsKey };
  post({ kind: 'analyzed', version });
});

/**
 * Open documents and their cached analysis per version. Incremental sync; re-analysis is debounced after edits,
 * runs at most once per version and re-parses only the op an edit falls in when it can; stale results are never
 * published; files over 10 MB report work-done progress; a crash in one document's analysis is caught and becomes
 * one diagnostic. Documents over `backgroundAnalysisMB` are analysed in a worker thread (background.ts).
 */

import type { Connection } from 'vscode-languageserver';
import * as features from '../features';
import { listenToDocuments, type OpenDocument } from './openDocuments';
import { LineIndex } from '../text/lineIndex';
import { sameSettings, type ServerSettings } from './config';
import { createBackgroundAnalyses } from './background';
import type { HandlerDocuments } from './handlers';
import { guardedAnalysis, type AnalysisOutcome, type AnalyzedDocument, type ImportedLog } from './outcome';

export interface DocumentStoreOptions {
  /** Delay between the last edit and the (push-mode) re-analysis. */
  readonly debounceMs: number;
  /** Re-analyse eagerly after edits (push mode); in pull mode analysis waits for the next request. */
  readonly eager: boolean;
  /** Whether the client accepts server-initiated work-done progress. */
  readonly progress: boolean;
  readonly onAnalyzed: (analyzed: AnalyzedDocument) => void;
  /** `lastText`: the document's text when it closed. */
  readonly onClosed: (uri: string, lastText: string | undefined) => void;
  /** Resolves once the client's settings are known; no analysis starts before (results would be thrown away). */
  readonly settingsReady: Promise<void>;
}

/** The open documents and their analyses, as the handlers read them, plus what the server does on a settings change. */
export interface DocumentStore extends HandlerDocuments {
  /**
   * Takes the settings the client says are current: when they differ from the store's, drops every cached analysis
   * and re-analyses open documents when eager. Returns whether they differed.
   */
  invalidateAll(settings: ServerSettings): boolean;
}
// Test hook: opening a document containing this marker leaves a rejected promise nobody handles and throws from a
// timer, so the reliability tests can prove the process-wide guard (server.ts) keeps the server alive. Unset in normal use.
const ESCAPE_MARKER_ENV = 'TTNN_L1_TEST_ESCAPE_MARKER';
const ESCAPE_MARKER = process.env[ESCAPE_MARKER_ENV] === '' ? undefined : process.env[ESCAPE_MARKER_ENV];

// A full analysis costs ~0.1 s per MB (bench: 22 MB in ~2.5 s); typing in a large file waits this much longer per MB
// before a full re-analysis, so a burst of keystrokes costs one analysis, not one per pause. Once the document has
// been analysed, the wait is at most as long as its last analysis took. Edits that will most likely be applied in
// place (mlir/incrementalParse: tens of ms whatever the size) wait only the base delay.
const LARGE_DEBOUNCE_MS_PER_MB = 100;

function debounceForLength(baseMs: number, chars: number, lastAnalysisMs: number | undefined): number {
  const bySize = Math.floor(chars / 1e6) * LARGE_DEBOUNCE_MS_PER_MB;
  return baseMs + (lastAnalysisMs === undefined ? bySize : Math.min(bySize, Math.ceil(lastAnalysisMs)));
}

// A replacement this short without a line break usually stays inside one op (a keystroke, a paste of a number).
const LOCAL_EDIT_MAX_CHARS = 256;

// Above this size the client gets a progress notification while we parse and analyse.
const PROGRESS_THRESHOLD_CHARS = 10 * 1024 * 1024;

interface Entry {
  analyzed: AnalyzedDocument | undefined;
  inflight: { version: number; generation: number; promise: Promise<AnalyzedDocument> } | undefined;
  timer: NodeJS.Timeout | undefined;
  /** How long the last analysis of this document took (wall clock), for the debounce of large files. */
  lastAnalysisMs: number | undefined;
}

export function createDocumentStore(
  connection: Connection,
  initialSettings: ServerSettings,
  options: DocumentStoreOptions,
): DocumentStore {
  const entries = new Map<string, Entry>();
  const logs = new Map<string, ImportedLog>();
  let settings = initialSettings;
  let generation = 0;
  const background = createBackgroundAnalyses({ log: (message) => connection.console.log(message) });

  const debounceFor = (uri: string, chars: number): number =>
    likelyInPlace(uri)
      ? options.debounceMs
      : debounceForLength(options.debounceMs, chars, entries.get(uri)?.lastAnalysisMs);

  /** Whether the edits since the last analysis will probably be applied in place (a guess: `applyChange` decides). */
  const likelyInPlace = (uri: string): boolean => {
    const analyzed = entries.get(uri)?.analyzed;
    // A worker's analysis is not visible here; the worker applies what it can and says so.
    const editable =
      analyzed?.outcome.kind === 'background' ||
      (analyzed?.outcome.kind === 'ok' &&
        analyzed.outcome.doc.reuse !== undefined &&
        analyzed.outcome.doc.parse.errors.length === 0);
    if (analyzed === undefined || !editable) return false;
    const steps = documents.editsSince(uri, analyzed.version);
    return (
      steps !== undefined &&
      steps.every(
        (s) =>
          s.change !== undefined &&
          s.change.end - s.change.start <= LOCAL_EDIT_MAX_CHARS &&
          s.change.newText.length <= LOCAL_EDIT_MAX_CHARS &&
          !/[\r\n]/.test(s.change.newText),
      )
    );
  };

  const entryOf = (uri: string): Entry => {
    let e = entries.get(uri);
    if (e === undefined) {
      e = { analyzed: undefined, inflight: undefined, timer: undefined, lastAnalysisMs: undefined };
      entries.set(uri, e);
    }
    return e;
  };

  const runAnalysis = (uri: string, lineIndex: LineIndex, previous: AnalyzedDocument | undefined): AnalysisOutcome => {
    if (!settings.enable) return { kind: 'disabled' };
    return guardedAnalysis(
      { length: lineIndex.length, lineIndex: () => lineIndex },
      {
        analyse: () => {
          // The previous version's tree edited in place when every edit since allows it; it is stale from then on and
          // replaced by this version's analysis at once.
          const edits = previous?.outcome.kind === 'ok' ? editsSince(uri, previous.version) : undefined;
          const derived =
            edits === undefined || previous?.outcome.kind !== 'ok'
              ? undefined
              : features.analyzeAfterEdits(previous.outcome.doc, edits, settings.analysis);
          return derived ?? features.analyzeDocument(lineIndex.text, settings.analysis, { forEdits: true, lineIndex });
        },
        logError: (m) => connection.console.error(m),
      },
    );
  };

  /** The edits since `version` as the core takes them; undefined when one replaced the whole text (or is unknown). */
  const editsSince = (uri: string, version: number): features.DocumentEdit[] | undefined => {
    const steps = documents.editsSince(uri, version);
    const edits: features.DocumentEdit[] = [];
    for (const step of steps ?? []) {
      if (step.change === undefined) return undefined;
      edits.push({ change: step.change, lineIndex: step.lineIndex });
    }
    return steps === undefined ? undefined : edits;
  };

  const analyze = async (uri: string, textDocument: OpenDocument, entry: Entry): Promise<AnalyzedDocument> => {
    const version = textDocument.version;
    const length = textDocument.lineIndex.length;
    const large = length > PROGRESS_THRESHOLD_CHARS;
    const inWorker = background.handles(length, settings);
    // Shrunk below the threshold (or settings changed): its worker is of no use any more.
    if (!inWorker) background.close(uri);
    const analysisGeneration = generation;
    // Keystrokes that will most likely be applied in place take tens of ms: no progress round trip to the client (it
    // would cost more than the analysis), no yield. A full analysis (open, paste, settings change) gets both.
    const full = !(
      likelyInPlace(uri) && (documents.editsSince(uri, entry.analyzed?.version ?? version)?.length ?? 0) > 0
    );
    const reporter = options.progress && large && full ? await connection.window.createWorkDoneProgress() : undefined;
    // An in-process analysis is synchronous: let requests already queued (a hover in another document) be answered first.
    if (large && full && !inWorker && reporter === undefined)
      await new Promise<void>((resolve) => setImmediate(resolve));
    reporter?.begin('TTNN L1', undefined, `analysing ${(length / 1e6).toFixed(0)} MB`);
    const startedMs = Date.now();
    const outcome = inWorker
      ? await background.analyze(
          uri,
          {
            version,
            lineIndex: textDocument.lineIndex,
            editsSince: (from) => editsSince(uri, from)?.map((e) => e.change),
          },
          settings,
        )
      : runAnalysis(uri, textDocument.lineIndex, entry.analyzed);
    const analyzed: AnalyzedDocument = { uri, version, settingsGeneration: analysisGeneration, outcome };
    reporter?.done();
    if (outcome.kind === 'cancelled') return analyzed;
    entry.lastAnalysisMs = Date.now() - startedMs;
    documents.forgetThrough(uri, version);
    // A newer version may have been analysed meanwhile; keep whichever is newer.
    if (entry.analyzed === undefined || entry.analyzed.version <= version) entry.analyzed = analyzed;
    return analyzed;
  };

  const get = async (uri: string): Promise<AnalyzedDocument | undefined> => {
    await options.settingsReady;
    const textDocument = documents.get(uri);
    if (textDocument === undefined) return undefined;
    const entry = entryOf(uri);
    const version = textDocument.version;
    if (entry.analyzed?.version === version && entry.analyzed.settingsGeneration === generation) return entry.analyzed;
    if (entry.inflight?.version === version && entry.inflight.generation === generation) return entry.inflight.promise;
    // A request that arrives during the debounce takes over the pending analysis; the push that timer owed the client
    // is then made here (else the version's diagnostics were never published: found by the reliability stress test).
    const owesPush = entry.timer !== undefined;
    if (entry.timer !== undefined) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    const promise = analyze(uri, textDocument, entry);
    entry.inflight = { version, generation, promise };
    try {
      const analyzed = await promise;
      if (owesPush) notifyIfCurrent(analyzed);
      return analyzed;
    } finally {
      if (entry.inflight?.promise === promise) entry.inflight = undefined;
    }
  };

  // Publish only the current version: stale work is dropped, never shown.
  const notifyIfCurrent = (analyzed: AnalyzedDocument | undefined): void => {
    if (
      analyzed !== undefined &&
      documents.get(analyzed.uri)?.version === analyzed.version &&
      analyzed.settingsGeneration === generation
    )
      options.onAnalyzed(analyzed);
  };

  const analyzeAndNotify = async (uri: string): Promise<void> => notifyIfCurrent(await get(uri));

  const schedule = (uri: string, delayMs: number): void => {
    if (!options.eager) return;
    const entry = entryOf(uri);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      analyzeAndNotify(uri).catch((e: unknown) => connection.console.error(`analysis of ${uri} failed: ${String(e)}`));
    }, delayMs);
  };

  const documents = listenToDocuments(connection, {
    onOpen: (document) => {
      if (ESCAPE_MARKER !== undefined && document.lineIndex.text.includes(ESCAPE_MARKER)) {
        void Promise.reject(new Error(`injected unhandled rejection (${ESCAPE_MARKER_ENV})`));
        setImmediate(() => {
          throw new Error(`injected uncaught exception (${ESCAPE_MARKER_ENV})`);
        });
      }
      schedule(document.uri, 0);
    },
    onChange: (document) => {
      background.cancelStale(document.uri, document.version);
      schedule(document.uri, debounceFor(document.uri, document.lineIndex.length));
    },
    onClose: (uri, lastText) => {
      const entry = entries.get(uri);
      if (entry?.timer !== undefined) clearTimeout(entry.timer);
      background.close(uri);
      entries.delete(uri);
      logs.delete(uri);
      options.onClosed(uri, lastText);
    },
  });

  return {
    analyzed: get,
    version: (uri) => documents.get(uri)?.version,
    settings: () => settings,
    importedLog: (uri) => logs.get(uri),
    setImportedLog: (uri, log) => void logs.set(uri, log),
    invalidateAll(next: ServerSettings): boolean {
      // Clients re-send settings that did not change (VS Code's client, once at start, besides the configuration
      // request answered after `initialized`): analyses under equal settings stay valid, and a re-analysis (or a new
      // pull result id, which re-sends every diagnostic) would delay the first diagnostics for nothing.
      if (sameSettings(settings, next)) return false;
      settings = next;
      generation++;
      // Analyses in progress under the old settings are of no use any more.
      for (const uri of entries.keys()) background.cancelStale(uri, undefined);
      for (const uri of entries.keys()) schedule(uri, 0);
      return true;
    },
  };
}

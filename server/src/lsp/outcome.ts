/**
 * What analysing one version of a document gave, and the shapes a background analysis answers in: the types the
 * document store (documents.ts), the worker pool (background.ts), the worker (analysisWorker.ts) and the handlers
 * share, so none of them imports another for its types. `guardedAnalysis` is the one routine that turns an analysis
 * into an outcome, on the main thread and in a worker alike.
 */

import type * as features from '../features';
import { analysisHeap, heapToAsk } from '../host/openInput';
import type { LineIndex } from '../text/lineIndex';
import type { ServerSettings } from './config';

export type AnalysisOutcome =
  | { readonly kind: 'ok'; readonly doc: features.DocumentAnalysis }
  | { readonly kind: 'failed'; readonly message: string; readonly lineIndex: LineIndex }
  /** Too large for this server's heap: analysing it would abort the process. */
  | { readonly kind: 'tooLarge'; readonly message: string; readonly lineIndex: LineIndex }
  /** `ttnnL1.enable` is off: nothing is parsed or analysed. */
  | { readonly kind: 'disabled' }
  /** Analysed in a worker thread (a large document); requests on it are answered there. */
  | { readonly kind: 'background'; readonly job: BackgroundJob }
  /** A newer version (or close) stopped this version's background analysis. */
  | { readonly kind: 'cancelled' };

export interface AnalyzedDocument {
  readonly uri: string;
  readonly version: number;
  /** Bumped whenever settings change, so pull-diagnostic result ids change too. */
  readonly settingsGeneration: number;
  readonly outcome: AnalysisOutcome;
}

export interface ImportedLog {
  readonly text: string;
  readonly name: string;
  /** Increases with every import, so pull-diagnostic result ids change. */
  readonly serial: number;
}

/** The handlers a background analysis answers (`REMOTE_HANDLERS` in handlers.ts). */
export type RemoteMethod =
  | 'hover'
  | 'inlayHint'
  | 'codeLens'
  | 'codeAction'
  | 'definition'
  | 'references'
  | 'documentSymbol'
  | 'foldingRange'
  | 'timeline'
  | 'fileSummary'
  | 'opBreakdown'
  | 'importLog'
  | 'diagnosticItems';

/** What a handler reads from the main thread's context, as plain data. */
export interface RemoteEnv {
  readonly settings: ServerSettings;
  readonly importedLog: ImportedLog | undefined;
  readonly workspaceFolders: readonly string[];
  readonly hierarchicalSymbols: boolean;
}

export interface RemoteAnswer {
  readonly value: unknown;
  /** The runtime log the handler stored (importLog); the main thread keeps it. */
  readonly storedLog: ImportedLog | undefined;
  /** The handler changed what the document's diagnostics say (importLog): the main thread re-publishes them. */
  readonly diagnosticsChanged: boolean;
}

/** A finished background analysis of one version. */
export interface BackgroundJob {
  readonly version: number;
  /** The handler's answer; undefined when the worker was terminated (a newer version or close) first. */
  call(method: RemoteMethod, params: unknown, env: RemoteEnv): Promise<RemoteAnswer | undefined>;
}

// Test hook: a document containing this marker fails analysis, so the reliability tests can prove that one document's
// crash becomes one diagnostic and the server carries on. Unset in normal use.
const FAULT_MARKER_ENV = 'TTNN_L1_TEST_FAULT_MARKER';
const FAULT_MARKER =
  process.env[FAULT_MARKER_ENV] === undefined || process.env[FAULT_MARKER_ENV] === ''
    ? undefined
    : process.env[FAULT_MARKER_ENV];

/** The document an analysis is for: its length, and its line index when an outcome needs one (made on demand). */
export interface AnalysedSource {
  readonly length: number;
  readonly lineIndex: () => LineIndex;
}

/**
 * Runs `analyse` unless the document would exhaust the heap or carries the test fault marker; a throw becomes a
 * 'failed' outcome. Shared by the store and the background worker, so both report the same outcomes.
 */
export function guardedAnalysis(
  source: AnalysedSource,
  hooks: { readonly analyse: () => features.DocumentAnalysis; readonly logError: (message: string) => void },
): AnalysisOutcome {
  try {
    if (FAULT_MARKER !== undefined && source.lineIndex().text.includes(FAULT_MARKER))
      throw new Error(`injected analysis fault (${FAULT_MARKER_ENV})`);
    // Past the heap V8 aborts the whole server (and the client restarts it into the same document): refuse instead.
    const heap = analysisHeap(source.length);
    if (!heap.fits) {
      const gb = (n: number): string => (n / 1e9).toFixed(1);
      return {
        kind: 'tooLarge',
        lineIndex: source.lineIndex(),
        message: `the document is ${Math.round(source.length / 1e6)} MB; analysing it needs about ${gb(heap.neededBytes)} GB of JavaScript heap and the server has ${gb(heap.freeBytes)} GB free: start it with NODE_OPTIONS=--max-old-space-size=${heapToAsk(heap)}, or use the ttnn-l1 CLI`,
      };
    }
    return { kind: 'ok', doc: hooks.analyse() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    hooks.logError(`analysis failed: ${error instanceof Error && error.stack !== undefined ? error.stack : message}`);
    return { kind: 'failed', message, lineIndex: source.lineIndex() };
  }
}

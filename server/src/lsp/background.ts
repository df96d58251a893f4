/**
 * Large documents are parsed and analysed in a worker thread (one per document, `analysisWorker.js` next to the
 * bundle), so requests on other documents are answered meanwhile; a newer version or close terminates a stale job.
 * An idle worker keeps its analysis, so the next version's edits are applied there in place (as in-process).
 * The analysis stays in the worker (it holds class instances and closures); requests are forwarded as plain data.
 */

import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { TextChange } from '../mlir/incrementalParse';
import { LineIndex } from '../text/lineIndex';
import type { ServerSettings } from './config';
import type { AnalysisOutcome, ImportedLog } from './documents';

/** The handlers a background analysis answers (`REMOTE_HANDLERS` in handlers.ts). */
export type RemoteMethod =
  | 'hover' | 'inlayHint' | 'codeLens' | 'codeAction' | 'definition' | 'references' | 'documentSymbol' | 'foldingRange'
  | 'timeline' | 'fileSummary' | 'opBreakdown' | 'importLog' | 'diagnosticItems';

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
}

/** The edits from the version a worker holds to the one it is asked for: it may apply them in place. */
export interface WorkerEdits {
  readonly fromVersion: number;
  readonly changes: readonly TextChange[];
}

export type ToWorker =
  | { readonly kind: 'analyze'; readonly uri: string; readonly version: number; readonly text: string; readonly settings: ServerSettings; readonly edits: WorkerEdits | undefined }
  /** Answered only if the worker still holds `version` (else `value` is undefined). */
  | { readonly kind: 'call'; readonly id: number; readonly version: number; readonly method: RemoteMethod; readonly params: unknown; readonly env: RemoteEnv };

export type FromWorker =
  | { readonly kind: 'analyzed'; readonly version: number }
  | ({ readonly kind: 'answer'; readonly id: number } & RemoteAnswer)
  | { readonly kind: 'log'; readonly message: string };

/** A finished background analysis of one version. */
export interface BackgroundJob {
  readonly version: number;
  /** The handler's answer; undefined when the worker was terminated (a newer version or close) first. */
  call(method: RemoteMethod, params: unknown, env: RemoteEnv): Promise<RemoteAnswer | undefined>;
}

export interface BackgroundAnalyses {
  /** Whether a document of `chars` characters is analysed in a worker under `settings`. */
  handles(chars: number, settings: ServerSettings): boolean;
  /** `edits` lead from the version the worker last analysed to this one, when they are all known. */
  analyze(uri: string, version: number, text: string, settings: ServerSettings, edits: WorkerEdits | undefined): Promise<AnalysisOutcome>;
  /** Terminates the document's analysis in progress if it is of a version before `version` (or any, if undefined). */
  cancelStale(uri: string, version: number | undefined): void;
  close(uri: string): void;
}

export const WORKER_FILE = 'analysisWorker.js';

interface DocumentWorker {
  readonly worker: Worker;
  nextId: number;
  stopped: boolean;
  readonly calls: Map<number, (answer: RemoteAnswer | undefined) => void>;
  job: { readonly version: number; readonly resolve: (outcome: AnalysisOutcome) => void; readonly text: string } | undefined;
}

export function createBackgroundAnalyses(hooks: { readonly log: (message: string) => void }): BackgroundAnalyses {
  // Absent when the server runs from sources (tsx) instead of the bundle: everything is analysed in-process then.
  const workerPath = path.join(__dirname, WORKER_FILE);
  const available = fs.existsSync(workerPath);
  const workers = new Map<string, DocumentWorker>();

  const stop = (uri: string, w: DocumentWorker): void => {
    if (workers.get(uri) === w) workers.delete(uri);
    w.stopped = true;
    void w.worker.terminate();
    for (const resolve of w.calls.values()) resolve(undefined);
    w.calls.clear();
    if (w.job !== undefined) {
      hooks.log(`background analysis of ${uri} version ${w.job.version} cancelled`);
      w.job.resolve({ kind: 'cancelled' });
      w.job = undefined;
    }
  };

  const start = (uri: string): DocumentWorker => {
    const w: DocumentWorker = { worker: new Worker(workerPath), nextId: 0, stopped: false, calls: new Map(), job: undefined };
    w.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'log') hooks.log(m.message);
      else if (m.kind === 'answer') {
        w.calls.get(m.id)?.(m);
        w.calls.delete(m.id);
      } else if (w.job?.version === m.version) {
        const { resolve } = w.job;
        w.job = undefined;
        resolve({ kind: 'background', job: jobOf(w, m.version) });
      }
    });
    // A crash (out of memory, a bug) ends this document's worker only; its analysis becomes one diagnostic.
    const crashed = (message: string): void => {
      if (w.stopped) return;
      const job = w.job;
      w.job = undefined;
      stop(uri, w);
      if (job !== undefined) job.resolve({ kind: 'failed', message, lineIndex: new LineIndex(job.text) });
    };
    w.worker.on('error', (e) => crashed(`background analysis crashed: ${e.message}`));
    w.worker.on('exit', (code) => crashed(`background analysis exited with code ${code}`));
    workers.set(uri, w);
    return w;
  };

  const jobOf = (w: DocumentWorker, version: number): BackgroundJob => ({
    version,
    call: (method, params, env) =>
      new Promise((resolve) => {
        if (w.stopped) return resolve(undefined);
        const id = w.nextId++;
        w.calls.set(id, resolve);
        w.worker.postMessage({ kind: 'call', id, version, method, params, env } satisfies ToWorker);
      }),
  });

  return {
    handles: (chars, settings) => available && settings.enable && chars > settings.backgroundAnalysisMB * 1e6,
    analyze(uri, version, text, settings, edits) {
      const running = workers.get(uri);
      // A job in progress cannot be interrupted inside the worker (the analysis is synchronous): terminate it.
      if (running?.job !== undefined) stop(uri, running);
      const w = workers.get(uri) ?? start(uri);
      // Answers still pending on the previous analysis of this worker are dropped with it.
      for (const resolve of w.calls.values()) resolve(undefined);
      w.calls.clear();
      hooks.log(`background analysis of ${uri} version ${version} (${(text.length / 1e6).toFixed(1)} MB) started`);
      return new Promise<AnalysisOutcome>((resolve) => {
        w.job = { version, resolve, text };
        w.worker.postMessage({ kind: 'analyze', uri, version, text, settings, edits } satisfies ToWorker);
      });
    },
    cancelStale(uri, version) {
      const w = workers.get(uri);
      if (w?.job !== undefined && (version === undefined || w.job.version < version)) stop(uri, w);
    },
    close(uri) {
      const w = workers.get(uri);
      if (w !== undefined) stop(uri, w);
    },
  };
}

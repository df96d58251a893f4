/**
 * Large documents are parsed and analysed in a worker thread (one per document, `analysisWorker.js` next to the
 * bundle), so requests on other documents are answered meanwhile; a newer version or close terminates a stale full
 * analysis. An idle worker keeps its text and analysis, so the next version travels as its edits only (never the
 * text again) and is applied there in place, as in-process; an edit job is never terminated (it costs what the
 * same edit costs in-process) and later versions queue behind it. The analysis stays in the worker (it holds class
 * instances and closures); requests are forwarded as plain data and only their results come back, diagnostics as
 * the change from the list the worker sent last (diagnosticsDelta.ts).
 */

import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { Worker } from 'worker_threads';
import type * as lsp from 'vscode-languageserver';
import type * as features from '../features';
import type { LineIndex } from '../text/lineIndex';
import type { ServerSettings } from './config';
import { appliedDelta, type DiagnosticsDelta } from './diagnosticsDelta';
import type { AnalysisOutcome, BackgroundJob, RemoteAnswer, RemoteEnv, RemoteMethod } from './outcome';

/** Where a worker gets a version's text: the whole of it, or the edits from the version it holds. */
export type WorkerSource =
  | { readonly kind: 'text'; readonly text: string }
  /** `length` is the text's length after the edits: the worker checks it before trusting its own copy. */
  | {
      readonly kind: 'edits';
      readonly fromVersion: number;
      readonly changes: readonly features.TextChange[];
      readonly length: number;
    };

export type ToWorker =
  | {
      readonly kind: 'analyze';
      readonly uri: string;
      readonly version: number;
      readonly settings: ServerSettings;
      readonly source: WorkerSource;
    }
  /** Answered only if the worker still holds `version` (else `value` is undefined). */
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly version: number;
      readonly method: RemoteMethod;
      readonly params: unknown;
      readonly env: RemoteEnv;
    };

export type FromWorker =
  | { readonly kind: 'analyzed'; readonly version: number }
  /** The worker could not follow the edits to `version` (it does not hold their base): send the text. */
  | { readonly kind: 'needText'; readonly version: number }
  /**
   * With `itemsDelta`, a `diagnosticItems` answer whose `items` are left out of `value` and cross as the change from
   * the list the worker sent last (diagnosticsDelta.ts).
   */
  | ({ readonly kind: 'answer'; readonly id: number; readonly itemsDelta?: DiagnosticsDelta } & RemoteAnswer)
  | { readonly kind: 'log'; readonly message: string };

/** One version of an open document as the store hands it over. */
export interface DocumentVersion {
  readonly version: number;
  readonly lineIndex: LineIndex;
  /** The edits from `fromVersion` to this version (undefined when they are not all known, e.g. a whole-text change). */
  readonly editsSince: (fromVersion: number) => readonly features.TextChange[] | undefined;
}

export interface BackgroundAnalyses {
  /** Whether a document of `chars` characters is analysed in a worker under `settings`. */
  handles(chars: number, settings: ServerSettings): boolean;
  analyze(uri: string, document: DocumentVersion, settings: ServerSettings): Promise<AnalysisOutcome>;
  /** Terminates the document's full analysis in progress if it is of a version before `version` (or any, if undefined). */
  cancelStale(uri: string, version: number | undefined): void;
  close(uri: string): void;
}

export const WORKER_FILE = 'analysisWorker.js';

interface Job {
  readonly version: number;
  readonly resolve: (outcome: AnalysisOutcome) => void;
  readonly lineIndex: LineIndex;
  readonly settings: ServerSettings;
  readonly uri: string;
  /** Sent as the whole text: a full analysis, worth terminating when it goes stale. */
  full: boolean;
}

interface DocumentWorker {
  readonly worker: Worker;
  nextId: number;
  stopped: boolean;
  readonly calls: Map<number, (answer: RemoteAnswer | undefined) => void>;
  /** Jobs posted and not answered yet, oldest first (the worker takes them in order). */
  readonly jobs: Job[];
  /** The version whose text the worker holds once it has taken every posted job. */
  holds: number | undefined;
  /** The diagnostics the worker sent last (its next list crosses as the change from these). */
  diagnosticItems: readonly lsp.Diagnostic[];
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
    for (const job of w.jobs.splice(0)) {
      hooks.log(`background analysis of ${uri} version ${job.version} cancelled`);
      job.resolve({ kind: 'cancelled' });
    }
  };

  const postText = (w: DocumentWorker, job: Job): void => {
    job.full = true;
    w.worker.postMessage({
      kind: 'analyze',
      uri: job.uri,
      version: job.version,
      settings: job.settings,
      source: { kind: 'text', text: job.lineIndex.text },
    } satisfies ToWorker);
  };

  const start = (uri: string): DocumentWorker => {
    const w: DocumentWorker = {
      worker: startWorker(workerPath, hooks.log),
      nextId: 0,
      stopped: false,
      calls: new Map(),
      jobs: [],
      holds: undefined,
      diagnosticItems: [],
    };
    w.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'log') hooks.log(m.message);
      else if (m.kind === 'answer') {
        let answer: RemoteAnswer;
        try {
          // Restored before the lookup: `?.(…)` would skip it for an answer whose call was dropped.
          answer = withDiagnosticItems(w, m);
        } catch (error) {
          // The two lists lost step (a bug): a fresh worker starts from the text and an empty list.
          hooks.log(`background analysis of ${uri}: ${error instanceof Error ? error.message : String(error)}`);
          return stop(uri, w);
        }
        w.calls.get(m.id)?.(answer);
        w.calls.delete(m.id);
      } else if (m.kind === 'needText') {
        const job = w.jobs.find((j) => j.version === m.version);
        if (job !== undefined) postText(w, job);
      } else {
        const at = w.jobs.findIndex((j) => j.version === m.version);
        if (at < 0) return;
        const [job] = w.jobs.splice(at, 1);
        job!.resolve({ kind: 'background', job: jobOf(w, m.version) });
      }
    });
    // A crash (out of memory, a bug) ends this document's worker only; its analysis becomes one diagnostic.
    const crashed = (message: string): void => {
      if (w.stopped) return;
      const jobs = w.jobs.splice(0);
      stop(uri, w);
      for (const job of jobs) job.resolve({ kind: 'failed', message, lineIndex: job.lineIndex });
    };
    w.worker.on('error', (e) => crashed(`background analysis crashed: ${e.message}`));
    w.worker.on('exit', (code) => crashed(`background analysis exited with code ${code}`));
    workers.set(uri, w);
    return w;
  };

  /** The answer with its diagnostics restored from a delta; applied even when no call awaits it, to stay in step. */
  const withDiagnosticItems = (w: DocumentWorker, m: Extract<FromWorker, { kind: 'answer' }>): RemoteAnswer => {
    if (m.itemsDelta === undefined) return m;
    const items = appliedDelta(w.diagnosticItems, m.itemsDelta);
    w.diagnosticItems = items;
    return { ...m, value: { ...(m.value as object), items } };
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
    analyze(uri, document, settings) {
      const running = workers.get(uri);
      // A full analysis in progress cannot be interrupted inside the worker (it is synchronous): terminate it.
      if (running !== undefined && running.jobs.some((j) => j.full)) stop(uri, running);
      const w = workers.get(uri) ?? start(uri);
      // Answers still pending on the previous analysis of this worker are dropped with it.
      for (const resolve of w.calls.values()) resolve(undefined);
      w.calls.clear();
      const { version, lineIndex } = document;
      const changes = w.holds === undefined ? undefined : document.editsSince(w.holds);
      hooks.log(
        `background analysis of ${uri} version ${version} (${(lineIndex.length / 1e6).toFixed(1)} MB${changes === undefined ? '' : `, sent as ${changes.length} edit${changes.length === 1 ? '' : 's'}`}) started`,
      );
      return new Promise<AnalysisOutcome>((resolve) => {
        const job: Job = { version, resolve, lineIndex, settings, uri, full: changes === undefined };
        w.jobs.push(job);
        if (changes === undefined) postText(w, job);
        else
          w.worker.postMessage({
            kind: 'analyze',
            uri,
            version,
            settings,
            source: { kind: 'edits', fromVersion: w.holds!, changes, length: lineIndex.length },
          } satisfies ToWorker);
        w.holds = version;
      });
    },
    cancelStale(uri, version) {
      const w = workers.get(uri);
      if (w !== undefined && w.jobs.some((j) => j.full && (version === undefined || j.version < version))) stop(uri, w);
    },
    close(uri) {
      const w = workers.get(uri);
      if (w !== undefined) stop(uri, w);
    },
  };
}

/**
 * A worker whose stdout goes to the log, line by line: by default Node pipes a worker's stdout into the process's
 * own, which over `--stdio` is the protocol stream (console output on the main thread is routed by lsp/server.ts).
 * Its stderr stays the process's stderr, which clients show as errors.
 */
function startWorker(workerPath: string, log: (message: string) => void): Worker {
  const worker = new Worker(workerPath, { stdout: true });
  readline.createInterface({ input: worker.stdout, crlfDelay: Infinity }).on('line', log);
  return worker;
}

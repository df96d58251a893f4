/** Request handlers: protocol in → one features call → protocol out. Each stays a few lines. */

import * as lsp from 'vscode-languageserver';
import * as features from '../features';
import * as ext from './ext';
import * as fromProto from './fromProto';
import * as toProto from './toProto';
import type { ServerSettings } from './config';
import type { AnalyzedDocument, ImportedLog, RemoteEnv, RemoteMethod } from './outcome';
import { sourceFileResolver, workspaceFileFinder } from './sourceFiles';
import { LineIndex } from '../text/lineIndex';
import type { InputText } from '../host/openInput';

/**
 * The documents as the handlers read them: the main thread's document store, or a background worker's one document
 * (analysisWorker.ts); both hold real analyses.
 */
export interface HandlerDocuments {
  /** The analysis of the document's current version (computed now if needed); undefined when not open. */
  analyzed(uri: string): Promise<AnalyzedDocument | undefined>;
  /** The document's current version; undefined when not open. */
  version(uri: string): number | undefined;
  settings(): ServerSettings;
  /** The runtime log imported for a document (kept until the document closes). */
  importedLog(uri: string): ImportedLog | undefined;
  setImportedLog(uri: string, log: ImportedLog): void;
}

/** What a handler on one document reads: all a background worker has too. */
export interface DocumentContext {
  readonly documents: HandlerDocuments;
  readonly workspaceFolders: () => readonly string[];
  readonly hierarchicalSymbols: boolean;
  /** Re-publish (push) or ask the client to re-pull (pull) a document's diagnostics. */
  readonly onDiagnosticsChanged: (uri: string) => void;
  /** The server log (error level): where a caught failure's stack goes. */
  readonly logError: (message: string) => void;
}

/** The main thread's context: also reads files (`ttnnL1/checkFiles`). */
export interface HandlerContext extends DocumentContext {
  /** Reads a file for `ttnnL1/checkFiles` (host/openInput.ts: regular files only, size and heap checked). */
  readonly readFile: (uri: string) => InputText;
  /** A file `ttnnL1/checkFiles` analysed that is not open, with its diagnostics (for the Python source it names). */
  readonly onClosedFileChecked?: (uri: string, items: lsp.Diagnostic[]) => void;
}

/** An error's stack (or its text), for the log. */
export function stackOf(error: unknown): string {
  return error instanceof Error && error.stack !== undefined ? error.stack : String(error);
}

const NO_LINES = new LineIndex('');

// Test hook (like documents.ts' analysis fault marker): diagnostics of a document containing this marker throw after
// its analysis succeeded, so the reliability tests can prove the publish path itself is guarded. Unset in normal use.
const DIAGNOSTICS_FAULT_ENV = 'TTNN_L1_TEST_DIAGNOSTICS_FAULT_MARKER';
const DIAGNOSTICS_FAULT = process.env[DIAGNOSTICS_FAULT_ENV] === '' ? undefined : process.env[DIAGNOSTICS_FAULT_ENV];

type Doc = features.DocumentAnalysis;

// Runtime-log findings per analysis and log: recomputed only when either changes.
const findingsCache = new WeakMap<Doc, { log: ImportedLog; findings: features.RuntimeLogFindings }>();

function runtimeFindings(ctx: DocumentContext, uri: string, doc: Doc): features.RuntimeLogFindings | undefined {
  const log = ctx.documents.importedLog(uri);
  if (log === undefined) return undefined;
  const cached = findingsCache.get(doc);
  if (cached?.log === log) return cached.findings;
  const findings = features.runtimeLogFindings(doc, log.text, log.name);
  findingsCache.set(doc, { log, findings });
  return findings;
}

function remoteEnv(ctx: DocumentContext, uri: string): RemoteEnv {
  return {
    settings: ctx.documents.settings(),
    importedLog: ctx.documents.importedLog(uri),
    workspaceFolders: ctx.workspaceFolders(),
    hierarchicalSymbols: ctx.hierarchicalSymbols,
  };
}

/**
 * Answers a request on a document analysed in a background worker there (by the same handler, `REMOTE_HANDLERS`);
 * undefined when the document is analysed in-process (or the worker's job was cancelled), so the caller answers.
 */
export async function answerInBackground(
  ctx: DocumentContext,
  uri: string,
  method: RemoteMethod,
  params: unknown,
  token: lsp.CancellationToken,
): Promise<{ value: unknown } | undefined> {
  const analyzed = await ctx.documents.analyzed(uri);
  if (analyzed?.outcome.kind !== 'background') return undefined;
  const answer = await analyzed.outcome.job.call(method, params, remoteEnv(ctx, uri));
  if (token.isCancellationRequested) throw new lsp.ResponseError(lsp.LSPErrorCodes.RequestCancelled, 'cancelled');
  if (answer === undefined) return undefined;
  if (answer.storedLog !== undefined) ctx.documents.setImportedLog(uri, answer.storedLog);
  if (answer.diagnosticsChanged) ctx.onDiagnosticsChanged(uri);
  return { value: answer.value };
}

async function analysisOf(ctx: DocumentContext, uri: string, token: lsp.CancellationToken): Promise<Doc | undefined> {
  return (await analyzedOf(ctx, uri, token))?.doc;
}

/** The analysed version and its analysis; undefined when there is none to answer from. */
async function analyzedOf(
  ctx: DocumentContext,
  uri: string,
  token: lsp.CancellationToken,
): Promise<{ readonly analyzed: AnalyzedDocument; readonly doc: Doc } | undefined> {
  const analyzed = await ctx.documents.analyzed(uri);
  if (token.isCancellationRequested) throw new lsp.ResponseError(lsp.LSPErrorCodes.RequestCancelled, 'cancelled');
  if (analyzed === undefined || analyzed.outcome.kind !== 'ok' || !ctx.documents.settings().enable) return undefined;
  return { analyzed, doc: analyzed.outcome.doc };
}

/**
 * The analysis for an answer about the whole document (outline, folding, code lenses, timeline), once the same
 * version's diagnostics have gone out. Requests that arrive during an analysis all resume when it ends, in one run of
 * the microtask queue, and the requests read meanwhile are then handled one per event-loop turn, while the diagnostics
 * (pushed, or the answer to a pull) are written from a later turn (the JSON-RPC writer runs on setImmediate): an editor
 * that asks for the outline on open (VS Code's breadcrumbs) made a 100k-op document's first diagnostics wait for the
 * outline (~2 s, 24 MB of JSON). So such an answer waits, a bounded number of turns, for this version's diagnostics to
 * be computed, then two turns for their write; a request the client cancelled meanwhile (it does, on the next
 * keystroke) is not computed at all.
 */
async function analysisAfterDiagnostics(
  ctx: DocumentContext,
  uri: string,
  token: lsp.CancellationToken,
): Promise<Doc | undefined> {
  const found = await analyzedOf(ctx, uri, token);
  if (found === undefined) return undefined;
  for (let turn = 0; turn < MAX_TURNS_FOR_DIAGNOSTICS && !diagnosed.has(found.analyzed); turn++) await nextTurn();
  await nextTurn();
  await nextTurn();
  if (token.isCancellationRequested) throw new lsp.ResponseError(lsp.LSPErrorCodes.RequestCancelled, 'cancelled');
  return found.doc;
}

// Analysed versions whose diagnostics have been computed (push or pull): nothing is kept once the version is dropped.
const diagnosed = new WeakSet<AnalyzedDocument>();
// A pull client's request for the diagnostics may sit behind a few others read with it; a client that does not pull
// (or not now) costs whole-document answers this many idle turns (microseconds).
const MAX_TURNS_FOR_DIAGNOSTICS = 16;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface DiagnosticItems {
  readonly version: number;
  /** The settings generation (-1 for a failure), part of pull-diagnostic result ids. */
  readonly generation: number;
  readonly items: lsp.Diagnostic[];
}

/**
 * A document's diagnostics as the client gets them, pushed (server.ts `publish`) or pulled (`onDiagnostic`): the one
 * path both take. Never rejects: a failure anywhere on it is logged with its stack and becomes one `internal-error`
 * diagnostic, so no bug in one feature hides the document's other findings silently or ends the server.
 */
export async function diagnosticItems(ctx: DocumentContext, uri: string): Promise<DiagnosticItems | undefined> {
  const seen: { version?: number } = {};
  try {
    return await unguardedDiagnosticItems(ctx, uri, seen);
  } catch (error) {
    ctx.logError(`diagnostics of ${uri} failed: ${stackOf(error)}`);
    const version = seen.version ?? ctx.documents.version(uri);
    if (version === undefined) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return {
      version,
      generation: -1,
      items: [
        toProto.diagnostic(NO_LINES, uri, features.internalErrorDiagnostic(message), () => ({
          unlinked: 'not resolved',
        })),
      ],
    };
  }
}

async function unguardedDiagnosticItems(
  ctx: DocumentContext,
  uri: string,
  seen: { version?: number },
): Promise<DiagnosticItems | undefined> {
  const analyzed = await ctx.documents.analyzed(uri);
  if (analyzed === undefined) return undefined;
  diagnosed.add(analyzed);
  const { version, settingsGeneration: generation, outcome } = analyzed;
  seen.version = version;
  // Stale: a newer version's diagnostics follow.
  if (outcome.kind === 'cancelled') return undefined;
  if (outcome.kind === 'disabled' || !ctx.documents.settings().enable) return { version, generation, items: [] };
  if (outcome.kind === 'background') {
    const answer = await outcome.job.call('diagnosticItems', { uri }, remoteEnv(ctx, uri));
    const items = (answer?.value as { items: lsp.Diagnostic[] } | undefined)?.items;
    return items === undefined ? undefined : { version, generation, items };
  }
  const lineIndex = outcome.kind === 'ok' ? outcome.doc.lineIndex : outcome.lineIndex;
  if (DIAGNOSTICS_FAULT !== undefined && lineIndex.text.includes(DIAGNOSTICS_FAULT))
    throw new Error(`injected diagnostics fault (${DIAGNOSTICS_FAULT_ENV})`);
  const resolve = sourceFileResolver(uri, ctx.workspaceFolders());
  const list: (features.Diagnostic | undefined)[] =
    outcome.kind === 'ok'
      ? linkedDiagnostics(outcome.doc, resolve)
      : outcome.kind === 'tooLarge'
        ? [features.tooLargeDiagnostic(outcome.message)]
        : [features.internalErrorDiagnostic(outcome.message)];
  if (outcome.kind === 'ok') list.push(...(runtimeFindings(ctx, uri, outcome.doc)?.diagnostics ?? []));
  const convert = toProto.diagnosticConverter(lineIndex, uri, resolve);
  const items: lsp.Diagnostic[] = [];
  for (let i = 0; i < list.length; i++) {
    items.push(convert(list[i]!));
    // Dropped once converted: a scavenge during the conversion (23k diagnostics at 100k ops) then copies what is
    // published, not the core diagnostics too.
    list[i] = undefined;
  }
  return { version, generation, items };
}

/**
 * A document's diagnostics for the client whose source files `resolve` links: a message says where an unlinked Python
 * source is and why (toProto.diagnosticConverter, with the same `resolve`, leaves such a source out of the links).
 */
function linkedDiagnostics(doc: Doc, resolve: toProto.SourceFileResolver): features.Diagnostic[] {
  return features.diagnostics(doc, { unlinkedSource: toProto.unlinkedSourceReason(resolve) });
}

export async function onDiagnostic(
  ctx: DocumentContext,
  params: lsp.DocumentDiagnosticParams,
): Promise<lsp.DocumentDiagnosticReport> {
  const result = await diagnosticItems(ctx, params.textDocument.uri);
  if (result === undefined) return { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${result.generation}:${result.version}:${ctx.documents.importedLog(params.textDocument.uri)?.serial ?? 0}`;
  if (params.previousResultId === resultId) return { kind: lsp.DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: lsp.DocumentDiagnosticReportKind.Full, resultId, items: result.items };
}

export async function onHover(
  ctx: DocumentContext,
  params: lsp.HoverParams,
  token: lsp.CancellationToken,
): Promise<lsp.Hover | null> {
  const doc = await analysisOf(ctx, params.textDocument.uri, token);
  if (doc === undefined) return null;
  const hover = features.hoverAt(doc, fromProto.offset(doc.lineIndex, params.position), {
    opNotes: runtimeFindings(ctx, params.textDocument.uri, doc)?.opNotes,
  });
  return hover === undefined ? null : toProto.hover(doc.lineIndex, hover, params.textDocument.uri);
}

export async function onOpBreakdown(
  ctx: DocumentContext,
  params: ext.OpBreakdownParams,
  token: lsp.CancellationToken,
): Promise<ext.OpBreakdownResult | null> {
  const doc = await analysisOf(ctx, params.uri, token);
  if (doc === undefined) return null;
  const markdown = features.opBreakdownAt(doc, fromProto.offset(doc.lineIndex, params.position), {
    opNotes: runtimeFindings(ctx, params.uri, doc)?.opNotes,
  });
  return markdown === undefined ? null : { markdown };
}

export async function onInlayHint(
  ctx: DocumentContext,
  params: lsp.InlayHintParams,
  token: lsp.CancellationToken,
): Promise<lsp.InlayHint[]> {
  const doc = await analysisOf(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  return features
    .inlayHints(doc, fromProto.textRange(doc.lineIndex, params.range), ctx.documents.settings().inlayHints)
    .map((h) => toProto.inlayHint(doc.lineIndex, h));
}

export async function onCodeLens(
  ctx: DocumentContext,
  params: lsp.CodeLensParams,
  token: lsp.CancellationToken,
): Promise<lsp.CodeLens[]> {
  const doc = await analysisAfterDiagnostics(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  return features.codeLenses(doc).map((l) => toProto.codeLens(doc.lineIndex, params.textDocument.uri, l));
}

export async function onCodeAction(
  ctx: DocumentContext,
  params: lsp.CodeActionParams,
  token: lsp.CancellationToken,
): Promise<lsp.CodeAction[]> {
  const doc = await analysisOf(ctx, params.textDocument.uri, token);
  if (
    doc === undefined ||
    (params.context.only !== undefined && !params.context.only.some((k) => lsp.CodeActionKind.QuickFix.startsWith(k)))
  )
    return [];
  const files = workspaceFileFinder(ctx.workspaceFolders(), params.textDocument.uri);
  const range = fromProto.textRange(doc.lineIndex, params.range);
  const actions = [
    ...features.codeActionsAt(doc, range, { env: { pythonFiles: files.find } }),
    ...features.runtimeLogActionsAt(runtimeFindings(ctx, params.textDocument.uri, doc), range),
  ];
  const lineIndexOf = (p: string): LineIndex | undefined => {
    const t = files.textOf(p);
    return t === undefined ? undefined : new LineIndex(t);
  };
  return actions.map((a) =>
    toProto.codeAction(doc.lineIndex, params.textDocument.uri, a, params.context.diagnostics, lineIndexOf),
  );
}

export async function onDefinition(
  ctx: DocumentContext,
  params: lsp.DefinitionParams,
  token: lsp.CancellationToken,
): Promise<lsp.Location[]> {
  const doc = await analysisOf(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  const targets = features.definitionAt(doc.parse.file, fromProto.offset(doc.lineIndex, params.position));
  return targets.map((r) => toProto.location(doc.lineIndex, params.textDocument.uri, r));
}

export async function onReferences(
  ctx: DocumentContext,
  params: lsp.ReferenceParams,
  token: lsp.CancellationToken,
): Promise<lsp.Location[]> {
  const doc = await analysisOf(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  const refs = features.referencesAt(doc.parse.file, fromProto.offset(doc.lineIndex, params.position), {
    includeDeclaration: params.context.includeDeclaration,
  });
  return refs.map((r) => toProto.location(doc.lineIndex, params.textDocument.uri, r));
}

export async function onDocumentSymbol(
  ctx: DocumentContext,
  params: lsp.DocumentSymbolParams,
  token: lsp.CancellationToken,
): Promise<lsp.DocumentSymbol[] | lsp.SymbolInformation[]> {
  const doc = await analysisAfterDiagnostics(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  const symbols = features.documentSymbols(doc.parse.file, {
    opDetail: (op) => features.opSummary(doc, op),
    functionDetail: (op) => features.functionSummary(doc, op),
  });
  return ctx.hierarchicalSymbols
    ? symbols.map((s) => toProto.documentSymbol(doc.lineIndex, s))
    : toProto.symbolInformation(doc.lineIndex, params.textDocument.uri, symbols);
}

export async function onFoldingRanges(
  ctx: DocumentContext,
  params: lsp.FoldingRangeParams,
  token: lsp.CancellationToken,
): Promise<lsp.FoldingRange[]> {
  const doc = await analysisAfterDiagnostics(ctx, params.textDocument.uri, token);
  if (doc === undefined) return [];
  return features.foldingRanges(doc.parse.file, doc.lineIndex).map(toProto.foldingRange);
}

export async function onTimeline(
  ctx: DocumentContext,
  params: ext.TimelineParams,
  token: lsp.CancellationToken,
): Promise<ext.TimelineResult | null> {
  const doc = await analysisAfterDiagnostics(ctx, params.uri, token);
  if (doc === undefined) return null;
  return toProto.timeline(doc.lineIndex, params.uri, features.timeline(doc));
}

export async function onFileSummary(
  ctx: DocumentContext,
  params: ext.FileSummaryParams,
  token: lsp.CancellationToken,
): Promise<ext.FileSummaryResult | null> {
  const doc = await analysisOf(ctx, params.uri, token);
  if (doc === undefined) return null;
  return { uri: params.uri, ...features.fileSummary(doc) };
}

export async function onCheckFiles(
  ctx: HandlerContext,
  params: ext.CheckFilesParams,
  token: lsp.CancellationToken,
): Promise<ext.CheckFilesResult> {
  const files: ext.CheckFilesResult['files'][number][] = [];
  for (const uri of params.uris) {
    if (token.isCancellationRequested) throw new lsp.ResponseError(lsp.LSPErrorCodes.RequestCancelled, 'cancelled');
    files.push(checkFile(ctx, uri));
    // Yield between files so cancellation and other requests get through.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { files };
}

function checkFile(ctx: HandlerContext, uri: string): ext.CheckFilesResult['files'][number] {
  try {
    const input = ctx.readFile(uri);
    if (input.kind === 'unusable') return { uri, overflowCount: 0, error: input.reason };
    const doc = features.analyzeDocument(input.text, ctx.documents.settings().analysis);
    if (!features.hasMlirOperations(doc.parse))
      return { uri, overflowCount: 0, error: features.notMlirReason(input.text) };
    // A dump never opened still says what it knows about the Python source its locs name.
    if (ctx.onClosedFileChecked !== undefined && ctx.documents.version(uri) === undefined) {
      const resolve = sourceFileResolver(uri, ctx.workspaceFolders());
      const items = linkedDiagnostics(doc, resolve).map(toProto.diagnosticConverter(doc.lineIndex, uri, resolve));
      ctx.onClosedFileChecked(uri, items);
    }
    return { uri, overflowCount: features.fileSummary(doc).overflowCount };
  } catch (error) {
    return { uri, overflowCount: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Remembers the log for the document and answers what it mapped; diagnostics and hovers pick it up from then on. */
export async function onImportLog(
  ctx: DocumentContext,
  params: ext.ImportLogParams,
  token: lsp.CancellationToken,
): Promise<ext.ImportLogResult> {
  const doc = await analysisOf(ctx, params.uri, token);
  if (doc === undefined)
    return { message: `${params.logName}: the document is not open or could not be analysed`, mapped: false };
  ctx.documents.setImportedLog(params.uri, {
    text: params.logText,
    name: params.logName,
    serial: (ctx.documents.importedLog(params.uri)?.serial ?? 0) + 1,
  });
  const findings = runtimeFindings(ctx, params.uri, doc)!;
  ctx.onDiagnosticsChanged(params.uri);
  return { message: findings.summary, mapped: findings.mapped };
}

/** The handlers a background worker runs against its own analysis (plain-data params and results). */
export const REMOTE_HANDLERS: Readonly<
  Record<RemoteMethod, (ctx: DocumentContext, params: never, token: lsp.CancellationToken) => Promise<unknown>>
> = {
  hover: onHover,
  inlayHint: onInlayHint,
  codeLens: onCodeLens,
  codeAction: onCodeAction,
  definition: onDefinition,
  references: onReferences,
  documentSymbol: onDocumentSymbol,
  foldingRange: onFoldingRanges,
  timeline: onTimeline,
  fileSummary: onFileSummary,
  opBreakdown: onOpBreakdown,
  importLog: onImportLog,
  diagnosticItems: (ctx, params: { uri: string }) => diagnosticItems(ctx, params.uri),
};

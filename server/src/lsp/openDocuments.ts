/**
 * Open documents with incremental sync, plus the log of edits since a given version (in offsets of the text each
 * edit applied to), so an analysis can re-parse only what changed. Replaces TextDocuments, which hides the edits.
 * Positions convert through the project's LineIndex, patched per edit (vscode-languageserver-textdocument scans a
 * 22 MB text for its line table on the first edit and keeps a second table up to date).
 */

import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextChange } from '../features';
import { LineIndex } from '../text/lineIndex';

/** One version of an open document. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  /** The text and its line table. */
  readonly lineIndex: LineIndex;
  getText(): string;
}

export interface EditStep {
  /** The document version after this edit. */
  readonly version: number;
  /** Offsets in the text before the edit; undefined for a whole-text replacement. */
  readonly change: TextChange | undefined;
  /** The whole text after the edit, with its line table. */
  readonly lineIndex: LineIndex;
}

export interface OpenDocuments {
  get(uri: string): OpenDocument | undefined;
  /** Edits that lead from `version` to the current one, oldest first; undefined when they are not all known. */
  editsSince(uri: string, version: number): readonly EditStep[] | undefined;
  /** Drops the edits up to `version` (an analysis of it exists now). */
  forgetThrough(uri: string, version: number): void;
}

export interface DocumentEvents {
  readonly onOpen: (document: OpenDocument) => void;
  readonly onChange: (document: OpenDocument) => void;
  /** `lastText`: the document's text when it closed. */
  readonly onClose: (uri: string, lastText: string | undefined) => void;
}

// Enough for a burst of keystrokes between two analyses; older history is never needed.
const MAX_STEPS = 64;

interface Open {
  document: OpenDocument;
  /** Version of the text the first step applies to. */
  stepsFrom: number;
  steps: EditStep[];
}

export function listenToDocuments(connection: Connection, events: DocumentEvents): OpenDocuments {
  const open = new Map<string, Open>();
  // Notifications cannot be answered with an error: malformed ones are dropped here, before they reach any state.
  connection.onDidOpenTextDocument((params) => {
    const t = (params as { textDocument?: unknown } | null)?.textDocument as
      { uri?: unknown; version?: unknown; text?: unknown } | undefined;
    if (typeof t?.uri !== 'string' || !Number.isInteger(t.version) || typeof t.text !== 'string') return;
    const version = t.version as number;
    const document = openDocument(t.uri, version, new LineIndex(t.text));
    open.set(t.uri, { document, stepsFrom: version, steps: [] });
    events.onOpen(document);
  });
  connection.onDidChangeTextDocument((params) => {
    const t = (params as { textDocument?: { uri?: unknown; version?: unknown } } | null)?.textDocument;
    const contentChanges = (params as { contentChanges?: unknown } | null)?.contentChanges;
    if (
      typeof t?.uri !== 'string' ||
      !Number.isInteger(t.version) ||
      !Array.isArray(contentChanges) ||
      !contentChanges.every(isContentChange)
    )
      return;
    const entry = open.get(t.uri);
    if (entry === undefined) return;
    const version = t.version as number;
    let lineIndex = entry.document.lineIndex;
    for (const change of contentChanges) {
      const textChange = rangeChange(lineIndex, change);
      lineIndex = textChange === undefined ? new LineIndex(change.text) : LineIndex.edited(lineIndex, textChange);
      entry.steps.push({ version, change: textChange, lineIndex });
    }
    const document = openDocument(t.uri, version, lineIndex);
    if (entry.steps.length > MAX_STEPS) {
      entry.steps = [];
      entry.stepsFrom = version;
    }
    entry.document = document;
    events.onChange(document);
  });
  connection.onDidCloseTextDocument((params) => {
    const t = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument;
    if (typeof t?.uri !== 'string') return;
    const lastText = open.get(t.uri)?.document.lineIndex.text;
    open.delete(t.uri);
    events.onClose(t.uri, lastText);
  });
  return {
    get: (uri) => open.get(uri)?.document,
    editsSince(uri: string, version: number): readonly EditStep[] | undefined {
      const entry = open.get(uri);
      if (entry === undefined || version < entry.stepsFrom) return undefined;
      // Steps of one notification share its version: keep those after the last step of `version`.
      let from = 0;
      for (let i = 0; i < entry.steps.length; i++) if (entry.steps[i]!.version <= version) from = i + 1;
      if (version > entry.stepsFrom && from === 0) return undefined;
      return entry.steps.slice(from);
    },
    forgetThrough(uri: string, version: number): void {
      const entry = open.get(uri);
      if (entry === undefined || version < entry.stepsFrom) return;
      entry.steps = entry.steps.filter((s) => s.version > version);
      entry.stepsFrom = version;
    },
  };
}

function openDocument(uri: string, version: number, lineIndex: LineIndex): OpenDocument {
  return { uri, version, lineIndex, getText: () => lineIndex.text };
}

/** Offsets of a range change; an end before the start (a malformed range) is taken as the start. */
function rangeChange(lineIndex: LineIndex, change: TextDocumentContentChangeEvent): TextChange | undefined {
  if (!('range' in change)) return undefined;
  const start = lineIndex.offset(change.range.start);
  const end = Math.max(start, lineIndex.offset(change.range.end));
  return { start, end, newText: change.text };
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return typeof q === 'object' && q !== null && Number.isInteger(q.line) && Number.isInteger(q.character);
}

/** A whole-text change, or a range change whose positions are integers (clamped to the text by LineIndex). */
function isContentChange(c: unknown): c is TextDocumentContentChangeEvent {
  const change = c as { text?: unknown; range?: { start?: unknown; end?: unknown } } | null;
  if (typeof change !== 'object' || change === null || typeof change.text !== 'string') return false;
  return (
    !('range' in change) ||
    (typeof change.range === 'object' &&
      change.range !== null &&
      isPosition(change.range.start) &&
      isPosition(change.range.end))
  );
}

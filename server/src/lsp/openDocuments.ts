/**
 * Open documents with incremental sync, plus the log of edits since a given version (in offsets of the text each
 * edit applied to), so an analysis can re-parse only what changed. Replaces TextDocuments, which hides the edits.
 */

import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../features/incrementalParse';

export interface EditStep {
  /** The document version after this edit. */
  readonly version: number;
  /** Offsets in the text before the edit; undefined for a whole-text replacement. */
  readonly change: TextChange | undefined;
  /** The whole text after the edit. */
  readonly text: string;
}

export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  /** Edits that lead from `version` to the current one, oldest first; undefined when they are not all known. */
  editsSince(uri: string, version: number): readonly EditStep[] | undefined;
  /** Drops the edits up to `version` (an analysis of it exists now). */
  forgetThrough(uri: string, version: number): void;
}

export interface DocumentEvents {
  readonly onOpen: (document: TextDocument) => void;
  readonly onChange: (document: TextDocument) => void;
  readonly onClose: (uri: string) => void;
}

// Enough for a burst of keystrokes between two analyses; older history is never needed.
const MAX_STEPS = 64;

interface Open {
  document: TextDocument;
  /** Version of the text the first step applies to. */
  stepsFrom: number;
  steps: EditStep[];
}

export function listenToDocuments(connection: Connection, events: DocumentEvents): OpenDocuments {
  const open = new Map<string, Open>();
  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    const document = TextDocument.create(t.uri, t.languageId, t.version, t.text);
    open.set(t.uri, { document, stepsFrom: t.version, steps: [] });
    events.onOpen(document);
  });
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const entry = open.get(t.uri);
    if (entry === undefined || t.version === null) return;
    let document = entry.document;
    for (const change of contentChanges) {
      const textChange = rangeChange(document, change);
      document = TextDocument.update(document, [change], t.version);
      entry.steps.push({ version: t.version, change: textChange, text: document.getText() });
    }
    if (entry.steps.length > MAX_STEPS) {
      entry.steps = [];
      entry.stepsFrom = t.version;
    }
    entry.document = document;
    events.onChange(document);
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    open.delete(t.uri);
    events.onClose(t.uri);
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

function rangeChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextChange | undefined {
  if (!('range' in change)) return undefined;
  return { start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), newText: change.text };
}

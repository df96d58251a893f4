/**
 * The floor of the LSP benchmark: a language server on the same libraries (vscode-languageserver, TextDocuments) that
 * does no work and publishes empty diagnostics. Its time to first diagnostics and peak RSS on a file are what receiving
 * that file costs any server of this stack.
 */

import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(
  (e) => void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] }),
);
documents.listen(connection);
connection.listen();

/** A handler context over one document for unit tests of lsp/handlers.ts: default settings, no workspace folders. */

import * as assert from 'node:assert/strict';
import { DEFAULT_SERVER_SETTINGS } from '../../server/src/lsp/config';
import type * as handlers from '../../server/src/lsp/handlers';
import type { AnalyzedDocument } from '../../server/src/lsp/outcome';

/** The context whose one document is at version 1 and analysed as `analyzed` gives; a logged error fails the test. */
export function handlerContext(analyzed: () => Promise<AnalyzedDocument>): handlers.DocumentContext {
  return {
    documents: {
      analyzed,
      version: () => 1,
      settings: () => DEFAULT_SERVER_SETTINGS,
      importedLog: () => undefined,
      setImportedLog: () => undefined,
    },
    workspaceFolders: () => [],
    hierarchicalSymbols: true,
    onDiagnosticsChanged: () => undefined,
    logError: (m) => assert.fail(m),
  };
}

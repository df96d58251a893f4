/**
 * A long editing session against the real server (bench/stress.ts runs 10k edits): no crash, every request answered,
 * the final diagnostics equal a fresh analysis of the final text, and a document whose analysis throws (the
 * TTNN_L1_TEST_FAULT_MARKER hook) costs one diagnostic while everything else keeps working.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as proto from 'vscode-languageserver-protocol/node';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS, diagnostics } from '../../server/src/features';
import { REPO_ROOT, startLsp } from '../support/lspProcess';
import { comparable, runStress, type StressResult } from './stressDriver';

const SEED_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const MARKER = 'reliability-fault-7f3a';

describe('reliability: server stress', function () {
  this.timeout(240_000);
  let result: StressResult;
  const previousMarker = process.env.TTNN_L1_TEST_FAULT_MARKER;

  before(async () => {
    // The spawned server inherits the environment: documents containing MARKER fail analysis.
    process.env.TTNN_L1_TEST_FAULT_MARKER = MARKER;
    try {
      result = await runStress({
        edits: 500,
        seed: 42,
        requestEvery: 5,
        text: SEED_TEXT,
        alsoOpen: [{ uri: 'untitled:faulty.mlir', text: `// ${MARKER}\n${SEED_TEXT}` }],
      });
    } finally {
      if (previousMarker === undefined) delete process.env.TTNN_L1_TEST_FAULT_MARKER;
      else process.env.TTNN_L1_TEST_FAULT_MARKER = previousMarker;
    }
  });

  it('answers every hover, code action, inlay hint and outline request without an error', () => {
    assert.deepEqual(result.requestErrors, []);
    // 500 edits, one request every 5 edits, four kinds in turn: 25 of each.
    assert.deepEqual(result.requests, { hover: 25, codeAction: 25, inlayHint: 25, documentSymbol: 25 });
  });

  it('ends with the diagnostics a fresh analysis of the final text gives', () => {
    assert.equal(result.finalVersion, 501);
    assert.deepEqual(comparable(result.finalDiagnostics), comparable(result.freshDiagnostics));
    // And the same count as the in-process core on that text (the server adds nothing and drops nothing).
    const local = diagnostics(analyzeDocument(result.finalText, DEFAULT_ANALYSIS_SETTINGS));
    assert.equal(result.finalDiagnostics.length, local.length);
  });

  it('a document whose analysis throws gets one internal-error diagnostic; the server exits cleanly', () => {
    const [faulty] = result.alsoOpenDiagnostics;
    assert.ok(faulty !== undefined);
    assert.equal(faulty.diagnostics.length, 1);
    assert.equal(faulty.diagnostics[0]!.code, 'internal-error');
    assert.equal(faulty.diagnostics[0]!.severity, proto.DiagnosticSeverity.Error);
    const message = faulty.diagnostics[0]!.message;
    assert.match(
      typeof message === 'string' ? message : message.value,
      /could not analyse this document \(injected analysis fault/,
    );
    assert.equal(result.exitCode, 0);
  });

  it("regression: a hover inside the debounce window no longer swallows that version's push", async () => {
    const lsp = await startLsp();
    const uri = 'untitled:debounce.mlir';
    await lsp.open(uri, SEED_TEXT, 1);
    await lsp.diagnostics(uri, 1);
    await lsp.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' },
      ],
    });
    // Sent at once, well inside the 15 ms debounce: the hover's analysis replaces the timer's.
    await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri },
      position: { line: 37, character: 10 },
    });
    const published = await lsp.diagnostics(uri, 2);
    assert.equal(published.version, 2);
    assert.equal(await lsp.shutdown(), 0);
  });
});

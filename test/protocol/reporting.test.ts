/**
 * The real bundled server over stdio on the editor side of the reporting contract: build-dependent overflows as
 * warnings, ops without an L1 model as Information by default, op-illegal errors, the hover's build window and the
 * `ttnnL1/fileSummary` verdict. Fixtures are seed variants (test/support/seedVariants.ts).
 */

import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { diagnosticText, fileUri, startLsp, type LspSession } from '../support/lspProcess';
import * as ext from '../../server/src/lsp/ext';
import { ILLEGAL_RELU_ONLY, seedInStraddlingWindow, UNMODELED_OP } from '../support/seedVariants';
import { positionOf } from '../support/positions';

const posIn = (text: string, needle: string, delta = 0): proto.Position => positionOf(text, needle, { delta });

describe('protocol: build windows, unmodeled ops and illegal ops', () => {
  const STRADDLE = seedInStraddlingWindow();
  const STRADDLE_URI = fileUri(path.join(os.tmpdir(), 'ttnn-l1-straddle.mlir'));
  const ILLEGAL_URI = fileUri(path.join(os.tmpdir(), 'ttnn-l1-illegal.mlir'));
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
    await lsp.open(STRADDLE_URI, STRADDLE);
    await lsp.open(ILLEGAL_URI, ILLEGAL_RELU_ONLY);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('publishes the build-dependent overflow as a Warning and the op without a model as Information', async () => {
    const published = await lsp.diagnostics(STRADDLE_URI, 1);
    const nine = published.diagnostics.find(
      (d) => d.range.start.line === posIn(STRADDLE, '%9 = "ttnn.to_layout"').line,
    )!;
    assert.strictEqual(nine.code, 'l1-overflow-build-dependent');
    assert.strictEqual(nine.severity, proto.DiagnosticSeverity.Warning);
    assert.ok(diagnosticText(nine.message).includes('fits only from tt-metal PR #35806'), diagnosticText(nine.message));
    const info = published.diagnostics.filter((d) => d.code === 'no-l1-model');
    assert.deepStrictEqual(
      info.map((d) => [d.severity, d.range.start.line]),
      [[proto.DiagnosticSeverity.Information, posIn(STRADDLE, `%7 = "${UNMODELED_OP}"`).line]],
    );
  });

  it('hovers %9 with the build window, how it was inferred, and the figures across it', async () => {
    const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: STRADDLE_URI },
      position: posIn(STRADDLE, '%9 =', 1),
    });
    const markdown = (hover!.contents as proto.MarkupContent).value;
    assert.ok(markdown.includes('tt-metal 2025-12..2026-05 (from the dump)'), markdown);
    assert.ok(markdown.includes('depending on tt-metal build'), markdown);
    // How the window was inferred and the OpModel terms are in the full breakdown.
    const breakdown = await lsp.connection.sendRequest<ext.OpBreakdownResult | null>(ext.OP_BREAKDOWN_METHOD, {
      uri: STRADDLE_URI,
      position: posIn(STRADDLE, '%9 =', 1),
    });
    assert.ok(
      breakdown!.markdown.includes("tt-metal ≈ 2025-12-29..2026-05-15, from the dump's syntax:"),
      breakdown!.markdown,
    );
    assert.ok(breakdown!.markdown.includes('OpModel terms: cb '), breakdown!.markdown);
  });

  it('ttnnL1/fileSummary words the verdict with the unmodeled ops and the build window', async () => {
    const summary = await lsp.connection.sendRequest<ext.FileSummaryResult>(ext.FILE_SUMMARY_METHOD, {
      uri: STRADDLE_URI,
    });
    assert.strictEqual(summary.unmodeledOpCount, 1);
    assert.deepStrictEqual(summary.unmodeledOpNames, [UNMODELED_OP]);
    assert.ok(summary.verdict.includes('1 op without an L1 model — cannot rule out an overflow'), summary.verdict);
    assert.ok(!summary.verdict.includes('no op overflows'));
    assert.ok(summary.buildDependentOverflowCount >= 1);
    assert.ok(summary.buildWindow.startsWith('tt-metal ≈ 2025-12-29..2026-05-15'), summary.buildWindow);
  });

  it('publishes op-illegal as an Error and counts it in the summary', async () => {
    const published = await lsp.diagnostics(ILLEGAL_URI, 1);
    const errors = published.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map((d) => d.code),
      ['op-illegal'],
    );
    assert.ok(
      diagnosticText(errors[0]!.message).includes('TT_FATAL: Unary operation requires input to be on Device'),
      diagnosticText(errors[0]!.message),
    );
    const summary = await lsp.connection.sendRequest<ext.FileSummaryResult>(ext.FILE_SUMMARY_METHOD, {
      uri: ILLEGAL_URI,
    });
    assert.deepStrictEqual([summary.overflowCount, summary.illegalOpCount], [0, 1]);
  });
});

describe('protocol: ttnnL1.noModelInfo off', () => {
  it('publishes no Information for ops without a model when the setting is false', async () => {
    const lsp = await startLsp({ settings: { noModelInfo: false } });
    const uri = fileUri(path.join(os.tmpdir(), 'ttnn-l1-nomodel.mlir'));
    await lsp.open(uri, seedInStraddlingWindow());
    const published = await lsp.diagnostics(uri, 1);
    assert.strictEqual(published.diagnostics.filter((d) => d.code === 'no-l1-model').length, 0);
    assert.strictEqual(await lsp.shutdown(), 0);
  });
});

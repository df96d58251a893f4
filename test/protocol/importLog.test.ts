/** ttnnL1/importLog over the real server: the seed's runtime log maps to %9; a log of another file version does not. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import * as ext from '../../server/src/lsp/ext';
import { diagnosticText, fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';
import { lineOf } from '../support/positions';

const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const URI = fileUri(SEED_PATH);
const LOG = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/logs', name), 'utf8');

const seedLineOf = (needle: string): number => lineOf(SEED, needle);

describe('protocol: ttnnL1/importLog', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
    await lsp.open(URI, SEED);
    await lsp.diagnostics(URI, 1);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('reports a log from another version of the file as a mismatch and maps nothing', async () => {
    const result = await lsp.connection.sendRequest<ext.ImportLogResult>(ext.IMPORT_LOG_METHOD, {
      uri: URI,
      logText: LOG('mochi_other_version.log'),
      logName: 'other.log',
    });
    assert.strictEqual(result.mapped, false);
    assert.match(result.message, /^other\.log: the log does not match this file/);
  });

  it('maps the seed log to %9, publishes the runtime Error and shows tt-metal vs estimate in the hover', async () => {
    const republished = new Promise<proto.PublishDiagnosticsParams>((resolve) => {
      const sub = lsp.connection.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === URI && p.diagnostics.some((d) => d.code === 'runtime-failure')) {
          sub.dispose();
          resolve(p);
        }
      });
    });
    const result = await lsp.connection.sendRequest<ext.ImportLogResult>(ext.IMPORT_LOG_METHOD, {
      uri: URI,
      logText: LOG('seed_mochi.log'),
      logName: 'seed.log',
    });
    assert.strictEqual(result.mapped, true);
    assert.match(result.message, /^seed\.log: tt-metal threw on %9 \(ttnn\.to_layout\) in @main/);
    const published = await republished;
    const runtime = published.diagnostics.find((d) => d.code === 'runtime-failure')!;
    assert.strictEqual(runtime.range.start.line, seedLineOf('%9 = "ttnn.to_layout"'));
    assert.ok(
      diagnosticText(runtime.message).includes('grow to 9990400 B which is beyond max L1 size of 1499136 B'),
      diagnosticText(runtime.message),
    );
    const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: seedLineOf('%9 ='), character: 9 },
    });
    const lines = (hover!.contents as proto.MarkupContent).value.split('\n');
    assert.strictEqual(lines[1], 'Runtime log — tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact');
  });
});

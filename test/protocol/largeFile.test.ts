/** Files over 10 MB: the server reports work-done progress while it analyses, then publishes as usual. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
// 11 MB of comment lines after the seed: large enough for progress, cheap to analyse.
const PADDING = '// padding line to make the file large ...............................................\n'.repeat(130_000);

describe('protocol: large file', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp({ progress: true });
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('reports progress for a file over 10 MB and still finds the seed failure', async () => {
    const text = SEED + PADDING;
    assert.ok(text.length > 10 * 1024 * 1024);
    const uri = 'untitled:large.mlir';
    await lsp.open(uri, text);
    const published = await lsp.diagnostics(uri, 1);
    assert.deepStrictEqual(lsp.progressBegins, ['TTNN L1']);
    const errors = published.diagnostics.filter((d) => d.severity === proto.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => d.code), ['l1-cb-overflow']);
  });
});

/**
 * The real bundled server over `--stdio`, whose writer server.ts builds itself (piecewise JSON in chunks,
 * lsp/jsonEncoding.ts): what the library's own stdio transport also did must still hold. A message is the JSON the
 * library's writer sends (its non-ASCII characters written as `\uXXXX` escapes, so the bytes are ASCII), console output from anywhere in the process (a background-analysis worker too) goes to the
 * client's log, never into stdout (it would corrupt the protocol stream), and the server exits when its stdin ends,
 * with 0 only after a shutdown request.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { generateTtnnModule } from '../../bench/generate';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../server/src/features';
import * as handlers from '../../server/src/lsp/handlers';
import type { AnalyzedDocument } from '../../server/src/lsp/outcome';
import { handlerContext } from '../support/handlerContext';
import { fileUri, REPO_ROOT, SERVER_BUNDLE, buildServer, startLsp, type LspSession } from '../support/lspProcess';

const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const URI = fileUri(SEED_PATH);

/**
 * Starts the server with `preloadSource` loaded before it (`node -r`), opens the seed, waits for its diagnostics and
 * runs `check` with the session. Diagnostics arriving mean the protocol stream stayed intact; without them the client
 * would wait, so then the server is killed rather than asked to shut down.
 */
async function withPreloadedServer(
  preload: string,
  preloadSource: string,
  settings: Record<string, unknown> | undefined,
  check: (lsp: LspSession) => void | Promise<void>,
): Promise<void> {
  fs.writeFileSync(preload, preloadSource);
  const lsp = await startLsp({
    command: { path: process.execPath, args: ['-r', preload, SERVER_BUNDLE, '--stdio'] },
    settings,
  });
  let streamIntact = false;
  try {
    const published = lsp.diagnostics(URI, 1);
    await lsp.open(URI, SEED, 1);
    const params = await published;
    assert.ok(params.diagnostics.length > 0);
    streamIntact = true;
    await check(lsp);
  } finally {
    if (streamIntact) await lsp.shutdown();
    else lsp.child.kill();
  }
}

describe('protocol: the server over --stdio', () => {
  let preloadDir: string;
  before(async () => {
    await buildServer();
    preloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-stdio-'));
  });
  after(() => fs.rmSync(preloadDir, { recursive: true, force: true }));

  it("writes a publish of many chunks as the default writer's JSON, non-ASCII characters escaped", async () => {
    const text = generateTtnnModule({ nOps: 6000, seed: 1 });
    const uri = 'untitled:generated.mlir';
    // What the library's writer sends is Content-Length, then Buffer.from(JSON.stringify(message)); ours is that JSON
    // text with each non-ASCII UTF-16 code unit as its \uXXXX escape, in ASCII bytes.
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    const analyzed: AnalyzedDocument = { uri, version: 1, settingsGeneration: 0, outcome: { kind: 'ok', doc } };
    const ctx = { ...handlerContext(() => Promise.resolve(analyzed)), workspaceFolders: () => [fileUri(REPO_ROOT)] };
    const diagnostics = (await handlers.diagnosticItems(ctx, uri))?.items ?? [];
    const json = JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri, version: 1, diagnostics },
    });
    // Several output chunks, and two-byte text in it.
    assert.ok(json.length > 3 * 256 * 1024, `${json.length} characters`);
    assert.ok([...json].some((c) => c.codePointAt(0)! > 0xff));
    const body = Buffer.from(
      json.replace(/[\u0080-\uffff]/g, (unit) => '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0')),
      'latin1',
    );
    const lsp = await startLsp();
    const raw: Buffer[] = [];
    lsp.child.stdout!.on('data', (d: Buffer) => raw.push(d));
    try {
      const published = lsp.diagnostics(uri, 1);
      await lsp.open(uri, text, 1);
      await published;
      const expected = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
      assert.ok(Buffer.concat(raw).includes(expected), "the publish is not the default writer's JSON, escaped");
    } finally {
      await lsp.shutdown();
    }
  });

  it("routes the process's console output to the client's log and keeps the stream intact", async () => {
    // Loaded before the server; its timer fires once the server has set up its connection.
    await withPreloadedServer(
      path.join(preloadDir, 'consoleOutput.js'),
      `setTimeout(() => {
  console.log('stray log', { n: 1 });
  console.info('stray info');
  console.debug('stray debug');
  console.dir({ stray: 'dir' });
  console.warn('stray warn');
  console.error('stray error');
  console.count('stray count');
}, 0);
`,
      undefined,
      (lsp) => {
        const logged = lsp.logMessages.join('\n');
        for (const text of [
          'stray log { n: 1 }',
          'stray info',
          'stray debug',
          "{ stray: 'dir' }",
          'stray warn',
          'stray error',
          'stray count: 1',
        ])
          assert.ok(logged.includes(text), `${JSON.stringify(text)} not in the client log:\n${logged}`);
      },
    );
  });

  it("routes a background worker's console output to the client's log and keeps the stream intact", async () => {
    // Node pipes a worker's stdout into the process's own unless told otherwise; `-r` preloads run in workers too.
    await withPreloadedServer(
      path.join(preloadDir, 'workerOutput.js'),
      `if (!require('worker_threads').isMainThread) {
  console.log('stray worker log');
  process.stdout.write('stray worker write\\n');
}
`,
      // Every document with text goes to a worker.
      { backgroundAnalysisMB: 0 },
      async (lsp) => {
        assert.ok(lsp.logMessages.some((m) => m.startsWith(`background analysis of ${URI} version 1 (`)));
        // The worker's output travels on its own channel: a few round trips let it arrive.
        const expected = ['stray worker log', 'stray worker write'];
        const allLogged = (): boolean => expected.every((text) => lsp.logMessages.includes(text));
        for (let i = 0; i < 50 && !allLogged(); i++)
          await lsp.connection.sendRequest(proto.FoldingRangeRequest.type, { textDocument: { uri: 'untitled:none' } });
        assert.ok(allLogged(), `${JSON.stringify(expected)} not in the client log:\n${lsp.logMessages.join('\n')}`);
      },
    );
  });

  it('exits with 1 when stdin ends without a shutdown request, and with 0 on shutdown and exit', async () => {
    const abandoned = await startLsp();
    abandoned.child.stdin!.end();
    assert.strictEqual(await abandoned.exited, 1);
    const shutDown = await startLsp();
    assert.strictEqual(await shutDown.shutdown(), 0);
  });
});

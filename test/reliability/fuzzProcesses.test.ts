/**
 * The seeded CI slice of the fuzzer through the real processes (`npm run fuzz -- --cli N` runs more): every input
 * class through the bundled CLI with exactly the documented exit code, `fix --apply` among decoys, and the bundled
 * server kept alive by every input as a push client and as a pull client.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import * as proto from 'vscode-languageserver-protocol/node';
import { diagnosticText, fileUri, startLsp, type LspSession } from '../support/lspProcess';
import { loadSources } from './fuzzCore';
import {
  CLI_BUNDLE,
  cliViolations,
  decoyWorkspace,
  expectedCheckExit,
  fuzzInputs,
  REPO,
  runCli,
  specialFiles,
} from './fuzzProcesses';

const SEED = 20261204;
const SEED_TEXT = fs.readFileSync(path.join(REPO, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const PYTHON = fs.readFileSync(path.join(REPO, 'examples/mochi/single_ops.py'), 'utf8');

describe('reliability: fuzzing through the processes (seeded slice)', function () {
  this.timeout(180_000);
  const sources = loadSources();
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI_BUNDLE), 'run `node esbuild.mjs` first');
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fuzzproc-')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('24 inputs of every class through `ttnn-l1 check` (8 also through `fix`): exactly the documented exit code', () => {
    const inputs = fuzzInputs(sources, 24, SEED);
    // The slice covers each class (the arbitrary is a uniform oneof; the seed is fixed).
    assert.deepEqual([...new Set(inputs.map((i) => i.kind))].sort(), ['generated', 'mutated', 'nested', 'nonMlir']);
    const violations: string[] = [];
    inputs.forEach((input, k) => {
      const file = path.join(dir, `case${k}.mlir`);
      fs.writeFileSync(file, input.bytes);
      violations.push(
        ...cliViolations(file, expectedCheckExit(input.bytes), dir, { fix: k % 3 === 0 }).map(
          (v) => `${input.kind}: ${v}`,
        ),
      );
    });
    assert.deepEqual(violations, []);
  });

  it('special files (FIFO, /dev/zero, a directory, a missing file): exit 2 at once, one line', () => {
    const violations = specialFiles(dir).flatMap((file) => cliViolations(file, 2, dir, { fix: true }));
    assert.deepEqual(violations, []);
  });

  it('`fix --apply` with decoys in the cwd and the parents, and a symlink out: only the file next to the dump changes', () => {
    for (const depth of [0, 1, 2]) {
      const root = path.join(dir, `decoys${depth}`);
      const ws = decoyWorkspace(root, SEED_TEXT, PYTHON, depth);
      const r = runCli(['fix', '--only', 'constant-pad-python', '--apply', ws.dump], ws.cwd);
      assert.equal(r.status, 0, `depth ${depth}: ${r.stderr}`);
      assert.match(fs.readFileSync(ws.real, 'utf8'), /mode="constant"/, `depth ${depth}`);
      for (const f of ws.untouched)
        assert.equal(fs.readFileSync(f, 'utf8'), PYTHON, `depth ${depth}: ${f} was written`);
    }
  });

  for (const mode of ['push', 'pull'] as const) {
    it(`the server as a ${mode} client stays alive through 30 fuzz inputs, answering diagnostics, hover and definition`, async () => {
      const lsp: LspSession = await startLsp({ pullDiagnostics: mode === 'pull', workspaceFolder: dir });
      let exited = false;
      void lsp.exited.then(() => (exited = true));
      const inputs = fuzzInputs(sources, 30, SEED + (mode === 'push' ? 1 : 2));
      const positions = fc.sample(fc.tuple(fc.nat(), fc.nat({ max: 200 })), { numRuns: inputs.length, seed: SEED + 3 });
      const problems: string[] = [];
      for (const [k, input] of inputs.entries()) {
        const uri = fileUri(path.join(dir, `${mode}${k}.mlir`));
        // The editor gets text, decoded with replacement characters like VS Code does.
        const text = new TextDecoder('utf-8').decode(input.bytes);
        await lsp.open(uri, text);
        const items =
          mode === 'push'
            ? (await lsp.diagnostics(uri, 1)).diagnostics
            : (
                (await lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, {
                  textDocument: { uri },
                })) as proto.FullDocumentDiagnosticReport
              ).items;
        // internal-error means a crash on our side: no fuzz input may cause one.
        for (const d of items)
          if (d.code === 'internal-error') problems.push(`${input.kind} #${k}: ${diagnosticText(d.message)}`);
        const lines = text.split('\n');
        const [l, c] = positions[k]!;
        const line = lines.length === 0 ? 0 : l % lines.length;
        const position = { line, character: c % Math.max(1, (lines[line] ?? '').length + 1) };
        await lsp.connection.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position });
        await lsp.connection.sendRequest(proto.DefinitionRequest.type, { textDocument: { uri }, position });
        await lsp.connection.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      }
      assert.deepEqual(problems, []);
      assert.equal(exited, false, lsp.stderr());
      assert.equal(await lsp.shutdown(), 0);
    });
  }
});

/**
 * The bundled server (dist/server.js --stdio) under headless Neovim 0.7's built-in LSP client, a second real client
 * next to VS Code: push diagnostics, hover and code actions on the seed example. Needs `nvim` (Debian `neovim`,
 * installed by .ci/setup-vscode-rig.sh); not part of `npm test`.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './codeServer';

const EXAMPLE = 'mochi_replicate_pad.mlir';
/** 0-based line of `%9 = "ttnn.to_layout"` in examples/mochi_replicate_pad.mlir. */
const OP9_LINE = fs
  .readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE), 'utf8')
  .split('\n')
  .findIndex((l) => l.includes('%9 = "ttnn.to_layout"'));
/** tt-metal's figure for %9 in the seed log: "grow to 9990400 B". */
const CB_FIGURE = /9,990,400|9990400/;

interface LspDump {
  readonly diagnostics: readonly {
    range: { start: { line: number } };
    severity?: number;
    source?: string;
    message: string;
  }[];
  readonly hover: { contents: unknown } | null;
  readonly code_actions: readonly { title: string; kind?: string; edit?: unknown }[];
  readonly server_capabilities: Record<string, unknown> | null;
  readonly error: string | null;
}

describe('e2e: Neovim 0.7 built-in LSP client against dist/server.js', function () {
  let dump: LspDump;

  before(function () {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-nvim-'));
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE), path.join(workDir, EXAMPLE));
    const outPath = path.join(workDir, 'lsp.json');
    execFileSync(
      'nvim',
      ['--headless', '--clean', '-c', `luafile ${path.join(__dirname, 'nvim', 'lsp_dump.lua')}`, EXAMPLE],
      {
        cwd: workDir,
        env: {
          ...process.env,
          LSP_CMD: `${process.execPath} ${path.join(REPO_ROOT, 'dist', 'server.js')} --stdio`,
          LSP_OUT: outPath,
          HOVER_TEXT: '%9 = "ttnn.to_layout"',
          LSP_WAIT_MS: '90000',
        },
        timeout: 180_000,
        stdio: 'pipe',
      },
    );
    dump = JSON.parse(fs.readFileSync(outPath, 'utf8')) as LspDump;
  });

  it('initializes and advertises hover and code actions', () => {
    assert.strictEqual(dump.error, null);
    assert.ok(dump.server_capabilities !== null);
    assert.ok(dump.server_capabilities['hoverProvider'], 'hoverProvider');
    assert.ok(dump.server_capabilities['codeActionProvider'], 'codeActionProvider');
  });

  it('pushes an error on %9 with the 9,990,400 B figure', () => {
    const onOp9 = dump.diagnostics.filter((d) => d.range.start.line === OP9_LINE && d.severity === 1);
    assert.ok(
      onOp9.length > 0,
      `no error on line ${OP9_LINE}: ${JSON.stringify(dump.diagnostics.map((d) => d.range.start.line))}`,
    );
    assert.ok(
      onOp9.some((d) => CB_FIGURE.test(d.message)),
      onOp9.map((d) => d.message).join('\n'),
    );
  });

  it('answers a hover on %9 with the CB figure', () => {
    assert.ok(dump.hover !== null, 'no hover');
    assert.match(JSON.stringify(dump.hover.contents), CB_FIGURE);
  });

  it('offers a constant-padding quick fix with an edit', () => {
    const fix = dump.code_actions.find((a) => /constant/i.test(a.title));
    assert.ok(fix !== undefined, `titles: ${dump.code_actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit !== undefined, 'the fix carries a WorkspaceEdit');
  });
});

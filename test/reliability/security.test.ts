/**
 * Security properties as tests: the server never executes or loads code (tidy grep over server/src), the pure core
 * touches no files, quick fixes edit only the files they name, Python lookups stay inside the workspace, the timeline
 * webview has a strict CSP and no remote content, and a runtime log is read only from the file the user picked.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analysisOptions, analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../server/src/features';
import { fixesFor, fixTargetOf } from '../../server/src/fixes';
import { sourceFileResolver, workspaceFileFinder } from '../../server/src/lsp/sourceFiles';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string, ext: RegExp): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full, ext));
    else if (ext.test(entry.name)) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** Source without comments and string contents, so a comment that mentions eval() does not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

describe('reliability: security', () => {
  const server = sourceFiles(path.join(ROOT, 'server/src'), /\.ts$/);

  it('the server never runs or loads code: no child_process, eval, Function, vm, worker code from strings, dynamic require/import', () => {
    assert.ok(server.length > 50);
    const forbidden: [RegExp, string][] = [
      [/from ['"](?:node:)?child_process['"]|require\(['"](?:node:)?child_process['"]\)/, 'child_process'],
      [/from ['"](?:node:)?vm['"]/, 'vm'],
      [/\beval\s*\(/, 'eval'],
      [/\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, 'Function constructor'],
      [/\brequire\s*\(/, 'require'],
      [/\bimport\s*\(/, 'dynamic import'],
      [/\bprocess\.binding\b|\bprocess\.dlopen\b/, 'process.binding/dlopen'],
      [/new\s+Worker\s*\([^)]*eval\s*:\s*true/, 'Worker with eval'],
    ];
    const found: string[] = [];
    for (const { file, text } of server) {
      // Imports are checked on the raw text (their module names are strings); the rest on code only.
      const code = codeOnly(text);
      for (const [re, what] of forbidden)
        if (re.test(what === 'child_process' || what === 'vm' ? text : code)) found.push(`${file}: ${what}`);
    }
    assert.deepEqual(found, []);
  });

  it('the pure core (everything but lsp/, cli/ and host/) imports no fs, path, process, child_process or vscode', () => {
    const found: string[] = [];
    for (const { file, text } of server) {
      if (/^server\/src\/(lsp|cli|host)\//.test(file) || file === 'server/src/main.ts') continue;
      const m = /from ['"](?:node:)?(fs|path|child_process|process|os|vscode[\w-]*)['"]/.exec(text);
      if (m !== null) found.push(`${file}: ${m[1]}`);
      if (/\bprocess\.(env|argv|cwd|exit)\b/.test(codeOnly(text))) found.push(`${file}: process.*`);
    }
    assert.deepEqual(found, []);
  });

  it('file reads in the server are limited to the places that exist for them', () => {
    // One routine opens and reads input files (host/openInput.ts): the CLI's inputs, checkFiles, Python sources.
    const readers = server
      .filter(({ text }) => /\bfs\.(readFileSync|readFile|createReadStream|openSync|readSync)\b/.test(codeOnly(text)))
      .map(({ file }) => file);
    assert.deepEqual(readers.sort(), ['server/src/host/openInput.ts']);
    const writers = server
      .filter(({ text }) =>
        /\bfs\.(writeFileSync|writeFile|appendFile|rmSync|unlinkSync|renameSync|createWriteStream)\b/.test(
          codeOnly(text),
        ),
      )
      .map(({ file }) => file);
    // Only `ttnn-l1 fix --apply` writes, and only the files its fixes name.
    assert.ok(
      writers.every((f) => f.startsWith('server/src/cli/')),
      writers.join(', '),
    );
  });

  it('quick fixes edit only the analysed document and the Python file they name in their title', () => {
    const seedPath = path.join(ROOT, 'examples/mochi_replicate_pad.mlir');
    const pyPath = path.join(ROOT, 'examples/mochi/single_ops.py');
    const text = fs.readFileSync(seedPath, 'utf8');
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const handedOut = new Set<string>();
    const env = {
      pythonFiles: (suffix: string) => {
        if (suffix !== 'mochi/single_ops.py') return undefined;
        handedOut.add(pyPath);
        return { path: pyPath, text: fs.readFileSync(pyPath, 'utf8') };
      },
    };
    let pythonFixes = 0;
    assert.ok(doc.analysis.overflows.length > 0);
    for (const ref of doc.analysis.overflows) {
      const result = fixesFor(text, doc.parse, doc.analysis, fixTargetOf(doc.analysis, ref), env, {
        analysis: analysisOptions(DEFAULT_ANALYSIS_SETTINGS),
      });
      for (const fix of result.fixes) {
        for (const edit of fix.edits) {
          if (edit.uri === 'self') continue;
          assert.ok(handedOut.has(edit.uri), `${fix.title} edits ${edit.uri}, which the environment never handed out`);
          assert.ok(fix.title.includes(path.basename(edit.uri)), `${fix.title} does not name ${edit.uri}`);
          pythonFixes++;
        }
      }
    }
    // The seed's replicate pad comes from tests/torch/models/mochi/single_ops.py:16 (its loc): a Python fix exists.
    assert.ok(pythonFixes > 0);
  });

  it('the Python file finder never leaves the workspace (.., absolute paths, sibling folders with the same prefix)', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-ws-'));
    try {
      const ws = path.join(base, 'ws');
      fs.mkdirSync(path.join(ws, 'models'), { recursive: true });
      fs.mkdirSync(path.join(base, 'ws-evil'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'models/single_ops.py'), 'x = 1\n');
      fs.writeFileSync(path.join(base, 'ws-evil/single_ops.py'), 'secret = 1\n');
      fs.writeFileSync(path.join(base, 'outside.py'), 'secret = 2\n');
      const finder = workspaceFileFinder(
        [URI.file(ws).toString()],
        URI.file(path.join(ws, 'models/dump.mlir')).toString(),
      );
      assert.equal(finder.find('models/single_ops.py')?.text, 'x = 1\n');
      // A name that climbs out may still match a file inside by its tail (`single_ops.py`); it never reads outside.
      for (const escape of [
        '../ws-evil/single_ops.py',
        '../outside.py',
        '../../outside.py',
        path.join(base, 'outside.py'),
        'models/../../outside.py',
        'single_ops.py\0.py',
      ]) {
        const found = finder.find(escape);
        assert.ok(
          found === undefined ||
            (found.path.startsWith(fs.realpathSync(ws) + path.sep) && !found.text.includes('secret')),
          `${escape}: ${found?.path}`,
        );
      }
      assert.equal(finder.find('../outside.py'), undefined);
      // A symlink inside the workspace to a file outside it is neither read nor linked (real paths are compared).
      fs.symlinkSync(path.join(base, 'outside.py'), path.join(ws, 'models/linked.py'));
      assert.equal(finder.find('models/linked.py'), undefined);
      const links = sourceFileResolver(URI.file(path.join(ws, 'models/dump.mlir')).toString(), [
        URI.file(ws).toString(),
      ]);
      assert.match(JSON.stringify(links('models/linked.py')), /unlinked.*outside the workspace/);
      assert.match(JSON.stringify(links('/etc/passwd')), /unlinked/);
      assert.deepEqual(links('models/single_ops.py'), {
        uri: URI.file(fs.realpathSync(path.join(ws, 'models/single_ops.py'))).toString(),
      });
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it('the timeline webview has a strict CSP (default-src none, nonce scripts) and no remote content', () => {
    const client = [
      ...sourceFiles(path.join(ROOT, 'client/src'), /\.ts$/),
      ...sourceFiles(path.join(ROOT, 'client/media'), /\.(js|css|html)$/),
    ];
    const panel = client.find((f) => f.file === 'client/src/timelinePanel.ts');
    assert.ok(panel !== undefined);
    assert.match(panel.text, /http-equiv="Content-Security-Policy"/);
    assert.match(panel.text, /"default-src 'none'"/);
    assert.match(panel.text, /script-src 'nonce-\$\{nonce\}'/);
    assert.doesNotMatch(panel.text, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(panel.text, /enableCommandUris\s*:\s*true/);
    // No remote URLs anywhere in the webview's code or assets (the SVG namespace is an identifier, not a fetch).
    const remote: string[] = [];
    for (const { file, text } of client) {
      if (!/timeline|webview/i.test(file)) continue;
      for (const m of text.matchAll(/https?:\/\/[^\s'"`)]+/g))
        if (m[0] !== 'http://www.w3.org/2000/svg') remote.push(`${file}: ${m[0]}`);
    }
    assert.deepEqual(remote, []);
  });

  it('a runtime log is read only from the file the user picked, and the server reads none itself', () => {
    const commands = fs.readFileSync(path.join(ROOT, 'client/src/commands.ts'), 'utf8');
    const importLog = commands.slice(
      commands.indexOf('export async function importLog'),
      commands.indexOf('export async function checkWorkspace'),
    );
    assert.match(importLog, /showOpenDialog\(/);
    // The only read is of the picked uri, and its text is what goes to the server.
    const reads = [...importLog.matchAll(/workspace\.fs\.readFile\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(reads, ['logUri']);
    assert.match(importLog, /const logUri = picked\?\.\[0\]/);
    const handlers = fs.readFileSync(path.join(ROOT, 'server/src/lsp/handlers.ts'), 'utf8');
    const onImportLog = handlers.slice(handlers.indexOf('export async function onImportLog'));
    const body = onImportLog.slice(0, onImportLog.indexOf('\n}\n'));
    assert.match(body, /params\.logText/);
    assert.doesNotMatch(body, /readFile|fs\./);
  });
});

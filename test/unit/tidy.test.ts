/**
 * Architecture invariants from ARCHITECTURE.md, checked over the source text (rust-analyzer's tidy): the layer
 * import direction, the front ends (cli/, lsp/) calling features/ only, `ttnn/fromSyntax.ts` as the only mlir→ttnn
 * bridge, one protocol file and one FileSummary shape, one byte formatter, every change point documented, no dates
 * outside the version axis.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../server/src');

/** Which sibling folders each core folder may import from (ARCHITECTURE.md, "Import direction"). */
const ALLOWED: Record<string, readonly string[]> = {
  text: [],
  mlir: ['text'],
  ttnn: ['text', 'mlir'],
  estimate: ['text', 'ttnn'],
  analysis: ['text', 'mlir', 'ttnn', 'estimate'],
  fixes: ['text', 'mlir', 'ttnn', 'estimate', 'analysis'],
  logs: ['text', 'mlir'],
  features: ['text', 'mlir', 'ttnn', 'estimate', 'analysis', 'fixes', 'logs'],
};

/** What the front ends (cli/, lsp/) may import besides their own folder: the features API, the host side, text. */
const FRONT_END_ALLOWED: readonly string[] = ['cli', 'lsp', 'features', 'host', 'text'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers of a file's imports and re-exports (`from '…'`). */
function relativeImports(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*? from '([^']+)'/gm)].map((m) => m[1]!);
}

function importedFolders(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const folders: string[] = [];
  for (const m of text.matchAll(/from '((?:\.\.\/)+)([a-z]+)(?:\/|')/g)) {
    // Resolve relative to the file so nested folders (estimate/ops) count their own parent correctly.
    const target = path.resolve(path.dirname(file), m[1]!, m[2]!);
    if (path.dirname(target) === SRC) folders.push(m[2]!);
  }
  return folders;
}

describe('tidy: architecture invariants', () => {
  it('core folders import only the layers below them', () => {
    const violations: string[] = [];
    for (const [folder, allowed] of Object.entries(ALLOWED)) {
      for (const file of tsFiles(path.join(SRC, folder))) {
        for (const imported of importedFolders(file)) {
          if (imported !== folder && !allowed.includes(imported))
            violations.push(`${path.relative(SRC, file)} imports ${imported}/`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });

  it('cli/ and lsp/ reach the core through features/ only (besides host/ and text/)', () => {
    const violations = ['cli', 'lsp'].flatMap((folder) =>
      tsFiles(path.join(SRC, folder)).flatMap((file) =>
        importedFolders(file)
          .filter((f) => !FRONT_END_ALLOWED.includes(f))
          .map((f) => `${path.relative(SRC, file)} imports ${f}/`),
      ),
    );
    assert.deepEqual(violations, []);
  });

  it('ttnn/fromSyntax.ts is the only ttnn/ file that reads the syntax tree', () => {
    const readers = tsFiles(path.join(SRC, 'ttnn')).filter((f) => importedFolders(f).includes('mlir'));
    assert.deepEqual(
      readers.map((f) => path.relative(SRC, f)),
      ['ttnn/fromSyntax.ts'],
    );
  });

  it('one protocol file: server/src/lsp/ext.ts imports only import-free shape files, and the client takes its shapes from it', () => {
    const ext = path.join(SRC, 'lsp/ext.ts');
    for (const imported of relativeImports(ext)) {
      assert.match(imported, /^\.\.\/features\/\w+Shape$/, `ext.ts imports ${imported}: only features/*Shape.ts files`);
      const shapeFile = `${path.resolve(path.dirname(ext), imported)}.ts`;
      assert.deepEqual(relativeImports(shapeFile), [], `${path.relative(SRC, shapeFile)} imports nothing`);
      assert.doesNotMatch(fs.readFileSync(shapeFile, 'utf8'), /^import /m);
    }
    assert.doesNotMatch(
      fs.readFileSync(ext, 'utf8'),
      /^import (?!type \{[^}]*\} from '\.\.\/features\/)/m,
      'type-only imports of shape files',
    );
    const client = fs.readFileSync(path.resolve(SRC, '../../client/src/lspExt.ts'), 'utf8');
    assert.match(client, /from '\.\.\/\.\.\/server\/src\/lsp\/ext'/);
    assert.doesNotMatch(client, /export (interface|const \w+_METHOD)/, 'no second copy of a shape or method string');
  });

  it('one FileSummary shape: features/ and the protocol share it (no second interface with its fields)', () => {
    const fields = /readonly peakL1BytesPerCore: number \| null;/;
    const declaring = [...tsFiles(SRC), ...tsFiles(path.resolve(SRC, '../../client/src'))].filter((f) =>
      fields.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      declaring.map((f) => path.relative(SRC, f)),
      ['features/fileSummaryShape.ts'],
    );
  });

  it('one unit system: one byte formatter (server/src/text/numbers.ts) for server and client: no division by 1024, no figure labelled KiB/MiB', () => {
    const roots = [SRC, path.resolve(SRC, '../../client/src')];
    const offenders: string[] = [];
    for (const root of roots) {
      for (const file of tsFiles(root).filter((f) => !f.endsWith(path.join('text', 'numbers.ts')))) {
        const withoutComments = fs
          .readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '');
        // A second formatter shows up as a division by 1024 or a figure labelled in binary units.
        if (/\/=? ?\(?1024\b|\$\{[^}]*\} ?(KiB|MiB|GiB)\b/.test(withoutComments))
          offenders.push(path.relative(SRC, file));
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('no date literal outside the version axis: every dated rule is a change point (changePoints.ts), or a syntax clue (buildWindow.ts)', () => {
    const axis = ['estimate/changePoints.ts', 'analysis/buildWindow.ts'].map((f) => path.join(SRC, f));
    const offenders: string[] = [];
    for (const file of tsFiles(SRC).filter((f) => !axis.includes(f))) {
      for (const [i, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
        // A quoted `YYYY-MM(-DD)` is a date a rule could compare with; the L1-base entries' `seen` is message text.
        if (/['"`]20\d\d-\d\d(-\d\d)?['"`]/.test(line) && !/^\s*seen: '/.test(line))
          offenders.push(`${path.relative(SRC, file)}:${i + 1}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('docs/estimators.md names every change point of the version axis', () => {
    const architecture = fs.readFileSync(path.resolve(SRC, '../../docs/estimators.md'), 'utf8');
    const table = fs.readFileSync(path.join(SRC, 'estimate/changePoints.ts'), 'utf8');
    const ids = [...table.matchAll(/^ {2}'([a-z0-9-]+)': \{$/gm)].map((m) => m[1]!);
    assert.ok(ids.length >= 10, `${ids.length} change points read`);
    assert.deepEqual(
      ids.filter((id) => !architecture.includes(`\`${id}\``)),
      [],
    );
  });
});

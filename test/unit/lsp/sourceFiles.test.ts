/**
 * lsp/sourceFiles.ts: a resolver answers each file name once and hands the same answer to every later diagnostic that
 * names it; that answer must be what resolving the name afresh gives, whatever order the names come in.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { sourceFileResolver } from '../../../server/src/lsp/sourceFiles';

describe('lsp/sourceFiles', () => {
  it('a repeated file name resolves to what a fresh resolver gives for it, names interleaved', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-sources-'));
    try {
      const ws = path.join(base, 'ws');
      fs.mkdirSync(path.join(ws, 'models'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'models/a.py'), '# a\n');
      fs.writeFileSync(path.join(ws, 'models/b.py'), '# b\n');
      fs.writeFileSync(path.join(base, 'outside.py'), '# outside\n');
      const documentUri = URI.file(path.join(ws, 'models/dump.mlir')).toString();
      const folders = [URI.file(ws).toString()];
      const names = [
        'models/a.py',
        'b.py',
        '../outside.py',
        'missing.py',
        path.join(base, 'outside.py'),
        'models/a.py',
      ];
      const resolve = sourceFileResolver(documentUri, folders);
      for (let round = 0; round < 3; round++) {
        for (const name of names) {
          assert.deepEqual(resolve(name), sourceFileResolver(documentUri, folders)(name), `${name}, round ${round}`);
        }
      }
      // The two linked files keep their own URIs (a cache keyed wrongly would hand one the other's).
      assert.deepEqual(resolve('models/a.py'), {
        uri: URI.file(fs.realpathSync(path.join(ws, 'models/a.py'))).toString(),
      });
      assert.deepEqual(resolve('b.py'), { uri: URI.file(fs.realpathSync(path.join(ws, 'models/b.py'))).toString() });
      assert.ok('unlinked' in resolve('missing.py'));
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

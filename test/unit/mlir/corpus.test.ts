import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../server/src/mlir/parser';
import { nameErrors } from '../../../server/src/mlir/scopes';
import type { Operation } from '../../../server/src/mlir/syntax';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');

function mlirFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...mlirFiles(full));
    else if (name.endsWith('.mlir')) out.push(full);
  }
  return out;
}

/** `"ttnn.*"(` generic ops per line, ignoring `//` comments outside strings: an independent count. */
function scanTtnnOps(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) {
    let code = line;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') {
        inString = true;
      } else if (c === '/' && line[i + 1] === '/') {
        code = line.slice(0, i);
        break;
      }
    }
    count += (code.match(/"ttnn\.[A-Za-z0-9_]+"\s*\(/g) ?? []).length;
  }
  return count;
}

function parsedTtnnOps(ops: readonly Operation[]): number {
  let n = 0;
  for (const op of ops) {
    if (op.form === 'generic' && op.name.startsWith('ttnn.')) n++;
    for (const r of op.regions) for (const b of r.blocks) n += parsedTtnnOps(b.operations);
  }
  return n;
}

/** The `ops` column of SOURCE.md's table, by repository path. */
function sourceTable(): Map<string, number> {
  const md = readFileSync(path.join(CORPUS, 'SOURCE.md'), 'utf8');
  const table = new Map<string, number>();
  for (const m of md.matchAll(/^\| `([^`]+)` \| [0-9a-f]+ \| [\d,]+ \| (\d+) \|/gm)) table.set(m[1], Number(m[2]));
  return table;
}

describe('mlir parser on the tt-mlir corpus', () => {
  const files = mlirFiles(CORPUS);
  const table = sourceTable();

  it('covers every corpus file listed in SOURCE.md', () => {
    assert.equal(files.length, 56);
    assert.deepEqual(
      files.map((f) => path.relative(CORPUS, f).split(path.sep).join('/')).sort(),
      [...table.keys()].sort(),
    );
  });

  for (const file of files) {
    const rel = path.relative(CORPUS, file).split(path.sep).join('/');
    it(`${rel}: zero syntax errors, every ttnn op found`, () => {
      const text = readFileSync(file, 'utf8');
      const result = parse(text);
      assert.deepEqual(result.errors, []);
      const scanned = scanTtnnOps(text);
      assert.equal(scanned, table.get(rel), 'line scan disagrees with SOURCE.md');
      const parsed = result.file.chunks.reduce((n, c) => n + parsedTtnnOps(c.operations), 0);
      assert.equal(parsed, scanned);
    });
  }

  it('resolves every name in the corpus (only the negative trace test has unresolved symbols)', () => {
    for (const file of files) {
      const rel = path.relative(CORPUS, file).split(path.sep).join('/');
      const messages = nameErrors(parse(readFileSync(file, 'utf8')).file).map((d) => d.message);
      if (rel.endsWith('negative_capture_or_execute_trace.mlir')) {
        // The file calls functions that do not exist on purpose (its RUN line expects verifier errors).
        assert.deepEqual(messages, [
          "'@nonexistent_allocate' does not reference a defined symbol",
          "'@nonexistent_capture' does not reference a defined symbol",
          "'@nonexistent_execute' does not reference a defined symbol",
        ]);
      } else {
        assert.deepEqual(messages, [], rel);
      }
    }
  });
});

/**
 * lsp/ from ARCHITECTURE.md, checked over the source text: no two files of lsp/ import each other in a cycle (the
 * worker, the store and the handlers share their types through lsp/outcome.ts). That lsp/ and cli/ reach the core
 * through features/ only is tidy.test.ts's.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../server/src');

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** The server/src-relative paths (without extension) a file imports, type-only imports included. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)[^;]*? from '(\.{1,2}\/[^']+)'/gm))
    out.push(path.relative(SRC, path.resolve(path.dirname(file), m[1]!)));
  return out;
}

describe('tidy: lsp/', () => {
  it('no import cycle among the files of lsp/', () => {
    const files = tsFiles(path.join(SRC, 'lsp')).map((f) => path.relative(SRC, f).replace(/\.ts$/, ''));
    const edges = new Map(files.map((f) => [f, importsOf(path.join(SRC, `${f}.ts`)).filter((t) => files.includes(t))]));
    const cycles: string[] = [];
    // Depth-first search; a file met again while still on the path closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file)!) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });
});

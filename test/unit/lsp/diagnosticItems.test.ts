/**
 * lsp/handlers.ts diagnosticItems: what the client gets for each core diagnostic, worked out here from the core list
 * (features.diagnostics without the editor's links) and positions counted in the text: a Python source the workspace
 * holds is a link, any other is named in the message with the reason; range targets are locations in the document.
 * The publish path makes the unlinked-source words inside features.diagnostics and shares the first failure's related
 * information between diagnostics; this checks that what it publishes is still exactly the above, as the workspace
 * changes back and forth on the same analysis (messages are kept per op record across publishes).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as lsp from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { generateTtnnModule } from '../../../bench/generate';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS, diagnostics } from '../../../server/src/features';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/features/diagnosticCodes';
import * as handlers from '../../../server/src/lsp/handlers';
import type { AnalyzedDocument } from '../../../server/src/lsp/outcome';
import { sourceFileResolver } from '../../../server/src/lsp/sourceFiles';
import { handlerContext } from '../../support/handlerContext';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

describe('lsp/handlers diagnosticItems: published diagnostics', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-items-'));
  after(() => fs.rmSync(base, { recursive: true, force: true }));
  // The generated dump's locs name tests/torch/models/generated/model.py.
  const ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, 'tests/torch/models/generated'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'tests/torch/models/generated/model.py'), '# model\n');
  const uri = URI.file(path.join(ws, 'dump.mlir')).toString();
  const text = generateTtnnModule({ nOps: 3000, seed: 1 });
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const analyzed: AnalyzedDocument = { uri, version: 1, settingsGeneration: 0, outcome: { kind: 'ok', doc } };

  // Positions counted here (the text has `\n` line breaks), not by the server's LineIndex.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const positionAt = (offset: number): lsp.Position => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line, character: offset - lineStarts[line]! };
  };

  /** The items as worked out from the core list, for a client whose workspace is `folders`. */
  function expectedItems(folders: readonly string[]): lsp.Diagnostic[] {
    const resolve = sourceFileResolver(uri, folders);
    const range = (r: { start: number; end: number }): lsp.Range => ({
      start: positionAt(r.start),
      end: positionAt(r.end),
    });
    return diagnostics(doc).map((d) => {
      let message = d.message;
      const related: lsp.DiagnosticRelatedInformation[] = [];
      for (const r of d.related) {
        if (r.target.kind === 'range') {
          related.push({ location: { uri, range: range(r.target.range) }, message: r.message });
          continue;
        }
        const file = resolve(r.target.file);
        if ('unlinked' in file) {
          message += `\nPython source ${r.target.file}:${r.target.line}: ${file.unlinked}`;
          continue;
        }
        const at = { line: r.target.line - 1, character: Math.max(0, r.target.column - 1) };
        related.push({ location: { uri: file.uri, range: { start: at, end: at } }, message: r.message });
      }
      return {
        range: range(d.range),
        severity: SEVERITY[d.severity],
        code: d.code,
        source: DIAGNOSTIC_SOURCE,
        message,
        ...(related.length > 0 ? { relatedInformation: related } : {}),
      };
    });
  }

  async function published(folders: readonly string[]): Promise<lsp.Diagnostic[]> {
    const ctx = { ...handlerContext(() => Promise.resolve(analyzed)), workspaceFolders: () => folders };
    const result = await handlers.diagnosticItems(ctx, uri);
    assert.ok(result !== undefined);
    return result.items;
  }

  const inside = [URI.file(ws).toString()];
  const elsewhere = [URI.file(path.join(base, 'other')).toString()];

  it('are the core diagnostics with links or source notes, as the workspace changes', async () => {
    let linked = 0;
    let noted = 0;
    for (const folders of [elsewhere, inside, elsewhere, inside]) {
      const items = await published(folders);
      assert.deepEqual(items, expectedItems(folders));
      // JSON text too (key order): it is what goes to the client.
      assert.equal(JSON.stringify(items), JSON.stringify(expectedItems(folders)));
      linked += items.filter((d) => d.relatedInformation?.some((r) => r.location.uri.endsWith('.py'))).length;
      noted += items.filter((d) => typeof d.message === 'string' && d.message.includes('\nPython source ')).length;
    }
    assert.ok(linked > 0 && noted > 0, `both kinds of source occur (linked ${linked}, noted ${noted})`);
  });

  it('the core list made for an editor that cannot link a source leaves its file target out; the CLI list keeps it', () => {
    const unlinked = diagnostics(doc, { unlinkedSource: () => 'not found in the workspace' });
    const plain = diagnostics(doc);
    assert.equal(unlinked.length, plain.length);
    let named = 0;
    for (const [i, d] of unlinked.entries()) {
      const fileTargets = plain[i]!.related.filter((r) => r.target.kind === 'file');
      if (!d.message.includes('\nPython source ')) continue;
      named++;
      // The message names the file and line the CLI's list links (one file target per overflow with a loc).
      assert.equal(fileTargets.length, 1);
      const target = fileTargets[0]!.target as { file: string; line: number };
      assert.ok(d.message.endsWith(`\nPython source ${target.file}:${target.line}: not found in the workspace`));
      assert.deepEqual(
        d.related.filter((r) => r.target.kind === 'file'),
        [],
      );
      // The other entries (first failure, producer) are the CLI list's.
      assert.deepEqual(
        d.related,
        plain[i]!.related.filter((r) => r.target.kind !== 'file'),
      );
    }
    assert.ok(named > 0, 'some overflows name their Python source');
  });

  it("every 'not reached' diagnostic points at the first failure, first", async () => {
    const items = await published(elsewhere);
    const notReached = items.filter((d) => d.code === 'l1-overflow-not-reached');
    const first = items.find((d) => d.severity === SEVERITY.error && d.code !== 'syntax-error');
    assert.ok(notReached.length > 1 && first !== undefined, 'the generated dump has a first failure and later ones');
    for (const d of notReached) assert.deepEqual(d.relatedInformation?.[0]?.location.range, first.range);
  });
});

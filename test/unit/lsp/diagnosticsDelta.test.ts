/**
 * lsp/diagnosticsDelta.ts: a background worker's diagnostics cross as the change from the list it sent last; the
 * main thread's list after applying a delta (to its structured clone of the base) encodes to the same JSON as the
 * worker's new list, on real diagnostics before and after an edit and on the edge cases of the head/tail match.
 */

import * as assert from 'node:assert/strict';
import type * as lsp from 'vscode-languageserver';
import { generateTtnnModule } from '../../../bench/generate';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features';
import { samePlainData } from '../../../server/src/text/plainData';
import { appliedDelta, diagnosticsDelta } from '../../../server/src/lsp/diagnosticsDelta';
import * as handlers from '../../../server/src/lsp/handlers';
import type { AnalyzedDocument } from '../../../server/src/lsp/outcome';
import { handlerContext } from '../../support/handlerContext';

const URI = 'untitled:generated.mlir';

async function publishedItems(text: string): Promise<lsp.Diagnostic[]> {
  const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
  const analyzed: AnalyzedDocument = { uri: URI, version: 1, settingsGeneration: 0, outcome: { kind: 'ok', doc } };
  return (
    (
      await handlers.diagnosticItems(
        handlerContext(() => Promise.resolve(analyzed)),
        URI,
      )
    )?.items ?? []
  );
}

/** What the main thread holds after the crossing: its clone of `base` with the (cloned) delta applied. */
function crossed(base: readonly lsp.Diagnostic[], next: readonly lsp.Diagnostic[]): lsp.Diagnostic[] {
  return appliedDelta(structuredClone(base), structuredClone(diagnosticsDelta(base, next)));
}

function diagnostic(line: number, message: string): lsp.Diagnostic {
  return { range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 1, message };
}

describe('lsp/diagnosticsDelta', () => {
  it('restores the diagnostics of an edited document from the unedited one, sending only what changed', async () => {
    const text = generateTtnnModule({ nOps: 400, seed: 3 });
    const base = await publishedItems(text);
    assert.ok(base.length > 20, `the generated dump has diagnostics (${base.length})`);
    // A line break before the middle diagnostic's op: every diagnostic after it moves down a line.
    const middle = base[Math.floor(base.length / 2)]!.range.start.line;
    let at = 0;
    for (let line = 0; line < middle; line++) at = text.indexOf('\n', at) + 1;
    const next = await publishedItems(`${text.slice(0, at)}\n${text.slice(at)}`);
    const delta = diagnosticsDelta(base, next);
    assert.ok(delta.keptHead > 0 && delta.keptHead < base.length, `kept head ${delta.keptHead}`);
    assert.equal(delta.fresh.length, next.length - delta.keptHead - delta.keptTail);
    assert.equal(JSON.stringify(crossed(base, next)), JSON.stringify(next));
    // The same document again (a keystroke that changes no diagnostic): nothing crosses.
    const same = diagnosticsDelta(base, await publishedItems(text));
    assert.deepEqual([same.keptHead + same.keptTail, same.fresh.length], [base.length, 0]);
  });

  it('keeps head and tail around an inserted, a removed and a changed item, and handles empty lists', () => {
    const base = [0, 1, 2, 3, 4].map((i) => diagnostic(i, `d${i}`));
    const cases: lsp.Diagnostic[][] = [
      [...base.slice(0, 2), diagnostic(9, 'new'), ...base.slice(2)],
      [...base.slice(0, 2), ...base.slice(3)],
      [...base.slice(0, 2), diagnostic(2, 'changed'), ...base.slice(3)],
      [],
      base.map((d) => structuredClone(d)),
      [...base, ...base],
    ];
    for (const next of cases) {
      assert.equal(JSON.stringify(crossed(base, next)), JSON.stringify(next));
      assert.equal(JSON.stringify(crossed([], next)), JSON.stringify(next));
    }
    const inserted = diagnosticsDelta(base, cases[0]!);
    assert.deepEqual([inserted.keptHead, inserted.keptTail, inserted.fresh.length], [2, 3, 1]);
    // An item equal in value but with its keys in another order encodes differently: it is not kept.
    const reordered: lsp.Diagnostic = { message: 'd0', severity: 1, range: base[0]!.range };
    assert.equal(samePlainData(base[0], reordered), false);
    assert.equal(diagnosticsDelta([base[0]!], [reordered]).fresh.length, 1);
  });

  it('refuses a delta for a list of another length (the two sides lost step)', () => {
    const delta = diagnosticsDelta([diagnostic(0, 'a')], [diagnostic(0, 'a'), diagnostic(1, 'b')]);
    assert.throws(() => appliedDelta([], delta), /delta for a list of 1 applied to one of 0/);
  });
});

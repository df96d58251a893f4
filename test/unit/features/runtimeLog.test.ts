/** Runtime-log findings on the seed: the seed's own log (test/fixtures/logs/seed_mochi.log) names %9 and 9,990,400 B. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { hoverAt } from '../../../server/src/features/hover';
import { runtimeLogActionsAt } from '../../../server/src/features/codeActions';
import { runtimeLogFindings } from '../../../server/src/features/runtimeLog';
import { rangeOf } from './fixture';

const ROOT = path.join(__dirname, '../../..');
const SEED = fs.readFileSync(path.join(ROOT, 'examples/mochi_replicate_pad.mlir'), 'utf8');
const log = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/logs', name), 'utf8');

describe('features/runtimeLog', () => {
  const doc = analyzeDocument(SEED, DEFAULT_ANALYSIS_SETTINGS);

  it('marks %9 with the runtime Error and our estimate next to tt-metal figure', () => {
    const findings = runtimeLogFindings(doc, log('seed_mochi.log'), 'seed.log');
    assert.strictEqual(findings.mapped, true);
    assert.deepStrictEqual(
      findings.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['runtime-failure', 'error', rangeOf(SEED, '%9 = "ttnn.to_layout"')]],
    );
    const nine = rangeOf(SEED, '%9 = ').start;
    assert.strictEqual(findings.opNotes.get(nine), 'tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact');
    const hover = hoverAt(doc, nine + 1, { opNotes: findings.opNotes })!;
    assert.strictEqual(
      hover.markdown.split('\n')[1],
      'Runtime log — tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact',
    );
  });

  it('offers the base the log implies when ours is off, and nothing when the estimate is exact', () => {
    // With a base of 101,600 B our %9 region end is 101,600 + 9,887,744 = 9,989,344 B; tt-metal printed 9,990,400 B,
    // so the log implies 9,990,400 − 9,887,744 = 102,656 B (the seed's real system desc value).
    const offBase = analyzeDocument(SEED, { ...DEFAULT_ANALYSIS_SETTINGS, l1UnreservedBase: 101_600 });
    const findings = runtimeLogFindings(offBase, log('seed_mochi.log'), 'seed.log');
    const head = rangeOf(SEED, '%9 = "ttnn.to_layout"');
    assert.deepStrictEqual(findings.baseSuggestion, { l1UnreservedBase: 102_656, range: head });
    const actions = runtimeLogActionsAt(findings, { start: head.start + 1, end: head.start + 1 });
    assert.deepStrictEqual(
      actions.map((a) => [a.setL1UnreservedBase, a.edits.length]),
      [[102_656, 0]],
    );
    assert.match(actions[0]!.title, /102,656 B/);
    assert.deepStrictEqual(runtimeLogActionsAt(findings, rangeOf(SEED, '%10 = ')), [], 'only on the op that threw');
    assert.strictEqual(runtimeLogFindings(doc, log('seed_mochi.log'), 'seed.log').baseSuggestion, undefined);
  });

  it('maps nothing from a log of another version of the file', () => {
    const findings = runtimeLogFindings(doc, log('mochi_other_version.log'), 'other.log');
    assert.strictEqual(findings.mapped, false);
    assert.deepStrictEqual(findings.diagnostics, []);
    assert.match(findings.summary, /^other\.log: the log does not match this file/);
  });
});

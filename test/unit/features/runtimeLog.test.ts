/** Runtime-log findings on the seed: the seed's own log (test/fixtures/logs/seed_mochi.log) names %9 and 9,990,400 B. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { hoverAt } from '../../../server/src/features/hover';
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
    assert.deepStrictEqual(findings.diagnostics.map((d) => [d.code, d.severity, d.range]), [['runtime-failure', 'error', rangeOf(SEED, '%9 = "ttnn.to_layout"')]]);
    const nine = rangeOf(SEED, '%9 = ').start;
    assert.strictEqual(findings.opNotes.get(nine), 'tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact');
    const hover = hoverAt(doc, nine + 1, { opNotes: findings.opNotes })!;
    assert.strictEqual(hover.markdown.split('\n')[1], 'Runtime log — tt-metal: 9,990,400 B at (7,6); estimate: 9,990,400 B — exact');
  });

  it('maps nothing from a log of another version of the file', () => {
    const findings = runtimeLogFindings(doc, log('mochi_other_version.log'), 'other.log');
    assert.strictEqual(findings.mapped, false);
    assert.deepStrictEqual(findings.diagnostics, []);
    assert.match(findings.summary, /^other\.log: the log does not match this file/);
  });
});

/**
 * Gold files: the full expected text of a hover or a file's diagnostics, kept under test/gold/ and compared whole, so
 * a change of wording shows as a diff to review. `UPDATE_GOLD=1 npx mocha …` rewrites them from what the code prints
 * now (then read the diff before committing). Gold files pin wording and layout; the figures inside them are checked
 * independently (tt-metal's messages, hand derivations) by the tests that name them.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const GOLD_DIR = path.resolve(__dirname, '../gold');

export function updatingGold(): boolean {
  return process.env.UPDATE_GOLD === '1';
}

/** Compares `actual` with test/gold/`name` (or writes it there under UPDATE_GOLD=1). */
export function checkGold(name: string, actual: string): void {
  const file = path.join(GOLD_DIR, name);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (updatingGold()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  if (!fs.existsSync(file))
    assert.fail(`no gold file test/gold/${name}: run with UPDATE_GOLD=1 to write it, then review it`);
  assert.equal(text, fs.readFileSync(file, 'utf8'), `differs from test/gold/${name} (UPDATE_GOLD=1 rewrites it)`);
}

/**
 * Long-session stress of the bundled language server: 10k seeded random edits (default) through incremental didChange
 * with a hover, code action, inlay-hint or outline request every few edits. Prints the server's RSS as it goes, checks
 * the final diagnostics against a fresh analysis of the final text, and exits 1 on any error or mismatch.
 *
 *   npx tsx bench/stress.ts [--edits 10000] [--seed 1] [--every 10] [--file examples/mochi_replicate_pad.mlir]
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../test/support/lspProcess';
import { comparable, runStress } from '../test/reliability/stressDriver';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 || process.argv[i + 1] === undefined ? fallback : process.argv[i + 1];
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

async function main(): Promise<number> {
  const edits = Number(flag('edits', '10000'));
  const seed = Number(flag('seed', '1'));
  const every = Number(flag('every', '10'));
  const file = path.resolve(REPO_ROOT, flag('file', 'examples/mochi_replicate_pad.mlir'));
  const started = Date.now();
  const result = await runStress({
    edits,
    seed,
    requestEvery: every,
    text: fs.readFileSync(file, 'utf8'),
    reportEvery: Math.max(1, Math.floor(edits / 20)),
    onProgress: (done, rss) =>
      process.stdout.write(`  ${String(done).padStart(6)} edits  server RSS ${rss === undefined ? 'n/a' : mb(rss)}\n`),
  });
  const seconds = (Date.now() - started) / 1000;
  const rss = result.rssBytes;
  process.stdout.write(
    `stress: ${edits} edits, ${Object.entries(result.requests)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')} in ${seconds.toFixed(1)} s; ` +
      `server RSS first ${rss.length > 0 ? mb(rss[0]!) : 'n/a'}, peak ${rss.length > 0 ? mb(Math.max(...rss)) : 'n/a'}, last ${rss.length > 0 ? mb(rss[rss.length - 1]!) : 'n/a'}; exit ${result.exitCode}\n`,
  );
  let ok = true;
  if (result.requestErrors.length > 0) {
    ok = false;
    process.stdout.write(
      `request errors (${result.requestErrors.length}):\n${result.requestErrors.slice(0, 10).join('\n')}\n`,
    );
  }
  try {
    assert.deepEqual(comparable(result.finalDiagnostics), comparable(result.freshDiagnostics));
    process.stdout.write(
      `final diagnostics (${result.finalDiagnostics.length}) equal a fresh analysis of the final text\n`,
    );
  } catch {
    ok = false;
    process.stdout.write(
      `MISMATCH: ${result.finalDiagnostics.length} diagnostics after the edits vs ${result.freshDiagnostics.length} fresh\n`,
    );
  }
  // Bounded: a leak of anything per edit (texts, trees, analyses) would grow with the edit count, not settle.
  if (rss.length > 1 && Math.max(...rss) > 2 * rss[0]! + 100e6) {
    ok = false;
    process.stdout.write(`RSS grew from ${mb(rss[0]!)} to ${mb(Math.max(...rss))}: not bounded\n`);
  }
  if (result.exitCode !== 0) ok = false;
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`stress failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

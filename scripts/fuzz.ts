/**
 * Long fuzz run over the parser, layout decoder, estimators, analysis and editor features: mutated corpus files and
 * generated single-op modules, checked against the invariants in test/reliability/fuzzCore.ts. Prints the case count;
 * exits 1 and writes each distinct failing input to the temp directory when an invariant breaks.
 *
 *   npm run fuzz -- --cases 100000 --seed 42 [--features]
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { documentViolations, generatedModuleArb, loadSources, mutatedSourceArb } from '../test/reliability/fuzzCore';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const cases = Number(flag('cases') ?? 100_000);
const seed = Number(flag('seed') ?? Date.now() % 2 ** 31);
const features = process.argv.includes('--features');
if (!Number.isSafeInteger(cases) || cases <= 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: tsx scripts/fuzz.ts [--cases N] [--seed S] [--features]\n');
  process.exit(2);
}

const sources = loadSources();
// Half mutated real files, half generated modules (they reach the estimators with odd shapes far more often).
const arb = fc.oneof(mutatedSourceArb(sources), generatedModuleArb);
const failures = new Map<string, string>();
let ran = 0;
const started = Date.now();
const BATCH = 1000;
for (let batch = 0; ran < cases; batch++) {
  const n = Math.min(BATCH, cases - ran);
  for (const text of fc.sample(arb, { numRuns: n, seed: seed + batch })) {
    ran++;
    for (const v of documentViolations(text, { features })) {
      const key = v.replace(/\d+/g, 'N').slice(0, 160);
      if (!failures.has(key)) {
        failures.set(key, text);
        process.stdout.write(`violation (case ${ran}): ${v.slice(0, 400)}\n`);
      }
    }
  }
  if (batch % 10 === 9) process.stdout.write(`  ${ran} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
const dir = failures.size === 0 ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fuzz-'));
let k = 0;
for (const [key, text] of failures) fs.writeFileSync(path.join(dir as string, `failure_${k++}.mlir`), `// ${key}\n${text}`);
process.stdout.write(`fuzz: ${ran} cases, seed ${seed}, ${failures.size} distinct violations${dir === undefined ? '' : ` (inputs in ${dir})`}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(failures.size === 0 ? 0 : 1);

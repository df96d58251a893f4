/**
 * Long fuzz run over the parser, layout decoder, estimators, analysis and editor features: mutated corpus files,
 * generated single-op modules and module trees with calls across nested (device, CPU, builtin) modules, checked
 * against the invariants in test/reliability/fuzzCore.ts. `--cli N` then runs N inputs of every class (non-MLIR text
 * and bytes too) and the special files through the bundled CLI (`node esbuild.mjs` first), whose exit code must be
 * exactly the documented one. Prints the case count; exits 1 and writes each distinct failing input to the temp
 * directory when an invariant breaks.
 *
 *   npm run fuzz -- --cases 100000 --seed 42 [--features] [--cli 2000]
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  documentViolations,
  generatedModuleArb,
  loadSources,
  mutatedSourceArb,
  nestedModuleArb,
} from '../test/reliability/fuzzCore';
import { cliViolations, expectedCheckExit, fuzzInputs, specialFiles } from '../test/reliability/fuzzProcesses';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const cases = Number(flag('cases') ?? 100_000);
const seed = Number(flag('seed') ?? Date.now() % 2 ** 31);
const features = process.argv.includes('--features');
const cliCases = Number(flag('cli') ?? 0);
if (
  !Number.isSafeInteger(cases) ||
  cases <= 0 ||
  !Number.isSafeInteger(seed) ||
  !Number.isSafeInteger(cliCases) ||
  cliCases < 0
) {
  process.stderr.write('usage: tsx scripts/fuzz.ts [--cases N] [--seed S] [--features] [--cli N]\n');
  process.exit(2);
}

const sources = loadSources();
// Mutated real files, generated modules (they reach the estimators with odd shapes far more often) and module trees
// with symbols across nested modules (issue #15's crash class).
const arb = fc.oneof(mutatedSourceArb(sources), generatedModuleArb, nestedModuleArb);
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
if (cliCases > 0) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fuzz-cli-'));
  const record = (v: string, text: string): void => {
    const key = v.replace(/\d+/g, 'N').slice(0, 160);
    if (failures.has(key)) return;
    failures.set(key, text);
    process.stdout.write(`violation (cli): ${v.slice(0, 400)}\n`);
  };
  for (const file of specialFiles(work))
    for (const v of cliViolations(file, 2, work, { fix: true })) record(v, `special file ${file}`);
  const inputs = fuzzInputs(sources, cliCases, seed);
  inputs.forEach((input, k) => {
    const file = path.join(work, `case${k}.mlir`);
    fs.writeFileSync(file, input.bytes);
    for (const v of cliViolations(file, expectedCheckExit(input.bytes), work, { fix: k % 4 === 0 }))
      record(`${input.kind}: ${v}`, Buffer.from(input.bytes).toString('latin1'));
    if (k % 100 === 99) process.stdout.write(`  ${k + 1} CLI cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  });
  fs.rmSync(work, { recursive: true, force: true });
}
const dir = failures.size === 0 ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-fuzz-'));
let k = 0;
for (const [key, text] of failures) fs.writeFileSync(path.join(dir, `failure_${k++}.mlir`), `// ${key}\n${text}`);
process.stdout.write(
  `fuzz: ${ran} cases${cliCases > 0 ? ` (+${cliCases} through the CLI)` : ''}, seed ${seed}, ${failures.size} distinct violations${dir === undefined ? '' : ` (inputs in ${dir})`}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(failures.size === 0 ? 0 : 1);

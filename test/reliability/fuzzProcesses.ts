/**
 * The fuzzer through the real processes (shared by test/reliability/fuzzProcesses.test.ts and `scripts/fuzz.ts --cli`):
 * seeded inputs of every class (mutated corpus files, generated modules, module trees with calls across nested
 * modules, non-MLIR text and bytes, special files) run through the bundled CLI, whose exit code must be exactly the
 * documented one (`expectedCheckExit`) with no stack trace; and `fix --apply` in a directory full of decoys must
 * write only the file next to the dump.
 */

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { expectedCheckExit, generatedModuleArb, mutatedSourceArb, nestedModuleArb, nonMlirBytesArb } from './fuzzCore';

export const REPO = path.join(__dirname, '../..');
export const CLI_BUNDLE = path.join(REPO, 'dist/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export function runCli(args: readonly string[], cwd: string, timeoutMs = 60_000): CliRun {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: r.error !== undefined && (r.error as { code?: string }).code === 'ETIMEDOUT',
  };
}

/** One input class, named so a failure says which generator made it. */
export interface FuzzInput {
  readonly kind: 'mutated' | 'generated' | 'nested' | 'nonMlir';
  readonly bytes: Uint8Array;
}

export function fuzzInputArb(sources: readonly { readonly text: string }[]): fc.Arbitrary<FuzzInput> {
  const utf8 = (t: string): Uint8Array => Buffer.from(t, 'utf8');
  return fc.oneof(
    mutatedSourceArb(sources).map((t) => ({ kind: 'mutated' as const, bytes: utf8(t) })),
    generatedModuleArb.map((t) => ({ kind: 'generated' as const, bytes: utf8(t) })),
    nestedModuleArb.map((t) => ({ kind: 'nested' as const, bytes: utf8(t) })),
    nonMlirBytesArb(sources).map((b) => ({ kind: 'nonMlir' as const, bytes: b })),
  );
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|TypeError|RangeError|ReferenceError/;

/** What is wrong with `ttnn-l1 check` (and `fix`) on `file`, expected to exit `expected`; empty when all is right. */
export function cliViolations(
  file: string,
  expected: 0 | 1 | 2,
  cwd: string,
  options: { fix?: boolean } = {},
): string[] {
  const out: string[] = [];
  const check = runCli(['check', file], cwd);
  if (check.timedOut) return [`check ${file}: no answer within the deadline`];
  if (check.status !== expected)
    out.push(`check ${file}: exit ${check.status}, documented ${expected}: ${check.stderr.slice(0, 300)}`);
  if (STACK_TRACE.test(check.stderr + check.stdout))
    out.push(`check ${file}: stack trace: ${check.stderr.slice(0, 300)}`);
  if (check.status === 2 && check.stderr.trim().split('\n').length !== 1)
    out.push(`check ${file}: exit 2 without exactly one line on stderr: ${check.stderr.slice(0, 300)}`);
  if (options.fix === true) {
    const fix = runCli(['fix', file], cwd);
    if (fix.timedOut) out.push(`fix ${file}: no answer within the deadline`);
    else {
      // fix agrees with check on unusable input and on clean files; an overflowing file has a fix (0) or none (1).
      const allowed = expected === 2 ? [2] : expected === 0 ? [0] : [0, 1];
      if (!allowed.includes(fix.status ?? -1))
        out.push(`fix ${file}: exit ${fix.status} where check exits ${expected}: ${fix.stderr.slice(0, 300)}`);
      if (STACK_TRACE.test(fix.stderr + fix.stdout)) out.push(`fix ${file}: stack trace: ${fix.stderr.slice(0, 300)}`);
    }
  }
  return out;
}

/** Special files next to ordinary ones: a FIFO with no writer, /dev/zero, a directory, a missing file. All exit 2. */
export function specialFiles(dir: string): string[] {
  const files: string[] = [];
  const fifo = path.join(dir, 'fifo.mlir');
  if (spawnSync('mkfifo', [fifo]).status === 0) files.push(fifo);
  if (fs.existsSync('/dev/zero')) files.push('/dev/zero');
  const sub = path.join(dir, 'a-directory.mlir');
  fs.mkdirSync(sub, { recursive: true });
  files.push(sub, path.join(dir, 'missing.mlir'));
  return files;
}

/**
 * A workspace for `fix --apply`: the dump `depth` directories below the cwd, the Python file its `loc` names next to
 * it, and decoys the fix must never touch: the same tail in the cwd and the dump's parents (when they are not the
 * real one's directory), and a symlink next to them pointing outside the workspace. Returns what to compare after.
 */
export function decoyWorkspace(
  root: string,
  seedText: string,
  pythonText: string,
  depth: number,
): { cwd: string; dump: string; real: string; untouched: string[] } {
  const cwd = path.join(root, 'ws');
  const dumpDir = path.join(cwd, ...Array.from({ length: depth }, (_, i) => `level${i}`));
  fs.mkdirSync(path.join(dumpDir, 'mochi'), { recursive: true });
  const dump = path.join(dumpDir, 'model.mlir');
  fs.writeFileSync(dump, seedText);
  const real = path.join(dumpDir, 'mochi/single_ops.py');
  fs.writeFileSync(real, pythonText);
  const untouched: string[] = [];
  const outside = path.join(root, 'outside.py');
  fs.writeFileSync(outside, pythonText);
  untouched.push(outside);
  for (let d = 0; d < depth; d++) {
    // Each parent of the dump's directory (the cwd included) gets `single_ops.py` and `mochi/single_ops.py` decoys.
    const parent = path.join(cwd, ...Array.from({ length: d }, (_, i) => `level${i}`));
    fs.mkdirSync(path.join(parent, 'mochi'), { recursive: true });
    for (const decoy of [path.join(parent, 'single_ops.py'), path.join(parent, 'mochi/single_ops.py')]) {
      fs.writeFileSync(decoy, pythonText);
      untouched.push(decoy);
    }
  }
  // Shorter tails resolve in the dump's directory first: a bare single_ops.py symlink there, pointing outside.
  fs.symlinkSync(outside, path.join(dumpDir, 'single_ops.py'));
  return { cwd, dump: path.relative(cwd, dump), real, untouched };
}

export function fuzzInputs(sources: readonly { readonly text: string }[], n: number, seed: number): FuzzInput[] {
  return fc.sample(fuzzInputArb(sources), { numRuns: n, seed });
}

export { expectedCheckExit };

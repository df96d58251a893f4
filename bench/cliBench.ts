/**
 * The fair anchor: `ttnn-l1 check --format json` against LLVM's own parser, `mlir-opt-16 --allow-unregistered-dialect`
 * (which also verifies and prints), as whole processes on the same generated dump — ours on the printed text, LLVM's
 * on its mechanical generic-form copy (bench/genericForm.ts; our report on that copy is checked to be the same).
 * CPU time (user + sys) and peak RSS come from GNU time (`/usr/bin/time`, Debian `time`); best of `runs`, the two
 * commands interleaved. Prints ratios ours / mlir-opt-16, and peak RSS over the file size.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { falconDump } from './falcon';
import { generateTtnnModule } from './generate';
import { toGenericForm } from './genericForm';

const GNU_TIME = '/usr/bin/time';
const MLIR_OPT_CANDIDATES = ['/usr/bin/mlir-opt-16', '/usr/lib/llvm-16/bin/mlir-opt'];
import { REPO_ROOT } from '../test/support/lspProcess';

interface ProcessCost {
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
  readonly exitCode: number;
}

function measure(command: string, args: readonly string[]): ProcessCost {
  const r = spawnSync(GNU_TIME, ['-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const [user, sys, maxKb] = last.split(' ').map(Number);
  if (![user, sys, maxKb].every((n) => Number.isFinite(n)))
    throw new Error(`could not read GNU time's figures: ${last}`);
  return { cpuSeconds: user! + sys!, peakRssBytes: maxKb! * 1024, exitCode: r.status ?? -1 };
}

function best(costs: readonly ProcessCost[]): ProcessCost {
  return {
    cpuSeconds: Math.min(...costs.map((c) => c.cpuSeconds)),
    peakRssBytes: Math.min(...costs.map((c) => c.peakRssBytes)),
    exitCode: costs[0]!.exitCode,
  };
}

export function runCliBench(
  log: (line: string) => void = console.log,
  sizes: readonly number[] = [10_000, 100_000, 300_000],
  runs = 3,
): void {
  if (!fs.existsSync(GNU_TIME)) {
    log(`cli: ${GNU_TIME} not installed (apt-get install time) — no process figures`);
    return;
  }
  const mlirOpt = MLIR_OPT_CANDIDATES.find((p) => fs.existsSync(p));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-cli-bench-'));
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const costOf = (name: string, nOps: number, text: string, mlirOptArgs: readonly string[] = []): void => {
    const slug = `${name.replace(/\W+/g, '-')}-${nOps}`;
    const original = path.join(dir, `${slug}.mlir`);
    const generic = path.join(dir, `${slug}.generic.mlir`);
    fs.writeFileSync(original, text);
    fs.writeFileSync(generic, toGenericForm(text));
    const fileBytes = Buffer.byteLength(text);
    // Big enough for the 300k-op file's heap; the CLI itself says which NODE_OPTIONS a larger file needs.
    const nodeArgs = ['--max-old-space-size=8192', cli, 'check', '--format', 'json'];
    // The check exits 1 when an op overflows: read its output whatever the exit code.
    const report = (file: string): string =>
      spawnSync(process.execPath, [...nodeArgs, file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
    const same = report(generic).split(generic).join(original) === report(original);
    const ours: ProcessCost[] = [];
    const theirs: ProcessCost[] = [];
    const n = nOps >= 300_000 ? 1 : runs;
    for (let i = 0; i < n; i++) {
      ours.push(measure(process.execPath, [...nodeArgs, original]));
      if (mlirOpt !== undefined)
        theirs.push(measure(mlirOpt, ['--allow-unregistered-dialect', ...mlirOptArgs, generic, '-o', '/dev/null']));
    }
    const o = best(ours);
    const mb = (b: number): string => `${(b / 1e6).toFixed(0)} MB`;
    let line =
      `cli ${nOps} ops, ${name} (${(fileBytes / 1e6).toFixed(1)} MB): ttnn-l1 check CPU ${o.cpuSeconds.toFixed(2)} s, peak RSS ${mb(o.peakRssBytes)} ` +
      `(${(o.peakRssBytes / fileBytes).toFixed(1)}x the file)${same ? '' : ' [report on the generic copy DIFFERS]'}`;
    if (mlirOpt === undefined) line += ' | mlir-opt-16 not installed (apt-get install mlir-16-tools) — no ratio';
    else {
      const t = best(theirs);
      line +=
        ` | mlir-opt-16 CPU ${t.cpuSeconds.toFixed(2)} s, peak RSS ${mb(t.peakRssBytes)}${t.exitCode === 0 ? '' : ` (exit ${t.exitCode}!)`}` +
        ` | ours/mlir-opt-16: CPU ${(o.cpuSeconds / t.cpuSeconds).toFixed(2)}x, RSS ${(o.peakRssBytes / t.peakRssBytes).toFixed(2)}x`;
    }
    log(line + (n < runs ? ` (1 run)` : ` (best of ${n})`));
  };
  for (const nOps of sizes) {
    costOf('generated dump', nOps, generateTtnnModule({ nOps, seed: 1 }));
    // A real model's shape: thousands of small functions (the generated dump is two long ones), where a one-shot check
    // parses each body as the TTNN view reads it and keeps no tree of it.
    // Its copies are `// -----` chunks: mlir-opt reads them as separate modules with --split-input-file.
    if (nOps === 100_000) costOf('Falcon3-7B copies', nOps, falconDump(nOps), ['--split-input-file']);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

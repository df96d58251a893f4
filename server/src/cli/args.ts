/** Command-line parsing for `ttnn-l1`. Returns a plain description of the command or a usage error; never exits. */

import { PRESET_NAMES, isPresetName } from '../features';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  readonly kind: 'check';
  readonly files: readonly string[];
  readonly format: OutputFormat;
  /** An arch (its default preset) or a preset name (`wormhole_b0_n300_worker_dispatch`, ...). */
  readonly arch: string | undefined;
  readonly systemDescPath: string | undefined;
  readonly l1UnreservedBase: number | undefined;
  /** `l1_small_size` the device is opened with (bytes); undefined: tt-mlir's runtime default. */
  readonly l1SmallSizeBytes: number | undefined;
  readonly usableL1Cap: number | undefined;
  readonly era: 'legacy-block' | 'sub-block' | undefined;
  /** `auto`, `YYYY-MM` or `YYYY-MM-DD`: the tt-metal build the estimates are for. */
  readonly ttMetalDate: string | undefined;
  /** Exit 1 when a device op has no L1 model (an overflow cannot be ruled out). */
  readonly failOnUnmodeled: boolean;
  readonly logPath: string | undefined;
}

export interface FixCommand {
  readonly kind: 'fix';
  readonly file: string;
  readonly apply: boolean;
  /** Restrict to fixes whose id or title contains this text. */
  readonly only: string | undefined;
  readonly check: Omit<CheckCommand, 'kind' | 'files' | 'format' | 'logPath' | 'failOnUnmodeled'>;
}

export type Command =
  | CheckCommand
  | FixCommand
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usageError'; readonly message: string };

export const USAGE = `usage:
  ttnn-l1 check FILE... [--format text|json|sarif] [--arch wormhole_b0|blackhole|PRESET] [--system-desc FILE]
                        [--l1-unreserved-base BYTES] [--l1-small-size BYTES] [--usable-l1-cap FRACTION]
                        [--tt-metal-date auto|YYYY-MM|YYYY-MM-DD] [--fail-on-unmodeled] [--log RUNTIME_LOG]
  ttnn-l1 fix FILE [--apply] [--only TEXT] [--arch ...] [--system-desc FILE] [--l1-unreserved-base BYTES]
                   [--l1-small-size BYTES] [--tt-metal-date ...]

--era legacy-block|sub-block is an older alias: a build before / from tt-metal PR #35806.
exit codes: 0 nothing overflows, 1 an op overflows or tt-metal rejects an op (or, with --fail-on-unmodeled, an op has no L1 model), 2 unusable input`;

const VALUE_FLAGS = new Set([
  '--format',
  '--arch',
  '--system-desc',
  '--l1-unreserved-base',
  '--l1-small-size',
  '--usable-l1-cap',
  '--era',
  '--tt-metal-date',
  '--log',
  '--only',
]);
const BOOLEAN_FLAGS = new Set(['--apply', '--fail-on-unmodeled']);

export function parseArgs(argv: readonly string[]): Command {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') return { kind: 'help' };
  if (verb === '--version' || verb === '-V') return { kind: 'version' };
  if (verb !== 'check' && verb !== 'fix') return usageError(`unknown command '${verb}'`);

  const positional: string[] = [];
  const values = new Map<string, string>();
  const booleans = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 && flag !== arg ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) return usageError(`${flag} needs a value`);
      values.set(flag, value);
    } else if (BOOLEAN_FLAGS.has(arg)) {
      booleans.add(arg);
    } else if (arg.startsWith('--')) {
      return usageError(`unknown option '${arg}'`);
    } else {
      positional.push(arg);
    }
  }

  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    return usageError(`--format must be text, json or sarif`);
  const arch = values.get('--arch');
  if (arch !== undefined && arch !== 'wormhole_b0' && arch !== 'blackhole' && !isPresetName(arch)) {
    return usageError(`--arch must be wormhole_b0, blackhole or a preset: ${PRESET_NAMES.join(', ')}`);
  }
  const era = values.get('--era');
  if (era !== undefined && era !== 'legacy-block' && era !== 'sub-block')
    return usageError(`--era must be legacy-block or sub-block`);
  const ttMetalDate = values.get('--tt-metal-date');
  if (
    ttMetalDate !== undefined &&
    ttMetalDate !== 'auto' &&
    !/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(ttMetalDate)
  ) {
    return usageError(`--tt-metal-date must be auto, YYYY-MM or YYYY-MM-DD`);
  }
  if (ttMetalDate !== undefined && era !== undefined)
    return usageError(`--era is an alias of --tt-metal-date: give one`);
  const base = values.get('--l1-unreserved-base');
  const baseBytes = base === undefined ? undefined : Number(base);
  if (baseBytes !== undefined && !(Number.isSafeInteger(baseBytes) && baseBytes >= 0)) {
    return usageError(`--l1-unreserved-base must be a non-negative integer number of bytes`);
  }
  const l1Small = values.get('--l1-small-size');
  const l1SmallBytes = l1Small === undefined ? undefined : Number(l1Small);
  if (l1SmallBytes !== undefined && !(Number.isSafeInteger(l1SmallBytes) && l1SmallBytes >= 0)) {
    return usageError(`--l1-small-size must be a non-negative integer number of bytes`);
  }
  const cap = values.get('--usable-l1-cap');
  const capFraction = cap === undefined ? undefined : Number(cap);
  if (capFraction !== undefined && !(capFraction > 0 && capFraction <= 1))
    return usageError(`--usable-l1-cap must be in (0, 1]`);

  const common = {
    arch,
    systemDescPath: values.get('--system-desc'),
    l1UnreservedBase: baseBytes,
    l1SmallSizeBytes: l1SmallBytes,
    usableL1Cap: capFraction,
    era,
    ttMetalDate,
  } as const;
  if (verb === 'fix') {
    if (positional.length !== 1) return usageError('fix takes exactly one FILE');
    if (booleans.has('--fail-on-unmodeled')) return usageError('--fail-on-unmodeled applies to check only');
    return {
      kind: 'fix',
      file: positional[0]!,
      apply: booleans.has('--apply'),
      only: values.get('--only'),
      check: common,
    };
  }
  if (booleans.has('--apply')) return usageError('--apply applies to fix only');
  if (positional.length === 0) return usageError('check needs at least one FILE');
  return {
    kind: 'check',
    files: positional,
    format,
    logPath: values.get('--log'),
    failOnUnmodeled: booleans.has('--fail-on-unmodeled'),
    ...common,
  };
}

function usageError(message: string): Command {
  return { kind: 'usageError', message };
}

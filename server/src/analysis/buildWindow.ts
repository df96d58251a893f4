/**
 * Which tt-metal builds a dump was compiled for: from a user's date, or inferred from the tt-mlir syntax the dump
 * was printed in. tt-mlir pins one tt-metal commit and uplifts it every few days, so a syntax that appeared or vanished
 * on a tt-mlir date bounds the tt-metal build too (allowing `UPLIFT_LAG_DAYS` for the pin to trail tt-mlir).
 *
 * Syntax dates: shared/reference/ttnn-ir-syntax.md (timeline, tt-mlir PR and commit per change).
 */

import {
  FULL_WINDOW,
  IsoDate,
  NEWEST_MODELED_BUILD,
  OLDEST_MODELED_BUILD,
  TtMetalWindow,
  dayBefore,
  windowForDate,
} from '../estimate/changePoints';

/** `configured`: --tt-metal-date / ttnnL1.ttMetalDate (or the older era alias); `dump`: inferred from its syntax. */
export type BuildWindowSource = 'configured' | 'dump' | 'none';

export interface ResolvedBuildWindow {
  readonly window: TtMetalWindow;
  readonly source: BuildWindowSource;
  /** How the window was found: the date given, or the syntax evidence. */
  readonly how: string;
}

/** How far tt-mlir's pinned tt-metal may trail the tt-mlir commit that printed a dump. */
const UPLIFT_LAG_DAYS = 21;

interface SyntaxClue {
  /** Cheap test on the text (indexOf / a small regex). */
  readonly present: (text: string) => boolean;
  /** tt-mlir date from which the syntax is printed. */
  readonly since?: IsoDate;
  /** tt-mlir date from which the syntax is no longer printed. */
  readonly until?: IsoDate;
  /** Whether its absence says anything: only for syntax every pipeline dump of its time prints. */
  readonly absenceMeansBefore: boolean;
  readonly name: string;
  readonly source: string;
}

const has =
  (needle: string) =>
  (text: string): boolean =>
    text.includes(needle);

/** Ordered oldest first. `absenceMeansBefore` clues are used only for printed pipeline dumps (with a device module). */
const CLUES: readonly SyntaxClue[] = [
  {
    name: '`ttcore.` dialect prefix',
    present: has('ttcore.'),
    since: '2025-06-17',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #3772 (820a520)',
  },
  {
    name: '`tt.` dialect prefix (`#tt.system_desc`, `!tt.tile`)',
    present: (t) => /[#!]tt\.(system_desc|tile|device)/.test(t),
    until: '2025-06-17',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #3772 (820a520)',
  },
  {
    name: '`dst_physical_size_tiles` in the system desc',
    present: has('dst_physical_size_tiles'),
    since: '2025-10-08',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #5206',
  },
  {
    name: '`tt.function_type` function attributes',
    present: has('tt.function_type'),
    since: '2026-01-19',
    absenceMeansBefore: true,
    source: 'tt-mlir PR #6502 (0f5e303)',
  },
  // An op is printed only from the tt-mlir commit that added it.
  {
    name: '`ttnn.distributed_rms_norm` ops',
    present: has('"ttnn.distributed_rms_norm"'),
    since: '2026-02-19',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #7022 (01230fd)',
  },
  {
    name: 'grid maps printed as `virt_to_physical_map = …`',
    present: has('virt_to_physical_map'),
    since: '2026-03-27',
    until: '2026-05-06',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #7662 (43f52bd), PR #8127 (0ca2e3d)',
  },
  {
    name: '`ttnn.all_to_all_dispatch_metadata` ops',
    present: has('"ttnn.all_to_all_dispatch_metadata"'),
    since: '2026-04-15',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #7942 (ad0ae4f)',
  },
  {
    name: '`dram_grid` in the chip desc',
    present: has('dram_grid'),
    since: '2026-04-28',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #8146',
  },
  {
    name: '`core_ranges` in sharded layouts',
    present: has('core_ranges'),
    since: '2026-05-06',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #8127 (0ca2e3d)',
  },
  {
    name: '`memory_config` op attributes',
    present: (t) => /\bmemory_config = #ttnn\.memory_config/.test(t),
    until: '2026-05-16',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #7548 (b49cc6d)',
  },
  {
    name: '`ttnn.to_tensor_spec` ops',
    present: has('"ttnn.to_tensor_spec"'),
    since: '2026-07-31',
    absenceMeansBefore: false,
    source: 'tt-mlir PR #9065 (3fff830)',
  },
];

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The window a user-given date names, or an error message. `auto` is not a date: callers infer instead. */
export function explicitWindow(dateText: string): ResolvedBuildWindow | string {
  const window = windowForDate(dateText);
  if (window === undefined) return `tt-metal date must be YYYY-MM or YYYY-MM-DD (got "${dateText}")`;
  return {
    window,
    source: 'configured',
    how: `tt-metal ${dateText}, as configured (--tt-metal-date / ttnnL1.ttMetalDate)`,
  };
}

/**
 * Infer the build window from the dump's syntax. Presence of a syntax bounds the window on the side it dates;
 * absence counts only for syntax every printed pipeline dump of its time carries (the dump has a device module).
 */
export function inferBuildWindow(text: string): ResolvedBuildWindow {
  let earliest = OLDEST_MODELED_BUILD;
  let latest = NEWEST_MODELED_BUILD;
  const evidence: string[] = [];
  const pipelineDump = text.includes('device_module');
  // Presence first; an absence that contradicts what is present is ignored (absence is the weaker evidence).
  for (const clue of CLUES) {
    if (!clue.present(text)) continue;
    if (clue.since !== undefined && addDays(clue.since, -UPLIFT_LAG_DAYS) > earliest) {
      earliest = addDays(clue.since, -UPLIFT_LAG_DAYS);
      evidence.push(`${clue.name} (since ${clue.since}, ${clue.source})`);
    }
    if (clue.until !== undefined && dayBefore(clue.until) < latest) {
      latest = dayBefore(clue.until);
      evidence.push(`${clue.name} (until ${clue.until}, ${clue.source})`);
    }
  }
  for (const clue of CLUES) {
    if (!clue.absenceMeansBefore || !pipelineDump || clue.since === undefined || clue.present(text)) continue;
    const before = dayBefore(clue.since);
    if (before < latest && before >= earliest) {
      latest = before;
      evidence.push(`no ${clue.name} (printed since ${clue.since}, ${clue.source})`);
    }
  }
  if (earliest < OLDEST_MODELED_BUILD) earliest = OLDEST_MODELED_BUILD;
  if (latest > NEWEST_MODELED_BUILD) latest = NEWEST_MODELED_BUILD;
  if (evidence.length === 0 || earliest > latest) {
    const why = earliest > latest ? 'contradictory syntax clues' : 'no dated syntax in the file';
    return {
      window: FULL_WINDOW,
      source: 'none',
      how: `any tt-metal build ${OLDEST_MODELED_BUILD}..${NEWEST_MODELED_BUILD} (${why})`,
    };
  }
  return { window: { earliest, latest }, source: 'dump', how: `from the dump's syntax: ${evidence.join('; ')}` };
}

/**
 * Settings `ttnnL1.*` read from the client (workspace/configuration, else initializationOptions) and validated
 * into the plain options the core takes. Settings are never stored in globals: each document analysis gets them.
 */

import type { AnalysisSettings, NotReachedSeverity } from '../features/documentAnalysis';
import { DEFAULT_ANALYSIS_SETTINGS } from '../features/documentAnalysis';
import type { InlayHintOptions } from '../features/inlayHints';

export const SETTINGS_SECTION = 'ttnnL1';

export interface ServerSettings {
  /** `ttnnL1.enable`: false turns every feature off (documents still sync). */
  readonly enable: boolean;
  /** `ttnnL1.backgroundAnalysisMB`: documents larger than this (in millions of characters) are analysed in a worker thread. */
  readonly backgroundAnalysisMB: number;
  readonly analysis: AnalysisSettings;
  /** `ttnnL1.inlayHints.position` / `.verbosity`. */
  readonly inlayHints: InlayHintOptions;
}

// Below this, edits take the in-process incremental path (~0.75 s of server work per keystroke on the 22 MB, 100k-op
// bench file, after a ~2.5 s first analysis); a worker re-analyses from scratch on every version, so it only pays off
// for documents whose analysis would stall other documents for many seconds (31 MB: ~5 s).
const DEFAULT_BACKGROUND_ANALYSIS_MB = 32;

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  enable: true,
  backgroundAnalysisMB: DEFAULT_BACKGROUND_ANALYSIS_MB,
  analysis: DEFAULT_ANALYSIS_SETTINGS,
  inlayHints: { position: 'opName', verbosity: 'short' },
};

const SEVERITIES: readonly NotReachedSeverity[] = ['error', 'warning', 'information', 'hint'];

/** Validates a raw `ttnnL1` settings object; anything missing or malformed keeps its default. */
export function parseSettings(raw: unknown): ServerSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_ANALYSIS_SETTINGS;
  const base = o['l1UnreservedBase'];
  const l1Small = o['l1SmallSize'];
  const cap = o['usableL1Cap'];
  const severity = o['notReachedSeverity'];
  const backgroundMB = o['backgroundAnalysisMB'];
  return {
    enable: typeof o['enable'] === 'boolean' ? o['enable'] : true,
    backgroundAnalysisMB:
      typeof backgroundMB === 'number' && Number.isFinite(backgroundMB) && backgroundMB >= 0
        ? backgroundMB
        : DEFAULT_BACKGROUND_ANALYSIS_MB,
    analysis: {
      arch: typeof o['arch'] === 'string' && o['arch'] !== '' ? o['arch'] : d.arch,
      l1UnreservedBase: typeof base === 'number' && Number.isInteger(base) && base > 0 ? base : undefined,
      l1SmallSizeBytes: typeof l1Small === 'number' && Number.isInteger(l1Small) && l1Small >= 0 ? l1Small : undefined,
      usableL1Cap: typeof cap === 'number' && cap > 0 && cap <= 1 ? cap : d.usableL1Cap,
      ttMetalDate: typeof o['ttMetalDate'] === 'string' && o['ttMetalDate'] !== '' ? o['ttMetalDate'] : d.ttMetalDate,
      ttMetalEra: typeof o['ttMetalEra'] === 'string' && o['ttMetalEra'] !== '' ? o['ttMetalEra'] : d.ttMetalEra,
      notReachedSeverity:
        typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)
          ? (severity as NotReachedSeverity)
          : d.notReachedSeverity,
      noModelInfo: typeof o['noModelInfo'] === 'boolean' ? o['noModelInfo'] : d.noModelInfo,
    },
    inlayHints: inlayHintSettings(o['inlayHints']),
  };
}

/**
 * Whether two parsed settings say the same. Both come from `parseSettings` (plain data built in one order), so their
 * JSON is equal exactly when they are.
 */
export function sameSettings(a: ServerSettings, b: ServerSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `ttnnL1.inlayHints` arrives as a nested object (`{ position, verbosity }`) from VS Code's configuration. */
function inlayHintSettings(raw: unknown): InlayHintOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SERVER_SETTINGS.inlayHints;
  return {
    position: o['position'] === 'end' || o['position'] === 'opName' ? o['position'] : d.position,
    verbosity: o['verbosity'] === 'full' || o['verbosity'] === 'short' ? o['verbosity'] : d.verbosity,
  };
}

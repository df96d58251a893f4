/** CLI flags → the same AnalysisSettings the language server builds from `ttnnL1.*` settings. */

import type { CheckCommand } from './args';
import { readAuxiliaryFile } from './files';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../features';

export type SettingsResult =
  { readonly kind: 'ok'; readonly settings: AnalysisSettings } | { readonly kind: 'unusable'; readonly reason: string };

type CheckFlags = Pick<
  CheckCommand,
  'arch' | 'systemDescPath' | 'l1UnreservedBase' | 'l1SmallSizeBytes' | 'usableL1Cap' | 'era' | 'ttMetalDate'
>;

export function settingsFromCommand(flags: CheckFlags): SettingsResult {
  let systemDescText: string | undefined;
  if (flags.systemDescPath !== undefined) {
    const source = readAuxiliaryFile(flags.systemDescPath);
    if (source.kind === 'unusable') {
      return {
        kind: 'unusable',
        reason: `--system-desc: ${source.reason} (binary .ttsys flatbuffers are not read; pass a text file containing #ttcore.system_desc<...>)`,
      };
    }
    const found = /#(?:ttcore|tt)\.system_desc</.exec(source.text);
    if (found === null) {
      return {
        kind: 'unusable',
        reason: `--system-desc: ${flags.systemDescPath} contains no #ttcore.system_desc<...> attribute`,
      };
    }
    systemDescText = source.text;
  }
  return {
    kind: 'ok',
    settings: {
      ...DEFAULT_ANALYSIS_SETTINGS,
      arch: flags.arch ?? DEFAULT_ANALYSIS_SETTINGS.arch,
      l1UnreservedBase: flags.l1UnreservedBase,
      l1SmallSizeBytes: flags.l1SmallSizeBytes,
      usableL1Cap: flags.usableL1Cap ?? DEFAULT_ANALYSIS_SETTINGS.usableL1Cap,
      ttMetalDate: flags.ttMetalDate ?? DEFAULT_ANALYSIS_SETTINGS.ttMetalDate,
      ttMetalEra: flags.era ?? DEFAULT_ANALYSIS_SETTINGS.ttMetalEra,
      systemDescText,
    },
  };
}

/** `ttnn-l1 check FILE --log LOG`: reads the log and turns the shared runtime-log findings into report fields. */

import { readAuxiliaryFile } from './files';
import type { ObservedReport } from './report';
import { runtimeLogFindings as findingsFor, type DocumentAnalysis, type Diagnostic } from '../features';

export type CliLogFindings =
  | {
      readonly kind: 'ok';
      readonly summary: string;
      readonly diagnostics: readonly Diagnostic[];
      /** Keyed `function/opIndex`, as FileReport expects. */
      readonly observed: Map<string, ObservedReport>;
    }
  | { readonly kind: 'unusable'; readonly reason: string };

export function runtimeLogFindings(logPath: string, doc: DocumentAnalysis): CliLogFindings {
  const source = readAuxiliaryFile(logPath);
  if (source.kind === 'unusable') return { kind: 'unusable', reason: `--log: ${source.reason}` };
  const findings = findingsFor(doc, source.text, logPath);
  const observed = new Map<string, ObservedReport>();
  for (const seen of findings.observed) {
    const entry = doc.opsByStart.get(seen.op.range.start);
    if (entry === undefined) continue;
    const key = `${entry.fn.fn.name}/${entry.op.index}`;
    if (seen.kind === 'completed') {
      const c = seen.comparison;
      observed.set(key, { message: c.kind === 'contradiction' ? c.text : 'ran to completion' });
      continue;
    }
    const c = seen.comparison;
    if (c.kind !== 'compared') {
      observed.set(key, { message: c.text });
      continue;
    }
    observed.set(key, {
      message: c.text,
      cbRegionEndBytes: c.observedBytes,
      differenceBytes: c.deltaBytes,
      ...(c.suggestedL1UnreservedBase !== undefined && { suggestedL1UnreservedBase: c.suggestedL1UnreservedBase }),
    });
  }
  return { kind: 'ok', summary: findings.summary, diagnostics: findings.diagnostics, observed };
}

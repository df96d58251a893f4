/**
 * A dump's L1 failures shown in the Python model source its `loc`s name: for each Error or Warning that links to a
 * source line (the related information "Python source of %9 …", only ever made for files inside the workspace), a
 * diagnostic on that line of that file, linking back to the op. Kept per dump, merged per source file, so a dump that
 * changes withdraws exactly what it said. A dump closed as saved keeps them until its file changes or goes on disk
 * (server.ts); one closed with unsaved edits withdraws them.
 */

import * as lsp from 'vscode-languageserver/node';

const WHOLE_LINE = 10_000;

/** Related-information messages that name a source line (features/diagnostics.ts words them this way). */
const SOURCE_LINE = /^Python source of /;

/** The source-file diagnostics one dump's diagnostics imply, by source-file URI. */
export function sourceLineDiagnostics(
  dumpUri: string,
  dumpDiagnostics: readonly lsp.Diagnostic[],
): Map<string, lsp.Diagnostic[]> {
  const byFile = new Map<string, lsp.Diagnostic[]>();
  const dumpName = dumpUri.split('/').pop() ?? dumpUri;
  for (const d of dumpDiagnostics) {
    if (d.severity !== lsp.DiagnosticSeverity.Error && d.severity !== lsp.DiagnosticSeverity.Warning) continue;
    for (const rel of d.relatedInformation ?? []) {
      if (!SOURCE_LINE.test(rel.message) || rel.location.uri === dumpUri) continue;
      const headline = (typeof d.message === 'string' ? d.message : d.message.value).split('\n')[0]!;
      const list = byFile.get(rel.location.uri) ?? [];
      // The whole source line (a `loc` names a line, its column is often 0): past the end is clamped (LSP 3.17).
      const line = rel.location.range.start.line;
      list.push({
        range: { start: { line, character: 0 }, end: { line, character: WHOLE_LINE } },
        severity: d.severity,
        source: d.source,
        ...(d.code !== undefined ? { code: d.code } : {}),
        message: `${dumpName}: ${headline}`,
        relatedInformation: [{ location: { uri: dumpUri, range: d.range }, message: `the op in ${dumpName}` }],
      });
      byFile.set(rel.location.uri, list);
    }
  }
  return byFile;
}

/** What each dump last said about each source file; `update` returns the source files whose merged list changed. */
export class SourceDiagnostics {
  private readonly byDump = new Map<string, Map<string, lsp.Diagnostic[]>>();

  update(dumpUri: string, dumpDiagnostics: readonly lsp.Diagnostic[] | undefined): string[] {
    const before = this.byDump.get(dumpUri) ?? new Map<string, lsp.Diagnostic[]>();
    const after =
      dumpDiagnostics === undefined
        ? new Map<string, lsp.Diagnostic[]>()
        : sourceLineDiagnostics(dumpUri, dumpDiagnostics);
    if (after.size === 0) this.byDump.delete(dumpUri);
    else this.byDump.set(dumpUri, after);
    const touched = new Set([...before.keys(), ...after.keys()]);
    return [...touched].filter(
      (file) => JSON.stringify(before.get(file) ?? []) !== JSON.stringify(after.get(file) ?? []),
    );
  }

  /** Whether a dump currently says anything about a source file. */
  has(dumpUri: string): boolean {
    return this.byDump.has(dumpUri);
  }

  /** Every dump's diagnostics for one source file. */
  forFile(fileUri: string): lsp.Diagnostic[] {
    const out: lsp.Diagnostic[] = [];
    for (const files of this.byDump.values()) out.push(...(files.get(fileUri) ?? []));
    return out;
  }
}

/**
 * `ttnn-l1 fix FILE [--apply] [--only TEXT]`: the verified quick fixes for the op tt-metal throws at first, printed as
 * a unified diff (the preferred fix, or the first whose id or title contains TEXT); `--apply` writes the files.
 * A fix that rests on an unproven assumption (`Fix.assumes`) is never chosen without `--only`.
 */

import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import type { FixCommand } from './args';
import { readAuxiliaryFile, readSourceFile } from './files';
import { EXIT_OK, EXIT_OVERFLOW, EXIT_UNUSABLE_INPUT } from './report';
import { settingsFromCommand } from './settings';
import {
  analyzeDocument,
  applyFix,
  fixesForFirstFailure,
  hasMlirOperations,
  notMlirReason,
  verdictText,
  type Fix,
} from '../features';
import { cliWorkspaceRoots, sourcePaths } from '../host/sourcePaths';

export function runFix(command: FixCommand): number {
  const settings = settingsFromCommand(command.check);
  if (settings.kind === 'unusable') return fail(settings.reason);
  const source = readSourceFile(command.file);
  if (source.kind === 'unusable') return fail(source.reason);
  const doc = analyzeDocument(source.text, settings.settings);
  // The same verdict as `check`: text that is not MLIR is unusable input, not "nothing to fix".
  if (!hasMlirOperations(doc.parse)) return fail(`${command.file}: ${notMlirReason(source.text)}`);
  // Python sources resolve relative to the dump, inside the CLI's workspace (host/sourcePaths.ts), never by a search.
  const sources = sourcePaths(command.file, cliWorkspaceRoots(command.file, process.cwd()));
  const found = fixesForFirstFailure(doc, { pythonFiles: (suffix) => sources.readSuffix(suffix) });
  if (found === undefined) {
    // The file's verdict words unmodeled ops too: never "no op overflows" while one has no L1 model.
    process.stdout.write(`${command.file}: ${verdictText(doc.analysis)}; nothing to fix\n`);
    return EXIT_OK;
  }
  const { result } = found;
  const opText = `${found.functionName} op ${found.opIndex}`;
  if (result.fixes.length === 0) {
    // The same words the editor shows on its disabled code action.
    const why =
      result.noFixReason ??
      `No verified fix: ${result.layoutReason ?? result.rejected.map((r) => `${r.title}: ${r.reason}`).join('; ')}`;
    process.stderr.write(`ttnn-l1: ${opText}: ${why}\n`);
    return EXIT_OVERFLOW;
  }
  process.stderr.write(`verified fixes for ${opText}:\n`);
  for (const fix of result.fixes)
    process.stderr.write(
      `  ${fix.isPreferred ? '*' : fix.assumes !== undefined ? '?' : '-'} ${fix.id}: ${fix.title}\n`,
    );

  const chosen = pickFix(result.fixes, command.only);
  if (chosen === undefined && command.only === undefined) {
    // Never by default: a fix that rests on an unproven assumption changes values if the assumption is wrong.
    process.stderr.write(
      `ttnn-l1: no fix is ${command.apply ? 'applied' : 'shown'} by default: every verified fix rests on an assumption the IR does not prove (${result.fixes[0].assumes}); pick one with --only ID\n`,
    );
    return EXIT_OVERFLOW;
  }
  if (chosen === undefined) return fail(`no fix matches --only ${command.only}`);
  const changes = changedFiles(command.file, source.text, chosen);
  if (changes === undefined) return fail(`fix ${chosen.id} could not be applied`);
  for (const change of changes) {
    process.stdout.write(createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before, change.after));
    if (command.apply) fs.writeFileSync(change.path, change.after);
  }
  process.stderr.write(`${command.apply ? 'applied' : 'would apply'} ${chosen.id}: ${chosen.verification.summary}\n`);
  return EXIT_OK;
}

/** `--only TEXT`: the first fix whose id or title contains it; by default the preferred fix, never one that assumes. */
function pickFix(fixes: readonly Fix[], only: string | undefined): Fix | undefined {
  if (only !== undefined) return fixes.find((f) => f.id.includes(only) || f.title.includes(only));
  return fixes.find((f) => f.isPreferred && f.assumes === undefined) ?? fixes.find((f) => f.assumes === undefined);
}

interface FileChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

function changedFiles(file: string, text: string, fix: Fix): FileChange[] | undefined {
  const uris = [...new Set(fix.edits.map((e) => e.uri))];
  const changes: FileChange[] = [];
  for (const uri of uris) {
    const filePath = uri === 'self' ? file : uri;
    const before = uri === 'self' ? text : readPython(filePath);
    if (before === undefined) return undefined;
    const after = applyFix(before, fix, uri);
    if (after === undefined) return undefined;
    changes.push({ path: filePath, before, after });
  }
  return changes;
}

function readPython(filePath: string): string | undefined {
  const source = readAuxiliaryFile(filePath);
  return source.kind === 'text' ? source.text : undefined;
}

function fail(reason: string): number {
  process.stderr.write(`ttnn-l1: ${reason}\n`);
  return EXIT_UNUSABLE_INPUT;
}

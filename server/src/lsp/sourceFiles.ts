/** The source files a `loc` names, for one document: host/sourcePaths.ts's rules with URIs in and out. */

import { URI } from 'vscode-uri';
import type { PythonFile } from '../features';
import { sourcePaths, type SourcePaths } from '../host/sourcePaths';
import type { SourceFileResolver } from './toProto';

function pathsFor(documentUri: string, workspaceFolderUris: readonly string[]): SourcePaths {
  const doc = URI.parse(documentUri);
  const roots = workspaceFolderUris
    .map((u) => URI.parse(u))
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath);
  return sourcePaths(doc.scheme === 'file' ? doc.fsPath : undefined, roots);
}

/** Links to the files a document's `loc`s name: only files inside the workspace; otherwise the reason, for the message. */
export function sourceFileResolver(documentUri: string, workspaceFolderUris: readonly string[]): SourceFileResolver {
  const paths = pathsFor(documentUri, workspaceFolderUris);
  // Once per file name: every op of a dump names the same few files, and the URI text costs microseconds to make
  // (17.6k related links to one model.py at 100k ops).
  const resolved = new Map<string, ReturnType<SourceFileResolver>>();
  return (file: string) => {
    let target = resolved.get(file);
    if (target === undefined) {
      const where = paths.locate(file);
      target = where.kind === 'inside' ? { uri: URI.file(where.path).toString() } : { unlinked: where.reason };
      resolved.set(file, target);
    }
    return target;
  };
}

/** Finds workspace files by path suffix for the Python `F.pad` fix; remembers what it read (for edit positions). */
export interface WorkspaceFileFinder {
  readonly find: (pathSuffix: string) => PythonFile | undefined;
  /** Text of a file `find` returned, by its path. */
  readonly textOf: (filePath: string) => string | undefined;
}

export function workspaceFileFinder(workspaceFolderUris: readonly string[], documentUri: string): WorkspaceFileFinder {
  const paths = pathsFor(documentUri, workspaceFolderUris);
  return { find: (suffix) => paths.readSuffix(suffix), textOf: (p) => paths.textOf(p) };
}

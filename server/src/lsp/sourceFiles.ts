/** Resolves the file a `loc("path.py":16:0)` names to a URI: absolute as is, relative against the workspace folders. */

import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { PythonFile } from '../fixes';
import type { SourceFileResolver } from './toProto';

/**
 * A resolver for one document. Relative paths try each workspace folder, then the document's folder; the first
 * existing file wins, else the first workspace folder (the link still says where the source would be).
 */
export function sourceFileResolver(documentUri: string, workspaceFolderUris: readonly string[]): SourceFileResolver {
  const docUri = URI.parse(documentUri);
  const roots = workspaceFolderUris.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  if (docUri.scheme === 'file') roots.push(path.dirname(docUri.fsPath));
  // One answer per file name for this resolver's life (one publish): dumps name the same model file on every op.
  const resolved = new Map<string, string | undefined>();
  const resolve = (file: string): string | undefined => {
    if (file === '' || file.includes('\0')) return undefined;
    if (path.isAbsolute(file)) return URI.file(file).toString();
    for (const root of roots) {
      const candidate = path.join(root, file);
      if (fs.existsSync(candidate)) return URI.file(candidate).toString();
    }
    const first = roots[0];
    return first === undefined ? undefined : URI.file(path.join(first, file)).toString();
  };
  return (file: string) => {
    if (!resolved.has(file)) resolved.set(file, resolve(file));
    return resolved.get(file);
  };
}

/** Finds workspace files by path suffix for the Python `F.pad` fix; remembers what it read (for edit positions). */
export interface WorkspaceFileFinder {
  readonly find: (pathSuffix: string) => PythonFile | undefined;
  /** Text of a file `find` returned, by its path. */
  readonly textOf: (filePath: string) => string | undefined;
}

// Source files worth editing are small; anything larger is not the model script we look for.
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/**
 * Roots tried in order: the document's folder and its ancestors inside a workspace folder (a `loc` path is often
 * relative to somewhere above the .mlir), then the workspace folders themselves.
 */
export function workspaceFileFinder(workspaceFolderUris: readonly string[], documentUri: string): WorkspaceFileFinder {
  const folders = workspaceFolderUris.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  const roots: string[] = [];
  const doc = URI.parse(documentUri);
  if (doc.scheme === 'file') {
    let dir = path.dirname(doc.fsPath);
    roots.push(dir);
    for (let i = 0; i < 16 && folders.some((f) => dir !== f && dir.startsWith(f + path.sep)); i++) {
      dir = path.dirname(dir);
      roots.push(dir);
    }
  }
  for (const f of folders) if (!roots.includes(f)) roots.push(f);
  const read = new Map<string, string>();
  return {
    find(pathSuffix: string): PythonFile | undefined {
      if (pathSuffix === '' || pathSuffix.includes('\0') || path.isAbsolute(pathSuffix)) return undefined;
      for (const root of roots) {
        const candidate = path.join(root, pathSuffix);
        // Inside the root itself: a bare prefix test let `../ws-other/x.py` from root `/a/ws` read `/a/ws-other/x.py`.
        if (!candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) continue;
        try {
          if (fs.statSync(candidate).size > MAX_SOURCE_BYTES) continue;
          const text = fs.readFileSync(candidate, 'utf8');
          read.set(candidate, text);
          return { path: candidate, text };
        } catch {
          continue;
        }
      }
      return undefined;
    },
    textOf: (filePath) => read.get(filePath),
  };
}

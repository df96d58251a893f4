/**
 * Where a source file named by a `loc("path.py":16:0)` is, for the language server (related-information links, the
 * Python quick fix) and the CLI (`ttnn-l1 fix`): one set of rules for both.
 *
 * - Relative names are tried against the dump's own directory, then each ancestor of it up to the workspace root that
 *   holds it (a `loc` path is often relative to somewhere above the .mlir), then each workspace root; then the same
 *   for ever shorter tails of the name (`tests/models/m/a.py`, `models/m/a.py`, ..., `a.py`: dumps name the path on
 *   the machine that compiled them). The first file that exists wins; the current directory plays no part.
 * - A candidate counts only if its real path (symlinks resolved) lies inside a workspace root's real path: `..`, an
 *   absolute name elsewhere, or a symlink in the workspace pointing outside it is never linked, read or written.
 * - Only regular files are read, through the shared open-input routine (size-capped, bounded read).
 *
 * The workspace is the editor's workspace folders; for the CLI it is the current directory when the dump lies inside
 * it, else the dump's own directory (`cliWorkspaceRoots`); an editor without workspace folders gets the dump's directory too.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PythonFile } from '../fixes';
import { pathSuffixes } from '../fixes/pythonPad';
import { readInputText } from './openInput';

/** Where a named file is: inside the workspace (its real path), or why it is not used. */
export type LocatedSource =
  { readonly kind: 'inside'; readonly path: string } | { readonly kind: 'outside'; readonly reason: string };

export interface SourcePaths {
  /** The file a `loc` names, if it exists inside the workspace. */
  locate(file: string): LocatedSource;
  /** The Python fix's lookup by path suffix (`a/b/c.py`): the file's real path and text, read once. */
  readSuffix(pathSuffix: string): PythonFile | undefined;
  /** Text of a file `readSuffix` returned, by its path. */
  textOf(filePath: string): string | undefined;
}

// Source files worth editing are small; anything larger is not the model script a fix looks for.
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
// Ancestors of the dump's directory tried at most.
const MAX_ANCESTORS = 16;

function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function isInside(child: string, root: string): boolean {
  return child === root || child.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The source-path rules for one dump. `dumpPath` is the .mlir's file path (undefined for an unsaved document);
 * `workspaceRoots` are directories.
 */
export function sourcePaths(dumpPath: string | undefined, workspaceRoots: readonly string[]): SourcePaths {
  const given =
    workspaceRoots.length > 0 ? workspaceRoots : dumpPath !== undefined ? [path.dirname(path.resolve(dumpPath))] : [];
  const roots = given.map((r) => realpathOrUndefined(path.resolve(r))).filter((r): r is string => r !== undefined);
  const searchDirs: string[] = [];
  if (dumpPath !== undefined) {
    const dumpDir = realpathOrUndefined(path.dirname(path.resolve(dumpPath)));
    if (dumpDir !== undefined && roots.some((r) => isInside(dumpDir, r))) {
      let dir = dumpDir;
      searchDirs.push(dir);
      for (let i = 0; i < MAX_ANCESTORS && roots.some((r) => dir !== r && isInside(dir, r)); i++) {
        dir = path.dirname(dir);
        searchDirs.push(dir);
      }
    }
  }
  for (const r of roots) if (!searchDirs.includes(r)) searchDirs.push(r);

  const inWorkspace = (candidate: string): string | undefined => {
    const real = realpathOrUndefined(candidate);
    return real !== undefined && roots.some((r) => isInside(real, r)) ? real : undefined;
  };

  const located = new Map<string, LocatedSource>();
  const locateOnce = (file: string): LocatedSource => {
    if (file === '' || file.includes('\0')) return { kind: 'outside', reason: 'not a file name' };
    if (path.isAbsolute(file)) {
      const real = inWorkspace(file);
      if (real !== undefined) return { kind: 'inside', path: real };
      return { kind: 'outside', reason: fs.existsSync(file) ? 'outside the workspace (not linked)' : 'not found' };
    }
    let escaped = false;
    for (const tail of pathSuffixes(file)) {
      for (const dir of searchDirs) {
        const candidate = path.join(dir, tail);
        // Lexically inside the directory tried: `../x` from a dump never reaches a sibling folder.
        if (!isInside(candidate, dir)) continue;
        if (!fs.existsSync(candidate)) continue;
        const real = inWorkspace(candidate);
        if (real !== undefined) return { kind: 'inside', path: real };
        escaped = true;
      }
    }
    return {
      kind: 'outside',
      reason: escaped
        ? 'resolves outside the workspace through a symbolic link (not linked)'
        : 'not found in the workspace',
    };
  };

  const locate = (file: string): LocatedSource => {
    let hit = located.get(file);
    if (hit === undefined) located.set(file, (hit = locateOnce(file)));
    return hit;
  };
  const read = new Map<string, string>();
  return {
    locate,
    readSuffix(pathSuffix: string): PythonFile | undefined {
      if (path.isAbsolute(pathSuffix)) return undefined;
      const where = locate(pathSuffix);
      if (where.kind !== 'inside') return undefined;
      const known = read.get(where.path);
      if (known !== undefined) return { path: where.path, text: known };
      const text = readInputText(where.path, { maxBytes: MAX_SOURCE_BYTES });
      if (text.kind !== 'text') return undefined;
      read.set(where.path, text.text);
      return { path: where.path, text: text.text };
    },
    textOf: (filePath) => read.get(filePath),
  };
}

/**
 * The CLI's workspace: the current directory when the dump lies inside it (a checkout), else the dump's directory
 * (a dump elsewhere is resolved next to itself, never against an unrelated current directory).
 */
export function cliWorkspaceRoots(dumpPath: string, cwd: string): string[] {
  const dumpDir = realpathOrUndefined(path.dirname(path.resolve(cwd, dumpPath)));
  const realCwd = realpathOrUndefined(cwd);
  if (dumpDir === undefined) return realCwd === undefined ? [] : [realCwd];
  return realCwd !== undefined && isInside(dumpDir, realCwd) ? [realCwd] : [dumpDir];
}

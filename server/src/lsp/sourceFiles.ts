/** Resolves the file a `loc("path.py":16:0)` names to a URI: absolute as is, relative against the workspace folders. */

import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { SourceFileResolver } from './toProto';

/**
 * A resolver for one document. Relative paths try each workspace folder, then the document's folder; the first
 * existing file wins, else the first workspace folder (the link still says where the source would be).
 */
export function sourceFileResolver(documentUri: string, workspaceFolderUris: readonly string[]): SourceFileResolver {
  const docUri = URI.parse(documentUri);
  const roots = workspaceFolderUris.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  if (docUri.scheme === 'file') roots.push(path.dirname(docUri.fsPath));
  return (file: string) => {
    if (file === '' || file.includes('\0')) return undefined;
    if (path.isAbsolute(file)) return URI.file(file).toString();
    for (const root of roots) {
      const candidate = path.join(root, file);
      if (fs.existsSync(candidate)) return URI.file(candidate).toString();
    }
    const first = roots[0];
    return first === undefined ? undefined : URI.file(path.join(first, file)).toString();
  };
}

/** The code lines of the server's sources, for tests that pin which files read a field (comment lines left out). */

import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

/** Each `.ts` file under server/src/`dir` (path relative to it) with its lines that are not comment lines. */
export function serverCodeLines(dir: string): { file: string; lines: string[] }[] {
  const root = join(__dirname, '../../server/src', dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({
      file,
      lines: readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line)),
    }));
}

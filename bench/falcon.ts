/**
 * A real dump at benchmark size: the Falcon3-7B decode dump of the corpus (test/fixtures/corpus, tt-mlir a3bafe1,
 * Apache-2.0; see its SOURCE.md) repeated as `// -----` chunks (separate modules, as `--split-input-file` reads them)
 * until it holds about `nOps` TTNN ops.
 */

import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../test/support/lspProcess';

const FALCON_PATH = path.join(
  REPO_ROOT,
  'test/fixtures/corpus/falcon3_chisel/ir/traced/falcon3_7b_baseline_bfp8_decode_ttnn.mlir',
);

export function falconDump(nOps: number): string {
  const one = fs.readFileSync(FALCON_PATH, 'utf8');
  const opsPerCopy = one.match(/^\s+(?:%[\w#:, %]+ = )?"?ttnn\.\w+/gm)?.length ?? 1;
  const copies = Math.max(1, Math.round(nOps / opsPerCopy));
  return Array.from({ length: copies }, () => one).join('\n// -----\n');
}

/** "Is this MLIR?" (mlir/mlirSignal.ts): every real tt-mlir file says yes; text that merely has quotes, dots or `return`s says no. */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasMlirSignal } from '../../../server/src/mlir/mlirSignal';
import { parse } from '../../../server/src/mlir/parser';

const ROOT = path.join(__dirname, '../../..');

function mlirFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...mlirFiles(full));
    else if (entry.name.endsWith('.mlir')) out.push(full);
  }
  return out;
}

describe('mlir/mlirSignal', () => {
  it('every corpus file and the seed example is MLIR', () => {
    const files = [
      ...mlirFiles(path.join(ROOT, 'test/fixtures/corpus')),
      path.join(ROOT, 'examples/mochi_replicate_pad.mlir'),
    ];
    assert.ok(files.length > 40);
    const missed = files.filter((f) => !hasMlirSignal(parse(fs.readFileSync(f, 'utf8'))));
    assert.deepEqual(missed, []);
  });

  const mlir: readonly (readonly [string, string])[] = [
    ['a generic op of any dialect', '"foo.bar"() : () -> ()'],
    ['a generic TTNN op', '%0 = "ttnn.abs"(%a) : (tensor<4xf32>) -> tensor<4xf32>'],
    ['a bare module', 'module {\n}\n'],
    ['a func.func', 'func.func @f() {\n  return\n}\n'],
    ['a file with a syntax error after a clean op', 'func.func @f() {\n  return\n}\n%%% garbage\n'],
  ];
  for (const [what, text] of mlir) it(`MLIR: ${what}`, () => assert.equal(hasMlirSignal(parse(text)), true));

  const notMlir: readonly (readonly [string, string])[] = [
    ['a pair of quotes', '""'],
    ['JSON', '{"name": "x", "version": "1.0", "ttnn.add": 2}'],
    ['Markdown quoting an op', 'Run `%9 = "ttnn.to_layout"` — it fails.\n'],
    [
      'Python with returns and dotted calls',
      'import torch\ndef f(x):\n    return torch.nn.functional.pad(x, (1, 1))\n',
    ],
    ['C', 'int main() { return 0; }\n'],
    ['prose with quoted op names', 'see "ttnn.conv3d" and "func.func" in the docs\n'],
    ['an unknown dialect in custom form', 'vim.api.nvim_create_autocmd(x)\n'],
    ['empty text', ''],
  ];
  for (const [what, text] of notMlir) it(`not MLIR: ${what}`, () => assert.equal(hasMlirSignal(parse(text)), false));
});

/** The Python half of constant padding: only the `mode` argument of the replicate pad call on the loc line changes. */

import { strict as assert } from 'assert';
import { applyEdits } from '../../../server/src/fixes/edits';
import { pathSuffixes, pythonConstantPadEdit } from '../../../server/src/fixes/pythonPad';

function fix(text: string, line: number): string {
  const e = pythonConstantPadEdit(text, line);
  assert.ok(typeof e !== 'string', typeof e === 'string' ? e : '');
  return applyEdits(text, [e])!;
}

describe('fixes/pythonPad', () => {
  it('keyword mode, double quotes: adds value=0', () => {
    assert.equal(
      fix('x = F.pad(x, (1, 1, 2, 0), mode="replicate")\n', 1),
      'x = F.pad(x, (1, 1, 2, 0), mode="constant", value=0)\n',
    );
  });

  it('keeps the quote style and spacing of the rest of the call', () => {
    assert.equal(
      fix("y = torch.nn.functional.pad( x , pads , mode = 'replicate' )", 1),
      "y = torch.nn.functional.pad( x , pads , mode='constant', value=0 )",
    );
  });

  it('positional mode becomes "constant", 0', () => {
    assert.equal(fix('x = F.pad(x, p, "replicate")', 1), 'x = F.pad(x, p, "constant", 0)');
  });

  it('an existing value= stays; only the mode changes', () => {
    assert.equal(fix('x = F.pad(x, p, mode="replicate", value=1.0)', 1), 'x = F.pad(x, p, mode="constant", value=1.0)');
  });

  it('a call spanning lines, starting on the loc line', () => {
    const src = 'a = 1\nx = F.pad(\n    x,\n    self.pad,\n    mode="replicate",\n)\nb = 2\n';
    assert.equal(fix(src, 2), 'a = 1\nx = F.pad(\n    x,\n    self.pad,\n    mode="constant", value=0,\n)\nb = 2\n');
  });

  it('only the replicate call changes when the line has two pad calls', () => {
    const src = 'y = F.pad(a, p, mode="reflect"); x = F.pad(x, p, mode="replicate")';
    assert.equal(fix(src, 1), 'y = F.pad(a, p, mode="reflect"); x = F.pad(x, p, mode="constant", value=0)');
  });

  it('says why when there is nothing to change', () => {
    assert.match(pythonConstantPadEdit('x = F.pad(x, p, mode="reflect")', 1) as string, /no pad/);
    assert.match(pythonConstantPadEdit('x = 1', 5) as string, /no line 5/);
    assert.match(pythonConstantPadEdit('x = F.pad(x, p, mode="replicate"', 1) as string, /no pad/);
  });

  it('asks the workspace for path suffixes, longest first', () => {
    assert.deepEqual(pathSuffixes('tests/torch/models/mochi/single_ops.py'), [
      'tests/torch/models/mochi/single_ops.py',
      'torch/models/mochi/single_ops.py',
      'models/mochi/single_ops.py',
      'mochi/single_ops.py',
      'single_ops.py',
    ]);
  });
});

import * as assert from 'node:assert/strict';
import { generateTtnnModule } from '../../../bench/generate';
import { parse } from '../../../server/src/mlir/parser';
import { nameErrors } from '../../../server/src/mlir/scopes';

describe('bench generator of TTNN files', () => {
  const text = generateTtnnModule({ nOps: 2000, seed: 7 });

  it('is deterministic per seed', () => {
    assert.equal(generateTtnnModule({ nOps: 2000, seed: 7 }), text);
    assert.notEqual(generateTtnnModule({ nOps: 2000, seed: 8 }), text);
  });

  it('emits exactly nOps "ttnn.*" ops (counted line by line)', () => {
    const count = text.split('\n').filter((line) => /^\s*(%\d+ = )?"ttnn\.[a-z_0-9]+"\(/.test(line)).length;
    assert.equal(count, 2000);
  });

  it('looks like a printed pipeline dump: sharded layouts with core ranges, locs after the module', () => {
    assert.match(text, /^#system_desc = #ttcore\.system_desc</m);
    assert.match(text, /<height_sharded>, core_ranges = <\[#ttnn\.core_range<\(0,0\), \(\d+,\d+\)>/);
    assert.match(text, /<block_sharded>/);
    assert.match(text, /"ttnn\.conv2d"/);
    assert.match(text, /"ttnn\.deallocate"/);
    const moduleEnd = text.lastIndexOf('} loc(#loc)');
    assert.match(text.slice(moduleEnd), /^#loc\d+ = loc\("to_layout\.\d+"\(#loc\d+\)\)$/m);
  });

  it('parses and resolves with no errors', () => {
    const result = parse(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(nameErrors(result.file), []);
  });
});

import * as assert from 'node:assert/strict';
import { decodeSource } from '../../../server/src/text/decode';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeSource', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const result = decodeSource(bytes(0xef, 0xbb, 0xbf, 0x25, 0x30));
    assert.deepEqual(result, { kind: 'text', text: '%0', warnings: [] });
  });

  it('rejects binary input and MLIR bytecode with a reason', () => {
    const binary = decodeSource(bytes(0x6d, 0x6f, 0x00, 0x64));
    assert.deepEqual(binary, { kind: 'rejected', reason: 'binary file (NUL byte at offset 2), not MLIR text' });
    const bytecode = decodeSource(bytes(0x4d, 0x4c, 0xef, 0x52, 0x01));
    assert.equal(bytecode.kind, 'rejected');
    assert.match(bytecode.kind === 'rejected' ? bytecode.reason : '', /MLIR bytecode/);
  });

  it('keeps going on invalid UTF-8 with a warning', () => {
    const result = decodeSource(bytes(0x2f, 0x2f, 0xe9, 0x0a));
    assert.equal(result.kind, 'text');
    if (result.kind === 'text') {
      assert.equal(result.text, '//\uFFFD\n');
      assert.equal(result.warnings.length, 1);
    }
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../server/src/mlir/parser';
import { plainTree } from '../../support/plainTree';
import { locationOfAlias, resolveLocation } from '../../../server/src/mlir/locations';
import { occurrenceAt } from '../../../server/src/mlir/occurrences';
import { nameErrors, occurrencesOf } from '../../../server/src/mlir/scopes';
import type { Operation } from '../../../server/src/mlir/syntax';

const text = readFileSync(path.join(__dirname, '../../../examples/mochi_replicate_pad.mlir'), 'utf8');

function allOps(ops: readonly Operation[], out: Operation[] = []): Operation[] {
  for (const op of ops) {
    out.push(op);
    for (const r of op.regions) for (const b of r.blocks) allOps(b.operations, out);
  }
  return out;
}

describe('seed example: mochi_replicate_pad.mlir', () => {
  const result = parse(text);
  const ops = allOps(result.file.chunks[0]?.operations ?? []);
  const ttnn = ops.filter((o) => o.name.startsWith('ttnn.'));

  it('parses into one chunk without errors', () => {
    assert.equal(result.file.chunks.length, 1);
    assert.deepEqual(result.errors, []);
  });

  it('finds the ops of @main_const_eval_0 and @main in order', () => {
    // Read off the file: the const-eval function's get_device and constant (the gather indices), then @main's
    // load_cached (custom form, not ttnn.), get_device, to_layout/permute/reshape/to_layout/embedding/reshape/permute/
    // permute/conv3d/to_layout and 10 deallocates (of %arg2 and of %6..%13, %24: each consumed temporary).
    assert.deepEqual(
      ttnn.filter((o) => o.name !== 'ttnn.deallocate').map((o) => o.name.slice(5)),
      [
        'get_device',
        'constant',
        'get_device',
        'to_layout',
        'permute',
        'reshape',
        'to_layout',
        'embedding',
        'reshape',
        'permute',
        'permute',
        'conv3d',
        'to_layout',
      ],
    );
    assert.equal(ops.filter((o) => o.name === 'ttcore.load_cached').length, 1);
    assert.equal(ttnn.filter((o) => o.name === 'ttnn.deallocate').length, 10);
  });

  it('gives %9 = ttnn.to_layout(%8) -> tensor<4x4884480xbf16, #ttnn_layout6> with exact ranges', () => {
    const op = ops.find((o) => o.results[0]?.name === '%9');
    assert.ok(op);
    const line = '        %9 = "ttnn.to_layout"(%8)';
    const lineAt = text.indexOf(line);
    assert.ok(lineAt > 0);
    const nameAt = lineAt + line.indexOf('"ttnn.to_layout"');
    assert.equal(op.name, 'ttnn.to_layout');
    assert.deepEqual(op.nameRange, { start: nameAt, end: nameAt + '"ttnn.to_layout"'.length });
    assert.deepEqual(plainTree(op.results), [{ name: '%9', count: 1, range: { start: lineAt + 8, end: lineAt + 10 } }]);
    assert.deepEqual(
      op.operands.map((u) => u.name),
      ['%8'],
    );
    const [out] = op.resultTypes;
    assert.ok(out.kind === 'tensor');
    assert.deepEqual(out.shape, [4, 4884480]);
    assert.ok(out.elementType.kind === 'scalar' && out.elementType.name === 'bf16');
    assert.deepEqual(out.encoding && out.encoding.kind === 'attrAlias' && out.encoding.name, '#ttnn_layout6');
    const eol = text.indexOf('\n', lineAt);
    assert.deepEqual(op.range, { start: lineAt + 8, end: eol });
    assert.deepEqual(plainTree(op.location), {
      kind: 'aliasRef',
      name: '#loc7',
      range: { start: eol - 6, end: eol - 1 },
    });
  });

  it('resolves %9 to its uses and #loc7 to aten__index_workaround at single_ops.py:16', () => {
    assert.deepEqual(nameErrors(result.file), []);
    const value = occurrenceAt(result.file, text.indexOf('%9 = '));
    assert.ok(value);
    const references = occurrencesOf(value).filter((o) => !o.isDefinition);
    // Used by the embedding and by its deallocate.
    const usingOps = references.map(
      (r) => ops.find((o) => o.operands.some((u) => u.range.start === r.range.start))?.name,
    );
    assert.deepEqual(usingOps, ['ttnn.embedding', 'ttnn.deallocate']);
    const aliases = result.file.chunks[0]?.aliases ?? [];
    const resolved = resolveLocation({ kind: 'aliasRef', name: '#loc7', range: { start: 0, end: 0 } }, (name) =>
      locationOfAlias(aliases.find((a) => a.name === name)),
    );
    assert.deepEqual(resolved, {
      names: ['aten__index_workaround'],
      fileLineCol: { file: 'tests/torch/models/mochi/single_ops.py', line: 16, column: 0 },
      first: { kind: 'name', name: 'aten__index_workaround' },
      aliasChain: ['#loc7', '#loc2'],
      incomplete: false,
    });
  });
});

/**
 * A matmul with a row-major operand: tt-mlir's runtime hands the pool tensors to ::ttnn::matmul unchanged, bound_matmul
 * does not tilize them, and MatmulDeviceOperation::validate_on_program_cache_miss rejects any non-tile input
 * ("Inputs to matmul must be tilized"; citations in estimate/ops/matmul.ts). The corpus case is the classifier matmul of
 * tools/explorer/test/models/resnet_ttnn.mlir (tt-mlir 17d58da; license note in test/fixtures/corpus/SOURCE.md), whose
 * 1x2048 f32 operand comes from a row-major reshape.
 */

import { strict as assert } from 'assert';
import { estimateOp } from '../../../server/src/estimate/registry';
import { analyzeDocument, DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/features/documentAnalysis';
import { readCorpus } from '../../support/corpus';
import { op, tensor, whContext } from './build';

describe('estimate/matmul with a row-major operand', () => {
  it('is illegal whichever operand is row-major; tiled operands still get a figure', () => {
    const a = (page: 'tile' | 'row_major') => tensor([32, 2048], { dtype: 'f32', page });
    const b = (page: 'tile' | 'row_major') => tensor([2048, 1024], { dtype: 'f32', page });
    for (const [pa, pb] of [
      ['row_major', 'tile'],
      ['tile', 'row_major'],
      ['row_major', 'row_major'],
    ] as const) {
      const r = estimateOp(op('ttnn.matmul', [a(pa), b(pb)], [tensor([32, 1024], { dtype: 'f32' })]), whContext());
      assert.equal(r.kind, 'illegal', `${pa} x ${pb}`);
      assert.equal(r.kind === 'illegal' ? r.rule : '', 'Inputs to matmul must be tilized');
    }
    assert.equal(
      estimateOp(op('ttnn.matmul', [a('tile'), b('tile')], [tensor([32, 1024], { dtype: 'f32' })]), whContext()).kind,
      'estimate',
    );
  });

  it('the row-major classifier matmul of the corpus resnet_ttnn.mlir is flagged illegal', () => {
    const analysis = analyzeDocument(
      readCorpus('tools/explorer/test/models/resnet_ttnn.mlir'),
      DEFAULT_ANALYSIS_SETTINGS,
    ).analysis;
    const matmuls = analysis.functions.flatMap((f) => f.ops).filter((o) => o.op.name === 'ttnn.matmul');
    assert.equal(matmuls.length, 1);
    const e = matmuls[0]!.estimate;
    assert.equal(e.kind, 'illegal');
    assert.match(e.kind === 'illegal' ? e.citation : '', /matmul_device_operation\.cpp/);
  });
});

/**
 * The device mesh an op runs on (ttnn/device.ts DeviceMesh, resolved by ttnn/fromSyntax.ts): its device operand's
 * get_device mesh_shape, else its function's get_device, else the module's ttcore.device meshShape, else unknown; with
 * the range of the text that states it.
 */

import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../../../server/src/mlir/parser';
import { devicesAlongAxis, meshShapeFromText, meshText } from '../../../server/src/ttnn/device';
import { getDeviceMeshAttr, moduleFromSyntax } from '../../../server/src/ttnn/fromSyntax';
import type { TtnnModule, TtnnOp } from '../../../server/src/ttnn/op';
import {
  analyzeAfterEdits,
  analyzeDocument,
  DEFAULT_ANALYSIS_SETTINGS,
  type DocumentAnalysis,
} from '../../../server/src/features/documentAnalysis';
import { LineIndex } from '../../../server/src/text/lineIndex';
import { opBreakdownAt } from '../../../server/src/features/hover';

const FIXTURES = join(__dirname, '../../fixtures');
const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');

function opsOf(m: TtnnModule, fn: string): TtnnOp[] {
  const f = m.functions.find((x) => x.name === fn);
  assert.ok(f !== undefined, fn);
  return [...f.ops];
}

/** `shape source "stated text"` of an op's mesh, or 'none'. */
function meshOf(text: string, op: TtnnOp): string {
  const m = op.mesh;
  if (m === undefined) return 'none';
  return `${m.shape[0]}x${m.shape[1]} ${m.source} "${text.slice(m.range.start, m.range.end)}"`;
}

describe('ttnn/mesh: the device mesh an op runs on', () => {
  const text = read('mesh/mesh_sources.mlir');
  const m = moduleFromSyntax(parse(text));

  it("the module's ttcore.device meshShape when the function has no get_device", () => {
    const [relu] = opsOf(m, '@module_only');
    assert.equal(meshOf(text, relu!), '2x4 module device "2x4"');
  });

  it("the device operand's get_device first; the function's first get_device for every other op, also before it", () => {
    const ops = opsOf(m, '@own_devices');
    const byName = ops.map((o) => `${o.name} ${meshOf(text, o)}`);
    assert.deepEqual(byName, [
      'ttnn.relu 1x8 function get_device "1x8"',
      'ttnn.get_device 1x8 function get_device "1x8"',
      'ttnn.get_device 1x8 function get_device "1x8"',
      'ttnn.to_device 2x2 device operand "2x2"',
      'ttnn.relu 1x8 function get_device "1x8"',
      'func.return 1x8 function get_device "1x8"',
    ]);
  });

  it('an empty meshShape is 1x1 (tt-mlir insertGetDeviceOp), cited at its key; the 2024 tt.device attribute; none', () => {
    assert.equal(meshOf(text, opsOf(m, '@empty_mesh')[0]!), '1x1 module device "meshShape"');
    assert.equal(meshOf(text, opsOf(m, '@old_form')[0]!), '1x2 module device "1x2"');
    assert.equal(meshOf(text, opsOf(m, '@no_mesh')[0]!), 'none');
  });

  it('devices along cluster_axis: 0 counts rows, 1 columns; other axes and unknown meshes have no count', () => {
    const mesh = opsOf(m, '@module_only')[0]!.mesh; // 2x4
    assert.equal(devicesAlongAxis(mesh, 0), 2);
    assert.equal(devicesAlongAxis(mesh, 1), 4);
    assert.equal(devicesAlongAxis(mesh, 2), undefined);
    assert.equal(devicesAlongAxis(undefined, 1), undefined);
    assert.equal(meshText(mesh!), "mesh 2x4 (the module's ttcore.device meshShape)");
  });

  it('mesh texts: RxC, empty is 1x1, a zero side or a non-list is unreadable', () => {
    assert.deepEqual(meshShapeFromText('8x4'), [8, 4]);
    assert.deepEqual(meshShapeFromText(''), [1, 1]);
    assert.equal(meshShapeFromText('0x4'), undefined);
    assert.equal(meshShapeFromText('2x2x2'), undefined);
  });

  it('the corpus dumps: flops_ccl_reduce.mlir runs on its module mesh 1x4; the decomposition test on get_device 1x2', () => {
    const flopsText = read('corpus/test/ttmlir/Dialect/TTNN/perf_targets/flops_ccl_reduce.mlir');
    const flops = moduleFromSyntax(parse(flopsText));
    const reduce = flops.functions[0]!.ops.find((o) => o.name === 'ttnn.all_reduce')!;
    assert.equal(meshOf(flopsText, reduce), '1x4 module device "1x4"');
    const drmsText = read(
      'corpus/test/ttmlir/Dialect/TTNN/Transforms/Decomposition/distributed_rms_norm_decomposition.mlir',
    );
    const drms = moduleFromSyntax(parse(drmsText));
    for (const f of drms.functions)
      for (const o of f.ops)
        if (o.name === 'ttnn.distributed_rms_norm') assert.equal(meshOf(drmsText, o), '1x2 device operand "1x2"');
  });

  it('getDeviceMeshAttr reads mesh_shape and mesh_offset, absent, or unreadable', () => {
    const one = (attrs: string) => {
      const r = parse(`%0 = "ttnn.get_device"() <{${attrs}}> : () -> !ttnn.device`);
      const op = r.file.chunks[0]!.operations[0]!;
      return (name: 'mesh_shape' | 'mesh_offset') => {
        const read = getDeviceMeshAttr(op, name, new Map());
        return read.kind === 'dims' ? read.text : read.kind;
      };
    };
    const both = one('mesh_shape = #ttnn<mesh_shape 2x4>, mesh_offset = #ttnn<mesh_offset 0x1>');
    assert.equal(both('mesh_shape'), '2x4');
    assert.equal(both('mesh_offset'), '0x1');
    assert.equal(one('')('mesh_shape'), 'absent');
    assert.equal(one('mesh_shape = 3 : i32')('mesh_shape'), 'unreadable');
  });

  it("the op's breakdown names its mesh, where it was read and on which line", () => {
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS);
    const at = text.indexOf('"ttnn.to_device"');
    const md = opBreakdownAt(doc, at) ?? '';
    // The get_device that defines %2 is on line 15 of the fixture.
    assert.match(md, /\| device mesh \| mesh 2x2 \(the device operand's get_device mesh_shape\), line 15 \|/);
  });
});

describe('ttnn/mesh: edits of a get_device', () => {
  const text = read('mesh/mesh_sources.mlir');
  /** The editable analysis after inserting `newText` at `at` (undefined: the edit rebuilt the view from the text). */
  function afterEdit(at: number, newText: string): { doc: DocumentAnalysis | undefined; edited: string } {
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    const change = { start: at, end: at, newText };
    const lineIndex = LineIndex.edited(new LineIndex(text), change);
    return { doc: analyzeAfterEdits(doc, [{ change, lineIndex }], DEFAULT_ANALYSIS_SETTINGS), edited: lineIndex.text };
  }
  const getDevice = text.indexOf('%1 = "ttnn.get_device"');

  it("a space in its type list keeps the view (in place) and its function's ops keep their mesh, at the moved text", () => {
    // The space follows the mesh_shape text, which keeps its offsets: read from the op that replaced the get_device.
    const { doc, edited } = afterEdit(text.indexOf(': () -> !ttnn.device', getDevice) + 2, ' ');
    assert.ok(doc !== undefined, 'analysed in place');
    const ops = opsOf(doc.analysis.module, '@own_devices');
    assert.equal(meshOf(edited, ops[0]!), '1x8 function get_device "1x8"');
    assert.equal(
      meshOf(edited, ops[ops.length - 2]!),
      meshOf(text, opsOf(moduleFromSyntax(parse(text)), '@own_devices')[ops.length - 2]!),
    );
  });

  it('an edit before it moves its mesh text with it', () => {
    const { doc, edited } = afterEdit(text.indexOf('"ttnn.relu"', text.indexOf('@own_devices')), ' ');
    assert.ok(doc !== undefined);
    assert.equal(meshOf(edited, opsOf(doc.analysis.module, '@own_devices')[0]!), '1x8 function get_device "1x8"');
  });

  it('a changed mesh_shape rebuilds the view: the ops read the new shape', () => {
    const at = text.indexOf('1x8', getDevice);
    const doc = analyzeDocument(text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    const change = { start: at, end: at + 3, newText: '1x4' };
    const lineIndex = LineIndex.edited(new LineIndex(text), change);
    const after =
      analyzeAfterEdits(doc, [{ change, lineIndex }], DEFAULT_ANALYSIS_SETTINGS) ??
      analyzeDocument(lineIndex.text, DEFAULT_ANALYSIS_SETTINGS, { forEdits: true });
    assert.equal(
      meshOf(lineIndex.text, opsOf(after.analysis.module, '@own_devices')[0]!),
      '1x4 function get_device "1x4"',
    );
  });
});

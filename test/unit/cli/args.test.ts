import * as assert from 'node:assert/strict';
import { parseArgs } from '../../../server/src/cli/args';

describe('cli args', () => {
  it('parses check with every option, in both --flag value and --flag=value forms', () => {
    const command = parseArgs([
      'check',
      'a.mlir',
      'b.mlir',
      '--format',
      'json',
      '--arch=blackhole',
      '--l1-unreserved-base',
      '103712',
      '--l1-small-size=32768',
      '--usable-l1-cap=0.95',
      '--era',
      'sub-block',
      '--log',
      'run.log',
      '--system-desc',
      'sd.ttsys',
    ]);
    assert.deepEqual(command, {
      kind: 'check',
      files: ['a.mlir', 'b.mlir'],
      format: 'json',
      arch: 'blackhole',
      systemDescPath: 'sd.ttsys',
      l1UnreservedBase: 103712,
      l1SmallSizeBytes: 32768,
      usableL1Cap: 0.95,
      era: 'sub-block',
      ttMetalDate: undefined,
      failOnUnmodeled: false,
      logPath: 'run.log',
    });
    const dated = parseArgs(['check', 'a.mlir', '--tt-metal-date=2026-03-19', '--fail-on-unmodeled']);
    assert.equal(dated.kind === 'check' && dated.ttMetalDate, '2026-03-19');
    assert.equal(dated.kind === 'check' && dated.failOnUnmodeled, true);
    assert.equal(parseArgs(['check', 'a.mlir', '--tt-metal-date', 'March']).kind, 'usageError');
    assert.equal(parseArgs(['check', 'a.mlir', '--tt-metal-date', '2026-03', '--era', 'sub-block']).kind, 'usageError');
  });

  it('rejects bad values with a one-line message instead of guessing', () => {
    assert.deepEqual(parseArgs(['check', 'a.mlir', '--format', 'xml']), {
      kind: 'usageError',
      message: '--format must be text, json or sarif',
    });
    assert.equal(parseArgs(['check', 'a.mlir', '--l1-unreserved-base', '-5']).kind, 'usageError');
    assert.equal(parseArgs(['check', 'a.mlir', '--l1-small-size', '64KiB']).kind, 'usageError');
    assert.equal(parseArgs(['check', 'a.mlir', '--usable-l1-cap', '1.5']).kind, 'usageError');
    assert.equal(parseArgs(['check']).kind, 'usageError');
    assert.equal(parseArgs(['check', 'a.mlir', '--bogus']).kind, 'usageError');
    assert.equal(parseArgs(['frobnicate']).kind, 'usageError');
    assert.equal(parseArgs(['check', 'a.mlir', '--apply']).kind, 'usageError');
  });

  it('parses fix', () => {
    const command = parseArgs(['fix', 'a.mlir', '--apply', '--only', 'constant']);
    assert.equal(command.kind, 'fix');
    if (command.kind === 'fix') {
      assert.equal(command.apply, true);
      assert.equal(command.only, 'constant');
      assert.equal(command.file, 'a.mlir');
    }
  });
});

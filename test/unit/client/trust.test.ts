/** client/src/trust.ts: a workspace's `ttnnL1.enable: false` counts only when the workspace is trusted. */

import * as assert from 'node:assert/strict';
import { effectiveEnable, withEffectiveEnable } from '../../../client/src/trust';

describe('client: ttnnL1.enable under workspace trust', () => {
  it('an untrusted workspace cannot turn the analysis off; the ignored value is reported', () => {
    assert.deepEqual(effectiveEnable({ defaultValue: true, workspaceValue: false }, false), {
      enable: true,
      ignoredWorkspaceValue: true,
      offBy: undefined,
    });
    assert.deepEqual(effectiveEnable({ defaultValue: true, workspaceFolderValue: false }, false), {
      enable: true,
      ignoredWorkspaceValue: true,
      offBy: undefined,
    });
  });

  it('a trusted workspace can, and says where it came from', () => {
    assert.deepEqual(effectiveEnable({ defaultValue: true, workspaceValue: false }, true), {
      enable: false,
      ignoredWorkspaceValue: false,
      offBy: 'workspace settings',
    });
    // The folder value wins over the workspace value, as in VS Code.
    assert.equal(
      effectiveEnable({ defaultValue: true, workspaceValue: false, workspaceFolderValue: true }, true).enable,
      true,
    );
  });

  it("the user's own setting always counts, trusted or not", () => {
    for (const trusted of [true, false]) {
      assert.deepEqual(effectiveEnable({ defaultValue: true, globalValue: false }, trusted), {
        enable: false,
        ignoredWorkspaceValue: false,
        offBy: 'user settings',
      });
    }
    assert.equal(effectiveEnable(undefined, false).enable, true);
  });

  it('rewrites only `enable` in the section the server reads', () => {
    assert.deepEqual(
      withEffectiveEnable({ enable: false, arch: 'blackhole' }, effectiveEnable({ workspaceValue: false }, false)),
      { enable: true, arch: 'blackhole' },
    );
    assert.equal(withEffectiveEnable(null, effectiveEnable(undefined, true)), null);
  });
});

/**
 * `ttnnL1.enable` against hostile repositories: a cloned repo's `.vscode/settings.json` could turn the analysis off and
 * hide every overflow. A workspace or folder value of `false` counts only in a trusted workspace; the user's own
 * (global) value always counts. Pure (no vscode import), so it is unit-tested.
 */

/** The scopes of a setting, as `WorkspaceConfiguration.inspect` returns them. */
export interface SettingScopes {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export interface EffectiveEnable {
  readonly enable: boolean;
  /** The workspace asked for `false` and was not trusted, so it was not obeyed. */
  readonly ignoredWorkspaceValue: boolean;
  /** Where an effective `false` comes from, for the status bar. */
  readonly offBy: 'user settings' | 'workspace settings' | undefined;
}

const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export function effectiveEnable(scopes: SettingScopes | undefined, trusted: boolean): EffectiveEnable {
  const user = asBool(scopes?.globalValue) ?? asBool(scopes?.defaultValue) ?? true;
  const workspace = asBool(scopes?.workspaceFolderValue) ?? asBool(scopes?.workspaceValue);
  if (trusted && workspace !== undefined) {
    return { enable: workspace, ignoredWorkspaceValue: false, offBy: workspace ? undefined : 'workspace settings' };
  }
  return {
    enable: user,
    ignoredWorkspaceValue: !trusted && workspace === false && user,
    offBy: user ? undefined : 'user settings',
  };
}

/** `settings` (the `ttnnL1` section sent to the server) with `enable` replaced by the effective value. */
export function withEffectiveEnable(settings: unknown, effective: EffectiveEnable): unknown {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return settings;
  return { ...(settings as Record<string, unknown>), enable: effective.enable };
}

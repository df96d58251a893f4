/**
 * Location resolution: what a `loc(...)` says once `#locN` aliases are followed (dumps define most of them after
 * the module, so they are looked up, not inlined). The one walker every consumer uses: op labels, the Python
 * source of an op, runtime-log matching, name resolution. Cycle- and size-safe on hostile input.
 */

import type { AliasDefinition, Location } from './syntax';

/** Looks up the location a `#locN` alias stands for (undefined when it is not defined or not a location). */
export type LocationAliasLookup = (name: string) => Location | undefined;

export interface FileLineCol {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ResolvedLocation {
  /** Every `loc("name")` met, outermost first (`aten__index_workaround` before the frontend name it wraps). */
  readonly names: readonly string[];
  /** The first `file:line:col` met. */
  readonly fileLineCol: FileLineCol | undefined;
  /** The first name or file position met: the label tt-mlir's own dumps and logs show for an op. */
  readonly first:
    { readonly kind: 'name'; readonly name: string } | ({ readonly kind: 'file' } & FileLineCol) | undefined;
  /** `#locN` aliases followed, in order. */
  readonly aliasChain: readonly string[];
  /** True when the walk stopped at a cycle, an undefined alias or the step budget. */
  readonly incomplete: boolean;
}

/** Real chains are a few steps deep; this bounds hostile input (fused locations of fused locations ...). */
const MAX_STEPS = 4096;

/**
 * Walks a location depth-first in source order: a name before its child, a call site's callee before its caller,
 * fused parts left to right.
 */
export function resolveLocation(loc: Location | undefined, lookupAlias: LocationAliasLookup): ResolvedLocation {
  const names: string[] = [];
  const aliasChain: string[] = [];
  let fileLineCol: FileLineCol | undefined;
  let first: ResolvedLocation['first'];
  let incomplete = false;
  const seenAliases = new Set<string>();
  const stack: Location[] = loc === undefined ? [] : [loc];
  for (let steps = 0; stack.length > 0; steps++) {
    if (steps >= MAX_STEPS) {
      incomplete = true;
      break;
    }
    const l = stack.pop()!;
    switch (l.kind) {
      case 'unknown':
        break;
      case 'name':
        names.push(l.name);
        first ??= { kind: 'name', name: l.name };
        if (l.child !== undefined) stack.push(l.child);
        break;
      case 'fileLineCol':
        fileLineCol ??= { file: l.file, line: l.line, column: l.column };
        first ??= { kind: 'file', file: l.file, line: l.line, column: l.column };
        break;
      case 'fused':
        for (let i = l.locations.length - 1; i >= 0; i--) stack.push(l.locations[i]!);
        break;
      case 'callsite':
        stack.push(l.caller, l.callee);
        break;
      case 'aliasRef': {
        // A repeated alias is a cycle (or a duplicate in a fused list): nothing new lies behind it, but say so.
        const target = seenAliases.has(l.name) ? undefined : lookupAlias(l.name);
        if (target === undefined) {
          incomplete = true;
          break;
        }
        seenAliases.add(l.name);
        aliasChain.push(l.name);
        stack.push(target);
        break;
      }
    }
  }
  return { names, fileLineCol, first, aliasChain, incomplete };
}

/** The location an alias definition holds (`#locN = loc(...)`), else undefined. */
export function locationOfAlias(def: Pick<AliasDefinition, 'attr'> | undefined): Location | undefined {
  // Read once: a lazy parse's location alias builds its value at each read (parser/lazyAliases.ts).
  const attr = def?.attr;
  return attr?.kind === 'loc' ? attr.loc : undefined;
}

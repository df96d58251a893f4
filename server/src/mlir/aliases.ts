/**
 * A chunk's `#name` / `!name` alias definitions by name, and alias references followed to the value they stand for.
 * The first definition of a name wins: MLIR rejects a redefinition (mlir/scopes.ts `nameErrors` reports it).
 */

import type { AliasDefinition, AttrNode, Chunk, TypeNode } from './syntax';

// Chains longer than this (or cycles) resolve to nothing; real files chain one or two aliases.
const MAX_CHAIN = 64;

// Per chunk object: a parsed chunk's aliases never change (mlir/incrementalParse declines edits that touch an
// alias), so every version an in-place edit makes shares the table. Dumps define one `#locN` per op, so building it
// per version cost ~10 ms on a 100k-op file.
const tables = new WeakMap<Chunk, ReadonlyMap<string, AliasDefinition>>();

/** The alias definitions of `chunk` by name with its sigil (`#ttnn_layout3`, `!device`): `#` and `!` never collide. */
export function aliasesByName(chunk: Chunk): ReadonlyMap<string, AliasDefinition> {
  const cached = tables.get(chunk);
  if (cached !== undefined) return cached;
  const table = new Map<string, AliasDefinition>();
  for (const a of chunk.aliases) if (!table.has(a.name)) table.set(a.name, a);
  tables.set(chunk, table);
  return table;
}

/** Aliases by name: `aliasesByName`'s map, or a table that answers the same (ttnn/fromSyntax.ts `ChunkAliases`). */
export type AliasLookup = Pick<ReadonlyMap<string, AliasDefinition>, 'get'>;

/** `attr` with `#a = #b` chains followed to a value that is not an alias reference; undefined if a name is undefined. */
export function resolveAttr(attr: AttrNode | undefined, aliases: AliasLookup): AttrNode | undefined {
  let current = attr;
  for (let i = 0; i < MAX_CHAIN && current !== undefined && current.kind === 'attrAlias'; i++)
    current = aliases.get(current.name)?.attr;
  return current?.kind === 'attrAlias' ? undefined : current;
}

/** `type` with `!a = !b` chains followed to a type that is not an alias reference; undefined if a name is undefined. */
export function resolveType(type: TypeNode | undefined, aliases: AliasLookup): TypeNode | undefined {
  let current = type;
  for (let i = 0; i < MAX_CHAIN && current !== undefined && current.kind === 'typeAlias'; i++)
    current = aliases.get(current.name)?.type;
  return current?.kind === 'typeAlias' ? undefined : current;
}

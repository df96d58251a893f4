/**
 * Type consistency of a parsed file, as far as a text edit can break it: every use's written type equals its
 * definition's (aliases resolved), values are defined once and before use, never used after `ttnn.deallocate`,
 * returns match the signature, and every layout alias a type names is defined. Problems are keyed by names (not
 * offsets) so that a fix can be checked for introducing none.
 */

import type { Operation, ParseResult, TypeNode } from '../mlir/syntax';
import { TOP_LEVEL_OPS_FUNCTION } from '../ttnn/op';
import {
  SyntaxFunction,
  aliasMap,
  argumentsOf,
  operandNameOf,
  operandNamesOf,
  resultNamesOf,
  syntaxFunctions,
} from './edits';

function typeKey(
  text: string,
  type: TypeNode | undefined,
  aliases: ReadonlyMap<string, { attr?: { range: { start: number; end: number } } }>,
): string {
  if (type === undefined) return '(none)';
  let raw = text.slice(type.range.start, type.range.end);
  if (type.kind === 'tensor' && type.encoding !== undefined && type.encoding.kind === 'attrAlias') {
    const def = aliases.get(type.encoding.name)?.attr;
    if (def !== undefined) {
      const enc = type.encoding.range;
      raw =
        text.slice(type.range.start, enc.start) +
        text.slice(def.range.start, def.range.end) +
        text.slice(enc.end, type.range.end);
    }
  }
  return raw.replace(/\s+/g, '');
}

function opLabel(op: Operation): string {
  const r = resultNamesOf(op)[0];
  if (r !== undefined) return r;
  const operands = op.operands.map((u) => u.name).join(',');
  return `${op.name}(${operands})`;
}

/** `fnName` keys the problems: a loose run's is its ordinal among the file's runs (fixes never add or remove one). */
function checkFunction(text: string, fn: SyntaxFunction, fnName: string, out: Set<string>): void {
  const aliases = aliasMap(fn.chunk);
  const defType = new Map<string, string>();
  const defIndex = new Map<string, number>();
  for (const a of argumentsOf(fn)) {
    defType.set(a.name, typeKey(text, a.type, aliases));
    defIndex.set(a.name, -1);
  }
  fn.bodyOps.forEach((op, i) =>
    resultNamesOf(op).forEach((n, r) => {
      if (defIndex.has(n)) out.add(`${fnName}|${n}|defined twice`);
      defType.set(n, typeKey(text, op.resultTypes[r], aliases));
      defIndex.set(n, i);
    }),
  );
  const freed = new Set<string>();
  fn.bodyOps.forEach((op, i) => {
    const label = opLabel(op);
    const operandNames = operandNamesOf(op);
    for (let k = 0; k < operandNames.length; k++) {
      const name = operandNames[k] ?? '';
      const at = defIndex.get(name);
      if (at === undefined) {
        out.add(`${fnName}|${label}|${name}|undefined value`);
        continue;
      }
      if (at >= i) out.add(`${fnName}|${label}|${name}|used before its definition`);
      if (freed.has(name)) out.add(`${fnName}|${label}|${name}|used after ttnn.deallocate`);
      const written = op.operandTypes[k];
      if (written !== undefined && typeKey(text, written, aliases) !== defType.get(name)) {
        out.add(`${fnName}|${label}|${name}|type differs from its definition`);
      }
    }
    if (op.name === 'ttnn.deallocate') {
      const name = operandNameOf(op, 0);
      if (name !== undefined) freed.add(name);
    }
    const signature = fn.op?.signature;
    if (op.name === 'func.return' && signature !== undefined) {
      const sig = signature.results;
      if (sig.length !== op.operands.length) out.add(`${fnName}|return|arity differs from the signature`);
      op.operandTypes.forEach((t, k) => {
        const s = sig[k];
        if (s !== undefined && typeKey(text, t, aliases) !== typeKey(text, s.type, aliases))
          out.add(`${fnName}|return|${k}|type differs from the signature`);
      });
    }
    for (const t of [...op.operandTypes, ...op.resultTypes]) {
      if (t.kind === 'tensor' && t.encoding?.kind === 'attrAlias' && !aliases.has(t.encoding.name))
        out.add(`${fnName}|${label}|${t.encoding.name}|undefined alias`);
    }
  });
}

/** Problem keys of the whole file (empty when consistent). */
export function typeProblems(text: string, parse: ParseResult): Set<string> {
  const out = new Set<string>();
  let looseRuns = 0;
  for (const fn of syntaxFunctions(parse)) {
    if (fn.bodyOps.length === 0) continue;
    const fnName = fn.op === undefined ? `${TOP_LEVEL_OPS_FUNCTION}#${looseRuns++}` : (fn.op.symbol?.name ?? '@?');
    checkFunction(text, fn, fnName, out);
  }
  return out;
}

/**
 * The parts of a printed op that runtime-log correlation needs (result names, op name, operands, property keys, types,
 * trailing loc), read from one `Executing operation:` record or a pasted snippet; tolerant of abridged text. Uses the
 * one MLIR text scanner (mlir/textScan.ts).
 */

import { matchingClose, scanMlirText, skipString, splitTopLevel } from '../mlir/textScan';

/** Whitespace runs collapsed to one space, trimmed. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** What the text of one op shows (also parsed from hover/log snippets by `parseOpText`). */
export interface OpFields {
  /** `%9`, `%0` (a `%0:2 =` group counts once, with its `:N` dropped); empty for result-less ops. */
  readonly resultNames: readonly string[];
  /** `ttnn.to_layout`; undefined when the text does not start like an op. */
  readonly opName: string | undefined;
  /** Operand uses as written, `%8`, `%0#1`; undefined when the text shows no operand list. */
  readonly operandNames: readonly string[] | undefined;
  /** Keys of the `<{...}>` properties; undefined when the text has none. */
  readonly propertyNames: readonly string[] | undefined;
  /** Types after the top-level `:`, each as written (whitespace collapsed); undefined when absent. */
  readonly operandTypes: readonly string[] | undefined;
  readonly resultTypes: readonly string[] | undefined;
  /** The text inside the trailing `loc(...)`, and the quoted strings in it (unescaped), outermost first. */
  readonly locText: string | undefined;
  readonly locStrings: readonly string[];
}

/** Reads the parts of a printed op that correlation needs; tolerant of abridged text (`...`, missing parts). */
export function parseOpText(text: string): OpFields {
  let pos = 0;
  const resultNames: string[] = [];
  const results = /^\s*((?:%[\w$.-]+(?::\d+)?\s*,\s*)*%[\w$.-]+(?::\d+)?)\s*=\s*/.exec(text);
  if (results !== null) {
    for (const part of results[1]!.split(',')) resultNames.push(part.trim().replace(/:\d+$/, ''));
    pos = results[0].length;
  }
  const rest = text.slice(pos);
  const name = /^\s*(?:"([^"\\]*)"|([A-Za-z_][\w$]*(?:\.[\w$]+)+))/.exec(rest);
  const opName = name === null ? undefined : (name[1] ?? name[2]);
  const afterName = name === null ? rest : rest.slice(name[0].length);

  const scan = scanTopLevel(afterName);
  let operandNames: string[] | undefined;
  if (name !== null && name[1] !== undefined) {
    // Generic form: operands are the first parenthesised group right after the name.
    const group = /^\s*\(/.test(afterName) ? scan.groups[0] : undefined;
    if (group !== undefined) operandNames = valueUses(afterName.slice(group.start + 1, group.end));
  } else if (name !== null) {
    // Custom form: every value use before the type colon.
    operandNames = valueUses(afterName.slice(0, scan.colon ?? scan.locStart ?? afterName.length));
  }

  let propertyNames: string[] | undefined;
  const props = afterName.indexOf('<{');
  if (props >= 0 && (scan.colon === undefined || props < scan.colon)) {
    const end = matchingClose(afterName, props + 1);
    propertyNames = topLevelKeys(afterName.slice(props + 2, end === undefined ? afterName.length : end));
  }

  let operandTypes: string[] | undefined;
  let resultTypes: string[] | undefined;
  if (scan.colon !== undefined) {
    const typeText = afterName.slice(scan.colon + 1, scan.locStart ?? afterName.length).trim();
    const split = splitFunctionType(typeText);
    operandTypes = split.inputs;
    resultTypes = split.results;
  }

  let locText: string | undefined;
  let locStrings: string[] = [];
  if (scan.locStart !== undefined) {
    const open = afterName.indexOf('(', scan.locStart);
    const close = matchingClose(afterName, open);
    locText = afterName.slice(open + 1, close ?? afterName.length);
    locStrings = quotedStrings(locText);
  }
  return { resultNames, opName, operandNames, propertyNames, operandTypes, resultTypes, locText, locStrings };
}

interface TopLevelScan {
  /** Depth-0 parenthesised groups, as [start, end] of their delimiters. */
  readonly groups: readonly { start: number; end: number }[];
  /** Offset of the first depth-0 `:` (the start of the type signature). */
  readonly colon: number | undefined;
  /** Offset of the last depth-0 `loc(`. */
  readonly locStart: number | undefined;
}

function scanTopLevel(s: string): TopLevelScan {
  const groups: { start: number; end: number }[] = [];
  let colon: number | undefined;
  let locStart: number | undefined;
  let groupStart = -1;
  scanMlirText(s, (i, c, depth) => {
    if (depth === 0 && c === '(') {
      groupStart = i;
      if (s.slice(Math.max(0, i - 3), i) === 'loc' && !/[\w.]/.test(s[i - 4] ?? ' ')) locStart = i - 3;
    } else if (depth === 1 && c === ')' && groupStart >= 0) {
      groups.push({ start: groupStart, end: i });
      groupStart = -1;
    } else if (c === ':' && depth === 0 && colon === undefined && locStart === undefined) {
      colon = i;
    }
  });
  return { groups, colon, locStart };
}

export function hasTrailingLoc(s: string): boolean {
  return scanTopLevel(s).locStart !== undefined;
}

/** Splits on depth-0 commas, each part with its whitespace collapsed; empty parts dropped. */
function splitTopLevelParts(s: string): string[] {
  return splitTopLevel(s)
    .map(collapse)
    .filter((part) => part !== '');
}

function valueUses(s: string): string[] {
  return [...s.matchAll(/%[\w$.-]+(?:#\d+)?/g)].map((m) => m[0]);
}

function topLevelKeys(body: string): string[] {
  return splitTopLevelParts(body)
    .map((entry) => /^([A-Za-z_][\w$.]*)/.exec(entry)?.[1])
    .filter((key): key is string => key !== undefined);
}

function quotedStrings(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length && out.length < 64; i++) {
    if (s[i] !== '"') continue;
    const end = skipString(s, i);
    out.push(s.slice(i + 1, end).replace(/\\(["\\])/g, '$1'));
    i = end;
  }
  return out;
}

/** `(A, B) -> C`, `(A) -> (B, C)`, or a bare `A` (custom form); abridged text yields what it shows. */
function splitFunctionType(typeText: string): { inputs: string[] | undefined; results: string[] | undefined } {
  let arrow = -1;
  scanMlirText(typeText, (i, c, depth) => {
    if (c !== '->' || depth !== 0) return false;
    arrow = i;
    return true;
  });
  if (arrow < 0) return { inputs: undefined, results: typeText === '' ? undefined : splitTopLevelParts(typeText) };
  return { inputs: typeList(typeText.slice(0, arrow)), results: typeList(typeText.slice(arrow + 2)) };
}

function typeList(s: string): string[] {
  const trimmed = s.trim();
  if (trimmed.startsWith('(') && matchingClose(trimmed, 0) === trimmed.length - 1) {
    return splitTopLevelParts(trimmed.slice(1, -1));
  }
  return splitTopLevelParts(trimmed);
}

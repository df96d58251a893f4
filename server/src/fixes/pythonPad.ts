/**
 * The Python side of the constant-padding fix: on the line a `loc` names, turn the `pad(..., mode="replicate")` call
 * into `mode="constant", value=0` (the seed's Option 1). Only that call's mode argument changes.
 */

import type { TextRange } from '../text/textRange';

export interface PythonPadEdit {
  readonly range: TextRange;
  readonly newText: string;
  /** The whole call before the edit, for titles and tests. */
  readonly callRange: TextRange;
}

/** Offset of the first character of 1-based `line`, or undefined. */
function lineStart(text: string, line: number): number | undefined {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    at = nl + 1;
  }
  return at;
}

/** Index of the `)` closing the `(` at `open`, skipping strings; bounded. */
function matchingParen(text: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : undefined;
    }
  }
  return undefined;
}

/** Top-level arguments of a call between `open` and `close` (exclusive), with their ranges (trimmed). */
function callArgs(text: string, open: number, close: number): { range: TextRange; text: string }[] {
  const out: { range: TextRange; text: string }[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = open + 1;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t !== '') out.push({ range: { start: start + lead, end: start + lead + t.length }, text: t });
  };
  for (let i = open + 1; i < close; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(close);
  return out;
}

const REPLICATE = /^(["'])replicate\1$/;

/**
 * The edit turning the replicate `pad(...)` call that starts on 1-based `line` into a constant pad, or why not.
 * Matches `F.pad(`, `torch.nn.functional.pad(`, `nn.functional.pad(` and bare `pad(`.
 */
export function pythonConstantPadEdit(text: string, line: number): PythonPadEdit | string {
  const start = lineStart(text, line);
  if (start === undefined) return `the file has no line ${line}`;
  const nl = text.indexOf('\n', start);
  const lineText = text.slice(start, nl < 0 ? text.length : nl);
  const callRe = /(?:^|[^\w.])((?:[A-Za-z_][\w]*\.)*pad)\s*\(/g;
  for (let m = callRe.exec(lineText); m !== null; m = callRe.exec(lineText)) {
    const open = start + m.index + m[0].length - 1;
    const close = matchingParen(text, open);
    if (close === undefined) continue;
    const args = callArgs(text, open, close);
    const hasValue = args.some((a) => /^value\s*=/.test(a.text));
    const callRange = { start: start + m.index + m[0].indexOf(m[1]), end: close + 1 };
    for (const [i, a] of args.entries()) {
      const kw = /^mode\s*=\s*(["'])replicate\1$/.exec(a.text);
      if (kw !== null) {
        const q = kw[1];
        return {
          range: a.range,
          newText: hasValue ? `mode=${q}constant${q}` : `mode=${q}constant${q}, value=0`,
          callRange,
        };
      }
      if (i === 2 && REPLICATE.test(a.text)) {
        const q = a.text[0];
        return {
          range: a.range,
          newText: hasValue || args.length > 3 ? `${q}constant${q}` : `${q}constant${q}, 0`,
          callRange,
        };
      }
    }
  }
  return `no pad(..., mode="replicate") call starts on line ${line}`;
}

/** Path suffixes to ask the workspace for, longest first: `a/b/c.py`, `b/c.py`, `c.py`. */
export function pathSuffixes(file: string): string[] {
  const parts = file
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  const out: string[] = [];
  for (let i = 0; i < parts.length && i < 32; i++) out.push(parts.slice(i).join('/'));
  return out;
}

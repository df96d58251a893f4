/** Locations inside `loc(...)`: unknown, names, file:line:col, fused, callsite and `#locN` references. */

import { Tok, nextToken, relexFrom, scanSuffixId, unescapeString } from '../lexer';
import { detachedCopy } from '../../text/detachedCopy';
import type { Location } from '../syntax';
import {
  canEnter,
  describe,
  enter,
  error,
  exact,
  intern,
  expect,
  isKeyword,
  isStatementStart,
  leave,
  span,
  text,
  tk,
  type ParserState,
  slot,
} from './state';
import { parseGroup } from './tokenTrees';
import { MAX_PACKED_LOC_NUMBER, SlottedLocAlias, SlottedNameLoc, SlottedUnknownLoc, packOpLocation } from './nodes';

/** `loc(...)`; the current token is `loc`. Returns undefined (after reporting) on a malformed location. */
export function parseLocation(p: ParserState): Location | undefined {
  return aliasLocation(p) ?? parseLocationTokens(p);
}

/**
 * `loc(#name)` written without spaces, as a dump writes every op's location, read from the characters: the node
 * `parseLocationTokens` makes for it (a SlottedLocAlias at the `#name` token, one level down), and the lexer where it
 * leaves it, without lexing the three tokens in between. Undefined (nothing consumed) for any other spelling.
 */
function aliasLocation(p: ParserState): Location | undefined {
  const nameEnd = aliasLocationEnd(p);
  if (nameEnd < 0) return undefined;
  const nameStart = p.lx.end + 1;
  const loc = new SlottedLocAlias(p.slots, slot(p, nameStart, nameEnd), p.text.slice(nameStart, nameEnd));
  relexFrom(p.lx, nameEnd + 1);
  return loc;
}

/**
 * Where the `#name` of a `loc(#name)` written without spaces ends (the current token is `loc`), with the nesting
 * bookkeeping `parseLocationTokens` would do; -1 (nothing recorded) for any other spelling.
 */
function aliasLocationEnd(p: ParserState): number {
  const lx = p.lx;
  const text = p.text;
  const nameStart = lx.end + 1;
  if (text.charCodeAt(lx.end) !== 40 /* ( */ || text.charCodeAt(nameStart) !== 35 /* # */) return -1;
  // The lexer's HashId token: `#` and at least one suffix-id character (`#-}` is another token, and fails here).
  const nameEnd = scanSuffixId(text, nameStart + 1, lx.limit);
  if (nameEnd === nameStart + 1 || nameEnd >= lx.limit || text.charCodeAt(nameEnd) !== 41 /* ) */) return -1;
  // parseLocationInner enters one level.
  if (!canEnter(p)) return -1;
  if (p.depth + 1 > p.deepest) p.deepest = p.depth + 1;
  return nameEnd;
}

/**
 * An op's `loc(#locN)` / `loc(#loc)` written without spaces (the current token is `loc`), as a dump writes nearly
 * every op's, packed into a number (parser/nodes.ts `packOpLocation`, from the op's start `opStart`) that the op
 * keeps instead of a node, a slot and a name string; the lexer after it. -1 (nothing consumed) for any other spelling,
 * which `parseLocation` reads.
 */
export function packedOpLocation(p: ParserState, opStart: number): number {
  const lx = p.lx;
  const nameStart = lx.end + 1;
  // `#loc` and its digits: checked before aliasLocationEnd, which records the nesting the location enters.
  const text = p.text;
  if (
    text.charCodeAt(nameStart + 1) !== 108 /* l */ ||
    text.charCodeAt(nameStart + 2) !== 111 /* o */ ||
    text.charCodeAt(nameStart + 3) !== 99 /* c */
  )
    return -1;
  let n = -1;
  let i = nameStart + 4;
  const first = text.charCodeAt(i);
  if (first >= 48 && first <= 57) {
    // Canonical decimal only (`#loc0`, `#loc15`; not `#loc015`), so the name is `'#loc' + n` again.
    if (first === 48 && isAsciiDigit(text.charCodeAt(i + 1))) return -1;
    n = 0;
    while (isAsciiDigit(text.charCodeAt(i)) && n < MAX_PACKED_LOC_NUMBER) n = n * 10 + (text.charCodeAt(i++) - 48);
  }
  if (text.charCodeAt(i) !== 41 /* ) */) return -1;
  const packed = packOpLocation(nameStart - opStart, n);
  if (packed < 0) return -1;
  const nameEnd = aliasLocationEnd(p);
  if (nameEnd !== i) return -1;
  relexFrom(lx, nameEnd + 1);
  return packed;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `loc(...)` token by token (the general path); exported for the tests that hold `parseLocation` equal to it. */
export function parseLocationTokens(p: ParserState): Location | undefined {
  const lx = p.lx;
  nextToken(lx); // loc
  if (!expect(p, Tok.LParen, "'(' after loc")) return undefined;
  const loc = parseLocationInner(p);
  if (!loc) {
    skipToCloseParen(p);
    return undefined;
  }
  if (!expect(p, Tok.RParen, "')' to close loc(...)")) {
    skipToCloseParen(p);
    return undefined;
  }
  return loc;
}

/** Recovery inside `loc(...)`: skip to the `)` that closes it, staying on the current line. */
function skipToCloseParen(p: ParserState): void {
  const lx = p.lx;
  let depth = 0;
  let guard = lx.limit;
  while (tk(lx) !== Tok.Eof && guard-- > 0) {
    if (lx.newlineBefore && depth === 0 && isStatementStart(tk(lx))) return;
    if (tk(lx) === Tok.LParen) depth++;
    else if (tk(lx) === Tok.RParen) {
      if (depth === 0) {
        nextToken(lx);
        return;
      }
      depth--;
    }
    nextToken(lx);
  }
}

function parseLocationInner(p: ParserState): Location | undefined {
  if (!enter(p)) return undefined;
  try {
    const lx = p.lx;
    const start = lx.start;
    switch (tk(lx)) {
      case Tok.HashId: {
        const name = text(p);
        nextToken(lx);
        return new SlottedLocAlias(p.slots, slot(p, start, lx.prevEnd), name);
      }
      case Tok.String: {
        // Kept by the TTNN view (op labels, source files): copies, not slices of the text (text/detachedCopy.ts).
        const name = unescapeString(p.text, lx.start, lx.end);
        nextToken(lx);
        if (tk(lx) === Tok.Colon) {
          nextToken(lx);
          if (tk(lx) !== Tok.Integer) {
            error(p, `expected a line number, found ${describe(p)}`);
            return undefined;
          }
          const line = Number(text(p));
          nextToken(lx);
          let column = 0;
          if (tk(lx) === Tok.Colon) {
            nextToken(lx);
            if (tk(lx) !== Tok.Integer) {
              error(p, `expected a column number, found ${describe(p)}`);
              return undefined;
            }
            column = Number(text(p));
            nextToken(lx);
          }
          // Newer MLIR file ranges: `"f":1:2 to 3:4` / `to :4`.
          if (isKeyword(p, 'to')) {
            nextToken(lx);
            let g = 4;
            while ((tk(lx) === Tok.Integer || tk(lx) === Tok.Colon) && g-- > 0) nextToken(lx);
          }
          // A dump names few files, each at thousands of ops.
          return { kind: 'fileLineCol', file: intern(p, name), line, column, range: span(p, start, lx.prevEnd) };
        }
        let child: Location | undefined;
        if (tk(lx) === Tok.LParen) {
          nextToken(lx);
          child = parseLocationInner(p);
          if (!child) return undefined;
          if (!expect(p, Tok.RParen, "')' after the child location")) return undefined;
        }
        return new SlottedNameLoc(p.slots, slot(p, start, lx.prevEnd), detachedCopy(name), child);
      }
      case Tok.BareId: {
        const word = text(p);
        if (word === 'unknown') {
          nextToken(lx);
          return new SlottedUnknownLoc(p.slots, slot(p, start, lx.prevEnd));
        }
        if (word === 'fused') {
          nextToken(lx);
          if (tk(lx) === Tok.Less) {
            const meta = parseGroup(p);
            if (!meta) return undefined;
          }
          if (!expect(p, Tok.LSquare, "'[' after fused")) return undefined;
          const locations: Location[] = [];
          let guard = lx.limit;
          while (tk(lx) !== Tok.RSquare && guard-- > 0) {
            const l = parseLocationInner(p);
            if (!l) return undefined;
            locations.push(l);
            if (tk(lx) !== Tok.Comma) break;
            nextToken(lx);
          }
          if (!expect(p, Tok.RSquare, "']' to close fused[...]")) return undefined;
          return { kind: 'fused', locations: exact(locations), range: span(p, start, lx.prevEnd) };
        }
        if (word === 'callsite') {
          nextToken(lx);
          if (!expect(p, Tok.LParen, "'(' after callsite")) return undefined;
          const callee = parseLocationInner(p);
          if (!callee) return undefined;
          if (!isKeyword(p, 'at')) {
            error(p, `expected 'at' in callsite(...), found ${describe(p)}`);
            return undefined;
          }
          nextToken(lx);
          const caller = parseLocationInner(p);
          if (!caller) return undefined;
          if (!expect(p, Tok.RParen, "')' to close callsite(...)")) return undefined;
          return { kind: 'callsite', callee, caller, range: span(p, start, lx.prevEnd) };
        }
        break;
      }
    }
    error(p, `expected a location, found ${describe(p)}`);
    return undefined;
  } finally {
    leave(p);
  }
}

/**
 * Hand-written, allocation-light lexer for MLIR's textual format: the parser pulls one token at a time
 * (current token held in mutable fields), so it can re-scan shapes like `1x768xbf16` character by character.
 */

export const enum Tok {
  Eof,
  /** A character that starts no token, or an unterminated string. */
  Error,
  BareId,
  HashId,
  BangId,
  PercentId,
  AtId,
  CaretId,
  Integer,
  Float,
  /** `4x1x768`, `32x32`, `1x` (digits joined by `x`, optionally a trailing `x` before an element type). */
  DimList,
  String,
  LParen,
  RParen,
  LSquare,
  RSquare,
  LBrace,
  RBrace,
  Less,
  Greater,
  Comma,
  Colon,
  Equal,
  Arrow,
  Star,
  Plus,
  Minus,
  Question,
  Pipe,
  Ellipsis,
  /** `{-#` opening the dialect_resources section. */
  FileMetadataBegin,
  /** `#-}` */
  FileMetadataEnd,
}

export interface Lexer {
  readonly text: string;
  /** Scanning stops here (end of the current `// -----` chunk). */
  readonly limit: number;
  /** Where scanning of the next token starts. */
  pos: number;
  /** The current token. */
  kind: Tok;
  start: number;
  end: number;
  /** A line break (or the chunk start) precedes the current token. */
  newlineBefore: boolean;
  /** End of the previous token (for op ranges). */
  prevEnd: number;
}

export function createLexer(text: string, start: number, limit: number): Lexer {
  const lx: Lexer = { text, limit, pos: start, kind: Tok.Eof, start, end: start, newlineBefore: true, prevEnd: start };
  lexAt(lx, true);
  return lx;
}

export function nextToken(lx: Lexer): void {
  lx.prevEnd = lx.end;
  lexAt(lx, false);
}

/** Snapshot of the lexer, for the rare bounded look-ahead. */
export interface LexerMark {
  readonly pos: number;
  readonly kind: Tok;
  readonly start: number;
  readonly end: number;
  readonly newlineBefore: boolean;
  readonly prevEnd: number;
}

export function markLexer(lx: Lexer): LexerMark {
  return {
    pos: lx.pos,
    kind: lx.kind,
    start: lx.start,
    end: lx.end,
    newlineBefore: lx.newlineBefore,
    prevEnd: lx.prevEnd,
  };
}

export function resetLexer(lx: Lexer, mark: LexerMark): void {
  lx.pos = mark.pos;
  lx.kind = mark.kind;
  lx.start = mark.start;
  lx.end = mark.end;
  lx.newlineBefore = mark.newlineBefore;
  lx.prevEnd = mark.prevEnd;
}

/** Re-lex starting at `offset` (used after a character-level scan such as a shape prefix). */
export function relexFrom(lx: Lexer, offset: number): void {
  lx.prevEnd = offset;
  lx.pos = offset;
  lexAt(lx, false);
}

export function tokenText(lx: Lexer): string {
  return lx.text.slice(lx.start, lx.end);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isHexLetter(c: number): boolean {
  return (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || isHexLetter(c);
}

/** bare-id continuation: letter | digit | [_$.] */
function isBareIdChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 36 || c === 46;
}

/** suffix-id characters after `%`, `#`, `!`, `^`, `@`: letter | digit | [$._-] */
function isSuffixIdChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 36 || c === 46 || c === 45;
}

function lexAt(lx: Lexer, atStart: boolean): void {
  const text = lx.text;
  const limit = lx.limit;
  let i = lx.pos;
  let newline = atStart;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      i++;
    } else if (c === 10 || c === 13) {
      newline = true;
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const eol = text.indexOf('\n', i + 2);
      i = eol < 0 || eol > limit ? limit : eol;
    } else {
      break;
    }
  }
  lx.newlineBefore = newline;
  lx.start = i;
  if (i >= limit) {
    lx.kind = Tok.Eof;
    lx.start = limit;
    lx.end = limit;
    lx.pos = limit;
    return;
  }
  const c = text.charCodeAt(i);
  let kind: Tok;
  let end = i + 1;
  if (isLetter(c) || c === 95) {
    while (end < limit && isBareIdChar(text.charCodeAt(end))) end++;
    kind = Tok.BareId;
  } else if (isDigit(c)) {
    end = lexNumber(text, i, limit);
    kind = lexedNumberKind;
  } else {
    switch (c) {
      case 34: // "
        end = scanString(text, i, limit);
        kind = text.charCodeAt(end - 1) === 34 && end - i >= 2 ? Tok.String : Tok.Error;
        break;
      case 35: // #
        if (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 125) {
          kind = Tok.FileMetadataEnd;
          end = i + 3;
        } else {
          end = scanSuffixId(text, i + 1, limit);
          kind = end > i + 1 ? Tok.HashId : Tok.Error;
        }
        break;
      case 33: // !
        end = scanSuffixId(text, i + 1, limit);
        kind = end > i + 1 ? Tok.BangId : Tok.Error;
        break;
      case 94: // ^
        end = scanSuffixId(text, i + 1, limit);
        kind = end > i + 1 ? Tok.CaretId : Tok.Error;
        break;
      case 37: // %
        end = scanSuffixId(text, i + 1, limit);
        if (end === i + 1) {
          kind = Tok.Error;
        } else {
          kind = Tok.PercentId;
          // `%0#2`: a use of result 2 of a multi-result group; the suffix belongs to the value.
          if (text.charCodeAt(end) === 35 && isDigit(text.charCodeAt(end + 1))) {
            end += 2;
            while (end < limit && isDigit(text.charCodeAt(end))) end++;
          }
        }
        break;
      case 64: // @
        if (text.charCodeAt(i + 1) === 34) {
          end = scanString(text, i + 1, limit);
          kind = text.charCodeAt(end - 1) === 34 && end - i >= 3 ? Tok.AtId : Tok.Error;
        } else {
          end = scanSuffixId(text, i + 1, limit);
          kind = end > i + 1 ? Tok.AtId : Tok.Error;
        }
        break;
      case 40:
        kind = Tok.LParen;
        break;
      case 41:
        kind = Tok.RParen;
        break;
      case 91:
        kind = Tok.LSquare;
        break;
      case 93:
        kind = Tok.RSquare;
        break;
      case 123:
        if (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 35) {
          kind = Tok.FileMetadataBegin;
          end = i + 3;
        } else {
          kind = Tok.LBrace;
        }
        break;
      case 125:
        kind = Tok.RBrace;
        break;
      case 60:
        kind = Tok.Less;
        break;
      case 62:
        kind = Tok.Greater;
        break;
      case 44:
        kind = Tok.Comma;
        break;
      case 58:
        kind = Tok.Colon;
        break;
      case 61:
        kind = Tok.Equal;
        break;
      case 42:
        kind = Tok.Star;
        break;
      case 43:
        kind = Tok.Plus;
        break;
      case 45: // -
        if (text.charCodeAt(i + 1) === 62) {
          kind = Tok.Arrow;
          end = i + 2;
        } else {
          kind = Tok.Minus;
        }
        break;
      case 63:
        kind = Tok.Question;
        break;
      case 124:
        kind = Tok.Pipe;
        break;
      case 46: // .
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
          kind = Tok.Ellipsis;
          end = i + 3;
        } else {
          kind = Tok.Error;
        }
        break;
      default:
        kind = Tok.Error;
        // Keep surrogate pairs together so an error range never splits a character.
        if (c >= 0xd800 && c <= 0xdbff && end < limit) end++;
        break;
    }
  }
  if (end > limit) end = limit;
  lx.kind = kind;
  lx.end = end;
  lx.pos = end;
}

/** The end of the suffix-id characters from `i` (what follows `%`, `#`, `!`, `^`, `@`). */
export function scanSuffixId(text: string, i: number, limit: number): number {
  while (i < limit && isSuffixIdChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The offset after the `}` that closes the `{` at `open`, skipping strings and `//` comments as `lexAt` does; undefined
 * when the span is not plainly balanced before `limit` (an unterminated string, a `{-#`/`#-}` marker, no match). Finds
 * a function body's end without lexing it (parser/lazyBodies.ts), so it must never disagree with the lexer where it
 * answers: anything unusual is undefined, and the caller parses instead.
 * It jumps from one `"`, `/`, `{` or `}` to the next with `indexOf` (a memchr over the text) instead of reading every
 * character: a body is ~200 characters per op with a handful of those. `offsets` carries what those searches found
 * from one call to the next (a parse skips its bodies in text order): a character absent from the rest of the file is
 * then searched for once, not once per function.
 */
export function matchingBraceEnd(
  text: string,
  open: number,
  limit: number,
  offsets: NextOffsets = new NextOffsets(text),
): number | undefined {
  let depth = 0;
  let i = open;
  // The next offset at or after `i` of each character the scan stops at (text.length when there is none).
  let quote = -1;
  let slash = -1;
  let lbrace = -1;
  let rbrace = -1;
  while (i < limit) {
    if (quote < i) quote = offsets.next(QUOTE, i);
    if (slash < i) slash = offsets.next(SLASH, i);
    if (lbrace < i) lbrace = offsets.next(LBRACE, i);
    if (rbrace < i) rbrace = offsets.next(RBRACE, i);
    const at = Math.min(quote, slash, lbrace, rbrace);
    if (at >= limit) return undefined;
    if (at === quote) {
      const end = scanString(text, at, limit);
      if (text.charCodeAt(end - 1) !== 34 || end - at < 2) return undefined;
      i = end;
    } else if (at === slash) {
      if (text.charCodeAt(at + 1) !== 47) {
        i = at + 1;
        continue;
      }
      const eol = text.indexOf('\n', at + 2);
      if (eol < 0 || eol > limit) return undefined;
      i = eol;
    } else if (at === lbrace) {
      if (text.charCodeAt(at + 1) === 45 && text.charCodeAt(at + 2) === 35) return undefined; // `{-#`
      depth++;
      i = at + 1;
    } else {
      // `#-}` is seen at its `}`: its `#` and `-` are outside strings and comments exactly when the `}` is.
      if (text.charCodeAt(at - 1) === 45 && text.charCodeAt(at - 2) === 35) return undefined;
      if (--depth === 0) return at + 1;
      i = at + 1;
    }
  }
  return undefined;
}

const QUOTE = 0;
const SLASH = 1;
const LBRACE = 2;
const RBRACE = 3;
const SCANNED_CHARS = ['"', '/', '{', '}'];

/** For `matchingBraceEnd`: the last search for each character it stops at, in one text. */
export class NextOffsets {
  /** Where each character's last search started, and what it found (text.length: nothing). */
  private readonly searchedFrom = [Infinity, Infinity, Infinity, Infinity];
  private readonly found = [-1, -1, -1, -1];

  constructor(private readonly text: string) {}

  /** The offset of the first SCANNED_CHARS[kind] at or after `from`; text.length when there is none. */
  next(kind: number, from: number): number {
    // No such character lies between the last search's start and what it found: reuse it when `from` is in between.
    const found = this.found[kind]!;
    if (this.searchedFrom[kind]! <= from && from <= found) return found;
    const at = this.text.indexOf(SCANNED_CHARS[kind]!, from);
    this.searchedFrom[kind] = from;
    this.found[kind] = at < 0 ? this.text.length : at;
    return this.found[kind]!;
  }
}

/** Returns the end of the string starting at the quote at `i` (after the closing quote, or at the line end if unterminated). */
export function scanString(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 10 || c === 13) return j;
    j++;
  }
  return limit;
}

/**
 * Numbers, hex literals and dimension lists. `0x1F` is hex; `0x0x0x0`, `32x32` and `0x0` are dimension lists
 * (the parser reads a lone `0xDIGITS` as hex where an integer is expected); `4x4884480x` keeps a trailing `x`
 * when an element type follows (`4x4884480xbf16`).
 */
/** Kind of the token lexNumber just scanned (a module variable: no result object per number token). */
let lexedNumberKind: Tok = Tok.Integer;

function lexNumber(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && isDigit(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 120 /* x */) {
    if (j === i + 1 && text.charCodeAt(i) === 48 && isHexDigit(text.charCodeAt(j + 1))) {
      // `0x...`: hex unless it is a run of decimal dimensions.
      let k = j + 1;
      while (k < limit && isDigit(text.charCodeAt(k))) k++;
      if (isHexLetter(text.charCodeAt(k)) || (k === j + 1 && isHexLetter(text.charCodeAt(j + 1)))) {
        k = j + 1;
        while (k < limit && isHexDigit(text.charCodeAt(k))) k++;
        lexedNumberKind = Tok.Integer;
        return k;
      }
    }
    let dims = false;
    while (j < limit && text.charCodeAt(j) === 120) {
      const next = text.charCodeAt(j + 1);
      if (isDigit(next)) {
        j += 2;
        while (j < limit && isDigit(text.charCodeAt(j))) j++;
        dims = true;
      } else if (isLetter(next) || next === 33 /* ! */ || next === 63 /* ? */ || next === 95) {
        j += 1;
        dims = true;
        break;
      } else {
        break;
      }
    }
    lexedNumberKind = dims ? Tok.DimList : Tok.Integer;
    return Math.min(j, limit);
  }
  if (text.charCodeAt(j) === 46 /* . */ && isDigit(text.charCodeAt(j + 1))) {
    j += 1;
    while (j < limit && isDigit(text.charCodeAt(j))) j++;
    const e = text.charCodeAt(j);
    if (e === 101 || e === 69) {
      let k = j + 1;
      const s = text.charCodeAt(k);
      if (s === 43 || s === 45) k++;
      if (isDigit(text.charCodeAt(k))) {
        while (k < limit && isDigit(text.charCodeAt(k))) k++;
        j = k;
      }
    }
    lexedNumberKind = Tok.Float;
    return Math.min(j, limit);
  }
  lexedNumberKind = Tok.Integer;
  return j;
}

/** The contents of a quoted string token without quotes, with MLIR escapes (`\"`, `\\`, `\n`, `\t`, `\XX` hex) resolved. */
export function unescapeString(text: string, start: number, end: number): string {
  // start is the opening quote; end is after the closing quote (or the line end when unterminated).
  const innerStart = start + 1;
  const innerEnd = end > innerStart && text.charCodeAt(end - 1) === 34 ? end - 1 : end;
  let backslash = innerStart;
  while (backslash < innerEnd && text.charCodeAt(backslash) !== 92) backslash++;
  if (backslash >= innerEnd) return text.slice(innerStart, innerEnd);
  const parts: string[] = [];
  let runStart = innerStart;
  let i = backslash;
  while (i < innerEnd) {
    if (text.charCodeAt(i) !== 92) {
      i++;
      continue;
    }
    parts.push(text.slice(runStart, i));
    const c = text.charCodeAt(i + 1);
    if (c === 110) {
      parts.push('\n');
      i += 2;
    } else if (c === 116) {
      parts.push('\t');
      i += 2;
    } else if (c === 34 || c === 92) {
      parts.push(String.fromCharCode(c));
      i += 2;
    } else if (isHexDigit(c) && isHexDigit(text.charCodeAt(i + 2))) {
      parts.push(String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)));
      i += 3;
    } else {
      // Unknown escape: keep it verbatim.
      parts.push('\\');
      i += 1;
    }
    runStart = i;
  }
  if (runStart < innerEnd) parts.push(text.slice(runStart, innerEnd));
  return parts.join('');
}

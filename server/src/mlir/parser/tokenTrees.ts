/** Token trees: the balanced `<>`/`()`/`[]`/`{}` groups kept uninterpreted (dialect attribute and type bodies). */

import { Tok, isDigit, nextToken, type Lexer } from '../lexer';
import type { TokenGroup, TokenLeaf, TokenLeafKind, TokenTree } from '../syntax';
import {
  describe,
  enter,
  error,
  exact,
  intern,
  isCloser,
  isOpener,
  leave,
  stringValue,
  tk,
  word,
  type ParserState,
  slot,
} from './state';
import { SlottedGroup, SlottedLeaf } from './nodes';

const CLOSER_INDEX: Partial<Record<Tok, number>> = {
  [Tok.RParen]: 0,
  [Tok.RSquare]: 1,
  [Tok.RBrace]: 2,
  [Tok.Greater]: 3,
};

function closerFor(open: Tok): Tok {
  switch (open) {
    case Tok.LParen:
      return Tok.RParen;
    case Tok.LSquare:
      return Tok.RSquare;
    case Tok.LBrace:
      return Tok.RBrace;
    default:
      return Tok.Greater;
  }
}

function openChar(open: Tok): '<' | '(' | '[' | '{' {
  switch (open) {
    case Tok.LParen:
      return '(';
    case Tok.LSquare:
      return '[';
    case Tok.LBrace:
      return '{';
    default:
      return '<';
  }
}

function leafKindOf(k: Tok): TokenLeafKind {
  switch (k) {
    case Tok.BareId:
      return 'ident';
    case Tok.Integer:
      return 'integer';
    case Tok.Float:
      return 'float';
    case Tok.String:
      return 'string';
    case Tok.HashId:
      return 'hashIdent';
    case Tok.BangId:
      return 'bangIdent';
    case Tok.PercentId:
      return 'percentIdent';
    case Tok.AtId:
      return 'atIdent';
    case Tok.CaretId:
      return 'caretIdent';
    case Tok.DimList:
      return 'dimensionList';
    default:
      return 'punct';
  }
}

export function leafOf(p: ParserState): TokenLeaf {
  const lx = p.lx;
  const leafKind = leafKindOf(tk(lx));
  const t = word(p);
  if (leafKind === 'string') {
    return new SlottedLeaf(p.slots, slot(p, p.lx.start, p.lx.end), leafKind, t, stringValue(p));
  }
  return new SlottedLeaf(p.slots, slot(p, lx.start, lx.end), leafKind, t, undefined);
}

/** A balanced group starting at the current opener token. */
export function parseGroup(p: ParserState): TokenGroup | undefined {
  const lx = p.lx;
  if (!enter(p)) return undefined;
  const open = tk(lx);
  const close = closerFor(open);
  const closeIndex = CLOSER_INDEX[close] as number;
  const start = lx.start;
  p.openClosers[closeIndex]++;
  try {
    nextToken(lx);
    const children: TokenTree[] = [];
    let guard = lx.limit - lx.start + 2;
    while (guard-- > 0) {
      const k = tk(lx);
      if (k === close) {
        nextToken(lx);
        return new SlottedGroup(p.slots, slot(p, start, lx.prevEnd), openChar(open), exact(children));
      }
      if (k === Tok.Eof || k === Tok.FileMetadataBegin) {
        error(p, `unterminated '${openChar(open)}'`, { start, end: start + 1 });
        return new SlottedGroup(p.slots, slot(p, start, lx.prevEnd), openChar(open), exact(children));
      }
      if (isOpener(k)) {
        const g = parseGroup(p);
        if (g) children.push(g);
        continue;
      }
      if (isCloser(k)) {
        const idx = CLOSER_INDEX[k] as number;
        if (p.openClosers[idx] > 0) {
          // Closes an enclosing group: this one is missing its closer.
          error(p, `expected '${p.text.charAt(start) === '<' ? '>' : closeCharOf(close)}' before ${describe(p)}`);
          return new SlottedGroup(p.slots, slot(p, start, lx.prevEnd), openChar(open), exact(children));
        }
        error(p, `unbalanced ${describe(p)}`);
        children.push(leafOf(p));
        nextToken(lx);
        continue;
      }
      if (k === Tok.Error) error(p, `unexpected character ${describe(p)}`);
      if (k === Tok.Minus && canMergeSign(lx, children)) {
        const minusStart = lx.start;
        nextToken(lx);
        const numberText = intern(p, p.text.slice(minusStart, lx.end));
        children.push(new SlottedLeaf(p.slots, slot(p, minusStart, lx.end), leafKindOf(tk(lx)), numberText, undefined));
        nextToken(lx);
        continue;
      }
      children.push(leafOf(p));
      nextToken(lx);
    }
    error(p, `unterminated '${openChar(open)}'`, { start, end: start + 1 });
    return new SlottedGroup(p.slots, slot(p, start, lx.prevEnd), openChar(open), exact(children));
  } finally {
    p.openClosers[closeIndex]--;
    leave(p);
  }
}

function closeCharOf(close: Tok): string {
  switch (close) {
    case Tok.RParen:
      return ')';
    case Tok.RSquare:
      return ']';
    case Tok.RBrace:
      return '}';
    default:
      return '>';
  }
}

/** `-3` as one integer leaf when the minus is a sign (directly before the number, not after an operand). */
function canMergeSign(lx: Lexer, children: readonly TokenTree[]): boolean {
  const c = lx.text.charCodeAt(lx.end);
  if (!isDigit(c)) return false;
  const last = children[children.length - 1];
  if (!last) return true;
  return last.kind === 'leaf' && last.leafKind === 'punct' && last.text !== ')';
}

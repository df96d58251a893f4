/**
 * Custom-form op bodies: builtin `module`, `func.func`/`return`/`call`, tt-mlir's custom-form ops
 * (`ttcore.device_module`/`cpu_module`, `ttcore.device`, `ttcore.load_cached`), and any other custom-form op, whose
 * grammar is unknown, scanned to its end without an error (`scanUnknownCustomBody`).
 */

import { Tok, markLexer, nextToken, resetLexer } from '../lexer';
import type { BlockArgument, DictAttr, DictEntry, FunctionResult, Location, TokenTree } from '../syntax';
import { parseAttr, parseDict } from './attributes';
import { skipFunctionBody } from './lazyBodies';
import { parseLocation } from './locations';
import {
  addRegion,
  addSuccessor,
  addSymbolUse,
  adjacentOrSpacedParen,
  parseOperandList,
  parseRegion,
  valueUse,
  type OpDraft,
} from './operations';
import {
  adjacentChar,
  describe,
  error,
  exact,
  expect,
  isKeyword,
  isOpener,
  span,
  text,
  tk,
  symbolRef,
  tokRange,
  type ParserState,
  spanOf,
  slot,
} from './state';
import { SlottedBlockArgument, SlottedFunctionResult, SlottedSignature } from './nodes';
import { parseGroup } from './tokenTrees';
import { parseOpFunctionType, parseType, parseTypeList } from './types';

const MODULE_NAMES = new Set(['module', 'builtin.module']);
const REGION_ONLY_OPS = new Set(['ttcore.device_module', 'ttcore.cpu_module', 'tt.device_module', 'tt.cpu_module']);

export function parseCustomBody(p: ParserState, d: OpDraft): boolean {
  const name = d.name;
  if (MODULE_NAMES.has(name)) {
    d.name = 'builtin.module';
    return parseModuleBody(p, d);
  }
  if (name === 'func.func' || name.endsWith('.func')) return parseFunctionBody(p, d);
  if (name === 'return' || name === 'func.return') {
    d.name = 'func.return';
    return parseReturnBody(p, d);
  }
  if (name === 'call' || name === 'func.call') {
    d.name = 'func.call';
    return parseCallBody(p, d);
  }
  if (REGION_ONLY_OPS.has(name)) return parseRegionOnlyBody(p, d);
  if (name === 'ttcore.device' || name === 'tt.device') return parseDeviceBody(p, d);
  if (name === 'ttcore.load_cached' || name === 'tt.load_cached') return parseLoadCachedBody(p, d);
  return parseUnknownCustomBody(p, d);
}

/** `[@name] [attributes {...}] { region }` */
function parseModuleBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.AtId) {
    d.symbol = symbolRef(p);
    nextToken(lx);
  }
  if (isKeyword(p, 'attributes')) {
    nextToken(lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(lx) !== Tok.LBrace) {
    error(p, `expected '{' to open the module body, found ${describe(p)}`);
    return false;
  }
  const region = parseRegion(p, undefined);
  if (!region) return false;
  addRegion(d, region);
  return true;
}

function parseRegionOnlyBody(p: ParserState, d: OpDraft): boolean {
  if (isKeyword(p, 'attributes')) {
    nextToken(p.lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(p.lx) !== Tok.LBrace) {
    error(p, `expected '{' after '${d.name}', found ${describe(p)}`);
    return false;
  }
  const region = parseRegion(p, undefined);
  if (!region) return false;
  addRegion(d, region);
  return true;
}

/** `[private|public|...] @name(args) [-> results] [attributes {...}] [{ body }]` */
function parseFunctionBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  let guard = 8;
  while (tk(lx) === Tok.BareId && guard-- > 0) {
    // Visibility / linkage keywords: private, public, nested, internal, external, ...
    d.visibility = d.visibility ? `${d.visibility} ${text(p)}` : text(p);
    nextToken(lx);
  }
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the function's @name, found ${describe(p)}`);
    return false;
  }
  d.symbol = symbolRef(p);
  nextToken(lx);
  const sigStart = lx.start;
  if (!expect(p, Tok.LParen, "'(' to open the argument list")) return false;
  const args: BlockArgument[] = [];
  let isDeclarationStyle = false;
  if (tk(lx) !== Tok.RParen) {
    let g = lx.limit;
    while (g-- > 0) {
      if (tk(lx) === Tok.Ellipsis) {
        nextToken(lx);
      } else {
        const argStart = lx.start;
        let name = '';
        let nameSlot: number;
        if (tk(lx) === Tok.PercentId) {
          name = text(p);
          nameSlot = slot(p, lx.start, lx.end);
          nextToken(lx);
          if (!expect(p, Tok.Colon, () => `':' after argument ${name}`)) return false;
        } else {
          nameSlot = slot(p, argStart, argStart);
          isDeclarationStyle = true;
        }
        const type = parseType(p);
        if (!type) return false;
        let attributes: DictAttr | undefined;
        if (tk(lx) === Tok.LBrace) {
          attributes = parseDict(p);
          if (!attributes) return false;
        }
        let location: Location | undefined;
        if (isKeyword(p, 'loc')) location = parseLocation(p);
        const argSlot = slot(p, argStart, lx.prevEnd);
        args.push(new SlottedBlockArgument(p.slots, argSlot, nameSlot, name, type, attributes, location));
      }
      if (tk(lx) !== Tok.Comma) break;
      nextToken(lx);
    }
  }
  if (!expect(p, Tok.RParen, "')' to close the argument list")) return false;
  const results: FunctionResult[] = [];
  if (tk(lx) === Tok.Arrow) {
    nextToken(lx);
    if (tk(lx) === Tok.LParen) {
      nextToken(lx);
      let g = lx.limit;
      while (tk(lx) !== Tok.RParen && g-- > 0) {
        const r = parseFunctionResult(p, { allowAttributes: true });
        if (!r) return false;
        results.push(r);
        if (tk(lx) !== Tok.Comma) break;
        nextToken(lx);
      }
      if (!expect(p, Tok.RParen, "')' to close the result list")) return false;
    } else {
      // A bare result type is never followed by attributes: the `{` is the body.
      const r = parseFunctionResult(p, { allowAttributes: false });
      if (!r) return false;
      results.push(r);
    }
  }
  // One list for the signature and the entry block: both show the same arguments.
  const argList = exact(args);
  d.signature = new SlottedSignature(p.slots, slot(p, sigStart, lx.prevEnd), argList, exact(results));
  if (isKeyword(p, 'attributes')) {
    nextToken(lx);
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (tk(lx) === Tok.LBrace) {
    const entryArguments = isDeclarationStyle ? [] : argList;
    p.skippedBody = skipFunctionBody(p, entryArguments);
    if (p.skippedBody !== undefined) return true;
    const region = parseRegion(p, entryArguments);
    if (!region) return false;
    addRegion(d, region);
  }
  return true;
}

function parseFunctionResult(p: ParserState, options: { allowAttributes: boolean }): FunctionResult | undefined {
  const start = p.lx.start;
  const type = parseType(p);
  if (!type) return undefined;
  let attributes: DictAttr | undefined;
  if (options.allowAttributes && tk(p.lx) === Tok.LBrace) {
    attributes = parseDict(p);
    if (!attributes) return undefined;
  }
  return new SlottedFunctionResult(p.slots, slot(p, start, p.lx.prevEnd), type, attributes);
}

/** `return [%a, %b : T, U]` */
function parseReturnBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.PercentId && !lx.newlineBefore) {
    d.operands = parseOperandList(p);
    if (tk(lx) === Tok.Colon) {
      nextToken(lx);
      const types = parseTypeList(p);
      if (types === undefined) return false;
      d.operandTypes = types;
    }
  }
  return true;
}

/** `@f(%a) [{attrs}] : (T) -> U` */
function parseCallBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the callee @name, found ${describe(p)}`);
    return false;
  }
  addSymbolUse(d, symbolRef(p));
  nextToken(lx);
  if (!expect(p, Tok.LParen, "'(' after the callee")) return false;
  d.operands = parseOperandList(p);
  if (!expect(p, Tok.RParen, "')' after call operands")) return false;
  return parseAttrsAndFunctionType(p, d);
}

function parseAttrsAndFunctionType(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) === Tok.LBrace) {
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  if (!expect(p, Tok.Colon, () => `':' and the function type of '${d.name}'`)) return false;
  if (tk(lx) === Tok.LParen) return parseOpFunctionType(p, d);
  const type = parseType(p);
  if (!type) return false;
  d.resultTypes = [type];
  return true;
}

/** `@default_device = <...>`: the attribute becomes the `device_attr` property (its name in tt-mlir's DeviceOp). */
function parseDeviceBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the device @name, found ${describe(p)}`);
    return false;
  }
  d.symbol = symbolRef(p);
  nextToken(lx);
  if (!expect(p, Tok.Equal, "'=' after the device name")) return false;
  const attrStart = lx.start;
  const attr = parseAttr(p);
  if (!attr) return false;
  const entry: DictEntry = {
    name: 'device_attr',
    nameRange: span(p, attrStart, attrStart),
    value: attr,
    range: spanOf(p, attr),
  };
  d.properties = { kind: 'dict', entries: [entry], range: spanOf(p, attr) };
  if (tk(lx) === Tok.LBrace && !lx.newlineBefore) {
    const attrs = parseDict(p);
    if (!attrs) return false;
    d.attributes = attrs;
  }
  return true;
}

/** `(@f, [%a, %b]) : (T) -> (U)` */
function parseLoadCachedBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  if (!expect(p, Tok.LParen, "'(' after load_cached")) return false;
  if (tk(lx) !== Tok.AtId) {
    error(p, `expected the callee @name, found ${describe(p)}`);
    return false;
  }
  addSymbolUse(d, symbolRef(p));
  nextToken(lx);
  if (!expect(p, Tok.Comma, "',' after the callee")) return false;
  if (!expect(p, Tok.LSquare, "'[' to open the operand list")) return false;
  d.operands = parseOperandList(p);
  if (!expect(p, Tok.RSquare, "']' to close the operand list")) return false;
  if (!expect(p, Tok.RParen, "')' after load_cached operands")) return false;
  return parseAttrsAndFunctionType(p, d);
}

/**
 * Any other custom-form op (llvm.*, scf.*, stablehlo.*, d2m.*, ...): its grammar is unknown, so it ends at the first
 * line break that is not inside brackets, not after a continuation token and not before a line that cannot start an
 * op (`continuesOnNextLine`). `%x` become operands, `@x` symbol uses, `^bb` successors, `{` followed by a line break
 * (or an op) a region unless a `name =` entry follows, and a trailing `: (T) -> U` or `: T` the types when they parse.
 */
function parseUnknownCustomBody(p: ParserState, d: OpDraft): boolean {
  // Operands are met one by one, around regions whose ops build their own lists on the same stack.
  const operandsMark = p.valueLists.mark();
  try {
    return scanUnknownCustomBody(p, d);
  } finally {
    d.operands = p.valueLists.take(operandsMark);
  }
}

function scanUnknownCustomBody(p: ParserState, d: OpDraft): boolean {
  const lx = p.lx;
  let guard = lx.limit - lx.start + 2;
  let prev: Tok = Tok.BareId;
  const definesSymbol = d.name.endsWith('.global');
  while (guard-- > 0) {
    const k = tk(lx);
    if (k === Tok.Eof || k === Tok.RBrace || k === Tok.FileMetadataBegin) break;
    if (lx.newlineBefore && !isContinuation(prev) && !continuesOnNextLine(p)) break;
    if (k === Tok.BareId && isKeyword(p, 'loc') && adjacentOrSpacedParen(p)) break;
    prev = k;
    switch (k) {
      case Tok.PercentId:
        p.valueLists.push(valueUse(p));
        nextToken(lx);
        break;
      case Tok.AtId: {
        const ref = symbolRef(p);
        if (definesSymbol && !d.symbol) d.symbol = ref;
        else addSymbolUse(d, ref);
        nextToken(lx);
        break;
      }
      case Tok.CaretId:
        addSuccessor(d, { name: text(p), range: tokRange(p) });
        nextToken(lx);
        break;
      case Tok.LBrace:
        if (looksLikeRegion(p)) {
          const region = parseRegion(p, undefined);
          if (!region) return false;
          addRegion(d, region);
        } else {
          // Unknown grammar: a brace group that is not a dictionary (e.g. stablehlo's `window = {stride = [1]}` is
          // one, a `{x, y}` set is not) is skipped as a token tree rather than reported.
          const mark = markLexer(lx);
          const errorCount = p.errors.length;
          const attrs = parseDict(p);
          if (attrs) {
            if (!d.attributes) d.attributes = attrs;
          } else {
            p.errors.length = errorCount;
            resetLexer(lx, mark);
            const group = parseGroup(p);
            if (group) collectTreeRefs(p, group, d);
          }
        }
        prev = Tok.RBrace;
        break;
      case Tok.Colon: {
        nextToken(lx);
        const mark = markLexer(lx);
        const errorCount = p.errors.length;
        const types = parseTypeList(p);
        if (types !== undefined && (lx.newlineBefore || tk(lx) === Tok.Eof || isKeyword(p, 'loc'))) {
          if (types.length === 1 && types[0].kind === 'function') {
            d.operandTypes = types[0].inputs;
            d.resultTypes = types[0].results;
          } else {
            d.resultTypes = types;
          }
          prev = Tok.Greater;
        } else {
          // Not a plain type list (e.g. `!llvm.ptr to i64`): keep scanning token by token.
          p.errors.length = errorCount;
          resetLexer(lx, mark);
          prev = Tok.Colon;
        }
        break;
      }
      default:
        if (isOpener(k)) {
          const group = parseGroup(p);
          if (group) collectTreeRefs(p, group, d);
          prev = Tok.RParen;
        } else {
          nextToken(lx);
        }
        break;
    }
  }
  return true;
}

/**
 * A line that cannot start an op continues the previous one. An op (or an alias definition) starts with `%x`, a
 * quoted name, a word, `#x`/`!x` or `^bb` (`isStatementStart`); a line starting with one of `: T`, `-> T`, `{` (a
 * region or dictionary printed on its own line: tt-mlir's multi-line `d2m.generic {...}\n ins(..)\n outs(..)\n {`),
 * `(`, `[`, `,`, `=` continues (any other token ends the op). So does a word followed by `=` (a keyword attribute: stablehlo's
 * `dim_numbers = [b, 0, 1, f]x[...]->[...]` and `window = {...}` lines) and an undotted keyword group such as
 * `ins(...)` / `outs(...)` (tt-mlir prints `ttnn.d2m_subgraph @f` with `ins(`/`outs(` on the following lines).
 */
function continuesOnNextLine(p: ParserState): boolean {
  const lx = p.lx;
  const k = tk(lx);
  if (
    k === Tok.Colon ||
    k === Tok.Arrow ||
    k === Tok.LBrace ||
    k === Tok.LParen ||
    k === Tok.LSquare ||
    k === Tok.Comma ||
    k === Tok.Equal
  )
    return true;
  if (k !== Tok.BareId) return false;
  if (nextNonSpaceChar(p) === 61) return true;
  if (!adjacentChar(p, 40)) return false;
  for (let i = lx.start; i < lx.end; i++) if (p.text.charCodeAt(i) === 46) return false;
  return !isKeyword(p, 'return') && !isKeyword(p, 'call') && !isKeyword(p, 'module') && !isKeyword(p, 'loc');
}

/** The first character after the current token and any spaces or tabs on its line. */
function nextNonSpaceChar(p: ParserState): number {
  let i = p.lx.end;
  let c = p.text.charCodeAt(i);
  while (c === 32 || c === 9) c = p.text.charCodeAt(++i);
  return c;
}

function isContinuation(k: Tok): boolean {
  return k === Tok.Comma || k === Tok.Colon || k === Tok.Equal || k === Tok.Arrow;
}

/**
 * After `{`: a region if a line break or an op-like token follows; otherwise an attribute dictionary. A word or
 * string followed by `=` or `,` is a dictionary entry even on the next line (no op starts so; stablehlo prints
 * `stablehlo.composite "f" %a {` and d2m `d2m.spatial {` with their attributes one per line).
 */
function looksLikeRegion(p: ParserState): boolean {
  const lx = p.lx;
  const mark = markLexer(lx);
  nextToken(lx);
  const k = tk(lx);
  let region =
    lx.newlineBefore ||
    k === Tok.PercentId ||
    k === Tok.CaretId ||
    (k === Tok.String && p.text.charCodeAt(lx.end) === 40);
  if (region && lx.newlineBefore && (k === Tok.BareId || k === Tok.String)) {
    const c = nextNonSpaceChar(p);
    if (c === 61 || c === 44) region = false;
  }
  resetLexer(lx, mark);
  return region && k !== Tok.RBrace;
}

function collectTreeRefs(p: ParserState, tree: TokenTree, d: OpDraft): void {
  // Iterative walk: token trees can be deep.
  const stack: TokenTree[] = [tree];
  let guard = 1 << 22;
  while (stack.length > 0 && guard-- > 0) {
    const t = stack.pop() as TokenTree;
    if (t.kind === 'group') {
      for (let i = t.children.length - 1; i >= 0; i--) stack.push(t.children[i]);
    } else if (t.leafKind === 'percentIdent') {
      const hash = t.text.indexOf('#');
      p.valueLists.push(
        hash < 0
          ? { name: t.text, resultIndex: undefined, range: spanOf(p, t) }
          : { name: t.text.slice(0, hash), resultIndex: Number(t.text.slice(hash + 1)), range: spanOf(p, t) },
      );
    } else if (t.leafKind === 'atIdent') {
      addSymbolUse(d, { name: t.text, range: spanOf(p, t) });
    } else if (t.leafKind === 'caretIdent') {
      addSuccessor(d, { name: t.text, range: spanOf(p, t) });
    }
  }
}

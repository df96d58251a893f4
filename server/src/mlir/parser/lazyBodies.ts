/**
 * Function bodies parsed on first use (`ParseOptions.lazyFunctionBodies`), for one-shot consumers such as the CLI's
 * `check`: the parse skips each `func.func` body to its matching `}` (lexer.ts `matchingBraceEnd`, no tokens) and the
 * op's `regions` parses it at each read. A consumer that reads a body once and keeps what it derived (the TTNN view)
 * leaves the body's syntax garbage while it is young: no 100 MB tree is retained, and the GC does not copy it.
 *
 * A lazy parse equals an eager one only where every body parses cleanly: the body's own parse reports no error and
 * ends at the skipped-to `}`. Error recovery may run past a `}` that the brace count took for the end, so a body that
 * is not clean makes the lazy parse unusable (`lazyBodiesParseCleanly`), and the caller parses again eagerly.
 */

import { RangeTable } from '../../text/rangeTable';
import { createLexer, matchingBraceEnd, relexFrom } from '../lexer';
import type { BlockArgument, Operation, ParseResult, Region } from '../syntax';
import { parseRegion } from './operations';
import { EMPTY, derivedParserState, type ParserState } from './state';

export interface LazyBody {
  /** The chunk's parse: its text and limit, and its caches of shared texts (a body's types share the file's). */
  readonly owner: ParserState;
  /** Offset of the body's `{`. */
  readonly start: number;
  /** Offset after the matching `}`. */
  readonly end: number;
  readonly entryArguments: readonly BlockArgument[];
  /** The nesting depth at the `{` in the eager parse (the depth limit must cut at the same places). */
  readonly depth: number;
  /** Undefined until the body is first parsed; then whether every parse of it was clean. */
  clean: boolean | undefined;
}

/**
 * At a function body's `{` in a lazy parse: records the body and moves the lexer past it, as parsing it would.
 * Undefined (the caller parses the body) in an eager parse, or when the brace count cannot tell the end.
 */
export function skipFunctionBody(p: ParserState, entryArguments: readonly BlockArgument[]): LazyBody | undefined {
  if (p.lazyBodies === undefined) return undefined;
  const start = p.lx.start;
  const end = matchingBraceEnd(p.text, start, p.lx.limit, p.braceOffsets);
  if (end === undefined) return undefined;
  const body: LazyBody = { owner: p, start, end, entryArguments, depth: p.depth, clean: undefined };
  p.lazyBodies.push(body);
  relexFrom(p.lx, end);
  return body;
}

// Keyed by a parse's own objects (its function ops, its result): parses stay independent, as parser/state.ts requires.
const lazyBodyOfOp = new WeakMap<Operation, LazyBody>();

/** `regions` of an op `withLazyRegions` made: one accessor for all of them, so that they share one hidden class. */
const LAZY_REGIONS: PropertyDescriptor = {
  get(this: Operation): readonly Region[] {
    const body = lazyBodyOfOp.get(this);
    return body === undefined ? EMPTY : [parseLazyBody(body)];
  },
  enumerable: true,
};

/**
 * `op` with a `regions` that parses `body` at each read (a new tree each time: read it once and keep what you derive).
 * A new object, its fields stored in `op`'s order with the shared accessor in `regions`' place: redefining the data
 * property of `op` made it a dictionary-mode object (~770 B instead of ~170 B, for each function), and so does an
 * object literal with a getter.
 */
export function withLazyRegions(op: Operation, body: LazyBody): Operation {
  const lazy: Record<string, unknown> = {};
  lazy.kind = op.kind;
  lazy.name = op.name;
  lazy.nameRange = op.nameRange;
  lazy.form = op.form;
  lazy.results = op.results;
  lazy.operands = op.operands;
  lazy.successors = op.successors;
  lazy.properties = op.properties;
  lazy.attributes = op.attributes;
  Object.defineProperty(lazy, 'regions', LAZY_REGIONS);
  lazy.operandTypes = op.operandTypes;
  lazy.resultTypes = op.resultTypes;
  lazy.symbol = op.symbol;
  lazy.symbolUses = op.symbolUses;
  lazy.location = op.location;
  lazy.range = op.range;
  lazy.signature = op.signature;
  lazy.visibility = op.visibility;
  const lazyOp = lazy as unknown as Operation;
  lazyBodyOfOp.set(lazyOp, body);
  return lazyOp;
}

/** What a function body is besides its ops. */
export interface FunctionBodyShape {
  /** 0 for a declaration (no body, or an empty body without arguments). */
  readonly blockCount: number;
  readonly entryArguments: readonly BlockArgument[];
}

/**
 * Hands each op of `fn`'s body blocks to `visit`, in source order. A lazily parsed body is parsed with its ops handed
 * on as they are finished, kept nowhere: a consumer that keeps only what it derives from each op (the TTNN view) lets
 * the op's syntax go while it is young, whatever the function's length. Other functions' ops are read from the tree.
 * An op is valid during its `visit` only: the slots of its nodes (parser/nodes.ts) are then reused for the next op's,
 * so that the body's slot table stays one op's size (a 50k-op body's grew to 10 MB of arrays kept to the end).
 */
export function forEachFunctionOp(fn: Operation, visit: (op: Operation) => void): FunctionBodyShape {
  const lazy = lazyBodyOfOp.get(fn);
  const region = lazy === undefined ? fn.regions[0] : parseLazyBody(lazy, visit);
  const blocks = region?.blocks ?? EMPTY;
  if (lazy === undefined) for (const block of blocks) for (const op of block.operations) visit(op);
  return { blockCount: blocks.length, entryArguments: blocks[0]?.arguments ?? EMPTY };
}

/** Slots of a streamed body's table before it grows: more than a typical op's nodes take. */
const STREAMED_SLOTS = 256;

/**
 * Parses the body in a state derived from its chunk's: same text, limit, depth and caches; errors of its own. With
 * `visit`, the ops of the body's own blocks go to it instead of into the blocks.
 */
function parseLazyBody(body: LazyBody, visit?: (op: Operation) => void): Region {
  const owner = body.owner;
  const p = derivedParserState(owner, {
    lx: createLexer(owner.text, body.start, owner.lx.limit),
    // Its own slots: the table goes with the body's nodes when they become garbage. Streamed, it holds one op's slots
    // at a time (operations.ts `parseBlock`).
    slots: new RangeTable(visit === undefined ? Math.max(64, (body.end - body.start) >> 4) : STREAMED_SLOTS),
    depth: body.depth,
    opSink: visit,
    // parseRegion enters one level: the body's blocks are parsed at the depth after it.
    opSinkDepth: body.depth + 1,
  });
  const region = parseRegion(p, body.entryArguments);
  const clean = region !== undefined && p.errors.length === 0 && p.lx.prevEnd === body.end;
  body.clean = clean && body.clean !== false;
  return region ?? { blocks: EMPTY, range: { start: body.start, end: body.end } };
}

const lazyBodiesOfParse = new WeakMap<ParseResult, readonly LazyBody[]>();

/** Remembers the bodies a lazy parse skipped (parser/index.ts). */
export function registerLazyBodies(parse: ParseResult, bodies: readonly LazyBody[]): void {
  if (bodies.length > 0) lazyBodiesOfParse.set(parse, bodies);
}

/**
 * Whether the lazy parse equals an eager parse of the same text: every skipped body parses without an error and ends
 * where it was skipped to. Bodies no consumer has read yet are parsed here (and dropped). True for an eager parse.
 */
export function lazyBodiesParseCleanly(parse: ParseResult): boolean {
  for (const body of lazyBodiesOfParse.get(parse) ?? EMPTY) {
    if (body.clean === undefined) parseLazyBody(body);
    if (body.clean !== true) return false;
  }
  return true;
}

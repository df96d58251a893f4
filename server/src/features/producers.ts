/**
 * Producer chains: which ops made the tensor an op consumes (nearest first), following each producer's first tensor
 * operand — e.g. the reshape that made the 4x4884480 tensor the failing to_layout untilizes. Per-function
 * definition maps are built once per analysis and cached.
 */

import type { FunctionAnalysis, OpAnalysis } from '../analysis/analyze';
import type { ValueSpec } from '../ttnn/op';
import type { OpEntry } from './documentAnalysis';
import { NumberedNameIndex } from '../text/numberedNames';

export interface ProducerLink {
  readonly op: OpAnalysis;
  readonly resultName: string;
  /** `4x4884480xbf16 tile, dram interleaved`. */
  readonly tensorText: string;
}

/**
 * A link whose tensor is worded on first read: a republish reuses the diagnostic's words and only compares the
 * producers. A class, not an object literal with a getter: V8 gives each such literal a hidden class of its own.
 */
class LazyProducerLink implements ProducerLink {
  readonly op: OpAnalysis;
  readonly resultName: string;
  private readonly spec: ValueSpec | undefined;

  constructor(op: OpAnalysis, resultName: string, spec: ValueSpec | undefined) {
    this.op = op;
    this.resultName = resultName;
    this.spec = spec;
  }

  get tensorText(): string {
    return tensorText(this.spec);
  }
}

// Keyed by the function's live intervals: the analysis hands a later version the same intervals array only when every
// op keeps its SSA names and index (see analyzeTtnnModule's reuse), so the table carries over an edit without a rebuild.
const definitionTables = new WeakMap<FunctionAnalysis['liveIntervals'], DefinitionTable>();

/**
 * Which op of a function defines each SSA name (the last one, for a malformed file that repeats a name). Numbered
 * names (`%123`, nearly all of a dump's) are looked up in a table indexed by the number (text/numberedNames.ts), other
 * names in a map: a map of every result name cost ~46 ms to build at 100k ops (a string hash per name), and each of a
 * first publish's 17.6k look-ups hashed its name again.
 */
class DefinitionTable {
  private readonly indexes: NumberedNameIndex;

  constructor(fn: FunctionAnalysis) {
    let results = 0;
    for (let i = 0; i < fn.ops.length; i++) results += fn.ops[i]!.op.resultNames.length;
    this.indexes = new NumberedNameIndex(results);
    for (let i = 0; i < fn.ops.length; i++) {
      const names = fn.ops[i]!.op.resultNames;
      for (let r = 0; r < names.length; r++) this.indexes.set(names[r]!, i);
    }
  }

  /** The index of the op defining `name`, or undefined. */
  indexOf(name: string): number | undefined {
    const index = this.indexes.get(name);
    return index < 0 ? undefined : index;
  }
}

function definedByOf(fn: FunctionAnalysis): DefinitionTable {
  let table = definitionTables.get(fn.liveIntervals);
  if (table === undefined) {
    table = new DefinitionTable(fn);
    definitionTables.set(fn.liveIntervals, table);
  }
  return table;
}

/** The producers of the op's first tensor operand, nearest first, at most `maxDepth` long. */
export function producerChain(entry: OpEntry, maxDepth: number): ProducerLink[] {
  const definedBy = definedByOf(entry.fn);
  const chain: ProducerLink[] = [];
  let current = entry.op;
  for (let depth = 0; depth < maxDepth; depth++) {
    const operandIndex = firstTensorIndex(current.op.operands);
    const name = operandIndex < 0 ? undefined : current.op.operandNames[operandIndex];
    const index = name === undefined ? undefined : definedBy.indexOf(name);
    // Only earlier ops: SSA dominance in a straight-line body; anything else means a malformed file.
    if (name === undefined || index === undefined || index >= current.index) break;
    const producer = entry.fn.ops[index]!;
    chain.push(new LazyProducerLink(producer, name, producer.op.results[producer.op.resultNames.indexOf(name)]));
    current = producer;
  }
  return chain;
}

/** The index of the first tensor among `specs`, or -1. */
function firstTensorIndex(specs: readonly ValueSpec[]): number {
  for (let i = 0; i < specs.length; i++) if (specs[i]!.kind === 'tensor') return i;
  return -1;
}

/** `4x4884480xbf16 tile, dram interleaved` (or what is known of it). */
export function tensorText(spec: ValueSpec | undefined): string {
  if (spec === undefined || spec.kind !== 'tensor') return 'a non-tensor value';
  const shape = spec.shape.kind === 'known' ? spec.shape.dims.join('x') : '?';
  if (spec.layout.kind !== 'layout')
    return `${shape}x${spec.elementDtype ?? '?'} (layout unknown: ${spec.layout.reason})`;
  const l = spec.layout;
  return `${shape}x${l.dtype} ${l.pageLayout}, ${l.bufferType}${l.memoryLayout === undefined ? '' : ` ${l.memoryLayout}`}`;
}

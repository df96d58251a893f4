/** Reading the CLI's input files: the shared open-input routine (host/openInput.ts), analysed inputs heap-checked. */

import { readInputText, type InputText } from '../host/openInput';

export type ReadResult = InputText;

/** A file the CLI parses and analyses (a dump): regular files only, size and heap checked, read with a bound. */
export function readSourceFile(path: string): ReadResult {
  return readInputText(path, { analysed: true });
}

/** A file the CLI only reads (a runtime log, a system desc, a Python source): regular, size-capped, bounded read. */
export function readAuxiliaryFile(path: string): ReadResult {
  return readInputText(path);
}

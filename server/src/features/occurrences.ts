/** The op chain under an offset, kept importable from here for features/incrementalParse.ts; it lives in mlir/. */

export { opsAt } from '../mlir/occurrences';

/**
 * The MLIR op traits this project needs, by op name, for the ops tt-mlir files use: which ops hold a symbol table
 * and which start a fresh SSA scope. One place, so name resolution, the TTNN view and the verifier agree.
 */

import type { Operation } from './syntax';

// builtin.module, and tt-mlir's device and CPU module wrappers (IsolatedFromAbove + SymbolTable in
// tenstorrent/tt-mlir include/ttmlir/Dialect/TTCore/IR/TTCoreOps.td@01d675a; `tt.` is the pre-2025 dialect name).
const CPU_MODULES: ReadonlySet<string> = new Set(['ttcore.cpu_module', 'tt.cpu_module']);
const DEVICE_MODULES: ReadonlySet<string> = new Set(['ttcore.device_module', 'tt.device_module']);

/** Ops whose region is a symbol table (nested ones shadow the symbols of the tables around them). */
export function isSymbolTable(op: Operation): boolean {
  return op.name === 'builtin.module' || DEVICE_MODULES.has(op.name) || CPU_MODULES.has(op.name);
}

/** Ops whose regions start a fresh SSA scope: the module ops and function-like ops (`func.func`, `llvm.func`). */
export function isIsolatedFromAbove(op: Operation): boolean {
  return isSymbolTable(op) || op.signature !== undefined || op.name === 'func.func' || op.name === 'llvm.func';
}

/** `ttcore.cpu_module`: host code, no device L1. */
export function isCpuModule(op: Operation): boolean {
  return CPU_MODULES.has(op.name);
}

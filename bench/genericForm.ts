/**
 * A mechanical rewrite of a printed tt-mlir dump into what LLVM 16's `mlir-opt --allow-unregistered-dialect` reads, so
 * the bench can time LLVM's own parser on the same text: properties `<{...}>` (LLVM 17+) become discardable
 * attributes `{...}`, and tt-mlir's custom-form ops (`ttcore.device_module`, `ttcore.cpu_module`, `ttcore.device`,
 * `ttcore.load_cached`) are written in generic form. Nothing else changes; our report on the copy equals the one on
 * the original (checked by the bench).
 */

import { matchingClose } from '../server/src/mlir/textScan';

/** Rewrites `text`; throws when a construct it must rewrite does not close (the generator's output always does). */
export function toGenericForm(text: string): string {
  let out = rewriteProperties(text);
  out = rewriteRegionOps(out, 'ttcore.device_module');
  out = rewriteRegionOps(out, 'ttcore.cpu_module');
  out = out.replace(
    /ttcore\.device @([\w.$-]+) = </g,
    (_m, name: string) => `"ttcore.device"() {sym_name = "${name}", device_attr = #ttcore.device<`,
  );
  out = closeDeviceOps(out);
  out = out.replace(
    /ttcore\.load_cached\((@[\w.$-]+), \[([^\]]*)\]\)/g,
    (_m, callee: string, args: string) => `"ttcore.load_cached"(${args}) {callee = ${callee}}`,
  );
  return out;
}

/** `) <{a = 1}> :` → `) {a = 1} :`, skipping strings. */
function rewriteProperties(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(' <{', from); at >= 0; at = text.indexOf(' <{', from)) {
    const close = matchingClose(text, at + 1);
    if (close === undefined || text[close - 1] !== '}') throw new Error(`unclosed properties at offset ${at}`);
    parts.push(text.slice(from, at), ' {', text.slice(at + 3, close - 1), '}');
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** `name {` … `} loc(x)` → `"name"() ({` … `}) : () -> () loc(x)`. */
function rewriteRegionOps(text: string, name: string): string {
  let out = text;
  for (let at = out.indexOf(`${name} {`); at >= 0; at = out.indexOf(`${name} {`, at + 1)) {
    const open = at + name.length + 1;
    const close = matchingClose(out, open);
    if (close === undefined) throw new Error(`unclosed ${name}`);
    out = `${out.slice(0, at)}"${name}"() (${out.slice(open, close + 1)}) : () -> ()${out.slice(close + 1)}`;
  }
  return out;
}

/** After the `device_attr = #ttcore.device<` opening, close the dict and add the generic type after the attribute. */
function closeDeviceOps(text: string): string {
  const marker = 'device_attr = #ttcore.device<';
  let out = text;
  for (let at = out.indexOf(marker); at >= 0; at = out.indexOf(marker, at + 1)) {
    const open = at + marker.length - 1;
    const close = matchingClose(out, open);
    if (close === undefined) throw new Error('unclosed ttcore.device attribute');
    out = `${out.slice(0, close + 1)}} : () -> ()${out.slice(close + 1)}`;
  }
  return out;
}

// Loads syntaxes/mlir.tmLanguage.json into vscode-textmate (with the oniguruma wasm that ships in its npm package)
// and answers "which scopes does this piece of a line get", for the grammar tests.
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const GRAMMAR_PATH = path.join(__dirname, '..', '..', 'syntaxes', 'mlir.tmLanguage.json');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** The `source.mlir` grammar, loaded once per test run. */
export function loadMlirGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: (scopeName) =>
        Promise.resolve(
          scopeName === 'source.mlir'
            ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
            : null,
        ),
    });
    const grammar = await registry.loadGrammar('source.mlir');
    if (grammar === null) throw new Error(`cannot load ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

export interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly vsctm.IToken[];
  /** Rule-stack depth after the line; 1 means every bracket the line opened was closed. */
  readonly depthAfter: number;
}

/** Tokenizes lines in order, carrying the rule stack across them as an editor does. */
export function tokenizeLines(grammar: vsctm.IGrammar, lines: readonly string[]): TokenizedLine[] {
  let state = vsctm.INITIAL;
  return lines.map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return { text, tokens: result.tokens, depthAfter: state.depth };
  });
}

/**
 * Scope lists of the tokens that cover `needle` (its `occurrence`-th match, 0-based) in the line, or an error string
 * when it is absent or (with `exact`) when the tokens do not start and end exactly at its edges.
 */
export function scopesCovering(
  line: TokenizedLine,
  needle: string,
  occurrence = 0,
  options: { readonly exact: boolean } = { exact: true },
): string[][] | string {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = line.text.indexOf(needle, start + 1);
    if (start < 0) return `'${needle}' (occurrence ${occurrence}) not in line`;
  }
  const end = start + needle.length;
  const covering = line.tokens.filter((t) => t.startIndex < end && t.endIndex > start);
  const first = covering[0];
  const last = covering[covering.length - 1];
  if (first === undefined || last === undefined) return `no tokens cover '${needle}'`;
  if (options.exact && (first.startIndex !== start || Math.min(last.endIndex, line.text.length) !== end)) {
    const pieces = covering.map((t) => `'${line.text.slice(t.startIndex, t.endIndex)}'`).join(' ');
    return `'${needle}' is split unevenly: ${pieces}`;
  }
  return covering.map((t) => t.scopes);
}

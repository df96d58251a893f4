/** Seeded text mutations for the parser's robustness tests: each returns a damaged copy of a real file. */

const GARBAGE = [
  '<',
  '>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '"',
  '%',
  '#',
  '!',
  '@',
  '^',
  ':',
  '=',
  '->',
  '{-#',
  '#-}',
  '// -----\n',
  '((((((',
  '<<<<',
  '\u{1F600}',
  '\0',
  '0x',
  '1x',
  'loc(',
  'tensor<',
  '\\',
  '\n',
];

export type Mutation = (text: string, random: () => number) => string;

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  deleteChar: (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + t.slice(i + 1);
  },
  insertGarbage: (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + GARBAGE[Math.floor(r() * GARBAGE.length)] + t.slice(i);
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  unbalance: (t, r) => {
    // Delete one bracket character somewhere.
    const positions: number[] = [];
    for (let i = 0; i < t.length; i++) if ('<>(){}[]'.includes(t[i])) positions.push(i);
    if (positions.length === 0) return t;
    const i = positions[Math.floor(r() * positions.length)];
    return t.slice(0, i) + t.slice(i + 1);
  },
};

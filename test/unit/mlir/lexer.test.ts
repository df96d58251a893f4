import * as assert from 'node:assert/strict';
import { Tok, createLexer, nextToken, unescapeString } from '../../../server/src/mlir/lexer';

interface Lexed {
  readonly kind: Tok;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly newlineBefore: boolean;
}

function lexAll(text: string): Lexed[] {
  const lx = createLexer(text, 0, text.length);
  const out: Lexed[] = [];
  for (let guard = 0; guard < text.length + 2 && lx.kind !== Tok.Eof; guard++) {
    out.push({
      kind: lx.kind,
      text: text.slice(lx.start, lx.end),
      start: lx.start,
      end: lx.end,
      newlineBefore: lx.newlineBefore,
    });
    nextToken(lx);
  }
  return out;
}

const kindsAndTexts = (text: string): [Tok, string][] => lexAll(text).map((t) => [t.kind, t.text]);

describe('mlir lexer', () => {
  it('splits a shape prefix from its element type: 1x768x4x60x106xbf16', () => {
    assert.deepEqual(kindsAndTexts('1x768x4x60x106xbf16'), [
      [Tok.DimList, '1x768x4x60x106x'],
      [Tok.BareId, 'bf16'],
    ]);
  });

  it('keeps a tile element type apart: 1x152640x!ttcore.tile<32x32, bf16>', () => {
    assert.deepEqual(kindsAndTexts('1x152640x!ttcore.tile<32x32, bf16>'), [
      [Tok.DimList, '1x152640x'],
      [Tok.BangId, '!ttcore.tile'],
      [Tok.Less, '<'],
      [Tok.DimList, '32x32'],
      [Tok.Comma, ','],
      [Tok.BareId, 'bf16'],
      [Tok.Greater, '>'],
    ]);
  });

  it('tells hex literals from dimension lists', () => {
    assert.deepEqual(kindsAndTexts('0x1F 0xFF 0x0x0x0 0x0 4x16 12'), [
      [Tok.Integer, '0x1F'],
      [Tok.Integer, '0xFF'],
      [Tok.DimList, '0x0x0x0'],
      [Tok.DimList, '0x0'],
      [Tok.DimList, '4x16'],
      [Tok.Integer, '12'],
    ]);
  });

  it('lexes floats with exponents', () => {
    assert.deepEqual(kindsAndTexts('9.99999997E-7 1.5 2.0e+3'), [
      [Tok.Float, '9.99999997E-7'],
      [Tok.Float, '1.5'],
      [Tok.Float, '2.0e+3'],
    ]);
  });

  it('keeps the #N suffix of a value use and splits %0:6', () => {
    assert.deepEqual(kindsAndTexts('%0#2 %0:6 %arg1'), [
      [Tok.PercentId, '%0#2'],
      [Tok.PercentId, '%0'],
      [Tok.Colon, ':'],
      [Tok.Integer, '6'],
      [Tok.PercentId, '%arg1'],
    ]);
  });

  it('lexes prefixed identifiers, arrows and resource markers', () => {
    assert.deepEqual(kindsAndTexts('#ttnn.ttnn_layout<#dram> !t @main @"q s" ^bb0 -> - {-# #-}'), [
      [Tok.HashId, '#ttnn.ttnn_layout'],
      [Tok.Less, '<'],
      [Tok.HashId, '#dram'],
      [Tok.Greater, '>'],
      [Tok.BangId, '!t'],
      [Tok.AtId, '@main'],
      [Tok.AtId, '@"q s"'],
      [Tok.CaretId, '^bb0'],
      [Tok.Arrow, '->'],
      [Tok.Minus, '-'],
      [Tok.FileMetadataBegin, '{-#'],
      [Tok.FileMetadataEnd, '#-}'],
    ]);
  });

  it('records exact ranges and line starts, skipping comments', () => {
    const text = '%a = // note\n  "x.y"';
    const tokens = lexAll(text);
    assert.deepEqual(
      tokens.map((t) => [t.start, t.end, t.newlineBefore]),
      [
        [0, 2, true],
        [3, 4, false],
        [15, 20, true],
      ],
    );
  });

  it('unescapes strings and flags unterminated ones', () => {
    const text = '"a\\"b\\\\c\\0A\\n"';
    const [tok] = lexAll(text);
    assert.equal(tok.kind, Tok.String);
    assert.equal(unescapeString(text, tok.start, tok.end), 'a"b\\c\n\n');
    const bad = lexAll('"open\nx');
    assert.equal(bad[0].kind, Tok.Error);
    assert.deepEqual([bad[0].start, bad[0].end], [0, 5]);
    assert.equal(bad[1].text, 'x');
  });

  it('makes one error token per stray character, keeping surrogate pairs whole', () => {
    assert.deepEqual(kindsAndTexts('$ \u{1F600}'), [
      [Tok.Error, '$'],
      [Tok.Error, '\u{1F600}'],
    ]);
  });
});

/**
 * Tokens of the STIX 2.1 patterning language (§9.2 constants, §9.4 whitespace), following the
 * OASIS STIXPattern.g4 token rules: case-sensitive keywords, `=`/`==`, `!=`/`<>`, signed
 * numbers, '…' strings whose only escapes are \' and \\, and t'…', b'…', h'…' constants.
 * Whitespace is any Unicode White_Space code point (§9.4); /* … *\/ and // comments are
 * skipped as the OASIS grammar does.
 *
 * The lexer is pulled one token at a time by the parser, so errors surface in source order.
 * Stray characters become `invalid` tokens and the parser reports what it expected instead;
 * only malformed literals (unterminated, bad escape) are reported here.
 */
import { END_OF_PATTERN, PatternSyntaxError, locate } from './errors';

export type TokenKind =
  | 'punct' // [ ] ( ) : . , *
  | 'op' // = == != <> < <= > >=
  | 'word' // identifiers and keywords: [A-Za-z_][A-Za-z0-9_-]*
  | 'string' // '…' — `value` is the unescaped text
  | 'timestamp' // t'…' — `value` is the text between the quotes
  | 'binary' // b'…' — `value` is the base64 text, line feeds removed
  | 'hex' // h'…' — `value` is the hex text
  | 'integer'
  | 'float'
  | 'invalid'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const TRIVIA = /(?:\p{White_Space}+|\/\/[^\r\n]*|\/\*[\s\S]*?\*\/)+/uy;
const PUNCT = '[]():.,*';

export class Lexer {
  private pos = 0;

  constructor(private readonly source: string) {}

  next(): Token {
    this.skipTrivia();
    const src = this.source;
    const start = this.pos;
    if (start >= src.length) return this.token('eof', start, start);
    const c = src[start]!;
    const n = src[start + 1];

    if (c === "'") return this.quoted('string', start, start);
    if ((c === 't' || c === 'b' || c === 'h') && n === "'") {
      return this.quoted(c === 't' ? 'timestamp' : c === 'b' ? 'binary' : 'hex', start, start + 1);
    }
    if (PUNCT.includes(c) && !(c === '.' && isDigit(n)))
      return this.token('punct', start, start + 1);
    if (c === '=') return this.token('op', start, n === '=' ? start + 2 : start + 1);
    if (c === '!' && n === '=') return this.token('op', start, start + 2);
    if (c === '<') return this.token('op', start, n === '=' || n === '>' ? start + 2 : start + 1);
    if (c === '>') return this.token('op', start, n === '=' ? start + 2 : start + 1);

    // Numbers and words are scanned by character code: the regular expressions they replace
    // (a signed number, then a word) were a third of the lexer's time in bulk ingest.
    const numberEnd = scanNumber(src, start);
    if (numberEnd > start) {
      const isFloat = src.slice(start, numberEnd).includes('.');
      return this.token(isFloat ? 'float' : 'integer', start, numberEnd);
    }
    if (isWordStart(src.charCodeAt(start))) {
      let end = start + 1;
      while (end < src.length && isWordPart(src.charCodeAt(end))) end++;
      return this.token('word', start, end);
    }

    const cp = src.codePointAt(start)!;
    return this.token('invalid', start, start + (cp > 0xffff ? 2 : 1));
  }

  private skipTrivia(): void {
    // ASCII spaces first; then printable ASCII other than '/' can begin neither whitespace
    // nor a comment, and only anything else needs the full rule.
    const src = this.source;
    while (src.charCodeAt(this.pos) === 0x20) this.pos++;
    const c = src.charCodeAt(this.pos);
    if (c > 0x20 && c < 0x7f && c !== 0x2f) return;
    TRIVIA.lastIndex = this.pos;
    if (TRIVIA.exec(this.source) !== null) this.pos = TRIVIA.lastIndex;
    if (this.source.startsWith('/*', this.pos)) {
      throw new PatternSyntaxError(
        ["'*/'"],
        END_OF_PATTERN,
        locate(this.source, this.source.length),
        'unterminated comment',
      );
    }
  }

  private token(kind: TokenKind, start: number, end: number, value?: string): Token {
    this.pos = end;
    const text = this.source.slice(start, end);
    return { kind, text, start, end, value: value ?? text };
  }

  /** A '…' body starting at the quote `quote`; the token starts at `start` (the prefix). */
  private quoted(kind: TokenKind, start: number, quote: number): Token {
    const src = this.source;
    let i = quote + 1;
    // Most literals hold no escape and no line feed: their value is the text between quotes.
    const close = src.indexOf("'", i);
    if (close >= 0) {
      const body = src.slice(i, close);
      const plain =
        (kind !== 'string' || !body.includes('\\')) &&
        (kind !== 'binary' || !(body.includes('\n') || body.includes('\r')));
      if (plain) return this.token(kind, start, close + 1, body);
    }
    let value = '';
    for (;;) {
      if (i >= src.length) {
        throw new PatternSyntaxError(
          ["closing '"],
          END_OF_PATTERN,
          locate(src, src.length),
          `unterminated literal starting at offset ${start}`,
        );
      }
      const ch = src[i]!;
      if (ch === "'") break;
      if (ch === '\\' && kind === 'string') {
        const esc = src[i + 1];
        if (esc !== "'" && esc !== '\\') {
          // §9.2: only the apostrophe or the backslash may follow the escape character.
          throw new PatternSyntaxError(
            ["\\'", '\\\\'],
            esc === undefined
              ? END_OF_PATTERN
              : `\\${String.fromCodePoint(src.codePointAt(i + 1)!)}`,
            locate(src, i),
            'a string literal may escape only an apostrophe or a backslash',
          );
        }
        value += esc;
        i += 2;
        continue;
      }
      // §9.2: line feeds inside base64 data MUST be supported and ignored.
      if (!(kind === 'binary' && (ch === '\n' || ch === '\r'))) value += ch;
      i++;
    }
    return this.token(kind, start, i + 1, value);
  }
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** [A-Za-z_] */
const isWordStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
/** [A-Za-z0-9_-] */
const isWordPart = (c: number): boolean => isWordStart(c) || isDigitCode(c) || c === 0x2d;

/** The end of the run of digits starting at `from`. */
function digitsEnd(src: string, from: number): number {
  let j = from;
  while (j < src.length && isDigitCode(src.charCodeAt(j))) j++;
  return j;
}

/**
 * The end of a number starting at `start` ([+-]?(\d+(\.\d+)?|\.\d+), the longest match), or
 * `start` when there is none there.
 */
function scanNumber(src: string, start: number): number {
  let i = start;
  const sign = src.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  const intEnd = digitsEnd(src, i);
  if (intEnd > i) {
    // A fraction counts only with at least one digit after the point.
    if (src.charCodeAt(intEnd) === 0x2e) {
      const fracEnd = digitsEnd(src, intEnd + 1);
      if (fracEnd > intEnd + 1) return fracEnd;
    }
    return intEnd;
  }
  if (src.charCodeAt(i) === 0x2e) {
    const fracEnd = digitsEnd(src, i + 1);
    if (fracEnd > i + 1) return fracEnd;
  }
  return start;
}

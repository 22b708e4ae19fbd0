/**
 * MATCHES operands (STIX 2.1 §9.6.1): "a PCRE compliant regular expression", applied with
 * the search function and the DOTALL option; the UNICODE option only for string properties,
 * never for binary ones (`_bin`, `_hex`).
 *
 * We run them with JavaScript RegExp (flag `s` for DOTALL; `u` for strings), after rewriting
 * the PCRE spellings JavaScript lacks or reads differently:
 *   - `\` before any non-alphanumeric character is a literal (`\@`, `\-`, `\'`), as in PCRE;
 *   - `\A`, `\z`, `\Z`, and `$` outside a class with PCRE's "end or before a final newline"
 *     meaning; `\h`, `\v`, `\R`, `\e`, `\a`, `\x{…}`, `\o{…}`, `\0nn`, `\pL`, `\Q…\E`;
 *   - `(?P<n>…)`, `(?P=n)`, `(?'n'…)`, `\g{n}`, `\k{n}`, `(?#…)` comments;
 *   - a `{` that does not begin a quantifier, a `]` first in a class or outside any class;
 *   - POSIX classes such as `[[:alpha:]]`;
 *   - leading option settings `(?i)`, `(?m)`, `(?s)`.
 * Constructs JavaScript cannot express are refused rather than approximated: atomic groups,
 * possessive quantifiers, recursion, conditionals, `\G`, `\K`, `\X`, option changes after
 * the start, extended mode `(?x)`. Known residual differences: `\s` also matches Unicode
 * spaces, and matching has no time limit (a pathological expression can backtrack for long).
 */

export type RegexMode = 'text' | 'binary';

export class UnsupportedRegexError extends Error {}

const H_SPACE = '\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const V_SPACE = '\\n\\x0b\\f\\r\\x85\\u2028\\u2029';
const START = '(?<![\\s\\S])';
const END = '(?![\\s\\S])';
const END_OR_FINAL_NEWLINE = '(?=\\n?(?![\\s\\S]))';
const SYNTAX = '^$\\.*+?()[]{}|/';
const ALNUM = /[A-Za-z0-9]/;
const POSIX: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\x0b\\f\\r ',
  blank: ' \\t',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  ascii: '\\x00-\\x7f',
};

// Sticky expressions, matched at a position without copying the rest of the pattern.
const LEADING_OPTIONS = /\(\?([a-zA-Z]+)\)/y;
const NAMED_GROUP = /\(\?(?:P<|')([A-Za-z_]\w*)[>']/y;
const NAMED_BACKREF = /\(\?P=([A-Za-z_]\w*)\)/y;
const JS_GROUP = /\(\?(?::|=|!|<=|<!|<[A-Za-z_])/y;
const JS_NAMED_GROUP = /\(\?<[A-Za-z_]/y;
const QUANTIFIER = /\{\d+(?:,\d*)?\}/y;
const POSIX_CLASS = /\[:(\^?)([a-z]+):\]/y;
const BRACED_NUMBER = /\{([0-9a-fA-F]+)\}/y;
const HEX_DIGITS = /[0-9a-fA-F]{0,2}/y;
const OCTAL_DIGITS = /[0-7]{0,2}/y;
const PROPERTY = /\{[\w=&]+\}/y;
const G_REF = /(?:\{(\d+|[A-Za-z_]\w*)\}|(\d+))/y;
const K_REF = /(?:<([A-Za-z_]\w*)>|\{([A-Za-z_]\w*)\}|'([A-Za-z_]\w*)')/y;
const DIGITS = /\d+/y;

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

/** Compile a PCRE pattern for strings (`text`) or octets as U+0000–U+00FF (`binary`). */
export function compilePcre(pattern: string, mode: RegexMode): RegExp {
  const { source, flags } = translatePcre(pattern, mode);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new UnsupportedRegexError((e as Error).message);
  }
}

export function translatePcre(pattern: string, mode: RegexMode): { source: string; flags: string } {
  return new Translator(pattern, mode).run();
}

class Translator {
  private readonly flags = new Set(['s']);
  private out = '';
  private i = 0;
  private inClass = false;
  /** Index where the current class's members begin (a `]` there is a member). */
  private classBody = 0;
  /** Capturing groups opened so far: decides whether `\10` is a back-reference. */
  private groups = 0;

  constructor(
    private readonly p: string,
    private readonly mode: RegexMode,
  ) {
    if (mode === 'text') this.flags.add('u');
  }

  run(): { source: string; flags: string } {
    const lead = at(LEADING_OPTIONS, this.p, 0);
    if (lead !== null) {
      for (const f of lead[1]!) {
        if (f === 'i' || f === 'm') this.flags.add(f);
        else if (f !== 's') this.fail(`option (?${f})`);
      }
      this.i = lead[0].length;
    }
    while (this.i < this.p.length) {
      const ch = String.fromCodePoint(this.p.codePointAt(this.i)!);
      if (ch === '\\') this.escape();
      else if (this.inClass) this.classMember(ch);
      else this.outside(ch);
    }
    return { source: this.out, flags: [...this.flags].sort().join('') };
  }

  private emit(text: string, used: number): void {
    this.out += text;
    this.i += used;
  }

  private fail(what: string): never {
    throw new UnsupportedRegexError(`unsupported ${what} at offset ${this.i}`);
  }

  /** A literal code point, spelt so that it is valid in either mode, in or out of a class. */
  private literal(cp: number): string {
    if (this.mode === 'text') return `\\u{${cp.toString(16)}}`;
    if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
    // Binary data has no code point above U+00FF: never matches (and adds nothing to a class).
    return this.inClass ? '' : '[]';
  }

  private classMember(ch: string): void {
    if (ch === ']' && this.i === this.classBody) return this.emit('\\]', 1);
    if (ch === ']') {
      this.inClass = false;
      return this.emit(']', 1);
    }
    const posix = ch === '[' ? at(POSIX_CLASS, this.p, this.i) : null;
    if (posix !== null) {
      const body = POSIX[posix[2]!];
      if (body === undefined || posix[1] === '^') this.fail('POSIX class');
      return this.emit(body, posix[0].length);
    }
    this.emit(ch === '[' ? '\\[' : ch, ch.length);
  }

  private outside(ch: string): void {
    const p = this.p;
    const i = this.i;
    switch (ch) {
      case '[': {
        const negated = p[i + 1] === '^';
        this.emit(negated ? '[^' : '[', negated ? 2 : 1);
        this.inClass = true;
        this.classBody = this.i;
        return;
      }
      case '(':
        if (p[i + 1] === '?') return this.extendedGroup();
        this.groups++;
        return this.emit('(', 1);
      case '{': {
        const q = at(QUANTIFIER, p, i);
        if (q === null) return this.emit('\\{', 1); // PCRE: not a quantifier, so literal
        if (p[i + q[0].length] === '+') this.fail('possessive quantifier');
        return this.emit(q[0], q[0].length);
      }
      case '}':
      case ']':
        return this.emit(`\\${ch}`, 1);
      case '$':
        return this.emit(this.flags.has('m') ? '$' : END_OR_FINAL_NEWLINE, 1);
      case '+':
      case '*':
      case '?':
        if (p[i + 1] === '+') this.fail('possessive quantifier');
        return this.emit(ch, 1);
      default:
        return this.emit(ch, ch.length);
    }
  }

  /** `(?…`: the group kinds JavaScript shares, Python-style names, and comments. */
  private extendedGroup(): void {
    const p = this.p;
    const named = at(NAMED_GROUP, p, this.i);
    if (named !== null) {
      this.groups++;
      return this.emit(`(?<${named[1]!}>`, named[0].length);
    }
    const backref = at(NAMED_BACKREF, p, this.i);
    if (backref !== null) return this.emit(`\\k<${backref[1]!}>`, backref[0].length);
    if (p.startsWith('(?#', this.i)) {
      const close = p.indexOf(')', this.i);
      if (close < 0) this.fail('comment');
      return this.emit('', close + 1 - this.i);
    }
    if (at(JS_GROUP, p, this.i) === null) this.fail(`group '${p.slice(this.i, this.i + 3)}'`);
    if (at(JS_NAMED_GROUP, p, this.i) !== null) this.groups++;
    this.emit('(?', 2);
  }

  private escape(): void {
    const p = this.p;
    const i = this.i;
    const next = p.codePointAt(i + 1);
    if (next === undefined) this.fail('trailing backslash');
    const c = String.fromCodePoint(next);
    if (!ALNUM.test(c)) {
      // PCRE: a backslash before a non-alphanumeric character makes it literal.
      return this.emit(SYNTAX.includes(c) ? `\\${c}` : this.literal(next), 1 + c.length);
    }
    const outsideClass = (text: string): void =>
      this.inClass ? this.fail(`\\${c} in a class`) : this.emit(text, 2);
    switch (c) {
      case 'A':
        return outsideClass(START);
      case 'z':
        return outsideClass(END);
      case 'Z':
        return outsideClass(END_OR_FINAL_NEWLINE);
      case 'h':
        return this.emit(this.inClass ? H_SPACE : `[${H_SPACE}]`, 2);
      case 'H':
        return outsideClass(`[^${H_SPACE}]`);
      case 'v':
        return this.emit(this.inClass ? V_SPACE : `[${V_SPACE}]`, 2);
      case 'V':
        return outsideClass(`[^${V_SPACE}]`);
      case 'R':
        return outsideClass(`(?:\\r\\n|[${V_SPACE}])`);
      case 'e':
        return this.emit(this.literal(0x1b), 2);
      case 'a':
        return this.emit(this.literal(0x07), 2);
      case 'x':
        if (p[i + 2] === '{') return this.bracedNumber(16);
        return this.digits(HEX_DIGITS, 16);
      case 'o':
        return p[i + 2] === '{' ? this.bracedNumber(8) : this.fail('\\o');
      case '0':
        return this.digits(OCTAL_DIGITS, 8);
      case 'p':
      case 'P':
        return this.property(c);
      case 'Q':
        return this.quoted();
      case 'E':
        return this.emit('', 2);
      case 'g': {
        const m = at(G_REF, p, i + 2);
        if (m === null || this.inClass) this.fail('\\g');
        const ref = m[1] ?? m[2]!;
        return this.emit(/^\d/.test(ref) ? `\\${ref}` : `\\k<${ref}>`, 2 + m[0].length);
      }
      case 'k': {
        const m = at(K_REF, p, i + 2);
        if (m === null || this.inClass) this.fail('\\k');
        return this.emit(`\\k<${m[1] ?? m[2] ?? m[3]!}>`, 2 + m[0].length);
      }
      case 'c': {
        const letter = p[i + 2];
        if (letter === undefined || !/[A-Za-z]/.test(letter)) this.fail('\\c');
        return this.emit(`\\c${letter}`, 3);
      }
      case 'b':
      case 'B':
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 'n':
      case 'r':
      case 't':
      case 'f':
        return this.emit(`\\${c}`, 2);
      default:
        return /[1-9]/.test(c) ? this.numbered() : this.fail(`escape \\${c}`);
    }
  }

  /** `\x{…}` and `\o{…}`. */
  private bracedNumber(radix: 16 | 8): void {
    const m = at(BRACED_NUMBER, this.p, this.i + 2);
    const digits = m?.[1] ?? '';
    const cp = parseInt(digits, radix);
    if (m === null || !(cp <= 0x10ffff) || (radix === 8 && /[89a-fA-F]/.test(digits))) {
      this.fail(`\\${this.p[this.i + 1]!}{…}`);
    }
    this.emit(this.literal(cp), 2 + m[0].length);
  }

  /** `\xhh` (up to two hex digits) and `\0oo` (up to two more octal digits). */
  private digits(re: RegExp, radix: 16 | 8): void {
    const m = at(re, this.p, this.i + 2)![0];
    this.emit(this.literal(m === '' ? 0 : parseInt(m, radix)), 2 + m.length);
  }

  /** `\p{…}`, and PCRE's one-letter `\pL`. */
  private property(c: string): void {
    if (this.mode === 'binary') this.fail(`\\${c} on binary data`);
    const braced = at(PROPERTY, this.p, this.i + 2);
    if (braced !== null) return this.emit(`\\${c}${braced[0]}`, 2 + braced[0].length);
    const letter = this.p[this.i + 2];
    if (letter === undefined || !/[A-Z]/.test(letter)) this.fail(`\\${c}`);
    this.emit(`\\${c}{${letter}}`, 3);
  }

  /** `\Q…\E`: everything between is literal. */
  private quoted(): void {
    const end = this.p.indexOf('\\E', this.i + 2);
    const body = this.p.slice(this.i + 2, end < 0 ? this.p.length : end);
    let text = '';
    for (const q of body) {
      text += ALNUM.test(q) ? q : SYNTAX.includes(q) ? `\\${q}` : this.literal(q.codePointAt(0)!);
    }
    this.emit(text, 2 + body.length + (end < 0 ? 0 : 2));
  }

  /**
   * PCRE: `\N` is a back-reference when N < 10, starts with 8 or 9, or that many groups
   * precede it; otherwise up to three octal digits give a character (always so in a class).
   */
  private numbered(): void {
    const digits = at(DIGITS, this.p, this.i + 1)![0];
    const n = Number(digits);
    if (!this.inClass && (n < 10 || /^[89]/.test(digits) || n <= this.groups)) {
      return this.emit(`\\${digits}`, 1 + digits.length);
    }
    const octal = /^[0-7]{1,3}/.exec(digits)?.[0];
    if (octal === undefined) this.fail(`escape \\${digits}`);
    this.emit(this.literal(parseInt(octal, 8)), 1 + octal.length);
  }
}

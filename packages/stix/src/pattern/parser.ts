/**
 * A hand-written recursive-descent parser for STIX 2.1 patterns (§9.3–§9.7).
 *
 * Hand-written rather than generated from the OASIS ANTLR grammar so that it needs no build
 * step and no runtime dependency (this package stays pure and dependency-free), and so that
 * every error names its exact position and the tokens that would have been valid there.
 *
 *   pattern      := followedBy EOF
 *   followedBy   := obsOr ('FOLLOWEDBY' obsOr)*          §9.5.3: lowest precedence
 *   obsOr        := obsAnd ('OR' obsAnd)*
 *   obsAnd       := qualified ('AND' qualified)*          §9.5.3: highest binary precedence
 *   qualified    := obsPrimary qualifier*                 §9.5.1: binds to the nearest operand
 *   obsPrimary   := '[' cmpOr ']' | '(' followedBy ')'
 *   qualifier    := 'WITHIN' number 'SECONDS' | 'REPEATS' integer 'TIMES'
 *                 | 'START' timestamp 'STOP' timestamp
 *   cmpOr        := cmpAnd ('OR' cmpAnd)*                 §9.6: AND binds tighter than OR
 *   cmpAnd       := cmpPrimary ('AND' cmpPrimary)*
 *   cmpPrimary   := '(' cmpOr ')' | 'NOT'? 'EXISTS' path
 *                 | path 'NOT'? operator constant         §9.6.1: NOT precedes the operator
 *   path         := objectType ':' name ('.' name | '[' (integer | '*') ']')*   §9.7
 *
 * Each `expect…` call records what was acceptable at the current token; when nothing fits,
 * the accumulated list becomes PatternSyntaxError.expected.
 */
import type {
  Pattern,
  PatternComparisonExpression,
  PatternComparisonOperator,
  PatternLiteral,
  PatternObjectPath,
  PatternObservationExpression,
  PatternPathStep,
  PatternQualifier,
} from './ast';
import { END_OF_PATTERN, PatternError, PatternSyntaxError, locate } from './errors';
import type { PatternErrorCode } from './errors';
import { Lexer } from './lexer';
import type { Token } from './lexer';
import { CANONICAL_SYMBOLS, RESERVED_WORDS, SYMBOL_OPERATORS, WORD_OPERATORS } from './keywords';
import { checkOperand, checkSet, parseNumber, toLiteral } from './literals';
import { compareInstants, parseStixTimestamp } from './timestamp';

/** Nesting limit for parentheses and brackets, so no input can exhaust the stack. */
export const MAX_PATTERN_DEPTH = 256;

/** Order of `expected` entries in messages: punctuation, keywords, constructs, the end. */
function expectationRank(e: string): number {
  if (e === END_OF_PATTERN) return 3;
  if (!e.startsWith("'")) return 2;
  return /^'[A-Za-z]/.test(e) ? 1 : 0;
}

export function parse(source: string): Pattern {
  if (typeof source !== 'string') {
    // Callers holding untrusted JSON may pass anything; answer with our error, not a TypeError.
    throw new PatternSyntaxError(['pattern text'], typeof source, locate('', 0));
  }
  return new Parser(source).parsePattern();
}

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  private expected: string[] = [];
  private expectedAt = -1;
  private depth = 0;

  constructor(private readonly source: string) {
    this.lexer = new Lexer(source);
    this.tok = this.lexer.next();
  }

  parsePattern(): Pattern {
    const pattern = this.parseFollowedBy();
    if (this.tok.kind !== 'eof') this.fail([END_OF_PATTERN]);
    return pattern;
  }

  // ---- observation expressions (§9.5) -------------------------------------------------

  private parseFollowedBy(): PatternObservationExpression {
    const operands = [this.parseObsOr()];
    while (this.acceptWord('FOLLOWEDBY')) operands.push(this.parseObsOr());
    return operands.length === 1 ? operands[0]! : { kind: 'followed-by', operands };
  }

  private parseObsOr(): PatternObservationExpression {
    const operands = [this.parseObsAnd()];
    while (this.acceptWord('OR')) operands.push(this.parseObsAnd());
    return operands.length === 1 ? operands[0]! : { kind: 'observation-or', operands };
  }

  private parseObsAnd(): PatternObservationExpression {
    const operands = [this.parseQualified()];
    while (this.acceptWord('AND')) operands.push(this.parseQualified());
    return operands.length === 1 ? operands[0]! : { kind: 'observation-and', operands };
  }

  private parseQualified(): PatternObservationExpression {
    const expression = this.parseObsPrimary();
    const qualifiers: PatternQualifier[] = [];
    for (;;) {
      const at = this.tok.start;
      const q = this.parseQualifier();
      if (q === null) break;
      if (qualifiers.some((other) => other.kind === q.kind)) {
        // §9.5.1: "MUST NOT have more than one Qualifier of a particular type".
        this.semantic('duplicate-qualifier', `A second ${keywordOf(q)} qualifier`, at);
      }
      qualifiers.push(q);
    }
    return qualifiers.length === 0 ? expression : { kind: 'qualified', expression, qualifiers };
  }

  private parseObsPrimary(): PatternObservationExpression {
    if (this.isPunct('[')) {
      this.enter();
      const comparison = this.parseCmpOr();
      this.requirePunct(']');
      this.depth--;
      return { kind: 'observation', comparison };
    }
    if (this.isPunct('(')) {
      this.enter();
      const inner = this.parseFollowedBy();
      this.requirePunct(')');
      this.depth--;
      return inner;
    }
    return this.fail();
  }

  /** §9.5.1 qualifiers, or null when the current token starts none. */
  private parseQualifier(): PatternQualifier | null {
    if (this.acceptWord('WITHIN')) {
      const at = this.tok.start;
      const n = this.numberToken(['number']);
      // §9.5.1: "x MUST be a positive floating-point or integer value".
      if (!(n > 0)) this.semantic('invalid-qualifier', 'WITHIN needs a positive number', at);
      this.requireWord('SECONDS');
      return { kind: 'within', seconds: n };
    }
    if (this.acceptWord('REPEATS')) {
      const at = this.tok.start;
      if (this.tok.kind !== 'integer') this.fail(['positive integer']);
      const n = this.numberToken(['positive integer']);
      // §9.5.1: "x MUST be a positive integer".
      if (n < 1) this.semantic('invalid-qualifier', 'REPEATS needs a positive integer', at);
      this.requireWord('TIMES');
      return { kind: 'repeats', times: n };
    }
    const at = this.tok.start;
    if (this.acceptWord('START')) {
      const start = this.timestampToken();
      this.requireWord('STOP');
      const stop = this.timestampToken();
      // §9.5.1: matching observations have time >= x and < y, so x < y or nothing matches.
      if (compareInstants(parseStixTimestamp(start)!, parseStixTimestamp(stop)!) >= 0) {
        this.semantic('invalid-qualifier', 'START must be before STOP', at);
      }
      return { kind: 'start-stop', start, stop };
    }
    return null;
  }

  // ---- comparison expressions (§9.6) --------------------------------------------------

  private parseCmpOr(): PatternComparisonExpression {
    const operands = [this.parseCmpAnd()];
    while (this.acceptWord('OR')) operands.push(this.parseCmpAnd());
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private parseCmpAnd(): PatternComparisonExpression {
    const operands = [this.parseCmpPrimary()];
    while (this.acceptWord('AND')) operands.push(this.parseCmpPrimary());
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private parseCmpPrimary(): PatternComparisonExpression {
    if (this.isPunct('(')) {
      this.enter();
      const inner = this.parseCmpOr();
      this.requirePunct(')');
      this.depth--;
      return inner;
    }
    if (this.acceptWord('NOT')) {
      this.requireWord('EXISTS');
      return { kind: 'exists', path: this.parsePath(), negated: true };
    }
    if (this.acceptWord('EXISTS')) {
      return { kind: 'exists', path: this.parsePath(), negated: false };
    }
    const path = this.parsePath();
    const negated = this.acceptWord('NOT');
    const operator = this.parseOperator(!negated);
    if (operator === 'IN') {
      return { kind: 'comparison', path, operator, negated, values: this.parseSet() };
    }
    const valueToken = this.tok;
    const value = this.parseLiteral(/^[A-Z]/.test(operator) ? 'string literal' : 'literal');
    const problem = checkOperand(operator, value);
    if (problem !== null) this.semantic(problem.code, problem.message, valueToken.start);
    return { kind: 'comparison', path, operator, negated, value };
  }

  private parseOperator(allowNot: boolean): PatternComparisonOperator {
    const t = this.tok;
    if (t.kind === 'op') {
      const op = SYMBOL_OPERATORS[t.text];
      if (op !== undefined) {
        this.advance();
        return op;
      }
    }
    if (t.kind === 'word') {
      const op = WORD_OPERATORS.find((w) => w === t.text);
      if (op !== undefined) {
        this.advance();
        return op;
      }
    }
    for (const s of CANONICAL_SYMBOLS) this.note(`'${s}'`);
    for (const w of WORD_OPERATORS) this.note(`'${w}'`);
    if (allowNot) this.note("'NOT'");
    return this.fail();
  }

  /** `( literal, … )` after IN; members must share one data type (§9.6.1). */
  private parseSet(): PatternLiteral[] {
    const open = this.tok.start;
    this.requirePunct('(');
    if (this.isPunct(')')) this.semantic('empty-set', 'IN needs at least one value', open);
    const values: PatternLiteral[] = [];
    do {
      const at = this.tok.start;
      values.push(this.parseLiteral('literal'));
      const problem = checkSet(values);
      if (problem !== null) this.semantic('mixed-set', problem, at);
    } while (this.acceptPunct(','));
    this.requirePunct(')');
    return values;
  }

  private parseLiteral(expectation: string): PatternLiteral {
    const t = this.tok;
    const result = toLiteral(t);
    if (result === null) return this.fail([expectation]);
    if ('code' in result) return this.semantic(result.code, result.message, t.start);
    this.advance();
    return result;
  }

  // ---- object paths (§9.7) ------------------------------------------------------------

  private parsePath(): PatternObjectPath {
    const t = this.tok;
    if (t.kind !== 'word' || RESERVED_WORDS.has(t.text)) return this.fail(['object path']);
    this.advance();
    this.requirePunct(':');
    const steps: PatternPathStep[] = [{ kind: 'property', name: this.propertyName() }];
    for (;;) {
      if (this.acceptPunct('.')) {
        steps.push({ kind: 'property', name: this.propertyName() });
      } else if (this.acceptPunct('[')) {
        if (this.acceptPunct('*')) {
          steps.push({ kind: 'any-index' });
        } else {
          if (this.tok.kind !== 'integer') this.fail(['list index']);
          steps.push({ kind: 'index', index: this.numberToken(['list index']) });
        }
        this.requirePunct(']');
      } else {
        return { objectType: t.text, steps };
      }
    }
  }

  /** §9.7: a name without hyphens, or any name in apostrophes. */
  private propertyName(): string {
    const t = this.tok;
    if (t.kind === 'string') {
      this.advance();
      return t.value;
    }
    if (t.kind === 'word' && !RESERVED_WORDS.has(t.text)) {
      if (t.text.includes('-')) {
        throw new PatternSyntaxError(
          ['property name'],
          t.text,
          locate(this.source, t.start),
          `a property name containing '-' must be quoted: '${t.text}'`,
        );
      }
      this.advance();
      return t.text;
    }
    return this.fail(['property name']);
  }

  // ---- tokens -------------------------------------------------------------------------

  private numberToken(expectation: string[]): number {
    const t = this.tok;
    if (t.kind !== 'integer' && t.kind !== 'float') return this.fail(expectation);
    const n = parseNumber(t);
    if (typeof n !== 'number') return this.semantic(n.code, n.message, t.start);
    this.advance();
    return n;
  }

  private timestampToken(): string {
    const t = this.tok;
    if (t.kind !== 'timestamp') return this.fail(['timestamp literal']);
    const literal = toLiteral(t);
    if (literal !== null && 'code' in literal)
      this.semantic(literal.code, literal.message, t.start);
    this.advance();
    return t.value;
  }

  private advance(): void {
    this.tok = this.lexer.next();
  }

  private enter(): void {
    if (++this.depth > MAX_PATTERN_DEPTH) {
      this.semantic('too-deep', `More than ${MAX_PATTERN_DEPTH} nested groups`, this.tok.start);
    }
    this.advance();
  }

  /** Record that `display` would have been acceptable at the current token. */
  private note(display: string): void {
    if (this.expectedAt !== this.tok.start) {
      this.expectedAt = this.tok.start;
      this.expected = [];
    }
    if (!this.expected.includes(display)) this.expected.push(display);
  }

  private isPunct(p: string): boolean {
    if (this.tok.kind === 'punct' && this.tok.text === p) return true;
    this.note(`'${p}'`);
    return false;
  }

  private acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.advance();
    return true;
  }

  private requirePunct(p: string): void {
    if (!this.acceptPunct(p)) this.fail();
  }

  private acceptWord(w: string): boolean {
    if (this.tok.kind === 'word' && this.tok.text === w) {
      this.advance();
      return true;
    }
    this.note(`'${w}'`);
    return false;
  }

  private requireWord(w: string): void {
    if (!this.acceptWord(w)) this.fail();
  }

  private fail(also: readonly string[] = []): never {
    for (const e of also) this.note(e);
    const current = this.expectedAt === this.tok.start ? this.expected : [];
    const expected = current
      .map((e, i) => ({ e, i }))
      .sort((a, b) => expectationRank(a.e) - expectationRank(b.e) || a.i - b.i)
      .map(({ e }) => e);
    const t = this.tok;
    throw new PatternSyntaxError(
      expected,
      t.kind === 'eof' ? END_OF_PATTERN : t.text,
      locate(this.source, t.start),
    );
  }

  private semantic(code: PatternErrorCode, message: string, at: number): never {
    throw new PatternError(code, message, locate(this.source, at));
  }
}

const keywordOf = (q: PatternQualifier): string =>
  q.kind === 'within' ? 'WITHIN' : q.kind === 'repeats' ? 'REPEATS' : 'START/STOP';

/**
 * The byte-level state machine behind ./json-stream: finds where each element of the top-level
 * "objects" array begins and ends and hands each element's text to JSON.parse.
 *
 * Structural bytes are ASCII and UTF-8 continuation bytes are >= 0x80 (RFC 3629 §3), so scanning
 * bytes is safe even when a character is split across chunks.
 */

import type { SplitElement, SplitOptions, SplitStats } from './json-stream';
import { JsonStreamError, type JsonStreamErrorCode } from './json-stream-error';

/** Default cap on one element (and on any other top-level member, or a member name). */
export const DEFAULT_MAX_OBJECT_BYTES = 16 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const BOM = [0xef, 0xbb, 0xbf];

/** RFC 8259 §2: the four whitespace bytes. */
const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[c] = 1;
/** Bytes a number or literal may contain; JSON.parse judges the exact form. */
const BARE = new Uint8Array(256);
for (const c of '0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  BARE[c.charCodeAt(0)] = 1;
}
/** Bytes that can begin a JSON value (RFC 8259 §3). */
const VALUE_START = new Uint8Array(256);
for (const c of '{["-0123456789tfn') VALUE_START[c.charCodeAt(0)] = 1;

// Where the scanner is in the top-level grammar.
const S_BOM = 0;
const S_START = 1;
const S_FIRST_KEY = 2; // after '{': a name or '}'
const S_NEXT_KEY = 3; // after ',': a name
const S_COLON = 4;
const S_MEMBER_VALUE = 5;
const S_AFTER_MEMBER = 6;
const S_FIRST_ELEMENT = 7; // after '[': an element or ']'
const S_NEXT_ELEMENT = 8; // after ',': an element
const S_AFTER_ELEMENT = 9;
const S_VALUE = 10; // inside a name, member value or element
const S_DONE = 11;

// What a finished value becomes.
const FOR_KEY = 0;
const FOR_MEMBER = 1;
const FOR_ELEMENT = 2;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
export const ENCODER = new TextEncoder();

export class Scanner {
  readonly fields: Record<string, unknown> = {};
  readonly stats: SplitStats = { peakBufferedBytes: 0, bytes: 0, objects: 0 };
  private readonly maxObject: number;
  private readonly maxTotal: number;

  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  /** Offset in the whole input of buf[0]. */
  private base = 0;
  private state = S_BOM;
  private bomSeen = 0;
  private key = '';
  private seenObjects = false;
  private index = 0;

  // The value being scanned.
  private target = FOR_KEY;
  private bare = false;
  private depth = 0;
  private stack = new Uint8Array(64);
  private inString = false;
  private escaped = false;
  private valueStart = 0;
  /** Where the value's bytes begin in buf (0 when it began in an earlier chunk). */
  private segStart = 0;
  /** Bytes of the value held in `parts` from earlier chunks. */
  private pendingBytes = 0;
  private parts: string[] = [];
  private badUtf8 = false;
  private readonly partDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(options: SplitOptions) {
    this.maxObject = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
    this.maxTotal = options.maxTotalBytes ?? Infinity;
    if (!Number.isSafeInteger(this.maxObject) || this.maxObject < 1) {
      throw new RangeError('maxObjectBytes must be a positive integer');
    }
    if (!(this.maxTotal >= 0)) throw new RangeError('maxTotalBytes must be a number >= 0');
  }

  feed(chunk: Uint8Array): void {
    this.base += this.buf.length;
    if (this.base + chunk.length > this.maxTotal) {
      throw this.fail('too-large', `input exceeds ${this.maxTotal} bytes`, this.maxTotal);
    }
    this.buf = chunk;
    this.pos = 0;
    this.segStart = 0;
    this.stats.bytes += chunk.length;
  }

  /** The next element finished in the current chunk, or undefined when the chunk is used up. */
  next(): SplitElement | undefined {
    const buf = this.buf;
    const len = buf.length;
    let i = this.pos;
    while (i < len) {
      if (this.state === S_VALUE) {
        const end = this.scanValue(i);
        if (end < 0) break;
        i = end;
        const element = this.finishValue(end);
        if (element) {
          this.pos = i;
          return element;
        }
        continue;
      }
      const c = buf[i]!;
      if (this.state === S_BOM) {
        // RFC 8259 §8.1: a parser may ignore a leading byte order mark.
        if (c === BOM[this.bomSeen]) {
          i++;
          if (++this.bomSeen === BOM.length) this.state = S_START;
          continue;
        }
        if (this.bomSeen > 0) throw this.syntax(i, 'incomplete byte order mark');
        this.state = S_START;
      }
      if (WHITESPACE[c] === 1) {
        i++;
        continue;
      }
      this.structural(c, i);
      // A value's first byte is scanned as part of the value.
      if (this.state !== S_VALUE) i++;
    }
    this.pos = len;
    return undefined;
  }

  /** End of input: anything unfinished is 'truncated'. */
  finish(): void {
    if (this.state === S_DONE) return;
    const index = this.state === S_VALUE ? this.elementIndex() : null;
    throw this.fail('truncated', 'input ended early', this.base + this.buf.length, index);
  }

  /** One structural byte outside any value. */
  private structural(c: number, i: number): void {
    switch (this.state) {
      case S_START:
        if (c === OPEN_BRACE) this.state = S_FIRST_KEY;
        else if (VALUE_START[c] === 1) {
          throw this.fail('not-an-object', 'the top-level value is not an object', this.base + i);
        } else throw this.syntax(i, 'expected a JSON object');
        return;
      case S_FIRST_KEY:
      case S_NEXT_KEY:
        if (c === QUOTE) this.beginValue(c, i, FOR_KEY);
        else if (c === CLOSE_BRACE && this.state === S_FIRST_KEY) this.state = S_DONE;
        else throw this.syntax(i, 'expected a member name');
        return;
      case S_COLON:
        if (c !== COLON) throw this.syntax(i, "expected ':'");
        this.state = S_MEMBER_VALUE;
        return;
      case S_MEMBER_VALUE:
        if (VALUE_START[c] !== 1) throw this.syntax(i, 'expected a value');
        if (this.key !== 'objects') this.beginValue(c, i, FOR_MEMBER);
        else if (c === OPEN_BRACKET) this.state = S_FIRST_ELEMENT;
        else throw this.fail('objects-not-array', '"objects" is not an array', this.base + i);
        return;
      case S_AFTER_MEMBER:
        if (c === COMMA) this.state = S_NEXT_KEY;
        else if (c === CLOSE_BRACE) this.state = S_DONE;
        else throw this.syntax(i, "expected ',' or '}' after a member");
        return;
      case S_FIRST_ELEMENT:
      case S_NEXT_ELEMENT:
        if (VALUE_START[c] === 1) this.beginValue(c, i, FOR_ELEMENT);
        else if (c === CLOSE_BRACKET && this.state === S_FIRST_ELEMENT) {
          this.state = S_AFTER_MEMBER;
        } else throw this.syntax(i, `expected element ${this.index}`);
        return;
      case S_AFTER_ELEMENT:
        if (c === COMMA) this.state = S_NEXT_ELEMENT;
        else if (c === CLOSE_BRACKET) this.state = S_AFTER_MEMBER;
        else throw this.syntax(i, `expected ',' or ']' after element ${this.index - 1}`);
        return;
      case S_DONE:
        throw this.syntax(i, 'unexpected data after the top-level object');
      default:
        throw new Error(`unreachable scanner state ${this.state}`);
    }
  }

  private beginValue(c: number, i: number, target: number): void {
    this.state = S_VALUE;
    this.target = target;
    this.valueStart = this.base + i;
    this.segStart = i;
    this.pendingBytes = 0;
    this.badUtf8 = false;
    this.escaped = false;
    this.inString = false;
    this.depth = 0;
    this.bare = c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET;
  }

  /** Scans the current value from buf[i]: the index just past its end, or -1 if it goes on. */
  private scanValue(i: number): number {
    const len = this.buf.length;
    // The value may use bytes up to (not including) `end` in this chunk.
    const end = Math.min(len, this.segStart + (this.maxObject - this.pendingBytes));
    const done = this.bare ? this.scanBare(i, end) : this.scanNested(i, end);
    if (done >= 0) return done;
    if (end < len) {
      const what = `${this.describeValue()} starting at byte ${this.valueStart}`;
      const message = `${what} exceeds ${this.maxObject} bytes`;
      throw this.fail('object-too-large', message, this.base + end, this.elementIndex());
    }
    this.keepPartial();
    return -1;
  }

  private scanBare(i: number, end: number): number {
    const buf = this.buf;
    while (i < end && BARE[buf[i]!] === 1) i++;
    if (i < end) return i;
    // The delimiter may sit exactly at the size limit.
    return i < buf.length && BARE[buf[i]!] !== 1 ? i : -1;
  }

  /**
   * Objects, arrays and strings: string and escape state, bracket stack. Inside strings a plain
   * byte loop measured faster than Uint8Array#indexOf for the short strings STIX is made of.
   */
  private scanNested(i: number, end: number): number {
    const buf = this.buf;
    let depth = this.depth;
    let inString = this.inString;
    if (this.escaped) {
      // The backslash ended the previous chunk; this byte is the escaped one.
      if (i >= end) return -1;
      this.escaped = false;
      i++;
    }
    while (i < end) {
      if (inString) {
        // RFC 8259 §7: a string ends at a quote not escaped by a backslash.
        while (i < end) {
          const c = buf[i++]!;
          if (c === QUOTE) {
            inString = false;
            break;
          }
          if (c === BACKSLASH) {
            if (i === end) {
              this.escaped = true;
              break;
            }
            i++;
          }
        }
        if (inString || depth === 0) break;
        continue;
      }
      const c = buf[i++]!;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (depth === this.stack.length) this.growStack();
        this.stack[depth++] = c;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        // '{' + 2 === '}' and '[' + 2 === ']'.
        if (this.stack[--depth] !== c - 2) {
          throw this.syntax(i - 1, `mismatched '${String.fromCharCode(c)}'`, this.elementIndex());
        }
        if (depth === 0) break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    return depth === 0 && !inString ? i : -1;
  }

  private growStack(): void {
    const bigger = new Uint8Array(this.stack.length * 2);
    bigger.set(this.stack);
    this.stack = bigger;
  }

  /**
   * The chunk ends inside the value: keep its bytes (decoded) for the next chunk. Invalid UTF-8
   * is reported when the value ends, as it would be had the value come in one chunk, so the
   * outcome never depends on where chunks are cut.
   */
  private keepPartial(): void {
    const piece = this.buf.subarray(this.segStart);
    if (!this.badUtf8) {
      try {
        this.parts.push(this.partDecoder.decode(piece, { stream: true }));
      } catch {
        this.badUtf8 = true;
        this.parts = [];
      }
    }
    this.pendingBytes += piece.length;
    if (this.pendingBytes > this.stats.peakBufferedBytes) {
      this.stats.peakBufferedBytes = this.pendingBytes;
    }
  }

  private finishValue(end: number): SplitElement | undefined {
    const piece = this.buf.subarray(this.segStart, end);
    let text: string;
    try {
      if (this.badUtf8) throw new TypeError('invalid UTF-8');
      if (this.pendingBytes === 0) text = UTF8.decode(piece);
      else {
        this.parts.push(this.partDecoder.decode(piece));
        text = this.parts.join('');
        this.parts = [];
      }
    } catch {
      throw this.invalidUtf8();
    }
    const value = this.parse(text);
    switch (this.target) {
      case FOR_KEY:
        this.key = value as string;
        if (this.key === 'objects') {
          if (this.seenObjects) {
            throw this.syntax(this.valueStart - this.base, 'duplicate "objects" member');
          }
          this.seenObjects = true;
        }
        this.state = S_COLON;
        return undefined;
      case FOR_MEMBER:
        // defineProperty, not assignment: a "__proto__" member stays an own property, as in JSON.parse.
        Object.defineProperty(this.fields, this.key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
        this.state = S_AFTER_MEMBER;
        return undefined;
      default:
        this.state = S_AFTER_ELEMENT;
        this.stats.objects++;
        return { index: this.index++, text, value };
    }
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (err) {
      // V8 sometimes names a position (in UTF-16 units); other messages quote the input, so
      // only the generic part is kept.
      const m = /^(.*) at position (\d+)$/.exec(err instanceof Error ? err.message : '');
      const at = m ? ENCODER.encode(text.slice(0, Number(m[2]))).length : 0;
      const why = m ? ` (${m[1]!.toLowerCase()})` : '';
      const message = `${this.describeValue()} is not valid JSON${why}`;
      throw this.fail('syntax', message, this.valueStart + at, this.elementIndex());
    }
  }

  private elementIndex(): number | null {
    return this.target === FOR_ELEMENT ? this.index : null;
  }

  private describeValue(): string {
    if (this.target === FOR_ELEMENT) return `element ${this.index}`;
    if (this.target === FOR_KEY) return 'a member name';
    return `member ${JSON.stringify(this.key.slice(0, 64))}`;
  }

  private invalidUtf8(): JsonStreamError {
    const message = `${this.describeValue()} is not valid UTF-8`;
    return this.fail('syntax', message, this.valueStart, this.elementIndex());
  }

  /** A syntax error at buf[i]. */
  private syntax(i: number, message: string, index: number | null = null): JsonStreamError {
    return this.fail('syntax', message, this.base + i, index);
  }

  private fail(
    code: JsonStreamErrorCode,
    message: string,
    offset: number,
    index: number | null = null,
  ): JsonStreamError {
    return new JsonStreamError(code, `${message} (at byte ${offset})`, offset, index);
  }
}

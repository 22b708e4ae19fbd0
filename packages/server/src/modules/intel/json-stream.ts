/**
 * Streaming splitter for STIX 2.1 bundles and TAXII 2.1 envelopes. A byte-level state machine
 * finds where each element of the top-level "objects" array begins and ends, and each element's
 * text goes to the native JSON.parse: memory stays bounded by the largest element plus one chunk,
 * and speed is close to JSON.parse's own. The scanner checks structure (RFC 8259 §2, §4, §5)
 * outside elements; JSON.parse checks everything inside them, so mismatched brackets, bad
 * literals or control characters in strings are all 'syntax' errors. The scanner itself is in
 * ./json-scanner.
 */

import { DEFAULT_MAX_OBJECT_BYTES, ENCODER, Scanner } from './json-scanner';

export { DEFAULT_MAX_OBJECT_BYTES };
export { JsonStreamError, type JsonStreamErrorCode } from './json-stream-error';

export interface SplitOptions {
  /** Largest single object in bytes (default 16 MiB); a larger one is an error, not a memory blow-up. */
  maxObjectBytes?: number;
  /** Largest whole input in bytes (default Infinity); exceeding it is an error of code 'too-large'. */
  maxTotalBytes?: number;
}

export interface TopLevel {
  /** Every top-level member except "objects", parsed (e.g. type, id, spec_version, more, next). Members after "objects" are included once the stream ends. */
  fields: Record<string, unknown>;
}

export interface SplitElement {
  /** Position in the "objects" array, counting every element (objects or not). */
  index: number;
  /** The element's exact source text. */
  text: string;
  /** JSON.parse(text): usually an object, but any JSON value is yielded as it is. */
  value: unknown;
}

export interface SplitStats {
  /** Most UTF-8 bytes of one unfinished value ever held between chunks (kept decoded). */
  peakBufferedBytes: number;
  /** Input bytes received so far. */
  bytes: number;
  /** Elements yielded so far. */
  objects: number;
}

/**
 * Encodes string chunks as UTF-8, holding a high surrogate that ends a chunk back for the next
 * one so a surrogate pair split between chunks survives. Unpaired surrogates become U+FFFD.
 */
class StringChunks {
  private carry = '';

  encode(chunk: string): Uint8Array {
    let s = this.carry + chunk;
    this.carry = '';
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.carry = s.slice(-1);
      s = s.slice(0, -1);
    }
    return ENCODER.encode(s);
  }

  flush(): Uint8Array | undefined {
    if (this.carry === '') return undefined;
    const bytes = ENCODER.encode(this.carry);
    this.carry = '';
    return bytes;
  }
}

function toBytes(chunk: unknown, strings: StringChunks): Uint8Array {
  if (typeof chunk === 'string') return strings.encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError('splitObjects: each chunk must be a Uint8Array or a string');
}

/**
 * Yields each element of the top-level "objects" array as { index, text, value } where text is
 * the element's exact source text and value is JSON.parse(text). Elements that are JSON but not
 * objects are yielded too, so the caller can report a per-object failure and keep going (TAXII
 * 2.1 §5.4: the good objects in an envelope are stored even when others fail). Any other problem
 * is fatal and thrown as a JsonStreamError, since after a syntax error element boundaries are
 * unknowable. Errors thrown by `source` itself pass through unchanged, and a chunk that is
 * neither a Uint8Array nor a string is a TypeError (a programming error, not bad input).
 *
 * `top.fields` is filled in as the scan proceeds: members before "objects" are there from the
 * first element on, members after it once iteration ends. A missing "objects" yields nothing.
 * String chunks are encoded as UTF-8; offsets count bytes of that encoding.
 */
export function splitObjects(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: SplitOptions = {},
): { top: TopLevel; objects: AsyncGenerator<SplitElement>; stats: SplitStats } {
  const scanner = new Scanner(options);
  async function* objects(): AsyncGenerator<SplitElement> {
    const strings = new StringChunks();
    for await (const chunk of source) {
      const bytes = toBytes(chunk, strings);
      const carried = bytes === chunk ? strings.flush() : undefined;
      for (const part of carried ? [carried, bytes] : [bytes]) {
        scanner.feed(part);
        for (let e = scanner.next(); e; e = scanner.next()) yield e;
      }
    }
    const carried = strings.flush();
    if (carried) {
      scanner.feed(carried);
      for (let e = scanner.next(); e; e = scanner.next()) yield e;
    }
    scanner.finish();
  }
  return { top: { fields: scanner.fields }, objects: objects(), stats: scanner.stats };
}

/** Convenience for a whole buffer already in memory (HTTP bodies up to max_content_length). */
export function splitObjectsSync(
  input: Uint8Array | string,
  options: SplitOptions = {},
): { top: TopLevel; objects: Generator<SplitElement>; stats: SplitStats } {
  const scanner = new Scanner(options);
  function* objects(): Generator<SplitElement> {
    scanner.feed(typeof input === 'string' ? ENCODER.encode(input) : input);
    for (let e = scanner.next(); e; e = scanner.next()) yield e;
    scanner.finish();
  }
  return { top: { fields: scanner.fields }, objects: objects(), stats: scanner.stats };
}

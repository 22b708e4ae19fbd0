/** Errors of the STIX/TAXII streaming splitter (./json-stream). */

export type JsonStreamErrorCode =
  | 'syntax'
  | 'not-an-object'
  | 'objects-not-array'
  | 'element-not-object'
  | 'object-too-large'
  | 'too-large'
  | 'truncated'
  | 'no-objects';

/**
 * The only error the splitter throws for any input. 'element-not-object' and 'no-objects' are
 * never thrown by the splitter (it yields non-object elements and accepts a missing "objects");
 * they exist for callers that reject those cases.
 */
export class JsonStreamError extends Error {
  readonly code: JsonStreamErrorCode;
  /** Byte offset in the whole input where the problem was found. */
  readonly offset: number;
  /** Index of the array element concerned, when there is one. */
  readonly index: number | null;

  constructor(code: JsonStreamErrorCode, message: string, offset: number, index: number | null) {
    super(message);
    this.name = 'JsonStreamError';
    this.code = code;
    this.offset = offset;
    this.index = index;
  }
}

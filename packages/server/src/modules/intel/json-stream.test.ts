import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonStreamError,
  splitObjects,
  splitObjectsSync,
  type JsonStreamErrorCode,
  type SplitElement,
  type SplitOptions,
} from './json-stream';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

interface Outcome {
  elements: SplitElement[];
  fields: Record<string, unknown>;
  error: { code: JsonStreamErrorCode; offset: number; index: number | null } | null;
  bytes: number;
}

function caught(err: unknown): Outcome['error'] {
  if (!(err instanceof JsonStreamError)) throw err;
  expect(err.name).toBe('JsonStreamError');
  return { code: err.code, offset: err.offset, index: err.index };
}

function runSync(input: Uint8Array | string, options?: SplitOptions): Outcome {
  const { top, objects, stats } = splitObjectsSync(input, options);
  const elements: SplitElement[] = [];
  let error: Outcome['error'] = null;
  try {
    for (const e of objects) elements.push(e);
  } catch (err) {
    error = caught(err);
  }
  expect(stats.objects).toBe(elements.length);
  return { elements, fields: top.fields, error, bytes: stats.bytes };
}

async function runAsync(
  chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
  options?: SplitOptions,
): Promise<Outcome> {
  const { top, objects, stats } = splitObjects(chunks, options);
  const elements: SplitElement[] = [];
  let error: Outcome['error'] = null;
  try {
    for await (const e of objects) elements.push(e);
  } catch (err) {
    error = caught(err);
  }
  expect(stats.objects).toBe(elements.length);
  return { elements, fields: top.fields, error, bytes: stats.bytes };
}

/** Cuts `input` at the given positions (taken modulo its length, deduplicated). */
function cut<T extends Uint8Array | string>(input: T, at: number[]): T[] {
  const points = [...new Set(at.map((n) => n % (input.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const p of [...points, input.length]) {
    out.push(input.slice(from, p) as T);
    from = p;
  }
  return out;
}

function* everyBytes(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

// ---------------------------------------------------------------------------------------------
// Random bundles whose element texts are known exactly.

/** Characters that stress the scanner: quotes, backslashes, brackets, controls, astral chars. */
const char = fc.oneof(
  fc.constantFrom('"', '\\', '\\"', '{', '}', '[', ']', ',', ':', '\n', '\u0000', '\u001f'),
  fc.constantFrom('é', '€', '😀', '𝄞', '\u2028', '\ufeff', '\u00ff', 'a'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const key = fc.string({ unit: char, maxLength: 6 });
const style = fc.record({
  indent: fc.constantFrom(undefined, 2, '\t'),
  crlf: fc.boolean(),
  asciiOnly: fc.boolean(),
  ws: fc.constantFrom('', ' ', '\n', ' \t\r\n '),
  bom: fc.boolean(),
  escapedKey: fc.boolean(),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

function render(value: unknown, s: Style): string {
  let text = JSON.stringify(value, null, s.indent);
  // Raw newlines and non-ASCII only occur outside and inside strings respectively.
  if (s.crlf) text = text.replace(/\n/g, '\r\n');
  if (s.asciiOnly) {
    text = text.replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  return text;
}

/** Bundles of up to `maxElements` elements, mostly objects, of JSON values up to `maxDepth` deep. */
const bundleOf = (maxElements: number, maxDepth: number) => {
  const json = fc.jsonValue({ stringUnit: char, maxDepth });
  const element = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(key, json, { maxKeys: 6 }) },
    { weight: 1, arbitrary: json },
  );
  return fc
    .record({
      members: fc.uniqueArray(fc.tuple(key, json), { selector: ([k]) => k, maxLength: 5 }),
      split: fc.nat(),
      objects: fc.option(fc.array(element, { maxLength: maxElements }), { freq: 8 }),
      style,
    })
    .filter(({ members }) => members.every(([k]) => k !== 'objects'))
    .map(({ members, split, objects, style: s }) => {
      const texts = (objects ?? []).map((o) => render(o, s));
      const w = s.ws;
      const member = ([k, v]: [string, unknown]) => `${render(k, s)}${w}:${w}${render(v, s)}`;
      const parts = members.map(member);
      if (objects) {
        const name = s.escapedKey ? '"obj\\u0065cts"' : '"objects"';
        const list = texts.length === 0 ? `[${w}]` : `[${w}${texts.join(`${w},${w}`)}${w}]`;
        parts.splice(split % (parts.length + 1), 0, `${name}${w}:${w}${list}`);
      }
      const doc = `${w}{${w}${parts.join(`${w},${w}`)}${w}}${w}`;
      const bytes = utf8(doc);
      return { doc, bytes: s.bom ? new Uint8Array([...BOM, ...bytes]) : bytes, texts };
    });
};
const bundle = bundleOf(8, 4);

function expectBundle(out: Outcome, doc: string, texts: string[]): void {
  expect(out.error).toBeNull();
  const { objects = [], ...rest } = JSON.parse(doc) as { objects?: unknown[] };
  expect(out.elements.map((e) => e.index)).toEqual(texts.map((_, i) => i));
  expect(out.elements.map((e) => e.text)).toEqual(texts);
  expect(out.elements.map((e) => e.value)).toEqual(objects);
  for (const e of out.elements) expect(JSON.parse(e.text)).toEqual(e.value);
  expect(out.fields).toEqual(rest);
}

describe('splitting random bundles', () => {
  it('yields exactly the elements and members JSON.parse sees, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(bundle, fc.array(fc.nat(), { maxLength: 12 }), async (b, at) => {
        expectBundle(runSync(b.bytes), b.doc, b.texts);
        expectBundle(await runAsync(cut(b.bytes, at)), b.doc, b.texts);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('cuts at every byte boundary and into single bytes', async () => {
    await fc.assert(
      fc.asyncProperty(bundleOf(3, 2), async (b) => {
        const reference = runSync(b.bytes);
        expectBundle(reference, b.doc, b.texts);
        const summary = (o: Outcome) => JSON.stringify([o.elements, o.fields, o.error]);
        const expected = summary(reference);
        const differing: number[] = [];
        for (let at = 0; at <= b.bytes.length; at++) {
          if (summary(await runAsync(cut(b.bytes, [at]))) !== expected) differing.push(at);
        }
        expect(differing).toEqual([]);
        expectBundle(await runAsync(everyBytes(b.bytes, 1)), b.doc, b.texts);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('accepts string chunks cut anywhere, even between the halves of a surrogate pair', async () => {
    await fc.assert(
      fc.asyncProperty(bundle, fc.array(fc.nat(), { maxLength: 12 }), async (b, at) => {
        expectBundle(await runAsync(cut(b.doc, at)), b.doc, b.texts);
        expectBundle(runSync(b.doc), b.doc, b.texts);
      }),
      { numRuns: 200 },
    );
    const doc = '{"objects":[{"a":"😀𝄞"}]}';
    const inside = doc.indexOf('😀') + 1;
    const out = await runAsync([doc.slice(0, inside), doc.slice(inside)]);
    expect(out.elements[0]!.value).toEqual({ a: '😀𝄞' });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Any input: only JsonStreamError, the same outcome however it is cut, and agreement with JSON.parse.

const interesting = fc.constantFrom(
  ...[...'{}[]",:\\ \n1a-'].map((c) => c.charCodeAt(0)),
  0x00,
  0x80,
  0xbf,
  0xc3,
  0xef,
  0xf0,
  0xff,
);
const edit = fc.tuple(fc.constantFrom('set', 'insert', 'delete'), fc.nat(), interesting);
const anyInput = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.json({ stringUnit: char }).map(utf8),
  fc.tuple(bundle, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([b, edits]) => {
    const bytes = [...b.bytes];
    for (const [op, at, byte] of edits) {
      const p = at % (bytes.length + 1);
      if (op === 'set' && p < bytes.length) bytes[p] = byte;
      else if (op === 'insert') bytes.splice(p, 0, byte);
      else bytes.splice(p, 1);
    }
    return new Uint8Array(bytes);
  }),
);

function jsonParseOracle(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    // The default decoder drops a leading BOM, which the splitter accepts too.
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

describe('any input', () => {
  it('throws only JsonStreamError, with the same outcome for any cut, agreeing with JSON.parse', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyInput,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 80 }), { freq: 1 }),
        async (bytes, at, maxObjectBytes) => {
          const options = maxObjectBytes === null ? {} : { maxObjectBytes };
          const whole = runSync(bytes, options);
          const pieces = await runAsync(cut(bytes, at), options);
          // On an error, how much was read before it depends on the cuts.
          expect({ ...pieces, bytes: 0 }).toEqual({ ...whole, bytes: 0 });
          if (!whole.error) expect(pieces.bytes).toBe(bytes.length);
          if (maxObjectBytes !== null) return;
          const parsed = jsonParseOracle(bytes);
          if (!parsed.ok) {
            expect(whole.error).not.toBeNull();
            return;
          }
          const v = parsed.value;
          if (typeof v !== 'object' || v === null || Array.isArray(v)) {
            expect(whole.error?.code).toBe('not-an-object');
            return;
          }
          const { objects = [], ...rest } = v as { objects?: unknown };
          if (whole.error?.code === 'syntax') {
            // Only a repeated "objects" member is valid JSON yet refused.
            const names = new TextDecoder().decode(bytes).match(/"obj(e|\\u0065)cts"/g);
            expect(names?.length).toBeGreaterThanOrEqual(2);
            return;
          }
          if (!Array.isArray(objects)) {
            expect(whole.error?.code).toBe('objects-not-array');
            return;
          }
          expect(whole.error).toBeNull();
          expect(whole.elements.map((e) => e.value)).toEqual(objects);
          expect(whole.fields).toEqual(rest);
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Each error code, with its offset and index, the same whole and in single bytes.

async function expectError(
  input: Uint8Array | string,
  expected: { code: JsonStreamErrorCode; offset: number; index: number | null },
  options?: SplitOptions,
  yielded = 0,
): Promise<void> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const whole = runSync(bytes, options);
  expect(whole.error).toEqual(expected);
  expect(whole.elements).toHaveLength(yielded);
  const single = await runAsync(everyBytes(bytes, 1), options);
  expect(single.error).toEqual(expected);
}

describe('errors', () => {
  it("'syntax': structure outside elements", async () => {
    let d = '{"objects":[{"a":1},,{}]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf(',,') + 1, index: null }, {}, 1);
    d = '{"objects":[{"a":1} {}]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf(' {}') + 1, index: null }, {}, 1);
    d = '{"objects":[{"a":1},]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf(']}'), index: null }, {}, 1);
    await expectError('{a:1}', { code: 'syntax', offset: 1, index: null });
    await expectError('{"a" 1}', { code: 'syntax', offset: 5, index: null });
    await expectError('{"a":1,}', { code: 'syntax', offset: 7, index: null });
    await expectError('{"a":}', { code: 'syntax', offset: 5, index: null });
    await expectError('x', { code: 'syntax', offset: 0, index: null });
    d = '{"objects":[]} x';
    await expectError(d, { code: 'syntax', offset: d.indexOf('x'), index: null });
    await expectError('{}{}', { code: 'syntax', offset: 2, index: null });
    await expectError(new Uint8Array([0xef, 0xbb, 0x7b, 0x7d]), {
      code: 'syntax',
      offset: 2,
      index: null,
    });
    // A BOM is accepted only at the very start (RFC 8259 §8.1).
    await expectError(new Uint8Array([0x20, ...BOM, 0x7b, 0x7d]), {
      code: 'syntax',
      offset: 1,
      index: null,
    });
  });

  it('\'syntax\': a repeated "objects" member, however its name is written', async () => {
    const d = '{"objects":[{}],"obj\\u0065cts":[]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf('"obj\\'), index: null }, {}, 1);
  });

  it("'syntax': inside an element, with the element's index", async () => {
    let d = '{"objects":[{},{"a":[1}]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf('1}') + 1, index: 1 }, {}, 1);
    d = '{"objects":[{"a":tru}]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf('{"a"'), index: 0 });
    d = '{"objects":[1x]}';
    await expectError(d, { code: 'syntax', offset: d.indexOf('x'), index: 0 });
    // Where JSON.parse names a position (in UTF-16 units), it becomes a byte offset.
    d = '{"objects":[{"a":"é😀\u0001"}]}';
    const at = utf8(d.slice(0, d.indexOf('\u0001'))).length;
    await expectError(d, { code: 'syntax', offset: at, index: 0 });
  });

  it("'syntax': invalid UTF-8 inside an element or a member", async () => {
    const head = utf8('{"type":"bundle","objects":[{},{"a":"');
    const bad = new Uint8Array([...head, 0xc3, 0x28, ...utf8('"}]}')]);
    const start = head.length - '{"a":"'.length;
    await expectError(bad, { code: 'syntax', offset: start, index: 1 }, {}, 1);
    const member = new Uint8Array([...utf8('{"id":"'), 0xff, ...utf8('"}')]);
    await expectError(member, { code: 'syntax', offset: 6, index: null });
  });

  it("'not-an-object': the top level is another JSON value", async () => {
    await expectError('[{"type":"bundle"}]', { code: 'not-an-object', offset: 0, index: null });
    await expectError('\n 42', { code: 'not-an-object', offset: 2, index: null });
    await expectError('null', { code: 'not-an-object', offset: 0, index: null });
    await expectError(new Uint8Array([...BOM, ...utf8('"x"')]), {
      code: 'not-an-object',
      offset: 3,
      index: null,
    });
  });

  it("'objects-not-array'", async () => {
    let d = '{"type":"bundle","objects":{"a":1}}';
    await expectError(d, { code: 'objects-not-array', offset: d.indexOf('{"a"'), index: null });
    d = '{"obj\\u0065cts" : null}';
    await expectError(d, { code: 'objects-not-array', offset: d.indexOf('null'), index: null });
  });

  it("'object-too-large': elements, members and names past maxObjectBytes", async () => {
    const options = { maxObjectBytes: 20 };
    const fits = '{"a":"0123456789ab"}';
    const big = '{"a":"0123456789abc"}';
    expect([fits.length, big.length]).toEqual([20, 21]);
    expect(runSync(`{"objects":[${fits}]}`, options).elements).toHaveLength(1);
    let d = `{"objects":[${fits},${big}]}`;
    await expectError(
      d,
      { code: 'object-too-large', offset: d.indexOf(big) + 20, index: 1 },
      options,
      1,
    );
    d = `{"description":${JSON.stringify('x'.repeat(30))},"objects":[]}`;
    await expectError(d, { code: 'object-too-large', offset: 15 + 20, index: null }, options);
    d = `{${JSON.stringify('k'.repeat(30))}:1}`;
    await expectError(d, { code: 'object-too-large', offset: 1 + 20, index: null }, options);
    // Numbers and literals end at the delimiter after them, which may sit right at the limit.
    const nine = { maxObjectBytes: 9 }; // "objects" with its quotes
    expect(runSync('{"objects":[123456789]}', nine).elements[0]!.value).toBe(123456789);
    expect(runSync('{"objects":[123456789', nine).error?.code).toBe('truncated');
    expect(runSync('{"more":false}', { maxObjectBytes: 6 }).fields).toEqual({ more: false });
    d = '{"objects":[1234567890]}';
    await expectError(d, { code: 'object-too-large', offset: 12 + 9, index: 0 }, nine);
  });

  it("'too-large': input past maxTotalBytes", async () => {
    const d = '{"objects":[{"a":1},{"b":2}]}';
    expect(runSync(d, { maxTotalBytes: d.length }).elements).toHaveLength(2);
    await expectError(
      d,
      { code: 'too-large', offset: d.length - 1, index: null },
      {
        maxTotalBytes: d.length - 1,
      },
    );
    const chunked = await runAsync(everyBytes(utf8(d), 10), { maxTotalBytes: 25 });
    expect(chunked.error).toEqual({ code: 'too-large', offset: 25, index: null });
    expect(chunked.elements).toHaveLength(1);
  });

  it("'truncated': the input ends early", async () => {
    await expectError('', { code: 'truncated', offset: 0, index: null });
    await expectError(' \n', { code: 'truncated', offset: 2, index: null });
    await expectError(new Uint8Array(BOM), { code: 'truncated', offset: 3, index: null });
    let d = '{"objects":[{"a":1},{"b":';
    await expectError(d, { code: 'truncated', offset: d.length, index: 1 }, {}, 1);
    d = '{"objects":[{"a":1}';
    await expectError(d, { code: 'truncated', offset: d.length, index: null }, {}, 1);
    d = '{"objects":[1';
    await expectError(d, { code: 'truncated', offset: d.length, index: 0 });
    d = '{"objects":["a\\';
    await expectError(d, { code: 'truncated', offset: d.length, index: 0 });
    d = '{"type":"bundle"';
    await expectError(d, { code: 'truncated', offset: d.length, index: null });
  });

  it("elements that are not objects are yielded ('element-not-object' is the caller's to raise)", () => {
    const out = runSync('{"objects":[1,"x",null,[{}],{},true]}');
    expect(out.error).toBeNull();
    expect(out.elements.map((e) => e.value)).toEqual([1, 'x', null, [{}], {}, true]);
    expect(out.elements.map((e) => e.text)).toEqual(['1', '"x"', 'null', '[{}]', '{}', 'true']);
  });

  it("a missing \"objects\" yields nothing ('no-objects' is the caller's to raise)", () => {
    const out = runSync('{"type":"bundle","id":"bundle--1"}');
    expect(out).toMatchObject({ error: null, elements: [] });
    expect(out.fields).toEqual({ type: 'bundle', id: 'bundle--1' });
  });

  it('lets errors from the source itself through', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield '{"objects":[{}';
      await Promise.resolve();
      throw new Error('connection reset');
    }
    const { objects } = splitObjects(failing());
    const drained = (async () => {
      for await (const _ of objects);
    })();
    await expect(drained).rejects.toThrow('connection reset');
  });

  it('rejects nonsensical options up front', () => {
    expect(() => splitObjectsSync('{}', { maxObjectBytes: 0 })).toThrow(RangeError);
    expect(() => splitObjects([], { maxTotalBytes: Number.NaN })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('top-level members', () => {
  it('has the members before "objects" from the first element on, the rest at the end', async () => {
    const doc =
      '{"type":"bundle","id":"bundle--1","objects":[{"a":1},{"b":2}],"more":true,"next":"x"}';
    const { top, objects } = splitObjects(everyBytes(utf8(doc), 7));
    const seen: Record<string, unknown>[] = [];
    for await (const _ of objects) seen.push({ ...top.fields });
    expect(seen[0]).toEqual({ type: 'bundle', id: 'bundle--1' });
    expect(top.fields).toEqual({ type: 'bundle', id: 'bundle--1', more: true, next: 'x' });
  });

  it('reads a TAXII 2.1 envelope and keeps "__proto__" an ordinary member', () => {
    const doc = '{"more":false,"__proto__":{"polluted":true},"objects":[{"type":"indicator"}]}';
    const out = runSync(doc);
    expect(Object.getPrototypeOf(out.fields)).toBe(Object.prototype);
    expect(Object.keys(out.fields)).toEqual(['more', '__proto__']);
    expect(out.fields).toEqual(JSON.parse('{"more":false,"__proto__":{"polluted":true}}'));
  });

  it('stops reading the source when the caller stops early', async () => {
    let closed = false;
    function* source(): Generator<string> {
      try {
        yield '{"objects":[{"a":1},';
        yield '{"b":2},';
        yield '{"c":3}]}';
      } finally {
        closed = true;
      }
    }
    for await (const e of splitObjects(source()).objects) if (e.index === 0) break;
    expect(closed).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('memory', () => {
  const CHUNK = 64 * 1024;

  /** Lazily renders `count` indicators into CHUNK-sized byte chunks, tracking the largest. */
  function indicators(count: number, largest: { bytes: number }) {
    return (async function* (): AsyncGenerator<Uint8Array> {
      let text = '{"type":"bundle","id":"bundle--1","objects":[';
      let carry = new Uint8Array(0);
      for (let n = 0; n < count; n++) {
        const element = JSON.stringify({
          type: 'indicator',
          id: `indicator--${n}`,
          description: `«C2» 🛰️ said "hi" \\ ${'x'.repeat(n % 977)}`,
          pattern: `[ipv4-addr:value = '203.0.113.${n % 256}']`,
        });
        largest.bytes = Math.max(largest.bytes, utf8(element).length);
        text += n === count - 1 ? `${element}]}` : `${element},\n`;
        if (text.length < CHUNK && n < count - 1) continue;
        const encoded = utf8(text);
        const bytes = new Uint8Array(carry.length + encoded.length);
        bytes.set(carry);
        bytes.set(encoded, carry.length);
        text = '';
        let at = 0;
        for (; bytes.length - at >= CHUNK; at += CHUNK) yield bytes.slice(at, at + CHUNK);
        carry = bytes.slice(at);
        await new Promise((resolve) => setImmediate(resolve));
      }
      yield carry;
    })();
  }

  it('holds at most the largest element between chunks, for 100,000 objects', async () => {
    const largest = { bytes: 0 };
    // Bytes live in ArrayBuffers outside the JS heap, so both are counted.
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    let peak = 0;
    const { objects, stats } = splitObjects(indicators(100_000, largest));
    let count = 0;
    for await (const e of objects) {
      if (e.index !== count++) throw new Error(`index ${e.index} out of order`);
      if (count % 1000 === 0) peak = Math.max(peak, used());
    }
    expect(count).toBe(100_000);
    expect(stats.objects).toBe(100_000);
    expect(stats.bytes).toBeGreaterThan(60_000_000);
    expect(stats.peakBufferedBytes).toBeGreaterThan(0);
    expect(stats.peakBufferedBytes).toBeLessThan(largest.bytes);
    // Generous (about 10 MB is typical), yet below the 63 MB of input a buffering splitter would hold.
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);

  it('carries an element larger than a chunk across many chunks', async () => {
    const element = JSON.stringify({ type: 'note', content: '"é"\\'.repeat(100_000) });
    const doc = utf8(`{"objects":[${element}]}`);
    const { objects, stats } = splitObjects(everyBytes(doc, CHUNK));
    const out: SplitElement[] = [];
    for await (const e of objects) out.push(e);
    expect(out.map((e) => e.text)).toEqual([element]);
    expect(stats.peakBufferedBytes).toBeLessThan(utf8(element).length);
    expect(stats.peakBufferedBytes).toBeGreaterThan(utf8(element).length - CHUNK);
  });

  it('follows deep nesting with a byte stack, not the call stack', async () => {
    const depth = 200_000;
    const element = `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
    const out = await runAsync(everyBytes(utf8(`{"objects":[${element}]}`), CHUNK));
    expect(out.error).toBeNull();
    expect(out.elements[0]!.text).toBe(element);
    const bad = `{"objects":[${'['.repeat(depth)}}]}`;
    expect(runSync(bad).error).toEqual({ code: 'syntax', offset: 12 + depth, index: 0 });
  });

  it('gives up on an endless element at maxObjectBytes instead of growing', async () => {
    const limit = 1024 * 1024;
    function* endless(): Generator<string> {
      yield '{"objects":[{"a":"';
      for (;;) yield 'x'.repeat(CHUNK);
    }
    const { objects, stats } = splitObjects(endless(), { maxObjectBytes: limit });
    const out = await (async () => {
      for await (const _ of objects);
    })().catch((err: unknown) => caught(err));
    expect(out).toEqual({ code: 'object-too-large', offset: 12 + limit, index: 0 });
    expect(stats.peakBufferedBytes).toBeLessThanOrEqual(limit);
  });
});

// ---------------------------------------------------------------------------------------------

/** Real bundles kept outside the repository (see ../shared/interop). */
const INTEROP = fileURLToPath(new URL('../../../../../../shared/interop/', import.meta.url));
const HAVE_INTEROP = existsSync(INTEROP);
const interop = HAVE_INTEROP ? describe : describe.skip;

function bundleFiles(): string[] {
  const examples = `${INTEROP}stix2-json-schemas/examples/`;
  const found = existsSync(examples)
    ? readdirSync(examples, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .map((f) => examples + f)
    : [];
  const attack = `${INTEROP}attack/ics-attack.json`;
  return existsSync(attack) ? [...found, attack] : found;
}

interop('official STIX bundles (skipped when ../shared/interop is absent)', () => {
  it('splits OASIS examples and ATT&CK for ICS into the objects JSON.parse sees', async () => {
    const files = bundleFiles();
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const bytes = readFileSync(file);
      // Some examples are a single object rather than a bundle: then nothing is yielded.
      const parsed = JSON.parse(bytes.toString('utf8')) as { objects?: unknown[] };
      const { objects = [], ...rest } = parsed;
      const out = await runAsync(everyBytes(bytes, 4096));
      expect(out.error, file).toBeNull();
      expect(
        out.elements.map((e) => e.value),
        file,
      ).toEqual(objects);
      expect(out.fields, file).toEqual(rest);
      expect(runSync(bytes).elements.map((e) => e.text)).toEqual(out.elements.map((e) => e.text));
    }
    const attack = files.find((f) => f.endsWith('ics-attack.json'));
    if (attack) expect(runSync(readFileSync(attack)).elements).toHaveLength(1826);
  });
});

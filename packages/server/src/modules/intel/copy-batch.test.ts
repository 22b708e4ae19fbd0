import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchUnique, buildCopyBatch, copyData, rowFromCopy } from './copy-batch';
import type { NewObjectRow } from './store-write';

const ctx = {
  collectionId: '11111111-1111-4111-8111-111111111111',
  originParticipantId: '22222222-2222-4222-8222-222222222222',
  addedBy: null,
};

const row = (n: number, month: number): NewObjectRow => ({
  stixId: `indicator--00000000-0000-4000-8000-00000000000${n}`,
  type: 'indicator',
  specVersion: '2.1',
  version: `2026-0${month}-01T00:00:00Z`,
  versionKey: `2026-0${month}-01T00:00:00.000000000Z`,
  isLatest: true,
  isFirst: true,
  tlp: 'green',
  recipientParticipantIds: [],
  recipientUserIds: [],
  sourceRef: null,
  targetRef: null,
  searchText: `object ${n}\\tab`,
  body: JSON.stringify({ n, month, text: 'a\\b\n"c"' }),
});

describe('COPY batches', () => {
  it('flags each line as the rows path does, with repeats dropped, whatever the order', () => {
    const rowArb = fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 6 }))
      .map(([n, month]) => row(n, month));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (rows) => {
        const batch = buildCopyBatch(rows, ctx);
        const lines = batch.ids.map((_, i) => rowFromCopy(batch, i));
        expect(lines).toEqual(batchUnique(rows));
      }),
    );
  });

  it('writes date_added and seq around each line, and only the lines asked for', () => {
    const batch = buildCopyBatch([row(1, 1), row(2, 1), row(1, 2)], ctx);
    const { rows, search } = copyData(batch, [2, 0], '2026-11-27T00:00:00.000001Z', [7, 9]);
    const lines = rows.toString().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2026-11-27T00:00:00\.000001Z\t11111111-.*\t7$/);
    expect(lines[0]!.split('\t')[4]).toBe(row(1, 2).stixId);
    expect(lines[1]!.split('\t')[8]).toBe('2026-01-01T00:00:00.000000000Z');
    expect(lines[1]!.endsWith('\t9')).toBe(true);
    expect(search.toString()).toBe('object 1\\\\tab\t7\nobject 1\\\\tab\t9\n');
  });
});

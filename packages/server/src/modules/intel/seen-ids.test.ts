import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids';

describe('SeenIds (the import filter of ids it has stored)', () => {
  it('says "maybe seen" for every id added before: no false "new"', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 50_000 }, () => `indicator--${randomUUID()}`);
    // The first time, nearly all are certainly new (a collision among 50,000 is rare).
    expect(ids.filter((id) => seen.addIfNew(id)).length).toBeLessThan(5);
    expect(ids.every((id) => seen.addIfNew(id))).toBe(true);
  });

  it('rarely says "maybe seen" for ids never added, at the rate its size gives', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 1_000_000; i++) seen.addIfNew(`indicator--${randomUUID()}`);
    let falseMaybes = 0;
    for (let i = 0; i < 100_000; i++) if (seen.addIfNew(`malware--${randomUUID()}`)) falseMaybes++;
    // (1 - e^(-4n/m))^4 with n from 10^6 to 1.1 x 10^6, m = 2^25: 1.6 to 2.2 in 10,000, so
    // about 20 here.
    expect(falseMaybes).toBeLessThan(60);
  });

  it('tells apart ids that differ only in their type or one character', () => {
    const seen = new SeenIds();
    const uuid = randomUUID();
    expect(seen.addIfNew(`indicator--${uuid}`)).toBe(false);
    const near = [`malware--${uuid}`, `indicator--${uuid.slice(0, -1)}0`, `indicator--${uuid} `];
    // Each adds four bits of 2^25 to a filter holding four: a collision is about 1 in 10^26.
    expect(near.map((id) => seen.addIfNew(id))).toEqual([false, false, false]);
    expect(seen.addIfNew(`indicator--${uuid}`)).toBe(true);
  });
});

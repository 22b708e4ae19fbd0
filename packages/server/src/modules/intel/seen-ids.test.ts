import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids';

describe('SeenIds (the import filter of ids it has stored)', () => {
  it('answers "maybe" for every id added: no false "never"', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 50_000 }, () => `indicator--${randomUUID()}`);
    for (const id of ids) seen.add(id);
    expect(ids.every((id) => seen.mayHave(id))).toBe(true);
    expect(seen.size).toBe(50_000);
  });

  it('rarely says "maybe" for ids never added, at the rate its size gives', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 1_000_000; i++) seen.add(`indicator--${randomUUID()}`);
    let falseMaybes = 0;
    const tries = 200_000;
    for (let i = 0; i < tries; i++) if (seen.mayHave(`malware--${randomUUID()}`)) falseMaybes++;
    // (1 - e^(-4n/m))^4 with n = 10^6, m = 2^25: about 1.6 in 10,000, so about 32 here.
    expect(falseMaybes).toBeLessThan(100);
  });

  it('adds and answers in one step: certainly new the first time, "maybe" after', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 1_000 }, () => `sighting--${randomUUID()}`);
    expect(ids.map((id) => seen.addIfNew(id)).filter(Boolean).length).toBeLessThan(2);
    expect(ids.every((id) => seen.addIfNew(id))).toBe(true);
    expect(seen.size).toBe(2_000);
  });

  it('tells apart ids that differ only in their type or one character', () => {
    const seen = new SeenIds();
    const uuid = randomUUID();
    seen.add(`indicator--${uuid}`);
    const near = [`malware--${uuid}`, `indicator--${uuid.slice(0, -1)}0`, `indicator--${uuid} `];
    // With four bits set of 2^25, a collision here is a chance of about 1 in 10^26.
    expect(near.filter((id) => seen.mayHave(id))).toEqual([]);
    expect(seen.mayHave(`indicator--${uuid}`)).toBe(true);
  });
});

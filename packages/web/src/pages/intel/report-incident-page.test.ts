import { describe, expect, it } from 'vitest';
import { parseLabels } from './report-incident-page';

describe('parseLabels', () => {
  it('splits on commas, trims, drops empty entries and repeats', () => {
    expect(parseLabels(' rsit:fraud="phishing", sector:water ,, sector:water,')).toEqual([
      'rsit:fraud="phishing"',
      'sector:water',
    ]);
  });

  it('gives no labels for blank input', () => {
    expect(parseLabels('')).toEqual([]);
    expect(parseLabels(' , ,')).toEqual([]);
  });
});

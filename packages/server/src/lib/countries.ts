/** ISO 3166-1 alpha-3 codes and English short names, from the i18n-iso-countries data set. */
import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

const NAMES: ReadonlyMap<string, string> = new Map(
  Object.keys(countries.getAlpha3Codes())
    .map((code): [string, string] => [
      code,
      countries.getName(code, 'en', { select: 'official' }) ?? code,
    ])
    .sort((a, b) => a[1].localeCompare(b[1])),
);

export const isAlpha3 = (code: string): boolean => NAMES.has(code);
export const countryName = (code: string | null): string | null =>
  code ? (NAMES.get(code) ?? null) : null;
export const allCountries = (): { code: string; name: string }[] =>
  [...NAMES].map(([code, name]) => ({ code, name }));

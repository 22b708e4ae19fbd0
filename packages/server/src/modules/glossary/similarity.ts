/**
 * How close a participant's domestic definition is to the harmonised one: the cosine of their
 * bag-of-stems vectors (lower-cased, accents folded, stop words removed, lightly stemmed).
 *
 * Why cosine over term counts rather than token-set Jaccard: domestic definitions are often the
 * harmonised text plus a national clause ("… including space-based assets"). Jaccard divides by
 * the union, so every added word lowers the score as much as a missing one; cosine normalises
 * by each text's own length, so an elaboration that keeps the harmonised vocabulary still scores
 * high while a definition built from different concepts scores low. Counts (not sets) let a
 * concept the text insists on weigh more. Pure and deterministic: runs in Node and the browser.
 */

/** Below this similarity a variant is shown as diverging (0 = nothing shared, 1 = same words). */
export const DEFAULT_DIVERGENCE_THRESHOLD = 0.6;

/** English function words that carry no definitional meaning. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each either etc ' +
    'for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself may might more most must no nor not of off on once only or other our ours out over ' +
    'own per same shall she should so some such than that the their theirs them then there ' +
    'these they this those through thus to too under until up upon us very via was we were ' +
    'what when where whether which while who whom whose why will with within without would you ' +
    'your'
  ).split(' '),
);

/**
 * A light suffix-stripping stemmer for the inflections legal definitions use (plurals,
 * -ing/-ed/-ly/-ion/-ment, British/American -ise/-ize, final e), so "disrupts", "disrupted",
 * "disruption" and "disrupting" meet. Deliberately conservative: not a full Porter stemmer.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word.replace(/iz(?=(?:e|ed|es|ing|ation|ations)$)/, 'is');
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['ment', 'ing', 'ion', 'ed', 'ly']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 4) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** The comparable tokens of a text, in order: folded, lower-cased, stop words out, stemmed. */
export function tokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOP_WORDS.has(w) && w.length > 1).map(stem);
}

function counts(items: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/**
 * Cosine similarity in [0, 1] of two texts' stem-count vectors. Two texts without any
 * content words are identical (1); one empty and one not share nothing (0).
 */
export function similarity(a: string, b: string): number {
  const ca = counts(tokens(a));
  const cb = counts(tokens(b));
  if (ca.size === 0 && cb.size === 0) return 1;
  if (ca.size === 0 || cb.size === 0) return 0;
  let dot = 0;
  for (const [t, n] of ca) dot += n * (cb.get(t) ?? 0);
  const norm = (c: Map<string, number>) =>
    Math.sqrt([...c.values()].reduce((s, n) => s + n * n, 0));
  // Rounding guards against 1.0000000000000002 for identical texts.
  return Math.min(1, dot / (norm(ca) * norm(cb)));
}

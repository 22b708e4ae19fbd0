/**
 * SQL LIKE for STIX patterns (STIX 2.1 §9.6.1): `%` matches any run of characters (possibly
 * empty), `_` exactly one; every other character matches itself, case-sensitively. STIX
 * defines no escape character, so a backslash is literal. Both sides are NFC-normalised
 * (§9.6.1, §9.6.2) and compared by code point.
 *
 * A greedy scan that backtracks only to the last `%` runs in O(n·m) time whatever the
 * pattern, unlike a translation to a regular expression.
 */
export function likeMatches(value: string, pattern: string): boolean {
  const s = Array.from(value.normalize('NFC'));
  const p = Array.from(pattern.normalize('NFC'));
  let i = 0;
  let j = 0;
  let star = -1; // index in p of the last % seen
  let resume = 0; // index in s that % currently stops before
  while (i < s.length) {
    if (j < p.length && p[j] === '%') {
      star = j++;
      resume = i;
    } else if (j < p.length && (p[j] === '_' || p[j] === s[i])) {
      i++;
      j++;
    } else if (star >= 0) {
      j = star + 1;
      i = ++resume;
    } else {
      return false;
    }
  }
  while (j < p.length && p[j] === '%') j++;
  return j === p.length;
}

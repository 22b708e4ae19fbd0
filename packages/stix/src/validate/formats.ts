/**
 * String formats STIX 2.1 delegates to other standards: RFC 4648 base64 (§2.1), hex (§2.8),
 * RFC 5646 language tags (§3.2 lang), RFC 3986 URLs (§2.5, §6.15), CIDR addresses (§6.8, §6.9),
 * MAC-48 (§6.10), domain names (§6.4), e-mail addr-spec (§6.5), CPE 2.3 (§6.14).
 * Every pattern here is linear-time, and long inputs are refused before any regex runs.
 */

/** §2.1, RFC 4648 §4: non-empty, padded base64. */
const BASE64_RE =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$/;
export const isBase64 = (s: string): boolean => BASE64_RE.test(s);

/** §2.8: an even, non-zero number of lowercase hexadecimal digits. */
const HEX_RE = /^(?:[0-9a-f]{2})+$/;
export const isHex = (s: string): boolean => HEX_RE.test(s);

/**
 * RFC 5646 §2.1 well-formed language tag (langtag or private use; the irregular grandfathered
 * tags are not accepted). Case-insensitive, as the RFC says.
 */
const LANG_RE =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$/;
export const isLanguageTag = (s: string): boolean => s.length <= 128 && LANG_RE.test(s);

/** RFC 3986 §3: a scheme, then no whitespace or characters URIs never contain… */
const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]*$/;
/** …nor ASCII control characters (which \s does not all cover). */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
export const isUrl = (s: string): boolean => s.length <= 65536 && URL_RE.test(s) && !hasControl(s);

/** §6.10: colon-delimited lowercase MAC-48 with leading zeros. */
const MAC_RE = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
export const isMac48 = (s: string): boolean => MAC_RE.test(s);

/** §6.5: RFC 5322 addr-spec, loosely: one "@", no whitespace, non-empty both sides. */
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;
export const isEmailAddress = (s: string): boolean => s.length <= 998 && EMAIL_RE.test(s);

const OCTET_RE = /^(?:0|[1-9][0-9]{0,2})$/;

function isIpv4Address(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => OCTET_RE.test(p) && Number(p) <= 255);
}

function prefixOk(prefix: string | undefined, max: number): boolean {
  if (prefix === undefined) return true;
  return OCTET_RE.test(prefix) && Number(prefix) <= max;
}

/** §6.8: an IPv4 address or CIDR block ("10.2.4.5", "198.51.100.0/24"). */
export function isIpv4Cidr(s: string): boolean {
  if (s.length > 18) return false;
  const [addr = '', prefix, extra] = s.split('/');
  return extra === undefined && isIpv4Address(addr) && prefixOk(prefix, 32);
}

const GROUP_RE = /^[0-9A-Fa-f]{1,4}$/;

function groupsOk(groups: string[]): number | null {
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? '';
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIpv4Address(g)) return null;
      count += 2;
    } else if (GROUP_RE.test(g)) count += 1;
    else return null;
  }
  return count;
}

/** §6.9: an IPv6 address (RFC 4291 §2.2 text forms) or CIDR block; zone indexes are refused. */
export function isIpv6Cidr(s: string): boolean {
  if (s.length > 49) return false;
  const [addr = '', prefix, extra] = s.split('/');
  if (extra !== undefined || !prefixOk(prefix, 128)) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return groupsOk(addr.split(':')) === 8;
  const [head = '', tail = ''] = halves;
  const left = head === '' ? 0 : groupsOk(head.split(':'));
  const right = tail === '' ? 0 : groupsOk(tail.split(':'));
  if (left === null || right === null) return false;
  if (head.includes('.')) return false;
  return left + right <= 7;
}

/**
 * §6.4: RFC 1034 / RFC 5890 domain name: at most 253 characters (plus an optional root dot),
 * labels of 1–63 characters made of letters, digits, hyphens, underscores (service labels) or
 * non-ASCII characters (IDN U-labels), not starting or ending with a hyphen.
 */
const LABEL_RE = /^(?!-)[A-Za-z0-9_\u0080-\uffff-]{1,63}(?<!-)$/;
export function isDomainName(s: string): boolean {
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => LABEL_RE.test(label));
}

/** §6.14: a CPE 2.3 formatted string: "cpe:2.3:" then 11 components, ":" escaped as "\:". */
export function isCpe23(s: string): boolean {
  if (s.length > 4096 || !s.startsWith('cpe:2.3:')) return false;
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      current += s.slice(i, i + 2);
      i++;
    } else if (c === ':') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  if (parts.length !== 13) return false;
  const part = parts[2];
  return (
    (part === 'a' || part === 'h' || part === 'o' || part === '*' || part === '-') &&
    parts.slice(3).every((p) => p.length > 0 && !/\s/.test(p))
  );
}

/** §3.9.1, §6.3, §6.7: an IANA character-set name, as the OASIS schemas constrain it. */
const CHARSET_RE = /^[A-Za-z0-9/.+_:-]{2,250}$/;
export const isCharsetName = (s: string): boolean => CHARSET_RE.test(s);

/**
 * TAXII 2.1 media types (§1.6.8): requests and responses use
 * `application/taxii+json;version=2.1`; objects inside are `application/stix+json;version=2.1`.
 */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

interface MediaRange {
  type: string;
  params: Map<string, string>;
  q: number;
}

function parseRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...rest] = part.split(';').map((s) => s.trim());
      const params = new Map<string, string>();
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) {
          params.set(
            p.slice(0, eq).trim().toLowerCase(),
            p
              .slice(eq + 1)
              .trim()
              .replace(/^"|"$/g, ''),
          );
        }
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((r) => r.type !== '');
}

/** Whether an Accept header admits TAXII 2.1 JSON (absent Accept admits anything, RFC 9110 §12.5.1). */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return parseRanges(accept).some((r) => {
    if (r.q <= 0) return false;
    if (r.type === '*/*' || r.type === 'application/*') return true;
    if (r.type !== 'application/taxii+json') return false;
    const v = r.params.get('version');
    return v === undefined || v === '2.1';
  });
}

/** Whether a Content-Type names TAXII 2.1 JSON (the version parameter may be left out). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [r] = parseRanges(contentType);
  if (r?.type !== 'application/taxii+json') return false;
  const v = r.params.get('version');
  return v === undefined || v === '2.1';
}

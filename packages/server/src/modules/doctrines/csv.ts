/** RFC 4180 CSV: CRLF line breaks; fields with a comma, quote or line break are quoted. */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number): string {
  const text = String(value);
  // RFC 4180 §2.7: a double quote inside a quoted field is escaped by doubling it.
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, each record ended by CRLF (RFC 4180 §2.1–2.2). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

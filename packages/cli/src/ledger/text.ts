/**
 * Text a node sent, made safe to print on one terminal line: control characters (which could
 * break the one-line error or drive the terminal) become "?", and it is cut to `max`.
 */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

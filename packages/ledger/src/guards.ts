/** Small runtime checks for values that may come from untrusted callers. */

/** Array.isArray without narrowing readonly arrays to any[]. */
export function isArray(value: unknown): boolean {
  return Array.isArray(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether the text holds an ASCII control character (below U+0020), newline optionally allowed. */
export function hasControlChar(text: string, allowNewline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !(allowNewline && c === 0x0a)) return true;
  }
  return false;
}

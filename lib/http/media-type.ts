/** The media type of a Content-Type header, lower-cased and without parameters ("" when absent). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The charset parameter of a Content-Type header as sent, quotes removed ('text/html; charset=" ISO-2022-KR "' gives
 * " ISO-2022-KR "); undefined when there is none. Pure.
 */
export function charsetParameter(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(contentType);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2]!.trim();
}

/**
 * Whether `label` (a charset as declared: any case, surrounding ASCII whitespace) names UTF-8 under the WHATWG
 * Encoding standard ("utf-8", "UTF8", " utf-8 ", "unicode-1-1-utf-8" …), resolved by the platform's TextDecoder,
 * which implements the standard's "get an encoding". Pure; false for an unknown or empty label.
 */
export function namesUtf8(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === "utf-8";
  } catch {
    return false;
  }
}

/** A declared charset `label` as an error message may quote it: printable ASCII only, at most 40 characters. Pure. */
export function printableLabel(label: string): string {
  return label.replace(/[^\x21-\x7e]/g, "").slice(0, 40);
}

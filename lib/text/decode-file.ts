// Decoding an uploaded .txt, .md or .html file in the browser (components/articles/ImportArticleForm.tsx), which used
// to read every file as UTF-8 (`File.text()`): a windows-1252 export from an older CMS imported "Beyonc\uFFFD".
// The browser's own TextDecoder does the decoding (every WHATWG Encoding label); this only picks the label, as a
// browser does for a local file with no HTTP charset (WHATWG HTML, "determining the character encoding", simplified).

const PRESCAN_BYTES = 1024;

/** The charset a `<meta charset>` or `<meta http-equiv content="…; charset=…">` names in `head`, as written, or null. Pure. */
export function metaCharsetLabel(head: string): string | null {
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s;>/]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/** TextDecoder's name for `label`, or null when the label is unknown or names "replacement" (which it refuses). */
function decoderFor(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

/**
 * Decodes a file's `bytes` to text. Order: a byte order mark (UTF-8, UTF-16BE/LE); for HTML (`html`), a `<meta>`
 * charset in the first 1024 bytes (a UTF-16 label there means UTF-8, as in the HTML standard; an unknown label or one
 * mapped to "replacement" is passed over — the server refuses the latter by its <meta>, naming it); then UTF-8 when
 * the bytes are valid UTF-8; else windows-1252, the legacy default. Output: the text (without a byte order mark) and
 * the encoding used (TextDecoder's name, e.g. "windows-1252"). Pure; never throws.
 */
export function decodeFileBytes(bytes: Uint8Array, { html }: { html: boolean }): { text: string; encoding: string } {
  let encoding = bomEncoding(bytes);
  if (!encoding && html) {
    const label = metaCharsetLabel(new TextDecoder("windows-1252").decode(bytes.subarray(0, PRESCAN_BYTES)));
    const named = label ? decoderFor(label) : null;
    if (named) encoding = named.startsWith("utf-16") ? "utf-8" : named;
  }
  if (!encoding) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      encoding = "windows-1252";
    }
  }
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

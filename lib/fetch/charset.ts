// Decoding a fetched page's bytes the way a browser does (WHATWG HTML encoding sniffing, through encoding-sniffer:
// byte order mark, then the Content-Type charset, then <meta charset> in the first 1024 bytes, else windows-1252),
// with two refusals a browser also makes or would make:
// - a label the Encoding standard maps to "replacement" (iso-2022-kr, hz-gb-2312, iso-2022-cn …): browsers decode
//   such a page to one U+FFFD, as those encodings hid markup from filters. encoding-sniffer picks the "replacement"
//   encoding, which no decoder implements, so the import failed with an unrelated "could not be fetched";
// - a UTF-16 label on bytes that cannot be UTF-16 (no byte order mark, no NUL byte in markup that is all ASCII in
//   UTF-16): decoding as UTF-16 turned the page into CJK noise. The label is ignored and sniffing goes on.
import { decodeBuffer, getEncoding } from "encoding-sniffer";
import { AppError } from "@/lib/http/errors";
import { metaCharsetLabel } from "@/lib/text/decode-file";
import { printableLabel } from "@/lib/http/media-type";

/** The labels the WHATWG Encoding standard maps to the "replacement" encoding (encoding.spec.whatwg.org, Names and labels). */
export const REPLACEMENT_LABELS: ReadonlySet<string> = new Set([
  "csiso2022kr",
  "hz-gb-2312",
  "iso-2022-cn",
  "iso-2022-cn-ext",
  "iso-2022-kr",
  "replacement",
]);

const SNIFFED_BYTES = 1024;
// ASCII whitespace as the Encoding standard strips it from a label ("get an encoding").
const trimLabel = (label: string) => label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");

/** Whether `label` (as declared: any case, surrounding whitespace) is one the standard maps to "replacement". Pure. */
export function isReplacementLabel(label: string): boolean {
  return REPLACEMENT_LABELS.has(trimLabel(label).toLowerCase());
}

/**
 * The 422 for a page (or an HTML file) that declares a "replacement" character set, naming `label` as declared (at
 * most 40 printable characters) so the reader can tell the publisher. Output: the AppError (not thrown), on `field`.
 */
export function replacementCharsetError(label: string | null, field: "url" | "content" = "url"): AppError {
  const shown = label ? printableLabel(label) : "";
  const message =
    `This page declares the character set ${shown || "of a retired encoding"}, which browsers refuse to decode ` +
    "(it was used to hide markup from filters). Ask the publisher for a UTF-8 copy, or paste the article text instead.";
  return new AppError("unprocessable", message, { [field]: [message] });
}

const hasByteOrderMark = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) ||
  (bytes[0] === 0xfe && bytes[1] === 0xff) ||
  (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);

/**
 * Decodes page `bytes` to text as a browser would, `charset` being the Content-Type's charset parameter as sent
 * (undefined when there is none; unknown and empty labels are ignored, case and surrounding whitespace do not matter).
 * A byte order mark wins over every declaration. A UTF-16 charset on bytes without a byte order mark and without a
 * NUL byte in the first 1024 is not believed (ASCII markup in UTF-16 has one in every other byte).
 * Output: the text. @throws AppError 422 `unprocessable` (on `url`, replacementCharsetError) when the charset, or
 * for want of one the page's <meta>, is a label the Encoding standard maps to "replacement".
 */
export function decodePage(bytes: Buffer, charset: string | undefined): string {
  let options = charset ? { transportLayerEncodingLabel: charset } : {};
  let encoding = getEncoding(bytes, options);
  if (/^utf-16/i.test(encoding) && !hasByteOrderMark(bytes) && !bytes.subarray(0, SNIFFED_BYTES).includes(0)) {
    options = {};
    encoding = getEncoding(bytes, options);
  }
  if (encoding === "replacement") {
    const declared = charset && isReplacementLabel(charset) && "transportLayerEncodingLabel" in options ? charset : null;
    throw replacementCharsetError(declared ?? metaCharsetLabel(Buffer.from(bytes.subarray(0, SNIFFED_BYTES)).toString("latin1")));
  }
  return decodeBuffer(bytes, options);
}

/**
 * For HTML that arrives as text (an uploaded file the browser read as UTF-8, or pasted markup): 422 when its <meta>
 * declares a "replacement" character set, as a browser opening the file would show nothing of it. Other declarations
 * are left alone (the text is already decoded). @throws AppError 422 `unprocessable` on `content`.
 */
export function refuseReplacementCharsetHtml(html: string): void {
  const head = Buffer.from(html.slice(0, SNIFFED_BYTES), "utf8").subarray(0, SNIFFED_BYTES);
  if (getEncoding(head) === "replacement") throw replacementCharsetError(metaCharsetLabel(head.toString("latin1")), "content");
}

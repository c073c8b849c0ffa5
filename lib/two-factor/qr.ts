import QRCode from "qrcode";

/** A QR code as one SVG path: `size` modules square, dark modules drawn in `path`. */
export type QrPath = { size: number; path: string };

/**
 * Draws `text` as a QR code for an inline <svg> (no script, no data: URL, so a strict CSP
 * leaves it alone). Runs of dark modules in a row become one rectangle each.
 */
export function qrPath(text: string): QrPath {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return { size, path: parts.join("") };
}

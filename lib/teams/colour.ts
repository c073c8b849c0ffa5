// Contrast of text on a team's chosen colours, by WCAG 2.2's definitions of relative luminance and contrast
// ratio (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance, #dfn-contrast-ratio). Twenty lines of arithmetic
// the spec gives exactly, so no colour library for it.

/** The ink of body text in the reading column (app/globals.css --color-ink). */
export const INK = "#1c1b19";
const BLACK = "#000000";
const WHITE = "#ffffff";

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance of a "#rrggbb" colour, 0 (black) … 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours, 1 … 21 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Black or white, whichever has the higher contrast on `background` ("#rrggbb"). For every colour the better of the
 * two reaches at least 4.58:1, above WCAG AA's 4.5:1 for normal text (lib/teams/colour.test.ts checks a grid of colours; the minimum, 4.58:1, sits at relative luminance 0.18).
 */
export function readableTextOn(background: string): string {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}

function mix(hex: string, share: number): string {
  const out = channels(hex).map((c) => Math.round(c * share + 255 * (1 - share)));
  return `#${out.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * A light tint of `hex` ("#rrggbb") for highlights behind body text: the colour mixed with white, 35 % of it at
 * most, less until ink (INK) on it reaches 7:1, which leaves room for the open claim's darkening and still keeps
 * 4.5:1 (WCAG AA). Returns "#rrggbb".
 */
export function tintFor(hex: string): string {
  for (let share = 0.35; share > 0; share -= 0.05) {
    const tint = mix(hex, share);
    if (contrastRatio(tint, INK) >= 7) return tint;
  }
  return mix(hex, 0.05);
}

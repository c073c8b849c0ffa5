// What the browser may know about languages too (no detector here, so client components can import it).

/**
 * A language tag's English name ("he" → "Hebrew"), or the tag itself when Intl does not know it. Pure.
 */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Whether claim suggestions work for an article in `language`: the detector (lib/suggestions, wink's English
 * model) reads English only. Unknown language (null) counts as available: most desks write English. Pure.
 */
export function suggestionsAvailable(language: string | null): boolean {
  return language === null || language === "en";
}

/** A language tag as stored: a BCP 47 tag such as "en", "pt-BR" or "yue" (letters, digits and hyphens). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

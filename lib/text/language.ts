// The language an article is written in: detected on import (franc, trigram statistics over the 187 most
// spoken languages), stored as a BCP 47 tag, shown to people by name, and used to say which features work.
import { franc } from "franc";
import { iso6393To1 } from "iso-639-3";

export { languageName, suggestionsAvailable, LANGUAGE_TAG } from "./language-names";

/** Fewest characters franc is asked to judge: shorter texts are too often guessed wrong. */
const MIN_DETECT_CHARS = 40;
/** Characters read for detection: the start of a long article is as telling as all of it. */
const DETECT_CHARS = 20_000;
/**
 * franc names individual languages (ISO 639-3 "arb", Standard Arabic); where its macrolanguage has a two-letter
 * tag ("ar"), that is the tag people and browsers use. From ISO 639-3's macrolanguage mappings.
 */
const MACROLANGUAGE_TAG: Record<string, string> = {
  arb: "ar",
  cmn: "zh",
  pes: "fa",
  zlm: "ms",
  uzn: "uz",
  azj: "az",
  swh: "sw",
  ekk: "et",
  lvs: "lv",
  npi: "ne",
  khk: "mn",
  plt: "mg",
  gaz: "om",
  ydd: "yi",
  quy: "qu",
};
/** Languages franc confuses with a far commoner neighbour (Scots for English, as franc's own docs warn). */
const IGNORED = ["sco"];

/**
 * The language of `text` as a BCP 47 primary tag (ISO 639-1 where one exists, "en", "he", "ar"; else the ISO
 * 639-3 code), or null when the text is too short (under 40 characters) or franc cannot tell. Pure.
 */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, DETECT_CHARS), { minLength: MIN_DETECT_CHARS, ignore: IGNORED });
  if (code === "und") return null;
  return MACROLANGUAGE_TAG[code] ?? iso6393To1[code] ?? code;
}

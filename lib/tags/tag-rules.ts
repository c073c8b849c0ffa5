// Rules of a team's tag vocabulary. Pure (no Prisma, no server-only imports): the tag picker,
// the filters and the server read the same rules.

/** Most characters in a tag name. */
export const TAG_NAME_MAX = 40;

/** Most tags on one article or one claim. */
export const TAGS_PER_ITEM_MAX = 20;

/** The chip colours an editor may give a tag (Tailwind palette names); null is the plain stone chip. */
export const TAG_COLOURS = ["sky", "emerald", "amber", "rose", "violet", "teal", "orange", "lime"] as const;
export type TagColour = (typeof TAG_COLOURS)[number];

/** A tag as the API and the UI show it. */
export type TagDTO = { id: string; name: string; color: TagColour | null };

/**
 * The key a tag name is unique by within a team: NFC-normalised, inner whitespace collapsed to one space,
 * trimmed, lower-cased with the root locale ("Budget", "budget " and "BUDGET" are one tag). Input: a name;
 * output: its key. Pure; throws nothing.
 */
export function tagKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("und");
}

/** Sorts tags by name, ignoring case and accents (the order chips and pickers show). */
export function byTagName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" });
}

/** The colour if it is one of TAG_COLOURS, else null (stored values from an older palette show plain). */
export function tagColour(value: string | null | undefined): TagColour | null {
  return value && (TAG_COLOURS as readonly string[]).includes(value) ? (value as TagColour) : null;
}

/** Tailwind classes of a chip in `colour` (each class spelled out so Tailwind keeps it). */
export const TAG_CHIP_CLASSES: Record<TagColour | "plain", string> = {
  plain: "bg-stone-100 text-stone-800 ring-stone-300",
  sky: "bg-sky-50 text-sky-900 ring-sky-300",
  emerald: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  rose: "bg-rose-50 text-rose-900 ring-rose-300",
  violet: "bg-violet-50 text-violet-900 ring-violet-300",
  teal: "bg-teal-50 text-teal-900 ring-teal-300",
  orange: "bg-orange-50 text-orange-900 ring-orange-300",
  lime: "bg-lime-50 text-lime-900 ring-lime-300",
};

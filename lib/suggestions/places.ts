// Named places, canonicalised so that "Britain", "the United Kingdom" and "UK" compare equal.
// A short list of the countries and blocs news copy names most; anything else is found by
// the "in <Name>" fallback, which cannot tell a town from an organisation, so it ranks lower.

const CANONICAL: [RegExp, string][] = [
  [/\b(?:the\s+)?(?:UK|U\.K\.|United Kingdom|Great Britain|Britain)\b/, "UK"],
  [/\b(?:the\s+)?(?:US|U\.S\.|USA|United States(?: of America)?|America)\b(?!n)/, "US"],
  [/\b(?:the\s+)?(?:EU|European Union)\b/, "EU"],
  [/\b(?:eurozone|euro area)\b/i, "eurozone"],
];

const COUNTRIES = [
  "England",
  "Scotland",
  "Wales",
  "Northern Ireland",
  "Ireland",
  "France",
  "Germany",
  "Italy",
  "Spain",
  "Portugal",
  "Poland",
  "Ukraine",
  "Russia",
  "China",
  "Japan",
  "India",
  "Pakistan",
  "Canada",
  "Australia",
  "New Zealand",
  "Brazil",
  "Mexico",
  "Netherlands",
  "Belgium",
  "Sweden",
  "Norway",
  "Denmark",
  "Finland",
  "Estonia",
  "Latvia",
  "Lithuania",
  "Greece",
  "Turkey",
  "Israel",
  "Iran",
  "Iraq",
  "Syria",
  "Saudi Arabia",
  "Egypt",
  "South Africa",
  "Nigeria",
  "Kenya",
  "South Korea",
  "North Korea",
  "Taiwan",
  "Switzerland",
  "Austria",
  "Hungary",
  "Romania",
  "Czech Republic",
  "Europe",
  "London",
  "Paris",
  "Washington",
  "Moscow",
  "Kyiv",
  "Brussels",
  "Berlin",
  "Edinburgh",
  "Cardiff",
  "Belfast",
];
const COUNTRY = new RegExp(String.raw`\b(${COUNTRIES.join("|")})\b(?![’']s\s+(?:voice|war))`);

const NOT_PLACES = new Set([
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
  "Parliament",
  "Nato",
  "NHS",
  "The",
  "A",
]);
const IN_NAMED_PLACE = /\b(?:in|across|throughout)\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b/g;

export type Place = { name: string; kind: "country" | "place"; index: number };

/**
 * The first named place in `text`: a known country, city or bloc, canonical where several names mean one
 * ("Britain", "the United Kingdom" → "UK"), with the offset of the match; else the first "in/across/throughout
 * <Capitalised Name>" that is not a month, weekday or the like (kind "place", offset of the preposition);
 * undefined when there is none. Pure.
 */
export function findPlace(text: string): Place | undefined {
  const found: Place[] = [];
  for (const [re, name] of CANONICAL) {
    const m = re.exec(text);
    if (m) found.push({ name, kind: "country", index: m.index });
  }
  const country = COUNTRY.exec(text);
  if (country) found.push({ name: country[1]!, kind: "country", index: country.index });
  if (found.length > 0) return found.sort((a, b) => a.index - b.index)[0];
  for (const m of text.matchAll(IN_NAMED_PLACE)) {
    const name = m[1]!;
    if (!NOT_PLACES.has(name.split(" ")[0]!)) return { name, kind: "place", index: m.index };
  }
  return undefined;
}

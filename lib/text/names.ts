// People's names in a sentence, in English, as every place that lists who did something words it.
const nameList = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** People's names as a sentence lists them: "Ana", "Ana and Ben", "Ana, Ben and Cy" (duplicates kept: two people may share a name). */
export function formatNames(names: readonly string[]): string {
  return nameList.format(names);
}

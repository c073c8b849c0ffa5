const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : "";
}

const nameList = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** People's names as a sentence lists them: "Ana", "Ana and Ben", "Ana, Ben and Cy" (duplicates kept: two people may share a name). */
export function formatNames(names: readonly string[]): string {
  return nameList.format(names);
}

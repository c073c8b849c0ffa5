/** A team member who can be mentioned. */
export type Mentionable = { id: string; name: string };

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The members a comment mentions, read from its text: "@" (at the start or after a character that is not a
 * letter, digit or "_", so "ada@example.org" is no mention) followed by a member's full name, in any case, not
 * followed by a letter or digit. Where several names fit, the longest wins ("@Ada Admin" over "@Ada").
 * A name several members share is ambiguous: it mentions those of them the writer picked (`hintIds`, the
 * autocomplete's choices), and nobody when none of them was picked. `hintIds` never adds anyone whose name
 * is not in the text. Output: member ids, each once, in order of first mention. Pure.
 */
export function resolveMentions(body: string, members: readonly Mentionable[], hintIds: readonly string[] = []): string[] {
  const byName = new Map<string, Mentionable[]>();
  for (const member of members) {
    const key = member.name.trim().toLocaleLowerCase();
    if (key) byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const hints = new Set(hintIds);
  const lower = body.toLocaleLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(body[at - 1]!)) continue;
    const name = names.find((n) => lower.startsWith(n, at + 1) && !WORD.test(body[at + 1 + n.length] ?? " "));
    if (!name) continue;
    const sharing = byName.get(name)!;
    const chosen = sharing.length === 1 ? sharing : sharing.filter((m) => hints.has(m.id));
    for (const member of chosen) if (!found.includes(member.id)) found.push(member.id);
  }
  return found;
}

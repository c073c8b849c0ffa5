// A deterministic "new version" of the bench article: a tenth of the claims edited (typo
// fixes, light rewordings, deletions), with where each claim's words really are afterwards.
import type { ReanchorClaim } from "../lib/anchoring/reanchor";

export type EditKind = "unchanged" | "typo" | "reword" | "deleted";
/** Where a claim's text really is in the new body; null when it was deleted. */
export type Truth = { kind: EditKind; range: { start: number; end: number } | null };
export type EditedArticle = { newBody: string; truths: Truth[] };

type Edit = {
  claim: number;
  kind: Exclude<EditKind, "unchanged">;
  start: number;
  end: number;
  replacement: string;
  keep: { start: number; end: number } | null;
};

const REWORDINGS = ["broadly", "notably", "plainly", "largely", "firmly"];
const WORD = /\p{L}{5,}/gu;

function interiorWords(text: string): { index: number; word: string }[] {
  return [...text.matchAll(WORD)]
    .filter((m) => m.index > 0 && m.index + m[0].length < text.length)
    .map((m) => ({ index: m.index, word: m[0] }));
}

/** One edit for claim i, or null if the claim has no word to edit. */
function editFor(i: number, kind: Edit["kind"], claim: ReanchorClaim, body: string): Edit | null {
  const { start, end } = claim.position;
  const text = body.slice(start, end);
  if (kind === "deleted") {
    // Take one neighbouring space too, so the new body stays normalised.
    if (body[start - 1] === " ") return { claim: i, kind, start: start - 1, end, replacement: "", keep: null };
    if (body[end] === " ") return { claim: i, kind, start, end: end + 1, replacement: "", keep: null };
    return { claim: i, kind, start, end, replacement: "", keep: null };
  }
  const words = interiorWords(text);
  const target = words[Math.floor(words.length / 2)];
  if (target === undefined) return null;
  const at = start + target.index;
  let replacement: string;
  if (kind === "typo") {
    const w = target.word;
    const j = w.length >> 1;
    replacement = w[j] === w[j + 1] ? `${w.slice(0, j)}${w.slice(j + 1)}` : `${w.slice(0, j)}${w[j + 1]}${w[j]}${w.slice(j + 2)}`;
  } else {
    const pick = REWORDINGS[i % REWORDINGS.length]!;
    replacement = pick === target.word ? REWORDINGS[(i + 1) % REWORDINGS.length]! : pick;
  }
  const delta = replacement.length - target.word.length;
  return { claim: i, kind, start: at, end: at + target.word.length, replacement, keep: { start, end: end + delta } };
}

/** Edits `count` claims spread over the article, among those that overlap no other claim, cycling typo → reword → delete. */
export function editArticle(body: string, claims: readonly ReanchorClaim[], count = Math.round(claims.length / 10)): EditedArticle {
  const kinds: Edit["kind"][] = ["typo", "reword", "deleted"];
  const sorted = claims.map((c, i) => ({ ...c.position, i })).sort((a, b) => a.start - b.start);
  // Clear of its neighbours by more than a space, so that editing it leaves every other claim's words intact.
  const clear: number[] = [];
  let maxEnd = -Infinity;
  sorted.forEach((c, k) => {
    const next = sorted[k + 1];
    if (maxEnd + 1 < c.start && (next === undefined || next.start > c.end + 1)) clear.push(c.i);
    maxEnd = Math.max(maxEnd, c.end);
  });
  const edits: Edit[] = [];
  const step = clear.length / count;
  // Spread over the article; a claim with no word to edit passes its turn to the next clear one.
  for (let k = 0, next = 0; edits.length < count && next < clear.length; k++) {
    next = Math.max(next, Math.floor(k * step));
    let edit: Edit | null = null;
    while (edit === null && next < clear.length) {
      const i = clear[next++]!;
      edit = editFor(i, kinds[edits.length % kinds.length]!, claims[i]!, body);
    }
    if (edit !== null) edits.push(edit);
  }
  edits.sort((a, b) => a.start - b.start);

  let newBody = "";
  let at = 0;
  const shiftAt: { at: number; shift: number }[] = [];
  let shift = 0;
  for (const e of edits) {
    newBody += body.slice(at, e.start) + e.replacement;
    at = e.end;
    shift += e.replacement.length - (e.end - e.start);
    shiftAt.push({ at: e.end, shift });
  }
  newBody += body.slice(at);

  const shiftBefore = (offset: number) => {
    let s = 0;
    for (const x of shiftAt) if (x.at <= offset) s = x.shift;
    return s;
  };
  const byClaim = new Map(edits.map((e) => [e.claim, e]));
  const truths = claims.map((claim, i): Truth => {
    const edit = byClaim.get(i);
    const { start, end } = claim.position;
    if (edit === undefined) return { kind: "unchanged", range: { start: start + shiftBefore(start), end: end + shiftBefore(start) } };
    if (edit.keep === null) return { kind: edit.kind, range: null };
    const s = shiftBefore(start);
    return { kind: edit.kind, range: { start: edit.keep.start + s, end: edit.keep.end + s } };
  });
  return { newBody, truths };
}

// What the editor changed, as runs of text that stayed the same ("equal runs") between the
// old and the new folded body. Everything in the new text outside an equal run was inserted;
// everything in the old text outside one was deleted. This is what lets re-anchoring tell a
// claim's own words (still where they were) from a look-alike that was already elsewhere.
//
// Two levels keep it fast on long articles: paragraphs are diffed first (an article edit
// usually touches a few paragraphs), then each changed block is diffed word by word.

import { diffArrays } from "diff";

export type DiffMap = {
  /** Old offset → new offset of a claim's start: inside deleted text, where the replacement begins. */
  mapStart(oldOffset: number): number;
  /** Old offset → new offset of a claim's end: inside deleted text, where the replacement ends. */
  mapEnd(oldOffset: number): number;
  /** How much of new [from, to) came from old [ownFrom, ownTo), from elsewhere in the old text, or is new. */
  classify(from: number, to: number, ownFrom: number, ownTo: number): Origin;
  /** Ranges of the new text that the edit inserted, in order. */
  insertions(): readonly { start: number; end: number }[];
};

/** Counts in code units of a range of the new text. */
export type Origin = { own: number; foreign: number; inserted: number };

// Word-level diff of one changed block gives up beyond this many edits and treats the block
// as replaced wholesale: the cost of Myers' diff grows with (tokens × edits), so a long block
// gets a smaller allowance to keep that product under WORD_DIFF_BUDGET.
const MAX_WORD_EDITS = 2000;
const WORD_DIFF_BUDGET = 20_000_000;
// How far a pure insertion or deletion may slide along repeated text (see slideToBoundaries).
const MAX_SLIDE = 1000;
// Words (letters, marks and digits of any script), or any other single code point.
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^]/gu;

function paragraphsOf(text: string): string[] {
  // Each paragraph keeps its trailing "\n" so that lengths add up to the text's length.
  return text === "" ? [] : text.split(/(?<=\n)/);
}

function lengthOf(tokens: readonly string[]): number {
  let total = 0;
  for (const t of tokens) total += t.length;
  return total;
}

class Runs {
  oldStart: number[] = [];
  newStart: number[] = [];
  length: number[] = [];

  push(oldStart: number, newStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.length.length - 1;
    if (last >= 0 && this.oldStart[last]! + this.length[last]! === oldStart && this.newStart[last]! + this.length[last]! === newStart) {
      this.length[last]! += length;
      return;
    }
    this.oldStart.push(oldStart);
    this.newStart.push(newStart);
    this.length.push(length);
  }
}

function diffBlock(runs: Runs, oldText: string, newText: string, oldOffset: number, newOffset: number): void {
  if (oldText === "" || newText === "") return;
  const oldTokens = oldText.match(TOKEN) ?? [];
  const newTokens = newText.match(TOKEN) ?? [];
  const maxEditLength = Math.min(MAX_WORD_EDITS, Math.floor(WORD_DIFF_BUDGET / (oldTokens.length + newTokens.length)));
  const changes = diffArrays(oldTokens, newTokens, { maxEditLength });
  if (changes === undefined) return; // too different: all deleted, all inserted
  let oldPos = oldOffset;
  let newPos = newOffset;
  for (const change of changes) {
    const length = lengthOf(change.value);
    if (!change.added && !change.removed) runs.push(oldPos, newPos, length);
    if (!change.added) oldPos += length;
    if (!change.removed) newPos += length;
  }
}

/** How good a place `at` is to begin or end an edit: text edges, then paragraphs, sentences, words. */
function boundaryScore(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return 6;
  const before = text.charAt(at - 1);
  const after = text.charAt(at);
  if (before === "\n" || after === "\n") return 5;
  if (before === " " && /[.!?;:"')]/.test(text.charAt(at - 2))) return 4;
  if (before === " " || after === " ") return 2;
  return /[\p{L}\p{M}\p{N}]/u.test(before) && /[\p{L}\p{M}\p{N}]/u.test(after) ? 0 : 1;
}

/**
 * A diff is not unique when text repeats. Deleting the first of "Talks were constructive.
 * Talks were productive." can come out as deleting "constructive. Talks were", which would
 * make the surviving sentence look like the first one, lightly edited. Like diff-match-patch's
 * semantic cleanup, slide each pure insertion or deletion along the repeated text to where it
 * begins and ends on the best boundaries (paragraph, sentence, word), so it reads as a person
 * would describe the edit.
 */
function slideToBoundaries(runs: Runs, oldText: string, newText: string): void {
  const { oldStart, newStart, length } = runs;
  for (let i = 0; i + 1 < length.length; i++) {
    const deleted = oldStart[i + 1]! - (oldStart[i]! + length[i]!);
    const inserted = newStart[i + 1]! - (newStart[i]! + length[i]!);
    if (deleted > 0 === inserted > 0) continue; // a replacement: nothing repeats across it
    const text = deleted > 0 ? oldText : newText;
    const from = deleted > 0 ? oldStart[i]! + length[i]! : newStart[i]! + length[i]!;
    const to = deleted > 0 ? oldStart[i + 1]! : newStart[i + 1]!;
    let left = 0;
    while (left < length[i]! && left < MAX_SLIDE && text.charCodeAt(from - 1 - left) === text.charCodeAt(to - 1 - left)) left++;
    let right = 0;
    while (right < length[i + 1]! && right < MAX_SLIDE && text.charCodeAt(from + right) === text.charCodeAt(to + right)) right++;
    let shift = 0;
    let best = boundaryScore(text, from) + boundaryScore(text, to);
    for (let s = -left; s <= right; s++) {
      const score = boundaryScore(text, from + s) + boundaryScore(text, to + s);
      if (score > best) {
        best = score;
        shift = s;
      }
    }
    length[i]! += shift;
    oldStart[i + 1]! += shift;
    newStart[i + 1]! += shift;
    length[i + 1]! -= shift;
  }
  for (let i = length.length - 1; i >= 0; i--) {
    if (length[i] === 0) {
      oldStart.splice(i, 1);
      newStart.splice(i, 1);
      length.splice(i, 1);
    }
  }
}

/** Last index i with values[i] <= target, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Diffs two folded bodies (see fold.ts) into the runs of text they share, paragraph by paragraph and then word
 * by word inside changed paragraphs, with pure insertions and deletions slid to the nearest paragraph, sentence
 * or word boundary. Returns a DiffMap whose offsets are UTF-16 code units of the folded texts: old → new offset
 * mapping for a claim's start and end, the origin of any new range (own / foreign / inserted), and the inserted
 * ranges. A changed block too different to diff within WORD_DIFF_BUDGET counts as wholly deleted and inserted.
 * Pure; never throws.
 */
export function buildDiffMap(oldText: string, newText: string): DiffMap {
  const runs = new Runs();
  if (oldText === newText) {
    runs.push(0, 0, oldText.length);
  } else {
    let oldPos = 0;
    let newPos = 0;
    let removed: string[] = [];
    let added: string[] = [];
    const flush = () => {
      // As many paragraphs replaced as replacing them: most often each was edited where it
      // stands, so diff them pair by pair (cheap however many there are); otherwise as one block.
      const pairs: [string, string][] =
        removed.length === added.length ? removed.map((r, i) => [r, added[i]!]) : [[removed.join(""), added.join("")]];
      let o = oldPos - lengthOf(removed);
      let n = newPos - lengthOf(added);
      for (const [r, a] of pairs) {
        diffBlock(runs, r, a, o, n);
        o += r.length;
        n += a.length;
      }
      removed = [];
      added = [];
    };
    for (const change of diffArrays(paragraphsOf(oldText), paragraphsOf(newText))) {
      const text = change.value.join("");
      if (change.removed) {
        removed.push(...change.value);
        oldPos += text.length;
      } else if (change.added) {
        added.push(...change.value);
        newPos += text.length;
      } else {
        flush();
        runs.push(oldPos, newPos, text.length);
        oldPos += text.length;
        newPos += text.length;
      }
    }
    flush();
    slideToBoundaries(runs, oldText, newText);
  }
  return mapOf(runs, newText.length);
}

function mapOf(runs: Runs, newLength: number): DiffMap {
  const { oldStart, newStart, length } = runs;
  let insertions: { start: number; end: number }[] | null = null;
  return {
    mapStart(offset) {
      const i = lastAtOrBefore(oldStart, offset);
      if (i === -1) return 0;
      const delta = offset - oldStart[i]!;
      return newStart[i]! + Math.min(delta, length[i]!);
    },
    mapEnd(offset) {
      const i = lastAtOrBefore(oldStart, offset - 1);
      if (i !== -1 && offset - oldStart[i]! <= length[i]!) return newStart[i]! + offset - oldStart[i]!;
      return i + 1 < oldStart.length ? newStart[i + 1]! : newLength;
    },
    classify(from, to, ownFrom, ownTo) {
      let own = 0;
      let covered = 0;
      for (let i = Math.max(0, lastAtOrBefore(newStart, from)); i < newStart.length && newStart[i]! < to; i++) {
        const lo = Math.max(from, newStart[i]!);
        const hi = Math.min(to, newStart[i]! + length[i]!);
        if (hi <= lo) continue;
        covered += hi - lo;
        const oldLo = oldStart[i]! + lo - newStart[i]!;
        own += Math.max(0, Math.min(oldLo + hi - lo, ownTo) - Math.max(oldLo, ownFrom));
      }
      return { own, foreign: covered - own, inserted: to - from - covered };
    },
    insertions() {
      if (insertions === null) {
        insertions = [];
        let at = 0;
        for (let i = 0; i <= newStart.length; i++) {
          const next = i < newStart.length ? newStart[i]! : newLength;
          if (next > at) insertions.push({ start: at, end: next });
          if (i < newStart.length) at = newStart[i]! + length[i]!;
        }
      }
      return insertions;
    },
  };
}

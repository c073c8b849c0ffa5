// Rules that tie paragraph blocks together: which list item begins a list and what number it shows,
// which paragraphs continue the one before on a new line, and how table cells follow each other.
// One module, used by the importer (to write the canonical form), by parseBlocks (to check stored
// structure), by the renderer and by the Markdown writer, so all of them read structure the same way.
import type { BlockKind, ParagraphBlock } from "@/lib/articles/blocks";

/** Deepest list nesting kept (0 is the top level). */
export const MAX_LIST_LEVEL = 8;
/** Largest table position kept, per axis. */
export const MAX_TABLE_INDEX = 9999;
/** Kinds whose paragraphs a line break may continue. */
export const LINE_KINDS: ReadonlySet<BlockKind> = new Set(["p", "quote", "pre"]);

export type ListPosition = { begins: boolean; number: number };

const levelOf = (block: ParagraphBlock) => block.level ?? 0;

/**
 * The list item at the same level that `paragraphs[index]` would continue, ignoring its own `start`: the
 * nearest list item before it at its level, reached through deeper items only. Null when it begins a list.
 */
function continuedItem(paragraphs: ParagraphBlock[], index: number): number | null {
  const item = paragraphs[index]!;
  const level = levelOf(item);
  for (let j = index - 1; j >= 0; j--) {
    const before = paragraphs[j]!;
    if (before.kind !== "li" || levelOf(before) < level) return null;
    if (levelOf(before) === level) return before.ordered === item.ordered ? j : null;
  }
  return null;
}

/**
 * For each paragraph: null unless it is a list item; for a list item, whether it begins a new list (element)
 * and the number an ordered item shows (its `start`, else 1 when it begins, else one more than the item it
 * continues). Pure; expects structure that passed parseBlocks or came from the importer.
 */
export function listPositions(paragraphs: ParagraphBlock[]): (ListPosition | null)[] {
  const out: (ListPosition | null)[] = [];
  paragraphs.forEach((block, index) => {
    if (block.kind !== "li") return out.push(null);
    const continued = block.start === undefined ? continuedItem(paragraphs, index) : null;
    out.push(continued === null ? { begins: true, number: block.start ?? 1 } : { begins: false, number: out[continued]!.number + 1 });
  });
  return out;
}

/**
 * Brings the paragraph blocks the importer walked into their one canonical form (in place of a second,
 * looser form that parseBlocks would also have to accept): list levels never jump by more than one (a list
 * after other text starts at level 0), `start` only where it says something (not 1 on an item that begins a
 * list anyway), `line` only after a paragraph of the same kind that can hold lines, and only the fields each
 * kind uses. `sourceStart` says, for an ordered item that was the first of its list element in the source,
 * which number that list counted from. Pure.
 */
export function canonicalBlocks(paragraphs: (ParagraphBlock & { sourceStart?: number })[]): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  paragraphs.forEach((raw, index) => {
    const before = out[index - 1];
    if (raw.kind === "li") {
      const ceiling = before?.kind === "li" ? levelOf(before) + 1 : 0;
      const level = Math.min(levelOf(raw), ceiling, MAX_LIST_LEVEL);
      const item: ParagraphBlock = { kind: "li", ordered: raw.ordered ?? false, ...(level > 0 ? { level } : {}) };
      if (item.ordered && raw.sourceStart !== undefined) {
        const begins = continuedItem([...out, item], index) === null;
        if (!begins || raw.sourceStart !== 1) item.start = raw.sourceStart;
      }
      return out.push(item);
    }
    if (raw.kind === "cell") {
      return out.push({
        kind: "cell",
        row: raw.row ?? 0,
        col: raw.col ?? 0,
        ...(raw.head ? { head: true as const } : {}),
        ...(raw.newTable || before?.kind !== "cell" ? { newTable: true as const } : {}),
      });
    }
    const line = raw.line && LINE_KINDS.has(raw.kind) && before?.kind === raw.kind;
    out.push(line ? { kind: raw.kind, line: true } : { kind: raw.kind });
  });
  return out;
}

/**
 * Why stored paragraph blocks break the structure rules (see ParagraphBlock), or null when they keep them:
 * fields a kind does not use, a list level deeper than one below the item before, a `line` that continues
 * nothing of its kind, a cell that is neither the first of a table nor after the cell before it. Pure.
 */
export function structureError(paragraphs: ParagraphBlock[]): string | null {
  for (let i = 0; i < paragraphs.length; i++) {
    const block = paragraphs[i]!;
    const before = paragraphs[i - 1];
    const { kind, ordered, level, start, line, row, col, head, newTable } = block;
    if (kind !== "li" && (ordered !== undefined || level !== undefined || start !== undefined)) return `list fields on ${kind}`;
    if (kind !== "cell" && (row !== undefined || col !== undefined || head !== undefined || newTable !== undefined))
      return `cell fields on ${kind}`;
    if (line && !(LINE_KINDS.has(kind) && before?.kind === kind)) return `line continues nothing at ${i}`;
    if (kind === "li") {
      const ceiling = before?.kind === "li" ? levelOf(before) + 1 : 0;
      if (levelOf(block) > ceiling) return `list level jumps at ${i}`;
      if (start !== undefined && !ordered) return `start on an unordered item at ${i}`;
    }
    if (kind === "cell") {
      if (row === undefined || col === undefined) return `cell without position at ${i}`;
      if (!newTable) {
        if (before?.kind !== "cell") return `cell outside a table at ${i}`;
        const [r, c] = [before.row!, before.col!];
        if (row < r || (row === r && col <= c)) return `cell out of order at ${i}`;
      }
    }
  }
  return null;
}

// The desk's words for how a claim's verdict came to stand (lib/claims/record.ts), so the verdict card and Needs me
// say the same: an agreement names both reviewers, as the public report does; an import names who ran it, and only
// as that (nobody checked it here).
import type { ClaimRecord, VerdictVia } from "@/lib/claims/record";
import { formatNames } from "@/lib/text/names";

type Proposed = NonNullable<ClaimRecord["proposed"]>;

/** The words before "by <names>" for each way a verdict comes to stand. */
export const PROPOSED_WORDS: Record<VerdictVia, string> = {
  written: "Proposed",
  agreed: "Agreed in double review",
  settled: "Settled after a dispute",
  imported: "Imported",
};

/**
 * Whom the desk names for the verdict as it stands, as `{ id, name }`: both reviewers of an agreed double review (in
 * answer order), else whose action put it there (its author, the settling editor, the person who ran the import).
 */
export function proposedByPeople(proposed: Proposed): { id: string; name: string }[] {
  return proposed.via === "agreed" && proposed.checkedBy.length > 0 ? proposed.checkedBy : [proposed.by];
}

/** The record's proposal as one phrase: "Agreed in double review by Ana and Ben", "Imported by Cy", "Proposed by Di". */
export function proposedInWords(proposed: Proposed): string {
  return `${PROPOSED_WORDS[proposed.via]} by ${formatNames(proposedByPeople(proposed).map((person) => person.name))}`;
}

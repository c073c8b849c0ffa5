// Who did what to a claim's verdict, read from the audit trail and nowhere else: the panel, the
// API's claim detail and the public report all call deriveClaimRecord on the same rows, so they
// cannot name different people. The Claim row's verdictBy/verdictAt say who last wrote the
// verdict; they never say who signed it off.
import type { Prisma } from "@/lib/generated/prisma/client";

type Person = { id: string; name: string };

export type RecordAct = { by: Person; at: string };

/**
 * How the verdict that stands came to be: "written" by one person at this desk, "agreed" by both reviewers of an
 * independent double review, "settled" by an editor after the reviewers disagreed, or "imported" from a W3C file.
 */
export const VERDICT_VIAS = ["written", "agreed", "settled", "imported"] as const;
export type VerdictVia = (typeof VERDICT_VIAS)[number];

export type ClaimRecord = {
  /**
   * The verdict as it stands. `by` is whose action put it there (for an agreement the second reviewer, whose
   * verdict completed the pair; for an import the person who ran it); `checkedBy` is who checked it at this desk,
   * by user id: its author, both reviewers of an agreed double review (in the order they gave their verdicts), the
   * editor who settled a dispute, and nobody for an imported verdict (the importer did not check it).
   */
  proposed: (RecordAct & { verdict: string | null; via: VerdictVia; checkedBy: Person[] }) | null;
  /** The current sign-off: the editor who verified the claim and when. Null unless it is verified. */
  verified: RecordAct | null;
  /** The latest time an editor took a verified claim back (or its words changed under the verdict). */
  reopened: RecordAct | null;
  /** The latest settlement of a disputed double review: the editor's verdict and reason. */
  settled: (RecordAct & { verdict: string | null; reason: string }) | null;
};

/** The audit actions the record is read from (a narrower query than the whole history). */
export const RECORD_ACTIONS = [
  "claim.verdict",
  "claim.adjudicated",
  "claim.verified",
  "claim.reopened",
  "claim.anchor_confirmed",
  "claim.anchor_chosen",
  "claim.imported",
  "review.submitted",
] as const;

export type RecordEvent = { action: string; createdAt: Date; actor: Person; after: Prisma.JsonValue | unknown };

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * Folds a claim's audit rows (oldest first) into its record. Input: rows with action, actor,
 * createdAt and the `after` JSON; output: ClaimRecord with ISO dates. Pure; throws nothing.
 * A sign-off counts only until the claim is reopened, its verdict rewritten, or it is moved
 * onto different words (which sends it back to "Verdict proposed").
 */
export function deriveClaimRecord(events: readonly RecordEvent[]): ClaimRecord {
  const record: ClaimRecord = { proposed: null, verified: null, reopened: null, settled: null };
  // Everyone who gave an independent verdict, by user id (a reviewer may replace theirs before the other's is in).
  const reviewers = new Map<string, Person>();
  for (const event of events) {
    const act = { by: event.actor, at: event.createdAt.toISOString() };
    const after = event.after;
    switch (event.action) {
      case "claim.verdict":
        record.proposed = { ...act, verdict: text(field(field(after, "verdict"), "verdict")), via: "written", checkedBy: [event.actor] };
        record.verified = null;
        break;
      case "claim.adjudicated": {
        const verdict = field(after, "verdict");
        record.proposed = { ...act, verdict: text(field(verdict, "verdict")), via: "settled", checkedBy: [event.actor] };
        record.settled = { ...act, verdict: text(field(verdict, "verdict")), reason: text(field(verdict, "explanation")) ?? "" };
        record.verified = null;
        break;
      }
      case "review.submitted":
        if (!reviewers.has(event.actor.id)) reviewers.set(event.actor.id, event.actor);
        if (field(after, "outcome") === "agreed") {
          record.proposed = { ...act, verdict: text(field(after, "label")), via: "agreed", checkedBy: [...reviewers.values()] };
        }
        break;
      case "claim.imported": {
        const verdict = field(after, "verdict");
        if (verdict) record.proposed = { ...act, verdict: text(field(verdict, "verdict")), via: "imported", checkedBy: [] };
        break;
      }
      case "claim.verified":
        record.verified = act;
        break;
      case "claim.reopened":
        record.reopened = act;
        record.verified = null;
        break;
      case "claim.anchor_confirmed":
      case "claim.anchor_chosen":
        if (field(after, "status") === "verdict_proposed") {
          record.reopened = act;
          record.verified = null;
        }
        break;
    }
  }
  return record;
}

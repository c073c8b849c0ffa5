// Who did what to a claim's verdict, read from the audit trail and nowhere else: the panel, the
// API's claim detail and the public report all call deriveClaimRecord on the same rows, so they
// cannot name different people. The Claim row's verdictBy/verdictAt say who last wrote the
// verdict; they never say who signed it off.
import type { Prisma } from "@/lib/generated/prisma/client";

type Person = { id: string; name: string };

export type RecordAct = { by: Person; at: string };

export type ClaimRecord = {
  /** The verdict as it stands was written (or agreed in double review, or imported) by `by`. */
  proposed: (RecordAct & { verdict: string | null }) | null;
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
  for (const event of events) {
    const act = { by: event.actor, at: event.createdAt.toISOString() };
    const after = event.after;
    switch (event.action) {
      case "claim.verdict":
        record.proposed = { ...act, verdict: text(field(field(after, "verdict"), "verdict")) };
        record.verified = null;
        break;
      case "claim.adjudicated": {
        const verdict = field(after, "verdict");
        record.proposed = { ...act, verdict: text(field(verdict, "verdict")) };
        record.settled = { ...act, verdict: text(field(verdict, "verdict")), reason: text(field(verdict, "explanation")) ?? "" };
        record.verified = null;
        break;
      }
      case "review.submitted":
        if (field(after, "outcome") === "agreed") record.proposed = { ...act, verdict: text(field(after, "label")) };
        break;
      case "claim.imported": {
        const verdict = field(after, "verdict");
        if (verdict) record.proposed = { ...act, verdict: text(field(verdict, "verdict")) };
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

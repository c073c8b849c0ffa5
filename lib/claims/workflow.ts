// The claim life cycle as pure rules: which status may follow which, who may do it, and when a
// verdict may be set or submitted. No Prisma, no React: the server (update-claim.ts,
// review-verdicts.ts) refuses with these, and the claim panel disables the same controls
// with the same reasons. Rules run in order; the first that applies is the answer.
import { VIEWER_MESSAGE, type Rights } from "@/lib/access/roles";
import { statusLabel, type StatusKey } from "@/lib/claims/verdicts";

/** How many independent verdicts double review needs. */
export const REVIEWS_NEEDED = 2;

/** Why a change is refused: the rule, the error the server answers with, and a short form for a control's title. */
export type Refusal = {
  rule: RefusalRule;
  /** The AppError code (403, 409 or 422). */
  code: "forbidden" | "conflict" | "unprocessable";
  /** The sentence the server sends. */
  message: string;
  /** The few words a disabled control shows. */
  hint: string;
};

export type RefusalRule =
  | "read_only"
  | "same_status"
  | "disputed_by_itself"
  | "disputed_needs_editor"
  | "verdict_first"
  | "sign_off_editor_only"
  | "sign_off_waits_for_reviews"
  | "sign_off_waits_for_settlement"
  | "four_eyes"
  | "verified_locked"
  | "evidence_locked"
  | "claimant_locked"
  | "not_double_review"
  | "double_review_own_verdict"
  | "double_review_waiting"
  | "reviews_complete";

const readOnly: Refusal = { rule: "read_only", code: "forbidden", message: VIEWER_MESSAGE, hint: "Viewers cannot change claims" };

/** The person asking, as the rules see them: their id and what their team role allows. */
export type Actor = Rights & { userId: string };

export type StatusChange = {
  actor: Actor;
  from: StatusKey;
  to: StatusKey;
  /** The claim has a verdict (ordinal) now. */
  hasVerdict: boolean;
  /** Who wrote the current verdict, if anyone. */
  verdictById: string | null;
  /** Who submitted an independent review verdict on the claim (double review); none when not known. */
  reviewerIds?: readonly string[];
  /**
   * The claim's double review as a sign-off reads it (SignOffReviews; the claim panel's DoubleReviewDTO is one).
   * Null only for a change that is not a sign-off (the server reads the reviews for sign-offs alone); judging a
   * sign-off without it throws.
   */
  doubleReview: SignOffReviews | null;
};

/** An independent review verdict's rating, as agreement reads it. */
export type ReviewRating = { ordinal: number; label: string };

/**
 * Whether independent review verdicts give the same rating: the same ordinal and the same label (two ratings of a
 * team's scale may share an ordinal, "Misleading" and "Half true" both 3). Pure; true for none.
 */
export function reviewsAgree(reviews: readonly ReviewRating[]): boolean {
  return reviews.every((r) => r.ordinal === reviews[0]!.ordinal && r.label === reviews[0]!.label);
}

/** What a sign-off reads of a claim's double review. */
export type SignOffReviews = {
  /** The claim requires double review. */
  required: boolean;
  /** Independent review verdicts in (one per reviewer: the table keeps one row per claim and reviewer). */
  submitted: number;
  /** Once REVIEWS_NEEDED are in, whether they agree (reviewsAgree); null before. */
  agreed: boolean | null;
  /**
   * The claim's verdict was written once every review verdict was in (at or after the last one): the agreed verdict
   * itself, or an editor's settlement of differing ones. False for a verdict from before the reviews (written before
   * double review was switched on, or imported).
   */
  verdictAfterReviews: boolean;
};

/**
 * SignOffReviews from the claim's review verdicts (all of them, each with when it was last given) and when its
 * verdict was written (null: no verdict). Dates as Date or ISO 8601 strings. Pure.
 */
export function signOffReviewsOf(
  required: boolean,
  reviews: readonly (ReviewRating & { at: Date | string })[],
  verdictAt: Date | string | null,
): SignOffReviews {
  const complete = reviews.length >= REVIEWS_NEEDED;
  const lastReview = Math.max(...reviews.map((r) => new Date(r.at).getTime()));
  return {
    required,
    submitted: reviews.length,
    agreed: complete ? reviewsAgree(reviews) : null,
    verdictAfterReviews: complete && verdictAt !== null && new Date(verdictAt).getTime() >= lastReview,
  };
}

/**
 * Why a sign-off of this claim waits for its double review, or null when it need not: without double review; once
 * REVIEWS_NEEDED independent verdicts are in and agree; or once an editor has set the verdict after differing ones
 * came in (the settlement of the dispute). 409, as the claim may be signed off once the reviews are in.
 */
export function signOffWaitRefusal(reviews: SignOffReviews): Refusal | null {
  if (!reviews.required) return null;
  const { submitted } = reviews;
  if (submitted < REVIEWS_NEEDED) {
    return {
      rule: "sign_off_waits_for_reviews",
      code: "conflict",
      message: `Sign-off waits for ${REVIEWS_NEEDED} independent reviews; ${submitted === 0 ? "none is in yet" : `${submitted} ${submitted === 1 ? "is" : "are"} in`}.`,
      hint: `Sign-off waits for ${REVIEWS_NEEDED} independent reviews (${submitted} in)`,
    };
  }
  if (!reviews.agreed && !reviews.verdictAfterReviews) {
    return {
      rule: "sign_off_waits_for_settlement",
      code: "conflict",
      message: "The two independent reviews differ: an editor settles them by setting the verdict, then another editor signs it off.",
      hint: "The reviews differ: an editor sets the verdict first",
    };
  }
  return null;
}

/**
 * Whether `actor` may move a claim from status `from` to `to`. Output: null when allowed, else
 * the Refusal. Rules, in order: viewers change nothing; not to the current status; Disputed is
 * reached only by two differing review verdicts; a disputed claim only leaves for Not
 * check-worthy (an editor settles it by setting the verdict); Verdict proposed and Verified need
 * a verdict; only editors and admins sign off or reopen a verified claim; under double review a sign-off waits for
 * the independent reviews (signOffWaitRefusal: both in and agreeing, or settled by an editor; lib/claims/sign-off.ts
 * reads them, and has the same rule in SQL for lists that offer sign-offs); neither the verdict's author nor anyone
 * who gave one of its independent review verdicts can sign it off (four-eyes rule; the rows it reads, and the same
 * rule in SQL, are in lib/claims/four-eyes.ts).
 */
export function statusChangeRefusal({
  actor,
  from,
  to,
  hasVerdict,
  verdictById,
  reviewerIds = [],
  doubleReview,
}: StatusChange): Refusal | null {
  if (!actor.canWrite) return readOnly;
  if (from === to)
    return { rule: "same_status", code: "unprocessable", message: `The claim is already “${statusLabel(to)}”.`, hint: "Current status" };
  if (to === "disputed") {
    return {
      rule: "disputed_by_itself",
      code: "unprocessable",
      message: "A claim becomes Disputed by itself when two independent verdicts differ.",
      hint: "Only differing review verdicts make a claim disputed",
    };
  }
  if (from === "disputed" && to !== "not_check_worthy") {
    return {
      rule: "disputed_needs_editor",
      code: "unprocessable",
      message: "This claim is disputed: an editor settles it by setting the verdict.",
      hint: "An editor settles the verdict first",
    };
  }
  if ((to === "verdict_proposed" || to === "verified") && !hasVerdict) {
    return {
      rule: "verdict_first",
      code: "unprocessable",
      message: "Set a verdict with an explanation first.",
      hint: "Set a verdict first",
    };
  }
  if ((to === "verified" || from === "verified") && !actor.canSignOff) {
    return {
      rule: "sign_off_editor_only",
      code: "forbidden",
      message: "Only an editor can sign off or reopen a verified claim.",
      hint: "Only an editor can sign off or reopen",
    };
  }
  if (to === "verified") {
    if (!doubleReview) throw new Error("A sign-off is judged with the claim's double review (SignOffReviews).");
    const waiting = signOffWaitRefusal(doubleReview);
    if (waiting) return waiting;
  }
  if (to === "verified" && verdictById === actor.userId) {
    return {
      rule: "four_eyes",
      code: "forbidden",
      message: "Someone other than the verdict's author must sign it off (four-eyes rule).",
      hint: "Another editor must sign off your verdict",
    };
  }
  // Under double review the agreed verdict is recorded under the second reviewer's name; the
  // first reviewer wrote it just as much.
  if (to === "verified" && reviewerIds.includes(actor.userId)) {
    return {
      rule: "four_eyes",
      code: "forbidden",
      message: "You gave one of this claim's independent verdicts, so another editor must sign it off (four-eyes rule).",
      hint: "Another editor must sign off a verdict you reviewed",
    };
  }
  return null;
}

/** The audit action a status change is recorded as. */
export function statusChangeAction(from: StatusKey, to: StatusKey): "claim.reopened" | "claim.verified" | "claim.status" {
  return from === "verified" ? "claim.reopened" : to === "verified" ? "claim.verified" : "claim.status";
}

/** A verified verdict is locked: it changes only after an editor reopens the claim (409). Null when not locked. */
export function verdictLock(status: StatusKey): Refusal | null {
  if (status !== "verified") return null;
  return {
    rule: "verified_locked",
    code: "conflict",
    message: "This claim is verified. An editor must reopen it before the verdict can change.",
    hint: "Verified verdicts change only after an editor reopens the claim.",
  };
}

/**
 * The evidence of a verified claim is locked too (409): the public report lists the sources the editor signed off,
 * so editing, removing or restoring one changes only after an editor reopens the claim (adding one is allowed: it
 * waits for the next sign-off). Null when not locked.
 */
export function evidenceLock(status: StatusKey): Refusal | null {
  if (status !== "verified") return null;
  return {
    rule: "evidence_locked",
    code: "conflict",
    message: "This claim is verified: its sources are the ones the editor signed off. An editor must reopen it before they can change.",
    hint: "Sources of a verified claim change only after an editor reopens it.",
  };
}

/**
 * Who made a verified claim is part of the signed-off record too (the report and its ClaimReview name them): on a
 * verified claim only an editor or admin may change the claimant and first appearance (on a published report, with a
 * correction note: lib/publish/corrections.ts); anyone else asks an editor, or an editor reopens the claim first (403).
 * Input: the actor's rights and the claim's status. Output: null when the actor may change it, else the Refusal.
 * The server (setClaimClaimant) refuses with it; the claim panel shows the claimant read-only with its hint.
 */
export function claimantLock({ actor, status }: { actor: Rights; status: StatusKey }): Refusal | null {
  if (status !== "verified" || actor.canSignOff) return null;
  return {
    rule: "claimant_locked",
    code: "forbidden",
    message:
      "This claim is verified: who made it is part of the signed-off record. Only an editor can change it, or an editor reopens the claim first.",
    hint: "Only an editor can change who made a verified claim.",
  };
}

export type VerdictChange = {
  actor: Rights;
  status: StatusKey;
  requiresDoubleReview: boolean;
  /** Independent verdicts submitted so far under double review (ReviewVerdict rows). */
  reviewsSubmitted: number;
};

/**
 * Whether `actor` may set the claim's verdict directly (which proposes it). Output: null when
 * allowed, else the Refusal. Rules, in order: viewers change nothing; a verified verdict is
 * locked until an editor reopens the claim (409); only editors and admins settle a disputed
 * claim; under double review reviewers submit their own verdict instead, and an editor sets one
 * only once both independent verdicts are in (or they disagreed: disputed), so nobody pre-empts
 * the reviewers (409).
 */
export function verdictChangeRefusal(change: VerdictChange): Refusal | null {
  if (!change.actor.canWrite) return readOnly;
  return verdictLock(change.status) ?? verdictAuthorityRefusal(change);
}

/** Who settles the verdict: editors a disputed claim, and under double review reviewers submit their own. */
function verdictAuthorityRefusal({ actor, status, requiresDoubleReview, reviewsSubmitted }: VerdictChange): Refusal | null {
  if (status === "disputed" && !actor.canSignOff) {
    return {
      rule: "disputed_needs_editor",
      code: "forbidden",
      message: "This claim is disputed: an editor settles the verdict.",
      hint: "An editor settles the verdict",
    };
  }
  if (requiresDoubleReview && status !== "disputed" && !actor.canSignOff) {
    return {
      rule: "double_review_own_verdict",
      code: "unprocessable",
      message: "This claim needs two independent verdicts: submit yours with “Submit my verdict”.",
      hint: "Submit your own verdict for double review",
    };
  }
  if (requiresDoubleReview && status !== "disputed" && reviewsSubmitted < REVIEWS_NEEDED) {
    return {
      rule: "double_review_waiting",
      code: "conflict",
      message: `This claim needs two independent verdicts before an editor sets one; ${reviewsSubmitted} of ${REVIEWS_NEEDED} are in.`,
      hint: "Waiting for both independent verdicts",
    };
  }
  return null;
}

export type ReviewState = { required: boolean; submitted: number };

/**
 * Whether the claim panel offers the verdict form (when the claim is verified, the panel shows
 * the lock's note in its place): exactly the rules of verdictChangeRefusal apart from the lock.
 */
export function offersVerdictForm({
  actor,
  status,
  doubleReview,
}: {
  actor: Rights;
  status: StatusKey;
  doubleReview: ReviewState;
}): boolean {
  return (
    actor.canWrite &&
    !verdictAuthorityRefusal({ actor, status, requiresDoubleReview: doubleReview.required, reviewsSubmitted: doubleReview.submitted })
  );
}

export type ReviewSubmission = { actor: Rights; status: StatusKey; doubleReview: ReviewState };

/**
 * Whether `actor` may submit (or change) their independent verdict under double review.
 * Output: null when allowed, else the Refusal. Rules, in order: viewers change nothing; only
 * claims that require double review take them; none once both are in or the claim is verified.
 */
export function reviewSubmissionRefusal({ actor, status, doubleReview }: ReviewSubmission): Refusal | null {
  if (!actor.canWrite) return readOnly;
  if (!doubleReview.required) {
    return {
      rule: "not_double_review",
      code: "unprocessable",
      message: "This claim does not use double review: set its verdict directly.",
      hint: "Set the verdict directly",
    };
  }
  if (doubleReview.submitted >= REVIEWS_NEEDED || status === "verified") {
    return {
      rule: "reviews_complete",
      code: "conflict",
      message: "Both independent verdicts are already in; an editor takes it from here.",
      hint: "Both verdicts are in",
    };
  }
  return null;
}

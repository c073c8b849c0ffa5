import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rightsOf } from "@/lib/access/roles";
import { STATUS_KEYS, type StatusKey } from "@/lib/claims/verdicts";
import {
  claimantLock,
  offersVerdictForm,
  REVIEWS_NEEDED,
  reviewSubmissionRefusal,
  signOffReviewsOf,
  statusChangeAction,
  statusChangeRefusal,
  verdictChangeRefusal,
  verdictLock,
  type RefusalRule,
  type SignOffReviews,
} from "@/lib/claims/workflow";

const ME = "me";
const OTHER = "someone-else";
const reviewer = { userId: ME, ...rightsOf("reviewer") };
const editor = { userId: ME, ...rightsOf("editor") };
const admin = { userId: ME, ...rightsOf("admin") };
const viewer = { userId: ME, ...rightsOf("viewer") };

// One letter per rule, so the whole table fits on a screen.
const RULE: Record<string, RefusalRule | null> = {
  "-": null,
  C: "same_status",
  D: "disputed_by_itself",
  S: "disputed_needs_editor",
  V: "verdict_first",
  E: "sign_off_editor_only",
  "4": "four_eyes",
  L: "verified_locked",
  R: "double_review_own_verdict",
  W: "double_review_waiting",
};

/** A claim without double review, as a sign-off reads it. */
const SINGLE: SignOffReviews = { required: false, submitted: 0, agreed: null, verdictAfterReviews: false };

// Verdict situations, in the order of each cell's letters: none yet, written by someone else, written by me.
const VERDICTS = [
  { hasVerdict: false, verdictById: null, doubleReview: SINGLE },
  { hasVerdict: true, verdictById: OTHER, doubleReview: SINGLE },
  { hasVerdict: true, verdictById: ME, doubleReview: SINGLE },
] as const;

// from → to: [reviewer, editor]; admins answer as editors, viewers are refused everything.
const STATUS_TABLE: [StatusKey, StatusKey, string, string][] = [
  ["unreviewed", "unreviewed", "CCC", "CCC"],
  ["unreviewed", "in_review", "---", "---"],
  ["unreviewed", "verdict_proposed", "V--", "V--"],
  ["unreviewed", "disputed", "DDD", "DDD"],
  ["unreviewed", "verified", "VEE", "V-4"],
  ["unreviewed", "not_check_worthy", "---", "---"],
  ["in_review", "unreviewed", "---", "---"],
  ["in_review", "in_review", "CCC", "CCC"],
  ["in_review", "verdict_proposed", "V--", "V--"],
  ["in_review", "disputed", "DDD", "DDD"],
  ["in_review", "verified", "VEE", "V-4"],
  ["in_review", "not_check_worthy", "---", "---"],
  ["verdict_proposed", "unreviewed", "---", "---"],
  ["verdict_proposed", "in_review", "---", "---"],
  ["verdict_proposed", "verdict_proposed", "CCC", "CCC"],
  ["verdict_proposed", "disputed", "DDD", "DDD"],
  ["verdict_proposed", "verified", "VEE", "V-4"],
  ["verdict_proposed", "not_check_worthy", "---", "---"],
  ["disputed", "unreviewed", "SSS", "SSS"],
  ["disputed", "in_review", "SSS", "SSS"],
  ["disputed", "verdict_proposed", "SSS", "SSS"],
  ["disputed", "disputed", "CCC", "CCC"],
  ["disputed", "verified", "SSS", "SSS"],
  ["disputed", "not_check_worthy", "---", "---"],
  ["verified", "unreviewed", "EEE", "---"],
  ["verified", "in_review", "EEE", "---"],
  ["verified", "verdict_proposed", "VEE", "V--"],
  ["verified", "disputed", "DDD", "DDD"],
  ["verified", "verified", "CCC", "CCC"],
  ["verified", "not_check_worthy", "EEE", "---"],
  ["not_check_worthy", "unreviewed", "---", "---"],
  ["not_check_worthy", "in_review", "---", "---"],
  ["not_check_worthy", "verdict_proposed", "V--", "V--"],
  ["not_check_worthy", "disputed", "DDD", "DDD"],
  ["not_check_worthy", "verified", "VEE", "V-4"],
  ["not_check_worthy", "not_check_worthy", "CCC", "CCC"],
];

describe("statusChangeRefusal", () => {
  it("covers every pair of statuses once", () => {
    const pairs = STATUS_TABLE.map(([from, to]) => `${from}>${to}`);
    expect(new Set(pairs).size).toBe(STATUS_KEYS.length ** 2);
  });

  for (const [from, to, forReviewer, forEditor] of STATUS_TABLE) {
    it(`${from} → ${to}`, () => {
      VERDICTS.forEach((verdict, i) => {
        const rule = (actor: typeof editor) => statusChangeRefusal({ actor, from, to, ...verdict })?.rule ?? null;
        expect(rule(reviewer), `reviewer, verdict ${i}`).toBe(RULE[forReviewer[i]!]);
        expect(rule(editor), `editor, verdict ${i}`).toBe(RULE[forEditor[i]!]);
        expect(rule(admin), `admin, verdict ${i}`).toBe(RULE[forEditor[i]!]);
        expect(rule(viewer), `viewer, verdict ${i}`).toBe("read_only");
      });
    });
  }

  it("answers with the server's codes and messages, and the stepper's hints", () => {
    const refusal = (from: StatusKey, to: StatusKey, actor = editor, verdictById: string | null = ME) =>
      statusChangeRefusal({ actor, from, to, hasVerdict: verdictById !== null, verdictById, doubleReview: SINGLE });
    expect(refusal("verdict_proposed", "verified")).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/four-eyes/),
      hint: "Another editor must sign off your verdict",
    });
    expect(refusal("unreviewed", "unreviewed")).toMatchObject({
      code: "unprocessable",
      message: "The claim is already “Unreviewed”.",
      hint: "Current status",
    });
    expect(refusal("unreviewed", "verified", editor, null)).toMatchObject({
      code: "unprocessable",
      message: "Set a verdict with an explanation first.",
      hint: "Set a verdict first",
    });
    expect(refusal("verified", "in_review", reviewer)).toMatchObject({
      code: "forbidden",
      message: "Only an editor can sign off or reopen a verified claim.",
      hint: "Only an editor can sign off or reopen",
    });
    expect(refusal("disputed", "in_review")).toMatchObject({
      code: "unprocessable",
      message: "This claim is disputed: an editor settles it by setting the verdict.",
      hint: "An editor settles the verdict first",
    });
    expect(refusal("in_review", "disputed")).toMatchObject({
      code: "unprocessable",
      message: "A claim becomes Disputed by itself when two independent verdicts differ.",
    });
    expect(refusal("in_review", "verified", viewer)).toMatchObject({
      code: "forbidden",
      message: "Viewers can read claims but not change them.",
      hint: "Viewers cannot change claims",
    });
  });

  it("keeps both independent reviewers from signing off the verdict they agreed on, whoever it is recorded under", () => {
    const signOff = (reviewerIds: string[]) =>
      statusChangeRefusal({
        actor: editor,
        from: "verdict_proposed",
        to: "verified",
        hasVerdict: true,
        verdictById: OTHER,
        reviewerIds,
        doubleReview: { required: true, submitted: 2, agreed: true, verdictAfterReviews: true },
      });
    expect(signOff([OTHER, ME])).toMatchObject({
      rule: "four_eyes",
      code: "forbidden",
      message: expect.stringMatching(/independent verdicts/),
    });
    expect(signOff([OTHER, "third"])).toBeNull();
    expect(signOff([])).toBeNull();
  });

  it("under double review, waits for both independent reviews, then for an editor's settlement when they differ", () => {
    const signOff = (doubleReview: SignOffReviews, actor = editor) =>
      statusChangeRefusal({ actor, from: "verdict_proposed", to: "verified", hasVerdict: true, verdictById: OTHER, doubleReview });
    const waiting = (submitted: number) => ({ required: true, submitted, agreed: null, verdictAfterReviews: false });
    expect(signOff(waiting(0))).toEqual({
      rule: "sign_off_waits_for_reviews",
      code: "conflict",
      message: "Sign-off waits for 2 independent reviews; none is in yet.",
      hint: "Sign-off waits for 2 independent reviews (0 in)",
    });
    expect(signOff(waiting(1))).toMatchObject({ message: "Sign-off waits for 2 independent reviews; 1 is in." });
    const differing = { required: true, submitted: 2, agreed: false, verdictAfterReviews: false };
    expect(signOff(differing)).toMatchObject({ rule: "sign_off_waits_for_settlement", code: "conflict" });
    expect(signOff({ ...differing, verdictAfterReviews: true })).toBeNull();
    expect(signOff({ ...differing, agreed: true, verdictAfterReviews: true })).toBeNull();
    // Only a sign-off waits; a reviewer hears first that only editors sign off.
    expect(signOff(waiting(1), reviewer)?.rule).toBe("sign_off_editor_only");
    expect(
      statusChangeRefusal({
        actor: editor,
        from: "verdict_proposed",
        to: "in_review",
        hasVerdict: true,
        verdictById: OTHER,
        doubleReview: null,
      }),
    ).toBeNull();
    expect(() =>
      statusChangeRefusal({
        actor: editor,
        from: "verdict_proposed",
        to: "verified",
        hasVerdict: true,
        verdictById: OTHER,
        doubleReview: null,
      }),
    ).toThrow(/double review/);
  });

  it("reads the reviews: agreement by rating and label, and whether the verdict came once they were in", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 6, minute));
    const mostlyTrue = { ordinal: 4, label: "Mostly true" };
    expect(signOffReviewsOf(true, [{ ...mostlyTrue, at: at(1) }], at(0))).toEqual({
      required: true,
      submitted: 1,
      agreed: null,
      verdictAfterReviews: false,
    });
    const pair = (second: { ordinal: number; label: string }) => [
      { ...mostlyTrue, at: at(1) },
      { ...second, at: at(2).toISOString() },
    ];
    expect(signOffReviewsOf(true, pair(mostlyTrue), at(2))).toMatchObject({ agreed: true, verdictAfterReviews: true });
    // Two ratings of a team's scale may share an ordinal: they still differ.
    expect(signOffReviewsOf(true, pair({ ordinal: 4, label: "Largely accurate" }), at(0))).toMatchObject({
      agreed: false,
      verdictAfterReviews: false,
    });
    expect(signOffReviewsOf(true, pair({ ordinal: 1, label: "False" }), at(3))).toMatchObject({ agreed: false, verdictAfterReviews: true });
    expect(signOffReviewsOf(true, pair({ ordinal: 1, label: "False" }), null)).toMatchObject({ verdictAfterReviews: false });
  });

  it("names the audit action: reopening, signing off, or another change", () => {
    expect(statusChangeAction("verified", "in_review")).toBe("claim.reopened");
    expect(statusChangeAction("verdict_proposed", "verified")).toBe("claim.verified");
    expect(statusChangeAction("unreviewed", "in_review")).toBe("claim.status");
  });
});

// The stepper's own rules before it used workflow.ts, kept here to show what changed on screen.
function previousStepperReason(
  key: StatusKey,
  claim: { status: StatusKey; hasVerdict: boolean; verdictById: string | null },
  canEdit: boolean,
  canSignOff: boolean,
): string | null {
  if (!canEdit) return "Viewers cannot change claims";
  if (key === claim.status) return "Current status";
  if ((key === "verdict_proposed" || key === "verified") && !claim.hasVerdict) return "Set a verdict first";
  if ((key === "verified" || claim.status === "verified") && !canSignOff) return "Only an editor can sign off or reopen";
  if (key === "verified" && claim.verdictById === ME) return "Another editor must sign off your verdict";
  if (claim.status === "disputed" && key !== "not_check_worthy") return "An editor settles the verdict first";
  return null;
}

describe("the status stepper, compared with its previous rules", () => {
  it("disables the same buttons; only a disputed claim's Proposed and Verified now give the server's reason", () => {
    for (const actor of [viewer, reviewer, editor]) {
      for (const from of STATUS_KEYS) {
        // The stepper shows Disputed only while the claim is disputed.
        for (const to of STATUS_KEYS.filter((k) => k !== "disputed" || from === "disputed")) {
          for (const verdict of VERDICTS) {
            const now = statusChangeRefusal({ actor, from, to, ...verdict })?.hint ?? null;
            const before = previousStepperReason(to, { status: from, ...verdict }, actor.canWrite, actor.canSignOff);
            expect(now === null, `${from} → ${to}`).toBe(before === null);
            const reordered = actor.canWrite && from === "disputed" && (to === "verdict_proposed" || to === "verified");
            expect(now, `${from} → ${to}`).toBe(reordered ? "An editor settles the verdict first" : before);
          }
        }
      }
    }
  });
});

// status: [reviewer single review, reviewer double review, editor single, editor double (fewer than
// two independent verdicts in), editor double (both in)].
const VERDICT_TABLE: [StatusKey, string][] = [
  ["unreviewed", "-R-W-"],
  ["in_review", "-R-W-"],
  ["verdict_proposed", "-R-W-"],
  ["disputed", "SS---"],
  ["verified", "LLLLL"],
  ["not_check_worthy", "-R-W-"],
];

describe("verdictChangeRefusal", () => {
  for (const [status, cells] of VERDICT_TABLE) {
    it(status, () => {
      const cases = [
        [reviewer, false, 0],
        [reviewer, true, 0],
        [editor, false, 0],
        [editor, true, 1],
        [editor, true, REVIEWS_NEEDED],
      ] as const;
      cases.forEach(([actor, requiresDoubleReview, reviewsSubmitted], i) => {
        const change = { status, requiresDoubleReview, reviewsSubmitted };
        expect(verdictChangeRefusal({ actor, ...change })?.rule ?? null, `case ${i}`).toBe(RULE[cells[i]!]);
        if (actor === editor) expect(verdictChangeRefusal({ actor: admin, ...change })?.rule ?? null).toBe(RULE[cells[i]!]);
        expect(verdictChangeRefusal({ actor: viewer, ...change })?.rule).toBe("read_only");
      });
    });
  }

  it("locks only a verified verdict, and says so on the form", () => {
    for (const status of STATUS_KEYS)
      expect(verdictLock(status)?.rule ?? null, status).toBe(status === "verified" ? "verified_locked" : null);
    expect(verdictLock("verified")?.hint).toBe("Verified verdicts change only after an editor reopens the claim.");
  });

  it("answers with the server's codes and messages", () => {
    expect(verdictChangeRefusal({ actor: editor, status: "verified", requiresDoubleReview: false, reviewsSubmitted: 0 })).toMatchObject({
      code: "conflict",
      message: "This claim is verified. An editor must reopen it before the verdict can change.",
    });
    expect(verdictChangeRefusal({ actor: reviewer, status: "disputed", requiresDoubleReview: true, reviewsSubmitted: 0 })).toMatchObject({
      code: "forbidden",
      message: "This claim is disputed: an editor settles the verdict.",
    });
    expect(verdictChangeRefusal({ actor: reviewer, status: "in_review", requiresDoubleReview: true, reviewsSubmitted: 0 })).toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/two independent verdicts/),
    });
    expect(verdictChangeRefusal({ actor: editor, status: "in_review", requiresDoubleReview: true, reviewsSubmitted: 1 })).toMatchObject({
      code: "conflict",
      message: "This claim needs two independent verdicts before an editor sets one; 1 of 2 are in.",
    });
  });
});

// The panel's own rule before it used workflow.ts.
const previousFormOpen = (canEdit: boolean, canSignOff: boolean, status: StatusKey, required: boolean, submitted: number) =>
  canEdit && (!required || (canSignOff && (status === "disputed" || submitted >= REVIEWS_NEEDED)));

describe("offersVerdictForm", () => {
  it("opens as before, except for a reviewer on a disputed claim no longer under double review (the server refuses them)", () => {
    for (const actor of [viewer, reviewer, editor, admin]) {
      for (const status of STATUS_KEYS) {
        for (const required of [false, true]) {
          for (let submitted = 0; submitted <= REVIEWS_NEEDED; submitted++) {
            const now = offersVerdictForm({ actor, status, doubleReview: { required, submitted } });
            const edge = actor === reviewer && status === "disputed" && !required;
            expect(now, `${status} required=${required} submitted=${submitted}`).toBe(
              edge ? false : previousFormOpen(actor.canWrite, actor.canSignOff, status, required, submitted),
            );
          }
        }
      }
    }
  });

  it("under double review, waits for both verdicts before offering it to an editor", () => {
    expect(offersVerdictForm({ actor: editor, status: "in_review", doubleReview: { required: true, submitted: 1 } })).toBe(false);
    expect(offersVerdictForm({ actor: editor, status: "verdict_proposed", doubleReview: { required: true, submitted: 2 } })).toBe(true);
    expect(offersVerdictForm({ actor: editor, status: "disputed", doubleReview: { required: true, submitted: 2 } })).toBe(true);
    expect(offersVerdictForm({ actor: reviewer, status: "in_review", doubleReview: { required: false, submitted: 0 } })).toBe(true);
  });
});

describe("reviewSubmissionRefusal", () => {
  it("takes a verdict only under double review, until both are in or the claim is verified", () => {
    for (const actor of [viewer, reviewer, editor, admin]) {
      for (const status of STATUS_KEYS) {
        for (const required of [false, true]) {
          for (let submitted = 0; submitted <= REVIEWS_NEEDED; submitted++) {
            const rule = reviewSubmissionRefusal({ actor, status, doubleReview: { required, submitted } })?.rule ?? null;
            const expected = !actor.canWrite
              ? "read_only"
              : !required
                ? "not_double_review"
                : submitted >= REVIEWS_NEEDED || status === "verified"
                  ? "reviews_complete"
                  : null;
            expect(rule, `${status} required=${required} submitted=${submitted}`).toBe(expected);
          }
        }
      }
    }
  });
});

describe("claimantLock", () => {
  it("locks a verified claim's claimant for everyone but editors and admins, and no other status", () => {
    for (const status of STATUS_KEYS) {
      for (const role of ["admin", "editor", "reviewer"] as const) {
        const lock = claimantLock({ actor: rightsOf(role), status });
        expect(lock?.rule ?? null, `${role} on ${status}`).toBe(status === "verified" && role === "reviewer" ? "claimant_locked" : null);
      }
    }
    expect(claimantLock({ actor: rightsOf("reviewer"), status: "verified" })).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/Only an editor can change it/) as unknown,
    });
  });
});

describe("workflow.ts", () => {
  it("stays pure, so client components can import it: no database, no server-only modules", () => {
    const source = readFileSync(path.join(import.meta.dirname, "workflow.ts"), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(["@/lib/access/roles", "@/lib/claims/verdicts"]);
  });
});

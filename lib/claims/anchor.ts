// A person settles where a claim belongs after the text changed: one of the candidates, a span
// they select, or "orphaned" (the claim stays listed with its old quote and everything on it).
// Only claims that are not attached can be placed: an attached claim's verdict was reached on
// the words it points at, and moving it is orphaning it first, on the record.
import { describeRange, targetToStore } from "@/lib/anchoring/selectors";
import { reanchorClaim, type ReanchorCandidate } from "@/lib/anchoring/reanchor";
import { hasVerdict, sameWords } from "@/lib/articles/reanchor-plan";
import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimScope } from "@/lib/access/scope";
import { requireClaimWrite } from "@/lib/access/require";
import { WRITE_ROLES } from "@/lib/access/roles";
import { failedClaimWrite } from "@/lib/claims/conflict";
import type { AnsweredClaim, ClaimAnswer } from "@/lib/claims/dto";
import { answerClaim } from "@/lib/claims/load-records";
import { AppError, notFound } from "@/lib/http/errors";
import { lockArticleText, type LockedArticleText } from "@/lib/articles/lock-article";
import { correctPublishedClaim } from "@/lib/publish/corrections";
import type { TConfirmCorrection } from "@/lib/validation/corrections";

export type AnchorAction =
  | { kind: "candidate"; index: number }
  | { kind: "span"; start: number; end: number; exact: string }
  | { kind: "orphan" }
  | { kind: "restore" };

const anchorSelect = {
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  anchorStatus: true,
  anchorVersion: true,
  anchorCandidates: true,
  status: true,
  verdictOrdinal: true,
} as const;
type Anchor = Prisma.ClaimGetPayload<{ select: typeof anchorSelect }>;

/**
 * The re-anchoring candidates stored in a claim's `anchorCandidates` Json (by the save path or an import),
 * keeping only well-formed entries `{ start, end, text, score }` (integer UTF-16 offsets, score 0..1) in their
 * stored order, since Json is only a promise; [] for anything that is not an array. Never throws.
 */
export function storedCandidates(json: unknown): ReanchorCandidate[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (c): c is ReanchorCandidate =>
      c !== null &&
      typeof c === "object" &&
      Number.isSafeInteger(c.start) &&
      Number.isSafeInteger(c.end) &&
      typeof c.text === "string" &&
      typeof c.score === "number",
  );
}

/** Where the claim's selectors point: the body of its anchorVersion (the current body if unknown). */
async function anchoredBody(tx: Prisma.TransactionClient, articleId: string, claim: Anchor, current: LockedArticleText): Promise<string> {
  if (claim.anchorStatus === "attached" || claim.anchorVersion === current.version) return current.body;
  const version = await tx.articleVersion.findUnique({
    where: { articleId_number: { articleId, number: claim.anchorVersion } },
    select: { body: true },
  });
  return version?.body ?? current.body;
}

function attachAt(claim: Anchor, body: string, start: number, end: number, version: number) {
  const target = describeRange(body, start, end);
  const data = {
    ...target.quote,
    ...target.position,
    anchorStatus: "attached" as const,
    anchorVersion: version,
    anchorConfidence: 1,
    anchorMethod: "manual",
    anchorCandidates: Prisma.DbNull,
  };
  const after = { anchorStatus: "attached", start, end, exact: target.quote.exact, method: "manual" };
  if (!hasVerdict(claim) || sameWords(target.quote.exact, claim.exact)) return { data, after };
  // The verdict was reached on other words: it stays, but as a proposal an editor signs off again.
  const status = claim.status === "verified" ? { status: "verdict_proposed" as const } : {};
  return { data: { ...data, ...status }, after: { ...after, ...status, wordsChanged: true } };
}

const ATTACHED = "This claim is attached to the text. To place it elsewhere, mark it orphaned first, then choose its words.";

async function decide(tx: Prisma.TransactionClient, articleId: string, claim: Anchor, current: LockedArticleText, action: AnchorAction) {
  switch (action.kind) {
    case "candidate": {
      if (claim.anchorStatus === "attached") throw new AppError("unprocessable", ATTACHED);
      if (claim.anchorStatus !== "needs_review")
        throw new AppError("unprocessable", "Only a claim that needs re-anchoring has candidates to choose from.");
      const candidate = storedCandidates(claim.anchorCandidates)[action.index];
      if (!candidate) throw new AppError("unprocessable", "That candidate is not on offer any more. Reload the claim.");
      if (current.body.slice(candidate.start, candidate.end) !== candidate.text) {
        throw new AppError("conflict", "The article text has changed since these candidates were found. Reload the article.");
      }
      return { action: "claim.anchor_confirmed", ...attachAt(claim, current.body, candidate.start, candidate.end, current.version) };
    }
    case "span": {
      const { start, end } = action;
      if (claim.anchorStatus === "attached") throw new AppError("unprocessable", ATTACHED, { span: [ATTACHED] });
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > current.body.length || start >= end) {
        throw new AppError("unprocessable", "Select the words in the article first.", { span: ["Select the words in the article first."] });
      }
      const target = describeRange(current.body, start, end);
      // The same selection rules as a new claim: whitespace trimmed, graphemes whole.
      const checked = targetToStore(current.body, target);
      if (!checked.ok) throw new AppError("unprocessable", checked.reason, { span: [checked.reason] });
      if (target.quote.exact !== action.exact) {
        throw new AppError("conflict", "The article text has changed since you selected it. Reload the article and select again.");
      }
      const chosen = checked.target.position;
      return { action: "claim.anchor_chosen", ...attachAt(claim, current.body, chosen.start, chosen.end, current.version) };
    }
    case "orphan": {
      if (claim.anchorStatus === "orphaned") throw new AppError("unprocessable", "This claim is already orphaned.");
      const data = { anchorStatus: "orphaned" as const };
      // An attached claim being orphaned keeps selectors that point into the current version.
      const version = claim.anchorStatus === "attached" ? { anchorVersion: current.version } : {};
      return { action: "claim.orphaned", data: { ...data, ...version }, after: { anchorStatus: "orphaned" } };
    }
    case "restore": {
      if (claim.anchorStatus !== "orphaned") throw new AppError("unprocessable", "Only an orphaned claim can be restored.");
      // Fresh candidates against today's text, so the person has something to choose from.
      const oldBody = await anchoredBody(tx, articleId, claim, current);
      const result = reanchorClaim(oldBody, current.body, {
        id: "restore",
        quote: { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        position: { start: claim.start, end: claim.end },
      });
      return {
        action: "claim.restored",
        data: { anchorStatus: "needs_review" as const, anchorConfidence: result.confidence, anchorCandidates: result.candidates },
        after: { anchorStatus: "needs_review", candidates: result.candidates.length },
      };
    }
  }
}

/**
 * Applies a person's decision about where a claim that is not attached belongs, with the claim's optimistic lock
 * `version`: "candidate" (index into the stored candidates), "span" (UTF-16 [start, end) of the current text,
 * whose words must equal `exact`), "orphan" (stays listed with its old quote) or "restore" (an orphan back to
 * needs-review with fresh candidates). Placing a claim with a verdict on other words turns Verified back into
 * Verdict proposed. Either, and orphaning an attached verified claim, changes what readers of a published report see,
 * so there it needs `confirmCorrection` from an editor (correctPublishedClaim: 409 without it, 403 for a reviewer).
 * Runs under the article's row lock; audited. Returns the updated claim as GET claim sends it (CheckedClaimDTO), or
 * only `{ id }` for `answer: "id"` (ClaimAnswer: a caller that reads the claim again its own way).
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer;
 * 422 `unprocessable` for an action that does not fit the claim's anchor state, a candidate no longer on offer,
 * or a span that is empty, out of range or not a valid selection (`fields.span`); 409 `conflict` when the text
 * changed since the candidates were found or the span was selected, or when `version` is stale (who changed it).
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function resolveAnchor<A extends ClaimAnswer = "claim">(
  {
    claimId,
    userId,
    version,
    action,
    confirmCorrection,
    answer,
  }: { claimId: string; userId: string; version: number; action: AnchorAction; confirmCorrection?: TConfirmCorrection; answer?: A },
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    // Shares the article's row lock with saving a version, so the text cannot change underneath.
    const current = await lockArticleText(tx, claim.articleId);
    const stored = await tx.claim.findUnique({ where: { id: claimId }, select: anchorSelect });
    if (!current || !stored) throw notFound("That claim");
    const change = await decide(tx, claim.articleId, stored, current, action);
    const leavesVerified = stored.status === "verified" && "status" in change.data && change.data.status === "verdict_proposed";
    // Detaching a verified claim from its words takes its mark out of the published text ("Not marked in the text"):
    // readers see that too, so on a published report it needs an editor's public note, like moving it.
    const unmarksVerified = stored.status === "verified" && stored.anchorStatus === "attached" && action.kind === "orphan";
    const correction =
      leavesVerified || unmarksVerified
        ? await correctPublishedClaim(tx, {
            claim: { ...claim, status: stored.status },
            userId,
            confirm: confirmCorrection,
            defaultKind: "update",
            leavesVerified,
          })
        : {};
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, ...claimScope(userId, WRITE_ROLES), version },
      data: { ...change.data, ...correction, updatedById: userId, version: { increment: 1 } },
    });
    if (count === 0) throw await failedClaimWrite(tx, claimId, () => requireClaimWrite(claimId, userId, tx));
    await recordClaimAudit(tx, userId, claim, {
      action: change.action,
      before: {
        anchorStatus: stored.anchorStatus,
        start: stored.start,
        end: stored.end,
        exact: stored.exact,
        status: stored.status,
        version,
      },
      after: { ...change.after, version: version + 1 },
    });
    return answerClaim(claimId, answer, tx);
  });
}

export type AnchorReviewDTO = {
  status: "attached" | "needs_review" | "orphaned";
  /** The version the old quote comes from. */
  fromVersion: number;
  currentVersion: number;
  old: { prefix: string; exact: string; suffix: string };
  /** `index` is what resolveAnchor's "candidate" action takes. */
  candidates: (ReanchorCandidate & { index: number; before: string; after: string })[];
};

const CONTEXT = 40;

/**
 * What a person needs to place a claim again: its anchor status, the version its old quote comes from and the
 * current one, the old quote with its stored context, and (for needs-review claims) the stored candidates that
 * still match the current text, each with its `index` for resolveAnchor and 40 code units of text before and after.
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getAnchorReview({ claimId, userId }: { claimId: string; userId: string }): Promise<AnchorReviewDTO> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: { ...anchorSelect, article: { select: { body: true, version: true } } },
  });
  if (!claim) throw notFound("That claim");
  const body = claim.article.body;
  const candidates = claim.anchorStatus === "needs_review" ? storedCandidates(claim.anchorCandidates) : [];
  return {
    status: claim.anchorStatus,
    fromVersion: claim.anchorVersion,
    currentVersion: claim.article.version,
    old: { prefix: claim.prefix, exact: claim.exact, suffix: claim.suffix },
    candidates: candidates
      .map((c, index) => ({
        ...c,
        index,
        before: body.slice(Math.max(0, c.start - CONTEXT), c.start),
        after: body.slice(c.end, c.end + CONTEXT),
      }))
      // Candidates found for an older text are not shown (the next save finds new ones).
      .filter((c) => body.slice(c.start, c.end) === c.text),
  };
}

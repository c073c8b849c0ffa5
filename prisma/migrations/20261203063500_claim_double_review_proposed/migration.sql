-- The proposed verdicts of claims under double review, by article: Needs me leaves out of an editor's sign-offs the
-- ones that still wait for their two independent reviews (lib/claims/sign-off.ts signOffWaitingClaimIds), and its
-- count subtracts them per team. Read for the team's articles that have proposed verdicts (ArticleStats), so a count
-- touches only these claims, not every proposed claim of those articles.
CREATE INDEX "Claim_double_review_proposed_idx" ON "Claim" ("articleId") WHERE status = 'verdict_proposed' AND "requiresDoubleReview";

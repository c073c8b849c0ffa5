-- ClaimReview's datePublished is when the fact-check first went out on a published report, and stays so through
-- corrections, re-sign-offs and republishing (Google's ClaimReview guidance; schema.org datePublished/dateModified).
-- Until now it was the current sign-off, so a re-sign-off after a correction moved it after dateModified.
ALTER TABLE "Claim" ADD COLUMN "firstPublishedAt" TIMESTAMP(3);

-- Backfill every claim the public report shows or showed (verified, or kept as a snapshot during a correction), on
-- a report that has ever been published (a "report.published" audit row, or published now). The claim first went
-- out at the later of its first sign-off and the report's first publication; a claim verified before the audit
-- trail existed falls back to its verdict's date. A corrections-log entry proves it was public before then, so the
-- date is never later than the claim's first correction.
WITH published AS (
  SELECT a."id" AS "articleId",
         LEAST(a."reportPublishedAt",
               (SELECT min(e."createdAt") FROM "AuditEvent" e WHERE e."articleId" = a."id" AND e."action" = 'report.published')) AS "at"
  FROM "Article" a
), candidate AS (
  SELECT c."id",
         GREATEST(
           COALESCE((SELECT min(e."createdAt") FROM "AuditEvent" e WHERE e."claimId" = c."id" AND e."action" = 'claim.verified'),
                    c."verdictAt", c."updatedAt"),
           p."at") AS "at",
         (SELECT min(r."createdAt") FROM "ReportCorrection" r WHERE r."claimId" = c."id") AS "correctedAt"
  FROM "Claim" c
  JOIN published p ON p."articleId" = c."articleId"
  WHERE p."at" IS NOT NULL
    AND ((c."status" = 'verified' AND c."verdictOrdinal" IS NOT NULL) OR c."publishedSnapshot" IS NOT NULL
         OR EXISTS (SELECT 1 FROM "ReportCorrection" r WHERE r."claimId" = c."id"))
)
UPDATE "Claim" c
SET "firstPublishedAt" = LEAST(candidate."at", candidate."correctedAt")
FROM candidate
WHERE candidate."id" = c."id" AND c."firstPublishedAt" IS NULL;

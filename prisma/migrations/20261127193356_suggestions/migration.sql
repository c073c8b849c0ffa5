-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestionsHash" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "numeric" JSONB;

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "type" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3),
    "claimId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_claimId_key" ON "Suggestion"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_articleId_bodyHash_start_end_key" ON "Suggestion"("articleId", "bodyHash", "start", "end");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Checked before": nearest claims by trigram distance (GiST, so PostgreSQL can return the
-- closest few without ranking every candidate). Long signatures (siglen 256) keep the
-- index selective for sentence-long texts: 7 ms median over 100,000 claims against 64 ms
-- with the default (bench/checked-before.ts). pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claim_exact_trgm_idx" ON "Claim" USING gist ("exact" gist_trgm_ops(siglen = 256));

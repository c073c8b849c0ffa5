-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('attached', 'needs_review', 'orphaned');

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('read', 'read_write');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "blocks" JSONB,
ADD COLUMN     "reportPublishedAt" TIMESTAMP(3),
ADD COLUMN     "reportPublishedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "anchorCandidates" JSONB,
ADD COLUMN     "anchorConfidence" DOUBLE PRECISION,
ADD COLUMN     "anchorMethod" TEXT,
ADD COLUMN     "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'attached',
ADD COLUMN     "anchorVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "origin" JSONB;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "origin" JSONB;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "origin" JSONB;

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "blocks" JSONB,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" "TokenScope" NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiRateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_number_key" ON "ArticleVersion"("articleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_createdAt_idx" ON "ApiToken"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiRateWindow_windowStart_idx" ON "ApiRateWindow"("windowStart");

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every article has a first version: existing ones get it now, new ones when inserted
-- (so the seed, imports and test factories cannot forget it). The app records who
-- imported an article by filling in createdById of that first version once.
CREATE FUNCTION factdesk_first_article_version() RETURNS trigger AS $$
BEGIN
  INSERT INTO "ArticleVersion" ("id", "articleId", "number", "title", "body", "blocks", "contentHash")
  VALUES ('v1-' || NEW."id", NEW."id", NEW."version", NEW."title", NEW."body", NEW."blocks",
          encode(sha256(convert_to(NEW."body", 'UTF8')), 'hex'));
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER article_first_version AFTER INSERT ON "Article"
  FOR EACH ROW EXECUTE FUNCTION factdesk_first_article_version();

INSERT INTO "ArticleVersion" ("id", "articleId", "number", "title", "body", "blocks", "contentHash", "createdAt")
SELECT 'v1-' || "id", "id", 1, "title", "body", "blocks", encode(sha256(convert_to("body", 'UTF8')), 'hex'), "createdAt"
FROM "Article";

-- Versions are immutable. The only change allowed is naming the creator of a version that
-- has none yet (the first version, created by the trigger above). Deleting an article
-- still removes its versions (ON DELETE CASCADE).
CREATE FUNCTION factdesk_article_version_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD."createdById" IS NULL AND NEW."createdById" IS NOT NULL
     AND (NEW."id", NEW."articleId", NEW."number", NEW."title", NEW."body", NEW."contentHash", NEW."createdAt")
         IS NOT DISTINCT FROM (OLD."id", OLD."articleId", OLD."number", OLD."title", OLD."body", OLD."contentHash", OLD."createdAt")
     AND NEW."blocks"::text IS NOT DISTINCT FROM OLD."blocks"::text THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ArticleVersion rows are immutable; save a new version instead';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER article_version_immutable BEFORE UPDATE ON "ArticleVersion"
  FOR EACH ROW EXECUTE FUNCTION factdesk_article_version_immutable();

-- CreateEnum
CREATE TYPE "ClaimantKind" AS ENUM ('person', 'organization');

-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('update', 'correction');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "logoUrl" TEXT,
ADD COLUMN     "publicName" TEXT,
ADD COLUMN     "publicUrl" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "claimantDescription" TEXT,
ADD COLUMN     "claimantKind" "ClaimantKind",
ADD COLUMN     "claimantName" TEXT,
ADD COLUMN     "firstAppearanceUrl" TEXT,
ADD COLUMN     "firstAppearedAt" TIMESTAMP(3),
ADD COLUMN     "publishedSnapshot" JSONB;

-- CreateTable
CREATE TABLE "ReportCorrection" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "kind" "CorrectionKind" NOT NULL,
    "note" TEXT NOT NULL,
    "before" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportCorrection_articleId_createdAt_idx" ON "ReportCorrection"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportCorrection_claimId_createdAt_idx" ON "ReportCorrection"("claimId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportCorrection" ADD CONSTRAINT "ReportCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportCorrection" ADD CONSTRAINT "ReportCorrection_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportCorrection" ADD CONSTRAINT "ReportCorrection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

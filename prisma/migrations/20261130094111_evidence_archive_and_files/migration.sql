-- CreateEnum
CREATE TYPE "EvidenceSourceFlag" AS ENUM ('changed', 'gone');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "sourceCheckDays" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "archiveError" TEXT,
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "excerptFound" BOOLEAN,
ADD COLUMN     "sourceCheckedAt" TIMESTAMP(3),
ADD COLUMN     "sourceFlag" "EvidenceSourceFlag",
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "EvidenceSnapshot" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "finalUrl" TEXT,
    "status" INTEGER,
    "contentType" TEXT NOT NULL DEFAULT '',
    "sha256" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvidenceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "evidenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateIndex
CREATE INDEX "EvidenceSnapshot_evidenceId_fetchedAt_idx" ON "EvidenceSnapshot"("evidenceId", "fetchedAt");

-- CreateIndex
CREATE INDEX "Evidence_sourceCheckedAt_idx" ON "Evidence"("sourceCheckedAt");

-- AddForeignKey
ALTER TABLE "EvidenceSnapshot" ADD CONSTRAINT "EvidenceSnapshot_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Evidence is now removed softly (deletedAt, undoable), so it counts, like comments, only while not removed.
CREATE OR REPLACE FUNCTION factdesk_claim_counts() RETURNS trigger AS $$
DECLARE
  counted_column text := TG_ARGV[0];
  live text := '"deletedAt" IS NULL';
  changes text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := format('SELECT "claimId", 1 AS n FROM new_rows WHERE %s', live);
  ELSIF TG_OP = 'DELETE' THEN
    changes := format('SELECT "claimId", -1 AS n FROM old_rows WHERE %s', live);
  ELSE
    changes := format('SELECT "claimId", 1 AS n FROM new_rows WHERE %s UNION ALL SELECT "claimId", -1 AS n FROM old_rows WHERE %s', live, live);
  END IF;
  EXECUTE format(
    'UPDATE "Claim" c SET %1$I = c.%1$I + d.n
     FROM (SELECT "claimId", sum(n)::int AS n FROM (%2$s) changes GROUP BY "claimId") d
     WHERE c."id" = d."claimId" AND d.n <> 0',
    counted_column, changes);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Needs me lists claims with flagged sources: few rows, found without reading all evidence.
CREATE INDEX "Evidence_flagged_idx" ON "Evidence" ("claimId") WHERE "sourceFlag" IS NOT NULL AND "deletedAt" IS NULL;

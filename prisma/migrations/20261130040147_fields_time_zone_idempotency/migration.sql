-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- Due dates become calendar days. Earlier ones were stored as the UTC midnight of the day
-- given, so their UTC date is that day. Dates outside the years 1800-2200 (accepted before
-- the field rules, e.g. +010000-01-01) made My queue fail; they are cleared, and refused from now on.
UPDATE "Assignment" SET "dueAt" = NULL WHERE "dueAt" < '1800-01-01' OR "dueAt" >= '2201-01-01';

-- AlterTable
ALTER TABLE "Assignment" ALTER COLUMN "dueAt" SET DATA TYPE DATE;

ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_dueAt_range" CHECK ("dueAt" BETWEEN DATE '1800-01-01' AND DATE '2200-12-31');

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "status" INTEGER,
    "response" TEXT,
    "contentType" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

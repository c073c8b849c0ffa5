-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "language" TEXT;

-- CreateTable
CREATE TABLE "ArticleFetch" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleFetch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleFetch_versionId_key" ON "ArticleFetch"("versionId");

-- AddForeignKey
ALTER TABLE "ArticleFetch" ADD CONSTRAINT "ArticleFetch_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "MediaUse" (
    "revisionId" INTEGER NOT NULL,
    "mediaName" TEXT NOT NULL,
    "section" TEXT NOT NULL DEFAULT '',
    "heading" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MediaUse_pkey" PRIMARY KEY ("revisionId","mediaName","section")
);

-- CreateIndex
CREATE INDEX "MediaUse_mediaName_idx" ON "MediaUse"("mediaName");

-- AddForeignKey
ALTER TABLE "MediaUse" ADD CONSTRAINT "MediaUse_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;


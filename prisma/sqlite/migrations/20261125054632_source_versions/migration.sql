-- CreateTable
CREATE TABLE "SourceRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "editorId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceRevision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL DEFAULT 'webpage',
    "title" TEXT NOT NULL,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "containerTitle" TEXT,
    "publisher" TEXT,
    "issued" TEXT,
    "url" TEXT,
    "normalizedUrl" TEXT,
    "doi" TEXT,
    "isbn" TEXT,
    "accessed" TEXT,
    "archiveUrl" TEXT,
    "note" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("accessed", "archiveUrl", "authors", "containerTitle", "createdAt", "doi", "id", "isbn", "issued", "normalizedUrl", "note", "publisher", "title", "type", "updatedAt", "url") SELECT "accessed", "archiveUrl", "authors", "containerTitle", "createdAt", "doi", "id", "isbn", "issued", "normalizedUrl", "note", "publisher", "title", "type", "updatedAt", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_normalizedUrl_key" ON "Source"("normalizedUrl");
CREATE UNIQUE INDEX "Source_doi_key" ON "Source"("doi");
CREATE INDEX "Source_title_idx" ON "Source"("title");
CREATE INDEX "Source_mergedIntoId_idx" ON "Source"("mergedIntoId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SourceRevision_sourceId_number_key" ON "SourceRevision"("sourceId", "number");


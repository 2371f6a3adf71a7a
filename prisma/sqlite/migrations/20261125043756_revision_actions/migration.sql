-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "minor" BOOLEAN NOT NULL DEFAULT false,
    "size" INTEGER NOT NULL,
    "sizeDelta" INTEGER NOT NULL,
    "reviewState" TEXT NOT NULL DEFAULT 'approved',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "reviewNote" TEXT,
    "action" TEXT NOT NULL DEFAULT 'edit',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("authorId", "content", "contentHash", "createdAt", "id", "minor", "number", "pageId", "parentId", "reviewNote", "reviewState", "reviewedAt", "reviewedById", "size", "sizeDelta", "summary") SELECT "authorId", "content", "contentHash", "createdAt", "id", "minor", "number", "pageId", "parentId", "reviewNote", "reviewState", "reviewedAt", "reviewedById", "size", "sizeDelta", "summary" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");
CREATE INDEX "Revision_authorId_id_idx" ON "Revision"("authorId", "id");
CREATE UNIQUE INDEX "Revision_pageId_number_key" ON "Revision"("pageId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


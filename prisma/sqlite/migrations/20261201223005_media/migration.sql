-- CreateTable
CREATE TABLE "MediaFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "alt" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL DEFAULT '',
    "licence" TEXT NOT NULL DEFAULT '',
    "currentVersionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaFile_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "MediaVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediaVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mediaId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "uploaderId" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "revertOf" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaVersion_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "MediaFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MediaVersion_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_name_key" ON "MediaFile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_currentVersionId_key" ON "MediaFile"("currentVersionId");

-- CreateIndex
CREATE INDEX "MediaFile_namespace_idx" ON "MediaFile"("namespace");

-- CreateIndex
CREATE INDEX "MediaVersion_hash_idx" ON "MediaVersion"("hash");

-- CreateIndex
CREATE INDEX "MediaVersion_createdAt_idx" ON "MediaVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaVersion_mediaId_number_key" ON "MediaVersion"("mediaId", "number");


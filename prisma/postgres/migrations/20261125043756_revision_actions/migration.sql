-- DropIndex
DROP INDEX "Revision_authorId_createdAt_idx";

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'edit';

-- CreateIndex
CREATE INDEX "Revision_authorId_id_idx" ON "Revision"("authorId", "id");


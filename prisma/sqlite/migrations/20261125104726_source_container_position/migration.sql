-- AlterTable
ALTER TABLE "Source" ADD COLUMN "issue" TEXT;
ALTER TABLE "Source" ADD COLUMN "page" TEXT;
ALTER TABLE "Source" ADD COLUMN "volume" TEXT;


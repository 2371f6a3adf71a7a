-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "issue" TEXT,
ADD COLUMN     "page" TEXT,
ADD COLUMN     "volume" TEXT;


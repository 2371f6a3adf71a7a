-- Account names compared without regard to case, spacing or compatibility forms (lib/wiki/accounts.ts).
-- AlterTable
ALTER TABLE "User" ADD COLUMN "nameKey" TEXT;

-- Existing names, lower-cased. Of two that then collide, the later keeps a key of its own (its id).
UPDATE "User" SET "nameKey" = lower(trim("name")) WHERE "name" IS NOT NULL;
UPDATE "User" SET "nameKey" = "nameKey" || '#' || "id"
WHERE "nameKey" IS NOT NULL AND "id" NOT IN (SELECT min("id") FROM "User" WHERE "nameKey" IS NOT NULL GROUP BY "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "User_nameKey_key" ON "User"("nameKey");

-- Signing out ends every session of the account (lib/auth/options.ts).
-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

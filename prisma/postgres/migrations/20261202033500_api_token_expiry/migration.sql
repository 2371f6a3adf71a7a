-- API tokens may stop working by themselves (lib/wiki/api-tokens.ts).
-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);

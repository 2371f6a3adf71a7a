-- A source added from the editor stays its author's draft until a saved revision cites it.
ALTER TABLE "Source" ADD COLUMN "draftOfId" TEXT;
CREATE INDEX "Source_draftOfId_idx" ON "Source"("draftOfId");
ALTER TABLE "Source" ADD CONSTRAINT "Source_draftOfId_fkey" FOREIGN KEY ("draftOfId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

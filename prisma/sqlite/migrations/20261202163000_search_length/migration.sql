-- The length of each section's text, so a search can rank sections by shortness without reading
-- their text (docs/decisions/0010-search.md). Only lib/search reads or writes it.
ALTER TABLE "SearchEntry" ADD COLUMN "length" INTEGER NOT NULL DEFAULT 0;
UPDATE "SearchEntry" SET "length" = coalesce((SELECT length(body) FROM "SearchText" WHERE "SearchText".rowid = "SearchEntry".id), 0);

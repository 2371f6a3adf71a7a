-- Titles and headings alone, weighted as in "document", indexed apart: a search looks for the
-- wanted words there first and ranks those sections above text-only hits (docs/decisions/0010-search.md).
ALTER TABLE "SearchEntry" ADD COLUMN "heads" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', "title"), 'A') ||
    setweight(to_tsvector('english', "heading"), 'B')
) STORED;
CREATE INDEX "SearchEntry_heads_idx" ON "SearchEntry" USING GIN ("heads");

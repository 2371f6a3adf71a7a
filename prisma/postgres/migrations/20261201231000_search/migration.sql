-- Full-text search on PostgreSQL's own text search (see docs/decisions/0010-search.md). Kept out
-- of the Prisma models: only lib/search reads or writes this table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One entry per section of a page's text: as readers see it, and, while revisions wait for review,
-- as reviewers see it. Titles weigh most (A), then headings (B), then the text (D).
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "pageId" INTEGER NOT NULL,
    "forReaders" BOOLEAN NOT NULL,
    "forReviewers" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', "heading"), 'B') ||
        setweight(to_tsvector('english', "body"), 'D')
    ) STORED
);
CREATE INDEX "SearchEntry_pageId_idx" ON "SearchEntry"("pageId");
CREATE INDEX "SearchEntry_document_idx" ON "SearchEntry" USING GIN ("document");

-- Page titles by their trigrams, for suggestions as one types and "did you mean".
CREATE INDEX "Page_title_trgm_idx" ON "Page" USING GIN (lower("title") gin_trgm_ops);

-- A page whose title is the query (any case) comes first, and "Go" jumps to it.
CREATE INDEX "Page_title_lower_idx" ON "Page" (lower("title"));

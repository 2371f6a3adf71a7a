-- Full-text search on SQLite's FTS5 (see docs/decisions/0010-search.md). Kept out of the Prisma
-- models: Prisma cannot describe virtual tables, and only lib/search reads or writes these.

-- One entry per section of a page's text: as readers see it, and, while revisions wait for review,
-- as reviewers see it.
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageId" INTEGER NOT NULL,
    "forReaders" BOOLEAN NOT NULL,
    "forReviewers" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "namespace" TEXT NOT NULL
);
CREATE INDEX "SearchEntry_pageId_idx" ON "SearchEntry"("pageId");

-- The entries' words, by the entry's id as rowid; English stemming (porter), accents ignored.
CREATE VIRTUAL TABLE "SearchText" USING fts5(title, heading, body, tokenize = 'porter unicode61 remove_diacritics 2');

-- Page titles by their trigrams, for suggestions as one types and "did you mean".
CREATE VIRTUAL TABLE "SearchTitle" USING fts5(title, tokenize = 'trigram');

-- A page whose title is the query (any case) comes first, and "Go" jumps to it.
CREATE INDEX "Page_title_lower_idx" ON "Page"(lower("title"));

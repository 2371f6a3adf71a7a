-- The titles and headings of the entries again, in an index of their own (docs/decisions/0010-search.md):
-- looking for words in them alone no longer walks every place a word is in the text. Only lib/search
-- reads or writes it. (PostgreSQL has its "heads" column for the same.)
CREATE VIRTUAL TABLE "SearchHeads" USING fts5(title, heading, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO "SearchHeads" (rowid, title, heading) SELECT rowid, title, heading FROM "SearchText";

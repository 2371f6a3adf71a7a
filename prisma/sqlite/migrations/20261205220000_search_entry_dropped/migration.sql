-- An entry's words leave the two section indexes with the entry (docs/decisions/0010-search.md):
-- deleting the rows of "SearchEntry" is all it takes, one statement instead of three.
CREATE TRIGGER "SearchEntry_dropped" AFTER DELETE ON "SearchEntry" BEGIN
  DELETE FROM "SearchText" WHERE rowid = old.id;
  DELETE FROM "SearchHeads" WHERE rowid = old.id;
END;

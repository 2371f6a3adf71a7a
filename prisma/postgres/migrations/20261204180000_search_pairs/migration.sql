-- Each pair of neighbouring words of a section, indexed: a quoted phrase is first looked for by its
-- pairs, then checked word by word, instead of checking every section that holds its words (the
-- text's GIN index keeps no positions). See docs/decisions/0010-search.md.
CREATE FUNCTION search_pairs(words tsvector) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH spots AS (SELECT lexeme, unnest(positions) AS position FROM unnest(words))
  SELECT coalesce(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
  FROM spots a JOIN spots b ON b.position = a.position + 1
$$;

ALTER TABLE "SearchEntry" ADD COLUMN "pairs" text[] GENERATED ALWAYS AS (
    search_pairs(to_tsvector('english', "title") || to_tsvector('english', "heading") || to_tsvector('english', "body"))
) STORED;
CREATE INDEX "SearchEntry_pairs_idx" ON "SearchEntry" USING GIN ("pairs");

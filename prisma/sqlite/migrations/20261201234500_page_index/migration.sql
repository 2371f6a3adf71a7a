-- All pages by title, one namespace or all, walked from a page id (lib/wiki/page-index.ts).
-- CreateIndex
CREATE INDEX "Page_title_slug_idx" ON "Page"("title", "slug");

-- CreateIndex
CREATE INDEX "Page_namespace_title_slug_idx" ON "Page"("namespace", "title", "slug");

-- Whether pages one edits join one's watchlist (the editor's box starts ticked), a preference.
ALTER TABLE "User" ADD COLUMN "watchEdits" BOOLEAN NOT NULL DEFAULT true;

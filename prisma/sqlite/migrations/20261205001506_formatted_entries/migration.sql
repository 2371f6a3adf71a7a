-- CreateTable
CREATE TABLE "FormattedEntry" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "html" TEXT NOT NULL
);


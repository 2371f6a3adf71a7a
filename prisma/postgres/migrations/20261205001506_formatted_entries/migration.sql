-- CreateTable
CREATE TABLE "FormattedEntry" (
    "key" TEXT NOT NULL,
    "html" TEXT NOT NULL,

    CONSTRAINT "FormattedEntry_pkey" PRIMARY KEY ("key")
);


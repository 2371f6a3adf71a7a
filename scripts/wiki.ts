// Command-line entry point: `npm run wiki -- <command> …`.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DokuWikiSyntaxError } from "../lib/content/dokuwiki";
import { createDb } from "../lib/db";
import { describeError } from "../lib/wiki/errors";
import { importDokuWikiPage } from "../lib/wiki/import";
import { DocumentValidationError } from "../lib/validation/document";

const USAGE = `Usage:
  npm run wiki -- import <file> [--id <page id>]   import a DokuWiki page (id defaults to the file name)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "import") {
    const { values, positionals } = parseArgs({ args: rest, options: { id: { type: "string" } }, allowPositionals: true });
    if (positionals.length !== 1) {
      console.error(USAGE);
      return 2;
    }
    const file = positionals[0];
    const markup = await readFile(file, "utf8");
    const db = createDb();
    try {
      const result = await importDokuWikiPage(db, { markup, pageId: values.id, fileName: file });
      console.log(
        result.created
          ? `Imported ${file} as ${result.pageId}, revision ${result.number}.`
          : `${result.pageId} already holds this text (revision ${result.number}); nothing changed.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DokuWikiSyntaxError) console.error(`${file}: ${error.message}`);
      else if (error instanceof DocumentValidationError) console.error(`${file}: ${error.message}`);
      else console.error(`${file}: ${describeError(error).message}`);
      if (!(error instanceof DokuWikiSyntaxError || error instanceof DocumentValidationError)) console.error(error);
      return 1;
    } finally {
      await db.$disconnect();
    }
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));

// Command-line entry point: `npm run wiki -- <command> …`.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DokuWikiSyntaxError } from "../lib/content/dokuwiki";
import { createDb, type Db } from "../lib/db";
import { RoleSchema } from "../lib/validation/account";
import { createAccount } from "../lib/wiki/accounts";
import { AppError, describeError } from "../lib/wiki/errors";
import { importDokuWikiPage } from "../lib/wiki/import";
import { DocumentValidationError } from "../lib/validation/document";

const USAGE = `Usage:
  npm run wiki -- user:create --email <email> --role <reader|editor|reviewer|admin> [--name <name>] [--password <password>]
                                                    make an account (a password is generated and shown when not given)
  npm run wiki -- import <file>… [--id <page id>]   import DokuWiki pages (each id defaults to the file name;
                                                    --id names the page when there is one file)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "import") {
    const { values, positionals } = parseArgs({ args: rest, options: { id: { type: "string" } }, allowPositionals: true });
    if (!positionals.length || (values.id && positionals.length > 1)) {
      console.error(USAGE);
      return 2;
    }
    const db = createDb();
    let failures = 0;
    try {
      for (const file of positionals) failures += (await importFile(db, file, values.id)) ? 0 : 1;
    } finally {
      await db.$disconnect();
    }
    return failures ? 1 : 0;
  }
  if (command === "user:create") {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    });
    const role = RoleSchema.safeParse(values.role);
    if (!values.email || !role.success) {
      console.error(USAGE);
      return 2;
    }
    const password = values.password ?? randomBytes(12).toString("base64url");
    const name = values.name ?? values.email.split("@")[0];
    const db = createDb();
    try {
      const account = await createAccount(db, { email: values.email, name, password }, { role: role.data });
      console.log(`Created ${account.role} ${account.name} <${account.email}>.`);
      if (!values.password) console.log(`Password: ${password}`);
      return 0;
    } catch (error) {
      const fields = error instanceof AppError ? (error.details?.fieldErrors as Record<string, string> | undefined) : undefined;
      console.error(fields ? Object.values(fields).join(" ") : describeError(error).message);
      return 1;
    } finally {
      await db.$disconnect();
    }
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

/** Imports one file, saying what happened; false when it could not be imported. */
async function importFile(db: Db, file: string, pageId?: string): Promise<boolean> {
  try {
    const markup = await readFile(file, "utf8");
    const result = await importDokuWikiPage(db, { markup, pageId, fileName: file });
    console.log(
      result.status === "created"
        ? `Imported ${file} as ${result.pageId}, revision ${result.number}.`
        : `${result.pageId} already holds this text (revision ${result.number}); nothing changed.`,
    );
    return true;
  } catch (error) {
    if (error instanceof DokuWikiSyntaxError || error instanceof DocumentValidationError) {
      console.error(`${file}: ${error.message}`);
    } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`${file}: no such file`);
    } else {
      console.error(`${file}: ${describeError(error).message}`);
      if (!(error instanceof AppError)) console.error(error);
    }
    return false;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/databases";
import { HTML_AS_PNG, PDF, pngImage } from "../test/media-fixtures";

const run = promisify(execFile);

/** Runs `npm run wiki -- …` as a user would, against the test database. */
async function wiki(database: TestDatabase, ...args: string[]) {
  return wikiWith({}, database, ...args);
}

async function wikiWith(env: Record<string, string>, database: TestDatabase, ...args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/wiki.ts", ...args], { env: { ...process.env, DATABASE_URL: database.url, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the import command", () => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "palimpsest-import-"));

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(() => database.drop());

  it("imports files, naming each page after its file unless told otherwise", async () => {
    const first = path.join(dir, "Policy Page.txt");
    writeFileSync(first, "====== A policy ======\n\nText.");
    const second = path.join(dir, "other.txt");
    writeFileSync(second, "Other text.");
    const result = await wiki(database, "import", first, second);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("as policy_page, revision 1.");
    expect(result.stdout).toContain("as other, revision 1.");

    const named = await wiki(database, "import", second, "--id", "policy:Other Page");
    expect(named.stdout).toContain("as policy:other_page, revision 1.");
    const pages = await database.db.page.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true, namespace: true } });
    expect(pages).toEqual([
      { slug: "other", title: "Other", namespace: "" },
      { slug: "policy:other_page", title: "Other page", namespace: "policy" },
      { slug: "policy_page", title: "A policy", namespace: "" },
    ]);
  });

  it("says so when the text is already there", async () => {
    const result = await wiki(database, "import", path.join(dir, "other.txt"));
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("other already holds this text (revision 1); nothing changed.");
  });

  it("fails with the file and line at fault, importing nothing from it", async () => {
    const bad = path.join(dir, "bad.txt");
    writeFileSync(bad, "fine\n\n<file>\nnot closed");
    const result = await wiki(database, "import", bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: line 3: <file> is never closed with </file>`);
    expect(await database.db.page.findUnique({ where: { slug: "bad" } })).toBeNull();
    expect((await wiki(database, "import", path.join(dir, "nope.txt"))).stderr).toContain("nope.txt: no such file");
  });

  it("makes accounts from the shell with the role asked for", async () => {
    const made = await wiki(database, "user:create", "--email", "Rita@Example.org", "--role", "reviewer", "--name", "Rita");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("Created reviewer Rita <rita@example.org>.");
    expect(made.stdout).toMatch(/Password: \S{16}/);
    const row = await database.db.user.findUniqueOrThrow({ where: { email: "rita@example.org" } });
    expect(row.role).toBe("reviewer");

    const again = await wiki(database, "user:create", "--email", "rita@example.org", "--role", "editor");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("An account with this email already exists.");
    expect((await wiki(database, "user:create", "--email", "x@example.org", "--role", "emperor")).code).toBe(2);
  });
});

describe("the import-media command", () => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "palimpsest-import-media-"));
  const folder = path.join(dir, "data", "media");
  // The command stores bytes where the server would, here a directory of the test's own.
  const env = { MEDIA_STORE: "local", MEDIA_DIR: path.join(dir, "store") };

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    mkdirSync(path.join(folder, "models"), { recursive: true });
    writeFileSync(path.join(folder, "models", "chart.png"), await pngImage(200, 100, 9));
    writeFileSync(path.join(folder, "report.pdf"), PDF);
    writeFileSync(path.join(folder, "models", "fake.png"), HTML_AS_PNG);
  });
  afterAll(() => database.drop());

  it("imports a DokuWiki media folder with a progress bar, lists refused files and sums up", async () => {
    const first = await wikiWith(env, database, "import-media", folder);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("Importing files: 3/3");
    expect(first.stderr).toContain(`${path.join("models", "fake.png")}: `);
    expect(first.stdout).toContain("3 files read: 2 new, 0 new versions, 0 unchanged, 1 refused.");
    const files = await database.db.mediaFile.findMany({ orderBy: { name: "asc" }, select: { name: true, _count: { select: { versions: true } } } });
    expect(files).toEqual([{ name: "models:chart.png", _count: { versions: 1 } }, { name: "report.pdf", _count: { versions: 1 } }]);

    const again = await wikiWith(env, database, "import-media", folder);
    expect(again.stdout).toContain("3 files read: 0 new, 0 new versions, 2 unchanged, 1 refused.");
    expect(await database.db.mediaVersion.count()).toBe(2);

    expect((await wikiWith(env, database, "import-media", path.join(dir, "nope"))).stderr).toContain("nope: no such folder");
    expect((await wikiWith(env, database, "import-media")).code).toBe(2);
  });
});

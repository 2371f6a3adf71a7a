import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/databases";
import { wiki } from "../test/wiki-cli";

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
    const pages = await database.db.page.findMany({
      where: { slug: { in: ["other", "policy:other_page", "policy_page"] } },
      orderBy: { slug: "asc" },
      select: { slug: true, title: true, namespace: true },
    });
    expect(pages).toEqual([
      { slug: "other", title: "Other", namespace: "" },
      { slug: "policy:other_page", title: "Other page", namespace: "policy" },
      { slug: "policy_page", title: "A policy", namespace: "" },
    ]);
  });

  it("says so when the text is already there", async () => {
    const again = path.join(dir, "again.txt");
    writeFileSync(again, "The same text.");
    expect(await wiki(database, "import", again)).toMatchObject({ code: 0 });
    const result = await wiki(database, "import", again);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("again already holds this text (revision 1); nothing changed.");
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

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/databases";
import { HTML_AS_PNG, PDF, pngImage } from "../test/media-fixtures";
import { wikiWith } from "../test/wiki-cli";

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
    expect(files).toEqual([
      { name: "models:chart.png", _count: { versions: 1 } },
      { name: "report.pdf", _count: { versions: 1 } },
    ]);

    const again = await wikiWith(env, database, "import-media", folder);
    expect(again.stdout).toContain("3 files read: 0 new, 0 new versions, 2 unchanged, 1 refused.");
    expect(await database.db.mediaVersion.count()).toBe(2);

    expect((await wikiWith(env, database, "import-media", path.join(dir, "nope"))).stderr).toContain("nope: no such folder");
    expect((await wikiWith(env, database, "import-media")).code).toBe(2);
  });
});

import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";

import { listSources } from "./library";
import { getSourceVersions } from "./source-records";
import { importSources } from "./source-import";
import { createSource } from "./sources";
import { buildAccount } from "../../test/factories";

const BIBTEX = `
@article{doe2026,
  author = {Doe, Jane and Roe, Richard},
  title = {Measuring frontier model risks},
  journal = {Journal of AI Safety},
  year = {2026},
  doi = {10.1234/ABCD.5678},
  url = {https://example.org/paper}
}
@misc{clark2026,
  author = {{Jack Clark}},
  title = {Import AI 412},
  year = {2026},
  url = {https://importai.substack.com/p/412}
}`;

describeOnEachDatabase("importing bibliographic files", (database) => {
  it("adds new sources, keeps those already in the library, and refuses bad files whole", async () => {
    const { db } = database();
    const ed = await buildAccount(db, "editor", "Ed");
    const reader = await buildAccount(db, "reader", "Rex");
    await createSource(db, ed, { url: "https://importai.substack.com/p/412?utm_source=x", title: "Import AI 412 (already here)" });

    await expect(importSources(db, reader, { text: BIBTEX, format: "bibtex" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await importSources(db, ed, { text: BIBTEX, format: "bibtex" })).toEqual({ added: 1, existing: 1 });
    const { entries } = await listSources(db);
    expect(entries.map((e) => [e.title, e.doi])).toEqual([
      ["Import AI 412 (already here)", null],
      ["Measuring frontier model risks", "10.1234/abcd.5678"],
    ]);
    const paper = await db.source.findFirstOrThrow({ where: { doi: "10.1234/abcd.5678" } });
    expect(paper).toMatchObject({ type: "article-journal", containerTitle: "Journal of AI Safety", issued: "2026" });
    expect(JSON.parse(paper.authors)).toEqual([
      { family: "Doe", given: "Jane" },
      { family: "Roe", given: "Richard" },
    ]);
    expect((await getSourceVersions(db, paper.id)).map((v) => v.summary)).toEqual(["Imported from BibTeX"]);

    // Importing it again adds nothing.
    expect(await importSources(db, ed, { text: BIBTEX, format: "bibtex" })).toEqual({ added: 0, existing: 2 });

    const before = await db.source.count();
    const bad = `@misc{fine2026, title = {A fine entry}, url = {https://example.org/fine}}\n@misc{bad2026, title = {Broken, year = 2026\n`;
    await expect(importSources(db, ed, { text: bad, format: "bibtex" })).rejects.toMatchObject({ code: "INVALID_INPUT", message: /^Entry bad2026: .* Nothing was imported\.$/ });
    await expect(importSources(db, ed, { text: '[{"title":"Ok","URL":"javascript:alert(1)"}]', format: "csl-json" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.source.count()).toBe(before);
  });
});

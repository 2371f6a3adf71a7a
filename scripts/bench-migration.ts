// `npm run bench:migration` (also part of `npm run bench`): a generated DokuWiki site, 10,000 pages
// in 20 namespaces with 10 versions each in the attic (100,000 revisions, with their log in meta/),
// imported with `import-site` into a new database of each engine, then written back with
// `export-site`. Prints the time of each and revisions per second.
//   BENCH_MIGRATION_PAGES=1000 BENCH_MIGRATION_VERSIONS=5 npm run bench:migration     to measure less
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "../lib/db";
import { createMediaServices } from "../lib/media";
import { readMediaConfig } from "../lib/media/config";
import { exportSite } from "../lib/wiki/site-export";
import { importSite } from "../lib/wiki/site-import";
import { freshDatabase } from "./bench-tools";

const PAGES = Number(process.env.BENCH_MIGRATION_PAGES ?? 10_000);
const VERSIONS = Number(process.env.BENCH_MIGRATION_VERSIONS ?? 10);
const ROOT = path.resolve("data/bench/migration");
const ENGINES = [
  { name: "SQLite", url: "file:./data/bench/migration.db" },
  { name: "PostgreSQL", url: "postgresql://postgres@127.0.0.1:5432/palimpsest_bench_migration" },
];
const T0 = 1_600_000_000;

let seed = 5;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const WORDS = "alpha beta gamma delta river stone press paper ink type metal wood north south early late great small".split(" ");
const sentence = () => Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");

/** Version `v` of page `i`: a title, three sections, links to other pages and a footnote with a link. */
function pageText(i: number, v: number): string {
  const sections = [0, 1, 2].map(
    (s) =>
      `===== Section ${s} =====\n\n${sentence()} [[ns${(i + s) % 20}:page${(i * 7 + s) % PAGES}|a link]] ${sentence()}.` +
      `((Source ${i % 500}, [[https://example.org/source/${i % 500}|The source]], p. ${s + 1}.))\n\n  * ${sentence()}\n  * ${sentence()}${s === v % 3 ? ` (version ${v})` : ""}`,
  );
  return `====== Page ${i} ======\n\n${sentence()}.\n\n${sections.join("\n\n")}\n`;
}

function generateSite(): void {
  rmSync(ROOT, { recursive: true, force: true });
  for (let i = 0; i < PAGES; i++) {
    const ns = `ns${i % 20}`;
    const changes: string[] = [];
    for (const kind of ["pages", "attic", "meta"]) mkdirSync(path.join(ROOT, "site", kind, ns), { recursive: true });
    let text = "";
    for (let v = 0; v < VERSIONS; v++) {
      const time = T0 + i * 100 + v;
      text = pageText(i, v);
      writeFileSync(path.join(ROOT, "site", "attic", ns, `page${i}.${time}.txt.gz`), gzipSync(text));
      changes.push(`${time}\t10.0.0.1\t${v ? "E" : "C"}\t${ns}:page${i}\tuser${v % 7}\tedit ${v}\t\t0\n`);
    }
    // DokuWiki keeps the current text in pages/ and, since 2011, in the attic as well.
    writeFileSync(path.join(ROOT, "site", "pages", ns, `page${i}.txt`), text);
    writeFileSync(path.join(ROOT, "site", "meta", ns, `page${i}.changes`), changes.join(""));
  }
}

console.log(`Generating a DokuWiki site: ${PAGES} pages × ${VERSIONS} versions…`);
generateSite();
const media = createMediaServices(readMediaConfig({ MEDIA_STORE: "local", MEDIA_DIR: path.join(ROOT, "media-store") }));
for (const engine of ENGINES) {
  const env = { ...process.env, DATABASE_URL: engine.url };
  freshDatabase(env);
  const db = createDb(engine.url);
  try {
    let started = performance.now();
    const report = await importSite(db, media, path.join(ROOT, "site"));
    const importSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const exported = await exportSite(db, media, path.join(ROOT, `export-${engine.name}`));
    const exportSeconds = (performance.now() - started) / 1000;
    console.log(
      `${engine.name}: import-site ${report.pages} pages, ${report.revisions} revisions in ${importSeconds.toFixed(1)} s ` +
        `(${Math.round(report.revisions / importSeconds)} revisions/s); export-site ${exported.revisions} revisions in ${exportSeconds.toFixed(1)} s ` +
        `(${Math.round(exported.revisions / exportSeconds)} revisions/s)`,
    );
  } finally {
    await db.$disconnect();
  }
}

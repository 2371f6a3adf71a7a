// `npm run bench:search` (also the last part of `npm run bench`): full-text search on both engines
// as the wiki grows from 1,000 to 100,000 generated pages (~2 KB of encyclopedia-like text each,
// with sections and links): the time to rebuild the index, then, through HTTP on the production
// build, search latency (p50/p99, one request at a time) for one-word, three-word and phrase
// queries, title suggestions, and the throughput of /search at 16 connections (wrk).
//   BENCH_SEARCH_SIZES=1000,10000 npm run bench:search     to stop earlier
//   BENCH_SEARCH_ENGINES=sqlite npm run bench:search       one engine (sqlite, postgresql)
//   BENCH_SEARCH_KEEP=1 npm run bench:search               the last run's database as it is, not grown or reindexed
import { mkdirSync } from "node:fs";
import type { DocumentJSON, NodeJSON } from "../lib/content/document";
import { createDb, type Db } from "../lib/db";
import { reindexAll } from "../lib/wiki/search";
import { ensureWrk, freshDatabase, startServer, wrk } from "./bench-tools";

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const KEEP = Boolean(process.env.BENCH_SEARCH_KEEP);
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ENGINES = [
  { name: "SQLite", url: "file:./data/bench/search.db" },
  { name: "PostgreSQL", url: "postgresql://postgres@127.0.0.1:5432/palimpsest_bench_search" },
].filter((engine) => !process.env.BENCH_SEARCH_ENGINES || process.env.BENCH_SEARCH_ENGINES.toLowerCase().split(",").includes(engine.name.toLowerCase()));

// Deterministic text: a vocabulary of made-up words drawn with a Zipf-like skew, as real text is.
let seed = 11;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const SYLLABLES = "ka lo mi ne ru ta so vi de pa gro lin tur bel mar cos fen dra hol quin ster ath".split(" ");
const VOCABULARY = Array.from({ length: 6_000 }, (_, i) => {
  let word = "";
  for (let n = i + 7; word.length < 4 || n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});
const word = () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY.length))) - 1)];
const sentence = (length = 10 + Math.floor(random() * 12)) => Array.from({ length }, word).join(" ");

function pageDoc(i: number, total: number): DocumentJSON {
  const content: NodeJSON[] = [];
  for (let section = 0; section < 4; section++) {
    if (section > 0) content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `${word()} ${word()}` }] });
    for (let p = 0; p < 2; p++) {
      const link = `p${Math.floor(random() * total)}`;
      content.push({
        type: "paragraph",
        content: [
          { type: "text", text: `${sentence()}. ${sentence()} ` },
          { type: "text", text: `${word()} ${word()}`, marks: [{ type: "wikiLink", attrs: { target: link, fragment: null } }] },
          { type: "text", text: ` ${sentence()}. ${sentence()}.` },
        ],
      });
    }
  }
  return { type: "doc", content };
}

/** Adds pages up to `total`, straight to the database (saving them one by one would take hours). */
async function growTo(db: Db, from: number, total: number, authorId: string) {
  for (let start = from; start < total; start += 1_000) {
    const ids = Array.from({ length: Math.min(1_000, total - start) }, (_, k) => start + k);
    await db.page.createMany({ data: ids.map((i) => ({ slug: `p${i}`, namespace: i % 10 === 0 ? "science" : "", title: `${word()} ${word()} ${i}` })) });
    const pages = await db.page.findMany({ where: { slug: { in: ids.map((i) => `p${i}`) } }, select: { id: true, slug: true } });
    await db.revision.createMany({
      data: pages.map((p) => {
        const content = JSON.stringify(pageDoc(Number(p.slug.slice(1)), total));
        return { pageId: p.id, number: 1, authorId, content, contentHash: `bench-${p.slug}`, size: content.length, sizeDelta: content.length };
      }),
    });
  }
  await db.$executeRaw`UPDATE "Page" SET "latestRevisionId" = (SELECT r.id FROM "Revision" r WHERE r."pageId" = "Page".id AND r.number = 1),
    "publishedRevisionId" = (SELECT r.id FROM "Revision" r WHERE r."pageId" = "Page".id AND r.number = 1) WHERE "latestRevisionId" IS NULL`;
}

/** p50 and p99 of answering each address, one request at a time, in ms. */
async function latency(urls: string[]) {
  const times: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  const sorted = times.slice(10).sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)], p99: sorted[Math.floor(sorted.length * 0.99)] };
}

/** Queries that find something: words, and phrases and triples taken from one page's text. */
function queries(count: number) {
  const oneWord = Array.from({ length: count }, () => VOCABULARY[Math.floor(random() * 2_000)]);
  const threeWords = Array.from({ length: count }, () => `${word()} ${word()} ${word()}`);
  const phrase = Array.from({ length: count }, () => {
    const text = sentence(2);
    return `"${text}"`;
  });
  const prefix = Array.from({ length: count }, () => VOCABULARY[Math.floor(random() * 3_000)].slice(0, 3 + Math.floor(random() * 3)));
  return { oneWord, threeWords, phrase, prefix };
}

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(12);
ensureWrk();
mkdirSync("data/bench", { recursive: true });
const rows: string[] = [];
for (const engine of ENGINES) {
  const env = { ...process.env, DATABASE_URL: engine.url, PORT: String(PORT), HOSTNAME: "127.0.0.1" };
  if (!KEEP) freshDatabase(env);
  const db = createDb(engine.url);
  const author = KEEP ? null : await db.user.create({ data: { name: "Benchmark", role: "system" } });
  let size = 0;
  for (const target of KEEP ? [await db.page.count()] : SIZES) {
    let reindex = "kept";
    if (author) {
      await growTo(db, size, target, author.id);
      const started = performance.now();
      await reindexAll(db);
      reindex = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      // What autovacuum does on a live site, which a bulk load of pages outruns (reindexAll analyses).
      if (engine.name === "PostgreSQL") await db.$executeRawUnsafe("VACUUM");
    }
    size = target;
    const base = `http://127.0.0.1:${PORT}`;
    const { stop } = await startServer(env, `${base}/api/search/suggest?q=a`);
    try {
      const q = queries(210);
      const api = (text: string) => `${base}/api/search?${new URLSearchParams({ q: text })}`;
      const one = await latency(q.oneWord.map(api));
      const three = await latency(q.threeWords.map(api));
      const phrase = await latency(q.phrase.map(api));
      const suggest = await latency(q.prefix.map((text) => `${base}/api/search/suggest?${new URLSearchParams({ q: text })}`));
      const throughput = wrk("/search", `${base}/search?q=${q.oneWord[0]}`).requestsPerSecond;
      // Different words in turn, more than the front cache keeps: every answer is searched and rendered.
      const distinct = wrk(
        "/search, distinct",
        `${base}/search`,
        [],
        VOCABULARY.slice(0, 2_000).map((w) => `/search?q=${w}`),
      ).requestsPerSecond;
      // The floor under any answer: the search page without a query (its form), a different address each time.
      const form = wrk(
        "/search, the form alone",
        `${base}/search`,
        [],
        Array.from({ length: 2_000 }, (_, i) => `/search?n=${i}`),
      ).requestsPerSecond;
      rows.push(
        `${engine.name.padEnd(11)}${String(size).padStart(8)}${reindex.padStart(10)}` +
          `${ms(one.p50)}${ms(one.p99)}${ms(three.p50)}${ms(three.p99)}${ms(phrase.p50)}${ms(phrase.p99)}${ms(suggest.p50)}${throughput.toFixed(0).padStart(9)}${distinct.toFixed(0).padStart(10)}${form.toFixed(0).padStart(8)}`,
      );
      console.log(rows.at(-1));
    } finally {
      stop();
    }
  }
  await db.$disconnect();
}
console.log(
  "\nSearch through HTTP (one request at a time; /search at 16 connections, wrk: one query, which the front cache keeps, 2,000 queries in turn, and the form alone at 2,000 addresses):",
);
console.log(
  [
    "engine".padEnd(11),
    "pages".padStart(8),
    "reindex".padStart(10),
    ...["1 word p50", "p99", "3 words p50", "p99", "phrase p50", "p99", "suggest p50"].map((h) => h.padStart(12)),
    "req/s".padStart(9),
    "distinct".padStart(10),
    "form".padStart(8),
  ].join(""),
);
for (const row of rows) console.log(row);

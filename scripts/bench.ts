// `npm run bench`: the production build on a new install, measured with wrk at 16 connections:
// reading (the example article and a generated ~100 KB article with 200 citations), saving through
// the API, and the history views (history pages, a diff across 200 revisions), plus the time to
// compute a diff of two 100 KB revisions and to format References in each citation style.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { type DocumentJSON, type NodeJSON, storedDocument } from "../lib/content/document";
import { formatEntries } from "../lib/content/citation-format";
import { CITATION_STYLES } from "../lib/content/citation-styles";
import { toCslItem } from "../lib/content/csl";
import { diffDocuments } from "../lib/content/diff";
import { parseDokuWiki } from "../lib/content/dokuwiki";
import { ADVERSARIAL_DOKUWIKI } from "../test/adversarial-dokuwiki";
import { encode } from "next-auth/jwt";
import { authSecret } from "../lib/auth/secret";
import { createDb } from "../lib/db";
import { databaseKind } from "../lib/db/url";
import { createAccount } from "../lib/wiki/accounts";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { generateBenchArticle } from "./bench-article";
import { savedVersions, startDokuWiki } from "./bench-dokuwiki";
import { CONNECTIONS, DURATION, ensureWrk, freshDatabase, type Result, runCommand, startServer, wrk } from "./bench-tools";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DOKUWIKI_PORT = Number(process.env.BENCH_DOKUWIKI_PORT ?? 3290);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "file:./data/bench/bench.db";
const env = { ...process.env, DATABASE_URL, PORT: String(PORT), HOSTNAME: "127.0.0.1" };

/** The middle and the 90th percentile of some timings, in ms. */
function spread(times: number[]) {
  const sorted = times.slice().sort((x, y) => x - y);
  return { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/** An administrator's credentials for the API: an API token, and a browser session (sent from the site's own origin). */
async function benchCredentials(base: string) {
  const db = createDb(DATABASE_URL);
  const tag = Date.now().toString(36);
  const admin = await createAccount(db, { email: `bench-${tag}@example.org`, name: `Bench ${tag}`, password: "benchmark password" }, { role: "admin" });
  const { token } = await issueApiToken(db, admin, { userId: admin.id, name: "benchmark" });
  await db.$disconnect();
  const session = await encode({ token: { sub: admin.id, name: admin.name, email: admin.email }, secret: authSecret() });
  return { session, bearer: { authorization: `Bearer ${token}` }, cookie: { cookie: `next-auth.session-token=${session}`, origin: base } };
}

/** Counts the benchmark's saves, so that each changes its sentence to a text of its own. */
let edits = 0;

/**
 * Saves a page once through the API with one sentence changed, and says how long it took (ms); the
 * answer must have the `expected` status (201: saved).
 */
async function saveOnce(base: string, pageId: string, headers: Record<string, string>, expected = 201): Promise<number> {
  const edit = edits++;
  const current = (await (await fetch(`${base}/api/pages/${pageId}`)).json()) as { revision: { id: number }; doc: DocumentJSON };
  const sentences = current.doc.content.filter((n) => n.type === "paragraph" && n.content?.[0]?.type === "text");
  const text = sentences[edit % sentences.length].content![0];
  text.text = `${text.text!.replace(/ \(edit \d+\)$/, "")} (edit ${edit})`;
  const body = JSON.stringify({ doc: current.doc, summary: `Benchmark save ${edit}`, baseRevisionId: current.revision.id });
  const started = performance.now();
  const response = await fetch(`${base}/api/pages/${pageId}/revisions`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  const elapsed = performance.now() - started;
  if (response.status !== expected) throw new Error(`save ${edit} of ${pageId} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return elapsed;
}

/**
 * Saves the example article with one sentence changed (a different paragraph each time), one save
 * after another, by API token and by session in turn, timing each request (not the read before it).
 */
async function benchSaves(base: string, count: number, credentials: Awaited<ReturnType<typeof benchCredentials>>) {
  const times = { bearer: [] as number[], session: [] as number[] };
  for (let i = 0; i < count; i++) {
    const kind = i % 2 ? "session" : "bearer";
    const elapsed = await saveOnce(base, "gpt_5_2", kind === "bearer" ? credentials.bearer : credentials.cookie);
    if (i >= 10) times[kind].push(elapsed); // the first saves warm the server up
  }
  return { count, bearer: spread(times.bearer), session: spread(times.session) };
}

/**
 * The floor under a save: the same request without credentials, refused once its body is read and
 * checked, before the database is asked anything, timed as the saves are.
 */
async function benchRefusedSaves(base: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const elapsed = await saveOnce(base, "gpt_5_2", { origin: base }, 401);
    if (i >= 10) times.push(elapsed);
  }
  return spread(times);
}

/**
 * DokuWiki's editor saves its example article `count` times, one paragraph changed each, timing each
 * save and the page it then shows the editor.
 */
async function benchDokuWikiSaves(dokuwiki: Awaited<ReturnType<typeof startDokuWiki>>, count: number) {
  const editor = await dokuwiki.signIn();
  const versions = savedVersions(EXAMPLE, 200 + count).slice(200);
  const saves: number[] = [];
  const views: number[] = [];
  for (const [i, text] of versions.entries()) {
    const { save, view } = await editor.save("gpt_5_2", text, `Benchmark save ${i}`);
    if (i < 10) continue; // the first saves warm the server up
    saves.push(save);
    views.push(view);
  }
  return { count, save: spread(saves), view: spread(views) };
}

/** The bytes a browser downloads for a page: the body as sent, compressed when the server compresses. */
function sentBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip, deflate, br" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve(bytes));
    }).on("error", reject);
  });
}

/** Time to answer a request for a page, in ms, and its size. */
async function timedGet(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const bytes = (await response.arrayBuffer()).byteLength;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, bytes };
}

/**
 * What a cache miss costs: the page's first read after a save of its article (rendered by Next.js),
 * against a read answered from the cache; as anonymous and signed-in readers.
 */
async function benchCacheMiss(base: string, page: { url: string; article: string }, credentials: Awaited<ReturnType<typeof benchCredentials>>) {
  const result: Record<string, { miss: number; hit: number }> = {};
  for (const [who, headers] of [
    ["anonymous", {}],
    ["signed in", { cookie: credentials.cookie.cookie }],
  ] as const) {
    const misses: number[] = [];
    const hits: number[] = [];
    for (let round = 0; round < 5; round++) {
      await saveOnce(base, page.article, credentials.bearer);
      misses.push((await timedGet(page.url, headers)).ms);
      for (let i = 0; i < 3; i++) hits.push((await timedGet(page.url, headers)).ms);
    }
    result[who] = { miss: spread(misses).median, hit: spread(hits).median };
  }
  return result;
}

const LONG_HISTORY = 100_000;

/** A page with a very long history, written straight to the database (saving 100,000 times would take minutes). */
async function seedLongHistory(pageId: string) {
  const db = createDb(DATABASE_URL);
  const author = await db.user.findFirstOrThrow({ where: { role: "system" }, select: { id: true } });
  const page = await db.page.create({ data: { slug: pageId, title: "A page with a long history" } });
  for (let start = 0; start < LONG_HISTORY; start += 5_000) {
    await db.revision.createMany({
      data: Array.from({ length: Math.min(5_000, LONG_HISTORY - start) }, (_, i) => {
        const n = start + i + 1;
        const content = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Version ${n} of this page.` }] }] });
        return {
          pageId: page.id,
          number: n,
          authorId: author.id,
          content,
          contentHash: `bench-${n}`,
          size: content.length,
          sizeDelta: n === 1 ? content.length : 0,
          summary: `Edit ${n}`,
        };
      }),
    });
  }
  const latest = await db.revision.findUniqueOrThrow({ where: { pageId_number: { pageId: page.id, number: LONG_HISTORY } }, select: { id: true } });
  await db.page.update({ where: { id: page.id }, data: { latestRevisionId: latest.id, publishedRevisionId: latest.id } });
  await db.$disconnect();
}

/** The example article's markup, as DokuWiki holds it. */
const EXAMPLE = readFileSync("prisma/seed/gpt_5_2.txt", "utf8");
const MANY_PAGES = 10_000;
/** How long the server is left idle before its memory is read again. */
const IDLE_MS = 45_000;

/** Many short pages, each with one revision, written straight to the database. */
async function seedManyPages(prefix: string) {
  const db = createDb(DATABASE_URL);
  const author = await db.user.findFirstOrThrow({ where: { role: "system" }, select: { id: true } });
  await db.page.createMany({ data: Array.from({ length: MANY_PAGES }, (_, i) => ({ slug: `${prefix}${i}`, title: `Page ${i}` })) });
  const pages = await db.page.findMany({ where: { slug: { startsWith: prefix } }, select: { id: true, slug: true } });
  for (let start = 0; start < pages.length; start += 2_000) {
    await db.revision.createMany({
      data: pages.slice(start, start + 2_000).map((page) => {
        const text = `${page.slug} is one of ${MANY_PAGES} pages. `.repeat(40);
        const content = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
        return { pageId: page.id, number: 1, authorId: author.id, content, contentHash: `bench-${page.slug}`, size: content.length, sizeDelta: content.length, summary: "Seeded" };
      }),
    });
  }
  await db.$executeRaw`UPDATE "Page" SET "latestRevisionId" = (SELECT r.id FROM "Revision" r WHERE r."pageId" = "Page".id), "publishedRevisionId" = (SELECT r.id FROM "Revision" r WHERE r."pageId" = "Page".id) WHERE slug LIKE ${`${prefix}%`}`;
  await db.$disconnect();
}

/**
 * What autovacuum does on a live site after a bulk load like the seeding above: done now, so that
 * PostgreSQL does not catch up with it while the reading is measured.
 */
async function settleDatabase() {
  const db = createDb(DATABASE_URL);
  if (databaseKind(DATABASE_URL) === "postgres") await db.$executeRawUnsafe("VACUUM ANALYZE");
  await db.$disconnect();
}

/** The resident memory of the server process (the one running scripts/server.ts), in MB. */
function serverMemoryMb(): number {
  const pid = execFileSync("pgrep", ["-f", "scripts/server.ts"], { encoding: "utf8" }).trim().split("\n").pop()!;
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1];
  return Number(rss) / 1024;
}

/** Reads every seeded page once (eight at a time), so the front cache keeps them all; their bytes. */
async function readManyPages(base: string, prefix: string): Promise<number> {
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < MANY_PAGES) bytes += (await timedGet(`${base}/wiki/${prefix}${next++}`)).bytes;
    }),
  );
  return bytes;
}

/** Two 100 KB revisions apart by edits all through the text, a moved paragraph, a removal and an insertion. */
async function benchDiffComputation(pageId: string, runs = 40) {
  const db = createDb(DATABASE_URL);
  const page = await db.page.findUniqueOrThrow({ where: { slug: pageId }, select: { latestRevision: { select: { content: true } } } });
  await db.$disconnect();
  const before = storedDocument(page.latestRevision!.content);
  const after = structuredClone(before);
  const paragraphs = after.content.filter((n: NodeJSON) => n.type === "paragraph" && n.content?.some((c) => c.type === "text"));
  paragraphs.forEach((p, i) => {
    if (i % 6 !== 0) return;
    const text = p.content!.find((c) => c.type === "text")!;
    text.text = text.text!.replace(/\b(\w+) (\w+)/, "$2 revised $1");
  });
  const moved = after.content.splice(10, 1)[0];
  after.content.splice(after.content.length - 5, 0, moved);
  after.content.splice(30, 1);
  after.content.splice(50, 0, { type: "paragraph", content: [{ type: "text", text: "A paragraph added in the newer revision." }] });
  const size = (d: DocumentJSON) => Buffer.byteLength(JSON.stringify(d));
  const times: number[] = [];
  let changes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    changes = diffDocuments(before, after).changeCount;
    times.push(performance.now() - started);
  }
  const sorted = times.slice(5).sort((a, b) => a - b);
  return { sizes: [size(before), size(after)], changes, median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/**
 * Formatting References: 200 sources in each style, the first time (the style is read), again with
 * every source changed (no cached entry), and once more unchanged (each entry from the cache).
 */
async function benchCitationFormatting() {
  const items = (edition: string) =>
    Array.from({ length: 200 }, (_, i) =>
      toCslItem({
        id: `s${i}`,
        type: i % 3 ? "webpage" : "article-journal",
        title: `Study ${i + 1} of frontier models${edition}`,
        authors: [{ family: `Author${i}`, given: "Ada" }],
        containerTitle: "Journal of Evaluation",
        publisher: null,
        issued: `${2020 + (i % 7)}-03`,
        accessed: "2026-11-01",
        url: `https://journal.example/articles/${i + 1}`,
      }),
    );
  const time = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const results = [];
  for (const { id, label } of CITATION_STYLES) {
    results.push({
      label,
      first: await time(() => formatEntries(items(""), id)),
      changed: await time(() => formatEntries(items(", revised"), id)),
      cached: await time(() => formatEntries(items(", revised"), id)),
    });
  }
  return results;
}

/** Parsing each adversarial megabyte of DokuWiki markup (the best of three runs, in ms). */
function benchAdversarialParsing() {
  return ADVERSARIAL_DOKUWIKI.map(([name, markup]) => {
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      parseDokuWiki(markup);
      return performance.now() - started;
    });
    return { name, ms: Math.min(...times) };
  });
}

ensureWrk();
runCommand("bash", ["scripts/ensure-dokuwiki.sh"], process.env);
const dataDir = path.resolve("data/bench");
mkdirSync(dataDir, { recursive: true });
const largeFile = path.join(dataDir, "frontier_model_evaluation.txt");
writeFileSync(largeFile, generateBenchArticle({ targetBytes: 100_000, citations: 200 }));

freshDatabase(env);
runCommand("npx", ["tsx", "scripts/wiki.ts", "import", largeFile], env);
await seedLongHistory("bench_long_history");
await seedManyPages("bench_many_");
await settleDatabase();

const base = `http://127.0.0.1:${PORT}`;
// DokuWiki holds the same two articles, the example with as many revisions as the saves below make.
const dokuwiki = await startDokuWiki(DOKUWIKI_PORT, [
  { id: "gpt_5_2", versions: savedVersions(EXAMPLE, 200) },
  { id: "frontier_model_evaluation", versions: [readFileSync(largeFile, "utf8")] },
]);
// Cold start: the first reads of each article once the server says it is ready (it warms itself up
// meanwhile): on a new install, then after a restart.
const firstReads = async () => {
  const reads: string[] = [];
  for (const article of ["gpt_5_2", "frontier_model_evaluation"]) reads.push(`${article}: ${(await timedGet(`${base}/wiki/${article}`)).ms.toFixed(0)} ms`);
  return reads.join(", ");
};
const firstStart = await startServer(env, `${base}/`);
const firstEver = await firstReads();
await firstStart.stop();
const { stop } = await startServer(env, `${base}/`);
try {
  const afterRestart = await firstReads();
  const credentials = await benchCredentials(base);
  const saves = await benchSaves(base, 199, credentials); // the example article then has 200 revisions
  const refused = await benchRefusedSaves(base, 100);
  const signedIn = [`Cookie: next-auth.session-token=${credentials.session}`];
  const { addresses: dw } = dokuwiki;
  const pages = [
    { name: "example article (gpt_5_2)", url: `${base}/wiki/gpt_5_2`, article: "gpt_5_2", dokuwiki: dw.article("gpt_5_2") },
    {
      name: "100 KB article, 200 citations",
      url: `${base}/wiki/frontier_model_evaluation`,
      article: "frontier_model_evaluation",
      dokuwiki: dw.article("frontier_model_evaluation"),
    },
    { name: "history, 200 revisions", url: `${base}/wiki/gpt_5_2/history`, article: "gpt_5_2", dokuwiki: dw.history("gpt_5_2") },
    { name: "diff, revisions 1 → 200", url: `${base}/wiki/gpt_5_2/diff?from=1&to=200`, article: "gpt_5_2", dokuwiki: dw.diff("gpt_5_2", 1, 200) },
    { name: "history, 100,000 revisions", url: `${base}/wiki/bench_long_history/history`, article: null, dokuwiki: null },
    { name: "history, 100,000, page 1,000", url: `${base}/wiki/bench_long_history/history?before=50001`, article: null, dokuwiki: null },
  ];
  /** The page's size (its HTML, and what a browser downloads), after enough reads to warm up whatever serves it. */
  const warmedSize = async (url: string) => {
    const { bytes } = await timedGet(url);
    for (let i = 0; i < 20; i++) await timedGet(url);
    return { html: bytes, sent: await sentBytes(url) };
  };
  const size = ({ html, sent }: { html: number; sent: number }) => `${(html / 1024).toFixed(0)} / ${(sent / 1024).toFixed(0)} KB`.padStart(15);
  type Sizes = Awaited<ReturnType<typeof warmedSize>>;
  const results: { anonymous: Result; signedIn: Result; sizes: Sizes; dokuwiki: (Result & { sizes: Sizes }) | null }[] = [];
  for (const page of pages) {
    const sizes = await warmedSize(page.url);
    const [anonymous, signedInResult] = [wrk(page.name, page.url), wrk(page.name, page.url, signedIn)];
    let dokuwikiResult = null;
    if (page.dokuwiki) {
      const dokuwikiSizes = await warmedSize(page.dokuwiki);
      dokuwikiResult = { ...wrk(page.name, page.dokuwiki), sizes: dokuwikiSizes };
    }
    results.push({ anonymous, signedIn: signedInResult, sizes, dokuwiki: dokuwikiResult });
  }
  // Measured after the reading runs, whose diff of revisions 1 and 200 the saves below keep valid.
  const misses: { name: string; cost: Awaited<ReturnType<typeof benchCacheMiss>> }[] = [];
  for (const page of pages) {
    if (page.article) misses.push({ name: page.name, cost: await benchCacheMiss(base, { url: page.url, article: page.article }, credentials) });
  }
  // DokuWiki's saves of the same article by its signed-in editor, after its reading runs.
  const dokuwikiSaves = await benchDokuWikiSaves(dokuwiki, 100);
  // Memory with many pages kept: the server process before and after every seeded page was read.
  const memoryBefore = serverMemoryMb();
  const manyBytes = await readManyPages(base, "bench_many_");
  const memoryAfter = serverMemoryMb();
  // V8 gives back what the renders used only once the process has been idle a while.
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const memoryIdle = serverMemoryMb();
  const diffTime = await benchDiffComputation("frontier_model_evaluation");
  const formatting = await benchCitationFormatting();
  const parsing = benchAdversarialParsing();

  console.log(`\nReading, ${CONNECTIONS} connections, ${DURATION} each (wrk), as anonymous and as signed-in readers get each page:`);
  console.log(
    "page".padEnd(34),
    "req/s".padStart(9),
    "p50".padStart(9),
    "p99".padStart(9),
    "signed in".padStart(10),
    "p50".padStart(9),
    "p99".padStart(9),
    "HTML / sent".padStart(15),
  );
  for (const { anonymous: a, signedIn: s, sizes } of results) {
    console.log(
      a.name.padEnd(34),
      a.requestsPerSecond.toFixed(0).padStart(9),
      a.p50.padStart(9),
      a.p99.padStart(9),
      s.requestsPerSecond.toFixed(0).padStart(10),
      s.p50.padStart(9),
      s.p99.padStart(9),
      size(sizes),
    );
  }
  console.log(`\nDokuWiki (Debian's package, PHP's server with OPcache and ${dokuwiki.workers} workers) in the same run, the same pages for everyone:`);
  console.log("page".padEnd(34), "req/s".padStart(9), "p50".padStart(9), "p99".padStart(9), "HTML / sent".padStart(15), "ours ÷ DokuWiki".padStart(22));
  for (const { anonymous: a, signedIn: s, dokuwiki: d } of results) {
    if (!d) continue;
    const ratio = (ours: Result) => (ours.requestsPerSecond / d.requestsPerSecond).toFixed(1);
    console.log(
      a.name.padEnd(34),
      d.requestsPerSecond.toFixed(0).padStart(9),
      d.p50.padStart(9),
      d.p99.padStart(9),
      size(d.sizes),
      `${ratio(a)} anon, ${ratio(s)} signed in`.padStart(22),
    );
  }
  console.log(
    `\nMemory of the server process: ${memoryBefore.toFixed(0)} MB, then ${memoryAfter.toFixed(0)} MB once ${MANY_PAGES.toLocaleString("en")} more pages were read and kept (${(manyBytes / 1024 / 1024).toFixed(0)} MB of pages), ${memoryIdle.toFixed(0)} MB after ${IDLE_MS / 1000} s idle.`,
  );
  console.log(`\nThe first read of each article just after the first start: ${firstEver}; just after a restart: ${afterRestart}.`);
  console.log(`\nSaving through the API, one after another (${saves.count} saves of gpt_5_2, one sentence changed each, by API token and by session in turn):`);
  console.log(`API token: median ${saves.bearer.median.toFixed(1)} ms, p90 ${saves.bearer.p90.toFixed(1)} ms`);
  console.log(`session:   median ${saves.session.median.toFixed(1)} ms, p90 ${saves.session.p90.toFixed(1)} ms`);
  console.log(`the same request without credentials, refused before the database is asked: median ${refused.median.toFixed(1)} ms, p90 ${refused.p90.toFixed(1)} ms`);
  console.log(
    `DokuWiki, ${dokuwikiSaves.count} saves of the same article through its edit form, signed in: median ${dokuwikiSaves.save.median.toFixed(1)} ms, p90 ${dokuwikiSaves.save.p90.toFixed(1)} ms;`,
    `then the page it shows: median ${dokuwikiSaves.view.median.toFixed(1)} ms (ours, the first read after a save: below)`,
  );
  console.log("\nA cache miss: the first read after a save of the page (rendered by Next.js) against a cached read, median ms:");
  console.log("page".padEnd(34), "miss".padStart(9), "cached".padStart(9), "signed in".padStart(10), "cached".padStart(9));
  for (const { name, cost } of misses) {
    const a = cost.anonymous;
    const s = cost["signed in"];
    console.log(name.padEnd(34), a.miss.toFixed(1).padStart(9), a.hit.toFixed(1).padStart(9), s.miss.toFixed(1).padStart(10), s.hit.toFixed(1).padStart(9));
  }
  console.log(
    `\nComputing a diff of two 100 KB revisions (${(diffTime.sizes[0] / 1024).toFixed(0)} KB and ${(diffTime.sizes[1] / 1024).toFixed(0)} KB of stored JSON, ${diffTime.changes} changed blocks):`,
  );
  console.log(`median ${diffTime.median.toFixed(1)} ms, p90 ${diffTime.p90.toFixed(1)} ms`);
  console.log("\nFormatting 200 References (ms per entry): the style's first use, every source changed, every entry cached:");
  for (const f of formatting) {
    console.log(f.label.padEnd(40), (f.first / 200).toFixed(2).padStart(8), (f.changed / 200).toFixed(2).padStart(8), (f.cached / 200).toFixed(3).padStart(8));
  }
  console.log("\nParsing a megabyte of adversarial DokuWiki markup (ms, best of three):");
  for (const p of parsing) console.log(p.name.padEnd(44), p.ms.toFixed(0).padStart(8));
} finally {
  stop();
  dokuwiki.stop();
}

// `npm run bench:media` (also part of `npm run bench`): the production build on a new SQLite
// database with the local store. Uploads of a 5 MB JPEG through the API (p50, with the thumbnails
// the article then asks for), a thumbnail served at 16 connections (wrk; made before, so served by
// the static path), and an article with 20 figures against the same article without them, for
// anonymous readers (the article cache) and signed-in ones (rendered each time).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import sharp from "sharp";
import { authSecret } from "../lib/auth/secret";
import { createDb } from "../lib/db";
import { createAccount } from "../lib/wiki/accounts";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { importDokuWikiPage } from "../lib/wiki/import";
import { CONNECTIONS, DURATION, ensureWrk, freshDatabase, type Result, startServer, wrk } from "./bench-tools";

const PORT = Number(process.env.BENCH_PORT ?? 3202);
const DATABASE_URL = "file:./data/bench/media.db";
const MEDIA_DIR = path.resolve("data/bench/media-store");
const env = { ...process.env, DATABASE_URL, MEDIA_STORE: "local", MEDIA_DIR, PORT: String(PORT), HOSTNAME: "127.0.0.1" };
const FIGURES = 20;
/** Runs of each page, alternating; the median counts. */
const ROUNDS = 3;
const UPLOADS = 12;

/** A photograph-like JPEG of about 5 MB: noise does not compress. */
async function fiveMegabyteJpeg(seed: number): Promise<Buffer> {
  const width = 2600;
  const height = 1900;
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed * 7919 + 1;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = state >> 23;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The same article text, with or without a figure after each paragraph. */
function article(title: string, figures: boolean): string {
  const paragraphs = Array.from(
    { length: FIGURES },
    (_, i) =>
      `Paragraph ${i + 1} of the article, long enough to read as text: the press spread across Europe within fifty years, and printed books outnumbered manuscripts by 1500.((A source, p. ${i + 1}.))` +
      (figures ? `\n\n{{bench:picture_${i}.jpg?320|Picture ${i + 1}, a photograph}}` : ""),
  );
  return `====== ${title} ======\n\n${paragraphs.join("\n\n")}\n`;
}

ensureWrk();
mkdirSync(path.resolve("data/bench"), { recursive: true });
rmSync(MEDIA_DIR, { recursive: true, force: true });
freshDatabase(env);

const db = createDb(DATABASE_URL);
const admin = await createAccount(db, { email: "bench-media@example.org", name: "Bench media", password: "benchmark password" }, { role: "admin" });
const { token } = await issueApiToken(db, admin, { userId: admin.id, name: "benchmark" });
await importDokuWikiPage(db, { markup: article("With figures", true), pageId: "bench_with_figures" });
await importDokuWikiPage(db, { markup: article("Without figures", false), pageId: "bench_without_figures" });
await db.$disconnect();
const session = await encode({ token: { sub: admin.id, name: admin.name, email: admin.email }, secret: authSecret() });

const base = `http://127.0.0.1:${PORT}`;
const { stop } = await startServer(env, `${base}/`);
try {
  // Uploads: each a new 5 MB photograph, then the two thumbnails an article shows it with.
  const uploads: number[] = [];
  for (let i = 0; i < Math.max(UPLOADS, FIGURES); i++) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await fiveMegabyteJpeg(i))], { type: "image/jpeg" }), `picture_${i}.jpg`);
    form.append("name", i < FIGURES ? `bench:picture_${i}.jpg` : `bench:extra_${i}.jpg`);
    form.append("alt", `Photograph ${i + 1}`);
    const started = performance.now();
    const response = await fetch(`${base}/api/media`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    if (response.status !== 201) throw new Error(`upload ${i} answered ${response.status}: ${await response.text()}`);
    uploads.push(performance.now() - started);
  }
  const sorted = uploads.sort((a, b) => a - b);

  // Every thumbnail the article asks a browser for, made once (as the first reader makes them).
  const html = await (await fetch(`${base}/wiki/bench_with_figures`)).text();
  const thumbnails = [...new Set([...html.matchAll(/\/files\/[0-9a-f]{64}\/thumbnails\/\d+\.\w+/g)].map((m) => m[0]))];
  const made: number[] = [];
  for (const address of thumbnails) {
    const started = performance.now();
    const response = await fetch(base + address);
    if (!response.ok) throw new Error(`${address} answered ${response.status}`);
    await response.arrayBuffer();
    made.push(performance.now() - started);
  }
  const thumbnail = thumbnails.find((t) => t.endsWith("/320.avif")) ?? thumbnails[0];

  const signedIn = [`Cookie: next-auth.session-token=${session}`];
  for (const url of [`${base}/wiki/bench_with_figures`, `${base}/wiki/bench_without_figures`]) for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
  // The two pages in turn, three times, each figure the median of its runs: this machine's speed
  // drifts more over a minute than 20 figures cost.
  const runs: Record<"withAnonymous" | "withSignedIn" | "withoutAnonymous" | "withoutSignedIn", Result[]> = {
    withAnonymous: [],
    withSignedIn: [],
    withoutAnonymous: [],
    withoutSignedIn: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    runs.withAnonymous.push(wrk("article, 20 figures", `${base}/wiki/bench_with_figures`));
    runs.withoutAnonymous.push(wrk("the same without figures", `${base}/wiki/bench_without_figures`));
    runs.withSignedIn.push(wrk("article, 20 figures", `${base}/wiki/bench_with_figures`, signedIn));
    runs.withoutSignedIn.push(wrk("the same without figures", `${base}/wiki/bench_without_figures`, signedIn));
  }
  const median = (results: Result[]) => [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(results.length / 2)];
  const withFigures = { anonymous: median(runs.withAnonymous), signedIn: median(runs.withSignedIn) };
  const without = { anonymous: median(runs.withoutAnonymous), signedIn: median(runs.withoutSignedIn) };
  const served = wrk("a thumbnail (320 px AVIF)", base + thumbnail);

  console.log(`\nMedia, ${CONNECTIONS} connections, ${DURATION} each (wrk; the pages the median of ${ROUNDS} alternating runs), on SQLite with the local store:`);
  console.log(
    `upload of a 5 MB JPEG through the API (${sorted.length} uploads): p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(0)} ms`,
  );
  const madeSorted = made.sort((a, b) => a - b);
  console.log(
    `making a thumbnail on its first request (${made.length}, each size and format the article names): p50 ${madeSorted[Math.floor(madeSorted.length / 2)].toFixed(0)} ms, max ${madeSorted.at(-1)!.toFixed(0)} ms`,
  );
  console.log(`${served.name}: ${served.requestsPerSecond.toFixed(0)} req/s, p50 ${served.p50}, p99 ${served.p99}`);
  console.log("page".padEnd(30), "anonymous".padStart(10), "p50".padStart(9), "signed in".padStart(10), "p50".padStart(9));
  for (const { anonymous: a, signedIn: s } of [withFigures, without]) {
    console.log(a.name.padEnd(30), a.requestsPerSecond.toFixed(0).padStart(10), a.p50.padStart(9), s.requestsPerSecond.toFixed(0).padStart(10), s.p50.padStart(9));
  }
  const slower = (a: number, b: number) => `${(((b - a) / b) * 100).toFixed(1)} %`;
  console.log(
    `20 figures cost ${slower(withFigures.anonymous.requestsPerSecond, without.anonymous.requestsPerSecond)} of anonymous throughput, ${slower(withFigures.signedIn.requestsPerSecond, without.signedIn.requestsPerSecond)} signed in`,
  );
} finally {
  stop();
}

// `npm run bench:servers`: a site on PostgreSQL and Redis served by more than one process. Reading
// with one worker and with two behind one port (wrk, 16 connections); what a page costs the second
// of two servers when the first rendered it (from Redis) against rendering it; and how soon a save
// on one server is read on the other.
import { encode } from "next-auth/jwt";
import { authSecret } from "../lib/auth/secret";
import { closeSharedRedis } from "../lib/cache/redis";
import { type DocumentJSON } from "../lib/content/document";
import { createDb } from "../lib/db";
import { createAccount } from "../lib/wiki/accounts";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { savePageRevision } from "../lib/wiki/revisions";
import { CONNECTIONS, DURATION, ensureWrk, freshDatabase, type Result, startServer, wrk } from "./bench-tools";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/palimpsest_bench_servers";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const [PORT_A, PORT_B] = [3210, 3211];
const env = (port: number, workers: number) => ({ ...process.env, DATABASE_URL, REDIS_URL, PORT: String(port), HOSTNAME: "127.0.0.1", WEB_CONCURRENCY: String(workers) });
const PAGES = 40;

const median = (times: number[]) => times.slice().sort((x, y) => x - y)[Math.floor(times.length / 2)];
const p90 = (times: number[]) => times.slice().sort((x, y) => x - y)[Math.floor(times.length * 0.9)];

async function timedText(url: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(url, { ...init, headers: { "accept-encoding": "gzip", ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, text, from: response.headers.get("x-cache") ?? "render" };
}

const paragraph = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

ensureWrk();
freshDatabase(env(PORT_A, 1));
const db = createDb(DATABASE_URL);
const tag = Date.now().toString(36);
const admin = await createAccount(db, { email: `bench-${tag}@example.org`, name: `Bench ${tag}`, password: "benchmark password" }, { role: "admin" });
const { token } = await issueApiToken(db, admin, { userId: admin.id, name: "benchmark" });
const session = await encode({ token: { sub: admin.id, name: admin.name, email: admin.email }, secret: authSecret() });
const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };

const [a, b] = [`http://127.0.0.1:${PORT_A}`, `http://127.0.0.1:${PORT_B}`];
let serverA = await startServer(env(PORT_A, 1), `${a}/`);
const serverB = await startServer(env(PORT_B, 1), `${b}/`);
try {
  // Pages written before anything is read, so both servers have long heard of them.
  for (let i = 0; i < PAGES; i++) {
    await savePageRevision(db, { pageId: `bench_shared_${i}`, doc: paragraph(`Shared page ${i}.`), authorId: admin.id, summary: "Bench", baseRevisionId: null });
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  // The first read on A renders; the first on B, once A has stored the page, comes from Redis.
  const rendered: number[] = [];
  const shared: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const url = `/wiki/bench_shared_${i}`;
    rendered.push((await timedText(a + url)).ms);
    // Asked with HEAD until it is there: B keeps nothing of its own for a HEAD.
    for (let tries = 0; (await fetch(b + url, { method: "HEAD", headers: { "accept-encoding": "gzip" } })).headers.get("x-cache") !== "shared"; tries++) {
      if (tries > 100) throw new Error(`${url} never reached the shared cache`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const read = await timedText(b + url);
    if (read.from !== "shared") throw new Error(`${url} on the second server came from ${read.from}`);
    shared.push(read.ms);
  }

  // A save on A, then reads on B until they show it.
  const seen: number[] = [];
  let base = (await (await fetch(`${a}/api/pages/bench_shared_0`)).json()) as { revision: { id: number } };
  await timedText(`${b}/wiki/bench_shared_0`);
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${a}/api/pages/bench_shared_0/revisions`, {
      method: "POST",
      headers: bearer,
      body: JSON.stringify({ doc: paragraph(`Edit ${i} of the shared page.`), summary: "Bench", baseRevisionId: base.revision.id }),
    });
    if (response.status !== 201) throw new Error(`save answered ${response.status}`);
    const saved = performance.now();
    base = (await response.json()) as { revision: { id: number } };
    while (!(await timedText(`${b}/wiki/bench_shared_0`)).text.includes(`Edit ${i} of`));
    seen.push(performance.now() - saved);
  }

  const signedIn = [`Cookie: next-auth.session-token=${session}`];
  const reading = (base: string, label: string) => {
    const rows: { label: string; anonymous: Result; signedIn: Result }[] = [];
    for (const [name, path] of [
      ["example article", "/wiki/gpt_5_2"],
      ["history", "/wiki/gpt_5_2/history"],
    ]) {
      rows.push({ label: `${label}, ${name}`, anonymous: wrk(name, base + path), signedIn: wrk(name, base + path, signedIn) });
    }
    return rows;
  };
  for (let i = 0; i < 20; i++) await fetch(`${a}/wiki/gpt_5_2/history`);
  const rows = reading(a, "1 worker");
  serverA.stop();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  serverA = await startServer(env(PORT_A, 2), `${a}/`);
  for (let i = 0; i < 40; i++) await fetch(`${a}/wiki/gpt_5_2/history`);
  rows.push(...reading(a, "2 workers"));

  console.log(`\nOne port on PostgreSQL and Redis, ${CONNECTIONS} connections, ${DURATION} each (wrk):`);
  console.log("server, page".padEnd(30), "req/s".padStart(9), "p99".padStart(9), "signed in".padStart(10), "p99".padStart(9));
  for (const row of rows) {
    console.log(
      row.label.padEnd(30),
      row.anonymous.requestsPerSecond.toFixed(0).padStart(9),
      row.anonymous.p99.padStart(9),
      row.signedIn.requestsPerSecond.toFixed(0).padStart(10),
      row.signedIn.p99.padStart(9),
    );
  }
  console.log(
    `\nA page's first read (${PAGES} pages, median ms): rendered on the first server ${median(rendered).toFixed(1)}, then on the second from Redis ${median(shared).toFixed(1)}.`,
  );
  console.log(`A save on the first server read on the second after: median ${median(seen).toFixed(1)} ms, p90 ${p90(seen).toFixed(1)} ms.`);
} finally {
  serverA.stop();
  serverB.stop();
  await db.$disconnect();
  await closeSharedRedis();
}

// `npm run bench`: reading throughput of the production build on a new install (the example
// article and a generated ~100 KB article with 200 citations), measured with wrk at 16 connections.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DocumentJSON } from "../lib/content/document";
import { createDb } from "../lib/db";
import { createAccount } from "../lib/wiki/accounts";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { generateBenchArticle } from "./bench-article";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "file:./data/bench/bench.db";
const DURATION = process.env.BENCH_DURATION ?? "10s";
const CONNECTIONS = 16;
const env = { ...process.env, DATABASE_URL, PORT: String(PORT), HOSTNAME: "127.0.0.1" };

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function ensureWrk() {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("Installing wrk (Debian's package)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "update", "-qq"], { stdio: "inherit" });
  execFileSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), "install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

async function waitForServer(url: string, server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("The server stopped before it was ready.");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer at ${url}.`);
}

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: string;
  p99: string;
  bytes: number;
}

function wrk(name: string, url: string): Result {
  const out = execFileSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${DURATION}`, "--latency", url], { encoding: "utf8" });
  const field = (re: RegExp) => re.exec(out)?.[1] ?? "?";
  if (/Non-2xx or 3xx responses/.test(out)) throw new Error(`${url} answered with errors:\n${out}`);
  return {
    name,
    requestsPerSecond: Number(field(/Requests\/sec:\s+([\d.]+)/)),
    p50: field(/^\s+50%\s+(\S+)/m),
    p99: field(/^\s+99%\s+(\S+)/m),
    bytes: 0,
  };
}

/** Saves the example article with one sentence changed, again and again, timing each request. */
async function benchSaves(base: string, count = 100) {
  const db = createDb(DATABASE_URL);
  const tag = Date.now().toString(36);
  const admin = await createAccount(db, { email: `bench-${tag}@example.org`, name: `Bench ${tag}`, password: "benchmark password" }, { role: "admin" });
  const { token } = await issueApiToken(db, admin, { userId: admin.id, name: "benchmark" });
  await db.$disconnect();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const current = (await (await fetch(`${base}/api/pages/gpt_5_2`)).json()) as { revision: { id: number }; doc: DocumentJSON };
  let baseRevisionId = current.revision.id;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = structuredClone(current.doc);
    const first = doc.content[0].content![0];
    first.text = `${first.text!.replace(/ \(\d+\)$/, "")} (${i})`;
    const body = JSON.stringify({ doc, summary: `Benchmark save ${i}`, baseRevisionId });
    const started = performance.now();
    const response = await fetch(`${base}/api/pages/gpt_5_2/revisions`, { method: "POST", headers, body });
    const result = (await response.json()) as { revision: { id: number } };
    times.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`save ${i} answered ${response.status}: ${JSON.stringify(result)}`);
    baseRevisionId = result.revision.id;
  }
  const sorted = times.slice(10).sort((a, b) => a - b); // the first saves warm the server up
  return { count, median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

ensureWrk();
const dataDir = path.resolve("data/bench");
mkdirSync(dataDir, { recursive: true });
const largeFile = path.join(dataDir, "frontier_model_evaluation.txt");
writeFileSync(largeFile, generateBenchArticle({ targetBytes: 100_000, citations: 200 }));

run("npx", ["tsx", "scripts/reset-database.ts"]);
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "scripts/wiki.ts", "import", largeFile]);

const server = spawn("npx", ["tsx", "scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stop = () => {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
};
process.on("exit", stop);

try {
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/`, server);
  const pages = [
    { name: "example article (gpt_5_2)", url: `${base}/wiki/gpt_5_2` },
    { name: "100 KB article, 200 citations", url: `${base}/wiki/frontier_model_evaluation` },
  ];
  const results: Result[] = [];
  for (const page of pages) {
    const response = await fetch(page.url);
    if (!response.ok) throw new Error(`${page.url} answered ${response.status}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    for (let i = 0; i < 50; i++) await (await fetch(page.url)).arrayBuffer(); // warm up
    results.push({ ...wrk(page.name, page.url), bytes });
  }
  const saves = await benchSaves(base);
  console.log(`\nReading, ${CONNECTIONS} connections, ${DURATION} each (wrk):`);
  console.log("page".padEnd(34), "req/s".padStart(9), "p50".padStart(9), "p99".padStart(9), "size".padStart(9));
  for (const r of results) {
    console.log(r.name.padEnd(34), r.requestsPerSecond.toFixed(0).padStart(9), r.p50.padStart(9), r.p99.padStart(9), `${(r.bytes / 1024).toFixed(0)} KB`.padStart(9));
  }
  console.log(`\nSaving through the API, one after another (${saves.count} saves of gpt_5_2, one sentence changed each):`);
  console.log(`median ${saves.median.toFixed(1)} ms, p90 ${saves.p90.toFixed(1)} ms`);
} finally {
  stop();
}

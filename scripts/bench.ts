// `npm run bench`: reading throughput of the production build on a new install (the example
// article and a generated ~100 KB article with 200 citations), measured with wrk at 16 connections.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
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
  console.log(`\nReading, ${CONNECTIONS} connections, ${DURATION} each (wrk):`);
  console.log("page".padEnd(34), "req/s".padStart(9), "p50".padStart(9), "p99".padStart(9), "size".padStart(9));
  for (const r of results) {
    console.log(r.name.padEnd(34), r.requestsPerSecond.toFixed(0).padStart(9), r.p50.padStart(9), r.p99.padStart(9), `${(r.bytes / 1024).toFixed(0)} KB`.padStart(9));
  }
} finally {
  stop();
}

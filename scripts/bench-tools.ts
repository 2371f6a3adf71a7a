// What the benchmarks share: wrk (installed from Debian's packages when missing), a load at 16
// connections, and waiting for a server to answer.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const DURATION = process.env.BENCH_DURATION ?? "10s";
export const CONNECTIONS = 16;

export function ensureWrk() {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("Installing wrk (Debian's package)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "update", "-qq"], { stdio: "inherit" });
  execFileSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), "install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

/** Runs a command to its end on `env`, failing when it fails. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

/** A new, migrated, empty database at `env.DATABASE_URL`. */
export function freshDatabase(env: NodeJS.ProcessEnv) {
  runCommand("npx", ["tsx", "scripts/reset-database.ts"], env);
  runCommand("npx", ["prisma", "migrate", "deploy"], env);
}

/**
 * `npm start`'s script on `env` (builds when the build is older than the code, migrates, seeds,
 * serves), answering at `readyUrl`; `stop` ends it, as does this process's exit.
 */
export async function startServer(env: NodeJS.ProcessEnv, readyUrl: string): Promise<{ stop: () => Promise<void> }> {
  const server = spawn("npx", ["tsx", "scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  /** Ends the server; resolves once it has. */
  const stop = () => {
    if (!server.pid || server.exitCode !== null) return exited;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Its group is already gone (stopped once, and again as this process exits).
    }
    return exited;
  };
  process.on("exit", stop);
  try {
    await waitForServer(readyUrl, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}

/** Waits for the server to answer; its first start may build the app, which takes minutes on a busy machine. */
export async function waitForServer(url: string, server: ChildProcess) {
  for (let i = 0; i < 1_200; i++) {
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

export interface Result {
  name: string;
  requestsPerSecond: number;
  p50: string;
  p99: string;
  bytes: number;
}

/**
 * wrk against one address; `headers` such as a cookie that sends every request past the front
 * cache; `paths`, when given, are asked in turn instead of the address's own (on its server).
 */
export function wrk(name: string, url: string, headers: string[] = [], paths?: string[]): Result {
  const script = paths ? rotation(paths) : null;
  const out = execFileSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${DURATION}`, "--latency", ...(script ? ["-s", script] : []), ...headers.flatMap((h) => ["-H", h]), url], {
    encoding: "utf8",
  });
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

/** A wrk script asking each path in turn (each of wrk's threads from its own place in the list). */
function rotation(paths: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "palimpsest-wrk-")), "rotation.lua");
  writeFileSync(
    file,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`,
  );
  return file;
}

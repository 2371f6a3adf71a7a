// What the benchmarks share: wrk (installed from Debian's packages when missing) and waiting for a
// server to answer.
import { type ChildProcess, execFileSync, spawnSync } from "node:child_process";

export function ensureWrk() {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("Installing wrk (Debian's package)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "update", "-qq"], { stdio: "inherit" });
  execFileSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), "install", "-y", "-qq", "wrk"], { stdio: "inherit" });
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

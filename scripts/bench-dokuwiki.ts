// DokuWiki beside Palimpsest in `npm run bench`: Debian's DokuWiki package, served by PHP's own
// server with OPcache and four workers, on a wiki of its own in a temporary folder (access control
// on, as Debian sets it up, with one editor), holding the same articles: the example with 200
// revisions, and the ~100 KB article with 200 citations.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { waitForServer } from "./bench-tools";

const DOKUWIKI = "/usr/share/dokuwiki";
const WORKERS = 4;
const EDITOR = { name: "bench", password: "benchmark password" };

/**
 * The example's markup as it reads after each of `count - 1` saves like the benchmark's: each save
 * marks the first line of one paragraph (a different one each time) with its number.
 */
export function savedVersions(markup: string, count: number): string[] {
  const lines = markup.split("\n");
  const paragraphs = lines.flatMap((line, i) => (/^[A-Za-z]/.test(line) ? [i] : []));
  const versions = [markup];
  for (let edit = 0; edit < count - 1; edit++) {
    const at = paragraphs[edit % paragraphs.length];
    lines[at] = `${lines[at].replace(/ \(edit \d+\)$/, "")} (edit ${edit})`;
    versions.push(lines.join("\n"));
  }
  return versions;
}

/** A DokuWiki page and the versions of its text, oldest first (each becomes a revision in the attic). */
export interface DokuWikiPage {
  id: string;
  versions: string[];
}

/** What DokuWiki is asked for, side by side with Palimpsest's page of the same name. */
export interface DokuWikiAddresses {
  article: (id: string) => string;
  history: (id: string) => string;
  diff: (id: string, from: number, to: number) => string;
}

/**
 * Starts DokuWiki on `port` with these pages, each written as DokuWiki writes a page's history
 * (gzipped versions in the attic, a line per version in its changes log, the newest in pages/).
 */
export async function startDokuWiki(port: number, pages: DokuWikiPage[]) {
  const root = mkdtempSync(path.join(tmpdir(), "palimpsest-dokuwiki-"));
  const conf = path.join(root, "conf");
  const data = path.join(root, "data");
  cpSync("/etc/dokuwiki", conf, { recursive: true, dereference: true });
  for (const folder of ["pages", "attic", "meta", "cache", "index", "locks", "media", "media_attic", "media_meta", "tmp", "log"])
    mkdirSync(path.join(data, folder), { recursive: true });
  writeFileSync(
    path.join(conf, "local.php"),
    `<?php\n$conf['savedir'] = '${data}';\n$conf['useacl'] = 1;\n$conf['superuser'] = '@admin';\n$conf['title'] = 'DokuWiki';\n$conf['recent'] = 50;\n`,
  );
  // Everyone reads; members of @user edit (Debian's acl.auth.php). One editor, with a salted MD5 as
  // Debian's own administrator has.
  writeFileSync(path.join(conf, "acl.auth.php"), "*\t@ALL\t1\n*\t@user\t8\n");
  writeFileSync(path.join(conf, "users.auth.php"), `${EDITOR.name}:${createHash("md5").update(EDITOR.password).digest("hex")}:Bench Editor:bench@example.org:user\n`);

  const start = 1_700_000_000;
  const times = new Map<string, number[]>();
  for (const page of pages) {
    const stamps = page.versions.map((_, i) => start + i * 60);
    times.set(page.id, stamps);
    page.versions.forEach((text, i) => writeFileSync(path.join(data, "attic", `${page.id}.${stamps[i]}.txt.gz`), gzipSync(text)));
    writeFileSync(path.join(data, "pages", `${page.id}.txt`), page.versions.at(-1)!);
    const log = stamps.map((t, i) => [t, "127.0.0.1", i ? "E" : "C", page.id, "bench", `Version ${i + 1}`, "", "0"].join("\t")).join("\n");
    writeFileSync(path.join(data, "meta", `${page.id}.changes`), `${log}\n`);
  }

  // PHP's server sends every request to this script: DokuWiki's own files as they are, the rest to
  // doku.php with this wiki's configuration.
  const router = path.join(root, "router.php");
  writeFileSync(
    router,
    `<?php
if (preg_match('/\\.(css|js|png|gif|svg|ico)$/', parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH))) return false;
define('DOKU_CONF', '${conf}/');
chdir('${DOKUWIKI}');
require '${DOKUWIKI}/doku.php';
`,
  );
  const server = spawn("php", ["-d", "opcache.enable_cli=1", "-d", "opcache.validate_timestamps=0", "-S", `127.0.0.1:${port}`, "-t", DOKUWIKI, router], {
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(WORKERS) },
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/doku.php?id=${pages[0].id}`, server);
  const stamp = (id: string, number: number) => times.get(id)![number - 1];
  const addresses: DokuWikiAddresses = {
    article: (id) => `${base}/doku.php?id=${id}`,
    history: (id) => `${base}/doku.php?id=${id}&do=revisions`,
    diff: (id, from, to) => `${base}/doku.php?id=${id}&do=diff&rev2%5B0%5D=${stamp(id, from)}&rev2%5B1%5D=${stamp(id, to)}`,
  };
  return { addresses, stop, workers: WORKERS, signIn: () => signIn(base) };
}

/** The value of a hidden field of DokuWiki's edit form. */
function hiddenField(html: string, name: string): string {
  const value = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`DokuWiki's edit form has no ${name}.`);
  return value;
}

/**
 * Signs the editor in, as the login form does; `save` then saves a page as its edit form does (its
 * security token and the page's date come from the form, read first), timing the save request and
 * then the page it sends the editor to (rendered again after the save).
 */
async function signIn(base: string) {
  const login = await fetch(`${base}/doku.php`, {
    method: "POST",
    body: new URLSearchParams({ id: "start", do: "login", u: EDITOR.name, p: EDITOR.password }),
    redirect: "manual",
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("DW")) throw new Error(`DokuWiki refused the benchmark's sign-in (${login.status}).`);
  return {
    async save(id: string, text: string, summary: string): Promise<{ save: number; view: number }> {
      const form = await (await fetch(`${base}/doku.php?id=${id}&do=edit`, { headers: { cookie } })).text();
      const body = new URLSearchParams({
        id,
        do: "save",
        sectok: hiddenField(form, "sectok"),
        date: hiddenField(form, "date"),
        prefix: "",
        suffix: "",
        changecheck: hiddenField(form, "changecheck"),
        wikitext: text,
        summary,
      });
      const started = performance.now();
      const response = await fetch(`${base}/doku.php`, { method: "POST", headers: { cookie }, body, redirect: "manual" });
      const save = performance.now() - started;
      await response.arrayBuffer();
      // A save ends with a redirect to the page; anything else (the form again) is a refusal.
      const page = response.headers.get("location");
      if ((response.status !== 303 && response.status !== 302) || !page) throw new Error(`DokuWiki's save of ${id} answered ${response.status}.`);
      const viewed = performance.now();
      await (await fetch(new URL(page, base), { headers: { cookie } })).arrayBuffer();
      return { save, view: performance.now() - viewed };
    },
  };
}

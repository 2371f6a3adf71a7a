// A stand-in for doi.org and for a page resolver, so look-ups can be tested without the internet.
// Run it alone with `tsx e2e/stub-resolver.ts 3190`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

/** The article every test DOI look-up expects: `10.5555/palimpsest.1`. */
export const STUB_ARTICLE = {
  type: "article-journal",
  title: "Measuring Citation Coverage in Collaborative Encyclopedias",
  author: [
    { family: "Okafor", given: "Adaeze", sequence: "first" },
    { family: "Lindqvist", given: "Per", sequence: "additional" },
  ],
  "container-title": "Journal of Open Knowledge",
  publisher: "Open Knowledge Press",
  issued: { "date-parts": [[2025, 6, 2]] },
  volume: "12",
  issue: "3",
  page: "45-67",
  DOI: "10.5555/palimpsest.1",
  URL: "https://doi.org/10.5555/palimpsest.1",
};

/** The same article's landing page, with Highwire (Google Scholar) tags. */
export const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Measuring Citation Coverage | Journal of Open Knowledge</title>
<meta name="citation_title" content="Measuring Citation Coverage in Collaborative Encyclopedias">
<meta name="citation_author" content="Okafor, Adaeze">
<meta name="citation_author" content="Lindqvist, Per">
<meta name="citation_journal_title" content="Journal of Open Knowledge">
<meta name="citation_publisher" content="Open Knowledge Press">
<meta name="citation_publication_date" content="2025/06/02">
<meta name="citation_volume" content="12">
<meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="45">
<meta name="citation_lastpage" content="67">
<meta name="citation_doi" content="10.5555/palimpsest.1">
<meta name="citation_pdf_url" content="https://example.org/article.pdf">
<link rel="canonical" href="/article">
</head><body><h1>Measuring Citation Coverage in Collaborative Encyclopedias</h1></body></html>`;

/** A blog post with only Open Graph tags and a title. */
export const BLOG_HTML = `<!doctype html>
<html lang="en"><head>
<title>Why we cite &amp; how &#8212; Field Notes</title>
<meta property="og:type" content="article">
<meta property="og:title" content="Why we cite &amp; how">
<meta property="og:site_name" content="Field Notes">
<meta property="og:url" content="https://example.org/blog">
<meta property="article:published_time" content="2026-03-14T09:30:00+01:00">
<meta property="article:author" content="https://example.org/authors/ines">
<meta name="author" content="Inés Moreau">
</head><body><p>Notes.</p></body></html>`;

/** Pages the resolver knows by their address. */
const PAGES: Record<string, { status?: number; type?: string; body?: string; location?: (base: string) => string }> = {
  "https://example.org/article": { body: ARTICLE_HTML },
  "https://example.org/blog": { body: BLOG_HTML },
  "https://example.org/paper.pdf": { type: "application/pdf", body: "%PDF-1.7\n" },
  // Moved within the resolver: followed.
  "https://example.org/old-article": { status: 301, location: (base) => `${base}/page/${encodeURIComponent("https://example.org/article")}` },
  // Sent off to another host, which look-ups check like any address a user gives.
  "https://example.org/to-localhost": { status: 302, location: (base) => `${base.replace("127.0.0.1", "localhost")}/pages/article.html` },
};

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": type, ...headers });
  response.end(body);
}

function handle(request: IncomingMessage, response: ServerResponse, base: string) {
  const path = new URL(request.url ?? "/", base).pathname;
  const accept = request.headers.accept ?? "";
  if (path.startsWith("/10.5555/")) {
    const doi = decodeURIComponent(path.slice(1)).toLowerCase();
    if (doi === "10.5555/missing") return send(response, 404, "text/plain", "DOI Not Found");
    // A registration agency without content negotiation: only ever the landing page.
    if (doi === "10.5555/landing-only" || !accept.includes("application/vnd.citationstyles.csl+json")) {
      return send(response, 200, "text/html; charset=utf-8", ARTICLE_HTML.replace("10.5555/palimpsest.1", doi));
    }
    const item = doi === STUB_ARTICLE.DOI ? STUB_ARTICLE : { type: "article-journal", title: `Stub article ${doi}`, DOI: doi, URL: `https://doi.org/${doi}` };
    return send(response, 200, "application/vnd.citationstyles.csl+json", JSON.stringify(item));
  }
  if (path === "/pages/article.html") return send(response, 200, "text/html; charset=utf-8", ARTICLE_HTML);
  if (path === "/pages/blog.html") return send(response, 200, "text/html; charset=utf-8", BLOG_HTML);
  if (path.startsWith("/page/")) {
    const page = PAGES[decodeURIComponent(path.slice("/page/".length))];
    if (!page) return send(response, 404, "text/plain", "Not found");
    if (page.location) return send(response, page.status ?? 302, "text/plain", "Moved", { location: page.location(base) });
    return send(response, page.status ?? 200, page.type ?? "text/html; charset=utf-8", page.body ?? "");
  }
  send(response, 404, "text/plain", "Not found");
}

/** Starts the stub on 127.0.0.1 (`port` 0 picks a free one). */
export async function startStubResolver(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  let base = "";
  const server = createServer((request, response) => handle(request, response, base));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startStubResolver(Number(process.argv[2] ?? 0)).then(
    (stub) => console.log(`stub resolver on ${stub.url}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

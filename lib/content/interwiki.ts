/**
 * DokuWiki's default interwiki shortcuts (conf/interwiki.conf) and the address each one makes.
 * `{NAME}` takes the reference as written (a few characters encoded), `{URL}` takes it fully
 * encoded; a template without a placeholder has the encoded reference appended. A template starting
 * with `:` names a page of this wiki.
 */
export const DEFAULT_INTERWIKI: Readonly<Record<string, string>> = {
  wp: "https://en.wikipedia.org/wiki/{NAME}",
  wpfr: "https://fr.wikipedia.org/wiki/{NAME}",
  wpde: "https://de.wikipedia.org/wiki/{NAME}",
  wpes: "https://es.wikipedia.org/wiki/{NAME}",
  wppl: "https://pl.wikipedia.org/wiki/{NAME}",
  wpjp: "https://ja.wikipedia.org/wiki/{NAME}",
  wpru: "https://ru.wikipedia.org/wiki/{NAME}",
  wpmeta: "https://meta.wikipedia.org/wiki/{NAME}",
  doku: "https://www.dokuwiki.org/",
  rfc: "https://tools.ietf.org/html/rfc",
  man: "http://man.cx/",
  amazon: "https://www.amazon.com/dp/{URL}?tag=splitbrain-20",
  "amazon.de": "https://www.amazon.de/dp/{URL}?tag=splitbrain-21",
  "amazon.uk": "https://www.amazon.co.uk/dp/{URL}",
  paypal: "https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&business=",
  phpfn: "https://secure.php.net/{NAME}",
  skype: "skype:{NAME}",
  google: "https://www.google.com/search?q=",
  "google.de": "https://www.google.de/search?q=",
  go: "https://www.google.com/search?q={URL}&btnI=lucky",
  user: ":user:{NAME}",
  callto: "callto://{NAME}",
  tel: "tel:{NAME}",
};

/**
 * The address an interwiki link points at, as DokuWiki's renderer builds it (`_resolveInterWiki`),
 * or null when the shortcut is unknown and the map has no `default` entry. A `#section` at the end
 * of the reference stays on the address.
 */
export function interwikiAddress(map: Readonly<Record<string, string>>, shortcut: string, reference: string): string | null {
  const template = map[shortcut.toLowerCase()] ?? map.default;
  if (template === undefined) return null;
  const hashAt = reference.lastIndexOf("#");
  const hash = hashAt < 0 ? "" : reference.slice(hashAt + 1);
  const name = hashAt < 0 ? reference : reference.slice(0, hashAt);
  let url: string;
  if (/\{(URL|NAME|SCHEME|HOST|PORT|PATH|QUERY)\}/.test(template)) {
    url = template
      .replace("{URL}", encodeURIComponent(name))
      // DokuWiki leaves spaces for the browser to encode; a stored address must not hold one.
      .replace("{NAME}", template.startsWith(":") ? name : name.replace(/[[\\\]^`{|}#% ]/g, (c) => encodeURIComponent(c)));
    let parsed: URL | null = null;
    try {
      parsed = new URL(name);
    } catch {
      parsed = null;
    }
    url = url
      .replace("{SCHEME}", parsed ? parsed.protocol.slice(0, -1) : "")
      .replace("{HOST}", parsed?.hostname ?? "")
      .replace("{PORT}", parsed?.port || "80")
      .replace("{PATH}", parsed?.pathname ?? "")
      .replace("{QUERY}", parsed?.search.slice(1) ?? "");
  } else {
    url = template + encodeURIComponent(name);
  }
  return hash ? `${url}#${hash}` : url;
}

/** A map in DokuWiki's interwiki.conf form: one `shortcut template` per line. */
export function formatInterwikiMap(map: Readonly<Record<string, string>>): string {
  return Object.entries(map)
    .map(([shortcut, template]) => `${shortcut} ${template}`)
    .join("\n");
}

/** The lines of an interwiki.conf that are neither blank, comments, nor `shortcut template` pairs, 1-based. */
export function invalidInterwikiLines(text: string): number[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => (/^\s*(#.*)?$/.test(line) || /^\s*[a-zA-Z0-9.]+\s+\S+\s*$/.test(line) ? 0 : index + 1))
    .filter(Boolean);
}

/** An interwiki.conf read into a map; blank lines, comments and malformed lines are skipped. */
export function parseInterwikiMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([a-zA-Z0-9.]+)\s+(\S+)\s*$/.exec(line);
    if (match) map[match[1].toLowerCase()] = match[2];
  }
  return map;
}

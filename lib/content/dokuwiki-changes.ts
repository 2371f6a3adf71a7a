// DokuWiki's `.changes` files (meta/ and media_meta/): one line per revision of a page or a file,
// tab-separated: time, address, type (C created, E edited, e minor, R reverted, D deleted), id,
// user, summary, extra, size change. Read by the site import, written by the site export.

export interface Change {
  /** Seconds since 1970, as DokuWiki names the revision. */
  time: number;
  type: string;
  user: string;
  summary: string;
}

/** The lines of a `.changes` file that describe a revision; others are skipped. */
export function parseChanges(text: string): Change[] {
  return text
    .split("\n")
    .map((line) => line.split("\t"))
    .filter((fields) => fields.length >= 4 && /^\d+$/.test(fields[0]))
    .map(([time, , type, , user = "", summary = ""]) => ({ time: Number(time), type, user: user.trim(), summary: summary.trim() }));
}

/** A line of a `.changes` file: tab-separated fields, none holding a tab or line break. */
export function changeLine(fields: (string | number)[]): string {
  return `${fields.map((field) => String(field).replace(/[\t\r\n]+/g, " ")).join("\t")}\n`;
}

/** About a megabyte of `unit`, repeated. */
const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));

/**
 * DokuWiki markup built to make a parser backtrack: openers that never close, nested or in table
 * cells and list items. A super-linear parser takes hours on any of them; ours is linear.
 */
export const ADVERSARIAL_DOKUWIKI: [name: string, markup: string][] = [
  ["(([[", megabyte("(([[")],
  ["(([[ ending in ))", `${megabyte("(([[")}))`],
  ["nested openers", megabyte("**//__(([[''<sub>%%{{~~<")],
  ["a table row of footnotes that never close", `| ${megabyte("(([[x|))]] ")} |`],
  ["unclosed code tags in list items", megabyte("  * a <code x>\n") + "</code>"],
  ["tags and media that do not close", `${megabyte("<code <html {{ %% <nowiki> ")}}} </code>`],
];

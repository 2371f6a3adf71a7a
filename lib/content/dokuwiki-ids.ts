// DokuWiki's rules for page ids and section anchors (inc/pageutils.php: cleanID, sectionID; inc/File/
// PageResolver.php), so that ids, anchors and links written for a DokuWiki keep pointing where they did.

const SPECIALS =
  /[*\u{0}-\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f} !"#$%&'()+,\/;<=>?@\[\\\]\^`{|}~\u{7f}\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿×÷ˇ˘˙˚˛˜˝\u{300}\u{301}\u{303}\u{309}\u{323}΄΅·\u{5b0}\u{5b1}\u{5b2}\u{5b3}\u{5b4}\u{5b5}\u{5b6}\u{5b7}\u{5b8}\u{5b9}\u{5bb}\u{5bc}\u{5bd}\u{5be}\u{5bf}\u{5c0}\u{5c1}\u{5c2}\u{5c3}\u{5f3}\u{5f4}\u{60c}\u{61b}\u{61f}\u{640}\u{64b}\u{64c}\u{64d}\u{64e}\u{64f}\u{650}\u{651}\u{652}\u{66a}฿\u{200c}\u{200d}\u{200e}\u{200f}–—―‗‘’‚“”„†‡•…‰′″‹›⁄₧₪₫€№℘™Ωℵ←↑→↓↔↕↵⇐⇑⇒⇓⇔∀∂∃∅∆∇∈∉∋∏∑−∕∗∙√∝∞∠∧∨∩∪∫∴∼≅≈≠≡≤≥⊂⊃⊄⊆⊇⊕⊗⊥⋅⌐⌠⌡〈〉⑩─│┌┐└┘├┤┬┴┼═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬▀▄█▌▐░▒▓■▲▼◆◊●◗★☎☛☞♠♣♥♦✁✂✃✄✆✇✈✉✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊❋❍❏❐❑❒❖❘❙❚❛❜❝❞❡❢❣❤❥❦❧❿➉➓➔➘➙➚➛➜➝➞➟➠➡➢➣➤➥➦➧➨➩➪➫➬➭➮➯➱➲➳➴➵➶➷➸➹➺➻➼➽➾\u{3000}、。〃〈〉《》「」『』【】〒〔〕〖〗〘〙〚〛〶ﹼﹽ！＂＃＄％＆＇（））＊＋，－．／：；＜＝＞？＠［＼］＾｀｛｜｝～｟｠｡｢｣､･￠￡￢￣￤￥￦￨￩￪￫￬￭￮\u{1d6fc}\u{1d6fd}\u{1d6fe}\u{1d6ff}\u{1d700}\u{1d701}\u{1d702}\u{1d703}\u{1d704}\u{1d705}\u{1d706}\u{1d707}\u{1d708}\u{1d709}\u{1d70a}\u{1d70b}\u{1d70c}\u{1d70d}\u{1d70e}\u{1d70f}\u{1d710}\u{1d711}\u{1d712}\u{1d713}\u{1d714}\u{1d715}\u{1d716}\u{1d717}\u{1d718}\u{1d719}\u{1d71a}\u{1d71b}\u{c2a0}]/gu;

const LOWER_ACCENTS: Record<string, string> = {
  á: "a",
  à: "a",
  ă: "a",
  â: "a",
  å: "a",
  ä: "ae",
  ã: "a",
  ą: "a",
  ā: "a",
  æ: "ae",
  ḃ: "b",
  ć: "c",
  ĉ: "c",
  č: "c",
  ċ: "c",
  ç: "c",
  ď: "d",
  ḋ: "d",
  đ: "d",
  ð: "dh",
  é: "e",
  è: "e",
  ĕ: "e",
  ê: "e",
  ě: "e",
  ë: "e",
  ė: "e",
  ę: "e",
  ē: "e",
  ḟ: "f",
  ƒ: "f",
  ğ: "g",
  ĝ: "g",
  ġ: "g",
  ģ: "g",
  ĥ: "h",
  ħ: "h",
  í: "i",
  ì: "i",
  î: "i",
  ï: "i",
  ĩ: "i",
  į: "i",
  ī: "i",
  ı: "i",
  ĵ: "j",
  ķ: "k",
  ĺ: "l",
  ľ: "l",
  ļ: "l",
  ł: "l",
  ṁ: "m",
  ń: "n",
  ň: "n",
  ñ: "n",
  ņ: "n",
  ó: "o",
  ò: "o",
  ô: "o",
  ö: "oe",
  ő: "o",
  õ: "o",
  ø: "o",
  ō: "o",
  ơ: "o",
  ṗ: "p",
  ŕ: "r",
  ř: "r",
  ŗ: "r",
  ś: "s",
  ŝ: "s",
  š: "s",
  ṡ: "s",
  ş: "s",
  ș: "s",
  ß: "ss",
  ť: "t",
  ṫ: "t",
  ţ: "t",
  ț: "t",
  ŧ: "t",
  ú: "u",
  ù: "u",
  ŭ: "u",
  û: "u",
  ů: "u",
  ü: "ue",
  ű: "u",
  ũ: "u",
  ų: "u",
  ū: "u",
  ư: "u",
  ẃ: "w",
  ẁ: "w",
  ŵ: "w",
  ẅ: "w",
  ý: "y",
  ỳ: "y",
  ŷ: "y",
  ÿ: "y",
  ź: "z",
  ž: "z",
  ż: "z",
  þ: "th",
  µ: "u",
};

/** The name of a namespace's start page, as in DokuWiki's default configuration. */
export const START_PAGE = "start";

/**
 * A page id cleaned as DokuWiki's `cleanID` does with its default settings: lower case, `;` read as
 * `:`, `/` as `_`, accents dropped, special characters and spaces turned into `_`, runs collapsed,
 * and no `:`, `.`, `_` or `-` at the ends or beside a `:`.
 */
export function cleanDokuWikiId(raw: string): string {
  let id = raw.replace(/^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g, "").toLowerCase();
  id = id.replace(/;/g, ":").replace(/\//g, "_");
  id = id.replace(/[^\x00-\x7f]/gu, (c) => LOWER_ACCENTS[c] ?? c);
  id = id.replace(SPECIALS, "_");
  return id
    .replace(/_+/g, "_")
    .replace(/:+/g, ":")
    .replace(/^[:._-]+|[:._-]+$/g, "")
    .replace(/:[:._-]+/g, ":")
    .replace(/[:._-]+:/g, ":");
}

/**
 * A heading's anchor as DokuWiki makes it (`sectionID`): the cleaned text without `:` and `.`,
 * leading digits, `_` and `-` dropped (`section` and the digits when nothing else is left). With
 * `taken`, a number is added until the anchor is new, and the anchor is added to `taken`.
 */
export function dokuWikiSectionId(title: string, taken?: Set<string>): string {
  const clean = cleanDokuWikiId(title).replace(/[:.]/g, "");
  const rest = clean.replace(/^[0-9_-]+/, "");
  const id = rest || `section${clean.replace(/[^0-9]+/g, "")}`;
  if (!taken) return id;
  let candidate = id;
  for (let suffix = 1; taken.has(candidate); suffix++) candidate = `${id}${suffix}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Resolves a link target written on page `contextId` as DokuWiki's PageResolver does, before the
 * id is cleaned: `.` and `..` segments relative to the page's namespace, ids without a namespace
 * in the page's namespace, a leading `:` from the top, a trailing `:` to the namespace's start page
 * (DokuWiki prefers an existing `ns:ns` or `ns` page; an import cannot know which exist).
 */
export function resolveDokuWikiId(target: string, contextId: string): string {
  if (!target) return contextId;
  const { resolved, trail } = resolveRelative(target, contextId);
  return trail ? (resolved ? `${resolved}:${START_PAGE}` : START_PAGE) : resolved;
}

/**
 * Resolves and cleans a media id written on page `contextId` as DokuWiki's MediaResolver does: the
 * page rule (relative to the page's namespace, `.`, `..`, `~`, a leading `:` from the top) with no
 * start page, then `cleanID`. `{{chart.png}}` on `models:gpt` is `models:chart.png`.
 */
export function resolveDokuWikiMediaId(target: string, contextId: string): string {
  return cleanDokuWikiId(resolveRelative(target, contextId).resolved);
}

function resolveRelative(target: string, contextId: string): { resolved: string; trail: boolean } {
  let id = target.replace(/;/g, ":");
  const contextNs = contextId.includes(":") ? contextId.slice(0, contextId.lastIndexOf(":")) : "";
  if (id[0] === "~") id = `${contextId}:${id.slice(1)}`;
  if (id[0] === ".") id = `${contextNs}:${id.replace(/^((\.+:)*)(\.+)(?=[^:.])/, "$1$3:")}`;
  if (contextId !== "" && !id.includes(":")) id = `${contextNs}:${id}`;
  const trail = id.endsWith(":");
  const parts: string[] = [];
  for (const part of id.split(":")) {
    if (part === "." || part === "") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return { resolved: parts.join(":"), trail };
}

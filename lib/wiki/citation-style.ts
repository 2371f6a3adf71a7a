import { formatEntries } from "../content/citation-format";
import { CITATION_STYLE_IDS, type CitationStyleId, DEFAULT_CITATION_STYLE } from "../content/citation-styles";
import { type SourceFieldsForCsl, toCslItem } from "../content/csl";
import type { DbOrTx } from "../db";
import { getSetting, SETTINGS } from "./settings";

/** The site's citation style. */
export async function getCitationStyle(db: DbOrTx): Promise<CitationStyleId> {
  const value = await getSetting(db, SETTINGS.citationStyle);
  return (CITATION_STYLE_IDS as readonly string[]).includes(value) ? (value as CitationStyleId) : DEFAULT_CITATION_STYLE;
}

/** Each source formatted as a bibliography entry in the given style or the site's, as safe HTML, by id. */
export async function formatSources(db: DbOrTx, sources: Iterable<SourceFieldsForCsl>, style?: CitationStyleId): Promise<Map<string, string>> {
  const items = [...sources].map(toCslItem);
  if (!items.length) return new Map();
  return formatEntries(items, style ?? (await getCitationStyle(db)));
}

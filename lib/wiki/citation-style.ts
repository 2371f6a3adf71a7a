import { formatEntries } from "../content/citation-format";
import type { CitationStyleId } from "../content/citation-styles";
import { type SourceFieldsForCsl, toCslItem } from "../content/csl";
import type { DbOrTx } from "../db";
import { getSiteSetting } from "./settings";

/** The site's citation style. */
export function getCitationStyle(db: DbOrTx): Promise<CitationStyleId> {
  return getSiteSetting(db, "citationStyle");
}

/** Each source formatted as a bibliography entry in the given style or the site's, as safe HTML, by id. */
export async function formatSources(db: DbOrTx, sources: Iterable<SourceFieldsForCsl>, style?: CitationStyleId): Promise<Map<string, string>> {
  const items = [...sources].map(toCslItem);
  if (!items.length) return new Map();
  return formatEntries(items, style ?? (await getCitationStyle(db)));
}

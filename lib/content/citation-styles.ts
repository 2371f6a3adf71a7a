/** The citation styles References can be shown in; the files are shipped in lib/content/styles. */
export const CITATION_STYLES = [
  { id: "apa", label: "APA (7th edition)" },
  { id: "modern-language-association", label: "MLA (9th edition)" },
  { id: "chicago-author-date", label: "Chicago (17th edition, author-date)" },
  { id: "harvard-cite-them-right", label: "Harvard (Cite Them Right)" },
  { id: "vancouver", label: "Vancouver" },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]["id"];

export const CITATION_STYLE_IDS = CITATION_STYLES.map((s) => s.id) as [CitationStyleId, ...CitationStyleId[]];

export const DEFAULT_CITATION_STYLE: CitationStyleId = "apa";

import type { addSource, findMissingPages, findPages, findSources, previewArticle, saveArticle } from "@/app/wiki/[id]/edit/actions";
import type { lookupSourceAction } from "@/app/sources/lookup-action";

/** The server actions the editor calls, handed to it by its route (components never import app/). */
export interface EditorActions {
  save: typeof saveArticle;
  preview: typeof previewArticle;
  findMissingPages: typeof findMissingPages;
  findPages: typeof findPages;
  findSources: typeof findSources;
  addSource: typeof addSource;
  lookupSource: typeof lookupSourceAction;
}

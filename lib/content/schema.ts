import { getSchema } from "@tiptap/core";
import { extensions } from "./extensions";

/** The ProseMirror schema of an article, built from the editor's own extension list. */
export const schema = getSchema(extensions);

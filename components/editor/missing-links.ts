import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { WikiLinkAttributes } from "@/lib/content/extensions/wiki-link";

export interface MissingLinksOptions {
  /** What is known of each linked page: true when it exists. */
  known: Map<string, boolean>;
  /** Which of these page ids name no page (asked once per id, for links added while editing). */
  findMissing: (pageIds: string[]) => Promise<string[]>;
}

const key = new PluginKey<DecorationSet>("missingLinks");

function linkedPages(doc: ProseMirrorNode, visit: (target: string, from: number, to: number) => void) {
  doc.descendants((node, pos) => {
    const link = node.isText ? node.marks.find((mark) => mark.type.name === "wikiLink") : undefined;
    if (link) visit((link.attrs as WikiLinkAttributes).target, pos, pos + node.nodeSize);
  });
}

function decorations(doc: ProseMirrorNode, known: Map<string, boolean>): DecorationSet {
  const marks: Decoration[] = [];
  linkedPages(doc, (target, from, to) => {
    if (known.get(target) === false) marks.push(Decoration.inline(from, to, { class: "missing", title: `${target} (page does not exist)` }));
  });
  return DecorationSet.create(doc, marks);
}

/**
 * Marks links to pages that do not exist, as readers see them: what the editor opened with is
 * known from the server, and a link added while editing is looked up once.
 */
export const MissingLinks = Extension.create<MissingLinksOptions>({
  name: "missingLinks",

  addOptions() {
    return { known: new Map(), findMissing: async () => [] };
  },

  addProseMirrorPlugins() {
    const { known, findMissing } = this.options;
    const asked = new Set<string>();
    return [
      new Plugin({
        key,
        state: {
          init: (_config, state) => decorations(state.doc, known),
          apply: (tr, set, _old, state) => (tr.docChanged || tr.getMeta(key) ? decorations(state.doc, known) : set),
        },
        props: { decorations: (state) => key.getState(state) },
        view(view) {
          const lookUp = () => {
            const unknown = new Set<string>();
            linkedPages(view.state.doc, (target) => {
              if (!known.has(target) && !asked.has(target)) unknown.add(target);
            });
            if (!unknown.size) return;
            for (const target of unknown) asked.add(target);
            findMissing([...unknown])
              .then((missing) => {
                const absent = new Set(missing);
                for (const target of unknown) known.set(target, !absent.has(target));
                if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
              })
              // Unmarked until the next change asks again.
              .catch(() => unknown.forEach((target) => asked.delete(target)));
          };
          lookUp();
          return {
            update: (_view, previous) => {
              if (view.state.doc !== previous.doc) lookUp();
            },
          };
        },
      }),
    ];
  },
});

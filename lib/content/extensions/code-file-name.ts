import { Extension } from "@tiptap/core";

/**
 * The file name a code block is shown with (DokuWiki's `<file php example.php>`), or null. An
 * attribute added to the starter kit's code block, so the block itself stays the kit's.
 */
export const CodeFileName = Extension.create({
  name: "codeFileName",

  addGlobalAttributes() {
    return [
      {
        types: ["codeBlock"],
        attributes: {
          fileName: {
            default: null,
            parseHTML: (el) => el.getAttribute("data-file-name"),
            renderHTML: (attrs) => (attrs.fileName ? { "data-file-name": String(attrs.fileName) } : {}),
          },
        },
      },
    ];
  },
});

"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import {
  BoldIcon,
  BulletListIcon,
  CiteIcon,
  CodeBlockIcon,
  CodeIcon,
  ExternalLinkIcon,
  HeadingIcon,
  ItalicIcon,
  NumberedListIcon,
  PictureIcon,
  QuoteIcon,
  RedoIcon,
  SubheadingIcon,
  TableIcon,
  UnderlineIcon,
  UndoIcon,
  WikiLinkIcon,
} from "./toolbar-icons";

interface ToolbarProps {
  editor: Editor | null;
  onWikiLink: () => void;
  onCite: () => void;
  onMedia: () => void;
}

/** Which formats apply where the cursor is. */
function activeFormats(editor: Editor | null) {
  if (!editor) return null;
  return {
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    underline: editor.isActive("underline"),
    code: editor.isActive("code"),
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    bullet: editor.isActive("bulletList"),
    ordered: editor.isActive("orderedList"),
    quote: editor.isActive("blockquote"),
    codeBlock: editor.isActive("codeBlock"),
    link: editor.isActive("link"),
  };
}

/**
 * Formatting and insertion buttons, drawn at once (disabled until the editor is ready): each shows an icon,
 * is named by its label and names its keyboard shortcut in its tooltip.
 */
export function Toolbar({ editor, onWikiLink, onCite, onMedia }: ToolbarProps) {
  // The selector reads the editor passed in rather than the snapshot's: the snapshot keeps the editor it
  // started with (none, before the editor is made in the browser) until the first transaction.
  const state = useEditorState({ editor, selector: () => activeFormats(editor) });
  const chain = () => editor!.chain().focus();
  const button = (label: string, shortcut: string, icon: ReactNode, pressed: boolean | undefined, run: () => void) => (
    <button
      type="button"
      className="tool"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={!editor}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {icon}
    </button>
  );
  const group = (label: string, children: ReactNode) => (
    <div className="tool-group" role="group" aria-label={label}>
      {children}
    </div>
  );
  const on = (key: keyof NonNullable<typeof state>) => (state ? state[key] : false);
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {group(
        "Text style",
        <>
          {button("Bold", "Ctrl+B", <BoldIcon />, on("bold"), () => chain().toggleBold().run())}
          {button("Italic", "Ctrl+I", <ItalicIcon />, on("italic"), () => chain().toggleItalic().run())}
          {button("Underline", "Ctrl+U", <UnderlineIcon />, on("underline"), () => chain().toggleUnderline().run())}
          {button("Code", "Ctrl+E", <CodeIcon />, on("code"), () => chain().toggleCode().run())}
        </>,
      )}
      {group(
        "Blocks",
        <>
          {button("Heading", "Ctrl+Alt+2", <HeadingIcon />, on("h2"), () => chain().toggleHeading({ level: 2 }).run())}
          {button("Subheading", "Ctrl+Alt+3", <SubheadingIcon />, on("h3"), () => chain().toggleHeading({ level: 3 }).run())}
          {button("Bullet list", "Ctrl+Shift+8", <BulletListIcon />, on("bullet"), () => chain().toggleBulletList().run())}
          {button("Numbered list", "Ctrl+Shift+7", <NumberedListIcon />, on("ordered"), () => chain().toggleOrderedList().run())}
          {button("Quote", "Ctrl+Shift+B", <QuoteIcon />, on("quote"), () => chain().toggleBlockquote().run())}
          {button("Code block", "Ctrl+Alt+C", <CodeBlockIcon />, on("codeBlock"), () => chain().toggleCodeBlock().run())}
          {button("Table", "", <TableIcon />, undefined, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
        </>,
      )}
      {group(
        "Insert",
        <>
          {button("External link", "", <ExternalLinkIcon />, on("link"), () => {
            if (editor!.isActive("link")) return chain().unsetLink().run();
            const href = window.prompt("Address of the external link (https://…)");
            if (href) chain().extendMarkRange("link").setLink({ href }).run();
          })}
          {button("Wiki link", "Ctrl+K", <WikiLinkIcon />, undefined, onWikiLink)}
          {button("Cite", "Ctrl+Shift+C", <CiteIcon />, undefined, onCite)}
          {button("Picture or file", "", <PictureIcon />, undefined, onMedia)}
        </>,
      )}
      {group(
        "History",
        <>
          {button("Undo", "Ctrl+Z", <UndoIcon />, undefined, () => chain().undo().run())}
          {button("Redo", "Ctrl+Shift+Z", <RedoIcon />, undefined, () => chain().redo().run())}
        </>,
      )}
    </div>
  );
}

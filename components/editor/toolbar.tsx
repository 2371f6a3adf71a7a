"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

interface ToolbarProps {
  editor: Editor | null;
  onWikiLink: () => void;
  onCite: () => void;
  onMedia: () => void;
}

/** Formatting and insertion buttons; each names its keyboard shortcut. */
export function Toolbar({ editor, onWikiLink, onCite, onMedia }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e && {
        bold: e.isActive("bold"),
        italic: e.isActive("italic"),
        underline: e.isActive("underline"),
        code: e.isActive("code"),
        h2: e.isActive("heading", { level: 2 }),
        h3: e.isActive("heading", { level: 3 }),
        bullet: e.isActive("bulletList"),
        ordered: e.isActive("orderedList"),
        quote: e.isActive("blockquote"),
        codeBlock: e.isActive("codeBlock"),
        link: e.isActive("link"),
      },
  });
  if (!editor || !state) return <div className="toolbar" aria-hidden="true" />;
  const chain = () => editor.chain().focus();
  const button = (label: string, shortcut: string, pressed: boolean | null, run: () => void) => (
    <button
      type="button"
      className="tool"
      aria-pressed={pressed ?? undefined}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button("Bold", "Ctrl+B", state.bold, () => chain().toggleBold().run())}
      {button("Italic", "Ctrl+I", state.italic, () => chain().toggleItalic().run())}
      {button("Underline", "Ctrl+U", state.underline, () => chain().toggleUnderline().run())}
      {button("Code", "Ctrl+E", state.code, () => chain().toggleCode().run())}
      {button("Heading", "Ctrl+Alt+2", state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {button("Subheading", "Ctrl+Alt+3", state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {button("Bullet list", "Ctrl+Shift+8", state.bullet, () => chain().toggleBulletList().run())}
      {button("Numbered list", "Ctrl+Shift+7", state.ordered, () => chain().toggleOrderedList().run())}
      {button("Quote", "Ctrl+Shift+B", state.quote, () => chain().toggleBlockquote().run())}
      {button("Code block", "Ctrl+Alt+C", state.codeBlock, () => chain().toggleCodeBlock().run())}
      {button("Table", "", null, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
      {button("External link", "", state.link, () => {
        if (editor.isActive("link")) return chain().unsetLink().run();
        const href = window.prompt("Address of the external link (https://…)");
        if (href) chain().extendMarkRange("link").setLink({ href }).run();
      })}
      {button("Wiki link", "Ctrl+K", null, onWikiLink)}
      {button("Cite", "Ctrl+Shift+C", null, onCite)}
      {button("Picture or file", "", null, onMedia)}
      {button("Undo", "Ctrl+Z", null, () => chain().undo().run())}
      {button("Redo", "Ctrl+Shift+Z", null, () => chain().redo().run())}
    </div>
  );
}

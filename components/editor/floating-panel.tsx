"use client";

import { autoUpdate, computePosition, flip, offset, shift, size } from "@floating-ui/dom";
import { posToDOMRect } from "@tiptap/core";
import type { Editor } from "@tiptap/react";
import { type ReactNode, useLayoutEffect, useRef } from "react";

// No taller than the room on its side of the selection (what is below scrolls within it), unless
// that room is small: it then keeps a useful height and covers the selection rather than leave the screen.
const fitHeight = size({
  padding: 8,
  apply: ({ availableHeight, elements }) => {
    elements.floating.style.maxHeight = `${Math.min(window.innerHeight - 16, Math.max(240, availableHeight))}px`;
  },
});

/**
 * Holds a tool's panel beside the selection it acts on, below it or above when there is no room,
 * kept on screen; it follows the text as the page scrolls.
 */
export function FloatingPanel({ editor, children }: { editor: Editor; children: ReactNode }) {
  const panel = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const floating = panel.current;
    if (!floating) return;
    // The panel starts fixed at the screen's top, unseen: its input takes the focus there without
    // scrolling the page away from the text. Placed beside where the selection was as it opened.
    const { from, to } = editor.state.selection;
    const selection = {
      getBoundingClientRect: () => posToDOMRect(editor.view, from, Math.min(to, editor.state.doc.content.size)),
      contextElement: editor.view.dom,
    };
    const place = () =>
      void computePosition(selection, floating, {
        placement: "bottom-start",
        strategy: "fixed",
        middleware: [offset(8), flip(), fitHeight, shift({ padding: 8, crossAxis: true })],
      }).then(({ x, y }) => {
        Object.assign(floating.style, { left: `${x}px`, top: `${y}px`, opacity: "1" });
      });
    return autoUpdate(selection, floating, place);
  }, [editor]);

  return (
    <div ref={panel} className="floating-panel">
      {children}
    </div>
  );
}

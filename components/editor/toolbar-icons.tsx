import type { ReactNode } from "react";

/**
 * The toolbar's pictures: 24×24 line drawings in the text colour. They are decorative; the button that holds
 * one carries its name (aria-label) and its shortcut (title).
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="tool-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BoldIcon = () => (
  <Icon>
    <path d="M7 4h6a4 4 0 0 1 0 8H7zM7 12h7a4 4 0 0 1 0 8H7z" strokeWidth="2.5" />
  </Icon>
);

export const ItalicIcon = () => (
  <Icon>
    <path d="M10 4h8M6 20h8M14 4l-4 16" />
  </Icon>
);

export const UnderlineIcon = () => (
  <Icon>
    <path d="M7 4v7a5 5 0 0 0 10 0V4M5 20h14" />
  </Icon>
);

export const CodeIcon = () => (
  <Icon>
    <path d="M9 7l-5 5 5 5M15 7l5 5-5 5" />
  </Icon>
);

/** "H" with the heading's level beside it. */
const HeadingGlyph = ({ level }: { level: 2 | 3 }) => (
  <Icon>
    <path d="M4 5v14M12 5v14M4 12h8" />
    {level === 2 ? <path d="M16 11a2.5 2.5 0 1 1 4 2l-4 6h4.5" /> : <path d="M16 10h4l-2.5 3.5a2.75 2.75 0 1 1-1.9 4.7" />}
  </Icon>
);

export const HeadingIcon = () => <HeadingGlyph level={2} />;
export const SubheadingIcon = () => <HeadingGlyph level={3} />;

export const BulletListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r="1" fill="currentColor" />
    <circle cx="4.5" cy="12" r="1" fill="currentColor" />
    <circle cx="4.5" cy="18" r="1" fill="currentColor" />
  </Icon>
);

export const NumberedListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10M4 4.5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6" strokeWidth="1.6" />
  </Icon>
);

export const QuoteIcon = () => (
  <Icon>
    <path d="M4 5v14M9 8h11M9 12h11M9 16h7" />
  </Icon>
);

export const CodeBlockIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M10 9l-3 3 3 3M14 9l3 3-3 3" />
  </Icon>
);

export const TableIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M3 10h18M3 15h18M10 4v16" />
  </Icon>
);

export const ExternalLinkIcon = () => (
  <Icon>
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </Icon>
);

export const WikiLinkIcon = () => (
  <Icon>
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </Icon>
);

export const CiteIcon = () => (
  <Icon>
    <path d="M5 18c2-1 3-3 3-6H5V6h5v6c0 4-2 6.5-5 7.5M14 18c2-1 3-3 3-6h-3V6h5v6c0 4-2 6.5-5 7.5" strokeWidth="1.6" />
  </Icon>
);

export const PictureIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="1.75" />
    <path d="M21 16l-5-5-9 9" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
);

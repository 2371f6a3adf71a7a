"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * "Menu" on a phone: opens and closes the site's links (the element `controls`), and closes them
 * once a link leads elsewhere. Without script it is a link to them, which opens them too (`:target`).
 */
export function MenuButton({ controls }: { controls: string }) {
  const pathname = usePathname();
  // Open on the page it was opened on: a link that leads elsewhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  useEffect(() => {
    document.getElementById(controls)?.toggleAttribute("data-open", open);
  }, [controls, open]);
  return (
    <a
      href={`#${controls}`}
      className="menu-button"
      role="button"
      aria-controls={controls}
      aria-expanded={open}
      onClick={(event) => {
        event.preventDefault();
        setOpenOn(open ? null : pathname);
      }}
    >
      Menu
    </a>
  );
}

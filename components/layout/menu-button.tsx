"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * "Menu" on a phone: opens and closes the site's links (the element `controls`), and closes them
 * once a link leads elsewhere. Without script it is a link to them, which opens them too (`:target`).
 */
export function MenuButton({ controls }: { controls: string }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
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
        setOpen((was) => !was);
      }}
    >
      Menu
    </a>
  );
}

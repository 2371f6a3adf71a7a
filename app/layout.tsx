import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account/account-menu";
import { Session } from "@/components/account/session";
import { MenuButton } from "@/components/layout/menu-button";
import { SearchBox } from "@/components/search/search-box";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Palimpsest", template: "%s — Palimpsest" },
  description: "An encyclopedia whose articles carry their sources with them.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered on request, so each carries the nonce of its own response's
  // Content-Security-Policy (lib/http/content-security.ts); none is prerendered without one.
  await connection();
  return (
    <html lang="en">
      <body>
        <Session>
          <a className="skip-link" href="#content">
            Skip to content
          </a>
          <header className="site-header">
            <Link href="/" className="site-name">
              Palimpsest
            </Link>
            <SearchBox />
            {/* On a phone the site's links fold behind this link, which opens them (no script needed). */}
            <MenuButton controls="site-menu" />
            <nav aria-label="Site" id="site-menu">
              <ul>
                <li>
                  <Link href="/pages">All pages</Link>
                </li>
                <li>
                  <Link href="/recent">Recent changes</Link>
                </li>
                <li>
                  <Link href="/sources">Sources</Link>
                </li>
                <li>
                  <Link href="/media">Media</Link>
                </li>
                <li>
                  <Link href="/random" prefetch={false}>
                    Random page
                  </Link>
                </li>
                <AccountMenu />
              </ul>
            </nav>
          </header>
          <main id="content" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>Text is available with its sources; every change is kept in the page history.</p>
          </footer>
        </Session>
      </body>
    </html>
  );
}

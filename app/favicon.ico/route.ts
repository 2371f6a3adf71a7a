/**
 * Browsers ask for /favicon.ico wherever a page names no icon (a plain-text export, a file): it is
 * the site's icon.
 */
export function GET() {
  return new Response(null, { status: 308, headers: { Location: "/icon.svg", "Cache-Control": "public, max-age=86400" } });
}

// Whether a request asks for a whole HTML document (a reader opening an address) or for React's
// payload alone (a navigation inside the app, a prefetch, a refresh). Next.js hides its own request
// headers from pages, so the front server says which, in a header no client can set for itself.

export const DOCUMENT_REQUEST_HEADER = "x-palimpsest-document";

/** Sets the header on a request as it enters the front server: "1" for a whole document. */
export function markDocumentRequest(headers: Record<string, string | string[] | undefined>): void {
  headers[DOCUMENT_REQUEST_HEADER] = headers.rsc === undefined ? "1" : "0";
}

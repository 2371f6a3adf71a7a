// Anchors shared by the renderer (server) and the reader's components, kept apart from the
// renderer so browser code can use them without its dependencies.

/** Id of the References section, reserved so no heading can take it. */
export const REFERENCES_ANCHOR = "references";

export const referenceAnchor = (number: number) => `cite-note-${number}`;
export const citationAnchor = (number: number, use: number) => `cite-ref-${number}-${use}`;

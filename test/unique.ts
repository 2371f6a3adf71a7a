import { randomBytes } from "node:crypto";

/** A short tag of its own, for names that no other test uses. */
export const unique = () => randomBytes(4).toString("hex");

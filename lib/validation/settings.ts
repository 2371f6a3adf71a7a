import { z } from "zod";
import { CITATION_STYLE_IDS } from "../content/citation-styles";
import { invalidInterwikiLines } from "../content/interwiki";

const resolverAddress = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), "A resolver address starts with http:// or https://.")
  .transform((value) => value.replace(/\/+$/, ""));

/** The site settings an administrator changes at /admin/settings. */
export const SiteSettingsSchema = z.object({
  signUpRole: z.enum(["editor", "reader"], { error: "New accounts are editors or readers." }),
  reviewPolicy: z.enum(["none", "required"], { error: "Edits either need review or not." }),
  /** Who reads revisions waiting for review (or rejected): everyone, signed-in accounts, or reviewers. */
  pendingVisibility: z.enum(["everyone", "signedIn", "reviewers"], { error: "Choose who reads text waiting for review." }),
  citationStyle: z.enum(CITATION_STYLE_IDS, { error: "Choose one of the offered citation styles." }),
  /** Where DOIs are resolved to CSL-JSON (content negotiation), e.g. https://doi.org. */
  doiResolver: resolverAddress,
  /**
   * Where web pages are fetched for their citation tags: empty to fetch them directly, or an address
   * the page's URL is appended to (encoded), e.g. a proxy inside the site's network.
   */
  urlResolver: z.union([z.literal(""), resolverAddress]),
  /** Interwiki shortcuts for DokuWiki imports, in DokuWiki's interwiki.conf form. */
  interwiki: z
    .string()
    .max(20_000)
    .superRefine((value, context) => {
      const lines = invalidInterwikiLines(value);
      if (lines.length) context.addIssue({ code: "custom", message: `Each line is a shortcut and an address; line ${lines.slice(0, 3).join(", ")} is not.` });
    }),
});

/** A namespace's or a page's own review policy; "inherit" follows the namespace above or the site. */
export const ReviewPolicySchema = z.object({
  namespace: z.string().trim().min(1, "Name the namespace.").max(200).optional(),
  pageId: z.string().min(1).max(300).optional(),
  policy: z.enum(["required", "none", "inherit"]),
});
export type SiteSettings = z.output<typeof SiteSettingsSchema>;

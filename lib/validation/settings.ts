import { z } from "zod";

/** The site settings an administrator changes at /admin/settings. */
export const SiteSettingsSchema = z.object({
  signUpRole: z.enum(["editor", "reader"], { error: "New accounts are editors or readers." }),
  reviewPolicy: z.enum(["none", "required"], { error: "Edits either need review or not." }),
});

/** A namespace's or a page's own review policy; "inherit" follows the namespace above or the site. */
export const ReviewPolicySchema = z.object({
  namespace: z.string().trim().min(1, "Name the namespace.").max(200).optional(),
  pageId: z.string().min(1).max(300).optional(),
  policy: z.enum(["required", "none", "inherit"]),
});
export type SiteSettings = z.output<typeof SiteSettingsSchema>;

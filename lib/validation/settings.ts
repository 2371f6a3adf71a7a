import { z } from "zod";

/** The site settings an administrator changes at /admin/settings. */
export const SiteSettingsSchema = z.object({
  signUpRole: z.enum(["editor", "reader"], { error: "New accounts are editors or readers." }),
});
export type SiteSettings = z.output<typeof SiteSettingsSchema>;

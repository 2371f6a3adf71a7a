import { z } from "zod";

export const ROLES = ["reader", "editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/**
 * The form of a name compared for uniqueness: names that differ only in case, spacing or Unicode
 * compatibility forms (full-width letters, ligatures) are one name.
 */
export function accountNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_NAME_LENGTH = 60;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }))
  .pipe(z.string().max(254));

export const SignUpSchema = z.object({
  email,
  name: z
    .string()
    .trim()
    .min(2, "Choose a name of at least 2 characters.")
    .max(MAX_NAME_LENGTH, `Keep the name under ${MAX_NAME_LENGTH} characters.`)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, "Use letters, digits, spaces, dots, dashes or apostrophes in the name."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Keep the password under ${MAX_PASSWORD_LENGTH} characters.`),
});
export type SignUpInput = z.input<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});
export type SignInInput = z.input<typeof SignInSchema>;

/** Field messages of a failed parse, the first per field, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

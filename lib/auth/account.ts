import type { Role } from "../validation/account";

/** What the rest of the app knows of a signed-in person. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  blocked: boolean;
}

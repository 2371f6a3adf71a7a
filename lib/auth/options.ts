import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { db } from "../db";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { endSessions, sessionVersion, verifyCredentials } from "../wiki/accounts";
import { unreadCount } from "../wiki/notifications";
import { SignInSchema } from "../validation/account";
import { AppError } from "../wiki/errors";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_SECONDS, deviceToken, knownDevice } from "./device";
import { authSecret } from "./secret";
import { tokenAccount } from "./token-account";

/** The client's address as the front server decided it (never a header the client chose). */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  return String(headers?.[CLIENT_ADDRESS_HEADER] ?? "") || null;
}

/** next-auth: email and password, JWT sessions that re-read the account on every use. */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const email = SignInSchema.shape.email.catch("").parse(credentials?.email);
          const jar = await cookies();
          const account = await verifyCredentials(
            db,
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            clientAddress(req?.headers),
            knownDevice(authSecret(), jar.get(DEVICE_COOKIE)?.value, email),
          );
          jar.set(DEVICE_COOKIE, deviceToken(authSecret(), account.email), {
            httpOnly: true,
            sameSite: "lax",
            secure: process.env.NEXTAUTH_URL?.startsWith("https:") ?? false,
            path: "/api/auth",
            maxAge: DEVICE_MAX_AGE_SECONDS,
          });
          return { id: account.id, name: account.name, email: account.email };
        } catch (error) {
          // next-auth passes an error's message to the sign-in form; only our own messages are safe.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = await sessionVersion(db, user.id);
      }
      return token;
    },
    async session({ session, token }) {
      const account = await tokenAccount(token);
      if (!account) return { ...session, user: undefined, account: null };
      return { ...session, user: { name: account.name, email: account.email }, account, unreadNotifications: await unreadCount(db, account) };
    },
  },
  events: {
    // A JWT cannot be recalled, so signing out moves the account's session version on: every
    // session signed in before, on this device or another, ends with it.
    async signOut({ token }) {
      if (token?.sub) await endSessions(db, token.sub);
    },
  },
};

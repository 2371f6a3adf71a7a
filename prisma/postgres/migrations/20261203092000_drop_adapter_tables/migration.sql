-- Sessions are signed cookies (JWT, docs/decisions/0004-accounts-and-sessions.md) and accounts sign in
-- with a password: next-auth's adapter tables were never written.
DROP TABLE "Account";
DROP TABLE "Session";
DROP TABLE "VerificationToken";

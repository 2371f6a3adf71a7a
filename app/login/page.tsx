import type { Metadata } from "next";
import { SignInForm } from "@/components/account/sign-in-form";
import { localPath } from "@/lib/http/origin";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <article className="prose narrow">
      <h1>Sign in</h1>
      {/* Only paths on this site are followed after signing in. */}
      <SignInForm callbackUrl={localPath(callbackUrl)} />
    </article>
  );
}

import type { Metadata } from "next";
import { SignUpForm } from "@/components/account/sign-up-form";
import { signUp } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <article className="prose narrow">
      <h1>Create an account</h1>
      <SignUpForm signUp={signUp} />
    </article>
  );
}

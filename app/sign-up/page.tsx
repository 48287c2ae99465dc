// /sign-up – a new account; its first visit creates a workspace of its own, unless it came from an invite
// (?invite=<token>: the invited address is filled in and the invite accepted on the way). ?next= as on /sign-in.
import type { Metadata } from "next";
import { AuthPage, type AuthSearchParams } from "@/components/auth-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return <AuthPage mode="sign-up" searchParams={searchParams} />;
}

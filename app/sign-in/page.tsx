// /sign-in – email and password; ?next= is where to go afterwards (a path on this site); ?invite=<token>
// accepts that invite right after signing in.
import type { Metadata } from "next";
import { AuthPage, type AuthSearchParams } from "@/components/auth-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return <AuthPage mode="sign-in" searchParams={searchParams} />;
}

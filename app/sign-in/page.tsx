// /sign-in – email and password; ?next= is where to go afterwards (a path on this site).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { getPageViewer } from "@/lib/auth/viewer";
import { safeRedirect } from "@/lib/http/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = (await searchParams).next;
  // Cleaned here too, so a hostile value never reaches the page, its links or its form.
  const target = typeof next === "string" ? safeRedirect(next) : null;
  if (await getPageViewer()) redirect(target ?? "/");
  return <AuthForm mode="sign-in" next={target} minPasswordLength={MIN_PASSWORD_LENGTH} />;
}

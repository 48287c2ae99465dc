// /sign-in – email and password; ?next= is where to go afterwards (a path on this site).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { getPageViewer } from "@/lib/auth/viewer";
import { safeNext } from "@/lib/ui/api-fetch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = (await searchParams).next;
  const target = typeof next === "string" ? next : null;
  if (await getPageViewer()) redirect(safeNext(target));
  return <AuthForm mode="sign-in" next={target} minPasswordLength={MIN_PASSWORD_LENGTH} />;
}

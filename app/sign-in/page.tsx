// /sign-in – email and password; ?next= is where to go afterwards (a path on this site); ?invite=<token>
// accepts that invite right after signing in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { getPageViewer } from "@/lib/auth/viewer";
import { findInvite } from "@/lib/workspaces/workspace-members";
import { safeRedirect } from "@/lib/http/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; invite?: string | string[] }> }) {
  const { next, invite: inviteToken } = await searchParams;
  // Cleaned here too, so a hostile value never reaches the page, its links or its form.
  const target = typeof next === "string" ? safeRedirect(next) : null;
  if (typeof inviteToken === "string") {
    // From an invite: already signed in, the invite page offers the one click; else fill in the address.
    if (await getPageViewer()) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const invite = await findInvite(inviteToken);
    if (!invite) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const props = { token: inviteToken, email: invite.email, workspaceName: invite.workspaceName };
    return <AuthForm mode="sign-in" next={null} minPasswordLength={MIN_PASSWORD_LENGTH} invite={props} />;
  }
  if (await getPageViewer()) redirect(target ?? "/");
  return <AuthForm mode="sign-in" next={target} minPasswordLength={MIN_PASSWORD_LENGTH} />;
}

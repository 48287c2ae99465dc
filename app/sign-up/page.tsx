// /sign-up – a new account; its first visit creates a workspace of its own, unless it came from an invite
// (?invite=<token>: the invited address is filled in and the invite accepted on the way). ?next= as on /sign-in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { getPageViewer } from "@/lib/auth/viewer";
import { findInvite } from "@/lib/workspaces/workspace-members";
import { safeRedirect } from "@/lib/http/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; invite?: string | string[] }> }) {
  const { next, invite: inviteToken } = await searchParams;
  // Cleaned here too, so a hostile value never reaches the page, its links or its form.
  const target = typeof next === "string" ? safeRedirect(next) : null;
  if (typeof inviteToken === "string") {
    // From an invite: already signed in, the invite page offers the one click; else fill in the address.
    if (await getPageViewer()) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const invite = await findInvite(inviteToken);
    if (!invite) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const props = { token: inviteToken, email: invite.email, workspaceName: invite.workspaceName };
    return <AuthForm mode="sign-up" next={null} minPasswordLength={MIN_PASSWORD_LENGTH} invite={props} />;
  }
  if (await getPageViewer()) redirect(target ?? "/");
  return <AuthForm mode="sign-up" next={target} minPasswordLength={MIN_PASSWORD_LENGTH} />;
}

// What /sign-in and /sign-up share: ?next= cleaned before it reaches the page, its links or its form, a
// signed-in visitor sent on, and from an invite (?invite=<token>) the invited address filled in (or, if
// already signed in or the invite is unknown, the invite page, which says why).
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { getPageViewer } from "@/lib/auth/viewer";
import { safeRedirect } from "@/lib/http/safe-redirect";
import { findInvite } from "@/lib/workspaces/workspace-members";

export type AuthSearchParams = Promise<{ next?: string | string[]; invite?: string | string[] }>;

export async function AuthPage({ mode, searchParams }: { mode: "sign-in" | "sign-up"; searchParams: AuthSearchParams }) {
  const { next, invite: inviteToken } = await searchParams;
  const target = typeof next === "string" ? safeRedirect(next) : null;
  if (typeof inviteToken === "string") {
    if (await getPageViewer()) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const invite = await findInvite(inviteToken);
    if (!invite) redirect(`/invite/${encodeURIComponent(inviteToken)}`);
    const props = { token: inviteToken, email: invite.email, workspaceName: invite.workspaceName };
    return <AuthForm mode={mode} next={null} minPasswordLength={MIN_PASSWORD_LENGTH} invite={props} />;
  }
  if (await getPageViewer()) redirect(target ?? "/");
  return <AuthForm mode={mode} next={target} minPasswordLength={MIN_PASSWORD_LENGTH} />;
}

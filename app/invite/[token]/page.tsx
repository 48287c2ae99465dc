// /invite/:token – an invite to a workspace. Signed out: create an account (the invited address filled
// in) or sign in, and the invite is accepted on the way, no second click. Signed in with the invited
// address: one click joins. A used, expired or unknown invite says which, instead of the generic 404.
import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvite } from "@/components/accept-invite";
import { LinkGone } from "@/components/link-gone";
import { getPageViewer } from "@/lib/auth/viewer";
import { describeInvite } from "@/lib/workspaces/workspace-members";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace invite", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, viewer] = await Promise.all([describeInvite(token), getPageViewer()]);
  if (invite.state === "unknown") {
    return (
      <LinkGone kind="unknown" eyebrow="Invitation" title="This invite link does not work">
        It may have been withdrawn by the workspace owner, or the address was not copied whole. Ask whoever invited you for a new link.
      </LinkGone>
    );
  }
  const member = viewer?.workspaces.some((w) => w.id === invite.workspaceId) ?? false;
  if (invite.state === "used") {
    return member ? (
      <LinkGone
        kind="used"
        eyebrow="Invitation"
        title={`You are a member of ${invite.workspaceName}`}
        at={invite.at}
        atLabel="Invite accepted"
        actions={
          <Link href="/analyses" className="btn-primary">
            Open the history
          </Link>
        }
      >
        This invite has been used, so there is nothing more to do. Switch workspaces under <Link href="/settings" className="link">Settings</Link> if the
        history shows another one.
      </LinkGone>
    ) : (
      <LinkGone kind="used" eyebrow="Invitation" title="This invite has already been used" at={invite.at} atLabel="Used">
        An invite link works once. If you did not use it yourself, ask {invite.invitedBy} for a new invite to {invite.workspaceName}.
      </LinkGone>
    );
  }
  if (invite.state === "expired") {
    return (
      <LinkGone kind="expired" eyebrow="Invitation" title="This invite has expired" at={invite.at} atLabel="Expired">
        Invite links are valid for 7 days. Ask {invite.invitedBy} to invite {invite.email} to {invite.workspaceName} again.
      </LinkGone>
    );
  }
  const q = `invite=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="card p-6">
        <p className="eyebrow text-brand-700">Invitation</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">Join {invite.workspaceName}</h1>
        <p className="mt-2 text-sm leading-relaxed text-slate-600 [overflow-wrap:anywhere]">
          {invite.invitedBy} invited <span className="font-medium text-slate-800">{invite.email}</span> to see and upload the workspace&apos;s
          analyses.
        </p>
        {viewer ? (
          member ? (
            <p className="mt-6 text-sm text-slate-600">
              You are already a member.{" "}
              <Link href="/analyses" className="link">
                Open the history
              </Link>
            </p>
          ) : viewer.email.toLowerCase() === invite.email ? (
            <AcceptInvite token={token} />
          ) : (
            <p className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 [overflow-wrap:anywhere]" data-testid="invite-wrong-account">
              You are signed in as {viewer.email}. Sign out and sign in (or create an account) as {invite.email} to accept.
            </p>
          )
        ) : (
          <div className="mt-6 flex flex-col gap-2 sm:flex-row">
            <Link href={`/sign-up?${q}`} className="btn-primary flex-1" data-testid="invite-sign-up">
              Create an account
            </Link>
            <Link href={`/sign-in?${q}`} className="btn-secondary flex-1" data-testid="invite-sign-in">
              Sign in
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}

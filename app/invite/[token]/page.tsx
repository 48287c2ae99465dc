// /invite/:token – an invite to a workspace. Signed out: sign in or create an account first (and come
// back here). Signed in with the invited address: one click joins.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AcceptInvite } from "@/components/accept-invite";
import { getPageViewer } from "@/lib/auth/viewer";
import { findInvite } from "@/lib/workspaces/workspace-members";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace invite", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  if (!invite) notFound();
  const viewer = await getPageViewer();
  const back = encodeURIComponent(`/invite/${token}`);
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
          viewer.email.toLowerCase() === invite.email ? (
            <AcceptInvite token={token} />
          ) : (
            <p className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 [overflow-wrap:anywhere]">
              You are signed in as {viewer.email}. Sign out and sign in (or create an account) as {invite.email} to accept.
            </p>
          )
        ) : (
          <div className="mt-6 flex flex-col gap-2 sm:flex-row">
            <Link href={`/sign-up?next=${back}`} className="btn-primary flex-1">
              Create an account
            </Link>
            <Link href={`/sign-in?next=${back}`} className="btn-secondary flex-1">
              Sign in
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}

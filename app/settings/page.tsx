// /settings – the workspace's members and invites, API tokens, and the account's password and sessions.
import type { Metadata } from "next";
import { AccountPanel } from "@/components/account-panel";
import { TokensPanel } from "@/components/tokens-panel";
import { WorkspacePanel } from "@/components/workspace-panel";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requirePageViewer("/settings");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Settings</h1>
        <p className="mt-1 text-sm text-slate-500 [overflow-wrap:anywhere]">
          Signed in as <span className="font-medium text-slate-700">{viewer.email}</span>
        </p>
      </div>
      <WorkspacePanel userId={viewer.userId} />
      <TokensPanel workspace={viewer.workspace.name} />
      <AccountPanel minPasswordLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}

"use client";
// The current workspace: switch between the user's workspaces, see members, and (owners) invite by
// email address. An invite is a link to hand over; no mail is sent.
import { useCallback, useEffect, useState } from "react";
import type { WorkspaceRef } from "@/lib/workspaces/ensure-workspace";
import type { InviteView, MemberView } from "@/lib/workspaces/workspace-members";
import { apiFetch } from "@/lib/ui/api-fetch";
import { CopyButton } from "./copy-button";
import { LocalTime } from "./local-time";
import { ErrorNotice } from "./error-notice";

const field =
  "block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

type Data = { workspace: WorkspaceRef; workspaces: WorkspaceRef[]; members: MemberView[]; invites: InviteView[] };

export function WorkspacePanel({ userId }: { userId: string }) {
  const [data, setData] = useState<Data | null>(null);
  const [fresh, setFresh] = useState<{ email: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await apiFetch<Data>("/api/workspace"));
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const invite = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const email = String(new FormData(form).get("email") ?? "").trim();
    void run(async () => {
      const created = await apiFetch<{ email: string; url: string }>("/api/workspace/invites", { body: { email } });
      setFresh({ email: created.email, url: new URL(created.url, window.location.origin).toString() });
      form.reset();
    });
  };

  const switchTo = (workspaceId: string) =>
    run(async () => {
      await apiFetch("/api/workspace/active", { body: { workspaceId } });
      window.location.reload();
    });

  if (!data) return <section className="card h-40 animate-pulse" aria-busy="true" />;
  const owner = data.workspace.role === "owner";

  return (
    <section className="card" aria-labelledby="workspace-heading" data-testid="workspace-panel">
      <div className="p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="workspace-heading" className="text-base font-semibold text-slate-900">
              Workspace <span className="[overflow-wrap:anywhere]">{data.workspace.name}</span>
            </h2>
            <p className="mt-1 text-[13px] text-slate-600">
              Members see every analysis uploaded to this workspace. You are {owner ? "an owner" : "a member"}.
            </p>
          </div>
          {data.workspaces.length > 1 && (
            <label className="text-xs font-medium text-slate-600">
              Switch workspace
              <select className={`${field} mt-1`} value={data.workspace.id} onChange={(e) => switchTo(e.target.value)} data-testid="workspace-switch">
                {data.workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>

        {owner && (
          <form onSubmit={invite} className="mt-5 flex flex-col gap-2 sm:flex-row">
            <label className="sr-only" htmlFor="invite-email">
              Email address to invite
            </label>
            <input id="invite-email" name="email" type="email" required placeholder="teammate@example.com" className={`${field} sm:max-w-xs`} data-testid="invite-email" />
            <button type="submit" className="btn-primary" data-testid="create-invite">
              Create invite link
            </button>
          </form>
        )}
        {fresh && (
          <div className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3" data-testid="new-invite">
            <p className="text-xs font-medium text-emerald-900">
              Send this link to {fresh.email}. It works once, for that address, for 7 days.
            </p>
            <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
              <input
                readOnly
                value={fresh.url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="new-invite-url"
                className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-2.5 py-1.5 font-mono text-xs text-slate-800"
              />
              <CopyButton text={fresh.url} label="Copy" />
            </div>
          </div>
        )}
        {error && (
          <ErrorNotice className="mt-4">{error}</ErrorNotice>
        )}
      </div>

      <ul className="divide-y divide-slate-100 border-t border-slate-100" aria-label="Members">
        {data.members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 sm:px-6" data-testid="member-row">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-slate-900">
                {m.name} {m.userId === userId && <span className="font-normal text-slate-500">(you)</span>}
              </p>
              <p className="truncate text-xs text-slate-500">{m.email}</p>
            </div>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 capitalize">{m.role}</span>
            {owner && m.userId !== userId && (
              <button
                type="button"
                className="btn-ghost px-2.5 py-1 text-red-700 hover:bg-red-50"
                onClick={() => window.confirm(`Remove ${m.email} from ${data.workspace.name}?`) && run(() => apiFetch(`/api/workspace/members/${encodeURIComponent(m.userId)}`, { method: "DELETE" }))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
        {data.invites.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 sm:px-6" data-testid="invite-row">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm text-slate-700">{i.email}</p>
              <p className="text-xs text-slate-500">
                Invited <LocalTime iso={i.createdAt} />, link valid until <LocalTime iso={i.expiresAt} />
              </p>
            </div>
            <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">Invited</span>
            {owner && (
              <button type="button" className="btn-ghost px-2.5 py-1 text-red-700 hover:bg-red-50" onClick={() => run(() => apiFetch(`/api/workspace/invites/${encodeURIComponent(i.id)}`, { method: "DELETE" }))}>
                Withdraw
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

"use client";
// API tokens for scripts and CI: create one (shown once), see when each was last used, revoke it.
import { useCallback, useEffect, useState } from "react";
import type { ApiTokenView } from "@/lib/tokens/api-tokens";
import { apiFetch } from "@/lib/ui/api-fetch";
import { CopyButton } from "./copy-button";
import { LocalTime } from "./local-time";
import { ErrorNotice } from "./error-notice";

const field =
  "block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

export function TokensPanel({ workspace }: { workspace: string }) {
  const [tokens, setTokens] = useState<ApiTokenView[] | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setTokens((await apiFetch<{ items: ApiTokenView[] }>("/api/tokens")).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    try {
      const created = await apiFetch<{ token: string }>("/api/tokens", { body: { name } });
      setFresh(created.token);
      form.reset();
      await reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (t: ApiTokenView) => {
    if (!window.confirm(`Revoke the token "${t.name}"? Scripts using it, and tokens created with it, get 401 from now on.`)) return;
    try {
      await apiFetch(`/api/tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" });
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="tokens-heading" data-testid="tokens-panel">
      <div className="p-5 sm:p-6">
        <h2 id="tokens-heading" className="text-base font-semibold text-slate-900">
          API tokens
        </h2>
        <p className="mt-1 max-w-prose text-[13px] leading-relaxed text-slate-600">
          For scripts and CI: send <code className="font-mono text-[12px] text-slate-800">Authorization: Bearer &lt;token&gt;</code> to any API
          route. A token acts as you in the workspace it was created in (now: <span className="font-medium text-slate-800">{workspace}</span>).
        </p>
        <form onSubmit={create} className="mt-4 flex flex-col gap-2 sm:flex-row">
          <label className="sr-only" htmlFor="token-name">
            Token name
          </label>
          <input id="token-name" name="name" required maxLength={100} placeholder="Name, e.g. lab CI" className={`${field} sm:max-w-xs`} data-testid="token-name" />
          <button type="submit" className="btn-primary" disabled={busy} data-testid="create-token">
            Create token
          </button>
        </form>
        {fresh && (
          <div className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3" data-testid="new-token">
            <p className="text-xs font-medium text-emerald-900">Your new token. Copy it now: it is stored hashed and cannot be shown again.</p>
            <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
              <input
                readOnly
                value={fresh}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="new-token-value"
                className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-2.5 py-1.5 font-mono text-xs text-slate-800"
              />
              <CopyButton text={fresh} label="Copy" />
            </div>
          </div>
        )}
        {error && (
          <ErrorNotice className="mt-4">{error}</ErrorNotice>
        )}
      </div>
      {tokens && tokens.length > 0 && (
        <ul className="divide-y divide-slate-100 border-t border-slate-100">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 sm:px-6" data-testid="token-row">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">{t.name}</p>
                <p className="text-xs text-slate-500">
                  <span className="font-mono">{t.prefix}…</span> · {t.workspace} · created <LocalTime iso={t.createdAt} /> ·{" "}
                  {t.lastUsedAt ? (
                    <>
                      last used <LocalTime iso={t.lastUsedAt} />
                    </>
                  ) : (
                    "never used"
                  )}
                </p>
              </div>
              <button type="button" onClick={() => revoke(t)} className="btn-ghost px-2.5 py-1 text-red-700 hover:bg-red-50 hover:text-red-800" data-testid="revoke-token">
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

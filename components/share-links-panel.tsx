"use client";
// Share links of one analysis: create one (optionally expiring); every active link is listed with its
// URL (to copy again later) and when it expires; see how often and when each was opened, revoke it.
import { useCallback, useEffect, useState } from "react";
import type { ShareLinkView } from "@/lib/shares/share-links";
import { apiFetch } from "@/lib/ui/api-fetch";
import { CopyButton } from "./copy-button";
import { LinkIcon, SpinnerIcon } from "./icons";
import { LocalTime } from "./local-time";
import { ErrorNotice } from "./error-notice";

const EXPIRY = [
  { label: "Never expires", days: null },
  { label: "Expires in 1 day", days: 1 },
  { label: "Expires in 7 days", days: 7 },
  { label: "Expires in 30 days", days: 30 },
] as const;

const STATE_STYLE: Record<ShareLinkView["state"], string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  expired: "bg-slate-100 text-slate-600 ring-slate-200",
  revoked: "bg-red-50 text-red-700 ring-red-200",
};

/** Share links of an analysis (`analysisId`) or of a case (`caseId`: the link shows the case and its analyses). */
export function ShareLinksPanel({ analysisId, caseId, canManage }: { analysisId?: string; caseId?: string; canManage: boolean }) {
  const base = caseId ? `/api/cases/${encodeURIComponent(caseId)}/shares` : `/api/analyses/${encodeURIComponent(analysisId ?? "")}/shares`;
  const [links, setLinks] = useState<ShareLinkView[] | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The page's origin, known only in the browser (the links are paths; the server may sit behind a proxy).
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const reload = useCallback(async () => {
    try {
      setLinks((await apiFetch<{ items: ShareLinkView[] }>(base)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [base]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await apiFetch<{ url: string }>(base, { body: { expiresInDays: days } });
      setFresh(new URL(created.url, window.location.origin).toString());
      await reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setError(null);
    try {
      await apiFetch(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const shown = links?.filter((l) => l.state === "active" || l.openCount > 0 || Date.now() - Date.parse(l.createdAt) < 30 * 86400_000) ?? [];

  return (
    <section className="card" aria-labelledby="share-heading" data-testid="share-panel" data-print="hide">
      <div className="flex flex-col gap-3 p-5 sm:flex-row sm:items-start sm:justify-between sm:p-6">
        <div className="min-w-0">
          <h2 id="share-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            <LinkIcon className="h-4 w-4 text-slate-400" />
            Share links
          </h2>
          <p className="mt-1 max-w-prose text-[13px] leading-relaxed text-slate-600">
            Anyone with a share link sees {caseId ? "this case and each of its analyses" : "this analysis"} read-only, without an account. Members of your workspace use the page address
            instead.
          </p>
        </div>
        {canManage && (
          <div className="flex shrink-0 flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="share-expiry">
              Expiry
            </label>
            <select
              id="share-expiry"
              className="rounded-lg border border-slate-300 bg-white py-2 pr-8 pl-3 text-sm text-slate-700 shadow-sm"
              value={days ?? ""}
              onChange={(e) => setDays(e.target.value ? Number(e.target.value) : null)}
              data-testid="share-expiry"
            >
              {EXPIRY.map((o) => (
                <option key={o.label} value={o.days ?? ""}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="button" className="btn-primary" onClick={create} disabled={busy} data-testid="create-share">
              {busy && <SpinnerIcon className="h-4 w-4" />}
              Create link
            </button>
          </div>
        )}
      </div>

      {fresh && (
        <div className="mx-5 mb-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3 sm:mx-6" data-testid="new-share">
          <p className="text-xs font-medium text-emerald-900">New link created. It is also listed below while it works.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <input
              readOnly
              value={fresh}
              data-testid="new-share-url"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-2.5 py-1.5 font-mono text-xs text-slate-800"
            />
            <CopyButton text={fresh} label="Copy" />
          </div>
        </div>
      )}

      {error && (
        <ErrorNotice className="mx-5 mb-4 sm:mx-6">{error}</ErrorNotice>
      )}

      {links === null ? null : shown.length === 0 ? (
        <p className="border-t border-slate-100 px-5 py-4 text-sm text-slate-500 sm:px-6">No share links yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 border-t border-slate-100">
          {shown.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-6" data-testid="share-row" data-state={l.state}>
              <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${STATE_STYLE[l.state]}`}>
                {l.state}
              </span>
              <div className="min-w-0 flex-1 basis-64 text-xs text-slate-600">
                {l.url && origin && (
                  <div className="mb-1.5 flex min-w-0 items-center gap-2">
                    <input
                      readOnly
                      value={new URL(l.url, origin).toString()}
                      aria-label="Share link address"
                      data-testid="share-url"
                      onFocus={(e) => e.currentTarget.select()}
                      className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800"
                    />
                    <CopyButton text={new URL(l.url, origin).toString()} label="Copy" className="btn-secondary px-2.5 py-1 text-xs" />
                  </div>
                )}
                <p>
                  Created <LocalTime iso={l.createdAt} />
                  {l.createdBy ? <> by {l.createdBy}</> : null}
                  {" · "}
                  <span data-testid="share-expiry-text">
                    {l.state === "revoked" ? (
                      <>
                        revoked <LocalTime iso={l.revokedAt} />
                      </>
                    ) : l.expiresAt ? (
                      <>
                        {l.state === "expired" ? "expired" : "expires"} <LocalTime iso={l.expiresAt} />
                      </>
                    ) : (
                      "never expires"
                    )}
                  </span>
                </p>
                {l.state === "active" && !l.url && <p className="mt-0.5 text-slate-500">Made before links were kept: its address is with whoever copied it.</p>}
                <p className="mt-0.5" data-testid="share-opens">
                  Opened <span className="font-semibold text-slate-800 tabular-nums">{l.openCount}</span> time{l.openCount === 1 ? "" : "s"}
                  {l.lastOpenedAt ? (
                    <>
                      , last <LocalTime iso={l.lastOpenedAt} />
                    </>
                  ) : null}
                </p>
              </div>
              {canManage && l.state === "active" && (
                <button type="button" className="btn-ghost px-2.5 py-1 text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => revoke(l.id)} data-testid="revoke-share">
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

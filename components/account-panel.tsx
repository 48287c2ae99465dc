"use client";
// The account's own security: change the password (which signs every other browser out) and sign out
// everywhere (every session of the account, this one too), e.g. after using a shared computer.
import { useState } from "react";
import { apiFetch } from "@/lib/ui/api-fetch";
import { ErrorNotice } from "./error-notice";

const field =
  "mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

export function AccountPanel({ minPasswordLength }: { minPasswordLength: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const changePassword = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await apiFetch("/api/auth/change-password", {
        body: { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") },
      });
      form.reset();
      setDone(true);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const signOutEverywhere = async () => {
    if (!window.confirm("Sign out on every browser and device, this one too?")) return;
    setBusy(true);
    try {
      await apiFetch("/api/auth/revoke-sessions", { body: {} });
      window.location.assign("/sign-in");
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="account-heading" data-testid="account-panel">
      <div className="p-5 sm:p-6">
        <h2 id="account-heading" className="text-base font-semibold text-slate-900">
          Password and sessions
        </h2>
        <form onSubmit={changePassword} className="mt-4 grid gap-3 sm:max-w-md" data-testid="change-password-form">
          <label className="block text-sm font-medium text-slate-700">
            Current password
            <input name="currentPassword" type="password" required autoComplete="current-password" className={field} />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            New password
            <input name="newPassword" type="password" required minLength={minPasswordLength} maxLength={256} autoComplete="new-password" className={field} />
            <span className="mt-1 block text-xs font-normal text-slate-500">At least {minPasswordLength} characters, not a common password.</span>
          </label>
          <div>
            <button type="submit" className="btn-primary" disabled={busy} data-testid="change-password">
              Change password
            </button>
          </div>
        </form>
        {done && (
          <p role="status" className="mt-3 text-sm text-emerald-800" data-testid="password-changed">
            Password changed. Every other browser and device signed in to this account was signed out.
          </p>
        )}
        {error && <ErrorNotice className="mt-3">{error}</ErrorNotice>}
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-200 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
        <p className="max-w-prose text-[13px] leading-relaxed text-slate-600">
          Signed in somewhere you no longer use? End every session of this account. API tokens keep working: revoke those under API tokens.
        </p>
        <button type="button" className="btn-secondary shrink-0" onClick={signOutEverywhere} disabled={busy} data-testid="sign-out-everywhere">
          Sign out everywhere
        </button>
      </div>
    </section>
  );
}

"use client";
// Sign-in and sign-up forms. They post to better-auth's endpoints (/api/auth/sign-up/email, then
// /api/auth/sign-in/email, which sets the session cookie), then go on to where the visitor was headed.
// From an invite, the invited address is filled in and the invite is accepted right away (one step, and
// the new account gets no personal workspace it would never use); if that fails, the invite page says why.
import Link from "next/link";
import { useState } from "react";
import { safeRedirect } from "@/lib/http/safe-redirect";
import { apiFetch } from "@/lib/ui/api-fetch";
import { ErrorIcon, SpinnerIcon } from "./icons";

const input =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

export type InviteForForm = { token: string; email: string; workspaceName: string };

export function AuthForm({
  mode,
  next,
  minPasswordLength,
  invite,
}: {
  mode: "sign-in" | "sign-up";
  next: string | null;
  minPasswordLength: number;
  invite?: InviteForForm;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = safeRedirect(next);
  const signUp = mode === "sign-up";

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (signUp) {
        const name = String(form.get("name") ?? "").trim() || email.split("@")[0];
        // Sign-up answers the same whether or not the address has an account (no enumeration), and signs
        // no one in; signing in with the new password is what tells.
        await apiFetch("/api/auth/sign-up/email", { body: { email, password, name } });
        await apiFetch("/api/auth/sign-in/email", { body: { email, password } }).catch(() => {
          throw new Error("Could not sign in with this password. If this address already has an account, sign in with its password instead.");
        });
      } else {
        await apiFetch("/api/auth/sign-in/email", { body: { email, password } });
      }
      if (invite) {
        const invitePage = `/invite/${encodeURIComponent(invite.token)}`;
        try {
          await apiFetch(invitePage.replace("/invite/", "/api/invites/"), { method: "POST" });
        } catch {
          // signed in, but the invite did not take (another address, just expired): its page explains
          window.location.assign(invitePage);
          return;
        }
        window.location.assign("/analyses");
        return;
      }
      // A full navigation, so the header and every server component see the new session.
      window.location.assign(target);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  const other = signUp ? "/sign-in" : "/sign-up";
  const otherHref = invite
    ? `${other}?invite=${encodeURIComponent(invite.token)}`
    : next
      ? `${other}?next=${encodeURIComponent(target)}`
      : other;

  return (
    <div className="mx-auto w-full max-w-sm py-4 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{signUp ? "Create your account" : "Sign in"}</h1>
      <p className="mt-1 text-sm text-slate-500 [overflow-wrap:anywhere]" data-testid={invite ? "auth-invite-note" : undefined}>
        {invite
          ? `${signUp ? "Your account" : "Signing in"} joins ${invite.workspaceName}, the workspace you were invited to.`
          : signUp
          ? "Analyses belong to your workspace: only its members, and people you send a share link to, can see them."
          : "Bundles hold customer data, so analyses are visible to their workspace only."}
      </p>
      <form onSubmit={submit} className="card mt-6 space-y-4 p-5 sm:p-6" data-testid={`${mode}-form`}>
        {signUp && (
          <label className="block text-sm font-medium text-slate-700">
            Name
            <input name="name" autoComplete="name" className={input} placeholder="Alex Engineer" maxLength={100} />
          </label>
        )}
        <label className="block text-sm font-medium text-slate-700">
          Email
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            className={`${input} read-only:bg-slate-50 read-only:text-slate-700`}
            placeholder="you@example.com"
            maxLength={254}
            defaultValue={invite?.email}
            // The invite is for this address; another one could not accept it.
            readOnly={Boolean(invite && signUp)}
          />
          {invite && signUp && <span className="mt-1 block text-xs font-normal text-slate-500">The address the invite was sent to.</span>}
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Password
          <input
            name="password"
            type="password"
            required
            minLength={signUp ? minPasswordLength : undefined}
            autoComplete={signUp ? "new-password" : "current-password"}
            className={input}
          />
          {signUp && <span className="mt-1 block text-xs font-normal text-slate-500">At least {minPasswordLength} characters, not a common password.</span>}
        </label>
        {error && (
          <p role="alert" data-testid="auth-error" className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <ErrorIcon className="mt-0.5 h-4 w-4 shrink-0 text-red-600" />
            <span className="min-w-0 break-words">{error}</span>
          </p>
        )}
        <button type="submit" className="btn-primary w-full" disabled={busy} data-testid={`${mode}-submit`}>
          {busy && <SpinnerIcon className="h-4 w-4" />}
          {signUp ? (invite ? "Create account and join" : "Create account") : invite ? "Sign in and join" : "Sign in"}
        </button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-500">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={otherHref} className="link">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </div>
  );
}

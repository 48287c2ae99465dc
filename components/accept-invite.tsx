"use client";
// Joins the workspace an invite link is for, then opens its history.
import { useState } from "react";
import { apiFetch } from "@/lib/ui/api-fetch";
import { SpinnerIcon } from "./icons";
import { ErrorNotice } from "./error-notice";

export function AcceptInvite({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/invites/${encodeURIComponent(token)}`, { method: "POST" });
      window.location.assign("/analyses");
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <div className="mt-6 space-y-3">
      <button type="button" className="btn-primary w-full" onClick={accept} disabled={busy} data-testid="accept-invite">
        {busy && <SpinnerIcon className="h-4 w-4" />}
        Join the workspace
      </button>
      {error && (
        <ErrorNotice>{error}</ErrorNotice>
      )}
    </div>
  );
}

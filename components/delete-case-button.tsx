"use client";
// Deletes a case after a confirmation: its analyses (bundles, results, share links) go with it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/ui/api-fetch";
import { SpinnerIcon } from "./icons";

export function DeleteCaseButton({ id, title, bundles }: { id: string; title: string; bundles: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(`Delete the case ${title} and its ${bundles} analys${bundles === 1 ? "is" : "es"}? Their stored bundles, results and every share link are removed. This cannot be undone.`)) return;
    setBusy(true);
    try {
      await apiFetch(`/api/cases/${encodeURIComponent(id)}`, { method: "DELETE" });
      router.push("/cases");
      router.refresh();
    } catch (err) {
      window.alert((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn-secondary text-red-700 hover:bg-red-50 hover:text-red-800" onClick={remove} disabled={busy} data-testid="delete-case">
      {busy && <SpinnerIcon className="h-4 w-4" />}
      Delete
    </button>
  );
}
